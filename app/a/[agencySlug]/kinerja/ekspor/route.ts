import { recordReportExport } from "@/lib/audit/record-export";
import { signaturePlaceDate } from "@/lib/agency/format";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { loadAgreement, loadPeriodArchive, resolvePeriod } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { buildPerformanceWorkbook, isPerformanceExportKind, performanceExportFilename } from "@/lib/performance/xlsx";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?tahun=&tw=&jenis=rencana-aksi|pengukuran: the period's Realisasi
 * Rencana Aksi or Pengukuran Kinerja as xlsx, built from the same recap as the
 * rekap page. Same door as the pages (anonymous -> sign-in, non-members -> 404);
 * an unknown kind or a year without PK is answered in Indonesian.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const kind = search.jenis ?? "rencana-aksi";
  if (!isPerformanceExportKind(kind)) return Response.json({ error: M.ui.exportBadKind }, { status: 400, headers: NO_STORE });
  const { year, quarter } = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search);
  const [agreement, archive] = await Promise.all([loadAgreement(ctx.agency.id, year), loadPeriodArchive(ctx.agency.id, year, quarter)]);
  if (!agreement) return Response.json({ error: M.noAgreement(year) }, { status: 404, headers: NO_STORE });

  const recap = buildRecap(agreement, quarter, ctx.agency.settings.capaian, archive);
  const body = await buildPerformanceWorkbook({
    kind,
    recap,
    agency: { name: ctx.agency.name, governmentName: ctx.agency.governmentName },
    agreement,
    timeZone: ctx.agency.timeZone,
    placeDate: signaturePlaceDate(ctx.agency, new Date()),
  });
  await recordReportExport(ctx, kind === "pengukuran" ? "pengukuran-kinerja" : "realisasi-rencana-aksi", { type: "Agency", id: ctx.agency.id }, {
    tahun: String(year),
    tw: String(quarter),
  });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": XLSX,
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(performanceExportFilename(kind, ctx.agency.slug, year, quarter)),
    },
  });
}

export const GET = guardRoute(handleGet, { download: true });
