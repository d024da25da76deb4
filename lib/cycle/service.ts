import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { readAgencySettings } from "@/lib/agency/settings";
import { AppError, conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { ADMIN_ROLE } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { clipWords, isoDateIn, type TAgencyTimeZone } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDecisionKind } from "@/lib/sop/schemas";

import { CYCLE_MESSAGES as M, ESAKIP_MESSAGES } from "./messages";
import type { ZCancelCycle, ZStartCycle, ZTaskAction } from "./schemas";
import { loadTaskFacts } from "./facts";
import { ALREADY_HANDLED_MESSAGE, judgeTaskAction, mayStartCycle, quarterArchivedBy, type TRuleState } from "./task-rules";
import { computeDueAt } from "./working-time";
import { planTransition, WORKFLOW_MESSAGES, type TCycleStatus, type TTaskStatus, type TWorkflowChange, type TWorkflowState } from "./workflow";
import type { z } from "zod";

export interface CycleActor {
  agencyId: string;
  actor: AuditActor;
  /** The actor's active role ids in the agency. */
  roleIds: string[];
  roleCodes: string[];
  meta: AuditRequestMeta | null;
  /** The clock (tests and demo data pass their own). */
  now?: Date;
}

const ALREADY_HANDLED = ALREADY_HANDLED_MESSAGE;

const STEP_SELECT = {
  id: true,
  number: true,
  kind: true,
  kegiatan: true,
  output: true,
  kelengkapan: true,
  waktuJumlah: true,
  waktuSatuan: true,
  yesStepNumber: true,
  noStepNumber: true,
  executorRoleId: true,
  executorRole: { select: { name: true } },
} as const;

type StepRow = Prisma.SopStepGetPayload<{ select: typeof STEP_SELECT }>;

function workflowSteps(steps: StepRow[]): TWorkflowState["steps"] {
  return steps.map((s) => ({
    number: s.number,
    kind: isDecisionKind(s.kind) ? "DECISION" : "PROCESS",
    yesStepNumber: s.yesStepNumber,
    noStepNumber: s.noStepNumber,
  }));
}

/** The loaded cycle as the task rules read it. */
function ruleState(
  cycleStatus: TCycleStatus,
  steps: StepRow[],
  tasks: { id: string; stepNumber: number; round: number; status: TTaskStatus; assignedRoleId: string; completedById: string | null }[],
): TRuleState {
  return {
    cycleStatus,
    steps: steps.map((s) => ({ ...s, executorRoleName: s.executorRole.name })),
    tasks,
  };
}

