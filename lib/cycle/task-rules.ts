/**
 * What a member may do with a task of a measurement cycle now, and what each
 * action requires: the one answer that the server enforces (lib/cycle/service.ts
 * actOnTask asks {@link judgeTaskAction}) and the cycle page renders (it asks
 * {@link taskOptions} and hands the result to the task panel, which validates
 * with {@link checkWork}). Nothing here is re-derived on the screen, so the
 * screen cannot offer what the server refuses, nor hide what it allows.
 *
 * Pure, no I/O: callers load the cycle and the facts only the database knows
 * ({@link TRuleFacts}). Built on the transition table and planner of
 * ./workflow.ts, which stays the authority on the flow itself.
 *
 * The checks, in the order a refusal is reported:
 * 1. the flow: the cycle is open, the SOP is a sound workflow, the task is
 *    open and the event is in the table for its step kind and status;
 * 2. who: the member holds the task's role (the step's executor);
 * 3. maker/checker: on a decision, unless the agency allows self-approval, the
 *    member made none of the reviewed work (the latest done round of each step
 *    from the return target up to the decision), by user id;
 * 4. data: an INPUT step of a quarter with a Perjanjian Kinerja waits until
 *    every indicator's realization is submitted;
 * 5. the archive gate: an action that completes a quarter's cycle archives
 *    (freezes) the quarter, so it waits until every realization of the
 *    quarter is VERIFIED; the refusal names the others by unit and indicator.
 *    The head alone may archive anyway, with a note, even where the step
 *    belongs to another role (the one decision the head takes over, so check 2
 *    lets the head through for exactly that action);
 * then what the action requires (output, disposition, minutes, the Kelengkapan
 * checklist unless submitted realizations replace it, a reason to return, the
 * head's archive note).
 */
import { describeUnverified, PERFORMANCE_MESSAGES, type TUnverifiedRealization } from "@/lib/performance/schemas";
import { isDecisionKind, type TStepKind } from "@/lib/sop/schemas";

import { judgeStartPeriod } from "./effective-period";
import { CYCLE_MESSAGES as M, ESAKIP_MESSAGES } from "./messages";
import type { CYCLE_PERIODS } from "./schemas";
import {
  availableTaskEvents,
  findTransition,
  planTransition,
  WORKFLOW_MESSAGES,
  type TCycleStatus,
  type TTaskEventType,
  type TTaskStatus,
  type TWorkflowPlan,
  type TWorkflowState,
  type TWorkflowStepKind,
} from "./workflow";

export type TCyclePeriod = (typeof CYCLE_PERIODS)[number];

export interface TRuleStep {
  number: number;
  kind: TStepKind;
  yesStepNumber: number | null;
  noStepNumber: number | null;
  /** The SOP's Output (Mutu Baku): required as text when not blank. */
  output: string;
  /** The SOP's Kelengkapan, one item a line: the INPUT step's checklist. */
  kelengkapan: string;
  executorRoleId: string;
  executorRoleName: string;
  /** SINGLE (absent), EVERY_UNIT or JOINT: see {@link resolveStepUnits}. */
  assignment?: TStepAssignment;
  /** EVERY_UNIT: the units of the cycle's plan (ids), each getting a sub-task. */
  units?: readonly string[] | null;
  /** JOINT: the participant roles (they see the task; a meeting invites them). */
  participantRoleIds?: readonly string[];
}

export const STEP_ASSIGNMENTS = ["SINGLE", "EVERY_UNIT", "JOINT"] as const;
export type TStepAssignment = (typeof STEP_ASSIGNMENTS)[number];

export interface TRuleTask {
  id: string;
  stepNumber: number;
  round: number;
  status: TTaskStatus;
  assignedRoleId: string;
  completedById: string | null;
  /** An every-unit step's sub-task: its unit (and the unit's name, for messages). */
  unitId?: string | null;
  unitName?: string | null;
  /** A joint meeting step: when its invitation went out (null: not yet). */
  invitedAt?: Date | null;
  /** Opened by a return: the decision's task that sent it back (the planner's re-run scope). */
  returnedFromTaskId?: string | null;
}

