import "server-only";

import type { DbTx } from "@/lib/db/client";

import type { TActingKind } from "./acting";

export interface TActingCapacity {
  appointmentId: string;
  kind: TActingKind;
  decreeNumber: string;
}

export interface TRoleHolding {
  userId: string;
  role: { id: string; code: string; name: string; isHead: boolean; sortOrder: number };
  /** Held through a Plt./Plh. appointment in force (and not also through a membership); null otherwise. */
  acting: TActingCapacity | null;
}

const ROLE_SELECT = { id: true, code: true, name: true, isHead: true, sortOrder: true } as const;

/**
 * THE answer to "who holds role R in agency A at time T" (and its inverse,
 * "which roles does user U hold in A at T"): every place that routes work or
 * grants by role reads it here — the agency context (permissions, the inbox),
 * the notification recipients of a new task, the acting capacity recorded on
 * a task. A holding is
 * - an active membership of an active user, unexpired at T; or
 * - an acting appointment (Plt./Plh.) in force at T (started, not yet at its
 *   end date, not ended early), of a user who is an active member of A at T.
 * An appointment ends by itself: the comparison with T is made on every read,
 * no job needed. A user holding a role both ways holds it as themselves.
 */
export async function roleHoldings(tx: DbTx, q: { agencyId: string; roleId?: string; userId?: string; at: Date }): Promise<TRoleHolding[]> {
  const [memberships, appointments] = await Promise.all([
    tx.membership.findMany({
      where: { agencyId: q.agencyId, roleId: q.roleId, userId: q.userId, ...activeMembershipWhere(q.at), user: { active: true } },
      select: HOLDING_MEMBERSHIP_SELECT,
    }),
    tx.actingAppointment.findMany({
      where: {
        agencyId: q.agencyId,
        roleId: q.roleId,
        userId: q.userId,
        ...appointmentInForceWhere(q.at),
        user: { active: true, memberships: { some: { agencyId: q.agencyId, ...activeMembershipWhere(q.at) } } },
      },
      select: HOLDING_APPOINTMENT_SELECT,
      orderBy: { startsAt: "asc" },
    }),
  ]);
  return combineHoldings(memberships, appointments);
}

/** A membership that grants its role at `at`. */
export const activeMembershipWhere = (at: Date) => ({ active: true, OR: [{ validUntil: null }, { validUntil: { gt: at } }] });
/** An acting appointment in force at `at` (started, not at its end, not ended early). */
export const appointmentInForceWhere = (at: Date) => ({ endedAt: null, startsAt: { lte: at }, endsAt: { gt: at } });
export const HOLDING_MEMBERSHIP_SELECT = { userId: true, role: { select: ROLE_SELECT } } as const;
export const HOLDING_APPOINTMENT_SELECT = { id: true, userId: true, kind: true, decreeNumber: true, role: { select: ROLE_SELECT } } as const;

/**
 * The holdings of memberships and appointments read with the clauses above
 * (appointments by start, earliest first): a user holding a role both ways
 * holds it as themselves. The agency context reads both in its own statement
 * (lib/authz/context.ts) and combines them here, so both places agree.
 */
export function combineHoldings(
  memberships: readonly { userId: string; role: TRoleHolding["role"] }[],
  appointments: readonly { id: string; userId: string; kind: TActingKind; decreeNumber: string; role: TRoleHolding["role"] }[],
): TRoleHolding[] {
  const held = new Map<string, TRoleHolding>();
  for (const m of memberships) held.set(`${m.userId}:${m.role.id}`, { userId: m.userId, role: m.role, acting: null });
  for (const a of appointments) {
    const key = `${a.userId}:${a.role.id}`;
    if (!held.has(key)) held.set(key, { userId: a.userId, role: a.role, acting: { appointmentId: a.id, kind: a.kind, decreeNumber: a.decreeNumber } });
  }
  return [...held.values()];
}

/** The users holding the role at `at` (members and acting officials), once each. */
export async function holdersOfRole(tx: DbTx, agencyId: string, roleId: string, at: Date): Promise<string[]> {
  // roleHoldings' two reads, with its clauses, as one statement (relation joins): a transition opening a
  // task asks this once (decision 049). Members first, then acting officials by start, as combineHoldings.
  const role = await tx.role.findFirst({
    where: { id: roleId, agencyId },
    select: {
      memberships: { where: { agencyId, ...activeMembershipWhere(at), user: { active: true } }, select: { userId: true } },
      actingAppointments: {
        where: { agencyId, ...appointmentInForceWhere(at), user: { active: true, memberships: { some: { agencyId, ...activeMembershipWhere(at) } } } },
        select: { userId: true },
        orderBy: { startsAt: "asc" },
      },
    },
  });
  if (!role) return [];
  return [...new Set([...role.memberships, ...role.actingAppointments].map((h) => h.userId))];
}
