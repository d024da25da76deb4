import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { readAgencySettings } from "@/lib/agency/settings";
import { AppError, conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { ADMIN_ROLE } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { clipWords, formatDateTime, isoDateIn, type TAgencyTimeZone } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { pendingRealizations } from "@/lib/performance/service";
import { actingTitle, type TActingRecord } from "@/lib/role/acting";
import { isDecisionKind } from "@/lib/sop/schemas";

import { CYCLE_MESSAGES as M, ESAKIP_MESSAGES } from "./messages";
import type { ZCancelCycle, ZMeetingInvitation, ZStartCycle, ZTaskAction } from "./schemas";
import { loadTaskFacts } from "./facts";
import { holdersOfRoles, memberRoleUnits, roleHolders, unitRoleHolders } from "./holders";
import {
  ALREADY_HANDLED_MESSAGE,
  holdsTask,
  isJointMeeting,
  judgeTaskAction,
  mayStartCycle,
  resolveStepUnits,
  startRefusal,
  type TRuleMember,
  type TRuleState,
} from "./task-rules";
import { readUnitPlan, type TUnitPlan } from "./unit-plan";
import { alertSchedule, computeDueAt, WORKING_TIME_ZONES } from "./working-time";
import { cycleLabel } from "@/lib/jobs/alerts";
import { nudgeEmailDelivery } from "@/lib/jobs/email-nudge";
import { enqueueJobs, taskAlertJob } from "@/lib/jobs/queue";
import { holidayKeysSql, workingCalendar, type TWorkingCalendar } from "@/lib/calendar/holidays";
import { measuresPerformance } from "@/lib/sop/measures-performance";

import { versionEffectiveDay } from "./effective-period";
import { buildDecisionSnapshot } from "./decision-snapshot";
import { canonicalJson } from "@/lib/audit/chain";
import { SNAPSHOT_MESSAGES, snapshotApprovalRefusal } from "./decision-snapshot-shared";
import { planTransition, WORKFLOW_MESSAGES, type TCycleStatus, type TTaskStatus, type TWorkflowChange, type TWorkflowState } from "./workflow";
import type { z } from "zod";

export interface CycleActor {
  agencyId: string;
  actor: AuditActor;
  /** The actor's active role ids in the agency. */
  roleIds: string[];
  roleCodes: string[];
  /** Roles the actor holds only as an acting official (Plt./Plh.): the capacity is recorded on what they do. */
  acting?: { roleId: string; appointmentId: string; kind: "PLT" | "PLH"; decreeNumber: string }[];
  /**
   * The unit of each of those roles, as the request's agency context read them (lib/authz/context.ts:
   * the same holdings, kept under the user's access version, which every membership or appointment
   * change bumps). Absent (services called outside a request), they are read in the transaction.
   */
  roleUnits?: { roleId: string; unitId: string | null }[];
  meta: AuditRequestMeta | null;
  /** The clock (tests and demo data pass their own). */
  now?: Date;
}

const ALREADY_HANDLED = ALREADY_HANDLED_MESSAGE;

const TASK_RULE_SELECT = {
  id: true,
  stepNumber: true,
  round: true,
  status: true,
  assignedRoleId: true,
  completedById: true,
  unitId: true,
  unitName: true,
  invitedAt: true,
  returnedFromTaskId: true,
} as const satisfies Prisma.CycleTaskSelect;

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
  assignment: true,
  unitKind: true,
  units: { select: { unitId: true } },
  participants: { select: { roleId: true } },
} as const;

type StepRow = Prisma.SopStepGetPayload<{ select: typeof STEP_SELECT }>;


function workflowSteps(steps: StepRow[], plan: TUnitPlan): TWorkflowState["steps"] {
  return steps.map((s) => ({
    number: s.number,
    kind: isDecisionKind(s.kind) ? "DECISION" : "PROCESS",
    yesStepNumber: s.yesStepNumber,
    noStepNumber: s.noStepNumber,
    units: plan[s.number]?.map((u) => u.id) ?? null,
  }));
}

