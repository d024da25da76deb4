/**
 * What every official output (the xlsx forms, the PDF report, the e-SAKIP
 * package's manifest) says about values Tim SAKIP has not verified, and about
 * a quarter the head archived anyway: one wording, so the documents agree.
 */
import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import type { TPeriodArchive } from "./recap";

export const OFFICIAL_NOTES = {
  /** Beside a value (PDF) and in the status column (xlsx). */
  unverified: "belum diverifikasi",
  /** The xlsx cell note of an unverified value. */
  cellNote: (status: string) => `Belum diverifikasi Tim SAKIP (status: ${status}): angka ini belum final.`,
  cellNoteToDate: "Dihitung dari nilai yang belum diverifikasi Tim SAKIP: belum final.",
  unverifiedNotice: (n: number, marker: string) =>
    `Perhatian: ${n} nilai realisasi belum diverifikasi Tim SAKIP${marker}; angka dan capaian yang dihitung darinya belum final.`,
  archiveNotice: (by: string, at: string | null, note: string) =>
    `Periode ini diarsipkan oleh ${by}${at ? ` pada ${at}` : ""} sebelum seluruh realisasi diverifikasi, dengan catatan: "${note}"`,
} as const;

/** "Dr. Nama (NIP 19700310 200001 1 021)", or "Kepala instansi" when unknown. */
export function archivedBy(archive: TPeriodArchive): string {
  if (!archive.by) return "Kepala instansi";
  return `${archive.by.name} (NIP ${formatNip(archive.by.nip)})`;
}

/** The document-level lines: how many values are unverified, and the head's archive note. Empty when there is nothing to say. */
export function officialNotices(recap: { unverifiedValues: number; archive: TPeriodArchive | null }, timeZone: TAgencyTimeZone = "WIB", marker = ""): string[] {
  const lines: string[] = [];
  if (recap.unverifiedValues > 0) lines.push(OFFICIAL_NOTES.unverifiedNotice(recap.unverifiedValues, marker));
  if (recap.archive) {
    lines.push(OFFICIAL_NOTES.archiveNotice(archivedBy(recap.archive), recap.archive.at ? formatDate(recap.archive.at, timeZone) : null, recap.archive.note));
  }
  return lines;
}
