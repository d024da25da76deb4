import Link from "next/link";

import type { TFlowStepState } from "@/components/sop/flowchart";
import { ShareWhatsApp } from "@/components/share/share-whatsapp";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ArrowLeft, FileText, Info, Lock } from "@/components/ui/icons";
import type { AgencyContext } from "@/lib/authz/context";
import { foldHref, HISTORY_TAIL, type TFoldName, type TFoldRequest } from "@/lib/cycle/folds";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { TCyclePage } from "@/lib/cycle/queries";
import { reviewedStepRange } from "@/lib/cycle/task-rules";
import { readUnitPlan, type TUnitPlan } from "@/lib/cycle/unit-plan";
import { unitProgress } from "@/lib/cycle/workflow";
import { fileVersions, reviewFileVersions } from "@/lib/cycle/file-versions";
import { workUnderReview } from "@/lib/cycle/work-under-review";
import { formatDuration, isLate } from "@/lib/cycle/working-time";
import { formatDateTime, formatNumber } from "@/lib/format";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { SHARE_MESSAGES } from "@/lib/share/whatsapp";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { executorColumnsByFirstUse } from "@/lib/sop/executor-columns";
import { STEP_KIND_LABELS, STEP_UNIT_KIND_LABELS, TIME_UNIT_LABELS, isDecisionKind } from "@/lib/sop/schemas";
import { readActingRecord, withCapacity } from "@/lib/role/acting";
import { formatNip } from "@/lib/validation/nip";

import { CancelCycleForm } from "./lazy-panels";
import { CycleFlowchart } from "./cycle-flowchart";
import { CycleOutputs, type CycleOutput } from "./cycle-outputs";
import { LazyFold } from "./lazy-fold";
import { CycleStatusBadge, type TStepDisplayState } from "./status-badges";
import { StepList, type StepListItem } from "./step-list";
import { EsakipInstruction, isEsakipUploadStep, quarterOfPeriod, StepRecap } from "./step-recap";
import { TaskActionPanel, type ReviewedWork, type TaskActionPanelProps } from "./task-action-panel";
import { TaskHistoryList, type HistoryItem } from "./task-history";

type TCycle = TCyclePage["cycle"];
type TTask = TCycle["tasks"][number];
type TStep = TCycle["sop"]["steps"][number];

/** The kind-specific record kept on a task (lib/cycle/service.ts writes it). */
function taskData(raw: unknown) {
  const data = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
  return { checklist: strings(data.checklist), attendees: strings(data.attendees), decisions: str(data.decisions), reference: str(data.reference) };
}

/** A kind-specific record worth reviewing (minutes, checklist, upload reference). */
const hasRecord = (d: ReturnType<typeof taskData>) => d.checklist.length > 0 || d.attendees.length > 0 || d.decisions !== null || d.reference !== null;

const standardOf = (s: TStep) => `${formatNumber(s.waktuJumlah)} ${TIME_UNIT_LABELS[s.waktuSatuan]}`;
const who = (t: TTask) => (t.completedBy ? withCapacity(`${t.completedBy.name} (NIP ${formatNip(t.completedBy.nip)})`, readActingRecord(t.data)) : null);

/** The decision task that re-opened `task` for revision: closed in the same transaction that opened it. */
/** An every-unit step's progress: the units done, of how many, and those still missing, by name. */
function openStep0(openTask: TTask | undefined, stepByNumber: Map<number, TStep>, plan: TUnitPlan, tasks: TTask[]) {
  const step = openTask ? stepByNumber.get(openTask.stepNumber) : undefined;
  const units = step ? plan[step.number] : undefined;
  if (!step || !units) return null;
  const { done, missing } = unitProgress({ number: step.number, kind: "PROCESS", units: units.map((u) => u.id) }, tasks);
  const name = (id: string) => units.find((u) => u.id === id)?.name ?? "";
  return { done: done.length, total: units.length, missing: missing.map(name), kind: step.unitKind ? STEP_UNIT_KIND_LABELS[step.unitKind] : "unit" };
}

function returnerOf(task: TTask, tasks: TTask[]): TTask | undefined {
  if (!task.returnReason) return undefined;
  const returns = tasks.filter((t) => t.outcome === "RETURNED" && t.completedAt && t.completedAt.getTime() <= task.startedAt.getTime());
  return returns.find((t) => t.completedAt!.getTime() === task.startedAt.getTime()) ?? returns.at(-1);
}