export interface TRuleState {
  cycleStatus: TCycleStatus;
  /**
   * The cycle's SOP measures performance (lib/sop/measures-performance.ts): only then does
   * its data input step wait for realizations and its completion archive the quarter.
   * Absent: true (every SOP did, before the setting existed).
   */
  measuresPerformance?: boolean;
  steps: readonly TRuleStep[];
  tasks: readonly TRuleTask[];
}

/** The member asking: who they are and the roles they hold in the agency now. */
export interface TRuleMember {
  userId: string;
  roleIds: readonly string[];
  /** The units the member holds each role in (a sub-task is for its unit's role holders). */
  roleUnits?: readonly { roleId: string; unitId: string | null }[];
}

/** What only the database knows, loaded by the caller (lib/cycle/facts.ts). */
export interface TRuleFacts {
  /** The agency's setting: the maker of reviewed work may also decide on it. */
  allowSelfApproval: boolean;
  /**
   * For an INPUT step of a quarter ({@link realizationQuarter}): null when the
   * year has no Perjanjian Kinerja (the Kelengkapan checklist applies), else the
   * indicators whose realization is not yet submitted (0: the data entry is
   * done and replaces the checklist). Ignored for other steps.
   */
  pendingRealizations: number | null;
  /**
   * When an action on the task would complete a quarter's cycle and so archive
   * the quarter ({@link quarterArchivedBy}): the quarter's realizations that are
   * not VERIFIED, by unit and indicator (empty: nothing stops the archive).
   * Null otherwise (a yearly cycle, or no action of the task closes the cycle).
   */
  archive: { period: TCyclePeriod; unverified: readonly TUnverifiedRealization[] } | null;
  /**
   * The member holds a head role (`Role.isHead`): may archive a quarter over
   * unverified realizations, with a note. Loaded with {@link archive}; false
   * where no archive is at stake.
   */
  memberIsHead: boolean;
  /**
   * A JOINT meeting step: the members to tick in the attendance (the
   * participant roles' holders), by user id. Null for other steps.
   */
  attendanceList?: readonly { userId: string; name: string }[] | null;
}

/** What stops an action from archiving its quarter: the realizations not verified yet. */
export interface TArchiveGate {
  /** "Triwulan I". */
  period: string;
  unverified: readonly TUnverifiedRealization[];
}

/**
 * What an action requires. Each message is what the user reads when the field
 * is missing; null: not required. The task panel shows the fields its step
 * kind has and validates them with {@link checkWork} against this.
 */
export interface TWorkRequirements {
  outputText: string | null;
  attendees: string | null;
  decisions: string | null;
  /** Kelengkapan items that must all be checked; empty: no checklist. */
  checklist: string[];
  checklistMessage: string;
  /** An INPUT step whose submitted realizations stand in for the checklist. */
  dataEntryReplacesChecklist: boolean;
  comment: string | null;
  /** The head archives over unverified realizations: the note is required (this message when missing). */
  archiveNote: string | null;
  /** What the head archives over (shown above the form); null: no archive gate on this action. */
  archiveGate: TArchiveGate | null;
  /** The one message for the whole form when any of it is missing (the meeting's three parts); null: the first field's. */
  summary: string | null;
  /** A joint meeting: every member of this list is ticked attended / represented (by whom) / absent. */
  attendance: readonly { userId: string; name: string }[] | null;
  /** The archive step records the upload to the national e-SAKIP application: its date and reference are required (the receipt is optional). */
  esakipUpload: boolean;
}

export interface TTaskOffer {
  event: TTaskEventType;
  requires: TWorkRequirements;
}

export interface TRuleRefusal {
  code: "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT";
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Refused by the archive gate: the realizations to verify first (the page lists them). */
  archiveGate?: TArchiveGate;
}

export interface TTaskOptions {
  taskId: string;
  /**
   * The panel is the member's, with its actions or why there are none: they
   * hold the task's role, or they are offered an action anyway (the head
   * archiving over unverified realizations).
   */
  assignee: boolean;
  /** The actions the member may take now, in the table's order. */
  offers: TTaskOffer[];
  /** Why nothing is offered (the first refusal); null when something is. */
  refusal: TRuleRefusal | null;
  /** The table's events for the task that are not offered, each with why (e.g. "Ya" held back by the archive gate while "Tidak" is offered). */
  withheld: { event: TTaskEventType; refusal: TRuleRefusal }[];
}

