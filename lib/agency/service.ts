import "server-only";

import { hashPassword } from "@/lib/auth/password";
import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { ADMIN_ROLE, AUDITOR_ROLE } from "@/lib/authz/permissions";
import { AppError, conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { t } from "@/lib/i18n";

import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";

import { TIME_ZONE_IANA } from "@/lib/format";

import { currentMemberUnitId } from "@/lib/unit/service";
import { UNIT_MESSAGES } from "@/lib/unit/messages";

import { lockAgencyAdmins } from "./admins";
import type { ZAddMember, ZCreateGovernment, ZGrantAuditor, ZSetMemberActive, ZSetMemberRoles } from "./schemas";
import type { z } from "zod";

interface Actor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

async function rolesByCode(tx: DbTx, agencyId: string, codes: string[]) {
  const roles = await tx.role.findMany({ where: { agencyId, code: { in: codes } }, select: { id: true, code: true } });
  if (roles.length !== codes.length) {
    const known = new Set(roles.map((r) => r.code));
    const unknown = codes.filter((c) => !known.has(c));
    throw invalidError(t.errors.invalidInput, { roleCodes: [`Peran tidak dikenal: ${unknown.join(", ")}`] });
  }
  return roles;
}

export async function addMember(input: z.output<typeof ZAddMember>, { agencyId, actor, meta }: Actor, tx?: DbTx) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(tx, async (tx) => {
    const roles = await rolesByCode(tx, agencyId, input.roleCodes);
    if (input.unitId) {
      const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, agencyId }, select: { active: true } });
      if (!unit) throw new AppError(UNIT_MESSAGES.notFound, "NOT_FOUND", { unitId: [UNIT_MESSAGES.notFound] });
      if (!unit.active) throw invalidError(UNIT_MESSAGES.unitInactive, { unitId: [UNIT_MESSAGES.unitInactive] });
    }
    let user = await tx.user.findUnique({ where: { nip: input.nip }, select: { id: true, nip: true, name: true } });
    if (user) {
      const existing = await tx.membership.count({ where: { agencyId, userId: user.id } });
      if (existing > 0) throw invalidError(t.members.alreadyMember, { nip: [t.members.alreadyMember] });
    } else {
      if (!input.name || !passwordHash) {
        throw invalidError(t.members.passwordNeeded, {
          ...(input.name ? {} : { name: [t.errors.required] }),
          ...(passwordHash ? {} : { password: [t.errors.required] }),
        });
      }
      if (input.email && (await tx.user.count({ where: { email: input.email } })) > 0) {
        throw invalidError(t.members.emailTaken, { email: [t.members.emailTaken] });
      }
      user = await tx.user.create({
        data: {
          nip: input.nip,
          name: input.name,
          email: input.email ?? null,
          gelarDepan: input.gelarDepan ?? null,
          gelarBelakang: input.gelarBelakang ?? null,
          jabatan: input.jabatan ?? null,
          pangkat: input.pangkat ?? null,
          passwordHash,
          // The administrator chose this password: the member replaces it at first sign-in (/ganti-sandi).
          mustChangePassword: true,
        },
        select: { id: true, nip: true, name: true },
      });
      await recordAudit(
        tx,
        { action: "user.create", entityType: "User", entityId: user.id, data: { after: { nip: user.nip, name: user.name } } },
        { agencyId, actor, meta },
      );
    }
    await tx.membership.createMany({ data: roles.map((r) => ({ userId: user.id, agencyId, roleId: r.id, unitId: input.unitId })) });
    await recordAudit(
      tx,
      {
        action: "membership.roles_set",
        entityType: "User",
        entityId: user.id,
        data: { nip: user.nip, roles: { before: [], after: input.roleCodes } },
      },
      { agencyId, actor, meta },
    );
    return { userId: user.id };
  });
}

export async function setMemberRoles(input: z.output<typeof ZSetMemberRoles>, { agencyId, actor, meta }: Actor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const admins = await lockAgencyAdmins(tx, agencyId);
    const memberships = await tx.membership.findMany({
      where: { agencyId, userId: input.userId },
      select: { id: true, active: true, role: { select: { code: true } }, user: { select: { nip: true } } },
    });
    if (memberships.length === 0) throw notFoundError(t.members.memberNotFound);
    const roles = await rolesByCode(tx, agencyId, input.roleCodes);
    const before = memberships.map((m) => m.role.code).sort();
    const after = [...input.roleCodes].sort();
    const active = memberships.some((m) => m.active);
    if (before.includes(ADMIN_ROLE) && !after.includes(ADMIN_ROLE)) await admins.keepsAnotherAdmin(input.userId);
    await tx.membership.deleteMany({ where: { agencyId, userId: input.userId, role: { code: { notIn: after } } } });
    const missing = roles.filter((r) => !before.includes(r.code));
    // A member works in one unit: a new role joins the unit their other memberships carry.
    const unitId = await currentMemberUnitId(tx, agencyId, input.userId);
    await tx.membership.createMany({ data: missing.map((r) => ({ userId: input.userId, agencyId, roleId: r.id, active, unitId })) });
    await recordAudit(
      tx,
      {
        action: "membership.roles_set",
        entityType: "User",
        entityId: input.userId,
        data: { nip: memberships[0]!.user.nip, roles: { before, after } },
      },
      { agencyId, actor, meta },
    );
  });
}

