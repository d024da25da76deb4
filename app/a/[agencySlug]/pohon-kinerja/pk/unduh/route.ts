import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { buildUnitPkFile, firstUnitPkId } from "@/lib/cascade/level-pk-pdf";
import { isoDateIn } from "@/lib/format";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { NO_STORE_HEADERS, pdfAttachment } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

/**
 * GET ?pk=<UnitAgreement id> (else the first unit PK of ?tahun=): a unit's Perjanjian Kinerja of a level as an A4 PDF in the format
 * of Permenpan RB 53/2014 (lib/cascade/level-pk-pdf.ts), unsigned: to read before the head signs
 * it electronically, or to print and sign by hand. Same door as the PK page (performance.view);
 * another agency's PK is a 404; recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = new URL(request.url).searchParams;
  // Without ?pk=, the first unit PK of ?tahun= (default: this year), as the other downloads default their period.
  const year = /^\d{4}$/.test(search.get("tahun") ?? "") ? Number(search.get("tahun")) : Number(isoDateIn(new Date(), ctx.agency.timeZone).slice(0, 4));
  const id = search.get("pk") || (await firstUnitPkId(ctx.agency.id, year));
  const built = id ? await buildUnitPkFile(ctx.agency, id) : null;
  if (!built) return Response.json({ error: SIGNING_MESSAGES.unitAgreementNotFound }, { status: 404, headers: NO_STORE_HEADERS });
  await recordReportExport(ctx, "unit-agreement-pdf", { type: "Agency", id: ctx.agency.id }, { tahun: String(built.pk.year), unit: built.pk.unitName });
  return pdfAttachment(built.pdf, built.fileName);
}

export const GET = guardRoute(handleGet, { download: true });
