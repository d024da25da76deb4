import "server-only";

import { randomBytes } from "node:crypto";

import type { z } from "zod";

import { hashPassword } from "@/lib/auth/password";
import { issuePasswordToken, retirePasswordTokens } from "@/lib/auth/password-token";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { ADMIN_ROLE, AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { t } from "@/lib/i18n";
import { getStorage, newStorageKey } from "@/lib/storage";
import { checkUpload, UploadRejectedError } from "@/lib/storage/validate";
import { currentMemberUnitId } from "@/lib/unit/service";

import { lockAgencyAdmins } from "./admins";

import { AGENCY_MESSAGES as M } from "./messages";
import type { ZAdminPerson, ZAppointAdmin, ZCreateAgency, ZReissueCredential, ZSetAgencyActive, ZSetAgencyLogo, ZUpdateAgency } from "./schemas";
import { LOGO_MAX_BYTES } from "./schemas";

/**
 * Platform administration of agencies: create one with its first
 * administrator (a new account gets a temporary password shown once, or a
 * set-password link), name or replace administrators, edit, deactivate and
 * reactivate, the logo. Every change is one transaction with its audit
 * events in the agency's chain (the caller's, when it passes one: `tx`);
 * secrets are returned to the caller once and never recorded.
 */
export interface PlatformActor {
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  now?: Date;
}

/** The first credential of a new account, handed to the platform administrator once. */
export type TIssuedCredential = { mode: "temporary_password"; password: string } | { mode: "link"; path: string; expiresAt: string };

export interface TAppointedAdmin {
  userId: string;
  name: string;
  nip: string;
  /** An existing account keeps its own password: no credential. */
  existing: boolean;
  credential: TIssuedCredential | null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Hashes computed before the transaction (argon2 is slow on purpose): a temporary password, or an unusable one for link accounts. */
async function prepareCredential(mode: "temporary_password" | "link") {
  if (mode === "temporary_password") {
    const password = generateTemporaryPassword();
    return { mode, password, passwordHash: await hashPassword(password) };
  }
  // Nobody knows this password: the account opens only through its link.
  return { mode, password: null, passwordHash: await hashPassword(randomBytes(32).toString("base64url")) };
}
type TPrepared = Awaited<ReturnType<typeof prepareCredential>>;

async function issueCredential(
  tx: DbTx,
  prepared: TPrepared,
  user: { id: string },
  agencyId: string,
  { actor, meta, now = new Date() }: PlatformActor,
): Promise<TIssuedCredential> {
  let issued: TIssuedCredential;
  if (prepared.mode === "temporary_password") {
    await retirePasswordTokens(tx, user.id, now);
    issued = { mode: "temporary_password", password: prepared.password! };
  } else {
    const link = await issuePasswordToken(tx, { userId: user.id, agencyId, purpose: "ONBOARDING", issuedById: actor.id, now });
    issued = { mode: "link", path: link.path, expiresAt: link.expiresAt.toISOString() };
  }
  await recordAudit(
    tx,
    {
      action: "user.credential_issue",
      entityType: "User",
      entityId: user.id,
      data: { mode: prepared.mode, purpose: "ONBOARDING", expiresAt: issued.mode === "link" ? issued.expiresAt : null },
    },
    { agencyId, actor, meta },
  );
  return issued;
}

/**
 * Makes `person` an administrator of the agency: an existing active account
 * by NIP, or a new account that must choose its password at first sign-in.
 */
async function makeAdmin(
  tx: DbTx,
  agency: { id: string; adminRoleId: string },
  person: z.output<typeof ZAdminPerson>,
  prepared: TPrepared,
  ctx: PlatformActor,
): Promise<TAppointedAdmin> {
  const { actor, meta } = ctx;
  let user = await tx.user.findUnique({ where: { nip: person.nip }, select: { id: true, nip: true, name: true, active: true } });
  let credential: TIssuedCredential | null = null;
  if (user) {
    if (!user.active) throw invalidError(M.personInactive, { "admin.nip": [M.personInactive] });
    const already = await tx.membership.count({ where: { userId: user.id, roleId: agency.adminRoleId } });
    if (already) throw invalidError(M.alreadyAdmin, { "admin.nip": [M.alreadyAdmin] });
  } else {
    if (!person.name || !person.jabatan) {
      throw invalidError(M.newPersonNeeded, {
        ...(person.name ? {} : { "admin.name": [t.errors.required] }),
        ...(person.jabatan ? {} : { "admin.jabatan": [t.errors.required] }),
      });
    }
    if (person.email && (await tx.user.count({ where: { email: person.email } }))) {
      throw invalidError(M.emailTaken, { "admin.email": [M.emailTaken] });
    }
    user = await tx.user.create({
      data: {
        nip: person.nip,
        name: person.name,
        jabatan: person.jabatan,
        email: person.email ?? null,
        passwordHash: prepared.passwordHash,
        mustChangePassword: true,
      },
      select: { id: true, nip: true, name: true, active: true },
    });
    await recordAudit(
      tx,
      { action: "user.create", entityType: "User", entityId: user.id, data: { after: { nip: user.nip, name: user.name } } },
      { agencyId: agency.id, actor, meta },
    );
    credential = await issueCredential(tx, prepared, user, agency.id, ctx);
  }
  const before = await tx.membership.findMany({ where: { agencyId: agency.id, userId: user.id }, select: { role: { select: { code: true } } } });
  await tx.membership.create({
    data: { userId: user.id, agencyId: agency.id, roleId: agency.adminRoleId, unitId: await currentMemberUnitId(tx, agency.id, user.id) },
  });
  const codes = before.map((m) => m.role.code).sort();
  await recordAudit(
    tx,
    { action: "membership.roles_set", entityType: "User", entityId: user.id, data: { nip: user.nip, roles: { before: codes, after: [...codes, ADMIN_ROLE].sort() } } },
    { agencyId: agency.id, actor, meta },
  );
  return { userId: user.id, name: user.name, nip: user.nip, existing: credential === null, credential };
}

async function assertNameFree(tx: DbTx, governmentId: string, name: string, exceptAgencyId?: string) {
  const taken = await tx.agency.findFirst({
    where: { governmentId, name: { equals: name, mode: "insensitive" }, ...(exceptAgencyId ? { id: { not: exceptAgencyId } } : {}) },
    select: { id: true },
  });
  if (taken) throw invalidError(M.nameTaken, { name: [M.nameTaken] });
}

async function assertSlugFree(tx: DbTx, slug: string) {
  if ((await tx.agency.count({ where: { slug } })) > 0) throw invalidError(t.platform.slugTaken, { slug: [t.platform.slugTaken] });
}

/** Two creations at the same moment both pass the checks: the unique indexes decide, in Indonesian. */
async function guardedAgency<T>(input: { slug: string; name: string; governmentId: string }, exceptAgencyId: string | null, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (await db.agency.count({ where: { slug: input.slug, ...(exceptAgencyId ? { id: { not: exceptAgencyId } } : {}) } })) {
      throw invalidError(t.platform.slugTaken, { slug: [t.platform.slugTaken] });
    }
    if (
      await db.agency.count({
        where: { governmentId: input.governmentId, name: { equals: input.name, mode: "insensitive" }, ...(exceptAgencyId ? { id: { not: exceptAgencyId } } : {}) },
      })
    ) {
      throw invalidError(M.nameTaken, { name: [M.nameTaken] });
    }
    throw conflictError();
  }
}

/** A new agency with its reserved roles and its first administrator, in one transaction. */
export async function createAgencyWithAdmin(input: z.output<typeof ZCreateAgency>, ctx: PlatformActor, outer?: DbTx) {
  const { actor, meta } = ctx;
  const prepared = await prepareCredential(input.admin.credential);
  return guardedAgency(input, null, () =>
    inTransaction(outer, async (tx) => {
      const government = await tx.government.findUnique({ where: { id: input.governmentId }, select: { id: true } });
      if (!government) throw invalidError(t.errors.invalidInput, { governmentId: [t.errors.notFound] });
      await assertSlugFree(tx, input.slug);
      await assertNameFree(tx, input.governmentId, input.name);
      const agency = await tx.agency.create({
        data: {
          slug: input.slug,
          name: input.name,
          governmentId: input.governmentId,
          timeZone: input.timeZone,
          unitName: input.unitName,
          address: input.address,
          city: input.city,
          roles: {
            create: [
              { code: ADMIN_ROLE, name: "Administrator", sortOrder: 90 },
              { code: AUDITOR_ROLE, name: "Auditor Inspektorat", sortOrder: 91 },
            ],
          },
        },
        select: { id: true, slug: true, name: true, roles: { where: { code: ADMIN_ROLE }, select: { id: true } } },
      });
      await recordAudit(
        tx,
        {
          action: "agency.create",
          entityType: "Agency",
          entityId: agency.id,
          data: { after: { slug: input.slug, name: input.name, governmentId: input.governmentId, timeZone: input.timeZone } },
        },
        { agencyId: agency.id, actor, meta },
      );
      const admin = await makeAdmin(tx, { id: agency.id, adminRoleId: agency.roles[0]!.id }, input.admin, prepared, ctx);
      return { id: agency.id, slug: agency.slug, name: agency.name, admin };
    }),
  );
}

async function loadAgency(tx: DbTx, agencyId: string) {
  const agency = await tx.agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      slug: true,
      name: true,
      governmentId: true,
      timeZone: true,
      unitName: true,
      address: true,
      city: true,
      active: true,
      logoFileId: true,
      updatedAt: true,
      createdAt: true,
      roles: { where: { code: ADMIN_ROLE }, select: { id: true } },
    },
  });
  if (!agency) throw notFoundError(M.notFound);
  return agency;
}

