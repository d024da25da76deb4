import type { DbTx } from "@/lib/db/client";

/**
 * Sign-in throttling kept in PostgreSQL, so it holds across app instances.
 * Failures are counted per account (whatever spelling of its NIP or e-mail
 * was typed; an identifier that names no account is counted per normalized
 * identifier) and per client address within a sliding window; a success
 * clears neither (an attacker cannot reset the counter by logging into their
 * own account). The client address is the socket's unless a trusted proxy is
 * configured (lib/authz/client-address.ts), so a forged X-Forwarded-For does
 * not reset it.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures per account (or per unknown identifier). */
export const MAX_FAILURES_PER_IDENTIFIER = 5;
export const MAX_FAILURES_PER_IP = 30;

/** The counter of one sign-in subject: an account, or an identifier that names none. */
export type ThrottleSubject = { userId: string } | { identifier: string };

export function subjectKey(subject: ThrottleSubject): string {
  return "userId" in subject ? `user:${subject.userId}` : `id:${subject.identifier}`;
}
export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

export async function isThrottled(db: DbTx, subject: ThrottleSubject, ip: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [bySubject, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { key: subjectKey(subject), success: false, createdAt: { gte: since } } }),
    ip ? db.loginAttempt.count({ where: { key: ipKey(ip), success: false, createdAt: { gte: since } } }) : 0,
  ]);
  return bySubject >= MAX_FAILURES_PER_IDENTIFIER || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(db: DbTx, subject: ThrottleSubject, ip: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.createMany({
    data: [{ key: subjectKey(subject), success }, ...(ip ? [{ key: ipKey(ip), success }] : [])],
  });
}
