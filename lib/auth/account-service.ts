import "server-only";

import type { z } from "zod";

import type { AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, invalidError, AppError } from "@/lib/authz/errors";
import { db } from "@/lib/db/client";

import { ACCOUNT_MESSAGES as M } from "./messages";
import { hashPassword, verifyPassword } from "./password";
import {
  findUsablePasswordToken,
  hashPasswordToken,
  linkFailureKey,
  MAX_LINK_FAILURES_PER_IP,
  MAX_PASSWORD_FAILURES_PER_ACCOUNT,
  passwordFailureKey,
  recordFailure,
  retirePasswordTokens,
  tooManyFailures,
} from "./password-token";
import type { ZChangePassword, ZSetPasswordWithToken } from "./schemas";

/**
 * A user choosing their own password: after first sign-in with a temporary
 * one (forced), whenever they like, or through a set-password link. Each is
 * one transaction with its audit event; the password hash is compared in the
 * update (a concurrent change makes it a conflict, not a silent overwrite).
 * Like sign-in (lib/auth/sign-in.ts), these take no caller's transaction: a
 * refused attempt must still leave its failure counted, which a caller's
 * rollback would undo.
 */
const throttledError = () => new AppError(M.throttled, "FORBIDDEN");

function assertAcceptable(newPassword: string, nip: string) {
  if (newPassword.replace(/\s/g, "").includes(nip)) throw invalidError(M.containsNip, { newPassword: [M.containsNip] });
}

export async function changeOwnPassword(
  account: { id: string },
  input: z.output<typeof ZChangePassword>,
  meta: AuditRequestMeta | null,
  now = new Date(),
) {
  const key = passwordFailureKey(account.id);
  if (await tooManyFailures(db, key, MAX_PASSWORD_FAILURES_PER_ACCOUNT, now)) throw throttledError();
  const user = await db.user.findUnique({
    where: { id: account.id },
    select: { id: true, nip: true, name: true, passwordHash: true, mustChangePassword: true, active: true },
  });
  if (!user?.active) throw new AppError(M.signInFirst, "UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, key, now);
    throw invalidError(M.wrongCurrent, { currentPassword: [M.wrongCurrent] });
  }
  if (input.newPassword === input.currentPassword) throw invalidError(M.sameAsOld, { newPassword: [M.sameAsOld] });
  assertAcceptable(input.newPassword, user.nip);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, active: true },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
    });
    if (updated.count !== 1) throw conflictError();
    await retirePasswordTokens(tx, user.id, now);
    await recordAudit(
      tx,
      { action: "auth.password_change", entityType: "User", entityId: user.id, data: { via: user.mustChangePassword ? "forced" : "self" } },
      { agencyId: null, actor: { id: user.id, name: user.name, nip: user.nip, roles: [] }, meta },
    );
  });
}

/**
 * Sets the password through a link. Any refusal of the link itself (unknown,
 * used, expired, inactive account) is the same "tautan tidak berlaku", and
 * counts against the caller's IP; the token is consumed in the same guarded
 * update as the password, so two submissions of one link set it once.
 */
export async function setPasswordWithToken(input: z.output<typeof ZSetPasswordWithToken>, meta: AuditRequestMeta | null, now = new Date()) {
  const key = linkFailureKey(meta?.ip ?? null);
  if (await tooManyFailures(db, key, MAX_LINK_FAILURES_PER_IP, now)) throw throttledError();
  const found = await findUsablePasswordToken(db, input.token, now);
  if (!found) {
    await recordFailure(db, key, now);
    throw invalidError(M.linkInvalid, { token: [M.linkInvalid] });
  }
  assertAcceptable(input.newPassword, found.user.nip);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const consumed = await tx.passwordToken.updateMany({
      where: { tokenHash: hashPasswordToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw invalidError(M.linkInvalid, { token: [M.linkInvalid] });
    const updated = await tx.user.updateMany({
      where: { id: found.user.id, active: true },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
    });
    if (updated.count !== 1) throw invalidError(M.linkInvalid, { token: [M.linkInvalid] });
    await retirePasswordTokens(tx, found.user.id, now);
    await recordAudit(
      tx,
      { action: "auth.password_change", entityType: "User", entityId: found.user.id, data: { via: "link" } },
      { agencyId: null, actor: { id: found.user.id, name: found.user.name, nip: found.user.nip, roles: [] }, meta },
    );
  });
}

/**
 * What the set-password page may show for a link: the account's name, or
 * nothing ("tautan tidak berlaku") for an unknown, used or expired link and
 * whenever the caller's IP has failed too often. A failure counts, so links
 * cannot be tried by the thousand.
 */
export async function lookupPasswordLink(token: string, ip: string | null, now = new Date()): Promise<{ name: string } | null> {
  const key = linkFailureKey(ip);
  if (await tooManyFailures(db, key, MAX_LINK_FAILURES_PER_IP, now)) return null;
  const found = await findUsablePasswordToken(db, token, now);
  if (!found) {
    await recordFailure(db, key, now);
    return null;
  }
  return { name: found.user.name };
}
