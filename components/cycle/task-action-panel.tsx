"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { AlertTriangle, Archive, Check, Clock, FileText, Info, RotateCcw, Send, Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { taskAction } from "@/lib/cycle/actions";
import { SNAPSHOT_MESSAGES, type TCycleSnapshot } from "@/lib/cycle/decision-snapshot-shared";
import type { TReviewVersions } from "@/lib/cycle/file-versions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { TTaskAction } from "@/lib/cycle/schemas";
import { t } from "@/lib/i18n";
import {
  ATTENDANCE_STATUSES,
  type TAttendanceMark,
  type TAttendanceStatus,
  checkWork,
  type TArchiveGate, type TRuleRefusal, type TTaskOffer, type TTaskOptions, type TTaskWork, type TWorkRequirements } from "@/lib/cycle/task-rules";
import type { TTaskEventType } from "@/lib/cycle/workflow";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { isDecisionKind, STEP_KIND_LABELS, type TStepKind } from "@/lib/sop/schemas";
import { cn } from "@/lib/utils";

import { ArchiveGateNotice } from "./archive-gate";
import { DecisionSnapshotView } from "./decision-snapshot";
import { MeetingInvitationForm } from "./meeting-invitation-form";
import { EsakipFields } from "./esakip-fields";
import { TaskFilesUpload, UnderReviewVersions } from "./file-versions";
import { Textarea } from "./textarea";

export interface ReviewedWork {
  stepNumber: number;
  round: number;
  kegiatan: string;
  roleName: string;
  completedBy: string | null;
  outputText: string | null;
  extra: string[];
  /** Files attached to the output, with their download links. */
  files?: { id: string; name: string; href: string; viewHref?: string }[];
}

export interface TaskActionPanelProps {
  agencySlug: string;
  cycleId: string;
  task: {
    id: string;
    status: "ACTIVE" | "RETURNED";
    stepNumber: number;
    round: number;
    roleName: string;
    dueAt: string;
    late: boolean;
    /** "Terlambat 2 jam" or "Sisa waktu 40 menit". */
    timeNote: string;
    returnReason: string | null;
    returnedBy: string | null;
    /** An every-unit step's sub-task: its unit. */
    unitName: string | null;
    /** This round's files so far, and the version of the step's output they make (lib/cycle/file-versions.ts). */
    files?: { id: string; name: string; href: string; viewHref?: string }[];
    fileVersion?: number;
    /** The version this round replaces (a revision), to open and edit. */
    previousVersion?: { version: number; round: number; files: { id: string; name: string; href: string; viewHref?: string }[] } | null;
  };
  step: { kind: TStepKind; kegiatan: string; output: string };
  /** A decision returning to an every-unit step: its units, one of which may be returned alone. */
  returnUnits: { id: string; name: string }[] | null;
  /** A joint meeting step: its invitation (sent or not). */
  meeting: { invited: boolean; when: string | null; place: string | null; agenda: string | null } | null;
  /** The previous round of this step, to start a revision from. */
  previous: { outputText: string; attendees: string; decisions: string; reference: string } | null;
  /** Decision steps: the work under review (from the return target up) and the steps before it. */
  /** What the decision decides on (lib/cycle/work-under-review.ts), shown first. */
  underReview?: ReviewedWork | null;
  /** The work under review's files as versions: the current one and the one it replaces. */
  underReviewVersions?: TReviewVersions | null;
  reviewed: ReviewedWork[];
  earlier: ReviewedWork[];
  /**
   * What the user may do now and what each action requires, or why nothing
   * (lib/cycle/task-rules.ts, the rules the server applies): the panel renders
   * this and validates with the same checkWork, never rules of its own.
   */
  offers: TTaskOffer[];
  refusal: TRuleRefusal | null;
  withheld: TTaskOptions["withheld"];
  /** Where the realizations are filled, for an INPUT step that waits for them. */
  realizationHref: string;
  /** The programs' budget realization (the recap page's form), for those who may fill it; INPUT steps. */
  budgetHref?: string | null;
  /** A decision: the snapshot it decides on (lib/cycle/decision-snapshot.ts); its hash goes back with the decision. */
  snapshot?: TCycleSnapshot | null;
}

const GATE = PERFORMANCE_MESSAGES.ui.archiveGate;

