import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { AlertTriangle, Clock, FileText, Info, RotateCcw, Send } from "@/components/ui/icons";
import { SNAPSHOT_MESSAGES, type TCycleSnapshot } from "@/lib/cycle/decision-snapshot-shared";
import type { TReviewVersions } from "@/lib/cycle/file-versions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { TArchiveGate, TRuleRefusal, TTaskOffer, TTaskOptions } from "@/lib/cycle/task-rules";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/messages";
import { isDecisionKind, STEP_KIND_LABELS, type TStepKind } from "@/lib/sop/schemas";
import { cn } from "@/lib/utils";

import { ArchiveGateNotice } from "./archive-gate";
import { DecisionSnapshotView } from "./decision-snapshot";
import { DecisionTaskForm, MeetingInvitationForm, UnderReviewVersions, WorkTaskForm } from "./lazy-panels";
import type { TGateWords } from "./task-form-shared";

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
   * this; the forms send what is typed and the server checks it with the same checkWork.
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
/** The archive gate's words the client forms show, handed to them as props (plain strings). */
const GATE_WORDS: TGateWords = { noteLabel: GATE.noteLabel, noteHint: GATE.noteHint, submitHead: GATE.submitHead };

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
  const { task } = props;
  return (
    <WorkTaskForm
      agencySlug={props.agencySlug}
      cycleId={props.cycleId}
      taskId={task.id}
      kind={props.step.kind}
      stepOutput={props.step.output}
      offer={offer}
      previous={props.previous}
      files={task.files ?? []}
      fileVersion={task.fileVersion ?? 1}
      previousVersion={task.previousVersion ?? null}
      gate={GATE_WORDS}
    />
  );
}

// ---------------------------------------------------------------------------
// Decision steps: REVIEW, APPROVAL ("Ya" / "Tidak")
// ---------------------------------------------------------------------------

function DecisionForm({ agencySlug, cycleId, task, underReview, underReviewVersions, reviewed, earlier, offers: allOffers, refusal, returnUnits, snapshot }: TaskActionPanelProps) {
  // The server refuses approving this snapshot (the agency's setting on unverified values): "Ya" is not offered.
  const offers = snapshot?.approvalRefusal ? allOffers.filter((o) => o.event !== "APPROVE") : allOffers;
  const unverified = snapshot?.content.performance?.unverified;

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
        <DecisionTaskForm
          agencySlug={agencySlug}
          cycleId={cycleId}
          taskId={task.id}
          stepNumber={task.stepNumber}
          offers={offers}
          returnUnits={returnUnits}
          snapshotHash={snapshot?.hash ?? null}
          unverifiedNote={unverified ? `${SNAPSHOT_MESSAGES.unverified(unverified)}. ${SNAPSHOT_MESSAGES.unverifiedWarn}` : null}
          gate={GATE_WORDS}
        />
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
