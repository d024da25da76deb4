"use client";

import { Archive, Check, Send } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { taskAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M, ESAKIP_MESSAGES } from "@/lib/cycle/messages";
import type { TTaskAction } from "@/lib/cycle/schemas";
import type { TAttendanceStatus, TTaskOffer } from "@/lib/cycle/task-rules";
import { UNEXPECTED_ERROR, unansweredMessage } from "@/lib/i18n/unexpected";
import type { TStepKind } from "@/lib/sop/schemas";

import { placeFieldErrors, SUCCESS, type TErrors, type TGateWords } from "./task-form-shared";
import { Textarea } from "./textarea";

// The upload controls only where the step has them (DRAFT/UPLOAD files, the e-SAKIP receipt).
const TaskFilesUpload = dynamic(() => import("./file-versions").then((m) => m.TaskFilesUpload));
const EsakipFields = dynamic(() => import("./esakip-fields").then((m) => m.EsakipFields));

const ATTENDANCE_STATUSES = Object.keys(M.ui.attendanceStatus) as TAttendanceStatus[];

const lines = (value: string) =>
  value
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

const WORK_FIELDS = ["outputText", "reference", "checklist", "attendees", "attendance", "decisions", "comment", "archiveNote", "esakipUploadedAt", "esakipReference", "esakipReceiptFileId"] as const;

export interface WorkTaskFormProps {
  agencySlug: string;
  cycleId: string;
  taskId: string;
  kind: TStepKind;
  stepOutput: string;
  offer: TTaskOffer;
  previous: { outputText: string; attendees: string; decisions: string; reference: string } | null;
  files: { id: string; name: string; href: string; viewHref?: string }[];
  fileVersion: number;
  previousVersion: { version: number; round: number; files: { id: string; name: string; href: string; viewHref?: string }[] } | null;
  gate: TGateWords;
}

