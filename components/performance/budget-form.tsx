"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { saveBudgetAction } from "@/lib/performance/actions";
import { PERFORMANCE_MESSAGES as M, ZBudgetSave } from "@/lib/performance/schemas";
import { formatRupiah } from "@/lib/format";

import { decimalToIndonesian, QUARTERS, quarterShort } from "./format";

const UI = M.ui;

type TIn = z.input<typeof ZBudgetSave>;
type TOut = z.output<typeof ZBudgetSave>;

export interface BudgetProgram {
  id: string;
  code: string;
  name: string;
  quarters: { quarter: number; pagu: string; realization: string | null }[];
}

/** Realisasi anggaran per program and quarter, for Tim SAKIP and the administrator. */
export function BudgetEntry({ agencySlug, programs, frozen }: { agencySlug: string; programs: BudgetProgram[]; frozen: boolean[] }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{UI.budgetEntryHint}</p>
      {programs.map((p) => (
        <fieldset key={p.id} className="rounded-md border border-slate-200 p-3" data-testid={`budget-entry-${p.code}`}>
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {p.code} {p.name}
          </legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {QUARTERS.map((q) => {
              const row = p.quarters.find((x) => x.quarter === q);
              return row ? (
                <BudgetQuarterForm key={q} agencySlug={agencySlug} programId={p.id} quarter={q} pagu={row.pagu} realization={row.realization} frozen={frozen[q - 1]!} />
              ) : null;
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function BudgetQuarterForm({
  agencySlug,
  programId,
  quarter,
  pagu,
  realization,
  frozen,
}: {
  agencySlug: string;
  programId: string;
  quarter: number;
  pagu: string;
  realization: string | null;
  frozen: boolean;
}) {
  const router = useRouter();
  const id = `budget-${programId}-${quarter}`;
  const q = quarterShort(quarter);
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(ZBudgetSave),
    defaultValues: { programId, quarter, realization: decimalToIndonesian(realization) },
  });

  async function onSubmit() {
    // The typed text goes to the server, which parses it with the same schema.
    const result = await saveBudgetAction(agencySlug, { programId, quarter, realization: getValues("realization") });
    if (result.ok) {
      toast.success(M.budgetSaved(q));
      router.refresh();
      return;
    }
    setError("realization", { message: result.fieldErrors?.realization?.[0] ?? result.error }, { shouldFocus: true });
    toast.error(result.fieldErrors?.realization?.[0] ?? result.error);
  }

  const error = errors.realization?.message;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {UI.budgetLabel(q)}
      </label>
      <p className="text-xs text-slate-600">{UI.paguOf(formatRupiah(pagu))}</p>
      <div className="flex gap-2">
        <Input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          disabled={frozen}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-0 text-right tabular-nums"
          {...register("realization")}
        />
        <Button type="submit" variant="secondary" size="sm" className="min-h-10" disabled={frozen || isSubmitting} aria-label={`${UI.budgetSave} ${q}`}>
          <Save aria-hidden className="size-4" />
          {isSubmitting ? UI.saving : UI.budgetSave}
        </Button>
      </div>
      {frozen ? <p className="text-xs text-slate-600">{UI.frozenShort}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
