/**
 * The workflow of a measurement cycle (one run of an SOP for one period), as a
 * pure transition table plus a planner. No I/O: the service loads the cycle,
 * asks {@link planTransition} what to do, and applies the changes in one
 * transaction, each update guarded by the `from` status it expects
 * (`updateMany({ where: { id, agencyId, status: from } })`, count === 1).
 *
 * Model:
 * - A task is one activation of one SOP step. Each activation is a new task
 *   row with round = 1 + the rounds that step already had in this cycle, so the
 *   history of every pass (and every return) is kept.
 * - Steps run one at a time in step-number order. A PROCESS step flows to the
 *   next step by number. A DECISION step (belah ketupat) goes to its
 *   yesStepNumber on "Ya" (default: the next step) and to its noStepNumber on
 *   "Tidak".
 * - "Tidak" to an earlier step (the seeds' "dikembalikan untuk dilengkapi")
 *   re-opens that step as a new round in status RETURNED, carrying the reason
 *   and the reviewer's task id; its owner fixes the work and RESUBMITs, and the
 *   steps between it and the reviewer run again in order, up to the decision,
 *   which is taken again. "Tidak" to a later step is a plain branch: the target
 *   opens ACTIVE.
 * - The cycle completes when the last step (highest number) is done with no
 *   further target. CANCEL_CYCLE closes every open task.
 *
 * Every unit ("setiap Bidang"): a step with `units` opens one sub-task per
 * unit (OPEN_TASK with a unitId); each unit's sub-task is closed on its own and
 * the flow moves on only when the latest sub-task of every unit is DONE. Rounds
 * count per step and unit. A decision returning to such a step may name one
 * unit (`unitId` on RETURN): only that unit's sub-task re-opens, and the step is
 * done again when it is resubmitted; the every-unit steps between it and the
 * decision then run again for that unit only (see {@link rerunUnits}), the
 * other units' done sub-tasks standing. A decision step itself has one executor.
 *
 * Step kinds here are only PROCESS and DECISION: map the SOP's kinds with
 * lib/sop's isDecisionKind (REVIEW/APPROVAL -> DECISION, the rest -> PROCESS).
 *
 * Statuses are minimal: there is no WAITING, since a task row exists only once
 * its step is activated (the SOP's steps list is the plan of what is to come).
 */

export const TASK_STATUSES = ["ACTIVE", "RETURNED", "DONE", "CANCELLED"] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];
/** ACTIVE and RETURNED tasks are open: waiting for their executor. */
export const OPEN_TASK_STATUSES = ["ACTIVE", "RETURNED"] as const satisfies readonly TTaskStatus[];

export const CYCLE_STATUSES = ["ACTIVE", "COMPLETED", "CANCELLED"] as const;
export type TCycleStatus = (typeof CYCLE_STATUSES)[number];

export const WORKFLOW_STEP_KINDS = ["PROCESS", "DECISION"] as const;
export type TWorkflowStepKind = (typeof WORKFLOW_STEP_KINDS)[number];

export const WORKFLOW_EVENTS = ["START_CYCLE", "COMPLETE", "APPROVE", "RETURN", "RESUBMIT", "CANCEL_CYCLE"] as const;
export type TWorkflowEventType = (typeof WORKFLOW_EVENTS)[number];
export type TTaskEventType = Exclude<TWorkflowEventType, "START_CYCLE" | "CANCEL_CYCLE">;

/** How a task was closed, kept on the task row for the timeline. */
export type TTaskOutcome = "COMPLETED" | "APPROVED" | "RETURNED" | "RESUBMITTED" | "CANCELLED";

/**
 * Who may fire a transition: the executor role of the task's step, or whoever
 * manages cycles in the agency (lib/authz decides which roles that is).
 */
export type TTransitionActor = "STEP_EXECUTOR" | "CYCLE_MANAGER";

export interface TTransition {
  /** "NONE": the task does not exist yet (START_CYCLE creates it). */
  readonly from: TTaskStatus | "NONE";
  readonly event: TWorkflowEventType;
  readonly to: TTaskStatus;
  readonly stepKinds: readonly TWorkflowStepKind[];
  readonly actor: TTransitionActor;
  readonly requiresComment: boolean;
  readonly outcome: TTaskOutcome | null;
}

const ANY_KIND = ["PROCESS", "DECISION"] as const;

