import { notFound } from "next/navigation";

import { getAgencyLogo } from "@/lib/agency/queries";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { NO_STORE_HEADERS } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

/**
 * GET: the agency's logo for its printed documents (the SOP identity page),
 * to its members only (the route door: signed out goes to sign-in, anyone
 * else gets 404). Served inline with the type sniffed at upload and
 * `nosniff`; a new logo has a new id, so pages ask for `?v=<fileId>` and the
 * browser may keep it an hour.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "agency.view");
  if (door.response) return door.response;
  const logo = await getAgencyLogo(door.ctx.agency.id);
  if (!logo) notFound();
  return new Response(new Uint8Array(logo.bytes), {
    status: 200,
    headers: {
      ...NO_STORE_HEADERS,
      "Cache-Control": "private, max-age=3600",
      "Content-Type": logo.mimeType,
      "Content-Length": String(logo.bytes.length),
      "Content-Disposition": "inline",
    },
  });
}

export const GET = guardRoute(handleGet);
