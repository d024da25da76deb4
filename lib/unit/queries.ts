import "server-only";

import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";

import { unitTree } from "./tree";

/** The unit screen: every unit in tree order, with its head, active members and indicators (one statement). */
export async function listUnits(agencyId: string) {
  const units = await db.orgUnit.findMany({
    where: { agencyId },
    select: {
      id: true,
      name: true,
      kind: true,
      parentId: true,
      headTitle: true,
      active: true,
      sortOrder: true,
      headUser: { select: { id: true, name: true } },
      memberships: { where: { active: true, user: { active: true } }, select: { userId: true } },
      _count: { select: { indicators: true } },
    },
  });
  return unitTree(
    units.map(({ memberships, _count, ...u }) => ({ ...u, members: new Set(memberships.map((m) => m.userId)).size, indicators: _count.indicators })),
  );
}

/** Active working members (not read-only auditors), for the unit head and member unit pickers. */
export async function listActiveMembers(agencyId: string) {
  const rows = await db.membership.findMany({
    where: { agencyId, active: true, user: { active: true }, role: { code: { not: AUDITOR_ROLE } } },
    select: { user: { select: { id: true, name: true, jabatan: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return [...new Map(rows.map((r) => [r.user.id, r.user])).values()];
}