/** The work sent with an action, as the server receives it (trimmed; blank = missing). */
export interface TTaskWork {
  outputText?: string | null;
  comment?: string | null;
  checklist?: readonly string[];
  attendees?: readonly string[];
  decisions?: string | null;
  archiveNote?: string | null;
  /** A joint meeting's attendance, ticked from the member list. */
  attendance?: readonly TAttendanceMark[];
  /** RETURN to an every-unit step: only this unit's work goes back (absent: every unit's). */
  returnUnitId?: string | null;
  /** "yyyy-MM-dd". */
  esakipUploadedAt?: string | null;
  esakipReference?: string | null;
}

export const ATTENDANCE_STATUSES = ["ATTENDED", "REPRESENTED", "ABSENT"] as const;
export type TAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export interface TAttendanceMark {
  userId: string;
  status: TAttendanceStatus;
  /** REPRESENTED: who came instead. */
  representedBy?: string | null;
}

const refuse = (code: TRuleRefusal["code"], message: string, fieldErrors?: Record<string, string[]>): TRuleRefusal =>
  fieldErrors ? { code, message, fieldErrors } : { code, message };

/** One wording for "someone else got there first", whichever check notices it. */
export const ALREADY_HANDLED_MESSAGE = `${WORKFLOW_MESSAGES.ALREADY_HANDLED}.`;

export const workflowKind = (kind: TStepKind): TWorkflowStepKind => (isDecisionKind(kind) ? "DECISION" : "PROCESS");

