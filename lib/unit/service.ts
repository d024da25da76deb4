import "server-only";

import { TZDate } from "@date-fns/tz";
import type { z } from "zod";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { AppError, conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { TIME_ZONE_IANA } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";

import { UNIT_MESSAGES as M } from "./messages";
import type { ZCreateUnit, ZSetMemberUnit, ZSetUnitActive, ZUpdateUnit } from "./schemas";

/**
 * Organisational units (Sekretariat > Subbagian, Bidang > Seksi, UPTD) in a
 * tree per agency. Rules: names unique per agency (ignoring case); a parent
 * is an active unit of the same agency and never the unit itself or one of
 * its descendants; at most {@link MAX_DEPTH} levels; the head is an active
 * member; a unit is deactivated only when nothing active depends on it
 * (child units, members, indicators of this year's or a later PK). Tree
 * changes lock the agency's units, so two moves at once cannot make a cycle.
 * Each change is one transaction with its audit event (the caller's, when it
 * passes `outer`).
 */
export const MAX_DEPTH = 5;

export interface UnitActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  now?: Date;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Serialises tree changes of one agency (move, create under a parent, deactivate). */
async function lockTree(tx: DbTx, agencyId: string) {
  await tx.$queryRaw`SELECT id FROM "OrgUnit" WHERE "agencyId" = ${agencyId} ORDER BY id FOR UPDATE`;
}

async function loadUnit(tx: DbTx, agencyId: string, unitId: string) {
  const unit = await tx.orgUnit.findFirst({
    where: { id: unitId, agencyId },
    select: { id: true, name: true, kind: true, parentId: true, headTitle: true, headUserId: true, active: true },
  });
  if (!unit) throw notFoundError(M.notFound);
  return unit;
}

async function assertNameFree(tx: DbTx, agencyId: string, name: string, exceptUnitId?: string) {
  const taken = await tx.orgUnit.findFirst({
    where: { agencyId, name: { equals: name, mode: "insensitive" }, ...(exceptUnitId ? { id: { not: exceptUnitId } } : {}) },
    select: { id: true },
  });
  if (taken) throw invalidError(M.nameTaken(name), { name: [M.nameTaken(name)] });
}

/**
 * The parent must exist in the agency, be active, not be the unit or below
 * it, and keep the tree within MAX_DEPTH levels (counting the unit's own subtree).
 */
async function assertParent(tx: DbTx, agencyId: string, parentId: string | null, unitId: string | null) {
  if (!parentId) return;
  const units = await tx.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true, parentId: true, active: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const parent = byId.get(parentId);
  // Another agency's unit id is "not found", like any unknown id.
  if (!parent) throw new AppError(M.parentNotFound, "NOT_FOUND", { parentId: [M.parentNotFound] });
  if (unitId && parentId === unitId) throw invalidError(M.parentIsSelf, { parentId: [M.parentIsSelf] });
  let depth = 1;
  for (let at: typeof parent | undefined = parent; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (unitId && at.id === unitId) throw invalidError(M.parentIsDescendant(parent.name), { parentId: [M.parentIsDescendant(parent.name)] });
    depth++;
    if (depth > units.length + 1) break; // a cycle already in the data: stop walking
  }
  if (!parent.active) throw invalidError(M.parentInactive, { parentId: [M.parentInactive] });
  // The deepest level below the moved unit.
  let below = 0;
  if (unitId) {
    const children = new Map<string, string[]>();
    for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    const height = (id: string, seen: Set<string>): number =>
      seen.has(id) ? 0 : 1 + Math.max(0, ...(children.get(id) ?? []).map((c) => height(c, new Set([...seen, id]))));
    below = height(unitId, new Set()) - 1;
  }
  if (depth + below > MAX_DEPTH) throw invalidError(M.tooDeep(MAX_DEPTH), { parentId: [M.tooDeep(MAX_DEPTH)] });
}

async function assertHead(tx: DbTx, agencyId: string, headUserId: string | null) {
  if (!headUserId) return;
  if ((await tx.membership.count({ where: { agencyId, userId: headUserId } })) === 0) {
    throw new AppError(M.headNotMember, "NOT_FOUND", { headUserId: [M.headNotMember] });
  }
  const member = await tx.membership.count({
    where: { agencyId, userId: headUserId, active: true, user: { active: true }, role: { code: { not: AUDITOR_ROLE } } },
  });
  if (!member) throw invalidError(M.headNotMember, { headUserId: [M.headNotMember] });
}

async function guarded<T>(agencyId: string, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if ((await db.orgUnit.count({ where: { agencyId, name: { equals: name, mode: "insensitive" } } })) > 0) {
      throw invalidError(M.nameTaken(name), { name: [M.nameTaken(name)] });
    }
    throw conflictError();
  }
}

export async function createUnit(input: z.output<typeof ZCreateUnit>, { agencyId, actor, meta }: UnitActor, outer?: DbTx) {
  return guarded(agencyId, input.name, () =>
    inTransaction(outer, async (tx) => {
      await lockTree(tx, agencyId);
      await assertNameFree(tx, agencyId, input.name);
      await assertParent(tx, agencyId, input.parentId, null);
      await assertHead(tx, agencyId, input.headUserId);
      const last = await tx.orgUnit.aggregate({ where: { agencyId }, _max: { sortOrder: true } });
      const unit = await tx.orgUnit.create({
        data: {
          agencyId,
          name: input.name,
          kind: input.kind,
          parentId: input.parentId,
          headTitle: input.headTitle,
          headUserId: input.headUserId,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
        },
        select: { id: true, name: true },
      });
      await recordAudit(
        tx,
        {
          action: "unit.create",
          entityType: "OrgUnit",
          entityId: unit.id,
          data: { name: input.name, kind: input.kind, parentId: input.parentId, headTitle: input.headTitle, headUserId: input.headUserId },
        },
        { agencyId, actor, meta },
      );
      return unit;
    }),
  );
}

