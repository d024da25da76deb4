"use client";

import { CalendarClock, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { sendMeetingInvitationAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { ZMeetingInvitation, type TMeetingInvitation } from "@/lib/cycle/schemas";
import { t } from "@/lib/i18n";
import { zodResolver } from "@/lib/validation/zod-resolver";

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
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TMeetingInvitation>({
    resolver: zodResolver(ZMeetingInvitation),
    defaultValues: { cycleId, taskId, date: "", time: "09:00", place: meeting.place ?? "", agenda: meeting.agenda ?? "" },
  });

  async function onSubmit(values: TMeetingInvitation) {
    const result = await sendMeetingInvitationAction(agencySlug, values).catch(() => null);
    if (!result) {
      setError("root", { message: t.errors.unexpected });
      return;
    }
    if (result.ok) {
      toast.success(M.ui.invitationDone);
      startRefresh(() => router.refresh());
      return;
    }
    let placed = false;
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = FIELDS.find((f) => f === key);
      if (field && messages[0]) {
        setError(field, { message: messages[0] }, { shouldFocus: !placed });
        placed = true;
      }
    }
    if (!placed) setError("root", { message: result.error });
    toast.error(result.error);
  }

  const content = (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label={M.ui.invitationTitle}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <p className="text-sm text-slate-600">{M.ui.invitationHint}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="meeting-date" label={M.ui.fieldMeetingDate} error={errors.date?.message}>
          <Input id="meeting-date" type="date" aria-invalid={Boolean(errors.date)} {...register("date")} />
        </Field>
        <Field id="meeting-time" label={M.ui.fieldMeetingTime} error={errors.time?.message}>
          <Input id="meeting-time" type="time" aria-invalid={Boolean(errors.time)} {...register("time")} />
        </Field>
      </div>
      <Field id="meeting-place" label={M.ui.fieldMeetingPlace} error={errors.place?.message}>
        <Input id="meeting-place" autoComplete="off" aria-invalid={Boolean(errors.place)} {...register("place")} />
      </Field>
      <Field id="meeting-agenda" label={M.ui.fieldMeetingAgenda} error={errors.agenda?.message}>
        <Textarea id="meeting-agenda" rows={3} aria-invalid={Boolean(errors.agenda)} {...register("agenda")} />
      </Field>
      <Button type="submit" disabled={isSubmitting || refreshing} className="w-full sm:w-auto">
        <Send aria-hidden className="size-4" />
        {isSubmitting || refreshing ? M.ui.sending : meeting.invited ? M.ui.invitationResend : M.ui.invitationSend}
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
