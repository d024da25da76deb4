"use client";

import { Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { cancelCycleAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { COMMON } from "@/lib/i18n/common";
import { UNEXPECTED_ERROR, unansweredMessage } from "@/lib/i18n/unexpected";

import { Textarea } from "./textarea";

/**
 * "Batalkan siklus": hidden behind a first click, and always with a reason. A plain form: the
 * reason is checked by the action (ZCancelCycle), whose field error lands on the field
 * (docs/decisions/039-lean-first-load.md).
 */
export function CancelCycleForm({ agencySlug, cycleId }: { agencySlug: string; cycleId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [errors, setErrors] = useState<{ reason?: string; root?: string }>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (sending || refreshing) return;
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
    setSending(true);
    let unanswered = UNEXPECTED_ERROR;
    const result = await cancelCycleAction(agencySlug, { cycleId, reason }).catch((error: unknown) => {
      unanswered = unansweredMessage(error);
      return null;
    });
    setSending(false);
    if (!result) {
      setErrors({ root: unanswered });
      toast.error(unanswered);
      return;
    }
    if (result.ok) {
      setErrors({});
      toast.success(M.cancelled);
      startRefresh(() => router.refresh());
      return;
    }
    const reasonError = result.fieldErrors?.reason?.[0];
    setErrors(reasonError ? { reason: reasonError } : { root: result.error });
    if (reasonError) requestAnimationFrame(() => document.getElementById("cancel-reason")?.focus());
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
  const busy = sending || refreshing;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={M.ui.cancelTitle}>
      {errors.root ? <Alert>{errors.root}</Alert> : null}
      <Field id="cancel-reason" label={M.ui.cancelReason} error={errors.reason}>
        <Textarea
          id="cancel-reason"
          name="reason"
          rows={3}
          maxLength={2000}
          autoFocus
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? "cancel-reason-error" : undefined}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={busy}>
          <Ban aria-hidden className="size-4" />
          {busy ? M.ui.sending : M.ui.cancelSubmit}
        </Button>
        <Button type="button" variant="ghost" disabled={busy} onClick={() => setOpen(false)}>
          {COMMON.cancel}
        </Button>
      </div>
    </form>
  );
}