/** Process steps (DISPOSITION, DRAFT, INPUT, MEETING, UPLOAD, ARCHIVE): the step's work, sent as COMPLETE or RESUBMIT. */
export function WorkTaskForm({ agencySlug, cycleId, taskId, kind, stepOutput, offer, previous, files, fileVersion, previousVersion, gate }: WorkTaskFormProps) {
  const router = useRouter();
  // Stays pending until the refreshed page has arrived, so nobody sends the same step twice.
  const [refreshing, startRefresh] = useTransition();
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<TErrors>({});
  const [rootError, setRootError] = useState<string | null>(null);
  const [represented, setRepresented] = useState<Record<number, boolean>>({});
  const [receipt, setReceipt] = useState<{ id: string; name: string } | null>(null);
  const [confirmArchive, setConfirmArchive] = useState<TTaskAction | null>(null);
  const { event, requires } = offer;

  /** The form's values as the server receives them (lib/cycle/schemas.ts ZTaskWork). */
  function inputOf(data: FormData): TTaskAction {
    const text = (name: string) => String(data.get(name) ?? "");
    const attendance = (requires.attendance ?? []).flatMap((person, i) => {
      const status = text(`attendance.${i}.status`) as TAttendanceStatus | "";
      const by = text(`attendance.${i}.representedBy`).trim();
      return status ? [{ userId: person.userId, status, ...(status === "REPRESENTED" && by ? { representedBy: by } : {}) }] : [];
    });
    return {
      cycleId,
      taskId,
      event,
      outputText: text("outputText"),
      comment: text("comment") || undefined,
      reference: text("reference") || undefined,
      checklist: requires.checklist.length ? data.getAll("checklist").map(String) : undefined,
      attendees: kind === "MEETING" && !requires.attendance ? lines(text("attendees")) : undefined,
      attendance: requires.attendance ? attendance : undefined,
      decisions: kind === "MEETING" ? text("decisions") : undefined,
      archiveNote: requires.archiveNote ? text("archiveNote") : undefined,
      ...(requires.esakipUpload ? { esakipUploadedAt: text("esakipUploadedAt"), esakipReference: text("esakipReference"), esakipReceiptFileId: receipt?.id || undefined } : {}),
    };
  }

  async function send(input: TTaskAction) {
    setSending(true);
    try {
      let unanswered = UNEXPECTED_ERROR;
      const result = await taskAction(agencySlug, input).catch((error: unknown) => {
        unanswered = unansweredMessage(error);
        return null;
      });
      if (!result) {
        setRootError(unanswered);
        toast.error(unanswered);
        return;
      }
      if (result.ok) {
        setErrors({});
        setRootError(null);
        toast.success(result.data.cycleStatus === "COMPLETED" ? M.cycleCompleted : SUCCESS[event]);
        startRefresh(() => router.refresh());
        return;
      }
      const placed = placeFieldErrors(result.fieldErrors, WORK_FIELDS);
      setErrors(placed);
      setRootError(Object.keys(placed).length ? null : result.error);
      if (!Object.values(placed).includes(result.error)) toast.error(result.error);
    } finally {
      setSending(false);
    }
  }

  /** Arsipkan cannot be undone: it asks first; every other step is sent at once. */
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (sending || refreshing) return;
    const input = inputOf(new FormData(e.currentTarget));
    if (kind !== "ARCHIVE") return void send(input);
    // Arsipkan asks first: what is missing is named before the question, with the server's own
    // messages for the fields the archive step requires (the server checks them again).
    const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";
    const missing: TErrors = {};
    if (requires.outputText && !filled(input.outputText)) missing.outputText = requires.outputText;
    if (requires.archiveNote && !filled(input.archiveNote)) missing.archiveNote = requires.archiveNote;
    if (requires.esakipUpload) {
      if (!filled(input.esakipUploadedAt)) missing.esakipUploadedAt = ESAKIP_MESSAGES.dateRequired;
      if (!filled(input.esakipReference)) missing.esakipReference = ESAKIP_MESSAGES.referenceRequired;
      else if (String(input.esakipReference).trim().length < 3) missing.esakipReference = ESAKIP_MESSAGES.referenceTooShort;
    }
    const placed = placeFieldErrors(Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, [v]])), WORK_FIELDS);
    setErrors(placed);
    if (Object.keys(placed).length === 0) setConfirmArchive(input);
  }

  const id = (name: string) => `task-${name}`;
  const aria = (name: (typeof WORK_FIELDS)[number], hint = false) => ({
    id: id(name),
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${id(name)}-error` : hint ? `${id(name)}-hint` : undefined,
  });
  const isArchive = kind === "ARCHIVE";
  const resubmit = event === "RESUBMIT";
  const SubmitIcon = resubmit ? Send : isArchive ? Archive : Check;
  const submitLabel = requires.archiveGate ? gate.submitHead : resubmit ? M.ui.resubmit : isArchive ? M.ui.completeArchive : M.ui.complete;
  const busy = sending || refreshing;
  const attendanceError = errors.attendance;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={submitLabel}>
      {rootError ? <Alert>{rootError}</Alert> : null}

      {requires.dataEntryReplacesChecklist ? (
        <Alert tone="info" className="flex gap-2" data-testid="checklist-replaced">
          <Check aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{M.ui.checklistReplaced}</span>
        </Alert>
      ) : null}

      {requires.checklist.length ? (
        <fieldset className="space-y-2" aria-describedby={errors.checklist ? "task-checklist-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{M.ui.fieldChecklist}</legend>
          <div className="space-y-2">
            {requires.checklist.map((item, i) => (
              <label key={i} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2.5 text-sm">
                <input type="checkbox" className="mt-0.5 size-5 shrink-0" name="checklist" value={item} id={i === 0 ? "task-checklist" : undefined} />
                <span>{item}</span>
              </label>
            ))}
          </div>
          {errors.checklist ? (
            <p id="task-checklist-error" role="alert" className="text-sm text-red-700">
              {errors.checklist}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      {kind === "DISPOSITION" ? (
        <Field id={id("outputText")} label={M.ui.fieldDisposition} hint={`${M.ui.fieldDispositionHint} ${M.ui.sopOutput(stepOutput)}`} error={errors.outputText}>
          <Textarea rows={4} maxLength={20_000} defaultValue={previous?.outputText ?? ""} {...aria("outputText", true)} />
        </Field>
      ) : kind === "MEETING" ? (
        <>
          <Field id={id("outputText")} label={M.ui.fieldNotes} hint={M.ui.sopOutput(stepOutput)} error={errors.outputText}>
            <Textarea rows={5} maxLength={20_000} defaultValue={previous?.outputText ?? ""} {...aria("outputText", true)} />
          </Field>
          {requires.attendance ? (
            <fieldset className="space-y-2" data-testid="attendance" aria-describedby={attendanceError ? "task-attendance-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">{M.ui.attendanceTitle}</legend>
              {requires.attendance.map((person, i) => (
                <div key={person.userId} className="space-y-2 rounded-md border border-slate-200 px-3 py-2" data-testid="attendance-row">
                  <p className="text-sm font-medium text-slate-900">{person.name}</p>
                  <div className="flex flex-wrap gap-x-4 gap-y-1" role="radiogroup" aria-label={person.name}>
                    {ATTENDANCE_STATUSES.map((status) => (
                      <label key={status} className="flex min-h-11 items-center gap-2 text-sm">
                        <input
                          type="radio"
                          className="size-5"
                          name={`attendance.${i}.status`}
                          value={status}
                          id={i === 0 && status === ATTENDANCE_STATUSES[0] ? "task-attendance" : undefined}
                          onChange={(e) => e.target.checked && setRepresented((r) => ({ ...r, [i]: status === "REPRESENTED" }))}
                        />
                        {M.ui.attendanceStatus[status]}
                      </label>
                    ))}
                  </div>
                  {represented[i] ? (
                    <Field id={`task-attendance-${i}-by`} label={M.ui.representedByLabel(person.name)}>
                      <Input id={`task-attendance-${i}-by`} name={`attendance.${i}.representedBy`} autoComplete="off" maxLength={200} />
                    </Field>
                  ) : null}
                </div>
              ))}
              {attendanceError ? (
                <p id="task-attendance-error" role="alert" className="text-sm text-red-700">
                  {attendanceError}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <Field id={id("attendees")} label={M.ui.fieldAttendees} error={errors.attendees}>
              <Textarea rows={4} defaultValue={previous?.attendees ?? ""} {...aria("attendees")} />
            </Field>
          )}
          <Field id={id("decisions")} label={M.ui.fieldDecisions} error={errors.decisions}>
            <Textarea rows={3} maxLength={10_000} defaultValue={previous?.decisions ?? ""} {...aria("decisions")} />
          </Field>
        </>
      ) : (
        <>
          <Field id={id("outputText")} label={M.ui.fieldOutput} hint={M.ui.sopOutput(stepOutput)} error={errors.outputText}>
            <Textarea rows={4} maxLength={20_000} defaultValue={previous?.outputText ?? ""} {...aria("outputText", true)} />
          </Field>
          {kind === "DRAFT" || kind === "UPLOAD" || kind === "ARCHIVE" ? (
            <Field id={id("reference")} label={M.ui.fieldReference} hint={M.ui.fieldReferenceHint} error={errors.reference}>
              <Input autoComplete="off" maxLength={500} defaultValue={previous?.reference ?? ""} {...aria("reference", true)} />
            </Field>
          ) : null}
        </>
      )}

      {kind === "DRAFT" || kind === "UPLOAD" ? <TaskFilesUpload agencySlug={agencySlug} taskId={taskId} files={files} version={fileVersion} previous={previousVersion} /> : null}

      {requires.esakipUpload ? (
        <EsakipFields
          agencySlug={agencySlug}
          taskId={taskId}
          date={{ name: "esakipUploadedAt" }}
          reference={{ name: "esakipReference", maxLength: 100 }}
          errors={{ date: errors.esakipUploadedAt, reference: errors.esakipReference, receipt: errors.esakipReceiptFileId }}
          receipt={receipt}
          onReceipt={setReceipt}
        />
      ) : null}

      {resubmit ? (
        <Field id={id("comment")} label={M.ui.fieldResubmitComment} hint={M.ui.fieldResubmitCommentHint} error={errors.comment}>
          <Textarea rows={2} className="min-h-16" maxLength={5_000} {...aria("comment", true)} />
        </Field>
      ) : null}

      {requires.archiveNote ? (
        <Field id={id("archiveNote")} label={gate.noteLabel} hint={gate.noteHint} error={errors.archiveNote}>
          <Textarea rows={3} maxLength={2_000} {...aria("archiveNote", true)} />
        </Field>
      ) : null}

      {isArchive ? (
        <Alert tone="info" className="flex gap-2">
          <Archive aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{M.ui.archiveNote}</span>
        </Alert>
      ) : null}

      <Button type="submit" size="lg" disabled={busy} className="w-full sm:w-auto">
        <SubmitIcon aria-hidden className="size-5" />
        {busy ? M.ui.sending : submitLabel}
      </Button>
      <ConfirmDialog
        open={confirmArchive !== null}
        onOpenChange={(open) => (open ? null : setConfirmArchive(null))}
        title={M.ui.confirmArchive.title}
        confirmLabel={M.ui.confirmArchive.confirm}
        cancelLabel={M.ui.confirmCancel}
        onConfirm={() => {
          const input = confirmArchive;
          setConfirmArchive(null);
          if (input) void send(input);
        }}
        testId="confirm-archive"
      >
        <p>{M.ui.confirmArchive.body}</p>
      </ConfirmDialog>
    </form>
  );
}