/** A file's download link and, for a PDF, the link that opens it in the browser (the files route serves it inline). */
const fileLink = (slug: string, f: { id: string; originalName: string; mimeType: string }) => ({
  id: f.id,
  name: f.originalName,
  href: `/a/${slug}/files/${f.id}`,
  viewHref: f.mimeType === "application/pdf" ? `/a/${slug}/files/${f.id}?lihat=1` : undefined,
});

/**
 * The whole cycle page below the route: header, the task panel for whoever holds
 * the open step's role (or, archiving a quarter over unverified values, the head), the flowchart and step list, the history and, for heads and
 * administrators, cancelling. Shown from what the page loaded (lib/cycle/queries.ts
 * loadCyclePage); what the user may do comes from the task rules the server applies
 * (`page.options`), never decided here.
 */
/**
 * `baseUrl`: the app's public address (APP_URL), for the absolute link of a shared task.
 * `folds`: the folds the reader opened (`?buka=`); under a task panel the others are
 * not rendered until opened (docs/decisions/027-lazy-cycle-page.md).
 * `once`: how the history's HTML reaches the page (lib/html-once.ts); in the props when not given.
 */
export function CycleDetail({
  ctx,
  page,
  now,
  baseUrl,
  folds = { opened: new Set(), allHistory: false },
  once = inlineHtml,
}: {
  ctx: AgencyContext;
  page: TCyclePage;
  now: Date;
  baseUrl: string;
  folds?: TFoldRequest;
  once?: THtmlSender;
}) {
  const { cycle, options, recap } = page;
  const tz = ctx.agency.timeZone;
  const slug = ctx.agency.slug;
  const steps = cycle.sop.steps;
  const tasks = cycle.tasks;
  const stepByNumber = new Map(steps.map((s) => [s.number, s]));
  const opens = cycle.status === "ACTIVE" ? tasks.filter((t) => t.status === "ACTIVE" || t.status === "RETURNED") : [];
  // Several sub-tasks of an every-unit step may be open: the member's is the one the rules chose.
  const openTask = opens.find((t) => t.id === options?.taskId) ?? opens[0];
  const unitPlan = readUnitPlan(cycle.unitPlan);
  const progress = openStep0(openTask, stepByNumber, unitPlan, tasks);
  const openStep = openTask ? stepByNumber.get(openTask.stepNumber) : undefined;
  const latest = new Map<number, TTask>();
  for (const t of tasks) if ((latest.get(t.stepNumber)?.round ?? 0) < t.round) latest.set(t.stepNumber, t);
  const period = M.ui.periodLabel(M.periods[cycle.period], cycle.year);
  const describeReturner = (t: TTask | undefined) => (t ? `${t.assignedRoleName}${t.completedBy ? ` (${t.completedBy.name})` : ""}` : null);

  // Step states: a step after the open one runs again even if an earlier round finished it.
  const display = (s: TStep): TStepDisplayState => {
    const last = latest.get(s.number);
    if (!last) return cycle.status === "COMPLETED" ? "skipped" : "pending";
    if (last.status === "ACTIVE") return "active";
    if (last.status === "RETURNED") return "returned";
    if (last.status === "CANCELLED") return "cancelled";
    if (openTask && s.number > openTask.stepNumber) return "repeat";
    return "done";
  };
  const flowState = (d: TStepDisplayState): TFlowStepState =>
    d === "done" || d === "active" || d === "returned" ? d : "pending";

  const stepItems: StepListItem[] = steps.map((s) => ({
    number: s.number,
    kegiatan: s.kegiatan,
    kindLabel: STEP_KIND_LABELS[s.kind],
    executor: s.executorRole.name,
    participants: s.participants.map((p) => p.role.name),
    standard: standardOf(s),
    state: display(s),
    current: openTask?.stepNumber === s.number,
  }));
  const stepStates = Object.fromEntries(stepItems.map((s) => [s.number, flowState(s.state)]));
  // The printed SOP's columns: first use of each role, participants included (a joint step draws there).
  const columns = executorColumnsByFirstUse(steps.map((s) => ({ executor: s.executorRole, participants: s.participants.map((p) => p.role) })));

  const history = (shown: TTask[]): HistoryItem[] => shown.map((t) => {
    const step = stepByNumber.get(t.stepNumber);
    const end = t.completedAt ?? now;
    const data = taskData(t.data);
    const elapsed = formatDuration(end.getTime() - t.startedAt.getTime());
    const standard = step ? standardOf(step) : "-";
    return {
      id: t.id,
      stepNumber: t.stepNumber,
      round: t.round,
      kegiatan: step?.kegiatan ?? "",
      roleName: t.unitName ? `${t.assignedRoleName} · ${t.unitName}` : t.assignedRoleName,
      status: t.status,
      outcome: t.outcome,
      completedBy: who(t),
      startedAt: formatDateTime(t.startedAt, tz),
      completedAt: t.completedAt ? formatDateTime(t.completedAt, tz) : null,
      dueAt: formatDateTime(t.dueAt, tz),
      duration: t.completedAt ? M.ui.versusStandard(elapsed, standard) : M.ui.versusStandard(M.ui.running(elapsed), standard),
      late: t.status !== "CANCELLED" && isLate(t.dueAt, end),
      returnedBy: describeReturner(returnerOf(t, tasks)),
      returnReason: t.returnReason,
      decisionReason: t.outcome === "RETURNED" ? t.comment : null,
      comment: t.outcome === "RETURNED" ? null : t.comment,
      outputText: t.outputText,
      ...data,
      // A joint meeting's attendance, ticked from the member list.
      ...(t.attendance.length
        ? { attendees: t.attendance.map((a) => M.ui.attendanceLine(`${a.name} (${a.roleName})`, M.ui.attendanceStatus[a.status], a.representedBy)) }
        : {}),
    };
  });

  // A cycle of an SOP that does not measure performance shows its own outputs instead of the PK panel.
  const outputs: CycleOutput[] = page.measuresPerformance
    ? []
    : steps.flatMap((s) => {
        const t = [...tasks].reverse().find((x) => x.stepNumber === s.number && x.status === "DONE");
        if (!t) return [];
        const d = taskData(t.data);
        const lines = [
          d.attendees.length ? `${M.ui.attendees}: ${d.attendees.join(", ")}` : null,
          d.decisions ? `${M.ui.decisions}: ${d.decisions}` : null,
          d.reference ? `${M.ui.reference}: ${d.reference}` : null,
        ].filter((x): x is string => Boolean(x));
        if (!t.outputText?.trim() && lines.length === 0 && t.files.length === 0) return [];
        return [
          {
            stepNumber: s.number,
            round: t.round,
            kegiatan: s.kegiatan,
            roleName: t.assignedRoleName,
            outputText: t.outputText,
            lines,
            files: t.files.map((f) => fileLink(slug, f)),
          },
        ];
      });

  const canCancel = cycle.status === "ACTIVE" && !ctx.readOnly && ctx.can("cycle.cancel");

  let panel: TaskActionPanelProps | null = null;
  if (options?.assignee && openTask && openStep) {
    const late = isLate(openTask.dueAt, now);
    const remaining = openTask.dueAt.getTime() - now.getTime();
    const prev = tasks.filter((t) => t.stepNumber === openStep.number && t.round < openTask.round && t.status === "DONE").at(-1);
    const prevData = prev ? taskData(prev.data) : null;
    const work = (s: TStep): ReviewedWork | null => {
      const t = [...tasks].reverse().find((x) => x.stepNumber === s.number && x.status === "DONE");
      if (!t) return null;
      const d = taskData(t.data);
      const extra = [
        d.checklist.length ? `${M.ui.checklist}: ${d.checklist.join("; ")}` : null,
        d.attendees.length ? `${M.ui.attendees}: ${d.attendees.join(", ")}` : null,
        d.decisions ? `${M.ui.decisions}: ${d.decisions}` : null,
        d.reference ? `${M.ui.reference}: ${d.reference}` : null,
      ].filter((x): x is string => Boolean(x));
      return workOf(s, t, extra);
    };
    const workOf = (s: TStep, t: TTask, extra: string[]): ReviewedWork => ({
      stepNumber: s.number,
      round: t.round,
      kegiatan: s.kegiatan,
      roleName: t.assignedRoleName,
      completedBy: t.completedBy?.name ?? null,
      outputText: t.outputText,
      extra,
      files: t.files.map((f) => fileLink(slug, f)),
    });
    const decision = isDecisionKind(openStep.kind);
    // The same range the maker/checker rule reviews.
    const { from } = reviewedStepRange(openStep);
    const before = steps.filter((s) => s.number < openStep.number);
    // What the decision decides on: the latest output of the chain its "Tidak" returns to.
    const decided = decision
      ? workUnderReview(
          steps,
          tasks.map((t) => ({ ...t, hasOutput: Boolean(t.outputText?.trim()) || t.files.length > 0 || hasRecord(taskData(t.data)) })),
          openStep.number,
        )
      : null;
    const decidedStep = decided ? stepByNumber.get(decided.stepNumber) : undefined;
    // The files under review as versions of their step's output: the current one and the one it replaces.
    const versions = decision ? reviewFileVersions(steps, tasks, openStep.number, { slug, timeZone: tz }) : null;
    // A draft/upload step's own round: its files so far, and the version they make.
    const roundVersions = fileVersions(tasks);
    const ownEarlier = [...roundVersions.values()].filter((v) => v.stepNumber === openTask.stepNumber && v.unitId === openTask.unitId && v.round < openTask.round);
    const ownVersion = roundVersions.get(openTask.id)?.version ?? ownEarlier.length + 1;
    // A revision starts from the version it replaces: its files, to open and edit.
    const ownPrevious = ownEarlier.reduce<(typeof ownEarlier)[number] | null>((a, v) => (a === null || v.round > a.round ? v : a), null);
    const underReview = decided && decidedStep ? work(decidedStep) : null;
    const reviewed = decision
      ? before
          .filter((s) => s.number >= from)
          .map(work)
          .filter((w): w is ReviewedWork => w !== null && !(underReview && w.stepNumber === underReview.stepNumber))
      : [];
    // The work under review may come from before the reviewed range (a check passed it on): shown once, as the work under review.
    const earlier = decision
      ? before
          .filter((s) => s.number < from)
          .map(work)
          .filter((w): w is ReviewedWork => w !== null && !(underReview && w.stepNumber === underReview.stepNumber))
      : [];
    panel = {
      agencySlug: slug,
      cycleId: cycle.id,
      task: {
        id: openTask.id,
        status: openTask.status as "ACTIVE" | "RETURNED",
        stepNumber: openTask.stepNumber,
        round: openTask.round,
        roleName: openTask.assignedRoleName,
        dueAt: formatDateTime(openTask.dueAt, tz),
        late,
        timeNote: late ? M.ui.lateBy(formatDuration(remaining)) : M.ui.remaining(formatDuration(remaining)),
        returnReason: openTask.returnReason,
        returnedBy: describeReturner(returnerOf(openTask, tasks)),
        unitName: openTask.unitName,
        files: openTask.files.map((f) => fileLink(slug, f)),
        fileVersion: ownVersion,
        previousVersion: ownPrevious ? { version: ownPrevious.version, round: ownPrevious.round, files: ownPrevious.files.map((f) => fileLink(slug, f)) } : null,
      },
      // A decision returning to an every-unit step may return one unit's work.
      returnUnits: decision && openStep.noStepNumber ? (unitPlan[openStep.noStepNumber] ?? null) : null,
      meeting:
        openStep.kind === "MEETING" && openStep.assignment === "JOINT"
          ? {
              invited: openTask.invitedAt !== null,
              when: openTask.meetingAt ? formatDateTime(openTask.meetingAt, tz) : null,
              place: openTask.meetingPlace,
              agenda: openTask.meetingAgenda,
            }
          : null,
      step: { kind: openStep.kind, kegiatan: openStep.kegiatan, output: openStep.output },
      previous: prev
        ? { outputText: prev.outputText ?? "", attendees: prevData!.attendees.join("\n"), decisions: prevData!.decisions ?? "", reference: prevData!.reference ?? "" }
        : null,
      underReview,
      underReviewVersions: versions && underReview && versions.stepNumber === underReview.stepNumber ? versions : null,
      reviewed,
      earlier,
      offers: options.offers,
      refusal: options.refusal,
      withheld: options.withheld,
      realizationHref: `/a/${slug}/kinerja/realisasi?tahun=${cycle.year}&tw=${quarterOfPeriod(cycle.period)}`,
      snapshot: page.snapshot,
      budgetHref: ctx.can("performance.manage") && !ctx.readOnly ? `/a/${slug}/kinerja/rekap?tahun=${cycle.year}&tw=${quarterOfPeriod(cycle.period)}#realisasi-anggaran` : null,
    };
  }

  // A fold is rendered only when open: opened by the reader (`?buka=`), or the history of a reader with nothing to do.
  const pagePath = `/a/${slug}/cycles/${cycle.id}`;
  const fold = (name: TFoldName, openByDefault = false) => {
    const open = openByDefault || folds.opened.has(name);
    const title = name === "rekap" ? M.ui.recapFoldTitle : name === "alur" ? M.ui.flowFoldTitle : M.ui.historyTitle;
    return { open, loaded: open, href: foldHref(pagePath, folds, name), id: `lipatan-${name}`, words: { loading: M.ui.foldLoading, show: M.ui.foldShow(title) } };
  };
  const flowFold = fold("alur");
  const historyFold = fold("riwayat", !panel);
  // A long history shows its last tasks; the older ones behind a link (all of them on the timeline).
  const olderTasks = folds.allHistory ? 0 : Math.max(0, tasks.length - HISTORY_TAIL);

  const cycleDates = (
    <>
      <p className="text-sm text-slate-600">{M.ui.startedBy(cycle.startedBy.name, formatDateTime(cycle.startedAt, tz))}</p>
      {cycle.completedAt ? <p className="text-sm text-slate-600">{M.ui.completedAt(formatDateTime(cycle.completedAt, tz))}</p> : null}
      {cycle.cancelledAt ? <p className="text-sm text-slate-600">{M.ui.cancelledAt(formatDateTime(cycle.cancelledAt, tz))}</p> : null}
    </>
  );

  return (
    <div className="space-y-4 sm:space-y-6">
      {/* Decision first: who acts sees the task at once; the cycle's record is below, folded. */}
      <div className="space-y-2">
        <Link href={`/a/${slug}/cycles`} className="inline-flex min-h-11 items-center gap-1 text-sm text-brand-800 hover:underline">
          <ArrowLeft aria-hidden className="size-4" />
          {M.ui.back}
        </Link>
        <div className="space-y-1">
          <p className={panel ? "hidden text-sm font-medium text-slate-600 sm:block" : "text-sm font-medium text-slate-600"}>
            {cycle.sop.nomor} · {M.ui.version(cycle.sop.version)}
          </p>
          <h1 className={panel ? "text-xl font-semibold text-slate-900 sm:text-2xl" : "text-2xl font-semibold text-slate-900"}>{cycle.sop.nama}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-medium text-slate-800" data-testid="cycle-period">
              {period}
            </span>
            <CycleStatusBadge status={cycle.status} />
          </div>
          {panel ? null : cycleDates}
        </div>
      </div>

      {progress ? (
        <Alert tone="info" className="space-y-1" data-testid="unit-progress">
          <p className="font-semibold">{M.ui.unitProgress(progress.done, progress.total, progress.kind)}</p>
          <p>{progress.missing.length ? M.ui.unitMissing(progress.missing.join(", ")) : M.ui.unitAllDone}</p>
        </Alert>
      ) : null}
      {panel ? (
        <Card className="border-brand-600 ring-1 ring-brand-600">
          <CardHeader className="bg-brand-50 py-2 sm:py-3">
            <CardTitle>{M.ui.actionTitle}</CardTitle>
          </CardHeader>
          <CardBody>
            <TaskActionPanel key={panel.task.id} {...panel} />
          </CardBody>
        </Card>
      ) : cycle.status === "COMPLETED" ? (
        <Alert tone="success" className="flex gap-2" data-testid="read-only-note">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {M.ui.readOnlyCompleted}
            {cycle.archiveNote ? (
              <span className="mt-1 block font-medium" data-testid="archive-note">
                {PERFORMANCE_MESSAGES.ui.archiveGate.archivedWithNote(cycle.archiveNote)}
              </span>
            ) : null}
          </span>
        </Alert>
      ) : cycle.status === "CANCELLED" ? (
        <Alert tone="info" className="flex gap-2" data-testid="read-only-note">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {M.ui.readOnlyCancelled} {cycle.cancelReason ? M.ui.cancelReasonShown(cycle.cancelReason) : null}
          </span>
        </Alert>
      ) : openTask ? (
        <Alert tone="info" className="flex gap-2" data-testid="waiting-note">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {M.ui.waitingFor(openTask.stepNumber, openTask.assignedRoleName)}{" "}
            {openTask.status === "RETURNED" ? `${M.ui.stepStates.returned}. ` : null}
            {M.ui.dueLine(formatDateTime(openTask.dueAt, tz))}
            {isLate(openTask.dueAt, now) ? ` (${M.ui.late.toLowerCase()})` : ""}.{" "}
            {ctx.readOnly ? M.ui.readOnlyAuditor : M.ui.notYourStep}
          </span>
        </Alert>
      ) : null}

      {openTask && openStep ? (
        <div className="flex justify-end">
          <ShareWhatsApp
            baseUrl={baseUrl}
            message={{
              what: SHARE_MESSAGES.task(openStep.number, openStep.kegiatan, openTask.assignedRoleName),
              context: SHARE_MESSAGES.cycle(M.periods[cycle.period], cycle.year, cycle.sop.nomor),
              path: `/a/${slug}/cycles/${cycle.id}`,
            }}
          />
        </div>
      ) : null}
      {page.recapExpected ? (
        <>
          {panel && page.recapDeferred && isEsakipUploadStep(page.recapStep?.kind, page.recapStep?.kegiatan) ? <EsakipInstruction /> : null}
          <LazyFold title={M.ui.recapFoldTitle} testId="fold-recap" {...fold("rekap")} loaded={!page.recapDeferred} open={!page.recapDeferred}>
            {recap ? (
              <StepRecap
                agreement={recap.agreement}
                agencySlug={slug}
                settings={ctx.agency.settings.capaian}
                year={cycle.year}
                period={cycle.period}
                stepKind={panel ? recap.step?.kind : undefined}
                kegiatan={recap.step?.kegiatan}
              />
            ) : page.recapDeferred ? null : (
              <p className="text-sm text-slate-600">{PERFORMANCE_MESSAGES.noAgreement(cycle.year)}</p>
            )}
          </LazyFold>
        </>
      ) : null}
      <CycleOutputs items={outputs} />
      <LazyFold title={M.ui.flowFoldTitle} testId="fold-flow" {...flowFold}>
        {flowFold.loaded ? (
        <div className="grid gap-6 lg:grid-cols-[24rem_minmax(0,1fr)]">
          {/* The flowchart stays in view while the (longer) step list scrolls past it. */}
          <Card className="lg:sticky lg:top-4 lg:self-start">
            <CardHeader>
              <CardTitle>{M.ui.flowchartTitle}</CardTitle>
            </CardHeader>
            <CardBody>
              <CycleFlowchart
                steps={steps.map((s) => ({
                  number: s.number,
                  executorRoleCode: s.executorRole.code,
                  kind: s.kind,
                  yesStepNumber: s.yesStepNumber,
                  noStepNumber: s.noStepNumber,
                  jointRoleCodes: s.assignment === "JOINT" ? s.participants.map((p) => p.role.code) : [],
                }))}
                columns={columns}
                stepStates={stepStates}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{M.ui.stepsTitle}</CardTitle>
            </CardHeader>
            <CardBody>
              <StepList steps={stepItems} />
            </CardBody>
          </Card>
        </div>
        ) : null}
      </LazyFold>

      <LazyFold title={M.ui.historyTitle} testId="fold-history" {...historyFold}>
        {historyFold.loaded ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>{panel ? cycleDates : null}</div>
            <Link href={`/a/${slug}/cycles/${cycle.id}/timeline`} className="inline-flex min-h-11 items-center gap-1 text-sm text-brand-800 hover:underline">
              <FileText aria-hidden className="size-4" />
              {M.ui.timelineLink}
            </Link>
          </div>
          {olderTasks > 0 ? (
            <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600" data-testid="history-older">
              {M.ui.historyOlderHint(HISTORY_TAIL, tasks.length)}
              <Link href={`${foldHref(pagePath, folds, "riwayat", { allHistory: true })}#lipatan-riwayat`} scroll={false} className="inline-flex min-h-11 items-center text-brand-800 hover:underline">
                {M.ui.historyOlder(olderTasks)}
              </Link>
            </p>
          ) : null}
          <TaskHistoryList items={history(tasks.slice(olderTasks))} once={once} />
        </div>
        ) : null}
      </LazyFold>

      {canCancel ? (
        <Card className="border-red-200">
          <CardHeader>
            <CardTitle>{M.ui.cancelTitle}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-3">
            <p className="text-sm text-slate-600">{M.ui.cancelHint}</p>
            <CancelCycleForm agencySlug={slug} cycleId={cycle.id} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
