/**
 * What a task_alert job does (docs/decisions/015-job-queue.md): remind the
 * step's role at 50% and 75% of the standard, flag it late at the due time,
 * escalate to the head of the owner's unit at the due time and to the agency
 * head at twice the standard. Exactly once: the TaskAlert row (unique per task
 * and kind) is inserted first in the same transaction; a duplicate or retried
 * job finds it and does nothing. A task done (or a cycle closed) before the
 * job runs gets nothing. Every notification names the cycle and its period.
 */
import "server-only";

import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import type { TAlertKind } from "@/lib/cycle/working-time";
import { db, type DbTx } from "@/lib/db/client";
import { clipWords } from "@/lib/format";
import { holdersOfRole } from "@/lib/role/holders";

import { requestEmailDelivery } from "./queue";

const M = CYCLE_MESSAGES;

export type TAlertOutcome = "sent" | "duplicate" | "settled" | "missing";

/** Who hears of an alert: the step's role (reminders, late), the unit heads, or the agency head. */
async function recipients(tx: DbTx, task: { agencyId: string; assignedRoleId: string }, kind: TAlertKind, now: Date): Promise<string[]> {
  // Role holders come from the one source (lib/role/holders.ts): acting officials (Plt./Plh.) included.
  const ownerIds = new Set(await holdersOfRole(tx, task.agencyId, task.assignedRoleId, now));
  const agencyHeads = async () => {
    const heads = await tx.role.findMany({ where: { agencyId: task.agencyId, isHead: true }, select: { id: true } });
    const ids = new Set<string>();
    for (const head of heads) for (const id of await holdersOfRole(tx, task.agencyId, head.id, now)) ids.add(id);
    return [...ids].filter((id) => !ownerIds.has(id));
  };
  if (kind === "DUE_SOON_50" || kind === "DUE_SOON_75" || kind === "LATE") return [...ownerIds];
  if (kind === "ESCALATED_HEAD") return agencyHeads();
  // ESCALATED: the heads of the owners' units; none (no unit, vacant, or the owner heads it) -> the agency head.
  const memberships = ownerIds.size
    ? await tx.membership.findMany({
        where: { agencyId: task.agencyId, userId: { in: [...ownerIds] }, active: true, unitId: { not: null } },
        select: { unitId: true },
      })
    : [];
  const unitIds = [...new Set(memberships.map((m) => m.unitId!))];
  const units = unitIds.length
    ? await tx.orgUnit.findMany({
        where: { id: { in: unitIds }, agencyId: task.agencyId, headUserId: { not: null }, headUser: { active: true } },
        select: { headUserId: true },
      })
    : [];
  const heads = [...new Set(units.map((u) => u.headUserId!))].filter((id) => !ownerIds.has(id));
  return heads.length ? heads : agencyHeads();
}

function titleOf(kind: TAlertKind, step: { number: number; kegiatan: string }, cycle: string) {
  const kegiatan = clipWords(step.kegiatan, 120);
  switch (kind) {
    case "DUE_SOON_50":
      return M.notifyDueSoon(50, step.number, kegiatan, cycle);
    case "DUE_SOON_75":
      return M.notifyDueSoon(75, step.number, kegiatan, cycle);
    case "LATE":
      return M.notifyLate(step.number, kegiatan, cycle);
    case "ESCALATED":
      return M.notifyEscalated(step.number, kegiatan, cycle);
    case "ESCALATED_HEAD":
      return M.notifyEscalatedHead(step.number, kegiatan, cycle);
  }
}

/** The cycle as people name it: "SOP 01/2025 Pengukuran Kinerja · Triwulan I 2026". */
export function cycleLabel(cycle: { year: number; period: keyof typeof M.periods; sop: { nomor: string; nama: string } }) {
  return `${cycle.sop.nomor} ${cycle.sop.nama.slice(0, 80)} · ${M.periods[cycle.period]} ${cycle.year}`;
}

export async function runTaskAlert(taskId: string, kind: TAlertKind, now: Date = new Date()): Promise<TAlertOutcome> {
  let notified = false;
  const outcome = await db.$transaction(async (tx): Promise<TAlertOutcome> => {
    const task = await tx.cycleTask.findUnique({
      where: { id: taskId },
      select: {
        id: true,
        agencyId: true,
        cycleId: true,
        status: true,
        assignedRoleId: true,
        dueAt: true,
        stepNumber: true,
        step: { select: { number: true, kegiatan: true } },
        cycle: { select: { status: true, year: true, period: true, sop: { select: { nomor: true, nama: true } } } },
      },
    });
    if (!task) return "missing";
    if (!["ACTIVE", "RETURNED"].includes(task.status) || task.cycle.status !== "ACTIVE") return "settled";
    // The claim: the unique key (task, kind) lets exactly one job through, however many workers run it.
    const claimed = await tx.$executeRaw`
      INSERT INTO "TaskAlert" ("id", "taskId", "kind", "createdAt")
      VALUES (${`${taskId}:${kind}`}, ${taskId}, ${kind}::"TaskAlertKind", ${now}::timestamptz)
      ON CONFLICT ("taskId", "kind") DO NOTHING`;
    if (claimed === 0) return "duplicate";
    const users = await recipients(tx, task, kind, now);
    const title = titleOf(kind, task.step, cycleLabel(task.cycle));
    if (users.length) {
      await tx.notification.createMany({
        data: users.map((userId) => ({ agencyId: task.agencyId, userId, kind, cycleId: task.cycleId, taskId: task.id, title, createdAt: now })),
        skipDuplicates: true,
      });
      notified = true;
    }
    await tx.taskAlert.update({ where: { taskId_kind: { taskId, kind } }, data: { notified: users.length } });
    return "sent";
  });
  // After the commit: the debounced job row is shared by every writer (lib/jobs/email-nudge.ts).
  if (notified) await requestEmailDelivery(db, now);
  return outcome;
}
