import { notFound } from "next/navigation";

import { recordReportExport } from "@/lib/audit/record-export";
import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { buildArchiveRecordFile } from "@/lib/cycle/record-build";
import { pdfAttachment } from "@/lib/storage/http";

export const dynamic = "force-dynamic";

/**
 * GET: the cycle's archive record ("Catatan Arsip Siklus", lib/cycle/record-pdf.ts) as an A4
 * PDF with the head's signature block, unsigned (to sign by hand, or to read before the head
 * signs it electronically on the signing page). Same door as the timeline (cycle.view, 404 for
 * another agency's cycle); recorded in the audit trail.
 */
async function handleGet(request: Request, { params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const door = await agencyRoute(request, agencySlug, "cycle.view");
  if (door.response) return door.response;
  const { ctx } = door;
  const built = await buildArchiveRecordFile(ctx.agency, cycleId);
  if (!built) notFound();
  await recordReportExport(ctx, "archive-record-pdf", { type: "MeasurementCycle", id: built.timeline.cycle.id }, {});
  return pdfAttachment(built.pdf, built.fileName);
}

export const GET = guardRoute(handleGet, { download: true });