/**
 * The archive gate before this member's actions, as the rules put it: offered
 * to the head with a note (an offer that requires one), or the refusal of an
 * action held back from the step's executor until the values are verified.
 */
function archiveGateOf({ offers, refusal, withheld }: Pick<TaskActionPanelProps, "offers" | "refusal" | "withheld">): { gate: TArchiveGate; canOverride: boolean } | null {
  const offered = offers.find((o) => o.requires.archiveGate)?.requires.archiveGate;
  if (offered) return { gate: offered, canOverride: true };
  const refused = refusal?.archiveGate ?? withheld.find((w) => w.refusal.archiveGate)?.refusal.archiveGate;
  return refused ? { gate: refused, canOverride: false } : null;
}

const text = (max: number) => z.string().trim().max(max, `Maksimal ${max} karakter.`);
const lines = (value: string) =>
  value
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

const SUCCESS: Record<TTaskEventType, string> = {
  COMPLETE: M.done,
  APPROVE: M.approved,
  RETURN: M.returned,
  RESUBMIT: M.resubmitted,
};

/** Server field errors ("attendees.0") onto this form's fields; false when none matched. */
function placeFieldErrors<T extends string>(
  fieldErrors: Record<string, string[]> | undefined,
  fields: readonly T[],
  set: (field: T, message: string, focus: boolean) => void,
): boolean {
  let placed = false;
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = fields.find((f) => f === key.split(".")[0]);
    if (field && messages[0]) {
      set(field, messages[0], !placed);
      placed = true;
    }
  }
  return placed;
}

/** The form for the open task of a step, specific to the step's kind. */
export function TaskActionPanel(props: TaskActionPanelProps) {
  const { task, step } = props;
  const late = task.late;
  const archive = archiveGateOf(props);
  return (
    <div className="space-y-4" data-testid="action-panel">
      <div className="space-y-1">
        <p className="text-sm text-slate-600">
          {STEP_KIND_LABELS[step.kind]} · {M.ui.stepRound(task.stepNumber, task.round)} · {task.roleName}
        </p>
        <p className="font-medium text-slate-900">{step.kegiatan}</p>
        {task.unitName ? (
          <p className="text-sm font-medium text-brand-800" data-testid="task-unit">
            {M.ui.unitOf(task.unitName)}
          </p>
        ) : null}
        <p className={cn("flex flex-wrap items-center gap-x-2 text-sm", late ? "font-semibold text-red-800" : "text-slate-700")}>
          {late ? <AlertTriangle aria-hidden className="size-4" /> : <Clock aria-hidden className="size-4" />}
          <span>{M.ui.dueLine(task.dueAt)}</span>
          <span>({task.timeNote})</span>
        </p>
      </div>
      {task.status === "RETURNED" && task.returnReason ? (
        <div role="alert" className="rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950" data-testid="returned-alert">
          <p className="flex items-center gap-2 font-semibold">
            <RotateCcw aria-hidden className="size-4 shrink-0" />
            {M.ui.returnedBy(task.returnedBy ?? "-")}:
          </p>
          <p className="mt-1 text-base whitespace-pre-wrap">{task.returnReason}</p>
        </div>
      ) : null}
      {archive ? <ArchiveGateNotice gate={archive.gate} canOverride={archive.canOverride} /> : null}
      {step.kind === "INPUT" ? <InputWorkLinks realizationHref={props.realizationHref} budgetHref={props.budgetHref ?? null} /> : null}
      {props.meeting ? <MeetingInvitationForm agencySlug={props.agencySlug} cycleId={props.cycleId} taskId={task.id} meeting={props.meeting} /> : null}
      {isDecisionKind(step.kind) ? <DecisionForm {...props} /> : <WorkForm {...props} />}
    </div>
  );
}

