import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok","db":"ok"} after a real database round trip; 503 when the database is unreachable. */
export async function GET() {
  const ok = await checkDatabase();
  return Response.json(
    ok ? { status: "ok", db: "ok" } : { status: "error", db: "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
