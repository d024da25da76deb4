import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { createPdfDocument, lineHeight, PDF_COLOR as COLOR, PdfTable, text, type TPdfSigner, type TPdfVerification } from "@/lib/pdf/document";
import { formatNip } from "@/lib/validation/nip";

import { dayFromIso, SOP_HEADER_FIELDS } from "./mapping";
import { SOP_DOCUMENT_MESSAGES } from "./messages";
import { drawProcedureSheets } from "./pdf-flowchart";
import { governmentLine, type TSopAgencyHeader, type TSopExport } from "./xlsx";

/**
 * The SOP document as a server PDF through the one PDF path (lib/pdf/document.ts,
 * docs/decisions/034-one-pdf-path.md), laid out like the xlsx export and the Permenpan RB
 * 35/2012 paper: the identity (nomor, dates, who enacted it, the paired boxes), then the
 * procedure sheets (NO | KEGIATAN | PELAKSANA per role | MUTU BAKU | KET), each on its own
 * landscape page with its header rows, the flowchart drawn over the executor columns as the
 * browser shows it (lib/sop/pdf-flowchart.ts, docs/decisions/041-sop-flowchart-pdf.md).
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

  // The procedure sheets: the table with the flowchart over its executor columns (lib/sop/pdf-flowchart.ts).
  const sheets = drawProcedureSheets(layout, { nama: sop.nama, steps: sop.steps, roles });
  if (sheets) {
    layout.keep(lineHeight(7) * 3);
    layout.paragraph(SOP_DOCUMENT_MESSAGES.pdfSheetLegend, { font: "italic", size: 7, color: COLOR.muted });
  }
  // Signed by the head (lib/signing signSop): the block with place and date, and the QR code.
  if (opts.signature) {
    layout.y += 12;
    layout.signature({ signer: opts.signature.signer, placeDate: opts.signature.placeDate, lead: null, verification: opts.signature.verification });
  }
  return finish();
}
