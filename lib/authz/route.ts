import "server-only";

import { unstable_rethrow } from "next/navigation";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { signInUrl } from "@/lib/auth/callback";
import { inDownloadPlace } from "@/lib/http/busy";
import { errorResponse } from "@/lib/storage/http";
import { TWO_FACTOR_MESSAGES } from "@/lib/auth/two-factor-messages";
import { t } from "@/lib/i18n";

import { actingOf, buildAgencyContext, getSessionUser, loadAgencyContext, type AgencyContext } from "./context";
import type { TPermission } from "./permissions";
import { getRequestMeta } from "./request-meta";

export interface RouteContext extends AgencyContext {
  /** Who acts, for the audit rows a route writes (exports, downloads, uploads). */
  actor: AuditActor;
  meta: AuditRequestMeta;
}

export type RouteDoor = { ctx: RouteContext; response?: undefined } | { ctx?: undefined; response: Response };

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

/**
 * The one door for route handlers, the way pages use requireAgencyContext and
 * server actions agencyAction: session, membership, roles and the permission,
 * resolved by the same functions. It answers in HTTP instead of throwing:
 * - signed out: a GET (a person following a download link) goes to sign-in
 *   (307 to /masuk, as a page would); anything else gets 401 with the message;
 * - not an active member, or lacking `permission`: 404, never a hint that the
 *   agency exists (as pages and actions answer).
 *
 *   const door = await agencyRoute(request, agencySlug, "audit.view");
 *   if (door.response) return door.response;
 *   const { ctx } = door;
 */
/** The request's path and query, to come back to after sign-in. */
function pathOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function agencyRoute(request: Request, slug: string, permission: TPermission): Promise<RouteDoor> {
  const user = await getSessionUser();
  if (!user) {
    if (request.method === "GET" || request.method === "HEAD") return { response: new Response(null, { status: 307, headers: { ...NO_STORE, Location: signInUrl(pathOf(request)) } }) };
    return { response: Response.json({ error: t.errors.unauthenticated }, { status: 401, headers: NO_STORE }) };
  }
  const loaded = typeof slug === "string" ? await loadAgencyContext(user.id, slug) : null;
  const ctx = loaded ? buildAgencyContext(user, loaded) : null;
  if (ctx?.twoFactorMissing) return { response: Response.json({ error: TWO_FACTOR_MESSAGES.requiredAction }, { status: 403, headers: NO_STORE }) };
  if (!ctx?.can(permission)) return { response: Response.json({ error: t.errors.notFound }, { status: 404, headers: NO_STORE }) };
  return {
    ctx: { ...ctx, actor: { id: user.id, name: user.name, nip: user.nip, roles: ctx.roleCodes, acting: actingOf(ctx) }, meta: await getRequestMeta() },
  };
}

/**
 * Every route handler's catch-all: whatever it throws becomes an answer in Indonesian, never
 * Next's bare 500 (lib/storage/http.ts errorResponse: the user's own errors with their status, a
 * busy database as 503 with Retry-After, anything else logged and answered without detail).
 * `download: true` also runs it in one of the process's places for generated files (lib/http/busy.ts).
 *
 *   async function handleGet(request: Request, { params }: …) { … }
 *   export const GET = guardRoute(handleGet, { download: true });
 */
export function guardRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>, options: { download?: boolean } = {}): (...args: A) => Promise<Response> {
  const guarded = async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      // notFound() and redirect() are Next's own answers (404, 307), thrown: let them through.
      unstable_rethrow(error);
      return errorResponse(error);
    }
  };
  return options.download ? (...args: A) => inDownloadPlace(() => guarded(...args)) : guarded;
}
