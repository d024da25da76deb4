import ExcelJS from "exceljs";

import { formatDate, formatNumber } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import { dayFromIso, SOP_HEADER_FIELDS } from "./mapping";
import { SOP_DOCUMENT_MESSAGES } from "./messages";
import { assignmentNote } from "./assignment";
import { isDecisionKind, TIME_UNIT_LABELS, type TSopInput, type TSopStep } from "./schemas";

/**
 * The SOP as an Excel workbook, laid out like the printed Permenpan RB 35/2012
 * document the agencies keep in Excel today: sheet "Identitas" (identity rows and
 * the paired boxes as numbered lists) and sheet "Prosedur" (NO | KEGIATAN |
 * PELAKSANA per role | MUTU BAKU | KET, header repeated on every printed page).
 * Plain values only, no formulas: the file is a record, not a calculator.
 *
 * Also home to the small helpers both export formats share (the roles an SOP
 * uses, the download file name).
 */

export interface TSopRoleRef {
  code: string;
  name: string;
}

/** One saved version in portable form, with the names of the roles it uses (executor columns, in agency order). */
export interface TSopExport {
  sop: TSopInput;
  version: number;
  status: string;
  roles: TSopRoleRef[];
}

/** The agency as printed in the identity box (getAgencyHeader). */
export interface TSopAgencyHeader {
  name: string;
  government: { level: string; name: string };
}

/** Marks in the executor columns; the legend under the table says what they mean. */
export const SOP_MARKS = { executor: "●", decision: "◆", participant: "○" } as const;

/**
 * The roles an SOP names (executors and participants), in the agency's order so the
 * executor columns read like the paper table. A code the agency list lacks keeps its code as name.
 */
export function rolesUsedBySop(sop: TSopInput, agencyRoles: readonly TSopRoleRef[]): TSopRoleRef[] {
  const used = new Set(sop.steps.flatMap((s) => [s.executorRoleCode, ...s.participantRoleCodes]));
  const known = agencyRoles.filter((r) => used.has(r.code)).map(({ code, name }) => ({ code, name }));
  const knownCodes = new Set(known.map((r) => r.code));
  const unknown = [...used].filter((c) => !knownCodes.has(c)).map((code) => ({ code, name: code }));
  return [...known, ...unknown];
}

/** "PEMERINTAH PROVINSI SUMATERA BARAT" */
export function governmentLine(header: TSopAgencyHeader): string {
  const level = header.government.level === "PROVINSI" ? "Provinsi" : header.government.level === "KOTA" ? "Kota" : "Kabupaten";
  return `Pemerintah ${level} ${header.government.name}`.toUpperCase();
}

/** "2 jam", "1,5 hari kerja" */
export function formatWaktu(step: Pick<TSopStep, "waktuJumlah" | "waktuSatuan">): string {
  return `${formatNumber(step.waktuJumlah)} ${TIME_UNIT_LABELS[step.waktuSatuan]}`;
}

/** Where a decision's exits go: "Ya → langkah 8; Tidak → kembali ke langkah 4"; empty for other steps. */
export function decisionNote(step: Pick<TSopStep, "number" | "kind" | "yesStepNumber" | "noStepNumber">): string {
  if (!isDecisionKind(step.kind)) return "";
  const yes = step.yesStepNumber ?? step.number + 1;
  const no = step.noStepNumber === null ? "" : `; Tidak → kembali ke langkah ${step.noStepNumber}`;
  return `Ya → langkah ${yes}${no}`;
}

const day = (iso: string | null) => (iso ? formatDate(dayFromIso(iso)!, "WIB") : "-");

// --- download names -----------------------------------------------------------

/** ASCII-only file name part: "150/SOP-BMCKTR/2024" -> "150-SOP-BMCKTR-2024". */
function asciiPart(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return ascii || "tanpa-nomor";
}

/** File name part keeping letters of any script; only separators, controls and quotes are replaced. */
function unicodePart(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|%;]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/-{2,}/g, "-")
    .trim()
    .replace(/^[-.]+|[-.]+$/g, "");
  return cleaned || "tanpa-nomor";
}

/** "SOP-150-SOP-BMCKTR-2024-v2.xlsx" (ASCII) and the same name with non-ASCII letters kept. */
export function sopExportFilename(nomor: string, version: number, ext: "json" | "xlsx" | "pdf") {
  const clip = (s: string) => s.slice(0, 120);
  return {
    ascii: `SOP-${clip(asciiPart(nomor))}-v${version}.${ext}`,
    unicode: `SOP-${clip(unicodePart(nomor))}-v${version}.${ext}`,
  };
}