/** The Kelengkapan lines of a step, the checklist of an INPUT step. */
export function kelengkapanItems(kelengkapan: string): string[] {
  return kelengkapan
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The quarter whose realizations an INPUT step of this period waits for, or
 * null (other steps, or the yearly period: the checklist applies).
 */
export function realizationQuarter(stepKind: TStepKind, period: TCyclePeriod): number | null {
  if (stepKind !== "INPUT") return null;
  return { TW1: 1, TW2: 2, TW3: 3, TW4: 4, TAHUNAN: null }[period];
}

/**
 * Whether taking `event` on the task closes the cycle: the planner's answer.
 * The reason a return needs does not change where it leads, so the planner is
 * asked with one in hand (a "Tidak" without an earlier target ends the cycle).
 */
export function completesCycle(state: TRuleState, taskId: string, event: TTaskEventType): boolean {
  const plan = planTransition(workflowState(state), { type: event, taskId, comment: "-" });
  return plan.ok && plan.cycleStatus === "COMPLETED";
}

/**
 * The quarter (1-4) that some action the task's executor may take would
 * archive by completing the cycle, or null (a yearly cycle, or no action of
 * the task closes it). The facts loader reads the quarter's unverified
 * realizations for exactly these tasks; the service locks the cycle first.
 */
export function quarterArchivedBy(state: TRuleState, taskId: string, period: TCyclePeriod): number | null {
  const quarter = { TW1: 1, TW2: 2, TW3: 3, TW4: 4, TAHUNAN: null }[period];
  const task = state.tasks.find((t) => t.id === taskId);
  const step = task && state.steps.find((s) => s.number === task.stepNumber);
  if (quarter === null || !task || !step || state.cycleStatus !== "ACTIVE" || state.measuresPerformance === false) return null;
  return availableTaskEvents(workflowKind(step.kind), task.status).some((event) => completesCycle(state, taskId, event)) ? quarter : null;
}

/** The archive gate before `event` (check 5): the unverified realizations it would archive over, or null. */
function archiveGateOf(state: TRuleState, taskId: string, event: TTaskEventType, facts: TRuleFacts): TArchiveGate | null {
  if (!facts.archive || facts.archive.unverified.length === 0 || !completesCycle(state, taskId, event)) return null;
  return { period: M.periods[facts.archive.period], unverified: facts.archive.unverified };
}

/** Why the archive waits: the period and what is not verified, by unit and indicator. */
export const archiveRefusalMessage = (gate: TArchiveGate) => PERFORMANCE_MESSAGES.unverifiedAtArchive(gate.period, describeUnverified(gate.unverified));

/**
 * The steps a decision reviews: from its "Tidak" target (when that is an
 * earlier step) up to the step before it. Empty for a forward-only branch.
 */
export function reviewedStepRange(step: Pick<TRuleStep, "number" | "noStepNumber">): { from: number; to: number } {
  return { from: Math.min(step.noStepNumber ?? step.number, step.number), to: step.number - 1 };
}

/** Who made the reviewed work: the latest done round of each reviewed step. */
export function makersOfReviewedWork(tasks: readonly TRuleTask[], step: Pick<TRuleStep, "number" | "noStepNumber">): Set<string> {
  const { from, to } = reviewedStepRange(step);
  // By step and unit: each unit's sub-task of an every-unit step is its own work.
  const latest = new Map<string, TRuleTask>();
  for (const t of tasks) {
    if (t.stepNumber < from || t.stepNumber > to || t.status !== "DONE") continue;
    const key = `${t.stepNumber}:${t.unitId ?? ""}`;
    if (t.round >= (latest.get(key)?.round ?? 0)) latest.set(key, t);
  }
  return new Set([...latest.values()].map((t) => t.completedById).filter((id): id is string => id !== null));
}

/** The units an EVERY_UNIT step runs in: the chosen list, else the active units of its kind, in the agency's order. */
export function resolveStepUnits<U extends { id: string; kind: string; active: boolean }>(
  step: { assignment: TStepAssignment; unitKind: string | null; unitIds: readonly string[] },
  units: readonly U[],
): U[] | null {
  if (step.assignment !== "EVERY_UNIT") return null;
  if (step.unitIds.length > 0) return units.filter((u) => step.unitIds.includes(u.id));
  return units.filter((u) => u.active && u.kind === step.unitKind);
}

/**
 * Why a cycle cannot start: an EVERY_UNIT step with no unit, or a unit where
 * no active member holds the step's role (named, so the administrator knows
 * whom to appoint). `holds(unitId, roleId)`: someone does. Null: it may start.
 */
export function startRefusal(
  steps: readonly { number: number; roleId: string; roleName: string; units: readonly { id: string; name: string }[] | null }[],
  holds: (unitId: string, roleId: string) => boolean,
): string | null {
  for (const step of steps) {
    if (!step.units) continue;
    if (step.units.length === 0) return M.noUnitsForStep(step.number);
    const missing = step.units.filter((u) => !holds(u.id, step.roleId));
    if (missing.length) return M.unitWithoutHolder(step.number, missing.map((u) => u.name), step.roleName);
  }
  return null;
}

/** Whether the member may act on the task as its executor: holds its role (in its unit, for a sub-task). */
export function holdsTask(task: Pick<TRuleTask, "assignedRoleId" | "unitId">, member: TRuleMember): boolean {
  if (!task.unitId) return member.roleIds.includes(task.assignedRoleId);
  return (member.roleUnits ?? []).some((m) => m.roleId === task.assignedRoleId && m.unitId === task.unitId);
}

/** Who may start a cycle of an SOP: the executor of its first step, or an agency administrator. */
export function mayStartCycle(firstStepRoleId: string, member: TRuleMember & { isAdmin: boolean }): boolean;
/**
 * With the period: also whether the SOP version was in force for it
 * (./effective-period.ts): a period that ended before the version's effective day is
 * refused unless an override reason is given, which the caller records.
 */
export function mayStartCycle(
  firstStepRoleId: string,
  member: TRuleMember & { isAdmin: boolean },
  start: { year: number; period: TCyclePeriod; effectiveDay: string | null; overrideReason?: string | null; executorRoleName: string },
): { ok: true; override: string | null } | { ok: false; refusal: TRuleRefusal };
export function mayStartCycle(
  firstStepRoleId: string,
  member: TRuleMember & { isAdmin: boolean },
  start?: { year: number; period: TCyclePeriod; effectiveDay: string | null; overrideReason?: string | null; executorRoleName: string },
): boolean | { ok: true; override: string | null } | { ok: false; refusal: TRuleRefusal } {
  const allowed = member.isAdmin || member.roleIds.includes(firstStepRoleId);
  if (!start) return allowed;
  if (!allowed) return { ok: false, refusal: refuse("FORBIDDEN", M.cannotStart(start.executorRoleName)) };
  const period = judgeStartPeriod(start);
  if (period.ok) return { ok: true, override: period.override };
  const message = M.periodBeforeEffective(M.periods[start.period], start.year, period.effectiveDay);
  return { ok: false, refusal: refuse("INVALID", message, { overrideReason: [message] }) };
}

function workflowState(state: TRuleState): TWorkflowState {
  return {
    cycleStatus: state.cycleStatus,
    steps: state.steps.map((s) => ({
      number: s.number,
      kind: workflowKind(s.kind),
      yesStepNumber: s.yesStepNumber,
      noStepNumber: s.noStepNumber,
      units: s.units ?? null,
    })),
    tasks: state.tasks,
  };
}

function planRefusal(plan: Extract<TWorkflowPlan, { ok: false }>): TRuleRefusal {
  if (plan.code === "ALREADY_HANDLED") return refuse("CONFLICT", ALREADY_HANDLED_MESSAGE);
  if (plan.code === "TASK_NOT_FOUND") return refuse("NOT_FOUND", M.taskNotFound);
  if (plan.code === "COMMENT_REQUIRED") return refuse("INVALID", plan.message, { comment: [plan.message] });
  return refuse("INVALID", plan.message);
}

const isWork = (event: TTaskEventType) => event === "COMPLETE" || event === "RESUBMIT";

/** A meeting held with the participants ("Rapat ... bersama"): invitation, then attendance from the member list. */
export const isJointMeeting = (step: Pick<TRuleStep, "kind" | "assignment">) => step.kind === "MEETING" && step.assignment === "JOINT";

/** Checks 1-5 of the module comment for one event; null when the member may take it (given the work). */
function gate(state: TRuleState, taskId: string, event: TTaskEventType, member: TRuleMember, facts: TRuleFacts): TRuleRefusal | null {
  // The planner judges the flow. A missing reason is a requirement of the
  // action (checked with the work), not a reason to withhold it: the planner
  // reports it last, so COMMENT_REQUIRED means every other check passed.
  const plan = planTransition(workflowState(state), { type: event, taskId, comment: null });
  if (!plan.ok && plan.code !== "COMMENT_REQUIRED") return planRefusal(plan);
  const task = state.tasks.find((t) => t.id === taskId)!;
  const step = state.steps.find((s) => s.number === task.stepNumber)!;

  const archiveGate = archiveGateOf(state, taskId, event, facts);
  // The head may archive over unverified realizations whoever the step belongs to; nothing else.
  const headArchives = archiveGate !== null && facts.memberIsHead;
  if (!holdsTask(task, member) && !headArchives) {
    return refuse("FORBIDDEN", task.unitId ? M.notYourUnitTask(step.executorRoleName, task.unitName ?? "") : M.notYourTask(step.executorRoleName));
  }

  if ((event === "APPROVE" || event === "RETURN") && !facts.allowSelfApproval && makersOfReviewedWork(state.tasks, step).has(member.userId)) {
    return refuse("FORBIDDEN", M.makerChecker);
  }
  if (isWork(event) && step.kind === "INPUT" && facts.pendingRealizations !== null && facts.pendingRealizations > 0) {
    return refuse("INVALID", PERFORMANCE_MESSAGES.inputIncomplete(facts.pendingRealizations));
  }
  if (archiveGate && !facts.memberIsHead) return { ...refuse("INVALID", archiveRefusalMessage(archiveGate)), archiveGate };
  if (isWork(event) && isJointMeeting(step) && !task.invitedAt) return refuse("INVALID", M.invitationFirst);
  return null;
}

/**
 * What an event on a step requires (see {@link TWorkRequirements}).
 * `archiveGate`: the unverified realizations the event archives over (only a
 * head gets this far with one): the head's note is then required.
 */
export function requirementsFor(
  step: TRuleStep,
  status: TTaskStatus,
  event: TTaskEventType,
  facts: TRuleFacts,
  archiveGate: TArchiveGate | null = null,
): TWorkRequirements {
  const transition = findTransition(status, event, workflowKind(step.kind));
  const requires: TWorkRequirements = {
    outputText: null,
    attendees: null,
    decisions: null,
    checklist: [],
    checklistMessage: M.checklistIncomplete,
    dataEntryReplacesChecklist: false,
    comment: transition?.requiresComment ? (event === "RETURN" ? WORKFLOW_MESSAGES.RETURN_REASON_REQUIRED : WORKFLOW_MESSAGES.COMMENT_REQUIRED) : null,
    archiveNote: archiveGate ? PERFORMANCE_MESSAGES.archiveNoteRequired : null,
    archiveGate,
    summary: null,
    attendance: null,
    esakipUpload: false,
  };
  if (!isWork(event)) return requires;
  if (step.kind === "DISPOSITION") requires.outputText = M.dispositionRequired;
  else if (step.kind === "MEETING") {
    requires.outputText = M.ui.meetingNotesRequired;
    requires.attendees = M.ui.attendeesRequired;
    requires.decisions = M.ui.decisionsRequired;
    requires.summary = M.meetingIncomplete;
    if (isJointMeeting(step) && facts.attendanceList) {
      // Ticked from the member list instead of typed.
      requires.attendees = null;
      requires.attendance = facts.attendanceList;
    }
  } else if (step.output.trim()) requires.outputText = M.outputRequired(step.output);
  if (step.kind === "ARCHIVE") requires.esakipUpload = true;
  if (step.kind === "INPUT") {
    // Submitted realizations of the quarter (pending 0) are the data the checklist stood for.
    if (facts.pendingRealizations === 0) requires.dataEntryReplacesChecklist = true;
    else requires.checklist = kelengkapanItems(step.kelengkapan);
  }
  return requires;
}

const filled = (value: string | null | undefined) => Boolean(value?.trim());

/**
 * The work against what the action requires: null when complete, else the
 * refusal with a message per missing field (the form shows them under its
 * fields; the server answers with them). The first message leads, checklist
 * first, as the form reads top to bottom.
 */
export function checkWork(requires: TWorkRequirements, work: TTaskWork): TRuleRefusal | null {
  const fieldErrors: Record<string, string[]> = {};
  if (requires.checklist.length) {
    const checked = new Set(work.checklist ?? []);
    if (requires.checklist.some((item) => !checked.has(item))) fieldErrors.checklist = [requires.checklistMessage];
  }
  if (requires.outputText && !filled(work.outputText)) fieldErrors.outputText = [requires.outputText];
  if (requires.attendees && !(work.attendees ?? []).some(filled)) fieldErrors.attendees = [requires.attendees];
  if (requires.decisions && !filled(work.decisions)) fieldErrors.decisions = [requires.decisions];
  if (requires.attendance) {
    const marks = new Map((work.attendance ?? []).map((m) => [m.userId, m]));
    const unmarked = requires.attendance.filter((p) => !marks.has(p.userId));
    const stranger = (work.attendance ?? []).some((m) => !requires.attendance!.some((p) => p.userId === m.userId));
    const noDeputy = requires.attendance.filter((p) => marks.get(p.userId)?.status === "REPRESENTED" && !filled(marks.get(p.userId)?.representedBy));
    if (unmarked.length) fieldErrors.attendance = [M.attendanceIncomplete(unmarked.map((p) => p.name))];
    else if (stranger) fieldErrors.attendance = [M.attendanceStranger];
    else if (noDeputy.length) fieldErrors.attendance = [M.representedByRequired(noDeputy.map((p) => p.name))];
  }
  if (requires.comment && !filled(work.comment)) fieldErrors.comment = [requires.comment];
  if (requires.archiveNote && !filled(work.archiveNote)) fieldErrors.archiveNote = [requires.archiveNote];
  if (requires.esakipUpload) {
    if (!filled(work.esakipUploadedAt)) fieldErrors.esakipUploadedAt = [ESAKIP_MESSAGES.dateRequired];
    if (!filled(work.esakipReference)) fieldErrors.esakipReference = [ESAKIP_MESSAGES.referenceRequired];
    else if (work.esakipReference!.trim().length < 3) fieldErrors.esakipReference = [ESAKIP_MESSAGES.referenceTooShort];
  }
  const first = Object.values(fieldErrors)[0]?.[0];
  if (!first) return null;
  // A missing archive note is answered with why one is needed: what is not verified yet.
  const message =
    fieldErrors.archiveNote && requires.archiveGate
      ? archiveRefusalMessage(requires.archiveGate)
      : requires.summary && !fieldErrors.checklist && !fieldErrors.comment && !fieldErrors.attendance
        ? requires.summary
        : first;
  return refuse("INVALID", message, fieldErrors);
}

/**
 * What a member may do with a task now: the events that pass every check but
 * the work itself, each with what it requires, or why none does. The cycle
 * page renders exactly this.
 */
export function taskOptions(state: TRuleState, taskId: string, member: TRuleMember, facts: TRuleFacts): TTaskOptions {
  const task = state.tasks.find((t) => t.id === taskId);
  const step = task && state.steps.find((s) => s.number === task.stepNumber);
  if (!task || !step) return { taskId, assignee: false, offers: [], refusal: refuse("NOT_FOUND", M.taskNotFound), withheld: [] };
  const offers: TTaskOffer[] = [];
  const withheld: TTaskOptions["withheld"] = [];
  let refusal: TRuleRefusal | null = null;
  // The table's executor events for the task's kind and status (none once it is closed).
  const events = availableTaskEvents(workflowKind(step.kind), task.status);
  for (const event of events) {
    const refused = gate(state, taskId, event, member, facts);
    if (refused) {
      refusal ??= refused;
      withheld.push({ event, refusal: refused });
    } else offers.push({ event, requires: requirementsFor(step, task.status, event, facts, archiveGateOf(state, taskId, event, facts)) });
  }
  if (events.length === 0) refusal = gate(state, taskId, "COMPLETE", member, facts);
  return {
    taskId,
    assignee: holdsTask(task, member) || offers.length > 0,
    offers,
    refusal: offers.length ? null : refusal,
    withheld,
  };
}

/**
 * Judges one action as the server receives it: the plan to apply, or the
 * refusal (with field errors for missing work). `archive`: the head archives
 * over these unverified realizations, with the work's note (the service
 * records both). The service applies the plan with guarded updates; nothing
 * else decides.
 */
export function judgeTaskAction(
  state: TRuleState,
  action: { taskId: string; event: TTaskEventType; work: TTaskWork },
  member: TRuleMember,
  facts: TRuleFacts,
): { ok: true; plan: Extract<TWorkflowPlan, { ok: true }>; archive: TArchiveGate | null; requires: TWorkRequirements } | { ok: false; refusal: TRuleRefusal } {
  const refused = gate(state, action.taskId, action.event, member, facts);
  if (refused) {
    // A note from someone the gate stops: only the head's note archives.
    if (refused.archiveGate && filled(action.work.archiveNote)) return { ok: false, refusal: { ...refused, message: PERFORMANCE_MESSAGES.archiveNoteHeadOnly } };
    return { ok: false, refusal: refused };
  }
  const task = state.tasks.find((t) => t.id === action.taskId)!;
  const step = state.steps.find((s) => s.number === task.stepNumber)!;
  const archive = archiveGateOf(state, action.taskId, action.event, facts);
  const requires = requirementsFor(step, task.status, action.event, facts, archive);
  const incomplete = checkWork(requires, action.work);
  if (incomplete) return { ok: false, refusal: incomplete };
  const plan = planTransition(workflowState(state), {
    type: action.event,
    taskId: action.taskId,
    comment: action.work.comment ?? null,
    unitId: action.event === "RETURN" ? (action.work.returnUnitId ?? null) : null,
  });
  return plan.ok ? { ok: true, plan, archive, requires } : { ok: false, refusal: planRefusal(plan) };
}
