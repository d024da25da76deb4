import "server-only";

import { cache } from "react";

import type { AgencyContext } from "@/lib/authz/context";
import { CYCLE_HEADER_SELECT, TASK_HISTORY_ORDER, TASK_HISTORY_SELECT } from "@/lib/cycle/selects";
import { db } from "@/lib/db/client";
import { t } from "@/lib/i18n";

import { loadAgreement } from "@/lib/performance/queries";
import { measuresPerformance } from "@/lib/sop/measures-performance";
import { isDecisionKind, type TStepKind } from "@/lib/sop/schemas";

import { buildDecisionSnapshot } from "./decision-snapshot";
import { snapshotApprovalRefusal, type TCycleSnapshot } from "./decision-snapshot-shared";
import { loadTaskFacts } from "./facts";
import { memberRoleUnits } from "./holders";
import { readUnitPlan } from "./unit-plan";
import { holdsTask, taskOptions, type TRuleState, type TTaskOptions } from "./task-rules";
import { unitProgress } from "./workflow";

/**
 * "Tugas saya": open tasks of active cycles assigned to one of the user's
 * roles (a unit's sub-task: to the role in that unit), and the joint steps the
 * user takes part in (`participant`). Each sub-task carries its step's
 * progress: the units done and those still missing.
 */
export async function listMyTasks(agencyId: string, userId: string, roles: readonly { id: string; unitId: string | null }[]) {
  // The roles the member holds and the unit of each come with the agency context (lib/authz/context.ts).
  const roleIds = roles.map((r) => r.id);
  const roleUnits = roles.map((r) => ({ roleId: r.id, unitId: r.unitId }));
  const mine = [
    { assignedRoleId: { in: roleIds }, unitId: null },
    ...roleUnits.filter((r) => r.unitId).map((r) => ({ assignedRoleId: r.roleId, unitId: r.unitId })),
  ];
  const rows = await db.cycleTask.findMany({
    where: {
      agencyId,
      status: { in: ["ACTIVE", "RETURNED"] },
      cycle: { status: "ACTIVE" },
      OR: [...mine, { step: { assignment: "JOINT", participants: { some: { roleId: { in: roleIds } } } } }],
    },
    select: {
      assignedRoleId: true,
      unitId: true,
      unitName: true,
      meetingAt: true,
      meetingPlace: true,
      id: true,
      status: true,
      stepNumber: true,
      round: true,
      startedAt: true,
      dueAt: true,
      returnReason: true,
      assignedRoleName: true,
      step: { select: { kegiatan: true, kind: true, unitKind: true } },
      cycle: {
        select: {
          id: true,
          year: true,
          period: true,
          unitPlan: true,
          sop: { select: { nomor: true, nama: true } },
        },
      },
    },
    orderBy: { dueAt: "asc" },
    take: 100,
  });
  // Progress of every-unit steps: one more statement for all of them.
  const unitRows = rows.filter((r) => r.unitId);
  const siblings = unitRows.length
    ? await db.cycleTask.findMany({
        where: { agencyId, OR: unitRows.map((r) => ({ cycleId: r.cycle.id, stepNumber: r.stepNumber })) },
        select: { cycleId: true, stepNumber: true, round: true, status: true, unitId: true, id: true },
      })
    : [];
  return rows.map((r) => {
    const participant = !holdsTask(r, { userId, roleIds, roleUnits });
    const units = r.unitId ? (readUnitPlan(r.cycle.unitPlan)[r.stepNumber] ?? []) : null;
    const progress = units
      ? unitProgress(
          { number: r.stepNumber, kind: "PROCESS", units: units.map((u) => u.id) },
          siblings.filter((t) => t.cycleId === r.cycle.id && t.stepNumber === r.stepNumber),
        )
      : null;
    const name = (id: string) => units?.find((u) => u.id === id)?.name ?? "";
    return {
      ...r,
      participant,
      progress: progress && units ? { done: progress.done.length, total: units.length, missing: progress.missing.map(name), kind: r.step.unitKind } : null,
    };
  });
}

export async function listCycles(agencyId: string) {
  return db.measurementCycle.findMany({
    where: { agencyId },
    select: {
      id: true,
      year: true,
      period: true,
      status: true,
      startedAt: true,
      completedAt: true,
      sop: { select: { id: true, nomor: true, nama: true, version: true } },
      tasks: {
        where: { status: { in: ["ACTIVE", "RETURNED"] } },
        select: { stepNumber: true, status: true, dueAt: true, assignedRoleName: true },
      },
    },
    orderBy: [{ year: "desc" }, { period: "desc" }, { startedAt: "desc" }],
    take: 200,
  });
}

