import ExcelJS from "exceljs";

import type { TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import { roundPercent, type TCapaianResult } from "./capaian";
import { OFFICIAL_NOTES, officialNotices } from "./official-notes";
import type { TRecap } from "./recap";

/**
 * The period's performance as Excel workbooks, one per purpose, laid out like
 * the forms the agencies keep in Excel today:
 * - "Realisasi Rencana Aksi" (`rencana-aksi`): the working document of Tim
 *   SAKIP and the Bidang: every quarter's target and realization, the
 *   verification status, the factors and follow-up, and a second sheet with
 *   the budget per quarter;
 * - "Pengukuran Kinerja" (`pengukuran`): the official measurement the head
 *   signs (PermenPAN-RB 53/2014): target, realization and capaian to date per
 *   indicator, the programs' budget to date under it, and the signature block
 *   (place and date, jabatan, name, NIP). One sheet, nothing to fill in.
 * Sasaran are parent rows with their indicators beneath. Every number comes
 * from buildRecap, so the file says what the recap page says, and every cell
 * is a plain value, never a formula: the file is a record, not a calculator. A
 * value Tim SAKIP has not verified keeps its number but is marked: "*" after
 * it, a cell note, its status "(belum diverifikasi)", and a note under the
 * title counting them (with the head's archive note when the quarter was
 * archived anyway).
 */

export const PERFORMANCE_EXPORT_KINDS = {
  "rencana-aksi": { title: "REALISASI RENCANA AKSI", sheet: "Realisasi Rencana Aksi", file: "realisasi-rencana-aksi" },
  pengukuran: { title: "PENGUKURAN KINERJA", sheet: "Pengukuran Kinerja", file: "pengukuran-kinerja" },
} as const;
export type TPerformanceExportKind = keyof typeof PERFORMANCE_EXPORT_KINDS;

export const isPerformanceExportKind = (v: unknown): v is TPerformanceExportKind =>
  typeof v === "string" && Object.prototype.hasOwnProperty.call(PERFORMANCE_EXPORT_KINDS, v);

export interface TPerformanceExportInput {
  kind: TPerformanceExportKind;
  recap: TRecap;
  agency: { name: string; governmentName: string };
  agreement: {
    signedAt: Date | null;
    firstPartyName: string;
    firstPartyJabatan: string;
    firstPartyNip: string | null;
    secondPartyName: string;
    secondPartyJabatan: string;
  };
  /** For the date of the archive note; WIB when not given. */
  timeZone?: TAgencyTimeZone;
  /** "Padang, 3 Desember 2026" above the head's signature on the measurement (lib/agency/format.ts signaturePlaceDate). */
  placeDate?: string;
}

const QUARTERS = [1, 2, 3, 4] as const;
const ROMAN = ["I", "II", "III", "IV"] as const;
const QUARTER_NAMES = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] as const;
const POLARITY = { HIGHER: "Semakin tinggi semakin baik", LOWER: "Semakin rendah semakin baik" } as const;
const AGGREGATION = { CUMULATIVE: "Kumulatif", LAST: "Nilai terakhir", AVERAGE: "Rata-rata" } as const;
/** Whether the period's value has been through Tim SAKIP: the recap counts drafts too, the reader must see which. */
const STATUS = { DRAFT: "Draf", SUBMITTED: "Dikirim", VERIFIED: "Terverifikasi", RETURNED: "Dikembalikan" } as const;

