"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applyErrors } from "@/components/ui/form-errors";
import { Input, Select } from "@/components/ui/input";
import { generateLevelPkAction, saveActionPlanAction } from "@/lib/cascade/actions";
import { LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import { ZGenerateLevelPk, ZSaveActionPlan } from "@/lib/cascade/schemas";
import { availableRealizationEvents, isRealizationEditable } from "@/lib/performance/workflow";
import { zodResolver } from "@/lib/validation/zod-resolver";

import { UnitRealizationForm, UnitRealizationReview, type TUnitRealizationRow } from "./unit-realization-tools";

const AGGREGATION_LABEL = { CUMULATIVE: "Kumulatif (dijumlah)", LAST: "Nilai terakhir", AVERAGE: "Rata-rata" } as const;

/** Generates the PK per level of the year; asks for the head's parties only when the year has no agency PK yet. */
export function GenerateLevelPkForm({ agencySlug, periodId, year, needsHead }: { agencySlug: string; periodId: string; year: number; needsHead: boolean }) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZGenerateLevelPk>;
  const form = useForm<TIn, unknown, z.output<typeof ZGenerateLevelPk>>({
    resolver: zodResolver(ZGenerateLevelPk),
    defaultValues: { periodId, year, firstPartyName: "", firstPartyJabatan: "", secondPartyName: "", secondPartyJabatan: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const party = (name: "firstPartyName" | "firstPartyJabatan" | "secondPartyName" | "secondPartyJabatan") => (
    <Field id={`${id}-${name}`} label={M[name]} error={errors[name]?.message}>
      <Input id={`${id}-${name}`} className="min-h-11" aria-invalid={Boolean(errors[name])} {...form.register(name)} />
    </Field>
  );
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="level-pk-generate"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await generateLevelPkAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.generated(result.data.created.length + (result.data.head === "created" ? 1 : 0), result.data.kept.length + (result.data.head === "kept" ? 1 : 0)));
        router.refresh();
      })}
    >
      <p className="text-sm text-slate-600">{M.generateHint}</p>
      {needsHead ? (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-slate-800">{M.headParties}</legend>
          {party("firstPartyName")}
          {party("firstPartyJabatan")}
          {party("secondPartyName")}
          {party("secondPartyJabatan")}
        </fieldset>
      ) : null}
      {errors.root?.message ? <Alert tone="danger">{errors.root.message}</Alert> : null}
      <Button type="submit" disabled={isSubmitting} className="min-h-11">
        {isSubmitting ? M.generating : M.generate}
      </Button>
    </form>
  );
}

/**
 * Inline editors of a unit PK row: its Rencana Aksi (planning unit), its realization of the quarter
 * while the unit may still change it (unit members), and the review of a sent value (Tim SAKIP or
 * the planning unit). What each may do now is the realization table's (decision 044).
 */
export function UnitRowTools({
  agencySlug,
  row,
  quarter,
  canPlan,
  canFill,
  canReview,
  frozen,
}: {
  agencySlug: string;
  row: TUnitRealizationRow;
  quarter: number;
  canPlan: boolean;
  canFill: boolean;
  canReview: boolean;
  frozen: boolean;
}) {
  const [open, setOpen] = useState<"plan" | "fill" | null>(null);
  const fillable = canFill && !frozen && isRealizationEditable(row.status, frozen);
  const reviewable = canReview && !frozen && availableRealizationEvents(row.status ?? "NONE", frozen, "VERIFIER").includes("VERIFY");
  return (
    <div className="no-print space-y-2">
      <div className="flex flex-wrap gap-2">
        {canPlan ? (
          <Button type="button" variant="secondary" className="min-h-11" aria-expanded={open === "plan"} onClick={() => setOpen(open === "plan" ? null : "plan")}>
            {M.editActionPlan}
          </Button>
        ) : null}
        {fillable ? (
          <Button type="button" variant="secondary" className="min-h-11" aria-expanded={open === "fill"} onClick={() => setOpen(open === "fill" ? null : "fill")}>
            {M.editRealization}
          </Button>
        ) : null}
      </div>
      {open === "plan" ? <ActionPlanForm agencySlug={agencySlug} row={row} onDone={() => setOpen(null)} /> : null}
      {open === "fill" && fillable ? <UnitRealizationForm agencySlug={agencySlug} row={row} quarter={quarter} onDone={() => setOpen(null)} /> : null}
      {reviewable ? <UnitRealizationReview agencySlug={agencySlug} row={row} quarter={quarter} /> : null}
    </div>
  );
}

function ActionPlanForm({ agencySlug, row, onDone }: { agencySlug: string; row: { rowId: string; name: string; aggregation: "CUMULATIVE" | "LAST" | "AVERAGE"; quarterTargets: (string | null)[] }; onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZSaveActionPlan>;
  const form = useForm<TIn, unknown, z.output<typeof ZSaveActionPlan>>({
    resolver: zodResolver(ZSaveActionPlan),
    defaultValues: { rowId: row.rowId, aggregation: row.aggregation, quarters: row.quarterTargets.map((t) => t ?? "") },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={`${M.actionPlan}: ${row.name}`}
      onSubmit={form.handleSubmit(async (values) => {
        const result = await saveActionPlanAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.actionPlanSaved);
        onDone();
        router.refresh();
      })}
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Field key={i} id={`${id}-q${i}`} label={`Target ${M.colQuarter(i + 1)}`} error={errors.quarters?.[i]?.message}>
            <Input id={`${id}-q${i}`} inputMode="decimal" className="min-h-11" {...form.register(`quarters.${i}`)} />
          </Field>
        ))}
      </div>
      <Field id={`${id}-agg`} label="Cara menghitung s.d. triwulan">
        <Select id={`${id}-agg`} className="min-h-11" {...form.register("aggregation")}>
          {(Object.keys(AGGREGATION_LABEL) as (keyof typeof AGGREGATION_LABEL)[]).map((k) => (
            <option key={k} value={k}>
              {AGGREGATION_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
      {errors.root?.message ? <Alert tone="danger">{errors.root.message}</Alert> : null}
      <Button type="submit" disabled={isSubmitting} className="min-h-11">
        {isSubmitting ? "Menyimpan…" : "Simpan"}
      </Button>
    </form>
  );
}
