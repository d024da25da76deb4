import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { resolvePeriod } from "@/lib/performance/queries";
import { buildPeriodReportPdf } from "@/lib/performance/report-build";
import { performanceReportFilename } from "@/lib/performance/report-pdf";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?tahun=&tw=: the period's Laporan Pengukuran Kinerja as an A4 landscape
 * PDF, built from the same recap as the rekap page and the xlsx exports. Same
 * door and audit as /kinerja/ekspor (anonymous -> sign-in, non-members -> 404).
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { year, quarter } = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search);
  const body = await buildPeriodReportPdf(ctx.agency, year, quarter);
  if (!body) return Response.json({ error: M.noAgreement(year) }, { status: 404, headers: NO_STORE });

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

export const GET = guardRoute(handleGet, { download: true });