/** The task transition table. Anything not listed here is refused. */
export const TRANSITIONS = [
  { from: "NONE", event: "START_CYCLE", to: "ACTIVE", stepKinds: ANY_KIND, actor: "CYCLE_MANAGER", requiresComment: false, outcome: null },
  { from: "ACTIVE", event: "COMPLETE", to: "DONE", stepKinds: ["PROCESS"], actor: "STEP_EXECUTOR", requiresComment: false, outcome: "COMPLETED" },
  { from: "ACTIVE", event: "APPROVE", to: "DONE", stepKinds: ["DECISION"], actor: "STEP_EXECUTOR", requiresComment: false, outcome: "APPROVED" },
  { from: "ACTIVE", event: "RETURN", to: "DONE", stepKinds: ["DECISION"], actor: "STEP_EXECUTOR", requiresComment: true, outcome: "RETURNED" },
  { from: "RETURNED", event: "RESUBMIT", to: "DONE", stepKinds: ["PROCESS"], actor: "STEP_EXECUTOR", requiresComment: false, outcome: "RESUBMITTED" },
  // A decision step re-opened by a later return is decided again.
  { from: "RETURNED", event: "APPROVE", to: "DONE", stepKinds: ["DECISION"], actor: "STEP_EXECUTOR", requiresComment: false, outcome: "APPROVED" },
  { from: "RETURNED", event: "RETURN", to: "DONE", stepKinds: ["DECISION"], actor: "STEP_EXECUTOR", requiresComment: true, outcome: "RETURNED" },
  { from: "ACTIVE", event: "CANCEL_CYCLE", to: "CANCELLED", stepKinds: ANY_KIND, actor: "CYCLE_MANAGER", requiresComment: true, outcome: "CANCELLED" },
  { from: "RETURNED", event: "CANCEL_CYCLE", to: "CANCELLED", stepKinds: ANY_KIND, actor: "CYCLE_MANAGER", requiresComment: true, outcome: "CANCELLED" },
] as const satisfies readonly TTransition[];

export function findTransition(from: TTaskStatus | "NONE", event: TWorkflowEventType, kind: TWorkflowStepKind): TTransition | undefined {
  return (TRANSITIONS as readonly TTransition[]).find((t) => t.from === from && t.event === event && t.stepKinds.includes(kind));
}

/** The task events its executor can fire now (for the buttons of a task). */
export function availableTaskEvents(kind: TWorkflowStepKind, status: TTaskStatus): TTaskEventType[] {
  const events: TTaskEventType[] = [];
  for (const t of TRANSITIONS as readonly TTransition[]) {
    if (t.from === status && t.actor === "STEP_EXECUTOR" && t.stepKinds.includes(kind)) events.push(t.event as TTaskEventType);
  }
  return events;
}

export const TASK_STATUS_LABELS = {
  ACTIVE: "Sedang dikerjakan",
  RETURNED: "Dikembalikan untuk perbaikan",
  DONE: "Selesai",
  CANCELLED: "Dibatalkan",
} as const satisfies Record<TTaskStatus, string>;

export const CYCLE_STATUS_LABELS = {
  ACTIVE: "Berjalan",
  COMPLETED: "Selesai",
  CANCELLED: "Dibatalkan",
} as const satisfies Record<TCycleStatus, string>;

export const EVENT_LABELS = {
  START_CYCLE: "Mulai siklus",
  COMPLETE: "Tandai selesai",
  APPROVE: "Ya, setujui",
  RETURN: "Tidak, kembalikan",
  RESUBMIT: "Kirim ulang",
  CANCEL_CYCLE: "Batalkan siklus",
} as const satisfies Record<TWorkflowEventType, string>;

// ---------------------------------------------------------------------------
// State, events, plans
// ---------------------------------------------------------------------------

export interface TWorkflowStep {
  number: number;
  kind: TWorkflowStepKind;
  /** DECISION only: target of "Ya"; null = the next step. */
  yesStepNumber?: number | null;
  /** DECISION only (required there): target of "Tidak". */
  noStepNumber?: number | null;
  /** Every-unit step: the units (ids) each getting a sub-task; null/absent: one task. */
  units?: readonly string[] | null;
}

