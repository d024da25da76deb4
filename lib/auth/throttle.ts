import type { DbTx } from "@/lib/db/client";

/**
 * Sign-in throttling kept in PostgreSQL, so it holds across app instances.
 * Failures are counted per identifier (NIP/email) and per client IP within a
 * sliding window; a success clears neither (an attacker cannot reset the
 * counter by logging into their own account).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_IDENTIFIER = 5;
export const MAX_FAILURES_PER_IP = 30;

export function identifierKey(identifier: string): string {
  return `id:${identifier.trim().toLowerCase().replace(/\s/g, "")}`;
}
export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

export async function isThrottled(db: DbTx, identifier: string, ip: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byId, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { key: identifierKey(identifier), success: false, createdAt: { gte: since } } }),
    ip ? db.loginAttempt.count({ where: { key: ipKey(ip), success: false, createdAt: { gte: since } } }) : 0,
  ]);
  return byId >= MAX_FAILURES_PER_IDENTIFIER || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(db: DbTx, identifier: string, ip: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.createMany({
    data: [{ key: identifierKey(identifier), success }, ...(ip ? [{ key: ipKey(ip), success }] : [])],
  });
}