export async function setMemberActive(input: z.output<typeof ZSetMemberActive>, { agencyId, actor, meta }: Actor, tx?: DbTx) {
  if (!input.active && input.userId === actor.id) throw invalidError(t.members.cannotDeactivateSelf);
  return inTransaction(tx, async (tx) => {
    const admins = await lockAgencyAdmins(tx, agencyId);
    const memberships = await tx.membership.findMany({
      where: { agencyId, userId: input.userId },
      select: { active: true, role: { select: { code: true } }, user: { select: { nip: true } } },
    });
    if (memberships.length === 0) throw notFoundError(t.members.memberNotFound);
    const wasActive = memberships.some((m) => m.active);
    if (wasActive === input.active) throw conflictError();
    if (!input.active && memberships.some((m) => m.role.code === ADMIN_ROLE)) await admins.keepsAnotherAdmin(input.userId);
    await tx.membership.updateMany({ where: { agencyId, userId: input.userId }, data: { active: input.active } });
    await recordAudit(
      tx,
      {
        action: input.active ? "membership.reactivate" : "membership.deactivate",
        entityType: "User",
        entityId: input.userId,
        data: { nip: memberships[0]!.user.nip, active: { before: wasActive, after: input.active } },
      },
      { agencyId, actor, meta },
    );
  });
}

export async function createGovernment(
  input: z.output<typeof ZCreateGovernment>,
  { actor, meta }: { actor: AuditActor; meta: AuditRequestMeta | null },
  tx?: DbTx,
) {
  return inTransaction(tx, async (tx) => {
    if ((await tx.government.count({ where: { level: input.level, name: input.name } })) > 0) {
      throw invalidError(t.platform.governmentExists, { name: [t.platform.governmentExists] });
    }
    const government = await tx.government.create({ data: input, select: { id: true } });
    await recordAudit(
      tx,
      { action: "government.create", entityType: "Government", entityId: government.id, data: { after: input } },
      { agencyId: null, actor, meta },
    );
    return government;
  });
}

/**
 * Grants (or extends, or makes open-ended) an Inspektorat auditor's read
 * access to an agency. The user must already exist (added by NIP elsewhere).
 */
export async function grantAuditorAccess(
  input: z.output<typeof ZGrantAuditor>,
  { actor, meta }: { actor: AuditActor; meta: AuditRequestMeta | null },
  tx?: DbTx,
) {
  return inTransaction(tx, async (tx) => {
    const agency = await tx.agency.findUnique({
      where: { id: input.agencyId },
      select: { id: true, timeZone: true, roles: { where: { code: AUDITOR_ROLE }, select: { id: true } } },
    });
    if (!agency?.roles[0]) throw invalidError(t.errors.invalidInput, { agencyId: [t.errors.notFound] });
    const user = await tx.user.findUnique({ where: { nip: input.nip }, select: { id: true, nip: true } });
    if (!user) throw invalidError(t.platform.auditorUnknown, { nip: [t.platform.auditorUnknown] });
    const validUntil = input.validUntil
      ? endOfDay(new TZDate(`${input.validUntil}T12:00:00`, TIME_ZONE_IANA[agency.timeZone]))
      : null;
    const roleId = agency.roles[0].id;
    const existing = await tx.membership.findUnique({ where: { userId_roleId: { userId: user.id, roleId } }, select: { validUntil: true } });
    await tx.membership.upsert({
      where: { userId_roleId: { userId: user.id, roleId } },
      create: { userId: user.id, agencyId: agency.id, roleId, validUntil, unitId: await currentMemberUnitId(tx, agency.id, user.id) },
      update: { validUntil, active: true },
    });
    await recordAudit(
      tx,
      {
        action: "auditor.grant",
        entityType: "User",
        entityId: user.id,
        data: { nip: user.nip, validUntil: { before: existing?.validUntil?.toISOString() ?? null, after: validUntil?.toISOString() ?? null } },
      },
      { agencyId: agency.id, actor, meta },
    );
  });
}
