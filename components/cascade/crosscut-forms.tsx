"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { applyErrors } from "@/components/ui/form-errors";
import { Select, textareaClass } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { decideCrosscutAction, endCrosscutAction, proposeCrosscutAction } from "@/lib/cascade/actions";
import type { TCascadeLevel } from "@/lib/cascade/levels";
import { CASCADE_MESSAGES, CROSSCUT_MESSAGES as M } from "@/lib/cascade/messages";
import { ZProposeCrosscut } from "@/lib/cascade/schemas";
import { zodResolver } from "@/lib/validation/zod-resolver";

export interface TPickerOption {
  id: string;
  agencyName: string;
  level: TCascadeLevel;
  statement: string;
}

/**
 * Proposes that one of the agency's indicators supports another agency's Tujuan/Sasaran. The
 * picker lists only the statements of the other agencies of the same government (decision 045),
 * grouped by agency.
 */
export function ProposeCrosscutForm({
  agencySlug,
  indicators,
  options,
}: {
  agencySlug: string;
  indicators: { id: string; name: string; level: TCascadeLevel }[];
  options: TPickerOption[];
}) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZProposeCrosscut>;
  const form = useForm<TIn, unknown, z.output<typeof ZProposeCrosscut>>({ resolver: zodResolver(ZProposeCrosscut), defaultValues: { indicatorId: "", targetNodeId: "" } });
  const { errors, isSubmitting } = form.formState;
  const groups = new Map<string, TPickerOption[]>();
  for (const o of options) groups.set(o.agencyName, [...(groups.get(o.agencyName) ?? []), o]);
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="crosscut-propose-form"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await proposeCrosscutAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.proposed);
        form.reset();
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id={`${id}-indicator`} label={M.indicator} error={errors.indicatorId?.message}>
        <Select id={`${id}-indicator`} className="min-h-11 w-full" aria-invalid={Boolean(errors.indicatorId)} {...form.register("indicatorId")}>
          <option value="">{M.indicatorChoose}</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {`${i.name} (${CASCADE_MESSAGES.level[i.level]})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-target`} label={M.target} hint={M.pickerNote} error={errors.targetNodeId?.message}>
        <Select id={`${id}-target`} className="min-h-11 w-full" aria-invalid={Boolean(errors.targetNodeId)} {...form.register("targetNodeId")}>
          <option value="">{M.targetChoose}</option>
          {[...groups.entries()].map(([agency, list]) => (
            <optgroup key={agency} label={agency}>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {`${CASCADE_MESSAGES.level[o.level]}: ${o.statement}`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={isSubmitting} className="min-h-11">
        {isSubmitting ? M.proposing : M.propose}
      </Button>
    </form>
  );
}


/**
 * The target agency's answer to a proposal: accept, or decline with a reason the proposer reads
 * (the server requires it: lib/cascade/schemas.ts ZDecideCrosscut).
 */
export function DecideCrosscutButtons({ agencySlug, linkId, label }: { agencySlug: string; linkId: string; label: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const decide = (decision: "ACCEPT" | "DECLINE") =>
    start(async () => {
      const result = await decideCrosscutAction(agencySlug, { linkId, decision, ...(decision === "DECLINE" ? { reason } : {}) });
      if (!result.ok) {
        if (result.fieldErrors?.reason?.[0]) return void setError(result.fieldErrors.reason[0]);
        return void toast.error(result.error);
      }
      toast.success(M.done[decision]);
      router.refresh();
    });
  if (declining) {
    return (
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          decide("DECLINE");
        }}
      >
        <Field id={`${id}-reason`} label={`${M.declineReason}: ${label}`} hint={M.declineReasonHint} error={error}>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={1000}
            className={textareaClass}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-reason-error` : `${id}-reason-hint`}
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" className="min-h-11" disabled={pending}>
            {M.declineConfirm}
          </Button>
          <Button type="button" variant="secondary" className="min-h-11" disabled={pending} onClick={() => setDeclining(false)}>
            Batal
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" className="min-h-11" disabled={pending} onClick={() => decide("ACCEPT")} aria-label={`${M.accept}: ${label}`}>
        {M.accept}
      </Button>
      <Button type="button" variant="secondary" className="min-h-11" disabled={pending} onClick={() => setDeclining(true)} aria-label={`${M.decline}: ${label}`}>
        {M.decline}
      </Button>
    </div>
  );
}

/** Withdraws a proposal (its source) or ends an accepted link (either side), after asking. */
export function EndCrosscutButton({ agencySlug, linkId, label, withdraw }: { agencySlug: string; linkId: string; label: string; withdraw: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const title = withdraw ? M.withdraw : M.end;
  return (
    <>
      <Button type="button" variant="ghost" className="min-h-11 text-red-800" disabled={pending} onClick={() => setOpen(true)} aria-label={`${title}: ${label}`}>
        {title}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        confirmLabel={title}
        tone="danger"
        onConfirm={() =>
          start(async () => {
            const result = await endCrosscutAction(agencySlug, { linkId });
            setOpen(false);
            if (!result.ok) return void toast.error(result.error);
            toast.success(M.done.END);
            router.refresh();
          })
        }
      >
        {M.endConfirm}
      </ConfirmDialog>
    </>
  );
}
