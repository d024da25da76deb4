import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { createPdfDocument, PDF_COLOR as COLOR, PdfTable, text, type THeaderCell, type TPart, type TPdfSigner, type TPdfVerification } from "@/lib/pdf/document";
import { formatNip } from "@/lib/validation/nip";

import { assignmentNote } from "./assignment";
import { dayFromIso, SOP_HEADER_FIELDS } from "./mapping";
import { SOP_DOCUMENT_MESSAGES } from "./messages";
import { isDecisionKind } from "./schemas";
import { decisionNote, formatWaktu, governmentLine, SOP_MARKS, type TSopAgencyHeader, type TSopExport } from "./xlsx";

/**
 * The SOP document as a server PDF through the one PDF path (lib/pdf/document.ts,
 * docs/decisions/034-one-pdf-path.md), laid out like the xlsx export and the Permenpan RB
 * 35/2012 paper: the identity (nomor, dates, who enacted it, the paired boxes) and the
 * procedure table (NO | KEGIATAN | PELAKSANA per role | MUTU BAKU | KET) with its header on
 * every page. The flowchart itself is still printed by the browser from the SOP's page.
 */
export async function buildSopPdf(
  data: TSopExport,
  header: TSopAgencyHeader,
  opts: { at?: Date; timeZone?: TAgencyTimeZone; signature?: { signer: TPdfSigner; placeDate: string; verification?: TPdfVerification } } = {},
): Promise<Buffer> {
  const { sop, roles } = data;
  const at = opts.at ?? new Date();
  const { layout, finish } = createPdfDocument({
    orientation: "landscape",
    info: { title: `SOP ${sop.nomor} ${sop.nama}`, author: header.name, subject: "Standar Operasional Prosedur" },
    at,
    timeZone: opts.timeZone ?? "WIB",
    footer: `SOP ${sop.nomor} (versi ${data.version}) · ${sop.nama}`,
  });
  const day = (iso: string | null) => (iso ? formatDate(dayFromIso(iso)!, "WIB") : "-");
  const labels = Object.fromEntries(SOP_HEADER_FIELDS) as Record<(typeof SOP_HEADER_FIELDS)[number][0], string>;
  const numbered = (items: readonly string[]) => (items.length ? items.map((item, i) => `${i + 1}. ${item}`).join("\n") : "-");

  layout.paragraph(governmentLine(header), { font: "bold", size: 11, align: "center" });
  layout.paragraph(header.name.toUpperCase(), { font: "bold", size: 12, align: "center", gap: 4 });
  layout.line(layout.left, layout.y, layout.right, layout.y, 1.5);
  layout.line(layout.left, layout.y + 2, layout.right, layout.y + 2, 0.5);
  layout.y += 10;
  layout.paragraph("STANDAR OPERASIONAL PROSEDUR (SOP)", { font: "bold", size: 13, align: "center" });
  layout.paragraph(sop.nama.toUpperCase(), { font: "bold", size: 11, align: "center", gap: 8 });
  layout.fields(
    [
      [labels.nomor, sop.nomor],
      ["Versi", `${data.version} (${(SOP_DOCUMENT_MESSAGES.status as Record<string, string>)[data.status] ?? data.status})`],
      [labels.tanggalPembuatan, day(sop.tanggalPembuatan)],
      [labels.tanggalRevisi, day(sop.tanggalRevisi)],
      [labels.tanggalEfektif, day(sop.tanggalEfektif)],
      [labels.disahkanJabatan, sop.disahkanJabatan],
      [labels.disahkanNama, sop.disahkanNama],
      [labels.disahkanPangkat, sop.disahkanPangkat ?? "-"],
      [labels.disahkanNip, sop.disahkanNip ? `NIP. ${formatNip(sop.disahkanNip)}` : "-"],
      [labels.unit, sop.unit],
    ],
    { labelWidth: 160 },
  );
  const pairs = new PdfTable(layout, PdfTable.columns(layout, [0, layout.width / 2]), [
    { text: labels.dasarHukum, col: 0, row: 0 },
    { text: labels.kualifikasiPelaksana, col: 1, row: 0 },
  ]);
  pairs.start();
  const pairRow = (l: string, r: string, fill = false) => ({ fill: fill ? COLOR.header : undefined, cells: [{ parts: text(l, fill ? { font: "bold" } : {}) }, { parts: text(r, fill ? { font: "bold" } : {}) }] });
  pairs.rows([pairRow(numbered(sop.dasarHukum), numbered(sop.kualifikasiPelaksana))]);
  pairs.rows([pairRow(labels.keterkaitan, labels.peralatan, true), pairRow(numbered(sop.keterkaitan), numbered(sop.peralatan))]);
  pairs.rows([pairRow(labels.peringatan, labels.pencatatan, true), pairRow(sop.peringatan.trim() || "-", numbered(sop.pencatatan))]);
  layout.y += 12;

  // NO | KEGIATAN | one column per role | Kelengkapan | Waktu | Output | KET
  const roleWidth = Math.max(30, Math.min(46, 240 / Math.max(1, roles.length)));
  const widths = [24, 0, ...roles.map(() => roleWidth), 104, 50, 96, 104];
  const firstRole = 2;
  const mutu = firstRole + roles.length;
  const head: THeaderCell[] = [
    { text: "NO", col: 0, row: 0, rowSpan: 2 },
    { text: "KEGIATAN", col: 1, row: 0, rowSpan: 2 },
    ...(roles.length ? [{ text: "PELAKSANA", col: firstRole, span: roles.length, row: 0 }] : []),
    ...roles.map((r, i) => ({ text: r.name, col: firstRole + i, row: 1 })),
    { text: "MUTU BAKU", col: mutu, span: 3, row: 0 },
    { text: "Kelengkapan", col: mutu, row: 1 },
    { text: "Waktu", col: mutu + 1, row: 1 },
    { text: "Output", col: mutu + 2, row: 1 },
    { text: "KET", col: mutu + 3, row: 0, rowSpan: 2 },
  ];
  layout.heading("Prosedur", { keepWith: 90 });
  const table = new PdfTable(layout, PdfTable.columns(layout, widths, ["center", "left", ...roles.map(() => "center" as const), "left", "center", "left", "left"]), head);
  table.start();
  for (const step of sop.steps) {
    const marks = roles.map((role) => {
      if (role.code === step.executorRoleCode) return isDecisionKind(step.kind) ? SOP_MARKS.decision : SOP_MARKS.executor;
      if (step.participantRoleCodes.includes(role.code)) return step.assignment === "JOINT" ? SOP_MARKS.executor : SOP_MARKS.participant;
      return "";
    });
    const note = [step.keterangan.trim(), decisionNote(step), assignmentNote(step)].filter(Boolean).join("\n");
    table.rows([
      {
        cells: [
          { parts: text(String(step.number)) },
          { parts: text(step.kegiatan) },
          ...marks.map((m): { parts: TPart[] } => ({ parts: text(m, { size: 11 }) })),
          { parts: text(step.kelengkapan || "-") },
          { parts: text(formatWaktu(step)) },
          { parts: text(step.output || "-") },
          { parts: text(note || "-") },
        ],
      },
    ]);
  }
  layout.y += 6;
  layout.paragraph(
    `Keterangan: ${SOP_MARKS.executor} pelaksana kegiatan; ${SOP_MARKS.decision} pelaksana keputusan (pemeriksaan/persetujuan); ${SOP_MARKS.participant} ikut serta. Waktu dalam hari dihitung hari kerja.`,
    { font: "italic", size: 7, color: COLOR.muted },
  );
  // Signed by the head (lib/signing signSop): the block with place and date, and the QR code.
  if (opts.signature) {
    layout.y += 12;
    layout.signature({ signer: opts.signature.signer, placeDate: opts.signature.placeDate, lead: null, verification: opts.signature.verification });
  }
  return finish();
}
