import "server-only";

import { randomInt } from "node:crypto";

import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { readAgencySettings } from "@/lib/agency/settings";
import { AppError, conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

import { hashPassword, verifyPassword } from "./password";
import { recordFailure, tooManyFailures } from "./password-token";
import { decryptTotpSecret, encryptTotpSecret } from "./two-factor-crypto";
import { TWO_FACTOR_MESSAGES as M } from "./two-factor-messages";

/**
 * Two-factor sign-in (docs/decisions/021-two-factor.md): a TOTP authenticator
 * app (RFC 6238: SHA-1, 6 digits, 30 s, as every app expects) and 10
 * single-use recovery codes. The secret is stored encrypted, recovery codes
 * as argon2id hashes. A code is accepted for one time step at most once
 * (User.totpLastStep, moved forward in a guarded update), so a code seen over
 * someone's shoulder cannot be replayed; recovery codes are used up in a
 * guarded update too. Wrong codes on the profile page count against the
 * account like wrong current passwords; at sign-in they count in the sign-in
 * throttle (lib/auth/sign-in.ts).
 */
export const ISSUER = "Alur Kinerja";
export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;
/** One step either side: a phone clock a little off still works. */
const WINDOW = 1;
const MAX_FAILURES = 5;
const failureKey = (userId: string) => `2fa:user:${userId}`;

/** Recovery codes: 10 characters of an alphabet without look-alikes, shown as "xxxxx-xxxxx". */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function generateRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
/** What the user typed: a 6-digit authenticator code (spaces allowed), or else a recovery code. */
const asTotp = (code: string) => (/^\d{6}$/.test(code.replace(/\s/g, "")) ? code.replace(/\s/g, "") : null);

function totpFor(secretBase32: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The time step `token` belongs to, or null: wrong, or outside the window. */
function matchingStep(secretBase32: string, token: string, now: Date): number | null {
  const totp = totpFor(secretBase32, "");
  const delta = totp.validate({ token, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

async function newRecoveryCodes(tx: DbTx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(normalizeRecovery(c))));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })) });
  return codes;
}

export interface TwoFactorStatus {
  enabled: boolean;
  remainingRecoveryCodes: number;
}

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return { enabled: Boolean(user?.totpEnabledAt), remainingRecoveryCodes: user?._count.recoveryCodes ?? 0 };
}

/**
 * Checks a second factor of a user with 2FA on and uses it up: an
 * authenticator code moves the last accepted step forward, a recovery code is
 * marked used. In the caller's transaction when given.
 */
export async function consumeSecondFactor(
  tx: DbTx,
  userId: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; via: "totp" } | { ok: true; via: "recovery"; remaining: number } | { ok: false }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user?.totpEnabledAt || !user.totpSecret) return { ok: false };
  const token = asTotp(code);
  if (token) {
    const secret = decryptTotpSecret(user.totpSecret);
    const step = secret ? matchingStep(secret, token, now) : null;
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) return { ok: false };
    const moved = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return moved.count === 1 ? { ok: true, via: "totp" } : { ok: false };
  }
  const typed = normalizeRecovery(code);
  if (typed.length !== 10) return { ok: false };
  const unused = await tx.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, typed))) continue;
    const used = await tx.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) return { ok: false };
    return { ok: true, via: "recovery", remaining: unused.length - 1 };
  }
  return { ok: false };
}

// ---------------------------------------------------------------------------
// One's own account (the profile page). These take no caller's transaction:
// a refused attempt must still leave its failure counted.

type TAccount = { id: string; nip: string; name: string };
const selfActor = (a: TAccount): AuditActor => ({ id: a.id, name: a.name, nip: a.nip, roles: [] });

async function assertNotThrottled(userId: string, now: Date) {
  if (await tooManyFailures(db, failureKey(userId), MAX_FAILURES, now)) throw new AppError(M.throttled, "FORBIDDEN");
}
async function wrongCode(userId: string, now: Date, field = "code"): Promise<never> {
  await recordFailure(db, failureKey(userId), now);
  throw invalidError(M.wrongCode, { [field]: [M.wrongCode] });
}

/**
 * Starts enrolment: a new secret, stored encrypted but not yet in force
 * (totpEnabledAt stays null until a code confirms it). Starting again
 * replaces an unconfirmed secret. Returns what the page shows: the QR code
 * and the key to type by hand.
 */
export async function beginTwoFactorEnrolment(account: TAccount) {
  const user = await db.user.findUnique({ where: { id: account.id }, select: { totpEnabledAt: true, email: true, nip: true } });
  if (!user) throw new AppError(M.signInFirst, "UNAUTHENTICATED");
  if (user.totpEnabledAt) throw conflictError(M.alreadyOn);
  const secret = new Secret({ size: 20 }).base32;
  const updated = await db.user.updateMany({
    where: { id: account.id, totpEnabledAt: null },
    data: { totpSecret: encryptTotpSecret(secret), totpLastStep: null },
  });
  if (updated.count !== 1) throw conflictError(M.alreadyOn);
  const uri = totpFor(secret, user.email ?? user.nip).toString();
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  // Grouped in fours, as authenticator apps show keys.
  return { manualKey: secret.replace(/(.{4})/g, "$1 ").trim(), uri, qrDataUrl };
}

