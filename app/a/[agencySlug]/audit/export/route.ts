import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { CSV_BOM, CSV_HEADERS, auditLogCsvRow, csvContentDisposition, csvRow, csvRows } from "@/lib/audit/csv";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { retryWhenBusy } from "@/lib/http/busy";
import { describeAuditRows, iterateAuditEvents, parseAuditParams } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";

/**
 * GET with the log page's filters: every matching event as CSV (UTF-8 with a
 * BOM, for Excel), newest first. Streamed in keyset batches of 5,000, so a
 * million-row log never sits in memory. Same door as the page: anonymous ->
 * sign-in, non-members and members without audit.view -> 404. The export is
 * itself recorded, with its filters.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "audit.view");
  if (door.response) return door.response;
  const { ctx } = door;
  // A range with from > to matches nothing, as on the page.
  const searchParams = new URL(request.url).searchParams;
  const { filters } = parseAuditParams(searchParams, ctx.agency.timeZone);
  await recordReportExport(ctx, "audit-log", { type: "Agency", id: ctx.agency.id }, Object.fromEntries(searchParams));
  const tz = ctx.agency.timeZone;
  const encoder = new TextEncoder();
  const batches = iterateAuditEvents(ctx.agency.id, filters, 5_000);
  let started = false;

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(M.csv.log)));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const views = await retryWhenBusy(() => describeAuditRows(ctx.agency.id, next.value));
      controller.enqueue(encoder.encode(csvRows(views.map((v) => auditLogCsvRow(v, tz)))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: { ...CSV_HEADERS, "Content-Disposition": csvContentDisposition(`jejak-audit-${ctx.agency.slug}-${stamp}.csv`) },
  });
}

export const GET = guardRoute(handleGet, { download: true });
