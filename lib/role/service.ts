import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { readAgencySettings } from "@/lib/agency/settings";
import { conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import type { TDesignatablePermission } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

import { designatedCapabilities, isReservedRole, withCapabilities } from "./capabilities";
import { roleCodeFromName } from "./code";
import { ROLE_MESSAGES as M } from "./messages";
import type { ZCreateRole, ZRenameRole, ZReorderRoles, ZRoleRef, ZSetRoleCapabilities } from "./schemas";
import type { z } from "zod";

/**
 * The agency's roles: the executors of its SOP steps and the holders of its
 * permissions. Codes are generated from names and never change; names,
 * order, the head flag (one per agency) and the designated capabilities are
 * the administrator's to change; a role is deleted only when nothing uses it.
 * Each change is one transaction with its audit event (the caller's, when
 * it passes `outer`).
 */
export interface RoleActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function loadRole(tx: DbTx, agencyId: string, roleId: string) {
  const role = await tx.role.findFirst({ where: { id: roleId, agencyId }, select: { id: true, code: true, name: true, isHead: true, sortOrder: true } });
  if (!role) throw notFoundError(M.notFound);
  return role;
}

async function assertNameFree(tx: DbTx, agencyId: string, name: string, exceptRoleId?: string) {
  const taken = await tx.role.findFirst({
    where: { agencyId, name: { equals: name, mode: "insensitive" }, ...(exceptRoleId ? { id: { not: exceptRoleId } } : {}) },
    select: { id: true },
  });
  if (taken) throw invalidError(M.nameTaken(name), { name: [M.nameTaken(name)] });
}

/** Reads, changes and writes back the agency's designations, guarded against a concurrent settings change. */
async function updateDesignations(
  tx: DbTx,
  agencyId: string,
  change: (designations: Partial<Record<TDesignatablePermission, readonly string[]>>) => Partial<Record<TDesignatablePermission, string[]>>,
) {
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true, updatedAt: true } });
  const raw = agency.settings && typeof agency.settings === "object" && !Array.isArray(agency.settings) ? (agency.settings as Record<string, unknown>) : {};
  const permissions = change(readAgencySettings(raw).permissions);
  const updated = await tx.agency.updateMany({
    where: { id: agencyId, updatedAt: agency.updatedAt },
    data: { settings: { ...raw, permissions } as Prisma.InputJsonObject },
  });
  if (updated.count !== 1) throw conflictError();
}

/** Unsets the current head (if another role): returns it for the audit trail. */
async function clearHead(tx: DbTx, agencyId: string, exceptRoleId: string | null) {
  const current = await tx.role.findFirst({ where: { agencyId, isHead: true, ...(exceptRoleId ? { id: { not: exceptRoleId } } : {}) }, select: { id: true, code: true } });
  if (current) await tx.role.update({ where: { id: current.id }, data: { isHead: false } });
  return current;
}

async function recordHeadMoved(tx: DbTx, previous: { id: string; code: string } | null, { agencyId, actor, meta }: RoleActor) {
  if (!previous) return;
  await recordAudit(
    tx,
    { action: "role.update", entityType: "Role", entityId: previous.id, data: { code: previous.code, changes: { isHead: { before: true, after: false } } } },
    { agencyId, actor, meta },
  );
}

/**
 * Runs a role change. Two administrators saving at the same moment both pass
 * the checks; the unique indexes (name, code, one head) decide, and the loser
 * gets the Indonesian refusal: the name is taken, or the data just changed.
 */
async function guarded<T>(agencyId: string, name: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (name && (await db.role.count({ where: { agencyId, name: { equals: name, mode: "insensitive" } } })) > 0) {
      throw invalidError(M.nameTaken(name), { name: [M.nameTaken(name)] });
    }
    throw conflictError();
  }
}

