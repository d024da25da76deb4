import { recordReportExport } from "@/lib/audit/record-export";
import { signaturePlaceDate } from "@/lib/agency/format";
import { agencyRoute } from "@/lib/authz/route";
import { loadAgreement, loadPeriodArchive, resolvePeriod } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { buildPerformanceReportPdf, performanceReportFilename } from "@/lib/performance/report-pdf";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?tahun=&tw=: the period's Laporan Pengukuran Kinerja as an A4 landscape
 * PDF, built from the same recap as the rekap page and the xlsx exports. Same
 * door and audit as /kinerja/ekspor (anonymous -> sign-in, non-members -> 404).
 */
export async function GET(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { year, quarter } = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search);
  const [agreement, archive] = await Promise.all([loadAgreement(ctx.agency.id, year), loadPeriodArchive(ctx.agency.id, year, quarter)]);
  if (!agreement) return Response.json({ error: M.noAgreement(year) }, { status: 404, headers: NO_STORE });

  const settings = ctx.agency.settings.capaian;
  const body = await buildPerformanceReportPdf({
    recap: buildRecap(agreement, quarter, settings, archive),
    agency: { name: ctx.agency.name, governmentName: ctx.agency.governmentName },
    agreement,
    settings,
    timeZone: ctx.agency.timeZone,
    placeDate: signaturePlaceDate(ctx.agency, new Date()),
  });
  // "laporan-pdf" is not yet a report of the report.export event (lib/audit/events.ts):
  // recorded as the measurement report it is, the format in the parameters.
  await recordReportExport(ctx, "laporan-pdf", { type: "Agency", id: ctx.agency.id }, {
    tahun: String(year),
    tw: String(quarter),
  });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(performanceReportFilename(ctx.agency.slug, year, quarter)),
    },
  });
}
