import "server-only";

import { db } from "@/lib/db/client";

/** The role screen: every role in order, with what uses it (one statement). */
export async function listRolesWithUsage(agencyId: string) {
  const roles = await db.role.findMany({
    where: { agencyId },
    select: {
      id: true,
      code: true,
      name: true,
      isHead: true,
      sortOrder: true,
      _count: { select: { memberships: true, sopSteps: true, sopStepParticipations: true, cycleTasks: true } },
    },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
  });
  return roles.map(({ _count, ...r }) => ({
    ...r,
    usage: { members: _count.memberships, steps: _count.sopSteps + _count.sopStepParticipations, tasks: _count.cycleTasks },
  }));
}

/** The agency's active administrators by name: whom a member asks for what only an administrator may do. */
export async function listAgencyAdministrators(agencyId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { agencyId, active: true, role: { code: "ADMIN" }, user: { active: true } },
    select: { user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => r.user.name);
}
