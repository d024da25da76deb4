import "server-only";

import { randomBytes } from "node:crypto";

import type { z } from "zod";

import { hashPassword } from "@/lib/auth/password";
import { issuePasswordToken, retirePasswordTokens } from "@/lib/auth/password-token";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { t } from "@/lib/i18n";

import { checkMemberRows, MEMBER_IMPORT_MAX_BYTES, previewOf, readMemberWorkbook, type TMemberFacts, type TMemberPreview } from "./import";
import { MEMBER_MESSAGES as M } from "./messages";
import type { ZMemberImport, ZResetMemberPassword, ZUpdateMember } from "./schemas";

interface MemberActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  now?: Date;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function memberOf(tx: DbTx, agencyId: string, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, memberships: { some: { agencyId } } },
    select: { id: true, nip: true, name: true, gelarDepan: true, gelarBelakang: true, jabatan: true, pangkat: true, email: true, isPlatformAdmin: true },
  });
  if (!user) throw notFoundError(t.members.memberNotFound);
  return user;
}

/** The administrator edits a member's name, titles, jabatan, pangkat and e-mail; audited field by field. */
export async function updateMember(input: z.output<typeof ZUpdateMember>, { agencyId, actor, meta }: MemberActor, tx?: DbTx) {
  try {
    return await inTransaction(tx, async (tx) => {
      const before = await memberOf(tx, agencyId, input.userId);
      if (input.email && (await tx.user.count({ where: { email: input.email, id: { not: before.id } } })) > 0) {
        throw invalidError(M.emailTaken, { email: [M.emailTaken] });
      }
      const fields = ["name", "gelarDepan", "gelarBelakang", "jabatan", "pangkat", "email"] as const;
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const f of fields) if ((before[f] ?? null) !== (input[f] ?? null)) changes[f] = { before: before[f] ?? null, after: input[f] ?? null };
      if (Object.keys(changes).length === 0) return { changed: false };
      await tx.user.update({
        where: { id: before.id },
        data: { name: input.name, gelarDepan: input.gelarDepan, gelarBelakang: input.gelarBelakang, jabatan: input.jabatan, pangkat: input.pangkat, email: input.email },
      });
      await recordAudit(tx, { action: "user.update", entityType: "User", entityId: before.id, data: { nip: before.nip, changes } }, { agencyId, actor, meta });
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidError(M.emailTaken, { email: [M.emailTaken] });
    throw error;
  }
}

export type TResetResult = { mode: "temporary_password"; password: string } | { mode: "link"; path: string; expiresAt: string };

/**
 * An administrator resets a member's password: a temporary password (the
 * member must replace it at next sign-in) or a set-password link. Never one's
 * own (the profile page), never a platform administrator's, and never an
 * account that also works in another agency (its administrator would
 * otherwise take over a member of an agency it does not run).
 */
export async function resetMemberPassword(input: z.output<typeof ZResetMemberPassword>, ctx: MemberActor, tx?: DbTx): Promise<TResetResult> {
  const now = ctx.now ?? new Date();
  if (input.userId === ctx.actor.id) throw invalidError(M.resetSelf);
  const password = input.mode === "temporary_password" ? generateTemporaryPassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return inTransaction(tx, async (tx) => {
    const user = await memberOf(tx, ctx.agencyId, input.userId);
    if (user.isPlatformAdmin) throw invalidError(M.resetPlatformAdmin);
    const elsewhere = await tx.membership.count({ where: { userId: user.id, agencyId: { not: ctx.agencyId }, active: true } });
    if (elsewhere > 0) throw invalidError(M.resetOtherAgencyAdmin);
    let result: TResetResult;
    if (password && passwordHash) {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
      await retirePasswordTokens(tx, user.id, now);
      result = { mode: "temporary_password", password };
    } else {
      const link = await issuePasswordToken(tx, { userId: user.id, agencyId: ctx.agencyId, purpose: "RESET", issuedById: ctx.actor.id, now });
      result = { mode: "link", path: link.path, expiresAt: link.expiresAt.toISOString() };
    }
    await recordAudit(
      tx,
      {
        action: "user.credential_issue",
        entityType: "User",
        entityId: user.id,
        data: { mode: input.mode, purpose: "RESET", expiresAt: result.mode === "link" ? result.expiresAt : null },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
    return result;
  });
}

async function loadFacts(tx: DbTx, agencyId: string, nips: string[], emails: string[]): Promise<TMemberFacts> {
  const [units, roles, members, accounts, emailOwners] = await Promise.all([
    tx.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true, active: true } }),
    tx.role.findMany({ where: { agencyId }, select: { code: true, name: true }, orderBy: { sortOrder: "asc" } }),
    tx.membership.findMany({ where: { agencyId, user: { nip: { in: nips } } }, select: { user: { select: { nip: true } } } }),
    tx.user.findMany({ where: { nip: { in: nips } }, select: { id: true, nip: true, email: true } }),
    tx.user.findMany({ where: { email: { in: emails } }, select: { nip: true, email: true } }),
  ]);
  return {
    units,
    roles,
    memberNips: new Set(members.map((m) => m.user.nip)),
    accountsByNip: new Map(accounts.map((a) => [a.nip, { id: a.id, email: a.email }])),
    emailsTaken: new Map(emailOwners.map((u) => [u.email!, u.nip])),
    reservedCodes: [AUDITOR_ROLE],
  };
}

