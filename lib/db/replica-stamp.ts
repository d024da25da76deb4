/**
 * The read-your-writes stamp (docs/decisions/037-scale-out.md): its cookie and
 * window. No imports, so proxy.ts can set it without loading the database client.
 */

/** Name of the cookie holding the time (ms since the epoch) of the user's last server action. */
export const WROTE_AT_COOKIE = "alur_wrote_at";

/** How long after a write the writer's reads stay on the primary (longer than the replica's lag should ever be). */
export function stickySeconds(): number {
  const value = Number(process.env.ALUR_REPLICA_STICKY_SECONDS ?? 10);
  return Number.isFinite(value) && value >= 0 ? value : 10;
}

/**
 * The Set-Cookie header value of the stamp for a server action request, or
 * null when no replica is configured. Set by the proxy as a raw header, not
 * with `cookies().set()` in the action nor `response.cookies.set()` in the
 * proxy: Next.js counts either as a cookie the action changed and re-renders
 * the page into the action's response, which decision 027 (writes do not
 * render) removed. A raw Set-Cookie header only reaches the browser.
 */
export function writeStamp(now = Date.now()): string | null {
  if (!process.env.DATABASE_REPLICA_URL) return null;
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ? "; Secure" : "";
  return `${WROTE_AT_COOKIE}=${now}; Path=/; Max-Age=${Math.max(1, Math.ceil(stickySeconds()))}; HttpOnly; SameSite=Lax${secure}`;
}
