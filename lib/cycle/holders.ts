import "server-only";

import type { DbTx } from "@/lib/db/client";

/**
 * Who holds a role, in one place: the members a task goes to, the unit
 * members an every-unit sub-task goes to, and the roles (by unit) of the
 * member acting. A membership counts while it is active, unexpired and its
 * user active. Acting officials (Plt) are to be counted here too: redirect
 * these functions to the agency's "who holds role R" function when there is one.
 */
const current = (now: Date) => ({ active: true, user: { active: true }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] });

/** Members holding a role (anywhere in the agency). */
export async function roleHolders(tx: DbTx, roleId: string, now: Date): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { roleId, ...current(now) }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}

/** Members of each unit holding a role in it: unit id -> user ids (units with none are absent). */
export async function unitRoleHolders(tx: DbTx, agencyId: string, roleId: string, unitIds: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const rows = await tx.membership.findMany({
    where: { agencyId, roleId, unitId: { in: [...unitIds] }, ...current(now) },
    select: { userId: true, unitId: true },
  });
  const byUnit = new Map<string, string[]>();
  for (const r of rows) if (r.unitId) byUnit.set(r.unitId, [...new Set([...(byUnit.get(r.unitId) ?? []), r.userId])]);
  return byUnit;
}

/** The holders of any of the roles, with their names (a joint step's participants). */
export async function holdersOfRoles(tx: DbTx, agencyId: string, roleIds: readonly string[], now: Date) {
  if (roleIds.length === 0) return [];
  const rows = await tx.membership.findMany({
    where: { agencyId, roleId: { in: [...roleIds] }, ...current(now) },
    select: { userId: true, user: { select: { name: true } }, role: { select: { name: true, sortOrder: true } } },
    orderBy: [{ role: { sortOrder: "asc" } }, { user: { name: "asc" } }],
  });
  const seen = new Map<string, { userId: string; name: string; roleName: string }>();
  for (const r of rows) if (!seen.has(r.userId)) seen.set(r.userId, { userId: r.userId, name: r.user.name, roleName: r.role.name });
  return [...seen.values()];
}

/** The roles a member holds now, with the unit of each. */
export async function memberRoleUnits(tx: DbTx, agencyId: string, userId: string, now: Date) {
  return tx.membership.findMany({ where: { agencyId, userId, ...current(now) }, select: { roleId: true, unitId: true } });
}