/**
 * Names an administrator; with `replace`, the current ones lose the role
 * (their other roles stay). Replacing removes administrators, so this takes
 * the agency's administrator lock first (lib/agency/admins.ts), like every
 * other path that removes or demotes one: a member deactivation or role change
 * running at the same moment (say, of the person being named) waits and then
 * counts what this committed, instead of leaving the agency with no active
 * administrator. Each removal still asks the guard (the named one counts).
 */
export async function appointAgencyAdmin(input: z.output<typeof ZAppointAdmin>, ctx: PlatformActor, outer?: DbTx) {
  const { actor, meta } = ctx;
  const prepared = await prepareCredential(input.admin.credential);
  return inTransaction(outer, async (tx) => {
    // Unknown agency first ("not found"), then the lock on its row.
    const agency = await loadAgency(tx, input.agencyId);
    const admins = await lockAgencyAdmins(tx, agency.id);
    const adminRoleId = agency.roles[0]!.id;
    const admin = await makeAdmin(tx, { id: agency.id, adminRoleId }, input.admin, prepared, ctx);
    if (input.replace) {
      const others = await tx.membership.findMany({
        where: { agencyId: agency.id, roleId: adminRoleId, userId: { not: admin.userId } },
        select: { id: true, user: { select: { id: true, nip: true, memberships: { where: { agencyId: agency.id }, select: { role: { select: { code: true } } } } } } },
      });
      for (const m of others) {
        await admins.keepsAnotherAdmin(m.user.id);
        await tx.membership.delete({ where: { id: m.id } });
        const before = m.user.memberships.map((x) => x.role.code).sort();
        await recordAudit(
          tx,
          {
            action: "membership.roles_set",
            entityType: "User",
            entityId: m.user.id,
            data: { nip: m.user.nip, roles: { before, after: before.filter((c) => c !== ADMIN_ROLE) } },
          },
          { agencyId: agency.id, actor, meta },
        );
      }
    }
    return admin;
  });
}