/** Active SOPs the cycle start form offers, with step 1's executor role. */
export async function listStartableSops(agencyId: string) {
  return db.sop.findMany({
    where: { agencyId, status: "ACTIVE" },
    select: { id: true, nomor: true, nama: true, version: true, steps: { where: { number: 1 }, select: { executorRoleId: true, executorRole: { select: { name: true } } } } },
    orderBy: { nomor: "asc" },
  });
}

export async function getCycle(agencyId: string, cycleId: string) {
  return db.measurementCycle.findFirst({
    where: { id: cycleId, agencyId },
    select: {
      ...CYCLE_HEADER_SELECT,
      sop: {
        select: {
          id: true,
          nomor: true,
          nama: true,
          version: true,
          status: true,
          measuresPerformance: true,
          steps: {
            orderBy: { number: "asc" },
            select: {
              id: true,
              number: true,
              kegiatan: true,
              kind: true,
              kelengkapan: true,
              waktuJumlah: true,
              waktuSatuan: true,
              output: true,
              yesStepNumber: true,
              noStepNumber: true,
              executorRole: { select: { id: true, code: true, name: true, sortOrder: true } },
              participants: { select: { roleId: true, role: { select: { code: true, name: true } } } },
              assignment: true,
              unitKind: true,
            },
          },
        },
      },
      tasks: { orderBy: [...TASK_HISTORY_ORDER], select: TASK_HISTORY_SELECT },
    },
  });
}

export type TLoadedCycle = NonNullable<Awaited<ReturnType<typeof getCycle>>>;

/** A cycle of {@link getCycle} as the task rules read it. */
export function ruleStateOf(cycle: TLoadedCycle): TRuleState {
  return {
    cycleStatus: cycle.status,
    measuresPerformance: measuresPerformance(cycle.sop),
    steps: cycle.sop.steps.map((s) => ({
      number: s.number,
      kind: s.kind,
      yesStepNumber: s.yesStepNumber,
      noStepNumber: s.noStepNumber,
      output: s.output,
      kelengkapan: s.kelengkapan,
      executorRoleId: s.executorRole.id,
      executorRoleName: s.executorRole.name,
      assignment: s.assignment,
      units: readUnitPlan(cycle.unitPlan)[s.number]?.map((u) => u.id) ?? null,
      participantRoleIds: s.participants.map((p) => p.roleId),
    })),
    tasks: cycle.tasks.map((t) => ({
      id: t.id,
      unitId: t.unitId,
      unitName: t.unitName,
      invitedAt: t.invitedAt,
      returnedFromTaskId: t.returnedFromTaskId,
      stepNumber: t.stepNumber,
      round: t.round,
      status: t.status,
      assignedRoleId: t.assignedRoleId,
      completedById: t.completedBy?.id ?? null,
    })),
  };
}

/**
 * The cycle page's offer: the open task and what this member may do with it
 * now, each action with what it requires, or why nothing. The same rules and
 * the same facts as the server's judgement (lib/cycle/service.ts actOnTask),
 * behind the same door permission as the action (cycle.act). Null when no
 * task is open.
 */
export async function openTaskOptions(
  ctx: Pick<AgencyContext, "agency" | "user" | "roles" | "readOnly" | "can">,
  cycle: TLoadedCycle,
): Promise<TTaskOptions | null> {
  const opens = cycle.status === "ACTIVE" ? cycle.tasks.filter((t) => t.status === "ACTIVE" || t.status === "RETURNED") : [];
  if (opens.length === 0) return null;
  if (ctx.readOnly || !ctx.can("cycle.act")) {
    return { taskId: opens[0]!.id, assignee: false, offers: [], refusal: { code: "FORBIDDEN", message: t.errors.forbidden }, withheld: [] };
  }
  const roleIds = ctx.roles.map((r) => r.id);
  // An every-unit step has a sub-task per unit open at once: the member's is the one of their unit.
  const roleUnits = opens.some((o) => o.unitId) ? await memberRoleUnits(db, ctx.agency.id, ctx.user.id, new Date()) : [];
  const member = { userId: ctx.user.id, roleIds, roleUnits };
  const open = opens.find((o) => holdsTask(o, member)) ?? opens[0]!;
  const step = cycle.sop.steps.find((s) => s.number === open.stepNumber);
  if (!step) return null;
  const state = ruleStateOf(cycle);
  // Facts cost a statement or three; they only matter to whoever holds the task's role or is the
  // head (who may archive over unverified realizations), since the rules refuse everyone else
  // before looking at them.
  const concerned = holdsTask(open, member) || ctx.roles.some((r) => r.isHead);
  const facts = concerned
    ? await loadTaskFacts(db, { agencyId: ctx.agency.id, year: cycle.year, period: cycle.period }, state, open.id, member, ctx.agency.settings.allowSelfApproval)
    : { allowSelfApproval: ctx.agency.settings.allowSelfApproval, pendingRealizations: null, archive: null, memberIsHead: false };
  return taskOptions(state, open.id, member, facts);
}