/** Members (active, unexpired) holding a role: they get the notification. */
async function usersWithRole(tx: DbTx, roleId: string, now: Date) {
  const rows = await tx.membership.findMany({
    where: { roleId, active: true, user: { active: true }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

async function openTask(
  tx: DbTx,
  cycle: { id: string; agencyId: string },
  step: StepRow,
  change: Extract<TWorkflowChange, { kind: "OPEN_TASK" }>,
  timeZone: "WIB" | "WITA" | "WIT",
  now: Date,
) {
  const task = await tx.cycleTask.create({
    data: {
      agencyId: cycle.agencyId,
      cycleId: cycle.id,
      stepId: step.id,
      stepNumber: step.number,
      round: change.round,
      status: change.status,
      assignedRoleId: step.executorRoleId,
      assignedRoleName: step.executorRole.name,
      startedAt: now,
      dueAt: computeDueAt(now, step.waktuJumlah, step.waktuSatuan, timeZone),
      returnedFromTaskId: change.returnedFromTaskId,
      returnReason: change.returnReason,
    },
    select: { id: true },
  });
  const users = await usersWithRole(tx, step.executorRoleId, now);
  const returned = change.status === "RETURNED";
  await tx.notification.createMany({
    data: users.map((userId) => ({
      agencyId: cycle.agencyId,
      userId,
      kind: returned ? ("RETURNED" as const) : ("NEW_TASK" as const),
      cycleId: cycle.id,
      taskId: task.id,
      title: returned ? M.notifyReturned(step.number) : M.notifyNewTask(step.number, clipWords(step.kegiatan, 120)),
      body: returned ? (change.returnReason ?? "") : "",
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  return task;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Starts a cycle of an ACTIVE SOP for a period: step 1 goes to its executor. */
export async function startCycle(input: z.output<typeof ZStartCycle>, ctx: CycleActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  try {
    return await inTransaction(tx, async (tx) => {
      const sop = await tx.sop.findFirst({
        where: { id: input.sopId, agencyId: ctx.agencyId },
        select: {
          id: true,
          seriesId: true,
          nomor: true,
          version: true,
          status: true,
          agency: { select: { timeZone: true } },
          steps: { select: STEP_SELECT, orderBy: { number: "asc" } },
        },
      });
      if (!sop) throw notFoundError("SOP tidak ditemukan.");
      if (sop.status !== "ACTIVE") throw invalidError(M.sopNotActive);
      const first = sop.steps[0];
      if (!first) throw invalidError(M.sopNotActive);
      if (!mayStartCycle(first.executorRoleId, { userId: ctx.actor.id, roleIds: ctx.roleIds, isAdmin: ctx.roleCodes.includes(ADMIN_ROLE) })) {
        throw forbiddenError(M.cannotStart(first.executorRole.name));
      }
      const plan = planTransition({ cycleStatus: null, steps: workflowSteps(sop.steps), tasks: [] }, { type: "START_CYCLE" });
      if (!plan.ok) throw invalidError(plan.message);
      const cycle = await tx.measurementCycle.create({
        data: {
          agencyId: ctx.agencyId,
          sopId: sop.id,
          seriesId: sop.seriesId,
          year: input.year,
          period: input.period,
          status: "ACTIVE",
          startedById: ctx.actor.id,
          startedAt: now,
        },
        select: { id: true, agencyId: true },
      });
      for (const change of plan.changes) {
        if (change.kind === "OPEN_TASK") await openTask(tx, cycle, first, change, sop.agency.timeZone, now);
      }
      await recordAudit(
        tx,
        {
          action: "cycle.start",
          entityType: "MeasurementCycle",
          entityId: cycle.id,
          data: { sopId: sop.id, nomor: sop.nomor, version: sop.version, year: input.year, period: input.period },
        },
        { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: now },
      );
      return { id: cycle.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw invalidError(M.duplicate(M.periods[input.period], input.year), { period: [M.duplicate(M.periods[input.period], input.year)] });
    }
    throw error;
  }
}

/**
 * The executor of the active step acts: complete, approve ("Ya"), return for
 * revision ("Tidak", with a reason) or resubmit a returned step. One
 * transaction; every update is guarded by the state it expects, so of two
 * people acting at once exactly one succeeds and the other is told the task
 * was already handled.
 */
export async function actOnTask(input: z.output<typeof ZTaskAction>, ctx: CycleActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  try {
    return await inTransaction(tx, async (tx) => {
      const cycle = await tx.measurementCycle.findFirst({
        where: { id: input.cycleId, agencyId: ctx.agencyId },
        select: {
          id: true,
          agencyId: true,
          status: true,
          year: true,
          period: true,
          startedAt: true,
          agency: { select: { timeZone: true, settings: true } },
          sop: { select: { steps: { select: STEP_SELECT, orderBy: { number: "asc" } } } },
          tasks: { select: { id: true, stepNumber: true, round: true, status: true, assignedRoleId: true, completedById: true } },
        },
      });
      if (!cycle) throw notFoundError(M.notFound);
      const task = cycle.tasks.find((t) => t.id === input.taskId);
      if (!task) throw notFoundError(M.taskNotFound);
      const steps = cycle.sop.steps;
      const step = steps.find((s) => s.number === task.stepNumber);
      if (!step) throw invalidError(WORKFLOW_MESSAGES.TASK_STEP_MISSING(task.stepNumber));

      const state = ruleState(cycle.status, steps, cycle.tasks);
      const member = { userId: ctx.actor.id, roleIds: ctx.roleIds };
      // Completing a quarter's cycle archives (freezes) the quarter, which waits until every
      // realization of it is verified. The cycle row is locked before they are read, so a
      // realization change running meanwhile (it share-locks the period's cycles,
      // lib/performance/service.ts) is waited for and seen, and one that starts later sees the
      // period frozen.
      if (quarterArchivedBy(state, task.id, cycle.period) !== null) {
        await tx.$queryRaw`SELECT "id" FROM "MeasurementCycle" WHERE "id" = ${cycle.id} FOR UPDATE`;
      }
      // The same rules, with the same facts, that the cycle page renders (lib/cycle/task-rules.ts).
      const facts = await loadTaskFacts(tx, cycle, state, task.id, member, readAgencySettings(cycle.agency.settings).allowSelfApproval);
      const verdict = judgeTaskAction(state, { taskId: task.id, event: input.event, work: input }, member, facts);
      if (!verdict.ok) throw new AppError(verdict.refusal.message, verdict.refusal.code, verdict.refusal.fieldErrors);
      const { plan, archive } = verdict;
      const esakip = verdict.requires.esakipUpload ? await checkEsakipUpload(tx, input, { agencyId: ctx.agencyId, taskId: task.id, cycleStartedAt: cycle.startedAt, timeZone: cycle.agency.timeZone, now }) : null;
      if (esakip) {
        await tx.measurementCycle.update({
          where: { id: cycle.id },
          data: { esakipUploadedAt: new Date(`${esakip.uploadedAt}T00:00:00.000Z`), esakipReference: esakip.reference, esakipReceiptFileId: esakip.receipt?.id ?? null },
        });
      }

      const opened: { stepNumber: number; round: number; status: string }[] = [];
      for (const change of plan.changes) {
        if (change.kind === "CLOSE_TASK") {
          const closed = await tx.cycleTask.updateMany({
            where: { id: change.taskId, cycleId: cycle.id, status: change.from },
            data: {
              status: change.to,
              outcome: change.outcome,
              comment: change.comment,
              completedAt: now,
              completedById: ctx.actor.id,
              ...(change.taskId === task.id
                ? {
                    outputText: input.outputText,
                    data: JSON.parse(
                      JSON.stringify({ checklist: input.checklist, attendees: input.attendees, decisions: input.decisions, reference: input.reference, esakip: esakip ?? undefined }),
                    ),
                  }
                : {}),
            },
          });
          if (closed.count !== 1) throw conflictError(ALREADY_HANDLED);
        } else if (change.kind === "OPEN_TASK") {
          const target = steps.find((s) => s.number === change.stepNumber)!;
          await openTask(tx, cycle, target, change, cycle.agency.timeZone, now);
          opened.push({ stepNumber: change.stepNumber, round: change.round, status: change.status });
        } else {
          // The head archived over unverified realizations: their note (required by the rules) is kept.
          const note = archive ? input.archiveNote : null;
          const updated = await tx.measurementCycle.updateMany({
            where: { id: cycle.id, status: change.from ?? undefined },
            data: { status: change.to, ...(change.to === "COMPLETED" ? { completedAt: now, archiveNote: note } : {}) },
          });
          if (updated.count !== 1) throw conflictError(ALREADY_HANDLED);
          await recordAudit(
            tx,
            {
              action: "cycle.complete",
              entityType: "MeasurementCycle",
              entityId: cycle.id,
              data: {
                status: { before: change.from, after: change.to },
                ...(note && archive
                  ? { archiveNote: note, unverified: archive.unverified.map((u) => ({ code: u.code, unit: u.unit, status: u.status })) }
                  : {}),
              },
            },
            { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: now },
          );
        }
      }
      const action = ({ COMPLETE: "task.complete", APPROVE: "task.approve", RETURN: "task.return", RESUBMIT: "task.resubmit" } as const)[
        input.event
      ];
      await recordAudit(
        tx,
        {
          action,
          entityType: "CycleTask",
          entityId: task.id,
          data: {
            cycleId: cycle.id,
            stepNumber: task.stepNumber,
            round: task.round,
            status: { before: task.status, after: plan.transition.to },
            comment: input.comment,
            outputText: input.outputText,
            opened,
            ...(esakip ? { esakip } : {}),
          },
        },
        { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: now },
      );
      return { cycleStatus: plan.cycleStatus, opened };
    });
  } catch (error) {
    // A concurrent transition that created the same next task first.
    if (isUniqueViolation(error)) throw conflictError(ALREADY_HANDLED);
    if (error instanceof AppError) throw error;
    throw error;
  }
}

/** What the archive step recorded of the e-SAKIP upload (task data, cycle row, audit event). */
export interface TEsakipUpload {
  /** "yyyy-MM-dd". */
  uploadedAt: string;
  reference: string;
  receipt: { id: string; name: string; sha256: string } | null;
}

/**
 * The archive step's record of the e-SAKIP upload, as received (the rules
 * already required the date and reference): the date is a real day between
 * the cycle's start and today in the agency's zone, and the receipt, when
 * given, a file uploaded to this very task.
 */
async function checkEsakipUpload(
  tx: DbTx,
  input: z.output<typeof ZTaskAction>,
  { agencyId, taskId, cycleStartedAt, timeZone, now }: { agencyId: string; taskId: string; cycleStartedAt: Date; timeZone: TAgencyTimeZone; now: Date },
): Promise<TEsakipUpload> {
  const date = input.esakipUploadedAt!;
  const today = isoDateIn(now, timeZone);
  const started = isoDateIn(cycleStartedAt, timeZone);
  if (date > today) throw invalidError(ESAKIP_MESSAGES.dateInFuture, { esakipUploadedAt: [ESAKIP_MESSAGES.dateInFuture] });
  if (date < started) throw invalidError(ESAKIP_MESSAGES.dateBeforeCycle, { esakipUploadedAt: [ESAKIP_MESSAGES.dateBeforeCycle] });
  let receipt: TEsakipUpload["receipt"] = null;
  if (input.esakipReceiptFileId) {
    const file = await tx.storedFile.findFirst({
      where: { id: input.esakipReceiptFileId, agencyId, taskId },
      select: { id: true, originalName: true, sha256: true },
    });
    if (!file) throw invalidError(ESAKIP_MESSAGES.receiptNotFound, { esakipReceiptFileId: [ESAKIP_MESSAGES.receiptNotFound] });
    receipt = { id: file.id, name: file.originalName, sha256: file.sha256 };
  }
  return { uploadedAt: date, reference: input.esakipReference!, receipt };
}

export async function cancelCycle(input: z.output<typeof ZCancelCycle>, ctx: CycleActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  return inTransaction(tx, async (tx) => {
    const cycle = await tx.measurementCycle.findFirst({
      where: { id: input.cycleId, agencyId: ctx.agencyId },
      select: { id: true, status: true, sop: { select: { steps: { select: STEP_SELECT } } }, tasks: { select: { id: true, stepNumber: true, round: true, status: true } } },
    });
    if (!cycle) throw notFoundError(M.notFound);
    const plan = planTransition(
      { cycleStatus: cycle.status, steps: workflowSteps(cycle.sop.steps), tasks: cycle.tasks },
      { type: "CANCEL_CYCLE", comment: input.reason },
    );
    if (!plan.ok) throw invalidError(plan.message);
    for (const change of plan.changes) {
      if (change.kind === "CLOSE_TASK") {
        const closed = await tx.cycleTask.updateMany({
          where: { id: change.taskId, status: change.from },
          data: { status: "CANCELLED", outcome: "CANCELLED", comment: input.reason, completedAt: now, completedById: ctx.actor.id },
        });
        if (closed.count !== 1) throw conflictError();
      }
    }
    const updated = await tx.measurementCycle.updateMany({
      where: { id: cycle.id, status: "ACTIVE" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: input.reason },
    });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      { action: "cycle.cancel", entityType: "MeasurementCycle", entityId: cycle.id, data: { status: { before: "ACTIVE", after: "CANCELLED" }, reason: input.reason } },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: now },
    );
  });
}

/** Marks the member's own notifications in the agency read: all, or the one given. */
export async function markNotificationsRead(userId: string, agencyId: string, id?: string, tx?: DbTx) {
  await (tx ?? db).notification.updateMany({
    where: { userId, agencyId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
}