export interface TWorkflowTask {
  id: string;
  stepNumber: number;
  round: number;
  status: TTaskStatus;
  /** An every-unit step's sub-task: its unit. */
  unitId?: string | null;
  /** Opened by a return: the decision's task that sent the work back. */
  returnedFromTaskId?: string | null;
}

export interface TWorkflowState {
  /** null: the cycle has not been started (its row is being created). */
  cycleStatus: TCycleStatus | null;
  steps: readonly TWorkflowStep[];
  tasks: readonly TWorkflowTask[];
}

export type TWorkflowEvent =
  | { type: "START_CYCLE" }
  | { type: "CANCEL_CYCLE"; comment?: string | null }
  | {
      type: TTaskEventType;
      taskId: string;
      comment?: string | null;
      /** RETURN to an every-unit step: return only this unit's work (absent: every unit's). */
      unitId?: string | null;
    };

export type TWorkflowChange =
  | { kind: "CYCLE"; from: TCycleStatus | null; to: TCycleStatus }
  | {
      kind: "CLOSE_TASK";
      taskId: string;
      stepNumber: number;
      round: number;
      from: TTaskStatus;
      to: "DONE" | "CANCELLED";
      outcome: TTaskOutcome;
      comment: string | null;
    }
  | {
      kind: "OPEN_TASK";
      stepNumber: number;
      round: number;
      status: "ACTIVE" | "RETURNED";
      /** An every-unit step's sub-task: its unit; null: the step's only task. */
      unitId: string | null;
      /** For a return: the reviewer's (decision) task, so the owner sees who sent it back. */
      returnedFromTaskId: string | null;
      /** For a return: why, shown to the owner. */
      returnReason: string | null;
    };

export type TWorkflowErrorCode =
  | "CYCLE_NOT_STARTED"
  | "CYCLE_ALREADY_STARTED"
  | "CYCLE_CLOSED"
  | "TASK_NOT_FOUND"
  | "ALREADY_HANDLED"
  | "NOT_A_DECISION"
  | "DECISION_REQUIRED"
  | "NOT_RETURNED"
  | "RESUBMIT_REQUIRED"
  | "COMMENT_REQUIRED"
  | "EVENT_NOT_ALLOWED"
  | "UNIT_NOT_IN_STEP"
  | "INVALID_DEFINITION";

export type TWorkflowPlan =
  | {
      ok: true;
      /** The table row applied to the acted-on task. */
      transition: TTransition;
      changes: TWorkflowChange[];
      /** The cycle's status after the changes. */
      cycleStatus: TCycleStatus;
    }
  | { ok: false; code: TWorkflowErrorCode; message: string };

export const WORKFLOW_MESSAGES = {
  CYCLE_NOT_STARTED: "Siklus ini belum dimulai",
  CYCLE_ALREADY_STARTED: "Siklus ini sudah dimulai",
  CYCLE_COMPLETED: "Siklus ini sudah selesai dan tidak dapat diubah",
  CYCLE_CANCELLED: "Siklus ini sudah dibatalkan dan tidak dapat diubah",
  TASK_NOT_FOUND: "Tugas tidak ditemukan dalam siklus ini",
  ALREADY_HANDLED: "Tugas ini sudah ditangani",
  NOT_A_DECISION: "Langkah ini bukan keputusan",
  DECISION_REQUIRED: "Langkah ini adalah keputusan: pilih Ya (setujui) atau Tidak (kembalikan)",
  NOT_RETURNED: "Tugas ini tidak sedang dikembalikan untuk perbaikan",
  RESUBMIT_REQUIRED: "Tugas ini dikembalikan untuk perbaikan: kirim ulang setelah diperbaiki",
  RETURN_REASON_REQUIRED: "Alasan pengembalian wajib diisi",
  CANCEL_REASON_REQUIRED: "Alasan pembatalan wajib diisi",
  COMMENT_REQUIRED: "Catatan wajib diisi",
  EVENT_NOT_ALLOWED: "Tindakan ini tidak berlaku untuk tugas ini",
  NO_STEPS: "Definisi SOP tidak valid: belum ada langkah",
  BAD_STEP_NUMBER: (n: number) => `Definisi SOP tidak valid: nomor langkah ${n} harus bilangan bulat positif`,
  DUPLICATE_STEP: (n: number) => `Definisi SOP tidak valid: langkah ${n} tercantum lebih dari sekali`,
  DECISION_WITHOUT_NO: (n: number) => `Definisi SOP tidak valid: keputusan pada langkah ${n} tidak memiliki tujuan "Tidak"`,
  PROCESS_WITH_BRANCH: (n: number) => `Definisi SOP tidak valid: langkah ${n} bukan keputusan tetapi memiliki cabang Ya/Tidak`,
  BAD_TARGET: (n: number, target: number) => `Definisi SOP tidak valid: langkah ${n} mengarah ke langkah ${target} yang tidak ada`,
  SELF_TARGET: (n: number) => `Definisi SOP tidak valid: langkah ${n} mengarah ke dirinya sendiri`,
  TASK_STEP_MISSING: (n: number) => `Definisi SOP tidak valid: tugas merujuk langkah ${n} yang tidak ada`,
  DECISION_EVERY_UNIT: (n: number) => `Definisi SOP tidak valid: keputusan pada langkah ${n} harus diambil satu pelaksana, bukan setiap unit`,
  NO_UNITS: (n: number) => `Langkah ${n} dikerjakan setiap unit, tetapi tidak ada unit yang dituju`,
  UNIT_NOT_IN_STEP: (n: number) => `Unit yang dipilih tidak mengerjakan langkah ${n}`,
} as const;

