import { NextResponse, type NextRequest } from "next/server";

import { REQUEST_PATH_HEADER } from "@/lib/auth/callback";
import { writeStamp } from "@/lib/db/replica-stamp";
import { t } from "@/lib/i18n";
import { hasControlCharacters } from "@/lib/validation/control-characters";

/**
 * Runs before every page, route handler and server action (not static files):
 *  1. A per-request nonce and the Content-Security-Policy that allows only
 *     scripts carrying it (no 'unsafe-inline' / 'unsafe-eval' in production).
 *     Next.js reads the nonce from the request's CSP header and puts it on its
 *     own scripts; pages are rendered per request (app/layout.tsx), as a nonce
 *     must be fresh. docs/decisions/013-client-address-and-csp.md.
 *  2. A path or query with a control character (`%00` above all, which
 *     PostgreSQL refuses with a database error) gets a plain 400 in
 *     Indonesian: one place for every page's and route handler's URL text.
 *  3. Server action requests (POST with a Next-Action header) from another
 *     origin get a plain 403. Next.js refuses them too, by the same rule (the
 *     Origin's host must be the X-Forwarded-Host or the Host), but answers with
 *     a 500; a clean refusal keeps attacks out of the server-error count.
 *  4. With a read replica configured, every server action stamps the browser
 *     (`alur_wrote_at`): its next read-only pages read the primary for a few
 *     seconds, so the user sees what they just did (docs/decisions/037-scale-out.md).
 */
const isProd = process.env.NODE_ENV === "production";

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd bootstrap loads (Next's chunks) are trusted; no inline script without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProd ? "" : " 'unsafe-eval'"}`,
    // Inline style attributes (React, Radix positioning, sonner) stay allowed: styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

function plain(status: number, text: string) {
  return new NextResponse(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape is Next's to answer (400); it holds no control character we could see
  }
}

function foreignAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false; // no Origin: Next.js applies its own rules
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null; // "null" or garbage
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return !(originHost && (originHost === forwarded || originHost === request.headers.get("host")));
}

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  if (hasControlCharacters(decoded(url.pathname)) || [...url.searchParams].some(([k, v]) => hasControlCharacters(k) || hasControlCharacters(v))) {
    return plain(400, t.errors.badRequestText);
  }
  if (foreignAction(request)) return plain(403, "Permintaan ditolak: asal permintaan tidak diizinkan.");

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // A file's viewer link (?lihat=1, PDFs only: the route decides) opens in Chrome's own PDF viewer,
  // which is an <embed> that `object-src 'none'` blocks (crbug.com/271452): same-origin objects there.
  const viewsFile = url.searchParams.get("lihat") === "1" && /^\/a\/[^/]+\/files\/[^/]+$/.test(url.pathname);
  const csp = viewsFile ? contentSecurityPolicy(nonce).replace("object-src 'none'", "object-src 'self'") : contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  // The page's own path and query, for the doors to send a signed-out visitor back after sign-in (lib/auth/callback.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  const stamp = request.method === "POST" && request.headers.has("next-action") ? writeStamp() : null;
  if (stamp) response.headers.append("set-cookie", stamp);
  return response;
}

export const config = {
  matcher: [
    // Everything but the build's static files (their CSP comes from next.config.js) and multipart
    // uploads: Next.js buffers the body of every request the proxy sees (and cuts it at 10 MB), which
    // would defeat the upload route's own streaming size limit. Uploads answer JSON, and their route
    // refuses control characters itself (lib/storage/http.ts, lib/authz/context.ts).
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|fonts/).*)",
      missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
    // Every server action, multipart ones included (at most 2 MB: next.config.js), for the origin check.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
