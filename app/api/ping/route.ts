export const dynamic = "force-dynamic";

/**
 * 200 "ok" without touching the database, session or any data: the floor the
 * benchmark (tests/bench/run.ts) compares every data page against. Unlike
 * /api/health it does no database round trip, so it measures Next.js request
 * handling alone.
 */
export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
