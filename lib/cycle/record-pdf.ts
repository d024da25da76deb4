import { AUDIT_MESSAGES, esakipText, formatAuditTime, formatStandard, periodLabel } from "@/lib/audit/labels";
import type { TCycleTimeline } from "@/lib/audit/queries";
import { formatNumber, type TAgencyTimeZone } from "@/lib/format";
import { createPdfDocument, PDF_COLOR as COLOR, PdfTable, text, type PdfLayout, type TPart, type TPdfSigner, type TPdfVerification, type TRow } from "@/lib/pdf/document";
import { formatNip } from "@/lib/validation/nip";

import { CYCLE_MESSAGES } from "./messages";
import { formatDuration } from "./working-time";

/**
 * Two server PDFs of a cycle, drawn through the one PDF path (lib/pdf/document.ts,
 * docs/decisions/034-one-pdf-path.md):
 * - the archive record ("Catatan Arsip Siklus"): what the archive step closes: the cycle, the
 *   e-SAKIP upload, every step's outcome and every file with its SHA-256, and the head's
 *   signature block (signed through lib/signing as ARCHIVE_RECORD);
 * - the timeline ("Linimasa Siklus"): every task and round with who, when, duration against the
 *   standard, late or on time, outcome and reasons, and the cycle's own events: what the
 *   timeline page and its CSV show, for auditors who read it on paper.
 */

const T = AUDIT_MESSAGES.timeline;
const OUTCOMES = CYCLE_MESSAGES.ui.outcomes;