/**
 * A new first credential (temporary password or link) for an administrator
 * who has not chosen their own password yet: the previous one stops working.
 * An account that already chose its password is out of reach here.
 */
export async function reissueAdminCredential(input: z.output<typeof ZReissueCredential>, ctx: PlatformActor, outer?: DbTx) {
  const prepared = await prepareCredential(input.credential);
  return inTransaction(outer, async (tx) => {
    const agency = await loadAgency(tx, input.agencyId);
    const member = await tx.membership.findFirst({
      where: { agencyId: agency.id, userId: input.userId, roleId: agency.roles[0]!.id },
      select: { user: { select: { id: true, name: true, nip: true, mustChangePassword: true, active: true } } },
    });
    if (!member?.user.active) throw notFoundError(M.notAdmin);
    if (!member.user.mustChangePassword) throw invalidError(M.credentialNotPending);
    const updated = await tx.user.updateMany({ where: { id: member.user.id, mustChangePassword: true }, data: { passwordHash: prepared.passwordHash } });
    if (updated.count !== 1) throw conflictError();
    const credential = await issueCredential(tx, prepared, member.user, agency.id, ctx);
    return { userId: member.user.id, name: member.user.name, nip: member.user.nip, existing: false, credential } satisfies TAppointedAdmin;
  });
}

