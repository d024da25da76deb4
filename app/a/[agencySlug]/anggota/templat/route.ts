import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { buildMemberTemplate } from "@/lib/member/import";
import { listImportChoices } from "@/lib/member/queries";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET: the member import template, with the agency's roles and active units to copy from. */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "member.manage");
  if (door.response) return door.response;
  const { ctx } = door;
  const { roles, units } = await listImportChoices(ctx.agency.id);
  const body = await buildMemberTemplate({
    name: ctx.agency.name,
    roles: roles.filter((r) => r.code !== AUDITOR_ROLE).map((r) => r.name),
    units: units.map((u) => u.name),
  });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Type": XLSX,
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(`templat-anggota-${ctx.agency.slug}.xlsx`),
    },
  });
}

export const GET = guardRoute(handleGet, { download: true });
