import "server-only";

import { signaturePlaceDate, type TAgencyPlace } from "@/lib/agency/format";
import { cycleTimeline } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import type { TAgencyTimeZone } from "@/lib/format";
import type { TPdfSigner, TPdfVerification } from "@/lib/pdf/document";
import { holdersOfRole } from "@/lib/role/holders";

import { buildArchiveRecordPdf, buildCycleTimelinePdf, cycleRecordFilename } from "./record-pdf";

export interface TRecordAgency extends TAgencyPlace {
  id: string;
  name: string;
  governmentName: string;
  timeZone: TAgencyTimeZone;
}

/** The cycle's timeline as a PDF (lib/cycle/record-pdf.ts), or null when the cycle is not the agency's. */
export async function buildCycleTimelineFile(agency: TRecordAgency, cycleId: string, at = new Date()) {
  const timeline = cycleId.length <= 40 ? await cycleTimeline(agency.id, cycleId, at) : null;
  if (!timeline) return null;
  const pdf = await buildCycleTimelinePdf({ timeline, agency, timeZone: agency.timeZone, at });
  return { pdf, timeline, fileName: cycleRecordFilename("timeline", timeline.sop, timeline.cycle) };
}

/**
 * The cycle's archive record as a PDF, with every file of the cycle and its SHA-256, or null
 * when the cycle is not the agency's. The signature block prints `signer` (lib/signing: the
 * head signing it), or by default the head's role as held today, for a wet signature.
 */
export async function buildArchiveRecordFile(
  agency: TRecordAgency,
  cycleId: string,
  extra: { at?: Date; signer?: TPdfSigner | null; verification?: TPdfVerification } = {},
) {
  const at = extra.at ?? new Date();
  const timeline = cycleId.length <= 40 ? await cycleTimeline(agency.id, cycleId, at) : null;
  if (!timeline) return null;
  const receiptId = [...timeline.entries].reverse().find((e) => e.esakip)?.esakip?.receipt?.id ?? null;
  const [files, receipt] = await Promise.all([
    db.storedFile.findMany({
      where: { agencyId: agency.id, task: { cycleId: timeline.cycle.id } },
      select: { originalName: true, size: true, sha256: true, createdAt: true, task: { select: { stepNumber: true, round: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    receiptId ? db.storedFile.findFirst({ where: { id: receiptId, agencyId: agency.id }, select: { sha256: true } }) : null,
  ]);
  const signer = extra.signer === undefined ? await printedHead(agency, at) : extra.signer;
  const pdf = await buildArchiveRecordPdf({
    timeline,
    agency,
    timeZone: agency.timeZone,
    at,
    files: files.map((f) => ({ stepNumber: f.task!.stepNumber, round: f.task!.round, name: f.originalName, size: f.size, sha256: f.sha256 })),
    receiptSha256: receipt?.sha256 ?? null,
    placeDate: signaturePlaceDate(agency, at),
    signer,
    verification: extra.verification,
  });
  return { pdf, timeline, fileName: cycleRecordFilename("archive", timeline.sop, timeline.cycle) };
}

/** The head's block for an unsigned copy: the first holder of the head role today, else none. */
async function printedHead(agency: TRecordAgency, at: Date): Promise<TPdfSigner | null> {
  // Imported when needed: lib/signing/service imports this module to sign the record.
  const { headSignerBlock } = await import("@/lib/signing/service");
  const head = await db.role.findFirst({ where: { agencyId: agency.id, isHead: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (!head) return null;
  const [userId] = await holdersOfRole(db, agency.id, head.id, at);
  if (!userId) return null;
  return headSignerBlock(agency, userId, at).catch(() => null);
}