type TFailure = Extract<TWorkflowPlan, { ok: false }>;
const refuse = (code: TWorkflowErrorCode, message: string): TFailure => ({ ok: false, code, message });

/**
 * Checks an SOP's steps as a workflow; returns an Indonesian message for the
 * first problem, or null when sound. Use it when an SOP is saved as well.
 */
export function validateWorkflowSteps(steps: readonly TWorkflowStep[]): string | null {
  if (steps.length === 0) return WORKFLOW_MESSAGES.NO_STEPS;
  const numbers = new Set<number>();
  for (const step of steps) {
    if (!Number.isInteger(step.number) || step.number < 1) return WORKFLOW_MESSAGES.BAD_STEP_NUMBER(step.number);
    if (numbers.has(step.number)) return WORKFLOW_MESSAGES.DUPLICATE_STEP(step.number);
    numbers.add(step.number);
  }
  for (const step of steps) {
    const yes = step.yesStepNumber ?? null;
    const no = step.noStepNumber ?? null;
    if (step.units) {
      if (step.kind === "DECISION") return WORKFLOW_MESSAGES.DECISION_EVERY_UNIT(step.number);
      if (step.units.length === 0) return WORKFLOW_MESSAGES.NO_UNITS(step.number);
    }
    if (step.kind === "PROCESS") {
      if (yes !== null || no !== null) return WORKFLOW_MESSAGES.PROCESS_WITH_BRANCH(step.number);
      continue;
    }
    if (no === null) return WORKFLOW_MESSAGES.DECISION_WITHOUT_NO(step.number);
    for (const target of [yes, no]) {
      if (target === null) continue;
      if (target === step.number) return WORKFLOW_MESSAGES.SELF_TARGET(step.number);
      if (!numbers.has(target)) return WORKFLOW_MESSAGES.BAD_TARGET(step.number, target);
    }
  }
  return null;
}

function sortedSteps(steps: readonly TWorkflowStep[]): TWorkflowStep[] {
  return [...steps].sort((a, b) => a.number - b.number);
}

function nextRound(tasks: readonly TWorkflowTask[], stepNumber: number, unitId: string | null): number {
  return tasks.reduce((max, t) => (t.stepNumber === stepNumber && (t.unitId ?? null) === unitId && t.round > max ? t.round : max), 0) + 1;
}

/** The latest sub-task of each unit of an every-unit step (by round), after `closedTaskId` is closed. */
export function latestUnitTasks(tasks: readonly TWorkflowTask[], stepNumber: number): Map<string, TWorkflowTask> {
  const latest = new Map<string, TWorkflowTask>();
  for (const t of tasks) {
    if (t.stepNumber !== stepNumber || !t.unitId) continue;
    if (t.round > (latest.get(t.unitId)?.round ?? 0)) latest.set(t.unitId, t);
  }
  return latest;
}

/**
 * An every-unit step's progress: the units whose latest sub-task is DONE, and
 * the others (not opened yet, open, or cancelled), in the step's unit order.
 */