export interface TImportedMember {
  row: number;
  nip: string;
  name: string;
  /** A new account's set-password link (shown once); null for an existing account (it keeps its password). */
  link: { path: string; expiresAt: string } | null;
}

export type TMemberImportResult = TMemberPreview & { committed: boolean; imported: TImportedMember[] };

/**
 * Reads the file and lists every row's problems (commit: false), or reads it
 * again inside one transaction and, only when no row has a problem, creates
 * every account and membership (all or nothing). New accounts get a
 * set-password link each (issuing is cheap, and nobody but the member ever
 * knows the password); existing accounts join with their own password.
 */
export async function importMembers(input: z.output<typeof ZMemberImport>, ctx: MemberActor, tx?: DbTx): Promise<TMemberImportResult> {
  const now = ctx.now ?? new Date();
  const bytes = Buffer.from(input.fileBase64, "base64");
  if (bytes.length > MEMBER_IMPORT_MAX_BYTES) throw invalidError(M.fileTooLarge, { fileBase64: [M.fileTooLarge] });
  const { rows, fileProblems } = await readMemberWorkbook(bytes);
  const nips = rows.map((r) => r.nip.replace(/[\s.-]/g, "")).filter((n) => /^\d{18}$/.test(n));
  const emails = rows.map((r) => r.email.toLowerCase()).filter(Boolean);
  const check = async (tx: DbTx) => previewOf(checkMemberRows(rows, await loadFacts(tx, ctx.agencyId, nips, emails)), fileProblems);
  if (!input.commit) return { ...(await check(db)), committed: false, imported: [] };
  try {
    return await inTransaction(tx, async (tx) => {
      // One import at a time per agency: two imports of the same NIPs cannot both pass the check.
      await tx.$queryRaw`SELECT 1 FROM "Agency" WHERE "id" = ${ctx.agencyId} FOR NO KEY UPDATE`;
      const preview = await check(tx);
      if (preview.blocking) {
        const n = preview.rows.filter((r) => r.problems.length > 0).length;
        throw invalidError(preview.fileProblems[0] ?? M.blocked(n), { fileBase64: [preview.fileProblems[0] ?? M.blocked(n)] });
      }
      const roles = await tx.role.findMany({ where: { agencyId: ctx.agencyId }, select: { id: true, code: true } });
      const roleId = new Map(roles.map((r) => [r.code, r.id]));
      // Nobody knows this password: a new account opens only through its link.
      const lockedHash = `!link-only:${randomBytes(16).toString("base64url")}`;
      const imported: TImportedMember[] = [];
      for (const r of preview.rows) {
        let userId: string;
        let link: TImportedMember["link"] = null;
        let name = r.name;
        if (r.existingAccount) {
          const user = await tx.user.findUniqueOrThrow({ where: { nip: r.nip }, select: { id: true, name: true } });
          userId = user.id;
          name = user.name;
        } else {
          const user = await tx.user.create({
            data: {
              nip: r.nip,
              name: r.name,
              gelarDepan: r.gelarDepan || null,
              gelarBelakang: r.gelarBelakang || null,
              jabatan: r.jabatan || null,
              pangkat: r.pangkat || null,
              email: r.email || null,
              passwordHash: lockedHash,
              mustChangePassword: true,
            },
            select: { id: true },
          });
          userId = user.id;
          await recordAudit(tx, { action: "user.create", entityType: "User", entityId: userId, data: { after: { nip: r.nip, name: r.name } } }, ctx);
          const issued = await issuePasswordToken(tx, { userId, agencyId: ctx.agencyId, purpose: "ONBOARDING", issuedById: ctx.actor.id, now });
          link = { path: issued.path, expiresAt: issued.expiresAt.toISOString() };
          await recordAudit(
            tx,
            { action: "user.credential_issue", entityType: "User", entityId: userId, data: { mode: "link", purpose: "ONBOARDING", expiresAt: link.expiresAt } },
            ctx,
          );
        }
        await tx.membership.createMany({ data: r.roleCodes.map((code) => ({ userId, agencyId: ctx.agencyId, roleId: roleId.get(code)!, unitId: r.unitId })) });
        await recordAudit(
          tx,
          { action: "membership.roles_set", entityType: "User", entityId: userId, data: { nip: r.nip, roles: { before: [], after: r.roleCodes } } },
          ctx,
        );
        imported.push({ row: r.row, nip: r.nip, name, link });
      }
      await recordAudit(
        tx,
        { action: "member.import", entityType: "Agency", entityId: ctx.agencyId, data: { count: imported.length, nips: imported.map((m) => m.nip) } },
        ctx,
      );
      return { ...preview, committed: true, imported };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError();
    throw error;
  }
}
