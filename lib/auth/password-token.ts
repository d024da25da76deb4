import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { DbTx } from "@/lib/db/client";
import type { PasswordTokenPurpose } from "@/lib/generated/prisma/enums";

/**
 * Set-password links: `/atur-sandi/<token>`. The token is 256 random bits
 * (unguessable), shown once to whoever issues it; the database keeps only its
 * SHA-256, so a copy of the database opens no account. A token works once,
 * until it expires, and issuing a new one for the user retires the old ones.
 * Reused for administrator password resets (purpose RESET).
 */
export const TOKEN_TTL_MS: Record<PasswordTokenPurpose, number> = {
  ONBOARDING: 72 * 60 * 60 * 1000,
  RESET: 24 * 60 * 60 * 1000,
};

export function hashPasswordToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const passwordLinkPath = (token: string) => `/atur-sandi/${token}`;

/** Issues a link for the user, in the caller's transaction; earlier unused links of the user stop working. */
export async function issuePasswordToken(
  tx: DbTx,
  input: { userId: string; agencyId: string | null; purpose: PasswordTokenPurpose; issuedById: string | null; now?: Date },
): Promise<{ token: string; path: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await retirePasswordTokens(tx, input.userId, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]);
  await tx.passwordToken.create({
    data: {
      userId: input.userId,
      agencyId: input.agencyId,
      purpose: input.purpose,
      tokenHash: hashPasswordToken(token),
      expiresAt,
      issuedById: input.issuedById,
      createdAt: now,
    },
  });
  return { token, path: passwordLinkPath(token), expiresAt };
}

/** Every unused link of the user stops working (a new one was issued, or the password was set). */
export async function retirePasswordTokens(tx: DbTx, userId: string, now = new Date()) {
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}

/** The account a link opens, or null: unknown, used, expired and inactive accounts all look the same. */
export async function findUsablePasswordToken(db: DbTx, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashPasswordToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, name: true, nip: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { tokenId: row.id, user: row.user };
}

// ---------------------------------------------------------------------------
// Throttling: wrong links and wrong current passwords, counted in PostgreSQL
// (LoginAttempt, like sign-in) so the limit holds across app instances.

export const ACCOUNT_THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_LINK_FAILURES_PER_IP = 20;
export const MAX_PASSWORD_FAILURES_PER_ACCOUNT = 5;

export const linkFailureKey = (ip: string | null) => `pwlink:ip:${ip ?? "unknown"}`;
export const passwordFailureKey = (userId: string) => `pwchange:user:${userId}`;

export async function tooManyFailures(db: DbTx, key: string, max: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - ACCOUNT_THROTTLE_WINDOW_MS);
  return (await db.loginAttempt.count({ where: { key, success: false, createdAt: { gte: since } } })) >= max;
}

export async function recordFailure(db: DbTx, key: string, now = new Date()) {
  await db.loginAttempt.create({ data: { key, success: false, createdAt: now } });
}