export function unitProgress(step: TWorkflowStep, tasks: readonly TWorkflowTask[]): { done: string[]; missing: string[] } {
  const latest = latestUnitTasks(tasks, step.number);
  const done: string[] = [];
  const missing: string[] = [];
  for (const unit of step.units ?? []) (latest.get(unit)?.status === "DONE" ? done : missing).push(unit);
  return { done, missing };
}

/**
 * The units that run step `stepNumber` again in the pass under way, or null for
 * every unit. A return that sent back only some units' work (a decision naming
 * one unit) re-runs the steps from its target up to that decision for those
 * units only, until the decision is taken again (its step has a later round).
 * Where returns nest, the innermost one covering the step (the nearest
 * decision) decides. Any other pass (the first, or a return of every unit's
 * work or of a single step) runs for every unit.
 */
export function rerunUnits(steps: readonly TWorkflowStep[], tasks: readonly TWorkflowTask[], stepNumber: number): ReadonlySet<string> | null {
  const openedBy = new Map<string, TWorkflowTask[]>();
  for (const t of tasks) if (t.returnedFromTaskId) openedBy.set(t.returnedFromTaskId, [...(openedBy.get(t.returnedFromTaskId) ?? []), t]);
  let innermost: { decisionStep: number; units: ReadonlySet<string> | null } | null = null;
  for (const [decisionTaskId, opened] of openedBy) {
    const decision = tasks.find((t) => t.id === decisionTaskId);
    if (!decision) continue;
    if (tasks.some((t) => t.stepNumber === decision.stepNumber && t.round > decision.round)) continue; // decided again
    const target = Math.min(...opened.map((t) => t.stepNumber));
    if (stepNumber < target || stepNumber >= decision.stepNumber) continue;
    if (innermost && innermost.decisionStep <= decision.stepNumber) continue;
    const targetUnits = steps.find((s) => s.number === target)?.units ?? null;
    const units = new Set(opened.map((t) => t.unitId ?? null).filter((u): u is string => u !== null));
    const some = targetUnits !== null && opened.every((t) => t.unitId) && targetUnits.some((u) => !units.has(u));
    innermost = { decisionStep: decision.stepNumber, units: some ? units : null };
  }
  return innermost?.units ?? null;
}

/** The OPEN_TASK changes that activate a step: one task, or one per unit (or only `onlyUnits`'). */
function openStep(
  step: TWorkflowStep,
  tasks: readonly TWorkflowTask[],
  status: "ACTIVE" | "RETURNED",
  returnedFromTaskId: string | null,
  returnReason: string | null,
  onlyUnits: ReadonlySet<string> | null = null,
): TWorkflowChange[] {
  const units: (string | null)[] = step.units ? step.units.filter((u) => !onlyUnits || onlyUnits.has(u)) : [null];
  return units.map((unitId) => ({
    kind: "OPEN_TASK" as const,
    stepNumber: step.number,
    round: nextRound(tasks, step.number, unitId),
    status,
    unitId,
    returnedFromTaskId,
    returnReason,
  }));
}

function normalizeComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function closedCycleRefusal(status: TCycleStatus | null): TFailure | null {
  if (status === "COMPLETED") return refuse("CYCLE_CLOSED", WORKFLOW_MESSAGES.CYCLE_COMPLETED);
  if (status === "CANCELLED") return refuse("CYCLE_CLOSED", WORKFLOW_MESSAGES.CYCLE_CANCELLED);
  return null;
}

/** Why a task event has no row in the table, in the user's terms. */
function refusalFor(event: TTaskEventType, kind: TWorkflowStepKind, status: TTaskStatus): TFailure {
  if (status === "DONE" || status === "CANCELLED") return refuse("ALREADY_HANDLED", WORKFLOW_MESSAGES.ALREADY_HANDLED);
  if ((event === "APPROVE" || event === "RETURN") && kind !== "DECISION") return refuse("NOT_A_DECISION", WORKFLOW_MESSAGES.NOT_A_DECISION);
  if ((event === "COMPLETE" || event === "RESUBMIT") && kind === "DECISION") return refuse("DECISION_REQUIRED", WORKFLOW_MESSAGES.DECISION_REQUIRED);
  if (event === "RESUBMIT" && status === "ACTIVE") return refuse("NOT_RETURNED", WORKFLOW_MESSAGES.NOT_RETURNED);
  if (event === "COMPLETE" && status === "RETURNED") return refuse("RESUBMIT_REQUIRED", WORKFLOW_MESSAGES.RESUBMIT_REQUIRED);
  return refuse("EVENT_NOT_ALLOWED", WORKFLOW_MESSAGES.EVENT_NOT_ALLOWED);
}

