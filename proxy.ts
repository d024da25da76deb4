import { NextResponse, type NextRequest } from "next/server";

/**
 * Server action requests (POST with a Next-Action header) from another
 * origin get a plain 403 here. Next.js refuses them too, by the same rule
 * (the Origin's host must be the X-Forwarded-Host or the Host), but answers
 * with a 500; a clean refusal keeps attacks out of the server-error count.
 */
export function proxy(request: NextRequest) {
  const origin = request.headers.get("origin");
  if (request.method !== "POST" || origin === null) return NextResponse.next(); // no Origin: Next.js applies its own rules
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null; // "null" or garbage
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (originHost && (originHost === forwarded || originHost === request.headers.get("host"))) return NextResponse.next();
  return new NextResponse("Permintaan ditolak: asal permintaan tidak diizinkan.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
