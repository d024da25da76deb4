import type { Prisma } from "@/lib/generated/prisma/client";

/** Every round of every step, as the cycle page, the timeline and the CSV show them. */
export const TASK_HISTORY_SELECT = {
  id: true,
  stepNumber: true,
  round: true,
  status: true,
  outcome: true,
  startedAt: true,
  dueAt: true,
  completedAt: true,
  comment: true,
  outputText: true,
  data: true,
  returnReason: true,
  returnedFromTaskId: true,
  assignedRoleId: true,
  /** The role's name when the task opened (a later rename does not rewrite history). */
  assignedRoleName: true,
  completedBy: { select: { id: true, name: true, nip: true } },
  /** An every-unit step's sub-task: its unit. */
  unitId: true,
  unitName: true,
  /** A joint meeting: the invitation and the attendance. */
  invitedAt: true,
  meetingAt: true,
  meetingPlace: true,
  meetingAgenda: true,
  attendance: { select: { userId: true, name: true, roleName: true, status: true, representedBy: true }, orderBy: { name: "asc" } },
  /** Files attached to the task's output (the work under review shows them to the reviewer). */
  /** Each round's files are a version of the step's output (lib/cycle/file-versions.ts): who uploaded it and when. */
  files: { select: { id: true, originalName: true, size: true, mimeType: true, createdAt: true, uploadedBy: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.CycleTaskSelect;

export const TASK_HISTORY_ORDER = [{ startedAt: "asc" }, { stepNumber: "asc" }, { round: "asc" }] as const satisfies Prisma.CycleTaskOrderByWithRelationInput[];

/** The cycle's own header fields, for its page and its timeline. */
export const CYCLE_HEADER_SELECT = {
  id: true,
  year: true,
  period: true,
  status: true,
  startedAt: true,
  completedAt: true,
  cancelledAt: true,
  cancelReason: true,
  archiveNote: true,
  unitPlan: true,
  startedBy: { select: { name: true, nip: true } },
} as const satisfies Prisma.MeasurementCycleSelect;