export async function createRole(input: z.output<typeof ZCreateRole>, ctx: RoleActor, outer?: DbTx) {
  const { agencyId, actor, meta } = ctx;
  return guarded(agencyId, input.name, () =>
    inTransaction(outer, async (tx) => {
      await assertNameFree(tx, agencyId, input.name);
      const existing = await tx.role.findMany({ where: { agencyId }, select: { code: true, sortOrder: true } });
      const code = roleCodeFromName(input.name, existing.map((r) => r.code));
      const sortOrder = Math.max(-1, ...existing.filter((r) => !isReservedRole(r.code)).map((r) => r.sortOrder)) + 1;
      const previousHead = input.isHead ? await clearHead(tx, agencyId, null) : null;
      const role = await tx.role.create({
        data: { agencyId, code, name: input.name, isHead: input.isHead, sortOrder },
        select: { id: true, code: true, name: true, isHead: true },
      });
      await recordHeadMoved(tx, previousHead, ctx);
      await recordAudit(
        tx,
        { action: "role.create", entityType: "Role", entityId: role.id, data: { code, name: role.name, isHead: role.isHead } },
        { agencyId, actor, meta },
      );
      if (input.capabilities.length) {
        await updateDesignations(tx, agencyId, (d) => withCapabilities(d, code, input.capabilities));
        await recordAudit(
          tx,
          { action: "role.update", entityType: "Role", entityId: role.id, data: { code, changes: { permissions: { before: [], after: input.capabilities } } } },
          { agencyId, actor, meta },
        );
      }
      return role;
    }),
  );
}

/** Renames a role; its code, its steps, tasks and memberships stay. Tasks keep the name they opened with. */
export async function renameRole(input: z.output<typeof ZRenameRole>, ctx: RoleActor, outer?: DbTx) {
  const { agencyId, actor, meta } = ctx;
  return guarded(agencyId, input.name, () =>
    inTransaction(outer, async (tx) => {
      const role = await loadRole(tx, agencyId, input.roleId);
      if (isReservedRole(role.code)) throw invalidError(M.reservedLocked);
      if (role.name === input.name) return { changed: false };
      await assertNameFree(tx, agencyId, input.name, role.id);
      const updated = await tx.role.updateMany({ where: { id: role.id, agencyId, name: role.name }, data: { name: input.name } });
      if (updated.count !== 1) throw conflictError();
      await recordAudit(
        tx,
        { action: "role.update", entityType: "Role", entityId: role.id, data: { code: role.code, changes: { name: { before: role.name, after: input.name } } } },
        { agencyId, actor, meta },
      );
      return { changed: true };
    }),
  );
}

/** Makes a role the agency's head (the one that signs and activates SOPs); the previous head stops being it. */
export async function setHeadRole(input: z.output<typeof ZRoleRef>, ctx: RoleActor, outer?: DbTx) {
  const { agencyId, actor, meta } = ctx;
  return guarded(agencyId, null, () =>
    inTransaction(outer, async (tx) => {
      const role = await loadRole(tx, agencyId, input.roleId);
      if (isReservedRole(role.code)) throw invalidError(M.reservedLocked);
      if (role.isHead) throw invalidError(M.alreadyHead);
      const previous = await clearHead(tx, agencyId, role.id);
      await tx.role.update({ where: { id: role.id }, data: { isHead: true } });
      await recordHeadMoved(tx, previous, ctx);
      await recordAudit(
        tx,
        { action: "role.update", entityType: "Role", entityId: role.id, data: { code: role.code, changes: { isHead: { before: false, after: true } } } },
        { agencyId, actor, meta },
      );
    }),
  );
}

/** Exactly the agency's own roles, in the order given (the reserved roles stay last). */
export async function reorderRoles(input: z.output<typeof ZReorderRoles>, { agencyId, actor, meta }: RoleActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const roles = await tx.role.findMany({ where: { agencyId }, select: { id: true, code: true, sortOrder: true }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
    const own = roles.filter((r) => !isReservedRole(r.code));
    const ids = new Set(input.roleIds);
    // An id that is not one of the agency's own roles (another agency's included) is "not found".
    if (input.roleIds.some((id) => !own.some((r) => r.id === id))) throw notFoundError(M.notFound);
    if (ids.size !== input.roleIds.length || ids.size !== own.length || own.some((r) => !ids.has(r.id))) throw invalidError(M.orderMismatch);
    const byId = new Map(own.map((r) => [r.id, r]));
    for (const [i, id] of input.roleIds.entries()) {
      if (byId.get(id)!.sortOrder !== i) await tx.role.update({ where: { id }, data: { sortOrder: i } });
    }
    await recordAudit(
      tx,
      {
        action: "role.reorder",
        entityType: "Agency",
        entityId: agencyId,
        data: { order: { before: own.map((r) => r.code), after: input.roleIds.map((id) => byId.get(id)!.code) } },
      },
      { agencyId, actor, meta },
    );
  });
}

