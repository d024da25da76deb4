"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { Check, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";

import { Textarea } from "@/components/cycle/textarea";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { reviewRealizationAction } from "@/lib/performance/actions";
import type { TCapaianResult } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES as M, ZRealizationReview } from "@/lib/performance/schemas";

import { CapaianValue } from "./capaian-display";
import { EvidenceFiles, type TEvidenceFile } from "./evidence-files";
import { formatTarget, formatValue, quarterShort } from "./format";

const UI = M.ui;

/** The review schema plus what the service checks: a return needs its reason. */
const ZReviewForm = ZRealizationReview.superRefine((v, ctx) => {
  if (v.decision === "RETURN" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: M.reasonRequired });
});
type TIn = z.input<typeof ZReviewForm>;
type TOut = z.output<typeof ZReviewForm>;

export interface ReviewCardProps {
  agencySlug: string;
  quarter: number;
  item: {
    realizationId: string;
    code: string;
    name: string;
    unit: string;
    orgUnit: string;
    quarterTarget: string;
    value: string | null;
    realizationToDate: number | null;
    aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
    capaian: TCapaianResult;
    faktorPendorong: string;
    faktorPenghambat: string;
    tindakLanjut: string;
    filledBy: string | null;
    files: TEvidenceFile[];
  };
  frozen: boolean;
  /** Why this member may not verify or return it (they filled it, decision 055): the buttons give way to the reason. */
  refusal?: string | null;
}

/** One submitted realization for Tim SAKIP: verify it, or return it with a reason the Bidang will read. */
export function ReviewCard({ agencySlug, quarter, item, frozen, refusal = null }: ReviewCardProps) {
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [pending, setPending] = useState<"VERIFY" | "RETURN" | null>(null);
  const q = quarterShort(quarter);
  const reasonId = `reason-${item.realizationId}`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(ZReviewForm),
    defaultValues: { realizationId: item.realizationId, decision: "RETURN", reason: "" },
  });

  async function decide(decision: "VERIFY" | "RETURN", reason: string | null) {
    setPending(decision);
    try {
      const result = await reviewRealizationAction(agencySlug, { realizationId: item.realizationId, decision, reason: reason ?? undefined });
      if (result.ok) {
        toast.success(decision === "VERIFY" ? M.verified : M.returned);
        router.refresh();
        return;
      }
      const reasonError = result.fieldErrors?.reason?.[0];
      if (reasonError) setError("reason", { message: reasonError }, { shouldFocus: true });
      else setError("root", { message: result.error });
      toast.error(result.error);
    } finally {
      setPending(null);
    }
  }

  return (
    <Card data-testid={`review-${item.code}`} aria-labelledby={`review-${item.realizationId}-title`}>
      <CardHeader>
        <h3 id={`review-${item.realizationId}-title`} className="font-semibold text-slate-900">
          <span className="mr-2 text-brand-800">{item.code}</span>
          {item.name}
        </h3>
        {item.filledBy ? <p className="text-sm text-slate-600">{UI.submittedAtBy(item.filledBy)}</p> : null}
      </CardHeader>
      <CardBody className="space-y-4">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-500">{UI.targetOf(q)}</dt>
            <dd className="font-medium text-slate-900">
              {formatTarget(item.quarterTarget)} {item.unit}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{UI.valueLabel(q, item.unit)}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-testid="review-value">
              {formatValue(item.value)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{UI.realizationToDate(q, UI.aggregation[item.aggregation].toLowerCase())}</dt>
            <dd className="font-medium text-slate-900 tabular-nums">{formatValue(item.realizationToDate)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{UI.liveCapaian(q)}</dt>
            <dd>
              <CapaianValue result={item.capaian} />
            </dd>
          </div>
        </dl>
        <dl className="grid gap-3 lg:grid-cols-3">
          {(["faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const).map((f) => (
            <div key={f}>
              <dt className="text-sm text-slate-500">{UI[f]}</dt>
              <dd className="text-sm whitespace-pre-wrap text-slate-800">{item[f] || UI.empty}</dd>
            </div>
          ))}
        </dl>
        <EvidenceFiles agencySlug={agencySlug} files={item.files} />
        {frozen ? null : refusal ? (
          <p className="border-t border-slate-200 pt-4 text-sm text-slate-700" data-testid="review-refusal">
            {refusal}
          </p>
        ) : (
          <div className="space-y-3 border-t border-slate-200 pt-4">
            {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
            {returning ? (
              <form noValidate onSubmit={handleSubmit((v) => decide("RETURN", v.reason))} className="space-y-3">
                <Field id={reasonId} label={UI.reasonLabel} hint={UI.reasonHint} error={errors.reason?.message}>
                  <Textarea
                    id={reasonId}
                    rows={3}
                    autoFocus
                    aria-invalid={Boolean(errors.reason)}
                    aria-describedby={errors.reason ? `${reasonId}-error` : `${reasonId}-hint`}
                    {...register("reason")}
                  />
                </Field>
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" variant="danger" disabled={pending !== null}>
                    <Undo2 aria-hidden className="size-4" />
                    {pending === "RETURN" ? UI.returning : UI.returnSubmit}
                  </Button>
                  <Button type="button" variant="ghost" disabled={pending !== null} onClick={() => setReturning(false)}>
                    {UI.cancel}
                  </Button>
                </div>
              </form>
            ) : (
              <div className="flex flex-wrap gap-2">
                <Button type="button" disabled={pending !== null} onClick={() => decide("VERIFY", null)}>
                  <Check aria-hidden className="size-4" />
                  {pending === "VERIFY" ? UI.verifying : UI.verify}
                </Button>
                <Button type="button" variant="secondary" disabled={pending !== null} onClick={() => setReturning(true)}>
                  <Undo2 aria-hidden className="size-4" />
                  {UI.returnAction}
                </Button>
              </div>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
