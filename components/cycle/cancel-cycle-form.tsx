"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { cancelCycleAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { ZCancelCycle } from "@/lib/cycle/schemas";
import { t } from "@/lib/i18n";

import { Textarea } from "./textarea";

type TIn = z.input<typeof ZCancelCycle>;
type TOut = z.output<typeof ZCancelCycle>;

/** "Batalkan siklus": hidden behind a first click, and always with a reason. */
export function CancelCycleForm({ agencySlug, cycleId }: { agencySlug: string; cycleId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TIn, unknown, TOut>({ resolver: zodResolver(ZCancelCycle), defaultValues: { cycleId, reason: "" } });

  async function onSubmit(values: TOut) {
    const result = await cancelCycleAction(agencySlug, values).catch(() => null);
    if (!result) {
      setError("root", { message: t.errors.unexpected });
      toast.error(t.errors.unexpected);
      return;
    }
    if (result.ok) {
      toast.success(M.cancelled);
      startRefresh(() => router.refresh());
      return;
    }
    const reason = result.fieldErrors?.reason?.[0];
    if (reason) setError("reason", { message: reason }, { shouldFocus: true });
    else setError("root", { message: result.error });
    toast.error(result.error);
  }

  if (!open) {
    return (
      <Button type="button" variant="secondary" className="border-red-300 text-red-800 hover:bg-red-50" onClick={() => setOpen(true)}>
        <Ban aria-hidden className="size-4" />
        {M.ui.cancelOpen}
      </Button>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label={M.ui.cancelTitle}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id="cancel-reason" label={M.ui.cancelReason} error={errors.reason?.message}>
        <Textarea
          id="cancel-reason"
          rows={3}
          autoFocus
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? "cancel-reason-error" : undefined}
          {...register("reason")}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={isSubmitting || refreshing}>
          <Ban aria-hidden className="size-4" />
          {isSubmitting || refreshing ? M.ui.sending : M.ui.cancelSubmit}
        </Button>
        <Button type="button" variant="ghost" disabled={isSubmitting || refreshing} onClick={() => setOpen(false)}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