export const RECORD_MESSAGES = {
  archiveTitle: "CATATAN ARSIP SIKLUS PENGUKURAN KINERJA",
  timelineTitle: "LINIMASA SIKLUS",
  period: (label: string) => label.toUpperCase(),
  fields: {
    sop: "SOP",
    unit: "Unit pelaksana",
    period: "Periode",
    status: "Status siklus",
    startedBy: "Dimulai oleh",
    started: "Dimulai",
    completed: "Selesai",
    cancelled: "Dibatalkan",
    esakip: "Unggahan ke e-SAKIP",
    receipt: "Bukti unggah e-SAKIP",
    archiveNote: "Catatan pengarsipan",
    summary: "Ringkasan",
  },
  status: { ACTIVE: "Berjalan", COMPLETED: "Selesai", CANCELLED: "Dibatalkan" } as Record<string, string>,
  sop: (nomor: string, nama: string, version: number) => `${nomor} · ${nama} (versi ${version})`,
  sectionSteps: "A. Langkah yang Dijalankan",
  sectionFiles: "B. Berkas Siklus",
  sectionEvents: "Peristiwa siklus",
  filesIntro: "Sidik SHA-256 setiap berkas memastikan berkas yang diarsipkan sama persis dengan yang dicantumkan di sini.",
  noFiles: "Siklus ini tidak memiliki berkas.",
  noSteps: "Belum ada langkah yang dijalankan.",
  col: {
    no: "No",
    step: "Langkah",
    kegiatan: "Kegiatan",
    actor: "Pelaksana",
    when: "Mulai / selesai",
    duration: "Durasi / standar",
    timing: "Status waktu",
    outcome: "Hasil dan catatan",
    file: "Nama berkas",
    size: "Ukuran",
    sha: "SHA-256",
    time: "Waktu",
    event: "Peristiwa",
  },
  stepRound: (step: number, round: number) => (round > 1 ? `${step} (putaran ${round})` : String(step)),
  notArchived: "Siklus belum selesai: catatan ini belum final.",
  recordedBy: "Yang mengesahkan,",
  footerArchive: (sop: string, period: string, agency: string) => `Catatan Arsip Siklus ${sop} ${period} · ${agency}`,
  footerTimeline: (sop: string, period: string, agency: string) => `Linimasa Siklus ${sop} ${period} · ${agency}`,
  size: (bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024)} KB` : `${formatNumber(bytes / 1024 / 1024)} MB`),
} as const;
const R = RECORD_MESSAGES;

/** A file of the cycle with its hash, as the archive record lists it. */
export interface TRecordFile {
  stepNumber: number;
  round: number;
  name: string;
  size: number;
  sha256: string;
}

export interface TCycleRecordInput {
  timeline: TCycleTimeline;
  agency: { name: string; governmentName: string };
  timeZone: TAgencyTimeZone;
  at: Date;
}

export interface TArchiveRecordInput extends TCycleRecordInput {
  files: TRecordFile[];
  /** The e-SAKIP receipt's SHA-256, when the archive step uploaded one. */
  receiptSha256: string | null;
  /** "Padang, 3 Desember 2026" (lib/agency/format.ts signaturePlaceDate). */
  placeDate: string;
  /** The head as printed; null when the agency has no head to print. */
  signer: TPdfSigner | null;
  verification?: TPdfVerification;
}

function header(layout: PdfLayout, input: TCycleRecordInput, title: string) {
  const { cycle, sop } = input.timeline;
  const tz = input.timeZone;
  layout.kop(input.agency);
  layout.paragraph(title, { font: "bold", size: 13, align: "center" });
  layout.paragraph(R.period(periodLabel(cycle.period, cycle.year)), { font: "bold", size: 11, align: "center", gap: 8 });
  const entries = input.timeline.entries;
  const rows: [string, string][] = [
    [R.fields.sop, R.sop(sop.nomor, sop.nama, sop.version)],
    ...(sop.unit ? ([[R.fields.unit, sop.unit]] as [string, string][]) : []),
    [R.fields.status, R.status[cycle.status] ?? cycle.status],
    [R.fields.startedBy, `${cycle.startedBy.name} · NIP ${formatNip(cycle.startedBy.nip)}`],
    [R.fields.started, formatAuditTime(cycle.startedAt, tz)],
  ];
  if (cycle.completedAt) rows.push([R.fields.completed, formatAuditTime(cycle.completedAt, tz)]);
  if (cycle.cancelledAt) rows.push([R.fields.cancelled, `${formatAuditTime(cycle.cancelledAt, tz)}${cycle.cancelReason ? ` · ${cycle.cancelReason}` : ""}`]);
  const returns = entries.filter((e) => e.outcome === "RETURNED").length;
  const late = entries.filter((e) => e.late).length;
  rows.push([R.fields.summary, T.summary(entries.length, returns, late)]);
  return rows;
}

function timing(e: TCycleTimeline["entries"][number]): string {
  if (e.status === "CANCELLED") return "";
  if (!e.late) return T.onTime;
  return e.completedAt ? T.lateBy(formatDuration(e.lateByMs)) : T.lateRunning(formatDuration(e.lateByMs));
}

/** The outcome of a task and what it left: reasons, output, record, e-SAKIP upload, comment. */
function outcomeParts(e: TCycleTimeline["entries"][number], full: boolean) {
  const small = 6.5;
  const parts: TPart[] = [{ text: e.outcome ? OUTCOMES[e.outcome] : T.notDone, font: "bold" }];
  const add = (label: string, value: string | null | undefined) => {
    if (value && value.trim()) parts.push({ text: `${label} ${value.trim()}`, size: small });
  };
  if (e.returnedToStep !== null) add(T.returnedTo(e.returnedToStep), e.returnReason);
  if (e.reopenedReason) add(e.reopenedBy ? T.reopenedFrom(e.reopenedBy.stepNumber, e.reopenedBy.round, e.reopenedBy.actorName) : T.reopenedBecause, e.reopenedReason);
  if (e.esakip) add(`${T.esakip}:`, esakipText(e.esakip));
  if (full) {
    add(`${T.output}:`, e.outputText);
    if (e.checklist.length) add(`${T.checklist}:`, e.checklist.join("; "));
    if (e.attendees.length) add(`${T.attendees}:`, e.attendees.join("; "));
    add(`${T.decisions}:`, e.decisions);
    add(`${T.reference}:`, e.reference);
    add(`${T.comment}:`, e.comment);
    if (e.fileVersion?.files.length) add("Berkas:", e.fileVersion.files.map((f) => f.name).join("; "));
  }
  return parts;
}

function actorParts(e: TCycleTimeline["entries"][number]): TPart[] {
  const small = 6.5;
  return [
    { text: e.actor ? e.actor.name : "–" },
    ...(e.actor ? [{ text: `NIP ${formatNip(e.actor.nip)}`, size: small, color: COLOR.muted }] : []),
    { text: e.acting ? e.acting.title : e.roleName, size: small, color: COLOR.muted },
  ];
}

function stepsTable(layout: PdfLayout, input: TCycleRecordInput, opts: { full: boolean }) {
  const tz = input.timeZone;
  const entries = input.timeline.entries;
  if (entries.length === 0) {
    layout.paragraph(R.noSteps, { font: "italic", size: 8, gap: 8 });
    return;
  }
  const widths = opts.full ? [46, 0, 120, 112, 86, 70, 200] : [46, 0, 110, 100, 150];
  const table = new PdfTable(
    layout,
    PdfTable.columns(layout, widths, ["center"]),
    opts.full
      ? [
          { text: R.col.step, col: 0, row: 0 },
          { text: R.col.kegiatan, col: 1, row: 0 },
          { text: R.col.actor, col: 2, row: 0 },
          { text: R.col.when, col: 3, row: 0 },
          { text: R.col.duration, col: 4, row: 0 },
          { text: R.col.timing, col: 5, row: 0 },
          { text: R.col.outcome, col: 6, row: 0 },
        ]
      : [
          { text: R.col.step, col: 0, row: 0 },
          { text: R.col.kegiatan, col: 1, row: 0 },
          { text: R.col.actor, col: 2, row: 0 },
          { text: R.col.when, col: 3, row: 0 },
          { text: R.col.outcome, col: 4, row: 0 },
        ],
  );
  table.start();
  for (const e of entries) {
    const when = [{ text: formatAuditTime(e.startedAt, tz) }, { text: e.completedAt ? formatAuditTime(e.completedAt, tz) : T.running, color: COLOR.muted }];
    const row: TRow = {
      cells: opts.full
        ? [
            { parts: text(R.stepRound(e.stepNumber, e.round)) },
            { parts: text(e.kegiatan) },
            { parts: actorParts(e) },
            { parts: when },
            { parts: [{ text: e.completedAt ? formatDuration(e.durationMs) : `${formatDuration(e.durationMs)} (${T.running.toLowerCase()})` }, { text: formatStandard(e.standard.amount, e.standard.unit), color: COLOR.muted }] },
            { parts: text(timing(e), e.late ? { color: COLOR.warning } : {}) },
            { parts: outcomeParts(e, true) },
          ]
        : [
            { parts: text(R.stepRound(e.stepNumber, e.round)) },
            { parts: text(e.kegiatan) },
            { parts: actorParts(e) },
            { parts: when },
            { parts: outcomeParts(e, false) },
          ],
    };
    table.rows([row]);
  }
  layout.y += 10;
}

function filesTable(layout: PdfLayout, files: TRecordFile[]) {
  // The heading travels with the intro, the table's header and its first row.
  layout.heading(R.sectionFiles, { keepWith: 90 });
  if (files.length === 0) {
    layout.paragraph(R.noFiles, { font: "italic", size: 8, gap: 8 });
    return;
  }
  layout.paragraph(R.filesIntro, { size: 7, color: COLOR.muted, gap: 3 });
  const table = new PdfTable(layout, PdfTable.columns(layout, [24, 46, 0, 48, 220], ["center", "center", "left", "right", "left"]), [
    { text: R.col.no, col: 0, row: 0 },
    { text: R.col.step, col: 1, row: 0 },
    { text: R.col.file, col: 2, row: 0 },
    { text: R.col.size, col: 3, row: 0 },
    { text: R.col.sha, col: 4, row: 0 },
  ]);
  table.start();
  files.forEach((f, i) =>
    table.rows([
      {
        cells: [
          { parts: text(String(i + 1)) },
          { parts: text(R.stepRound(f.stepNumber, f.round)) },
          { parts: text(f.name) },
          { parts: text(R.size(f.size)) },
          // Two halves of 32 hex digits: a hash copies out whole and fits the column.
          { parts: [{ text: f.sha256.slice(0, 32), size: 6.5 }, { text: f.sha256.slice(32), size: 6.5 }] },
        ],
      },
    ]),
  );
  layout.y += 10;
}

/** The archive record as PDF bytes (A4 portrait). */
export async function buildArchiveRecordPdf(input: TArchiveRecordInput): Promise<Buffer> {
  const { cycle, sop, entries } = input.timeline;
  const period = periodLabel(cycle.period, cycle.year);
  const { layout, finish } = createPdfDocument({
    orientation: "portrait",
    info: { title: `Catatan Arsip Siklus ${sop.nomor} ${period}`, author: input.agency.name, subject: `${sop.nama} ${period}` },
    at: input.at,
    timeZone: input.timeZone,
    footer: R.footerArchive(sop.nomor, period, input.agency.name),
  });
  const rows = header(layout, input, R.archiveTitle);
  // What the archive step recorded: the latest upload to e-SAKIP.
  const esakip = [...entries].reverse().find((e) => e.esakip)?.esakip ?? null;
  if (esakip) {
    rows.push([R.fields.esakip, esakipText(esakip)]);
    if (esakip.receipt) rows.push([R.fields.receipt, `${esakip.receipt.name}${input.receiptSha256 ? ` · SHA-256 ${input.receiptSha256}` : ""}`]);
  }
  if (cycle.archiveNote) rows.push([R.fields.archiveNote, cycle.archiveNote]);
  layout.fields(rows, { labelWidth: 120 });
  if (cycle.status !== "COMPLETED") layout.paragraph(R.notArchived, { font: "bold", size: 8, color: COLOR.warning, gap: 6 });
  layout.heading(R.sectionSteps);
  stepsTable(layout, input, { full: false });
  filesTable(layout, input.files);
  if (input.signer) layout.signature({ signer: input.signer, placeDate: input.placeDate, lead: R.recordedBy, verification: input.verification });
  return finish();
}

/** The timeline as PDF bytes (A4 landscape). */
export async function buildCycleTimelinePdf(input: TCycleRecordInput): Promise<Buffer> {
  const { cycle, sop, events } = input.timeline;
  const period = periodLabel(cycle.period, cycle.year);
  const { layout, finish } = createPdfDocument({
    orientation: "landscape",
    info: { title: `Linimasa Siklus ${sop.nomor} ${period}`, author: input.agency.name, subject: `${sop.nama} ${period}` },
    at: input.at,
    timeZone: input.timeZone,
    footer: R.footerTimeline(sop.nomor, period, input.agency.name),
  });
  const rows = header(layout, input, R.timelineTitle);
  if (cycle.archiveNote) rows.push([R.fields.archiveNote, cycle.archiveNote]);
  layout.fields(rows, { labelWidth: 120 });
  stepsTable(layout, input, { full: true });
  if (events.length) {
    layout.heading(R.sectionEvents);
    const table = new PdfTable(layout, PdfTable.columns(layout, [130, 150, 0]), [
      { text: R.col.time, col: 0, row: 0 },
      { text: R.col.actor, col: 1, row: 0 },
      { text: R.col.event, col: 2, row: 0 },
    ]);
    table.start();
    for (const e of events) {
      table.rows([{ cells: [{ parts: text(formatAuditTime(e.createdAt, input.timeZone)) }, { parts: text(e.actor?.name ?? AUDIT_MESSAGES.log.system) }, { parts: text(e.summary || e.actionLabel) }] }]);
    }
  }
  return finish();
}

/** "catatan-arsip-SOP-1-Q2-2026.pdf", "linimasa-SOP-1-v2-Q2-2026.pdf" (ASCII, as the CSV's name). */
export function cycleRecordFilename(kind: "archive" | "timeline", sop: { nomor: string; version: number }, cycle: { period: string; year: number }): string {
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${kind === "archive" ? "catatan-arsip" : "linimasa"}-${slug(sop.nomor)}-v${sop.version}-${cycle.period}-${cycle.year}.pdf`;
}
