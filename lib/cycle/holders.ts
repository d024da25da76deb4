import "server-only";

import type { DbTx } from "@/lib/db/client";
import { holdersOfRole, roleHoldings } from "@/lib/role/holders";

/**
 * Who holds a role, as the cycle needs it: the members a task goes to, the
 * unit members an every-unit sub-task goes to, the participants of a joint
 * step, and the roles (by unit) of the member acting. All of it reads the one
 * source, lib/role/holders.ts, so acting officials (Plt./Plh.) count wherever
 * members do. A holder's unit is the unit of the membership through which
 * they hold the role; an acting official's is their own unit in the agency.
 */

/** Members and acting officials holding a role (anywhere in the agency). */
export async function roleHolders(tx: DbTx, agencyId: string, roleId: string, now: Date): Promise<string[]> {
  return holdersOfRole(tx, agencyId, roleId, now);
}

async function unitsOf(tx: DbTx, agencyId: string, userIds: readonly string[], now: Date) {
  if (userIds.length === 0) return [];
  return tx.membership.findMany({
    where: { agencyId, userId: { in: [...userIds] }, active: true, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    select: { userId: true, roleId: true, unitId: true },
  });
}

/** Holders of a role in each unit: unit id -> user ids (units with none are absent). */
export async function unitRoleHolders(tx: DbTx, agencyId: string, roleId: string, unitIds: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const holdings = await roleHoldings(tx, { agencyId, roleId, at: now });
  const memberships = await unitsOf(tx, agencyId, [...new Set(holdings.map((h) => h.userId))], now);
  const wanted = new Set(unitIds);
  const byUnit = new Map<string, string[]>();
  for (const h of holdings) {
    const units = memberships.filter((m) => m.userId === h.userId && (h.acting ? true : m.roleId === roleId)).map((m) => m.unitId);
    for (const unitId of new Set(units)) {
      if (!unitId || !wanted.has(unitId)) continue;
      const list = byUnit.get(unitId) ?? [];
      if (!list.includes(h.userId)) list.push(h.userId);
      byUnit.set(unitId, list);
    }
  }
  return byUnit;
}

/** The holders of any of the roles, with their names, in role order then name (a joint step's participants). */
export async function holdersOfRoles(tx: DbTx, agencyId: string, roleIds: readonly string[], now: Date) {
  if (roleIds.length === 0) return [];
  const holdings = (await Promise.all(roleIds.map((roleId) => roleHoldings(tx, { agencyId, roleId, at: now })))).flat();
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(holdings.map((h) => h.userId))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const sorted = [...holdings].sort(
    (a, b) => a.role.sortOrder - b.role.sortOrder || (names.get(a.userId) ?? "").localeCompare(names.get(b.userId) ?? "", "id"),
  );
  const seen = new Map<string, { userId: string; name: string; roleName: string }>();
  for (const h of sorted) if (!seen.has(h.userId)) seen.set(h.userId, { userId: h.userId, name: names.get(h.userId) ?? "", roleName: h.role.name });
  return [...seen.values()];
}

/** The roles a member holds now (acting ones included), with the unit of each. */
export async function memberRoleUnits(tx: DbTx, agencyId: string, userId: string, now: Date): Promise<{ roleId: string; unitId: string | null }[]> {
  const holdings = await roleHoldings(tx, { agencyId, userId, at: now });
  const memberships = await unitsOf(tx, agencyId, [userId], now);
  const ownUnit = memberships.find((m) => m.unitId)?.unitId ?? null;
  return holdings.map((h) => ({
    roleId: h.role.id,
    unitId: h.acting ? ownUnit : (memberships.find((m) => m.roleId === h.role.id)?.unitId ?? null),
  }));
}
