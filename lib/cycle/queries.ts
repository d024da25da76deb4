import "server-only";

import { cache } from "react";

import { CYCLE_HEADER_SELECT, TASK_HISTORY_ORDER, TASK_HISTORY_SELECT } from "@/lib/cycle/selects";
import { db } from "@/lib/db/client";

/** "Tugas saya": open tasks of active cycles assigned to one of the user's roles. */
export async function listMyTasks(agencyId: string, roleIds: string[]) {
  return db.cycleTask.findMany({
    where: { agencyId, status: { in: ["ACTIVE", "RETURNED"] }, assignedRoleId: { in: roleIds }, cycle: { status: "ACTIVE" } },
    select: {
      id: true,
      status: true,
      stepNumber: true,
      round: true,
      startedAt: true,
      dueAt: true,
      returnReason: true,
      assignedRole: { select: { name: true } },
      step: { select: { kegiatan: true, kind: true } },
      cycle: { select: { id: true, year: true, period: true, sop: { select: { nomor: true, nama: true } } } },
    },
    orderBy: { dueAt: "asc" },
    take: 100,
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
        select: { stepNumber: true, status: true, dueAt: true, assignedRole: { select: { name: true } } },
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
              participants: { select: { role: { select: { code: true, name: true } } } },
            },
          },
        },
      },
      tasks: { orderBy: [...TASK_HISTORY_ORDER], select: TASK_HISTORY_SELECT },
    },
  });
}

export const countUnreadNotifications = cache(async (userId: string, agencyId: string) =>
  db.notification.count({ where: { userId, agencyId, readAt: null } }),
);

export async function listNotifications(userId: string, agencyId: string) {
  return db.notification.findMany({
    where: { userId, agencyId },
    select: { id: true, kind: true, title: true, body: true, readAt: true, createdAt: true, cycleId: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
