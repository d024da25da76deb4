"use client";

import { Check, Paperclip, Save, Send, Undo2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { Textarea } from "@/components/cycle/textarea";
import { EvidenceUpload } from "@/components/performance/evidence";
import { EvidenceFiles, type TEvidenceFile } from "@/components/performance/evidence-files";
import { PlausibilityWarnings } from "@/components/performance/plausibility-warnings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { reviewUnitRealizationAction, saveUnitRealizationAction } from "@/lib/cascade/actions";
import { LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import { ZSaveUnitRealization } from "@/lib/cascade/schemas";
import { UNIT_REALIZATION_MESSAGES as UR } from "@/lib/cascade/unit-realization-messages";
import { formatNumber } from "@/lib/format";
import { PLAUSIBILITY_MESSAGES, checkPlausibility, type TPlausibilityCode, type TPlausibilityWarning } from "@/lib/performance/plausibility";
import type { TRealizationStatus } from "@/lib/performance/workflow";

export interface TUnitRealizationRow {
  rowId: string;
  name: string;
  unitOfMeasure: string;
  polarity: "HIGHER" | "LOWER";
  aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
  target: string | null;
  quarterTargets: (string | null)[];
  realizations: (string | null)[];
  status: TRealizationStatus | null;
  returnReason: string | null;
  files: TEvidenceFile[];
  /** Why this member may not verify or return the sent value (they filled it, decision 055). */
  reviewRefusal?: string | null;
}

/**
 * A unit's realization of the quarter (decision 044): save a draft or send it with its data dukung
 * (the agency PK's plausibility warnings and the "no data dukung" warning asked before sending),
 * the evidence upload of the agency PK's form, and the return reason when Tim SAKIP sent it back.
 */
export function UnitRealizationForm({ agencySlug, row, quarter, onDone }: { agencySlug: string; row: TUnitRealizationRow; quarter: number; onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZSaveUnitRealization>;
  const form = useForm<TIn>({
    defaultValues: { rowId: row.rowId, quarter, value: row.realizations[quarter - 1] ?? "", submit: false, confirmed: [] },
  });
  const { errors } = form.formState;
  const [pending, setPending] = useState<"draft" | "submit" | null>(null);
  const [confirming, setConfirming] = useState<{ submit: boolean; warnings: TPlausibilityWarning[] } | null>(null);
  const typed = useWatch({ control: form.control, name: "value" });
  // The same warnings as the server (lib/performance/plausibility.ts), on this row's targets.
  const warnings = useMemo(() => {
    const parsed = ZSaveUnitRealization.safeParse({ rowId: row.rowId, quarter, value: typed });
    if (!parsed.success) return [];
    return checkPlausibility(
      {
        unit: row.unitOfMeasure,
        polarity: row.polarity,
        targetType: "SINGLE",
        aggregation: row.aggregation,
        targetValue: row.target,
        targetMin: null,
        targetMax: null,
        quarters: row.quarterTargets.map((t, i) => ({ quarter: i + 1, targetValue: t, targetMin: null, targetMax: null })),
        realizations: row.realizations.map((v, i) => ({ quarter: i + 1, value: v })),
      },
      { quarter, value: parsed.data.value, valueText: parsed.data.valueText },
    );
  }, [row, quarter, typed]);

  function request(submit: boolean) {
    const raw = form.getValues("value");
    if (submit && (raw === null || raw === undefined || String(raw).trim() === "")) {
      form.setError("value", { message: UR.valueRequired }, { shouldFocus: true });
      return;
    }
    if (submit || warnings.length) setConfirming({ submit, warnings });
    else void save(false, []);
  }

  async function save(submit: boolean, confirmed: TPlausibilityCode[]) {
    setPending(submit ? "submit" : "draft");
    try {
      const result = await saveUnitRealizationAction(agencySlug, { rowId: row.rowId, quarter, value: form.getValues("value"), submit, confirmed });
      if (!result.ok) {
        const message = result.fieldErrors?.value?.[0];
        if (message) form.setError("value", { message }, { shouldFocus: true });
        else form.setError("root", { message: result.error });
        toast.error(result.error);
        return;
      }
      toast.success(submit ? UR.submitted : UR.saved);
      if (submit) onDone();
      router.refresh();
    } finally {
      setPending(null);
    }
  }

  const shown = typed === null || typed === undefined || String(typed).trim() === "" ? "–" : String(typed);
  return (
    <form
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={`${M.realization}: ${row.name}`}
      data-testid="unit-realization-form"
      onSubmit={(e) => {
        e.preventDefault();
        request(true);
      }}
    >
      {row.status === "RETURNED" && row.returnReason ? <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" role="status">{UR.returnedBecause(row.returnReason)}</p> : null}
      <Field id={`${id}-v`} label={`${M.realization} ${M.colQuarter(quarter)} (${row.unitOfMeasure})`} error={errors.value?.message}>
        <Input id={`${id}-v`} inputMode="decimal" autoComplete="off" className="min-h-11 max-w-56" aria-invalid={Boolean(errors.value)} {...form.register("value")} />
      </Field>
      <PlausibilityWarnings warnings={warnings} />
      <div className="bg-white">
        <EvidenceUpload
          agencySlug={agencySlug}
          list={<EvidenceFiles agencySlug={agencySlug} files={row.files} />}
          icons={{ browse: <Paperclip aria-hidden className="size-4" />, upload: <Upload aria-hidden className="size-4" /> }}
          target={{ unitRowId: row.rowId, quarter: String(quarter) }} disabled={pending !== null} />
      </div>
      {errors.root?.message ? <Alert tone="danger">{errors.root.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="min-h-11" disabled={pending !== null} onClick={() => request(false)}>
          <Save aria-hidden className="size-4" />
          {pending === "draft" ? UR.saving : UR.saveDraft}
        </Button>
        <Button type="submit" className="min-h-11" disabled={pending !== null}>
          <Send aria-hidden className="size-4" />
          {pending === "submit" ? UR.submitting : UR.submit}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? null : setConfirming(null))}
        title={confirming?.submit ? UR.confirmSubmit.title(row.name, quarter) : PLAUSIBILITY_MESSAGES.confirmTitle}
        confirmLabel={confirming?.submit ? UR.confirmSubmit.confirm : PLAUSIBILITY_MESSAGES.confirmAction}
        cancelLabel={confirming?.warnings.length ? PLAUSIBILITY_MESSAGES.fixAction : UR.confirmSubmit.cancel}
        onConfirm={() => {
          const c = confirming;
          setConfirming(null);
          if (c) void save(c.submit, c.warnings.map((w) => w.code));
        }}
        testId="confirm-unit-realization"
      >
        {confirming?.warnings.length ? (
          <>
            <p className="font-medium text-amber-950">{PLAUSIBILITY_MESSAGES.confirmIntro}</p>
            <ul className="list-disc space-y-1 pl-5">
              {confirming.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </>
        ) : null}
        {confirming?.submit && row.files.length === 0 ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="confirm-no-evidence">
            {UR.confirmSubmit.noEvidence}
          </p>
        ) : null}
        {confirming?.submit ? <p>{UR.confirmSubmit.body(shown, row.unitOfMeasure)}</p> : null}
      </ConfirmDialog>
    </form>
  );
}

/** Tim SAKIP / the planning unit: verify the unit's sent value, or return it with a reason the unit will read. */
export function UnitRealizationReview({ agencySlug, row, quarter }: { agencySlug: string; row: TUnitRealizationRow; quarter: number }) {
  const router = useRouter();
  const id = useId();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"VERIFY" | "RETURN" | null>(null);

  async function decide(decision: "VERIFY" | "RETURN") {
    if (decision === "RETURN" && !reason.trim()) {
      setError(UR.reasonRequired);
      return;
    }
    setPending(decision);
    try {
      const result = await reviewUnitRealizationAction(agencySlug, { rowId: row.rowId, quarter, decision, reason: decision === "RETURN" ? reason : undefined });
      if (!result.ok) {
        setError(result.fieldErrors?.reason?.[0] ?? result.error);
        toast.error(result.error);
        return;
      }
      toast.success(decision === "VERIFY" ? UR.verified : UR.returned);
      setReturning(false);
      setReason("");
      setError(null);
      router.refresh();
    } finally {
      setPending(null);
    }
  }

  const value = row.realizations[quarter - 1];
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="unit-realization-review" aria-label={`${UR.verify}: ${row.name}`} role="group">
      <p className="text-sm">
        {`${M.realization} ${M.colQuarter(quarter)}: `}
        <span className="font-semibold tabular-nums">{value === null || value === undefined ? "–" : formatNumber(Number(value))}</span>
        {` ${row.unitOfMeasure}`}
      </p>
      <div className="bg-white p-2">
        <EvidenceFiles agencySlug={agencySlug} files={row.files} />
      </div>
      {row.reviewRefusal ? (
        <p className="text-sm text-slate-700" data-testid="unit-realization-review-refusal">
          {row.reviewRefusal}
        </p>
      ) : null}
      {row.reviewRefusal ? null : returning ? (
        <Field id={`${id}-reason`} label={UR.reasonLabel} hint={UR.reasonHint} error={error ?? undefined}>
          <Textarea id={`${id}-reason`} rows={3} aria-invalid={Boolean(error)} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      ) : error ? (
        <Alert tone="danger">{error}</Alert>
      ) : null}
      {row.reviewRefusal ? null : (
        <div className="flex flex-wrap gap-2">
          {returning ? (
            <>
              <Button type="button" variant="secondary" className="min-h-11" disabled={pending !== null} onClick={() => void decide("RETURN")}>
                <Undo2 aria-hidden className="size-4" />
                {UR.returnConfirm}
              </Button>
              <Button type="button" variant="ghost" className="min-h-11" disabled={pending !== null} onClick={() => setReturning(false)}>
                {UR.confirmSubmit.cancel}
              </Button>
            </>
          ) : (
            <>
              <Button type="button" className="min-h-11" disabled={pending !== null} onClick={() => void decide("VERIFY")}>
                <Check aria-hidden className="size-4" />
                {UR.verify}
              </Button>
              <Button type="button" variant="secondary" className="min-h-11" disabled={pending !== null} onClick={() => setReturning(true)}>
                <Undo2 aria-hidden className="size-4" />
                {UR.returnAction}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