/** RFC 6266 attachment header: a plain ASCII filename, plus filename* (RFC 5987) when the name has other characters. */
export function contentDisposition(name: { ascii: string; unicode: string }): string {
  const plain = `attachment; filename="${name.ascii}"`;
  if (/^[\x20-\x7e]*$/.test(name.unicode)) return plain;
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${plain}; filename*=UTF-8''${encoded}`;
}

// --- workbook -----------------------------------------------------------------

const FONT = "Arial";
const FONT_SIZE = 10;
/** Points per wrapped line at FONT_SIZE, with a little air. */
const LINE_HEIGHT = 13;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const A4 = 9;

/**
 * Spreadsheet apps do not grow rows for wrapped text reliably (merged cells never),
 * so each row gets a height from its longest cell: about one character per unit of
 * column width.
 */
function linesFor(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.15) - 1);
  return text.split("\n").reduce((sum, para) => sum + Math.max(1, Math.ceil(para.length / perLine)), 0);
}

function fitRow(row: ExcelJS.Row, widths: readonly number[]) {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cell.value === null || cell.value === undefined ? "" : String(cell.value);
    lines = Math.max(lines, linesFor(text, widths[col - 1] ?? 10));
  });
  row.height = Math.max(16, lines * LINE_HEIGHT + 4);
}

function styleCell(cell: ExcelJS.Cell, opts: { bold?: boolean; center?: boolean; fill?: boolean; size?: number } = {}) {
  cell.font = { name: FONT, size: opts.size ?? FONT_SIZE, bold: opts.bold ?? false };
  cell.alignment = { wrapText: true, vertical: opts.center ? "middle" : "top", horizontal: opts.center ? "center" : "left" };
  cell.border = THIN;
  if (opts.fill) cell.fill = HEADER_FILL;
}

const headerText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/&/g, "&&");

const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`);