/** Step kinds that show the period's measurement when they follow the realization input. */
const RECAP_STEP_KINDS: readonly TStepKind[] = ["DRAFT", "REVIEW", "APPROVAL", "UPLOAD", "ARCHIVE"];

/**
 * Everything the cycle page shows, read here rather than in its components:
 * the cycle, the open task's options for this member, and the period's
 * measurement (the Perjanjian Kinerja) when the open step compiles, reviews,
 * approves, uploads or archives it (the steps after the realization input), or
 * the cycle is completed. Null when the cycle is not this agency's.
 */
/**
 * `recapOpened`: the recap is read only when its fold is opened (`?buka=rekap`);
 * otherwise `recapDeferred` (docs/decisions/027-lazy-cycle-page.md).
 */
export async function loadCyclePage(
  ctx: Pick<AgencyContext, "agency" | "user" | "roles" | "readOnly" | "can">,
  cycleId: string,
  { recapOpened = true }: { recapOpened?: boolean } = {},
) {
  const cycle = await getCycle(ctx.agency.id, cycleId);
  if (!cycle) return null;
  const steps = cycle.sop.steps;
  const open = cycle.status === "ACTIVE" ? cycle.tasks.find((t) => t.status === "ACTIVE" || t.status === "RETURNED") : undefined;
  const openStep = open && steps.find((s) => s.number === open.stepNumber);
  const firstInput = steps.find((s) => s.kind === "INPUT")?.number ?? 0;
  const recapStep = openStep && RECAP_STEP_KINDS.includes(openStep.kind) && openStep.number > firstInput ? openStep : undefined;
  // The Perjanjian Kinerja panel belongs to SOPs that measure performance; others show their own outputs.
  const measures = measuresPerformance(cycle.sop);
  const showRecap = measures && (Boolean(recapStep) || cycle.status === "COMPLETED");
  const options = await openTaskOptions(ctx, cycle);
  // The recap is folded: read when the fold is opened.
  const recapDeferred = showRecap && !recapOpened;
  // A decision is taken on a snapshot of what it decides on: the page shows it and the form sends its hash back.
  const decisionTask = options && openStep && isDecisionKind(openStep.kind) ? options.taskId : null;
  const [agreement, built] = await Promise.all([
    showRecap && !recapDeferred ? loadAgreement(ctx.agency.id, cycle.year) : null,
    decisionTask ? buildDecisionSnapshot(db, ctx.agency.id, cycle.id, decisionTask) : null,
  ]);
  const snapshot: TCycleSnapshot | null = built ? { ...built, approvalRefusal: snapshotApprovalRefusal(built.content, ctx.agency.settings) } : null;
  return {
    cycle,
    options,
    snapshot,
    measuresPerformance: measures,
    recap: agreement ? { agreement, step: recapStep ? { kind: recapStep.kind, kegiatan: recapStep.kegiatan } : null } : null,
    /** The recap exists but was not read (folded under the task panel). */
    recapDeferred,
    /** The open step or the finished cycle shows the period's recap (folded under a task panel). */
    recapExpected: showRecap,
    recapStep: recapStep ? { kind: recapStep.kind, kegiatan: recapStep.kegiatan } : null,
  };
}
export type TCyclePage = NonNullable<Awaited<ReturnType<typeof loadCyclePage>>>;

export const countUnreadNotifications = cache(async (userId: string, agencyId: string) =>
  db.notification.count({ where: { userId, agencyId, readAt: null } }),
);

export async function listNotifications(userId: string, agencyId: string) {
  return db.notification.findMany({
    where: { userId, agencyId },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      readAt: true,
      createdAt: true,
      cycleId: true,
      doneAt: true,
      cycle: { select: { period: true, year: true, sop: { select: { nomor: true, nama: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