function commentRequiredMessage(event: TWorkflowEventType): string {
  if (event === "RETURN") return WORKFLOW_MESSAGES.RETURN_REASON_REQUIRED;
  if (event === "CANCEL_CYCLE") return WORKFLOW_MESSAGES.CANCEL_REASON_REQUIRED;
  return WORKFLOW_MESSAGES.COMMENT_REQUIRED;
}

/**
 * Plans what an event does to a cycle: the tasks it closes and opens and the
 * cycle's new status, or an Indonesian refusal. Never throws for bad input.
 */
export function planTransition(state: TWorkflowState, event: TWorkflowEvent): TWorkflowPlan {
  const closed = closedCycleRefusal(state.cycleStatus);
  if (closed) return closed;

  if (event.type === "START_CYCLE") {
    if (state.cycleStatus !== null || state.tasks.length > 0) return refuse("CYCLE_ALREADY_STARTED", WORKFLOW_MESSAGES.CYCLE_ALREADY_STARTED);
    const definitionProblem = validateWorkflowSteps(state.steps);
    if (definitionProblem) return refuse("INVALID_DEFINITION", definitionProblem);
    const steps = sortedSteps(state.steps);
    const first = steps[0];
    if (!first) return refuse("INVALID_DEFINITION", WORKFLOW_MESSAGES.NO_STEPS);
    const transition = findTransition("NONE", "START_CYCLE", first.kind);
    if (!transition) return refuse("EVENT_NOT_ALLOWED", WORKFLOW_MESSAGES.EVENT_NOT_ALLOWED);
    return {
      ok: true,
      transition,
      cycleStatus: "ACTIVE",
      changes: [{ kind: "CYCLE", from: null, to: "ACTIVE" }, ...openStep(first, [], "ACTIVE", null, null)],
    };
  }

  if (state.cycleStatus === null) return refuse("CYCLE_NOT_STARTED", WORKFLOW_MESSAGES.CYCLE_NOT_STARTED);
  const comment = normalizeComment(event.comment);

  if (event.type === "CANCEL_CYCLE") {
    const rows = (TRANSITIONS as readonly TTransition[]).filter((t) => t.event === "CANCEL_CYCLE");
    if (rows.some((t) => t.requiresComment) && comment === null) return refuse("COMMENT_REQUIRED", WORKFLOW_MESSAGES.CANCEL_REASON_REQUIRED);
    const changes: TWorkflowChange[] = [];
    let applied: TTransition | undefined = rows[0];
    // Cancelling must work even when the SOP's definition has gone bad, so the
    // steps are not validated here; cancel rows apply to every step kind.
    for (const task of state.tasks) {
      const kind = state.steps.find((s) => s.number === task.stepNumber)?.kind ?? "PROCESS";
      const transition = findTransition(task.status, "CANCEL_CYCLE", kind);
      if (!transition) continue; // DONE and CANCELLED tasks stay as they are
      applied = transition;
      changes.push({
        kind: "CLOSE_TASK",
        taskId: task.id,
        stepNumber: task.stepNumber,
        round: task.round,
        from: task.status,
        to: "CANCELLED",
        outcome: "CANCELLED",
        comment,
      });
    }
    if (!applied) return refuse("EVENT_NOT_ALLOWED", WORKFLOW_MESSAGES.EVENT_NOT_ALLOWED);
    changes.push({ kind: "CYCLE", from: state.cycleStatus, to: "CANCELLED" });
    return { ok: true, transition: applied, changes, cycleStatus: "CANCELLED" };
  }

  const definitionProblem = validateWorkflowSteps(state.steps);
  if (definitionProblem) return refuse("INVALID_DEFINITION", definitionProblem);
  const steps = sortedSteps(state.steps);

  const task = state.tasks.find((t) => t.id === event.taskId);
  if (!task) return refuse("TASK_NOT_FOUND", WORKFLOW_MESSAGES.TASK_NOT_FOUND);
  const stepIndex = steps.findIndex((s) => s.number === task.stepNumber);
  const step = steps[stepIndex];
  if (!step) return refuse("INVALID_DEFINITION", WORKFLOW_MESSAGES.TASK_STEP_MISSING(task.stepNumber));

  const transition = findTransition(task.status, event.type, step.kind);
  if (!transition) return refusalFor(event.type, step.kind, task.status);
  if (transition.requiresComment && comment === null) return refuse("COMMENT_REQUIRED", commentRequiredMessage(event.type));

  const changes: TWorkflowChange[] = [
    {
      kind: "CLOSE_TASK",
      taskId: task.id,
      stepNumber: task.stepNumber,
      round: task.round,
      from: task.status,
      to: transition.to === "CANCELLED" ? "CANCELLED" : "DONE",
      outcome: transition.outcome ?? "COMPLETED",
      comment,
    },
  ];

  // An every-unit step moves on only when every unit's latest sub-task is done.
  if (step.units) {
    const after = state.tasks.map((t) => (t.id === task.id ? { ...t, status: "DONE" as const } : t));
    if (unitProgress(step, after).missing.length > 0) return { ok: true, transition, changes, cycleStatus: state.cycleStatus };
  }

  let target: number | null;
  if (event.type === "RETURN") target = step.noStepNumber ?? null;
  else if (event.type === "APPROVE") target = step.yesStepNumber ?? steps[stepIndex + 1]?.number ?? null;
  else target = steps[stepIndex + 1]?.number ?? null;

  const isReturn = event.type === "RETURN" && target !== null && target < step.number;
  const returnedUnit = event.type === "RETURN" ? (event.unitId ?? null) : null;
  if (isReturn || returnedUnit !== null) {
    const targetStep = steps.find((s) => s.number === target)!;
    if (returnedUnit !== null && !targetStep.units?.includes(returnedUnit)) {
      return refuse("UNIT_NOT_IN_STEP", WORKFLOW_MESSAGES.UNIT_NOT_IN_STEP(targetStep.number));
    }
    const only = returnedUnit !== null ? new Set([returnedUnit]) : null;
    changes.push(...openStep(targetStep, state.tasks, isReturn ? "RETURNED" : "ACTIVE", isReturn ? task.id : null, isReturn ? comment : null, only));
    return { ok: true, transition, changes, cycleStatus: state.cycleStatus };
  }

  // Moving on. In a pass re-run for some units only, an every-unit step none of
  // them does has nothing to run again (its other units' work stands): skip it.
  while (target !== null) {
    const targetStep = steps.find((s) => s.number === target)!;
    const only = targetStep.units ? rerunUnits(steps, state.tasks, targetStep.number) : null;
    const opening = openStep(targetStep, state.tasks, "ACTIVE", null, null, only);
    if (opening.length > 0) {
      changes.push(...opening);
      return { ok: true, transition, changes, cycleStatus: state.cycleStatus };
    }
    target = steps[steps.indexOf(targetStep) + 1]?.number ?? null;
  }
  changes.push({ kind: "CYCLE", from: state.cycleStatus, to: "COMPLETED" });
  return { ok: true, transition, changes, cycleStatus: "COMPLETED" };
}

/**
 * Applies a plan's changes to an in-memory state (previews, demo data, tests).
 * `makeId` names the tasks it opens.
 */
export function applyChanges(
  state: TWorkflowState,
  changes: readonly TWorkflowChange[],
  makeId: (stepNumber: number, round: number, unitId: string | null) => string = (stepNumber, round, unitId) =>
    unitId ? `${stepNumber}.${round}.${unitId}` : `${stepNumber}.${round}`,
): TWorkflowState {
  let cycleStatus = state.cycleStatus;
  let tasks = [...state.tasks];
  for (const change of changes) {
    if (change.kind === "CYCLE") cycleStatus = change.to;
    else if (change.kind === "CLOSE_TASK") tasks = tasks.map((t) => (t.id === change.taskId ? { ...t, status: change.to } : t));
    else
      tasks.push({
        id: makeId(change.stepNumber, change.round, change.unitId),
        stepNumber: change.stepNumber,
        round: change.round,
        status: change.status,
        unitId: change.unitId,
        returnedFromTaskId: change.returnedFromTaskId,
      });
  }
  return { ...state, cycleStatus, tasks };
}