/** Confirms enrolment with a code from the app: 2FA is on from here, and the 10 recovery codes are returned once. */
export async function confirmTwoFactorEnrolment(account: TAccount, code: string, meta: AuditRequestMeta | null, now = new Date()) {
  await assertNotThrottled(account.id, now);
  const user = await db.user.findUnique({ where: { id: account.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user) throw new AppError(M.signInFirst, "UNAUTHENTICATED");
  if (user.totpEnabledAt) throw conflictError(M.alreadyOn);
  if (!user.totpSecret) throw invalidError(M.noPending, { code: [M.noPending] });
  const secret = decryptTotpSecret(user.totpSecret);
  const token = asTotp(code);
  const step = secret && token ? matchingStep(secret, token, now) : null;
  if (step === null) return wrongCode(account.id, now);
  return db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: account.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (enabled.count !== 1) throw conflictError();
    const codes = await newRecoveryCodes(tx, account.id, now);
    await recordAudit(
      tx,
      { action: "auth.two_factor_enable", entityType: "User", entityId: account.id, data: { recoveryCodes: codes.length } },
      { agencyId: null, actor: selfActor(account), meta },
    );
    return { recoveryCodes: codes };
  });
}

/** New recovery codes (the old ones stop working), confirmed with a current code. */
export async function regenerateRecoveryCodes(account: TAccount, code: string, meta: AuditRequestMeta | null, now = new Date()) {
  await assertNotThrottled(account.id, now);
  const status = await twoFactorStatus(account.id);
  if (!status.enabled) throw conflictError(M.notOn);
  const result = await db.$transaction(async (tx) => {
    const factor = await consumeSecondFactor(tx, account.id, asTotp(code) ?? "-", now);
    if (!factor.ok) return null;
    const codes = await newRecoveryCodes(tx, account.id, now);
    await recordAudit(
      tx,
      { action: "auth.two_factor_recovery_regenerate", entityType: "User", entityId: account.id, data: { recoveryCodes: codes.length } },
      { agencyId: null, actor: selfActor(account), meta },
    );
    return { recoveryCodes: codes };
  });
  return result ?? wrongCode(account.id, now);
}

/** Turns 2FA off: the password and a current code (or a recovery code) are both needed. */
export async function disableTwoFactor(
  account: TAccount,
  input: { password: string; code: string },
  meta: AuditRequestMeta | null,
  now = new Date(),
) {
  await assertNotThrottled(account.id, now);
  const user = await db.user.findUnique({ where: { id: account.id }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!user) throw new AppError(M.signInFirst, "UNAUTHENTICATED");
  if (!user.totpEnabledAt) throw conflictError(M.notOn);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, failureKey(account.id), now);
    throw invalidError(M.wrongPassword, { password: [M.wrongPassword] });
  }
  const done = await db.$transaction(async (tx) => {
    const factor = await consumeSecondFactor(tx, account.id, input.code, now);
    if (!factor.ok) return false;
    await clearTwoFactor(tx, account.id);
    await recordAudit(
      tx,
      { action: "auth.two_factor_disable", entityType: "User", entityId: account.id, data: {} },
      { agencyId: null, actor: selfActor(account), meta },
    );
    return true;
  });
  if (!done) await wrongCode(account.id, now);
}

async function clearTwoFactor(tx: DbTx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

// ---------------------------------------------------------------------------
// The agency's administrator.

interface AgencyActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

/**
 * An administrator turns a member's 2FA off (a lost phone): only a member of
 * their own agency (another agency's person is "not found"), audited in the
 * agency's trail. The member then signs in with the password alone and, if
 * the agency requires it, is sent to enrol again.
 */
export async function resetMemberTwoFactor(input: { userId: string }, { agencyId, actor, meta }: AgencyActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const member = await tx.membership.findFirst({
      where: { agencyId, userId: input.userId },
      select: { user: { select: { id: true, nip: true, totpEnabledAt: true, totpSecret: true } } },
    });
    if (!member) throw notFoundError(M.memberNotFound);
    if (!member.user.totpEnabledAt && !member.user.totpSecret) throw conflictError(M.memberNotEnrolled);
    await clearTwoFactor(tx, member.user.id);
    await recordAudit(tx, { action: "auth.two_factor_reset", entityType: "User", entityId: member.user.id, data: { nip: member.user.nip } }, { agencyId, actor, meta });
  });
}

/** Agency.settings.requireTwoFactor: administrators and heads must have 2FA on (lib/authz/context.ts enforces it). */
export async function setTwoFactorPolicy(input: { required: boolean }, { agencyId, actor, meta }: AgencyActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true, updatedAt: true } });
    const raw = agency.settings && typeof agency.settings === "object" && !Array.isArray(agency.settings) ? (agency.settings as Record<string, unknown>) : {};
    const before = readAgencySettings(raw).requireTwoFactor;
    if (before === input.required) return;
    // Whoever turns the requirement on must meet it already: otherwise the act of saving would shut
    // the administrator out of the agency's administration until they enrol.
    if (input.required) {
      const self = await tx.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
      if (!self?.totpEnabledAt) throw conflictError(M.enrolBeforeRequiring);
    }
    const updated = await tx.agency.updateMany({
      where: { id: agencyId, updatedAt: agency.updatedAt },
      data: { settings: { ...raw, requireTwoFactor: input.required } as Prisma.InputJsonObject },
    });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      { action: "agency.two_factor_policy_set", entityType: "Agency", entityId: agencyId, data: { requireTwoFactor: { before, after: input.required } } },
      { agencyId, actor, meta },
    );
  });
}