/** The indicator sheet's columns, in order; tests read cells by these keys. */
export const PERFORMANCE_COLUMNS = [
  { key: "no", header: "No", width: 6 },
  { key: "code", header: "Kode", width: 10 },
  { key: "name", header: "Sasaran Strategis / Indikator Kinerja", width: 44 },
  { key: "unit", header: "Satuan", width: 10 },
  { key: "orgUnit", header: "Unit Kerja", width: 20 },
  { key: "polarity", header: "Polaritas / Agregasi", width: 18 },
  { key: "annualTarget", header: "Target Tahunan", width: 11 },
  { key: "t1", header: "TW I", group: "Target", width: 9 },
  { key: "t2", header: "TW II", group: "Target", width: 9 },
  { key: "t3", header: "TW III", group: "Target", width: 9 },
  { key: "t4", header: "TW IV", group: "Target", width: 9 },
  { key: "r1", header: "TW I", group: "Realisasi", width: 9 },
  { key: "r2", header: "TW II", group: "Realisasi", width: 9 },
  { key: "r3", header: "TW III", group: "Realisasi", width: 9 },
  { key: "r4", header: "TW IV", group: "Realisasi", width: 9 },
  { key: "toDate", header: "Realisasi s.d. TW", width: 12 },
  { key: "capaian", header: "Capaian s.d. TW (%)", width: 13 },
  { key: "category", header: "Kategori", width: 13 },
  { key: "status", header: "Status Verifikasi", width: 13 },
  { key: "pendorong", header: "Faktor Pendorong", width: 28 },
  { key: "penghambat", header: "Faktor Penghambat", width: 28 },
  { key: "tindakLanjut", header: "Tindak Lanjut", width: 28 },
] as const;
/** The measurement's columns: what the head signs, to date, nothing per quarter to fill in. */
export const MEASUREMENT_COLUMNS = [
  { key: "no", header: "No", width: 6 },
  { key: "code", header: "Kode", width: 10 },
  { key: "name", header: "Sasaran Strategis / Indikator Kinerja", width: 52 },
  { key: "unit", header: "Satuan", width: 12 },
  { key: "annualTarget", header: "Target Tahunan", width: 13 },
  { key: "targetToDate", header: "Target s.d. TW", width: 13 },
  { key: "toDate", header: "Realisasi s.d. TW", width: 13 },
  { key: "capaian", header: "Capaian s.d. TW (%)", width: 14 },
  { key: "category", header: "Kategori", width: 14 },
  { key: "status", header: "Status Verifikasi", width: 16 },
] as const;
export type TPerformanceColumnKey = (typeof PERFORMANCE_COLUMNS)[number]["key"] | (typeof MEASUREMENT_COLUMNS)[number]["key"];
type TColumn = { key: TPerformanceColumnKey; header: string; width: number; group?: string };
/** The indicator sheet's columns of each kind, in order. */
export const columnsOf = (kind: TPerformanceExportKind): readonly TColumn[] => (kind === "pengukuran" ? MEASUREMENT_COLUMNS : PERFORMANCE_COLUMNS);
/** Rows 1-4 title, 5 the notice (unverified values, archive note; blank when none), 6-7 the table header, data from 8. */
export const PERFORMANCE_HEADER_ROWS = { first: 6, last: 7 } as const;
/** 1-based column of `key` in the indicator sheet of `kind` (0 when that kind has no such column). */
export const columnIndex = (key: TPerformanceColumnKey, kind: TPerformanceExportKind = "rencana-aksi") =>
  columnsOf(kind).findIndex((c) => c.key === key) + 1;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const GOAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const PERCENT_FORMAT = "0.00";
/** The marker of an unverified number: the value stays a number, shown with " *". */
const UNVERIFIED_MARK = " *";
const markFormat = (format: string | undefined) => `${format && format !== "General" ? format : "General"}"${UNVERIFIED_MARK}"`;
const MONEY_FORMAT = '"Rp "#,##0';

const idNumber = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });

/** A target as buildRecap prints it: a single number becomes a number cell, a range Indonesian text ("80 – 90"). */
function targetCell(printed: string): number | string | null {
  if (printed === "-" || printed === "") return null;
  const parts = printed.split(" - ");
  if (parts.length === 2) return parts.map((p) => (p === "…" ? "…" : idNumber.format(Number(p)))).join(" – ");
  const n = Number(printed);
  return Number.isFinite(n) ? n : printed;
}

/** Capaian as the recap shows it: the percent rounded to two decimals, or why it cannot be computed. */
export function capaianCell(result: TCapaianResult): number | string {
  return result.status === "OK" ? roundPercent(result.percent) : result.message;
}

function styleTableCell(cell: ExcelJS.Cell) {
  cell.border = BORDER;
  cell.alignment = { vertical: "top", wrapText: true, ...(cell.alignment ?? {}) };
  cell.font = { name: "Arial", size: 9, ...(cell.font ?? {}) };
}

function titleRows(ws: ExcelJS.Worksheet, lastCol: number, lines: string[]) {
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    ws.mergeCells(i + 1, 1, i + 1, lastCol);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font = { name: "Arial", bold: true, size: i === 0 ? 13 : 11 };
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
}