/** Rename, change kind, head position or holder, move under another parent: one audited change. */
export async function updateUnit(input: z.output<typeof ZUpdateUnit>, { agencyId, actor, meta }: UnitActor, outer?: DbTx) {
  return guarded(agencyId, input.name, () =>
    inTransaction(outer, async (tx) => {
      await lockTree(tx, agencyId);
      const unit = await loadUnit(tx, agencyId, input.unitId);
      const next = { name: input.name, kind: input.kind, parentId: input.parentId, headTitle: input.headTitle, headUserId: input.headUserId };
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (unit[key] !== next[key]) changes[key] = { before: unit[key], after: next[key] };
      }
      if (Object.keys(changes).length === 0) return { changed: false };
      if (changes.name) await assertNameFree(tx, agencyId, input.name, unit.id);
      if (changes.parentId) await assertParent(tx, agencyId, input.parentId, unit.id);
      if (changes.headUserId) await assertHead(tx, agencyId, input.headUserId);
      await tx.orgUnit.update({ where: { id: unit.id }, data: next });
      await recordAudit(tx, { action: "unit.update", entityType: "OrgUnit", entityId: unit.id, data: { name: input.name, changes } }, { agencyId, actor, meta });
      return { changed: true };
    }),
  );
}

const listed = (names: string[], total: number) => (total > names.length ? `${names.join(", ")} ${M.more(total - names.length)}` : names.join(", "));

/**
 * Deactivates a unit nothing active depends on, or reactivates one whose
 * parent is active. History stays: past indicators and memberships keep
 * pointing at it.
 */
export async function setUnitActive(input: z.output<typeof ZSetUnitActive>, { agencyId, actor, meta, now = new Date() }: UnitActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    await lockTree(tx, agencyId);
    const unit = await loadUnit(tx, agencyId, input.unitId);
    if (unit.active === input.active) throw invalidError(input.active ? M.alreadyActive : M.alreadyInactive);
    if (input.active) {
      if (unit.parentId) {
        const parent = await tx.orgUnit.findFirst({ where: { id: unit.parentId, agencyId }, select: { active: true } });
        if (!parent?.active) throw invalidError(M.parentInactive);
      }
    } else {
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { timeZone: true } });
      const year = new TZDate(now, TIME_ZONE_IANA[agency.timeZone]).getFullYear();
      const activeMember = { agencyId, unitId: unit.id, active: true, user: { active: true } };
      const [children, memberRows, indicators] = await Promise.all([
        tx.orgUnit.findMany({ where: { agencyId, parentId: unit.id, active: true }, select: { name: true }, orderBy: { name: "asc" } }),
        tx.membership.findMany({ where: activeMember, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } }),
        tx.indicator.count({ where: { agencyId, orgUnitId: unit.id, goal: { agreement: { year: { gte: year } } } } }),
      ]);
      const members = [...new Map(memberRows.map((m) => [m.user.id, m.user.name])).values()];
      const reasons = [
        children.length ? M.hasChildren(children.length, listed(children.slice(0, 3).map((c) => c.name), children.length)) : null,
        members.length ? M.hasMembers(members.length, listed(members.slice(0, 3), members.length)) : null,
        indicators ? M.hasIndicators(indicators, year) : null,
      ].filter((r): r is string => r !== null);
      if (reasons.length) throw invalidError(M.cannotDeactivate(unit.name, reasons.join("; ")));
    }
    const updated = await tx.orgUnit.updateMany({ where: { id: unit.id, agencyId, active: unit.active }, data: { active: input.active } });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      {
        action: input.active ? "unit.reactivate" : "unit.deactivate",
        entityType: "OrgUnit",
        entityId: unit.id,
        data: { name: unit.name, active: { before: unit.active, after: input.active } },
      },
      { agencyId, actor, meta },
    );
  });
}

/** The unit a member works in (null: none); the same on every membership of the user in the agency. */
export async function currentMemberUnitId(tx: DbTx, agencyId: string, userId: string): Promise<string | null> {
  const row = await tx.membership.findFirst({ where: { agencyId, userId, unitId: { not: null } }, select: { unitId: true }, orderBy: { createdAt: "asc" } });
  return row?.unitId ?? null;
}

/** Moves a member to a unit (or none): every one of their memberships in the agency, in one audited change. */
export async function setMemberUnit(input: z.output<typeof ZSetMemberUnit>, { agencyId, actor, meta }: UnitActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const memberships = await tx.membership.findMany({ where: { agencyId, userId: input.userId }, select: { unitId: true } });
    if (memberships.length === 0) throw notFoundError(M.memberNotFound);
    if (input.unitId) {
      const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, agencyId }, select: { active: true } });
      if (!unit) throw new AppError(M.notFound, "NOT_FOUND", { unitId: [M.notFound] });
      if (!unit.active) throw invalidError(M.unitInactive, { unitId: [M.unitInactive] });
    }
    const before = memberships.find((m) => m.unitId)?.unitId ?? null;
    if (memberships.every((m) => m.unitId === input.unitId)) return { changed: false };
    await tx.membership.updateMany({ where: { agencyId, userId: input.userId }, data: { unitId: input.unitId } });
    await recordAudit(
      tx,
      { action: "membership.unit_set", entityType: "User", entityId: input.userId, data: { unitId: { before, after: input.unitId } } },
      { agencyId, actor, meta },
    );
    return { changed: true };
  });
}
