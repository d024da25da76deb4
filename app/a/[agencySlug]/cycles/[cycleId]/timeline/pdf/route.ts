import { notFound } from "next/navigation";

import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { buildCycleTimelineFile } from "@/lib/cycle/record-build";
import { pdfAttachment } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

/**
 * GET: the cycle's timeline as an A4 landscape PDF (lib/cycle/record-pdf.ts), with the same
 * door as the timeline page and its CSV (cycle.view, the cycle looked up inside the agency,
 * 404 otherwise). The export is recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const door = await agencyRoute(request, agencySlug, "cycle.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const built = await buildCycleTimelineFile(ctx.agency, cycleId);
  if (!built) notFound();
  await recordReportExport(ctx, "cycle-timeline-pdf", { type: "MeasurementCycle", id: built.timeline.cycle.id }, {});
  return pdfAttachment(built.pdf, built.fileName);
}

export const GET = guardRoute(handleGet, { download: true });
