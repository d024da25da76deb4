"use client";

import { CalendarClock, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { sendMeetingInvitationAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { UNEXPECTED_ERROR, unansweredMessage } from "@/lib/i18n/unexpected";

import { Textarea } from "./textarea";

const FIELDS = ["date", "time", "place", "agenda"] as const;

/** A joint meeting step's invitation to its participants, sent (and re-sent) by the executor. */
export function MeetingInvitationForm({
  agencySlug,
  cycleId,
  taskId,
  meeting,
}: {
  agencySlug: string;
  cycleId: string;
  taskId: string;
  meeting: { invited: boolean; when: string | null; place: string | null; agenda: string | null };
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number] | "root", string>>>({});

  /** A plain form (docs/decisions/039-lean-first-load.md): the action checks it (ZMeetingInvitation) and its field errors land on the fields. */
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (sending || refreshing) return;
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    setSending(true);
    let unanswered = UNEXPECTED_ERROR;
    const result = await sendMeetingInvitationAction(agencySlug, { cycleId, taskId, date: text("date"), time: text("time"), place: text("place"), agenda: text("agenda") }).catch((error: unknown) => {
      unanswered = unansweredMessage(error);
      return null;
    });
    setSending(false);
    if (!result) {
      setErrors({ root: unanswered });
      return;
    }
    if (result.ok) {
      setErrors({});
      toast.success(M.ui.invitationDone);
      startRefresh(() => router.refresh());
      return;
    }
    const placed: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = FIELDS.find((f) => f === key);
      if (field && messages[0] && !placed[field]) placed[field] = messages[0];
    }
    const first = FIELDS.find((f) => placed[f]);
    setErrors(first ? placed : { root: result.error });
    if (first) requestAnimationFrame(() => document.getElementById(`meeting-${first}`)?.focus());
    toast.error(result.error);
  }
  const busy = sending || refreshing;

  const content = (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={M.ui.invitationTitle}>
      {errors.root ? <Alert>{errors.root}</Alert> : null}
      <p className="text-sm text-slate-600">{M.ui.invitationHint}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="meeting-date" label={M.ui.fieldMeetingDate} error={errors.date}>
          <Input id="meeting-date" name="date" type="date" aria-invalid={Boolean(errors.date)} />
        </Field>
        <Field id="meeting-time" label={M.ui.fieldMeetingTime} error={errors.time}>
          <Input id="meeting-time" name="time" type="time" defaultValue="09:00" aria-invalid={Boolean(errors.time)} />
        </Field>
      </div>
      <Field id="meeting-place" label={M.ui.fieldMeetingPlace} error={errors.place}>
        <Input id="meeting-place" name="place" autoComplete="off" maxLength={300} defaultValue={meeting.place ?? ""} aria-invalid={Boolean(errors.place)} />
      </Field>
      <Field id="meeting-agenda" label={M.ui.fieldMeetingAgenda} error={errors.agenda}>
        <Textarea id="meeting-agenda" name="agenda" rows={3} maxLength={5_000} defaultValue={meeting.agenda ?? ""} aria-invalid={Boolean(errors.agenda)} />
      </Field>
      <Button type="submit" disabled={busy} className="w-full sm:w-auto">
        <Send aria-hidden className="size-4" />
        {busy ? M.ui.sending : meeting.invited ? M.ui.invitationResend : M.ui.invitationSend}
      </Button>
    </form>
  );

  return (
    <section aria-labelledby="meeting-invitation" className="space-y-2 rounded-md border border-slate-200 px-3 py-3" data-testid="meeting-invitation">
      <h3 id="meeting-invitation" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <CalendarClock aria-hidden className="size-4" />
        {M.ui.invitationTitle}
      </h3>
      {meeting.invited && meeting.when ? (
        <>
          <p className="text-sm text-slate-800" data-testid="invitation-sent">
            {M.ui.invitationSent(meeting.when, meeting.place ?? "")}
          </p>
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-800">{M.ui.invitationResend}</summary>
            <div className="mt-2">{content}</div>
          </details>
        </>
      ) : (
        content
      )}
    </section>
  );
}
