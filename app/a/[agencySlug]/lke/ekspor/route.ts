import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { LKE_MESSAGES as M, LKE_STATUS_LABELS } from "@/lib/lke/messages";
import { loadLke } from "@/lib/lke/service";
import { buildLkeWorkbook, lkeExportFilename } from "@/lib/lke/xlsx";
import { appUrl } from "@/lib/notify/config";
import { attachmentDisposition } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET ?tahun=: the year's LKE as the evaluators' sheet (lib/lke/xlsx.ts), with the same
 * score as the page; every download is audited. A year without an evaluation is answered
 * in Indonesian (404).
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "lke.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const raw = Number(new URL(request.url).searchParams.get("tahun"));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getUTCFullYear() - 1;
  const lke = await loadLke(ctx.agency.id, year);
  if (!lke) return Response.json({ error: M.notFound(year) }, { status: 404, headers: NO_STORE });
  const body = await buildLkeWorkbook({
    agencyName: ctx.agency.name,
    year,
    editionName: lke.evaluation.edition.name,
    statusLabel: LKE_STATUS_LABELS[lke.evaluation.status === "DRAFT" && lke.evaluation.round > 1 ? "RETURNED" : lke.evaluation.status],
    structure: lke.structure,
    answers: lke.answers,
    score: lke.score,
    origin: appUrl(),
  });
  await recordReportExport(ctx, "lke-xlsx", { type: "Agency", id: ctx.agency.id }, { tahun: String(year) });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...NO_STORE, "Content-Type": XLSX, "Content-Length": String(body.length), "Content-Disposition": attachmentDisposition(lkeExportFilename(ctx.agency.slug, year)) },
  });
}

export const GET = guardRoute(handleGet, { download: true });