function addIdentitySheet(wb: ExcelJS.Workbook, data: TSopExport, header: TSopAgencyHeader) {
  const { sop } = data;
  const widths = [48, 62] as const;
  const ws = wb.addWorksheet("Identitas", {
    pageSetup: {
      paperSize: A4,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${headerText(sop.nomor, 100)}&RHalaman &P dari &N` },
  });
  ws.columns = widths.map((width) => ({ width }));

  const banner = (text: string, size: number) => {
    const row = ws.addRow([text, ""]);
    ws.mergeCells(row.number, 1, row.number, 2);
    const cell = row.getCell(1);
    styleCell(cell, { bold: true, center: true, size });
    row.height = linesFor(text, widths[0] + widths[1]) * (size + 4) + 4;
  };
  banner("STANDAR OPERASIONAL PROSEDUR (SOP)", 12);
  banner(governmentLine(header), 11);
  banner(header.name.toUpperCase(), 11);
  banner(sop.unit.toUpperCase(), 10);

  const label = (name: string, value: string) => {
    const row = ws.addRow([name, value]);
    styleCell(row.getCell(1), { bold: true, fill: true });
    styleCell(row.getCell(2));
    fitRow(row, widths);
  };
  const labels = Object.fromEntries(SOP_HEADER_FIELDS) as Record<(typeof SOP_HEADER_FIELDS)[number][0], string>;
  label(labels.nomor, sop.nomor);
  label("Versi", `${data.version} (${(SOP_DOCUMENT_MESSAGES.status as Record<string, string>)[data.status] ?? data.status})`);
  label(labels.tanggalPembuatan, day(sop.tanggalPembuatan));
  label(labels.tanggalRevisi, day(sop.tanggalRevisi));
  label(labels.tanggalEfektif, day(sop.tanggalEfektif));
  label(labels.disahkanJabatan, sop.disahkanJabatan);
  label(labels.disahkanNama, sop.disahkanNama);
  label(labels.disahkanPangkat, sop.disahkanPangkat ?? "-");
  label(labels.disahkanNip, sop.disahkanNip ? `NIP. ${formatNip(sop.disahkanNip)}` : "-");
  label(labels.nama, sop.nama);
  label(labels.unit, sop.unit);

  ws.addRow([]);
  const pair = (left: [string, string[]], right: [string, string[]]) => {
    const head = ws.addRow([left[0], right[0]]);
    head.eachCell((cell) => styleCell(cell, { bold: true, center: true, fill: true }));
    fitRow(head, widths);
    const n = Math.max(left[1].length, right[1].length, 1);
    for (let i = 0; i < n; i++) {
      const row = ws.addRow([left[1][i] ?? (i === 0 ? "-" : ""), right[1][i] ?? (i === 0 ? "-" : "")]);
      styleCell(row.getCell(1));
      styleCell(row.getCell(2));
      fitRow(row, widths);
    }
  };
  pair([labels.dasarHukum, numbered(sop.dasarHukum)], [labels.kualifikasiPelaksana, numbered(sop.kualifikasiPelaksana)]);
  pair([labels.keterkaitan, numbered(sop.keterkaitan)], [labels.peralatan, numbered(sop.peralatan)]);
  pair([labels.peringatan, sop.peringatan.trim() ? [sop.peringatan] : []], [labels.pencatatan, numbered(sop.pencatatan)]);
}

function addProcedureSheet(wb: ExcelJS.Workbook, data: TSopExport) {
  const { sop, roles } = data;
  const r = roles.length;
  // NO, KEGIATAN, one column per role, Kelengkapan, Waktu, Output, KET.
  const widths = [5, 44, ...roles.map(() => 11), 24, 12, 24, 26];
  const firstRole = 3;
  const mutu = firstRole + r;
  const ket = mutu + 3;
  const ws = wb.addWorksheet("Prosedur", {
    pageSetup: {
      paperSize: A4,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "1:2",
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      // Excel refuses header/footer texts over 255 characters; "&" starts a code, "&&" prints one.
      oddHeader: `&L&"${FONT},Bold"${headerText(sop.nama, 120)}&R${headerText(sop.nomor, 80)} (versi ${data.version})`,
      oddFooter: "&RHalaman &P dari &N",
    },
    views: [{ state: "frozen", xSplit: 2, ySplit: 2 }],
  });
  ws.columns = widths.map((width) => ({ width }));

  const top = ws.getRow(1);
  const sub = ws.getRow(2);
  top.getCell(1).value = "NO";
  top.getCell(2).value = "KEGIATAN";
  top.getCell(firstRole).value = "PELAKSANA";
  top.getCell(mutu).value = "MUTU BAKU";
  top.getCell(ket).value = "KET";
  roles.forEach((role, i) => (sub.getCell(firstRole + i).value = role.name));
  sub.getCell(mutu).value = "Kelengkapan";
  sub.getCell(mutu + 1).value = "Waktu";
  sub.getCell(mutu + 2).value = "Output";
  ws.mergeCells(1, 1, 2, 1);
  ws.mergeCells(1, 2, 2, 2);
  if (r > 1) ws.mergeCells(1, firstRole, 1, firstRole + r - 1);
  ws.mergeCells(1, mutu, 1, mutu + 2);
  ws.mergeCells(1, ket, 2, ket);
  for (const row of [top, sub]) {
    for (let c = 1; c <= ket; c++) styleCell(row.getCell(c), { bold: true, center: true, fill: true });
  }
  top.height = 18;
  fitRow(sub, widths);

  const column = new Map(roles.map((role, i) => [role.code, firstRole + i]));
  for (const step of sop.steps) {
    const note = [step.keterangan.trim(), decisionNote(step), assignmentNote(step)].filter(Boolean).join("\n");
    const values: (string | number)[] = [step.number, step.kegiatan, ...roles.map(() => ""), step.kelengkapan, formatWaktu(step), step.output, note];
    const row = ws.addRow(values);
    for (const code of step.participantRoleCodes) {
      const c = column.get(code);
      // A joint step has its symbol in every participating column, as the Permenpan documents draw it.
      if (c) row.getCell(c).value = step.assignment === "JOINT" ? SOP_MARKS.executor : SOP_MARKS.participant;
    }
    const executorColumn = column.get(step.executorRoleCode);
    if (executorColumn) row.getCell(executorColumn).value = isDecisionKind(step.kind) ? SOP_MARKS.decision : SOP_MARKS.executor;
    for (let c = 1; c <= ket; c++) {
      const isMark = c >= firstRole && c < mutu;
      styleCell(row.getCell(c), { center: c === 1 || isMark || c === mutu + 1 });
      if (isMark) row.getCell(c).font = { name: FONT, size: 14 };
    }
    fitRow(row, widths);
  }

  ws.addRow([]);
  const legend = ws.addRow([
    "",
    `Keterangan: ${SOP_MARKS.executor} pelaksana kegiatan; ${SOP_MARKS.decision} pelaksana keputusan (pemeriksaan/persetujuan); ` +
      `${SOP_MARKS.participant} ikut serta. Waktu dalam hari dihitung hari kerja.`,
  ]);
  ws.mergeCells(legend.number, 2, legend.number, ket);
  legend.getCell(2).font = { name: FONT, size: 9, italic: true };
  legend.getCell(2).alignment = { wrapText: true, vertical: "top" };
  legend.height = 2 * LINE_HEIGHT;
}

/** The workbook as a Buffer, ready to send as an .xlsx download. */
export async function buildSopWorkbook(data: TSopExport, agencyHeader: TSopAgencyHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Alur Kinerja";
  wb.title = `SOP ${data.sop.nomor} ${data.sop.nama}`;
  wb.subject = "Standar Operasional Prosedur";
  addIdentitySheet(wb, data, agencyHeader);
  addProcedureSheet(wb, data);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