/** Row 5: what the reader must know before reading the numbers (one merged, wrapped cell); left blank when nothing. */
function noticeRow(ws: ExcelJS.Worksheet, lastCol: number, lines: string[]) {
  if (lines.length === 0) return;
  ws.mergeCells(5, 1, 5, lastCol);
  const cell = ws.getCell(5, 1);
  cell.value = lines.join("\n");
  cell.font = { name: "Arial", size: 9, bold: true, color: { argb: "FF9C2A00" } };
  cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
  // Wrapped text does not grow the row by itself: about 250 characters fit on a line across the sheet.
  ws.getRow(5).height = 4 + 12 * lines.reduce((n, line) => n + Math.ceil(line.length / 250), 0);
}

function setupPage(ws: ExcelJS.Worksheet, printTitles: string) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: printTitles,
  };
  ws.headerFooter = { oddFooter: "&L&8Alur Kinerja&R&8Halaman &P dari &N" };
}

function indicatorSheet(wb: ExcelJS.Workbook, input: TPerformanceExportInput) {
  const { recap, kind } = input;
  const meta = PERFORMANCE_EXPORT_KINDS[kind];
  const columns = columnsOf(kind);
  const col = (key: TPerformanceColumnKey) => columnIndex(key, kind);
  const q = recap.quarter;
  const tw = `TW ${ROMAN[q - 1]}`;
  const ws = wb.addWorksheet(meta.sheet, { views: [{ state: "frozen", xSplit: 3, ySplit: PERFORMANCE_HEADER_ROWS.last }] });
  const lastCol = columns.length;
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  titleRows(ws, lastCol, [meta.title, input.agency.name.toUpperCase(), input.agency.governmentName.toUpperCase(), `${QUARTER_NAMES[q - 1]} Tahun ${recap.year}`]);
  noticeRow(ws, lastCol, officialNotices(recap, input.timeZone, ` (bertanda${UNVERIFIED_MARK})`));

  // Two header rows: grouped columns (Target, Realisasi) over their quarters, the others merged down.
  const { first, last } = PERFORMANCE_HEADER_ROWS;
  const headerText = (c: TColumn) => c.header.replace(/s\.d\. TW\b/, `s.d. ${tw}`);
  columns.forEach((c, i) => {
    const n = i + 1;
    if (c.group) {
      ws.getCell(first, n).value = c.group;
      ws.getCell(last, n).value = c.header;
    } else {
      ws.mergeCells(first, n, last, n);
      ws.getCell(first, n).value = headerText(c);
    }
  });
  for (const group of ["Target", "Realisasi"]) {
    const cols = columns.map((c, i) => (c.group === group ? i + 1 : 0)).filter(Boolean);
    if (cols.length === 0) continue;
    ws.mergeCells(first, cols[0]!, first, cols[cols.length - 1]!);
    ws.getCell(first, cols[0]!).value = group;
  }
  for (const r of [first, last]) {
    for (let n = 1; n <= lastCol; n++) {
      const cell = ws.getCell(r, n);
      cell.fill = HEADER_FILL;
      cell.font = { name: "Arial", size: 9, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    }
  }
  ws.getRow(first).height = 18;
  ws.getRow(last).height = 30;

  let rowNo: number = last;
  recap.goals.forEach((goal, gi) => {
    rowNo++;
    const row = ws.getRow(rowNo);
    row.getCell(col("no")).value = gi + 1;
    row.getCell(col("code")).value = goal.code;
    row.getCell(col("name")).value = goal.name;
    ws.mergeCells(rowNo, col("name"), rowNo, lastCol);
    for (let n = 1; n <= lastCol; n++) {
      const cell = row.getCell(n);
      cell.fill = GOAL_FILL;
      cell.font = { name: "Arial", size: 9, bold: true };
      styleTableCell(cell);
    }
    goal.indicators.forEach((ind, ii) => {
      rowNo++;
      const r = ws.getRow(rowNo);
      // A kind without the column simply has no such cell.
      const set = (key: TPerformanceColumnKey, value: ExcelJS.CellValue) => {
        if (col(key) > 0) r.getCell(col(key)).value = value;
      };
      set("no", `${gi + 1}.${ii + 1}`);
      set("code", ind.code);
      set("name", ind.name);
      set("unit", ind.unit);
      set("orgUnit", ind.orgUnit);
      set("polarity", `${POLARITY[ind.polarity]}; ${AGGREGATION[ind.aggregation].toLowerCase()}`);
      set("annualTarget", targetCell(ind.annualTarget));
      set("targetToDate", targetCell(ind.targetToDate));
      QUARTERS.forEach((n) => {
        set(`t${n}`, targetCell(ind.quarterTargets[n - 1] ?? "-"));
        // Realization of the period and the quarters before it; later quarters are not part of this report.
        set(`r${n}`, n <= q ? (ind.quarterValues[n - 1] ?? null) : null);
      });
      set("toDate", ind.realizationToDate);
      set("capaian", capaianCell(ind.capaian));
      set("category", ind.capaian.status === "OK" ? ind.capaian.category : null);
      const status = ind.quarterStatus[q - 1];
      set("status", status ? (status === "VERIFIED" ? STATUS[status] : `${STATUS[status]} (${OFFICIAL_NOTES.unverified})`) : "Belum diisi");
      set("pendorong", ind.notes.faktorPendorong || null);
      set("penghambat", ind.notes.faktorPenghambat || null);
      set("tindakLanjut", ind.notes.tindakLanjut || null);
      for (let n = 1; n <= lastCol; n++) {
        const cell = r.getCell(n);
        styleTableCell(cell);
        if (typeof cell.value === "number") {
          cell.alignment = { ...cell.alignment, horizontal: "right" };
          if (n === col("capaian")) cell.numFmt = PERCENT_FORMAT;
        } else if (n >= col("annualTarget") && n <= col("status")) {
          cell.alignment = { ...cell.alignment, horizontal: n === col("capaian") ? "left" : "center" };
        }
      }
      // Unverified values: still numbers, marked and explained.
      const mark = (key: TPerformanceColumnKey, note: string) => {
        if (col(key) === 0) return;
        const cell = r.getCell(col(key));
        if (typeof cell.value !== "number") return;
        cell.numFmt = markFormat(cell.numFmt);
        cell.note = note;
      };
      QUARTERS.forEach((n) => {
        const s = ind.quarterStatus[n - 1];
        if (n <= q && ind.quarterUnverified[n - 1] && s) mark(`r${n}`, OFFICIAL_NOTES.cellNote(STATUS[s]));
      });
      if (ind.unverifiedToDate) {
        mark("toDate", OFFICIAL_NOTES.cellNoteToDate);
        mark("capaian", OFFICIAL_NOTES.cellNoteToDate);
      }
    });
  });

  if (kind === "pengukuran") {
    rowNo = measurementBudget(ws, rowNo + 2, input);
    signature(ws, rowNo + 2, input);
  }
  setupPage(ws, `${first}:${last}`);
  return ws;
}

/**
 * Under the measurement, the programs' budget to date, as the paper form has
 * it ("Jumlah anggaran"): pagu, realization and absorption to the period.
 * Returns the last row written.
 */
function measurementBudget(ws: ExcelJS.Worksheet, startRow: number, input: TPerformanceExportInput): number {
  const { recap } = input;
  if (recap.programs.length === 0) return startRow - 2;
  const tw = `TW ${ROMAN[recap.quarter - 1]}`;
  const name = columnIndex("name", "pengukuran");
  const [pagu, realized, absorbed] = [columnIndex("targetToDate", "pengukuran"), columnIndex("toDate", "pengukuran"), columnIndex("capaian", "pengukuran")];
  const header = ws.getRow(startRow);
  header.getCell(name).value = "Program";
  header.getCell(pagu).value = `Anggaran s.d. ${tw} (Rp)`;
  header.getCell(realized).value = `Realisasi s.d. ${tw} (Rp)`;
  header.getCell(absorbed).value = `Penyerapan s.d. ${tw} (%)`;
  for (const n of [name, pagu, realized, absorbed]) {
    const cell = header.getCell(n);
    cell.fill = HEADER_FILL;
    cell.font = { name: "Arial", size: 9, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  }
  header.height = 30;
  let rowNo = startRow;
  for (const p of recap.programs) {
    rowNo++;
    const row = ws.getRow(rowNo);
    row.getCell(name).value = p.code ? `${p.code} ${p.name}` : p.name;
    row.getCell(pagu).value = p.paguToDate;
    row.getCell(realized).value = p.realizationToDate;
    row.getCell(absorbed).value = capaianCell(p.absorption);
    for (const n of [name, pagu, realized, absorbed]) {
      const cell = row.getCell(n);
      styleTableCell(cell);
      if (typeof cell.value === "number") {
        cell.numFmt = n === absorbed ? PERCENT_FORMAT : MONEY_FORMAT;
        cell.alignment = { ...cell.alignment, horizontal: "right" };
      }
    }
  }
  return rowNo;
}

/** The head's signature block under the measurement, as the paper form has it: place and date, jabatan, name, NIP. */
function signature(ws: ExcelJS.Worksheet, startRow: number, input: TPerformanceExportInput) {
  const from = columnIndex("capaian", "pengukuran");
  const lastCol = MEASUREMENT_COLUMNS.length;
  const lines = [
    input.placeDate ?? "",
    "Mengetahui,",
    input.agreement.firstPartyJabatan,
    "",
    "",
    "",
    input.agreement.firstPartyName,
    input.agreement.firstPartyNip ? `NIP ${formatNip(input.agreement.firstPartyNip)}` : "",
  ];
  lines.forEach((text, i) => {
    const r = startRow + i;
    ws.mergeCells(r, from, r, lastCol);
    const cell = ws.getCell(r, from);
    cell.value = text || null;
    cell.alignment = { horizontal: "center" };
    cell.font = { name: "Arial", size: 9, bold: i === 6, underline: i === 6 };
  });
}

function budgetSheet(wb: ExcelJS.Workbook, input: TPerformanceExportInput) {
  const { recap } = input;
  const q = recap.quarter;
  const tw = `TW ${ROMAN[q - 1]}`;
  const ws = wb.addWorksheet("Realisasi Anggaran", { views: [{ state: "frozen", xSplit: 3, ySplit: 7 }] });
  const columns = [
    { header: "No", width: 6 },
    { header: "Kode", width: 12 },
    { header: "Program", width: 44 },
    ...QUARTERS.map((n) => ({ header: `Pagu TW ${ROMAN[n - 1]}`, width: 17 })),
    ...QUARTERS.map((n) => ({ header: `Realisasi TW ${ROMAN[n - 1]}`, width: 17 })),
    { header: `Pagu s.d. ${tw}`, width: 18 },
    { header: `Realisasi s.d. ${tw}`, width: 18 },
    { header: `Penyerapan s.d. ${tw} (%)`, width: 14 },
  ];
  ws.columns = columns.map((c) => ({ width: c.width }));
  titleRows(ws, columns.length, [`REALISASI ANGGARAN`, input.agency.name.toUpperCase(), input.agency.governmentName.toUpperCase(), `${QUARTER_NAMES[q - 1]} Tahun ${recap.year}`]);
  columns.forEach((c, i) => {
    ws.getCell(6, i + 1).value = c.header;
    ws.mergeCells(6, i + 1, 7, i + 1);
  });
  for (const r of [6, 7]) {
    for (let col = 1; col <= columns.length; col++) {
      const cell = ws.getCell(r, col);
      cell.fill = HEADER_FILL;
      cell.font = { name: "Arial", size: 9, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    }
  }
  recap.programs.forEach((p, i) => {
    const row = ws.getRow(8 + i);
    const values: ExcelJS.CellValue[] = [
      i + 1,
      p.code,
      p.name,
      ...p.quarters.map((x) => Number(x.pagu)),
      ...p.quarters.map((x) => (x.quarter <= q && x.realization !== null ? Number(x.realization) : null)),
      p.paguToDate,
      p.realizationToDate,
      capaianCell(p.absorption),
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      styleTableCell(cell);
      if (typeof v === "number" && c >= 3) {
        cell.numFmt = c === values.length - 1 ? PERCENT_FORMAT : MONEY_FORMAT;
        cell.alignment = { ...cell.alignment, horizontal: "right" };
      }
    });
  });
  setupPage(ws, "6:7");
}

export async function buildPerformanceWorkbook(input: TPerformanceExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Alur Kinerja";
  wb.created = new Date();
  wb.title = `${PERFORMANCE_EXPORT_KINDS[input.kind].title} ${QUARTER_NAMES[input.recap.quarter - 1]} ${input.recap.year}`;
  indicatorSheet(wb, input);
  // The working document carries the budget per quarter; the measurement has it to date under its table.
  if (input.kind === "rencana-aksi") budgetSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function performanceExportFilename(kind: TPerformanceExportKind, agencySlug: string, year: number, quarter: number): string {
  return `${PERFORMANCE_EXPORT_KINDS[kind].file}-${agencySlug}-${year}-TW${quarter}.xlsx`;
}
