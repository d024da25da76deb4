import "server-only";

import { db } from "@/lib/db/client";
import { clipWords } from "@/lib/format";

import { CYCLE_MESSAGES } from "./messages";

/**
 * Late-task notifications, created when the member next opens the app: open
 * tasks of their roles past their due time get one LATE notification each.
 * Idempotent (unique per user, task and kind), so any number of instances may
 * run it; no timer in the web process. See docs/decisions/008-notifications.md.
 */
export async function ensureLateNotifications(userId: string, agencyId: string, roleIds: string[], now = new Date()) {
  if (roleIds.length === 0) return;
  const overdue = await db.cycleTask.findMany({
    where: {
      agencyId,
      status: { in: ["ACTIVE", "RETURNED"] },
      assignedRoleId: { in: roleIds },
      dueAt: { lt: now },
      cycle: { status: "ACTIVE" },
      notifications: { none: { userId, kind: "LATE" } },
    },
    select: { id: true, cycleId: true, stepNumber: true, step: { select: { kegiatan: true } } },
    take: 50,
  });
  if (overdue.length === 0) return;
  await db.notification.createMany({
    data: overdue.map((task) => ({
      agencyId,
      userId,
      kind: "LATE" as const,
      cycleId: task.cycleId,
      taskId: task.id,
      title: CYCLE_MESSAGES.notifyLate(task.stepNumber, clipWords(task.step.kegiatan, 120)),
    })),
    skipDuplicates: true,
  });
}
