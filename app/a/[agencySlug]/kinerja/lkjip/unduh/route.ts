import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { loadLkjip } from "@/lib/lkjip/build";
import { lkjipDocx } from "@/lib/lkjip/docx";
import { lkjipPdf } from "@/lib/lkjip/pdf";
import { resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * GET ?tahun=&format=docx|pdf: the year's Laporan Kinerja (LKjIP) draft as an
 * editable Word document (default) or as a PDF (the one PDF path, decision
 * 034), from the same recap as the rekap page (triwulan IV). Same door and
 * audit as the other performance downloads.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "performance.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const format = search.format ?? "docx";
  if (format !== "docx" && format !== "pdf") {
    return Response.json({ error: "Format unduhan tidak dikenal. Gunakan format=docx atau format=pdf." }, { status: 400, headers: NO_STORE });
  }
  const { year } = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search);
  const model = await loadLkjip(ctx.agency, year);
  if (!model) return Response.json({ error: M.noAgreement(year) }, { status: 404, headers: NO_STORE });
  const body = format === "pdf" ? await lkjipPdf(model, { timeZone: ctx.agency.timeZone }) : await lkjipDocx(model);
  await recordReportExport(ctx, format === "pdf" ? "lkjip-pdf" : "lkjip-docx", { type: "Agency", id: ctx.agency.id }, { tahun: String(year) });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": format === "pdf" ? "application/pdf" : DOCX,
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(`lkjip-${ctx.agency.slug}-${year}.${format}`),
    },
  });
}

export const GET = guardRoute(handleGet, { download: true });