/** What a role may do beyond the static map: the agency's designations for its code. */
export async function setRoleCapabilities(input: z.output<typeof ZSetRoleCapabilities>, { agencyId, actor, meta }: RoleActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const role = await loadRole(tx, agencyId, input.roleId);
    if (isReservedRole(role.code)) throw invalidError(M.reservedNoCapabilities);
    const { settings } = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true } });
    const before = designatedCapabilities(role.code, readAgencySettings(settings).permissions);
    const after = [...input.capabilities].sort();
    if (before.join() === [...after].sort().join()) return { changed: false };
    await updateDesignations(tx, agencyId, (d) => withCapabilities(d, role.code, after));
    await recordAudit(
      tx,
      { action: "role.update", entityType: "Role", entityId: role.id, data: { code: role.code, changes: { permissions: { before, after } } } },
      { agencyId, actor, meta },
    );
    return { changed: true };
  });
}

const listed = (items: string[], total: number) => (total > items.length ? `${items.join(", ")} ${M.more(total - items.length)}` : items.join(", "));

/**
 * Deletes a role nothing uses: no SOP step (as executor or participant, in
 * any version), no cycle task, no membership (active or not). Otherwise the
 * refusal says which, and nothing changes. The role row is locked first, so a
 * membership added meanwhile waits and then fails instead of being deleted with it.
 */
export async function deleteRole(input: z.output<typeof ZRoleRef>, { agencyId, actor, meta }: RoleActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Role" WHERE id = ${input.roleId} AND "agencyId" = ${agencyId} FOR UPDATE`;
    const role = await loadRole(tx, agencyId, input.roleId);
    if (isReservedRole(role.code)) throw invalidError(M.reservedLocked);
    const stepWhere = { OR: [{ executorRoleId: role.id }, { participants: { some: { roleId: role.id } } }] };
    const [stepCount, steps, taskCount, memberCount, members, actingCount] = await Promise.all([
      tx.sopStep.count({ where: stepWhere }),
      tx.sopStep.findMany({ where: stepWhere, select: { number: true, sop: { select: { nomor: true, version: true } } }, orderBy: [{ sop: { nomor: "asc" } }, { number: "asc" }], take: 3 }),
      tx.cycleTask.count({ where: { assignedRoleId: role.id } }),
      tx.membership.count({ where: { roleId: role.id } }),
      tx.membership.findMany({ where: { roleId: role.id }, select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } }, take: 3 }),
      tx.actingAppointment.count({ where: { roleId: role.id } }),
    ]);
    const uses = [
      stepCount ? M.useSteps(stepCount, listed(steps.map((s) => M.stepRef(s.sop.nomor, s.sop.version, s.number)), stepCount)) : null,
      taskCount ? M.useTasks(taskCount) : null,
      memberCount ? M.useMembers(memberCount, listed(members.map((m) => m.user.name), memberCount)) : null,
      actingCount ? `${actingCount} penunjukan Plt./Plh.` : null,
    ].filter((u): u is string => u !== null);
    if (uses.length) throw invalidError(M.inUse(role.name, uses.join("; ")));
    await tx.role.delete({ where: { id: role.id } });
    const { settings } = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true } });
    if (designatedCapabilities(role.code, readAgencySettings(settings).permissions).length) {
      await updateDesignations(tx, agencyId, (d) => withCapabilities(d, role.code, []));
    }
    await recordAudit(
      tx,
      { action: "role.delete", entityType: "Role", entityId: role.id, data: { code: role.code, name: role.name, isHead: role.isHead } },
      { agencyId, actor, meta },
    );
  });
}
