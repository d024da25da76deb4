import { NextResponse, type NextRequest } from "next/server";

/**
 * Server action requests (POST with a Next-Action header) from another
 * origin are refused here with a plain 403. Next.js refuses them too, but
 * answers with a 500; a clean refusal keeps errors and refusals apart.
 */
export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const origin = request.headers.get("origin");
  if (origin === null) return NextResponse.next(); // no Origin: Next.js applies its own rules
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim();
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost && originHost === host) return NextResponse.next();
  return new NextResponse("Permintaan ditolak: asal permintaan tidak diizinkan.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