/** A data-input task's work is the unit's realization form (and the programs' budget): one tap away. */
function InputWorkLinks({ realizationHref, budgetHref }: { realizationHref: string; budgetHref: string | null }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap" data-testid="input-work-links">
      <Link
        href={realizationHref}
        className="inline-flex min-h-12 items-center justify-center gap-2 rounded-md bg-brand-700 px-5 text-base font-medium text-white hover:bg-brand-800"
        data-testid="open-realization-form"
      >
        <Send aria-hidden className="size-5" />
        {M.ui.openUnitRealizations}
      </Link>
      {budgetHref ? (
        <Link href={budgetHref} className="inline-flex min-h-12 items-center justify-center rounded-md border border-brand-600 px-5 text-base font-medium text-brand-800 hover:bg-brand-50">
          {M.ui.openBudgetRealization}
        </Link>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Process steps: DISPOSITION, DRAFT, INPUT, MEETING, UPLOAD, ARCHIVE
// ---------------------------------------------------------------------------

const WORK_FIELDS = ["outputText", "reference", "checklist", "attendees", "attendance", "decisions", "comment", "archiveNote", "esakipUploadedAt", "esakipReference", "esakipReceiptFileId"] as const;

type TMarkValue = { userId: string; status: "" | TAttendanceStatus; representedBy: string };
/** The ticked marks of the attendance list (unticked ones are left out: the rules name them). */
const marksOf = (marks: TMarkValue[]): (TAttendanceMark & { representedBy?: string })[] =>
  marks.flatMap((m) => (m.status ? [{ userId: m.userId, status: m.status, ...(m.representedBy.trim() ? { representedBy: m.representedBy.trim() } : {}) }] : []));

/** The form's values as the server receives them (lib/cycle/schemas.ts ZTaskWork). */
function workOf(values: {
  outputText: string;
  checklist: string[];
  attendees: string;
  attendance: TMarkValue[];
  decisions: string;
  comment: string;
  archiveNote: string;
  esakipUploadedAt: string;
  esakipReference: string;
}): TTaskWork {
  return {
    outputText: values.outputText,
    checklist: values.checklist,
    attendees: lines(values.attendees),
    attendance: marksOf(values.attendance),
    decisions: values.decisions,
    comment: values.comment,
    archiveNote: values.archiveNote,
    esakipUploadedAt: values.esakipUploadedAt,
    esakipReference: values.esakipReference,
  };
}

/** Lengths here; what must be filled in is the server's own checkWork on the offer's requirements. */
function workSchema(requires: TWorkRequirements) {
  return z
    .object({
      outputText: text(20_000),
      reference: text(500),
      checklist: z.array(z.string()),
      attendees: z.string(),
      attendance: z.array(z.object({ userId: z.string(), status: z.enum(["", ...ATTENDANCE_STATUSES]), representedBy: text(200) })),
      decisions: text(10_000),
      comment: text(5_000),
      archiveNote: text(2_000),
      esakipUploadedAt: z.string(),
      esakipReference: text(100),
      esakipReceiptFileId: z.string(),
    })
    .superRefine((values, ctx) => {
      for (const [field, messages] of Object.entries(checkWork(requires, workOf(values))?.fieldErrors ?? {})) {
        ctx.addIssue({ code: "custom", path: [field], message: messages[0]! });
      }
    });
}
type TWork = z.infer<ReturnType<typeof workSchema>>;

/** Why the user holds the task but cannot act on it now (maker/checker, realizations still due, the archive gate). */
function Refusal({ refusal, realizationHref }: { refusal: TRuleRefusal | null; realizationHref?: string }) {
  return (
    <Alert tone="info" className="flex gap-2" data-testid="task-refusal">
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>
        {refusal?.message ?? M.ui.notYourStep}
        {realizationHref ? (
          <>
            {" "}
            <Link href={realizationHref} className="font-medium text-brand-800 underline">
              {M.ui.openRealizations}
            </Link>
          </>
        ) : null}
      </span>
    </Alert>
  );
}

function WorkForm(props: TaskActionPanelProps) {
  const offer = props.offers.find((o) => o.event === "COMPLETE" || o.event === "RESUBMIT");
  if (!offer) {
    // The archive gate's notice above the form is the refusal, with the list.
    if (props.refusal?.archiveGate) return null;
    const waitsForData = props.step.kind === "INPUT" && props.refusal?.code === "INVALID";
    return <Refusal refusal={props.refusal} realizationHref={waitsForData ? props.realizationHref : undefined} />;
  }
  return <WorkFormFor {...props} offer={offer} />;
}

function WorkFormFor({ agencySlug, cycleId, task, step, previous, offer }: TaskActionPanelProps & { offer: TTaskOffer }) {
  const router = useRouter();
  // Stays pending until the refreshed page has arrived, so nobody sends the same step twice.
  const [refreshing, startRefresh] = useTransition();
  const kind = step.kind;
  const { event, requires } = offer;
  const checklistItems = requires.checklist;
  const schema = useMemo(() => workSchema(requires), [requires]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<TWork>({
    resolver: zodResolver(schema),
    defaultValues: {
      outputText: previous?.outputText ?? "",
      reference: previous?.reference ?? "",
      checklist: [],
      attendees: previous?.attendees ?? "",
      attendance: (requires.attendance ?? []).map((p) => ({ userId: p.userId, status: "" as const, representedBy: "" })),
      decisions: previous?.decisions ?? "",
      comment: "",
      archiveNote: "",
      esakipUploadedAt: "",
      esakipReference: "",
      esakipReceiptFileId: "",
    },
  });
  const [receipt, setReceipt] = useState<{ id: string; name: string } | null>(null);

  const marks = useWatch({ control, name: "attendance" });
  // The list's own message: on the field (from the server) or on its root (the resolver puts an array's error there).
  const attendanceError = errors.attendance?.message ?? errors.attendance?.root?.message;

  const [confirmArchive, setConfirmArchive] = useState<TWork | null>(null);
  const [sendingArchive, setSendingArchive] = useState(false);
  /** Arsipkan cannot be undone: it asks first; every other step is sent at once. */
  async function onSubmit(values: TWork) {
    if (kind === "ARCHIVE") setConfirmArchive(values);
    else await send(values);
  }

  async function send(values: TWork) {
    const input: TTaskAction = {
      cycleId,
      taskId: task.id,
      event,
      outputText: values.outputText,
      comment: values.comment || undefined,
      reference: values.reference || undefined,
      checklist: checklistItems.length ? values.checklist : undefined,
      attendees: kind === "MEETING" && !requires.attendance ? lines(values.attendees) : undefined,
      attendance: requires.attendance ? marksOf(values.attendance) : undefined,
      decisions: kind === "MEETING" ? values.decisions : undefined,
      archiveNote: requires.archiveNote ? values.archiveNote : undefined,
      ...(requires.esakipUpload
        ? { esakipUploadedAt: values.esakipUploadedAt, esakipReference: values.esakipReference, esakipReceiptFileId: values.esakipReceiptFileId || undefined }
        : {}),
    };
    const result = await taskAction(agencySlug, input).catch(() => null);
    if (!result) {
      setError("root", { message: t.errors.unexpected });
      toast.error(t.errors.unexpected);
      return;
    }
    if (result.ok) {
      toast.success(result.data.cycleStatus === "COMPLETED" ? M.cycleCompleted : SUCCESS[event]);
      startRefresh(() => router.refresh());
      return;
    }
    const placed = placeFieldErrors(result.fieldErrors, WORK_FIELDS, (f, message, focus) => setError(f, { message }, { shouldFocus: focus }));
    if (!placed) setError("root", { message: result.error });
    toast.error(result.error);
  }

  const id = (name: string) => `task-${name}`;
  const aria = (name: (typeof WORK_FIELDS)[number], hint = false) => ({
    id: id(name),
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${id(name)}-error` : hint ? `${id(name)}-hint` : undefined,
  });
  const isArchive = kind === "ARCHIVE";
  const resubmit = event === "RESUBMIT";
  const SubmitIcon = resubmit ? Send : isArchive ? Archive : Check;
  const submitLabel = requires.archiveGate ? GATE.submitHead : resubmit ? M.ui.resubmit : isArchive ? M.ui.completeArchive : M.ui.complete;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label={submitLabel}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}

      {requires.dataEntryReplacesChecklist ? (
        <Alert tone="info" className="flex gap-2" data-testid="checklist-replaced">
          <Check aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{M.ui.checklistReplaced}</span>
        </Alert>
      ) : null}

      {checklistItems.length ? (
        <fieldset className="space-y-2" aria-describedby={errors.checklist ? "task-checklist-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{M.ui.fieldChecklist}</legend>
          <Controller
            control={control}
            name="checklist"
            render={({ field }) => (
              <div className="space-y-2">
                {checklistItems.map((item, i) => (
                  <label key={i} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2.5 text-sm">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-5 shrink-0"
                      name={field.name}
                      value={item}
                      checked={field.value.includes(item)}
                      onBlur={field.onBlur}
                      ref={i === 0 ? field.ref : undefined}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, item] : field.value.filter((v) => v !== item))}
                    />
                    <span>{item}</span>
                  </label>
                ))}
              </div>
            )}
          />
          {errors.checklist?.message ? (
            <p id="task-checklist-error" role="alert" className="text-sm text-red-700">
              {errors.checklist.message}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      {kind === "DISPOSITION" ? (
        <Field id={id("outputText")} label={M.ui.fieldDisposition} hint={`${M.ui.fieldDispositionHint} ${M.ui.sopOutput(step.output)}`} error={errors.outputText?.message}>
          <Textarea rows={4} {...aria("outputText", true)} {...register("outputText")} />
        </Field>
      ) : kind === "MEETING" ? (
        <>
          <Field id={id("outputText")} label={M.ui.fieldNotes} hint={M.ui.sopOutput(step.output)} error={errors.outputText?.message}>
            <Textarea rows={5} {...aria("outputText", true)} {...register("outputText")} />
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
                        <input type="radio" className="size-5" value={status} {...register(`attendance.${i}.status`)} />
                        {M.ui.attendanceStatus[status]}
                      </label>
                    ))}
                  </div>
                  {marks?.[i]?.status === "REPRESENTED" ? (
                    <Field id={`task-attendance-${i}-by`} label={M.ui.representedByLabel(person.name)}>
                      <Input id={`task-attendance-${i}-by`} autoComplete="off" {...register(`attendance.${i}.representedBy`)} />
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
            <Field id={id("attendees")} label={M.ui.fieldAttendees} error={errors.attendees?.message}>
              <Textarea rows={4} {...aria("attendees")} {...register("attendees")} />
            </Field>
          )}
          <Field id={id("decisions")} label={M.ui.fieldDecisions} error={errors.decisions?.message}>
            <Textarea rows={3} {...aria("decisions")} {...register("decisions")} />
          </Field>
        </>
      ) : (
        <>
          <Field id={id("outputText")} label={M.ui.fieldOutput} hint={M.ui.sopOutput(step.output)} error={errors.outputText?.message}>
            <Textarea rows={4} {...aria("outputText", true)} {...register("outputText")} />
          </Field>
          {kind === "DRAFT" || kind === "UPLOAD" || kind === "ARCHIVE" ? (
            <Field id={id("reference")} label={M.ui.fieldReference} hint={M.ui.fieldReferenceHint} error={errors.reference?.message}>
              <Input autoComplete="off" {...aria("reference", true)} {...register("reference")} />
            </Field>
          ) : null}
        </>
      )}

      {kind === "DRAFT" || kind === "UPLOAD" ? (
        <TaskFilesUpload agencySlug={agencySlug} taskId={task.id} files={task.files ?? []} version={task.fileVersion ?? 1} previous={task.previousVersion ?? null} />
      ) : null}

      {requires.esakipUpload ? (
        <EsakipFields
          agencySlug={agencySlug}
          taskId={task.id}
          date={register("esakipUploadedAt")}
          reference={register("esakipReference")}
          errors={{ date: errors.esakipUploadedAt?.message, reference: errors.esakipReference?.message, receipt: errors.esakipReceiptFileId?.message }}
          receipt={receipt}
          onReceipt={(file) => {
            setReceipt(file);
            setValue("esakipReceiptFileId", file.id);
          }}
        />
      ) : null}

      {resubmit ? (
        <Field id={id("comment")} label={M.ui.fieldResubmitComment} hint={M.ui.fieldResubmitCommentHint} error={errors.comment?.message}>
          <Textarea rows={2} className="min-h-16" {...aria("comment", true)} {...register("comment")} />
        </Field>
      ) : null}

      {requires.archiveNote ? (
        <Field id={id("archiveNote")} label={GATE.noteLabel} hint={GATE.noteHint} error={errors.archiveNote?.message}>
          <Textarea rows={3} {...aria("archiveNote", true)} {...register("archiveNote")} />
        </Field>
      ) : null}

      {isArchive ? (
        <Alert tone="info" className="flex gap-2">
          <Archive aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{M.ui.archiveNote}</span>
        </Alert>
      ) : null}

      <Button type="submit" size="lg" disabled={isSubmitting || refreshing || sendingArchive} className="w-full sm:w-auto">
        <SubmitIcon aria-hidden className="size-5" />
        {isSubmitting || refreshing || sendingArchive ? M.ui.sending : submitLabel}
      </Button>
      <ConfirmDialog
        open={confirmArchive !== null}
        onOpenChange={(open) => (open ? null : setConfirmArchive(null))}
        title={M.ui.confirmArchive.title}
        confirmLabel={M.ui.confirmArchive.confirm}
        cancelLabel={M.ui.confirmCancel}
        onConfirm={() => {
          const values = confirmArchive;
          setConfirmArchive(null);
          if (values) {
            setSendingArchive(true);
            void send(values).finally(() => setSendingArchive(false));
          }
        }}
        testId="confirm-archive"
      >
        <p>{M.ui.confirmArchive.body}</p>
      </ConfirmDialog>
    </form>
  );
}

// ---------------------------------------------------------------------------
// Decision steps: REVIEW, APPROVAL ("Ya" / "Tidak")
// ---------------------------------------------------------------------------

const ZDecision = z.object({ comment: text(5_000), archiveNote: text(2_000), returnUnitId: z.string() });
type TDecision = z.infer<typeof ZDecision>;

function DecisionForm({ agencySlug, cycleId, task, underReview, underReviewVersions, reviewed, earlier, offers: allOffers, refusal, returnUnits, snapshot }: TaskActionPanelProps) {
  // The server refuses approving this snapshot (the agency's setting on unverified values): "Ya" is not offered.
  const offers = snapshot?.approvalRefusal ? allOffers.filter((o) => o.event !== "APPROVE") : allOffers;
  const router = useRouter();
  const [sending, setSending] = useState<TTaskEventType | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors },
  } = useForm<TDecision>({ resolver: zodResolver(ZDecision), defaultValues: { comment: "", archiveNote: "", returnUnitId: "" } });

  const offered = (event: "APPROVE" | "RETURN") => offers.find((o) => o.event === event);
  const [confirmApprove, setConfirmApprove] = useState(false);
  // "Ya" on the step that archives the quarter closes the cycle too.
  const closesCycle = Boolean(offered("APPROVE")?.requires.archiveGate);
  // The head deciding "Ya" on the step that archives a quarter over unverified values writes a note.
  const noteOffered = offers.some((o) => o.requires.archiveNote);
  const decide = (offer: TTaskOffer) =>
    handleSubmit(async (values) => {
      clearErrors();
      const event = offer.event;
      // The server's own check of what this decision requires (a reason to return, the head's archive note).
      const missing = checkWork(offer.requires, { comment: values.comment, archiveNote: values.archiveNote })?.fieldErrors ?? {};
      if (placeFieldErrors(missing, ["comment", "archiveNote"] as const, (f, message, focus) => setError(f, { message }, { shouldFocus: focus }))) return;
      setSending(event);
      const archiveNote = offer.requires.archiveNote ? values.archiveNote : undefined;
      const returnUnitId = event === "RETURN" && values.returnUnitId ? values.returnUnitId : undefined;
      const result = await taskAction(agencySlug, {
        cycleId,
        taskId: task.id,
        event,
        comment: values.comment || undefined,
        archiveNote,
        returnUnitId,
        snapshotHash: snapshot?.hash,
      }).catch(() => null);
      if (result?.ok) {
        toast.success(SUCCESS[event]);
        // The buttons stay disabled ("Mengirim…") until the refreshed page replaces this form.
        startRefresh(() => router.refresh());
        return;
      }
      setSending(null);
      if (!result) {
        setError("root", { message: t.errors.unexpected });
        toast.error(t.errors.unexpected);
        return;
      }
      if (!placeFieldErrors(result.fieldErrors, ["comment", "archiveNote"] as const, (f, message, focus) => setError(f, { message }, { shouldFocus: focus }))) {
        setError("root", { message: result.error });
      }
      toast.error(result.error);
      // The data changed since the page opened: the refreshed page shows the new snapshot to decide on.
      if (result.fieldErrors?.snapshotHash) startRefresh(() => router.refresh());
    });

  // Decision first: what is decided on (with its documents), then the reason and Ya / Tidak;
  // the other steps of the check fold below the buttons.
  const others = (
    <section aria-labelledby="reviewed-work" className="space-y-2" data-testid="reviewed-work">
      <h3 id="reviewed-work" className="text-sm font-semibold text-slate-900">
        {underReview ? M.ui.otherReviewed : M.ui.reviewedWork}
      </h3>
      {underReview && reviewed.length === 0 ? null : <WorkList items={reviewed} />}
      {earlier.length ? (
        <details className="rounded-md border border-slate-200 px-3 py-2">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-800">
            {M.ui.earlierWorkToggle} ({M.ui.earlierWork(earlier[0]!.stepNumber, earlier.at(-1)!.stepNumber)})
          </summary>
          <div className="mt-2">
            <WorkList items={earlier} />
          </div>
        </details>
      ) : null}
    </section>
  );

  return (
    <div className="space-y-4">
      {underReview ? (
        <section aria-labelledby="under-review" className="space-y-2" data-testid="under-review">
          <h3 id="under-review" className="text-sm font-semibold text-slate-900">
            {M.ui.underReview}
          </h3>
          <WorkList items={[underReview]} compact />
          {underReviewVersions?.previous ? <UnderReviewVersions versions={underReviewVersions} /> : null}
          {/* With versions beside each other, the work's own files are read there. */}
          <DecisionDocuments items={[underReviewVersions?.previous ? { ...underReview, files: [] } : underReview, ...reviewed, ...earlier]} />
        </section>
      ) : (
        others
      )}

      {offers.length === 0 ? (
        // The archive gate's notice above is the refusal, with the list.
        refusal?.archiveGate ? null : <Refusal refusal={refusal} />
      ) : (
        <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4" aria-label={M.ui.actionTitle}>
          {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
          <Field id="task-comment" label={M.ui.fieldDecisionComment} hint={M.ui.fieldDecisionCommentHint} error={errors.comment?.message}>
            <Textarea
              id="task-comment"
              rows={2}
              className="min-h-16"
              aria-invalid={Boolean(errors.comment)}
              aria-describedby={errors.comment ? "task-comment-error" : "task-comment-hint"}
              {...register("comment")}
            />
          </Field>
          {returnUnits && offered("RETURN") ? (
            <Field id="task-returnUnitId" label={M.ui.returnUnit} hint={M.ui.returnUnitHint}>
              <select
                id="task-returnUnitId"
                aria-describedby="task-returnUnitId-hint"
                className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base"
                {...register("returnUnitId")}
              >
                <option value="">{M.ui.returnUnitAll}</option>
                {returnUnits.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {noteOffered ? (
            <Field id="task-archiveNote" label={GATE.noteLabel} hint={GATE.noteHint} error={errors.archiveNote?.message}>
              <Textarea
                id="task-archiveNote"
                rows={3}
                aria-invalid={Boolean(errors.archiveNote)}
                aria-describedby={errors.archiveNote ? "task-archiveNote-error" : "task-archiveNote-hint"}
                {...register("archiveNote")}
              />
            </Field>
          ) : null}
          <div className="grid gap-3 sm:flex sm:flex-wrap">
            {offered("APPROVE") ? (
              <Button type="button" size="lg" disabled={sending !== null || refreshing} onClick={() => setConfirmApprove(true)} className="bg-green-700 hover:bg-green-800">
                <Check aria-hidden className="size-5" />
                {sending === "APPROVE" ? M.ui.sending : M.ui.approve}
              </Button>
            ) : null}
            {offered("RETURN") ? (
              <Button
                type="button"
                size="lg"
                variant="secondary"
                disabled={sending !== null || refreshing}
                onClick={decide(offered("RETURN")!)}
                className="border-amber-500 text-amber-900 hover:bg-amber-50"
              >
                <Undo2 aria-hidden className="size-5" />
                {sending === "RETURN" ? M.ui.sending : M.ui.returnBack}
              </Button>
            ) : null}
          </div>
          <ConfirmDialog
            open={confirmApprove}
            onOpenChange={setConfirmApprove}
            title={M.ui.confirmApprove.title(task.stepNumber)}
            confirmLabel={M.ui.confirmApprove.confirm}
            cancelLabel={M.ui.confirmCancel}
            onConfirm={() => {
              setConfirmApprove(false);
              const offer = offered("APPROVE");
              if (offer) void decide(offer)();
            }}
            testId="confirm-approve"
          >
            <p>{M.ui.confirmApprove.body}</p>
            {closesCycle ? <p className="font-medium">{M.ui.confirmApprove.bodyArchives}</p> : null}
            {snapshot?.content.performance?.unverified ? (
              <p className="font-medium text-amber-900" data-testid="confirm-unverified">
                {SNAPSHOT_MESSAGES.unverified(snapshot.content.performance.unverified)}. {SNAPSHOT_MESSAGES.unverifiedWarn}
              </p>
            ) : null}
          </ConfirmDialog>
        </form>
      )}
      {/* What is decided on, frozen and hashed: below the buttons, so they stay on a phone's first screen
          (the count of unverified values is also in the confirmation). */}
      {snapshot ? <DecisionSnapshotView snapshot={snapshot} /> : null}
      {underReview ? (
        <details className="rounded-md border border-slate-200 px-3 py-1" data-testid="reviewed-fold">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-800">{M.ui.otherReviewed}</summary>
          <div className="pt-2 pb-2">{others}</div>
        </details>
      ) : null}
    </div>
  );
}

/** Every file of the work a decision covers, newest step first: the documents to read before deciding, at the top. */
function DecisionDocuments({ items }: { items: ReviewedWork[] }) {
  const seen = new Set<string>();
  const files = [...items]
    .sort((a, b) => b.stepNumber - a.stepNumber || b.round - a.round)
    .flatMap((w) => (w.files ?? []).map((f) => ({ ...f, stepNumber: w.stepNumber })))
    .filter((f) => !seen.has(f.id) && seen.add(f.id));
  if (files.length === 0) return null;
  // Compact on purpose (it sits above the buttons): the reading links only; "Unduh" is with each step's work below.
  return (
    <ul className="space-y-0.5 rounded-md border border-slate-200 px-3 text-sm" aria-label={M.ui.documents} data-testid="decision-documents">
      {files.map((f) => (
        <li key={f.id}>
          <a
            href={f.viewHref ?? f.href}
            {...(f.viewHref ? { target: "_blank", rel: "noopener", "data-testid": "file-view" } : {})}
            className="inline-flex min-h-11 items-center gap-1 font-medium break-all text-brand-800 underline"
          >
            <FileText aria-hidden className="size-4 shrink-0" />
            {f.viewHref ? M.ui.viewFile(f.name) : f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function FileLinks({ files }: { files: NonNullable<ReviewedWork["files"]> }) {
  return (
    <ul className="space-y-0.5" aria-label={M.ui.files}>
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-x-3">
          {f.viewHref ? (
            // Opens in the browser's PDF viewer (the route serves it inline); "Unduh" still downloads.
            <a href={f.viewHref} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center gap-1 font-medium break-all text-brand-800 underline" data-testid="file-view">
              <FileText aria-hidden className="size-4 shrink-0" />
              {M.ui.viewFile(f.name)}
            </a>
          ) : null}
          <a href={f.href} className="inline-flex min-h-11 items-center break-all text-brand-800 underline-offset-2 hover:underline">
            {f.viewHref ? M.ui.downloadFile : f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `compact`: the work a decision is about, at the top of a phone screen: its text clamped to four lines (the whole in a disclosure). */
function WorkList({ items, compact = false }: { items: ReviewedWork[]; compact?: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{M.ui.noOutput}</p>;
  return (
    <ol className="space-y-2">
      {items.map((w) => (
        <li key={`${w.stepNumber}-${w.round}`} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          <p className="font-medium text-slate-900">
            {M.ui.stepRound(w.stepNumber, w.round)} · {w.roleName}
            {w.completedBy ? <span className="font-normal text-slate-600"> · {w.completedBy}</span> : null}
          </p>
          {compact ? null : <p className="text-xs text-slate-600">{w.kegiatan}</p>}
          {compact && (w.outputText?.length ?? 0) > 240 ? (
            <details className="mt-1">
              <summary className="cursor-pointer list-none">
                <span className="line-clamp-3 break-words whitespace-pre-wrap text-slate-900">{w.outputText}</span>
                <span className="inline-flex min-h-11 items-center font-medium text-brand-800">{M.ui.readAll}</span>
              </summary>
              <p className="break-words whitespace-pre-wrap text-slate-900">{w.outputText}</p>
            </details>
          ) : (
            <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{w.outputText || M.ui.noOutput}</p>
          )}
          {w.extra.map((line, i) => (
            <p key={i} className="mt-1 break-words whitespace-pre-wrap text-slate-700">
              {line}
            </p>
          ))}
          {w.files?.length && !compact ? (
            <div className="mt-1">
              <FileLinks files={w.files} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
