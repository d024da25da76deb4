import "server-only";

import { db } from "@/lib/db/client";

/** The follow-ups made from the evaluation's reviewer notes, by criterion code (decision 036). */
export async function lkeFollowUps(agencyId: string, evaluationId: string) {
  const rows = await db.followUp.findMany({
    where: { agencyId, lkeEvaluationId: evaluationId },
    select: { id: true, lkeCriterionCode: true, status: true, dueDate: true, unit: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return new Map(rows.map((r) => [r.lkeCriterionCode ?? "", { id: r.id, status: r.status, dueDate: r.dueDate.toISOString().slice(0, 10), unitName: r.unit.name }]));
}
