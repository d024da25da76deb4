import { notFound } from "next/navigation";

import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { CSV_HEADERS, csvContentDisposition, timelineCsvRows, toCsv } from "@/lib/audit/csv";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { cycleTimeline } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";

/**
 * GET: the cycle's timeline as CSV, one row per task (every round), with the
 * same authorization as the timeline page (cycle.view, cycle looked up inside
 * the agency, 404 otherwise). The export is recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const door = await agencyRoute(request, agencySlug, "cycle.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const timeline = cycleId.length <= 40 ? await cycleTimeline(ctx.agency.id, cycleId) : null;
  if (!timeline) notFound();
  const { cycle, sop } = timeline;
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  await recordReportExport(ctx, "cycle-timeline", { type: "MeasurementCycle", id: cycle.id }, {});
  const filename = `linimasa-${slug(sop.nomor)}-v${sop.version}-${cycle.period}-${cycle.year}.csv`;
  return new Response(toCsv(M.csv.timeline, timelineCsvRows(timeline, ctx.agency.timeZone)), {
    status: 200,
    headers: { ...CSV_HEADERS, "Content-Disposition": csvContentDisposition(filename) },
  });
}

export const GET = guardRoute(handleGet, { download: true });