type TaskRow = {
  id: string;
  stepNumber: number;
  round: number;
  status: TTaskStatus;
  assignedRoleId: string;
  completedById: string | null;
  unitId: string | null;
  unitName: string | null;
  invitedAt: Date | null;
  returnedFromTaskId: string | null;
};

/** The loaded cycle as the task rules read it. */
function ruleState(cycleStatus: TCycleStatus, steps: StepRow[], tasks: TaskRow[], plan: TUnitPlan, measures = true): TRuleState {
  return {
    cycleStatus,
    measuresPerformance: measures,
    steps: steps.map((s) => ({
      ...s,
      executorRoleName: s.executorRole.name,
      units: plan[s.number]?.map((u) => u.id) ?? null,
      participantRoleIds: s.participants.map((p) => p.roleId),
    })),
    tasks,
  };
}

async function openTask(
  tx: DbTx,
  cycle: { id: string; agencyId: string; label: string },
  step: StepRow,
  change: Extract<TWorkflowChange, { kind: "OPEN_TASK" }>,
  calendar: TWorkingCalendar,
  now: Date,
  plan: TUnitPlan,
) {
  const unit = change.unitId ? (plan[step.number]?.find((u) => u.id === change.unitId) ?? null) : null;
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
      unitId: change.unitId,
      unitName: unit?.name ?? null,
      startedAt: now,
      dueAt: computeDueAt(now, step.waktuJumlah, step.waktuSatuan, calendar.timeZone, calendar),
      returnedFromTaskId: change.returnedFromTaskId,
      returnReason: change.returnReason,
    },
    select: { id: true, startedAt: true, dueAt: true },
  });
  // The reminders, the late flag and the escalations, queued in the same commit (docs/decisions/015-job-queue.md),
  // with the e-mail delivery, in one statement at the end.
  const jobs = alertSchedule(task.startedAt, task.dueAt, calendar.timeZone, calendar).map((alert) => taskAlertJob({ taskId: task.id, kind: alert.kind }, alert.runAt));
  // A unit's sub-task goes to the role's holders in that unit only.
  const users = change.unitId
    ? ((await unitRoleHolders(tx, cycle.agencyId, step.executorRoleId, [change.unitId], now)).get(change.unitId) ?? [])
    : await roleHolders(tx, cycle.agencyId, step.executorRoleId, now);
  const returned = change.status === "RETURNED";
  if (step.assignment === "JOINT" && !returned) {
    // Participants see the task in their inbox as participants; the executor acts.
    const participants = await holdersOfRoles(
      tx,
      cycle.agencyId,
      step.participants.map((p) => p.roleId),
      now,
    );
    await insertNotifications(
      tx,
      participants
        .filter((p) => !users.includes(p.userId))
        .map((p) => ({
          agencyId: cycle.agencyId,
          userId: p.userId,
          kind: "PARTICIPANT" as const,
          cycleId: cycle.id,
          taskId: task.id,
          title: M.notifyParticipant(step.number, clipWords(step.kegiatan, 120)),
          body: "",
          createdAt: now,
        })),
    );
  }
  await insertNotifications(
    tx,
    users.map((userId) => ({
      agencyId: cycle.agencyId,
      userId,
      kind: returned ? ("RETURNED" as const) : ("NEW_TASK" as const),
      cycleId: cycle.id,
      taskId: task.id,
      title: returned ? M.notifyReturned(step.number, cycle.label) : M.notifyNewTask(step.number, clipWords(step.kegiatan, 120), cycle.label),
      body: returned ? (change.returnReason ?? "") : "",
      createdAt: now,
    })),
  );
  // The e-mails follow from the notification rows; the nudge runs after this transaction (lib/jobs/email-nudge.ts).
  if (users.length) nudgeEmailDelivery();
  await enqueueJobs(tx, jobs);
  return task;
}