/**
 * In use: someone other than a platform administrator has acted in the
 * agency (an event in its audit trail) or one of its members has signed in
 * since it was created. From then on its address is in people's bookmarks
 * and links, and the slug is fixed.
 */
export async function isAgencyInUse(tx: DbTx, agencyId: string): Promise<boolean> {
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { createdAt: true } });
  if (!agency) return false;
  const acted = await tx.auditEvent.findFirst({ where: { agencyId, actorId: { not: null }, actor: { isPlatformAdmin: false } }, select: { id: true } });
  if (acted) return true;
  const signedIn = await tx.auditEvent.findFirst({
    where: {
      agencyId: null,
      action: "auth.sign_in",
      createdAt: { gte: agency.createdAt },
      actor: { isPlatformAdmin: false, memberships: { some: { agencyId } } },
    },
    select: { id: true },
  });
  return Boolean(signedIn);
}

/** Name, slug (only before first use), unit line, time zone, address, city: one audited change. */
export async function updateAgency(input: z.output<typeof ZUpdateAgency>, ctx: PlatformActor, outer?: DbTx) {
  const { actor, meta } = ctx;
  const governmentId = (await (outer ?? db).agency.findUnique({ where: { id: input.agencyId }, select: { governmentId: true } }))?.governmentId ?? "";
  return guardedAgency({ ...input, governmentId }, input.agencyId, () =>
    inTransaction(outer, async (tx) => {
      const agency = await loadAgency(tx, input.agencyId);
      const next = { name: input.name, slug: input.slug, timeZone: input.timeZone, unitName: input.unitName, address: input.address, city: input.city };
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) if (agency[key] !== next[key]) changes[key] = { before: agency[key], after: next[key] };
      if (Object.keys(changes).length === 0) return { changed: false };
      if (changes.slug) {
        if (await isAgencyInUse(tx, agency.id)) throw invalidError(M.slugLocked, { slug: [M.slugLocked] });
        await assertSlugFree(tx, input.slug);
      }
      if (changes.name) await assertNameFree(tx, agency.governmentId, input.name, agency.id);
      const updated = await tx.agency.updateMany({ where: { id: agency.id, updatedAt: agency.updatedAt }, data: next });
      if (updated.count !== 1) throw conflictError();
      await recordAudit(tx, { action: "agency.update", entityType: "Agency", entityId: agency.id, data: { changes } }, { agencyId: agency.id, actor, meta });
      return { changed: true, slug: input.slug };
    }),
  );
}

