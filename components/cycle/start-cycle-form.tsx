"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

import { Textarea } from "./textarea";
import { startCycleAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { CYCLE_PERIODS, ZStartCycle } from "@/lib/cycle/schemas";
import { t } from "@/lib/i18n";

/** The server's schema, with the SOP choice worded for this form. */
const ZStartCycleForm = ZStartCycle.extend({ sopId: z.string().min(1, M.ui.fieldSopRequired).max(40) });
type TIn = z.input<typeof ZStartCycleForm>;
type TOut = z.output<typeof ZStartCycleForm>;

const FIELDS = ["sopId", "year", "period", "overrideReason"] as const;

export interface StartCycleFormProps {
  agencySlug: string;
  sops: { id: string; nomor: string; nama: string; version: number }[];
  defaultYear: number;
  defaultPeriod: (typeof CYCLE_PERIODS)[number];
}

export function StartCycleForm({ agencySlug, sops, defaultYear, defaultPeriod }: StartCycleFormProps) {
  const router = useRouter();
  const [needsReason, setNeedsReason] = useState(false);
  const [navigating, startNavigation] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(ZStartCycleForm),
    defaultValues: { sopId: sops.length === 1 ? sops[0]!.id : "", year: defaultYear, period: defaultPeriod },
  });

  async function onSubmit(values: TOut) {
    const result = await startCycleAction(agencySlug, { ...values, overrideReason: values.overrideReason ?? undefined }).catch(() => null);
    if (!result) {
      setError("root", { message: t.errors.unexpected });
      toast.error(t.errors.unexpected);
      return;
    }
    if (result.ok) {
      toast.success(M.started);
      startNavigation(() => router.push(`/a/${agencySlug}/cycles/${result.data.id}`));
      return;
    }
    // A period before the SOP version took effect: ask for the reason, recorded with the cycle.
    if (result.fieldErrors?.overrideReason) setNeedsReason(true);
    let placed = false;
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = FIELDS.find((f) => f === key.split(".")[0]);
      if (field && messages[0]) {
        setError(field, { message: messages[0] }, { shouldFocus: !placed });
        placed = true;
      }
    }
    if (!placed) setError("root", { message: result.error });
    toast.error(result.error);
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  const describedBy = (name: string, hasError: boolean) => (hasError ? `start-${name}-error` : undefined);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label={M.ui.startTitle}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <Field id="start-sopId" label={M.ui.fieldSop} error={err("sopId")}>
          <Select id="start-sopId" aria-invalid={Boolean(err("sopId"))} aria-describedby={describedBy("sopId", Boolean(err("sopId")))} {...register("sopId")}>
            <option value="">{M.ui.fieldSopPlaceholder}</option>
            {sops.map((s) => (
              <option key={s.id} value={s.id}>
                {M.ui.sopOption(s.nomor, s.nama, s.version)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="start-year" label={M.ui.fieldYear} error={err("year")}>
          <Input
            id="start-year"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            aria-invalid={Boolean(err("year"))}
            aria-describedby={describedBy("year", Boolean(err("year")))}
            {...register("year")}
          />
        </Field>
        <Field id="start-period" label={M.ui.fieldPeriod} error={err("period")}>
          <Select id="start-period" aria-invalid={Boolean(err("period"))} aria-describedby={describedBy("period", Boolean(err("period")))} {...register("period")}>
            {CYCLE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {M.periods[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {needsReason ? (
        <Field id="start-overrideReason" label={M.overrideReasonLabel} error={err("overrideReason")}>
          <Textarea
            id="start-overrideReason"
            rows={2}
            aria-invalid={Boolean(err("overrideReason"))}
            aria-describedby={describedBy("overrideReason", Boolean(err("overrideReason")))}
            {...register("overrideReason")}
          />
        </Field>
      ) : null}
      <Button type="submit" disabled={isSubmitting || navigating} className="w-full sm:w-auto">
        <Play aria-hidden className="size-4" />
        {isSubmitting || navigating ? M.ui.startPending : M.ui.startSubmit}
      </Button>
    </form>
  );
}