/**
 * The notifications of a task just created in this transaction. Prisma compiles a `createMany`
 * afresh on every call (its query plan cache leaves createMany out), a `create` once per process;
 * a task goes to one holder most of the time, so one row is a `create` (decision 084). The task
 * is new, so no row of it exists yet: `skipDuplicates` can only matter for several rows.
 */
async function insertNotifications(tx: DbTx, rows: Prisma.NotificationCreateManyInput[]) {
  if (rows.length === 0) return;
  if (rows.length === 1) {
    await tx.notification.create({ data: rows[0]!, select: { id: true } });
    return;
  }
  await tx.notification.createMany({ data: rows, skipDuplicates: true });
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Starts a cycle of an ACTIVE SOP for a period: step 1 goes to its executor. */
export async function startCycle(
  input: Omit<z.output<typeof ZStartCycle>, "overrideReason"> & { overrideReason?: string | null },
  ctx: CycleActor,
  tx?: DbTx,
) {
  const now = ctx.now ?? new Date();
  try {
    return await inTransaction(tx, async (tx) => {
      const sop = await tx.sop.findFirst({
        where: { id: input.sopId, agencyId: ctx.agencyId },
        select: {
          id: true,
          seriesId: true,
          nomor: true,
          nama: true,
          version: true,
          status: true,
          tanggalEfektif: true,
          activatedAt: true,
          agency: { select: { timeZone: true } },
          steps: { select: STEP_SELECT, orderBy: { number: "asc" } },
        },
      });
      const units = await tx.orgUnit.findMany({
        where: { agencyId: ctx.agencyId },
        select: { id: true, name: true, kind: true, active: true },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      });
      if (!sop) throw notFoundError("SOP tidak ditemukan.");
      if (sop.status !== "ACTIVE") throw invalidError(M.sopNotActive);
      const first = sop.steps[0];
      if (!first) throw invalidError(M.sopNotActive);
      const may = mayStartCycle(
        first.executorRoleId,
        { userId: ctx.actor.id, roleIds: ctx.roleIds, isAdmin: ctx.roleCodes.includes(ADMIN_ROLE) },
        {
          year: input.year,
          period: input.period,
          effectiveDay: versionEffectiveDay(sop),
          overrideReason: input.overrideReason,
          executorRoleName: first.executorRole.name,
        },
      );
      if (!may.ok) throw new AppError(may.refusal.message, may.refusal.code, may.refusal.fieldErrors);
      // Every-unit steps: their units are fixed now, and each must have someone holding the step's role.
      const unitPlan: TUnitPlan = {};
      const everyUnit = sop.steps.map((s) => {
        const resolved = resolveStepUnits({ assignment: s.assignment, unitKind: s.unitKind, unitIds: s.units.map((u) => u.unitId) }, units);
        if (resolved) unitPlan[s.number] = resolved.map((u) => ({ id: u.id, name: u.name }));
        return { number: s.number, roleId: s.executorRoleId, roleName: s.executorRole.name, units: resolved };
      });
      const held = new Set<string>();
      for (const step of everyUnit) {
        if (!step.units?.length) continue;
        const holders = await unitRoleHolders(tx, ctx.agencyId, step.roleId, step.units.map((u) => u.id), now);
        for (const unitId of holders.keys()) held.add(`${unitId}:${step.roleId}`);
      }
      const refusal = startRefusal(everyUnit, (unitId, roleId) => held.has(`${unitId}:${roleId}`));
      if (refusal) throw invalidError(refusal);
      const plan = planTransition({ cycleStatus: null, steps: workflowSteps(sop.steps, unitPlan), tasks: [] }, { type: "START_CYCLE" });
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
          unitPlan,
          startOverrideReason: may.override,
        },
        select: { id: true, agencyId: true },
      });
      const calendar = await workingCalendar(ctx.agencyId, now, tx);
      for (const change of plan.changes) {
        if (change.kind === "OPEN_TASK") {
          await openTask(tx, { ...cycle, label: cycleLabel({ year: input.year, period: input.period, sop }) }, first, change, calendar, now, unitPlan);
        }
      }
      await recordAudit(
        tx,
        {
          action: "cycle.start",
          entityType: "MeasurementCycle",
          entityId: cycle.id,
          data: {
            sopId: sop.id,
            nomor: sop.nomor,
            version: sop.version,
            year: input.year,
            period: input.period,
            ...(may.override ? { startOverrideReason: may.override, sopEffectiveDay: versionEffectiveDay(sop) ?? "" } : {}),
          },
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
  return applyTaskAction(input, ctx, null, tx);
}

/**
 * actOnTask's body. `automatic`: the task completes by itself on behalf of
 * ctx.actor (a unit's INPUT sub-task once the unit has sent its
 * realizations), so the actor counts as holding the task's role.
 */
async function applyTaskAction(input: z.output<typeof ZTaskAction>, ctx: CycleActor, automatic: { taskId: string } | null, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  try {
    return await inTransaction(tx, async (tx) => {
      // The cycle row is locked first: the actions on one cycle run one at a time, so the
      // last two units of an every-unit step finishing at once see each other, and a
      // realization change running meanwhile (it share-locks the period's cycles,
      // lib/performance/service.ts) is waited for before a quarter is archived.
      // The agency's holidays for the due times of the tasks it opens come with the lock (decision 049).
      const [locked] = await tx.$queryRaw<{ id: string; holidays: string[] }[]>`
        SELECT "id", ${holidayKeysSql(ctx.agencyId, now)} AS "holidays" FROM "MeasurementCycle" WHERE "id" = ${input.cycleId} AND "agencyId" = ${ctx.agencyId} FOR UPDATE`;
      const cycle = await tx.measurementCycle.findFirst({
        where: { id: input.cycleId, agencyId: ctx.agencyId },
        select: {
          id: true,
          agencyId: true,
          status: true,
          year: true,
          period: true,
          unitPlan: true,
          startedAt: true,
          agency: { select: { timeZone: true, settings: true, governmentId: true } },
          sop: { select: { nomor: true, nama: true, measuresPerformance: true, steps: { select: STEP_SELECT, orderBy: { number: "asc" } } } },
          tasks: { select: TASK_RULE_SELECT },
        },
      });
      if (!cycle) throw notFoundError(M.notFound);
      const task = cycle.tasks.find((t) => t.id === input.taskId);
      if (!task) throw notFoundError(M.taskNotFound);
      const steps = cycle.sop.steps;
      const step = steps.find((s) => s.number === task.stepNumber);
      if (!step) throw invalidError(WORKFLOW_MESSAGES.TASK_STEP_MISSING(task.stepNumber));

      const unitPlan = readUnitPlan(cycle.unitPlan);
      const state = ruleState(cycle.status, steps, cycle.tasks, unitPlan, measuresPerformance({ measuresPerformance: cycle.sop.measuresPerformance, steps }));
      const member: TRuleMember =
        automatic?.taskId === task.id
          ? { userId: ctx.actor.id, roleIds: [task.assignedRoleId], roleUnits: [{ roleId: task.assignedRoleId, unitId: task.unitId }] }
          : { userId: ctx.actor.id, roleIds: ctx.roleIds, roleUnits: ctx.roleUnits ?? (await memberRoleUnits(tx, ctx.agencyId, ctx.actor.id, now)) };
      // The same rules, with the same facts, that the cycle page renders (lib/cycle/task-rules.ts).
      const settings = readAgencySettings(cycle.agency.settings);
      const facts = await loadTaskFacts(tx, cycle, state, task.id, member, settings.allowSelfApproval, now);
      const verdict = judgeTaskAction(state, { taskId: task.id, event: input.event, work: input }, member, facts);
      if (!verdict.ok) throw new AppError(verdict.refusal.message, verdict.refusal.code, verdict.refusal.fieldErrors);
      const { plan, archive } = verdict;
      // A decision is taken on a snapshot of what it decides on (docs/decisions/022-decision-snapshot.md):
      // built again here, under the cycle lock that realization changes wait for, and compared with the
      // one the reviewer was shown; stale, nothing changes and the page shows the new one.
      const snapshot = isDecisionKind(step.kind) && (input.event === "APPROVE" || input.event === "RETURN") ? await buildDecisionSnapshot(tx, ctx.agencyId, cycle.id, task.id) : null;
      if (snapshot && input.snapshotHash && input.snapshotHash !== snapshot.hash) {
        const message = SNAPSHOT_MESSAGES.stale(input.snapshotHash);
        throw new AppError(message, "CONFLICT", { snapshotHash: [message] });
      }
      const snapshotRefusal = snapshot && input.event === "APPROVE" ? snapshotApprovalRefusal(snapshot.content, settings) : null;
      if (snapshotRefusal) throw invalidError(snapshotRefusal);
      // Acting for the task's role (Plt./Plh.): the capacity goes on the task and in the audit trail.
      const capacity = ctx.acting?.find((a) => a.roleId === task.assignedRoleId);
      const acting: TActingRecord | undefined = capacity
        ? { appointmentId: capacity.appointmentId, kind: capacity.kind, title: actingTitle(capacity.kind, step.executorRole.name), decreeNumber: capacity.decreeNumber }
        : undefined;
      const esakip = verdict.requires.esakipUpload ? await checkEsakipUpload(tx, input, { agencyId: ctx.agencyId, taskId: task.id, cycleStartedAt: cycle.startedAt, timeZone: cycle.agency.timeZone, now }) : null;
      if (esakip) {
        await tx.measurementCycle.update({
          where: { id: cycle.id },
          data: { esakipUploadedAt: new Date(`${esakip.uploadedAt}T00:00:00.000Z`), esakipReference: esakip.reference, esakipReceiptFileId: esakip.receipt?.id ?? null },
        });
      }

      const opened: { stepNumber: number; round: number; status: string; unitId?: string }[] = [];
      let calendar: TWorkingCalendar | undefined;
      for (const change of plan.changes) {
        if (change.kind === "CLOSE_TASK") {
          // The guarded close and the settling of its notifications (new task, reminders, late,
          // escalations) in one statement (decision 038).
          const own = change.taskId === task.id;
          const work = own
            ? Prisma.sql`, "data" = ${JSON.stringify({ checklist: input.checklist, attendees: input.attendees, decisions: input.decisions, reference: input.reference, acting, esakip: esakip ?? undefined })}::jsonb
                ${input.outputText !== undefined ? Prisma.sql`, "outputText" = ${input.outputText}` : Prisma.empty}
                ${snapshot ? Prisma.sql`, "decisionSnapshotHash" = ${snapshot.hash}` : Prisma.empty}`
            : Prisma.empty;
          const closed = await tx.$queryRaw<{ n: number }[]>`
            WITH closed AS (
              UPDATE "CycleTask" SET "status" = ${change.to}::"TaskStatus", "outcome" = ${change.outcome}::"TaskOutcome", "comment" = ${change.comment},
                "completedAt" = ${now}, "completedById" = ${ctx.actor.id} ${work}
              WHERE "id" = ${change.taskId} AND "cycleId" = ${cycle.id} AND "status" = ${change.from}::"TaskStatus"
              RETURNING "id"
            ), settled AS (
              UPDATE "Notification" SET "doneAt" = ${now} WHERE "taskId" IN (SELECT "id" FROM closed) AND "doneAt" IS NULL
            )
            SELECT count(*)::int AS "n" FROM closed`;
          if (Number(closed[0]?.n) !== 1) throw conflictError(ALREADY_HANDLED);
          if (change.taskId === task.id && snapshot) {
            await tx.decisionSnapshot.create({
              data: {
                agencyId: ctx.agencyId,
                cycleId: cycle.id,
                taskId: task.id,
                outcome: change.outcome,
                hash: snapshot.hash,
                content: canonicalJson(snapshot.content),
                unverified: snapshot.content.performance?.unverified ?? 0,
                decidedById: ctx.actor.id,
                decidedAt: now,
              },
            });
          }
          if (change.taskId === task.id && isJointMeeting(step) && facts.attendanceList && input.attendance) {
            const names = new Map(facts.attendanceList.map((p) => [p.userId, p]));
            const list = await holdersOfRoles(tx, ctx.agencyId, step.participants.map((p) => p.roleId), now);
            const roles = new Map(list.map((p) => [p.userId, p.roleName]));
            await tx.taskAttendance.createMany({
              data: input.attendance.map((mark) => ({
                agencyId: ctx.agencyId,
                taskId: task.id,
                userId: mark.userId,
                name: names.get(mark.userId)?.name ?? "",
                roleName: roles.get(mark.userId) ?? "",
                status: mark.status,
                representedBy: mark.status === "REPRESENTED" ? mark.representedBy : null,
                recordedAt: now,
              })),
            });
          }
        } else if (change.kind === "OPEN_TASK") {
          const target = steps.find((s) => s.number === change.stepNumber)!;
          calendar ??= await workingCalendar(ctx.agencyId, now, tx, undefined, cycle.agency, locked?.holidays);
          await openTask(tx, { ...cycle, label: cycleLabel(cycle) }, target, change, calendar, now, unitPlan);
          opened.push({ stepNumber: change.stepNumber, round: change.round, status: change.status, ...(change.unitId ? { unitId: change.unitId } : {}) });
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
                  ? { archiveNote: note, unverified: archive.unverified.map((u) => ({ code: u.code, unit: u.unit, status: u.status, ...(u.scope ? { scope: u.scope } : {}) })) }
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
            ...(task.unitId ? { unitId: task.unitId, unitName: task.unitName } : {}),
            ...(automatic ? { automatic: true } : {}),
            ...(input.returnUnitId ? { returnUnitId: input.returnUnitId } : {}),
            status: { before: task.status, after: plan.transition.to },
            comment: input.comment,
            outputText: input.outputText,
            opened,
            ...(acting ? { acting } : {}),
            ...(esakip ? { esakip } : {}),
            ...(snapshot ? { snapshotHash: snapshot.hash, snapshotUnverified: snapshot.content.performance?.unverified ?? 0 } : {}),
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
      select: {
        id: true,
        status: true,
        unitPlan: true,
        sop: { select: { steps: { select: STEP_SELECT } } },
        tasks: { select: { id: true, stepNumber: true, round: true, status: true, unitId: true } },
      },
    });
    if (!cycle) throw notFoundError(M.notFound);
    const plan = planTransition(
      { cycleStatus: cycle.status, steps: workflowSteps(cycle.sop.steps, readUnitPlan(cycle.unitPlan)), tasks: cycle.tasks },
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
    await tx.notification.updateMany({ where: { cycleId: cycle.id, doneAt: null }, data: { doneAt: now } });
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

/** The instant of a local date and time ("2026-12-10", "09:00") in the agency's zone. */
function localInstant(date: string, time: string, zone: "WIB" | "WITA" | "WIT"): Date {
  const offset = WORKING_TIME_ZONES[zone].offsetHours;
  return new Date(`${date}T${time}:00+${String(offset).padStart(2, "0")}:00`);
}

/**
 * The executor of an open joint meeting step invites its participants: date,
 * time, place and agenda, kept on the task and sent to every holder of a
 * participant role (sending again updates the invitation and notifies again).
 */
export async function sendMeetingInvitation(input: z.output<typeof ZMeetingInvitation>, ctx: CycleActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  return inTransaction(tx, async (tx) => {
    const task = await tx.cycleTask.findFirst({
      where: { id: input.taskId, cycleId: input.cycleId, agencyId: ctx.agencyId },
      select: {
        ...TASK_RULE_SELECT,
        cycle: { select: { id: true, status: true, agency: { select: { timeZone: true } } } },
        step: { select: STEP_SELECT },
      },
    });
    if (!task) throw notFoundError(M.taskNotFound);
    if (!isJointMeeting(task.step)) throw invalidError(M.notJointMeeting);
    if (task.cycle.status !== "ACTIVE" || (task.status !== "ACTIVE" && task.status !== "RETURNED")) throw conflictError(M.taskClosed);
    const member = { userId: ctx.actor.id, roleIds: ctx.roleIds, roleUnits: ctx.roleUnits ?? (await memberRoleUnits(tx, ctx.agencyId, ctx.actor.id, now)) };
    if (!holdsTask(task, member)) throw forbiddenError(M.notExecutor(task.step.executorRole.name));

    const zone = task.cycle.agency.timeZone;
    const meetingAt = localInstant(input.date, input.time, zone);
    const updated = await tx.cycleTask.updateMany({
      where: { id: task.id, status: task.status },
      data: { meetingAt, meetingPlace: input.place, meetingAgenda: input.agenda, invitedAt: now },
    });
    if (updated.count !== 1) throw conflictError(ALREADY_HANDLED);
    const participants = await holdersOfRoles(tx, ctx.agencyId, task.step.participants.map((p) => p.roleId), now);
    const title = M.notifyInvitation(task.stepNumber, clipWords(task.step.kegiatan, 120));
    const body = M.invitationBody(formatDateTime(meetingAt, zone), input.place, input.agenda);
    for (const p of participants) {
      await tx.notification.upsert({
        where: { userId_taskId_kind: { userId: p.userId, taskId: task.id, kind: "INVITATION" } },
        create: { agencyId: ctx.agencyId, userId: p.userId, kind: "INVITATION", cycleId: task.cycle.id, taskId: task.id, title, body, createdAt: now },
        update: { title, body, readAt: null, createdAt: now, emailClaimedAt: null, emailedAt: null, emailError: null },
      });
    }
    await recordAudit(
      tx,
      {
        action: "task.invite",
        entityType: "CycleTask",
        entityId: task.id,
        data: { cycleId: task.cycle.id, stepNumber: task.stepNumber, meetingAt: meetingAt.toISOString(), place: input.place, agenda: input.agenda, invited: participants.length },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: now },
    );
    return { invited: participants.length, meetingAt };
  });
}

/**
 * A unit has sent its realizations of a quarter: its open INPUT sub-tasks in
 * the agency's active cycles of that period complete by themselves, on behalf
 * of the member who sent the last one, once none of the unit's indicators is
 * pending (the rules decide, as for a member acting). Called in the
 * realization's transaction (lib/performance/service.ts).
 */
export async function completeUnitInputTasks(
  args: { agencyId: string; year: number; quarter: number; unitId: string },
  ctx: Omit<CycleActor, "roleIds" | "roleCodes">,
  tx: DbTx,
) {
  const period = (["TW1", "TW2", "TW3", "TW4"] as const)[args.quarter - 1];
  if (!period) return [];
  const tasks = await tx.cycleTask.findMany({
    where: {
      agencyId: args.agencyId,
      unitId: args.unitId,
      status: { in: ["ACTIVE", "RETURNED"] },
      step: { kind: "INPUT" },
      cycle: { status: "ACTIVE", year: args.year, period },
    },
    select: { id: true, cycleId: true, status: true },
  });
  const done: string[] = [];
  for (const task of tasks) {
    const pending = await pendingRealizations(tx, args.agencyId, args.year, args.quarter, args.unitId);
    if (pending !== 0) continue;
    await applyTaskAction(
      {
        cycleId: task.cycleId,
        taskId: task.id,
        event: task.status === "RETURNED" ? "RESUBMIT" : "COMPLETE",
        outputText: M.unitInputSent,
        comment: null,
        archiveNote: null,
        esakipUploadedAt: null,
        esakipReference: null,
        esakipReceiptFileId: null,
        returnUnitId: null,
      },
      { ...ctx, roleIds: [], roleCodes: [] },
      { taskId: task.id },
      tx,
    );
    done.push(task.id);
  }
  return done;
}