/**
 * Deactivating locks every member out on their next request; nothing is
 * deleted, and no membership changes (so no administrator is removed or
 * demoted: the administrator lock is not needed). Reactivating restores access.
 */
export async function setAgencyActive(input: z.output<typeof ZSetAgencyActive>, { actor, meta }: PlatformActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const agency = await loadAgency(tx, input.agencyId);
    if (agency.active === input.active) throw invalidError(input.active ? M.alreadyActive : M.alreadyInactive);
    const updated = await tx.agency.updateMany({ where: { id: agency.id, active: agency.active }, data: { active: input.active } });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      {
        action: input.active ? "agency.reactivate" : "agency.deactivate",
        entityType: "Agency",
        entityId: agency.id,
        data: { active: { before: agency.active, after: input.active } },
      },
      { agencyId: agency.id, actor, meta },
    );
  });
}

/**
 * The logo printed on the agency's documents: a PNG or JPEG recognised by
 * its content (lib/storage), at most 512 KB, stored like any upload. The
 * previous logo's file stays (the audit trail names it).
 */
export async function setAgencyLogo(input: z.output<typeof ZSetAgencyLogo>, { actor, meta }: PlatformActor, outer?: DbTx) {
  const bytes = Buffer.from(input.fileBase64, "base64");
  if (bytes.length > LOGO_MAX_BYTES) throw invalidError(M.logoTooLarge, { fileBase64: [M.logoTooLarge] });
  let checked;
  try {
    checked = checkUpload({ bytes, originalName: input.fileName, maxBytes: LOGO_MAX_BYTES });
  } catch (error) {
    if (error instanceof UploadRejectedError) throw invalidError(error.message, { fileBase64: [error.message] });
    throw error;
  }
  if (checked.kind !== "png" && checked.kind !== "jpeg") throw invalidError(M.logoNotImage, { fileBase64: [M.logoNotImage] });
  const agency = await loadAgency(outer ?? db, input.agencyId);
  const storage = getStorage();
  const storageKey = newStorageKey(agency.id);
  await storage.put(storageKey, bytes);
  try {
    // With a caller's `tx` that later rolls back, the bytes stay unreferenced (as storeUpload's do).
    return await inTransaction(outer, async (tx) => {
      const current = await loadAgency(tx, input.agencyId);
      const file = await tx.storedFile.create({
        data: {
          agencyId: agency.id,
          storageKey,
          originalName: checked.name,
          mimeType: checked.mimeType,
          size: checked.size,
          sha256: checked.sha256,
          uploadedById: actor.id,
        },
        select: { id: true },
      });
      const updated = await tx.agency.updateMany({ where: { id: agency.id, updatedAt: current.updatedAt }, data: { logoFileId: file.id } });
      if (updated.count !== 1) throw conflictError();
      await recordAudit(
        tx,
        { action: "agency.update", entityType: "Agency", entityId: agency.id, data: { changes: { logo: { before: current.logoFileId, after: file.id } } } },
        { agencyId: agency.id, actor, meta },
      );
      return { fileId: file.id };
    });
  } catch (error) {
    await storage.remove(storageKey).catch((cleanup: unknown) => console.error(`[storage] could not remove ${storageKey} after a failed logo upload`, cleanup));
    throw error;
  }
}

export async function removeAgencyLogo(agencyId: string, { actor, meta }: PlatformActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const agency = await loadAgency(tx, agencyId);
    if (!agency.logoFileId) return { changed: false };
    const updated = await tx.agency.updateMany({ where: { id: agency.id, updatedAt: agency.updatedAt }, data: { logoFileId: null } });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      { action: "agency.update", entityType: "Agency", entityId: agency.id, data: { changes: { logo: { before: agency.logoFileId, after: null } } } },
      { agencyId: agency.id, actor, meta },
    );
    return { changed: true };
  });
}

