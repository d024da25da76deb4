import PDFDocument from "pdfkit";

import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { PDF_FONTS, type TPdfFont, embedUnicodeFonts } from "@/lib/pdf/fonts";
import { formatNip } from "@/lib/validation/nip";

import { budgetAbsorption, DEFAULT_CAPAIAN_SETTINGS, type TCapaianResult, type TCapaianSettings } from "./capaian";
import { OFFICIAL_NOTES, officialNotices } from "./official-notes";
import type { TRecap } from "./recap";

/**
 * The period's "Laporan Pengukuran Kinerja" as a PDF (A4 landscape): the
 * heading, the capaian of every indicator per sasaran with its drivers,
 * obstacles and follow-up, the budget absorption per program, and the head's
 * signature block. Everything comes from buildRecap, so the PDF says what the
 * rekap page and the xlsx say, including which values Tim SAKIP has not
 * verified ("belum diverifikasi" under each, a notice under the heading) and
 * the head's note when the quarter was archived anyway.
 *
 * Inter embedded (lib/pdf/fonts.ts: any name prints as typed) and a small
 * table layout of our own: pdfkit's table does not repeat the header row on a
 * new page nor split a row taller than a page, and an official report needs
 * both. Text is wrapped here, so every row's height is known before drawing.
 */

export const REPORT_MESSAGES = {
  title: "LAPORAN PENGUKURAN KINERJA",
  period: (q: string, year: number) => `${q.toUpperCase()} TAHUN ${year}`,
  government: (name: string) => `PEMERINTAH ${name.toUpperCase()}`,
  agreementLine: (year: number, signed: string | null) =>
    `Berdasarkan Perjanjian Kinerja Tahun ${year}${signed ? ` yang ditandatangani pada ${signed}` : ""}.`,
  parties: (first: string, firstJabatan: string, second: string, secondJabatan: string) =>
    `Pihak Pertama: ${first} (${firstJabatan}) · Pihak Kedua: ${second} (${secondJabatan})`,
  summary: (q: string, n: number, ok: number, categories: string, missing: number) =>
    `Ringkasan capaian s.d. ${q}: ${n} indikator; ${ok} dapat dihitung${categories ? ` (${categories})` : ""}` +
    (missing ? `; ${missing} belum dapat dihitung.` : "."),
  statusSummary: (q: string, parts: string) => `Status realisasi ${q}: ${parts}.`,
  sectionIndicators: "A. Capaian Indikator Kinerja",
  sectionBudget: "B. Realisasi Anggaran",
  goalRow: (code: string, name: string) => `Sasaran Strategis ${code}: ${name}`,
  continued: "(lanjutan)",
  indicatorMeta: (orgUnit: string, polarity: string, aggregation: string) => `${orgUnit} · ${polarity} · ${aggregation}`,
  col: {
    no: "No",
    indicator: "Indikator Kinerja",
    unit: "Satuan",
    annualTarget: "Target Tahunan",
    target: "Target",
    realization: "Realisasi",
    quarter: (roman: string) => `TW ${roman}`,
    toDate: (roman: string) => `s.d. TW ${roman}`,
    capaian: (roman: string) => `Capaian s.d. TW ${roman}`,
    category: "Kategori",
    status: "Status",
    code: "Kode",
    program: "Program",
    paguYear: "Pagu Tahunan",
    paguToDate: (roman: string) => `Pagu s.d. TW ${roman}`,
    realizationToDate: (roman: string) => `Realisasi s.d. TW ${roman}`,
    absorption: "Penyerapan",
    remarks: "Keterangan",
    total: "Jumlah",
  },
  notes: { pendorong: "Faktor pendorong", penghambat: "Faktor penghambat", tindakLanjut: "Tindak lanjut" },
  status: { DRAFT: "Draf", SUBMITTED: "Dikirim", VERIFIED: "Terverifikasi", RETURNED: "Dikembalikan", EMPTY: "Belum diisi" },
  polarity: { HIGHER: "semakin tinggi semakin baik", LOWER: "semakin rendah semakin baik" },
  aggregation: { CUMULATIVE: "kumulatif", LAST: "nilai terakhir", AVERAGE: "rata-rata" },
  notYet: "Belum diisi",
  noIndicators: "Perjanjian Kinerja ini belum memiliki indikator.",
  noPrograms: "Perjanjian Kinerja ini belum memiliki program.",
  legendTitle: "Keterangan:",
  legend: (q: string) => [
    `Realisasi dan capaian dihitung sampai dengan ${q} sesuai sifat tiap indikator (kumulatif, nilai terakhir, atau rata-rata); target triwulan adalah Rencana Aksi.`,
    "Nilai berstatus selain Terverifikasi belum diverifikasi oleh Tim SAKIP. Tanda – berarti belum diisi atau tidak dapat dihitung; sebabnya tertulis pada kolom Kategori atau Keterangan.",
  ],
  bands: (text: string) => `Kategori capaian: ${text}.`,
  cap: (cap: string) => `Capaian dibatasi paling tinggi ${cap}%.`,
  acknowledged: "Mengetahui,",
  nip: (nip: string) => `NIP ${nip}`,
  verifyCode: (code: string) => `Kode verifikasi: ${code}`,
  verifyHint: "Pindai kode QR atau buka alamat di bawah untuk memeriksa keaslian dokumen ini.",
  footer: (agency: string, q: string, year: number) => `Laporan Pengukuran Kinerja ${q} ${year} · ${agency}`,
  page: (n: number, total: number) => `Halaman ${n} dari ${total}`,
  printed: (date: string) => `Dicetak ${date} · Alur Kinerja`,
} as const;
const R = REPORT_MESSAGES;

export interface TPerformanceReportPdfInput {
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
  /** The agency's capaian settings, for the legend (bands, cap). */
  settings?: TCapaianSettings;
  generatedAt?: Date;
  timeZone?: TAgencyTimeZone;
  /** "Padang, 3 Desember 2026" above the signature (lib/agency/format.ts signaturePlaceDate); omitted when absent. */
  placeDate?: string;
  /**
   * Who signs, as the block prints it (the head, or "Plt. ..." for an acting
   * official: lib/signing); by default the PK's first party.
   */
  signer?: { name: string; jabatan: string; nip: string | null; pangkat: string | null };
  /** A signed document's public code and its QR code (lib/signing), printed beside the signature. */
  verification?: { code: string; url: string; qrPng: Buffer };
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const QUARTER_NAMES = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] as const;

// ---------------------------------------------------------------------------
// Values, Indonesian style
// ---------------------------------------------------------------------------

const DASH = "–";
const idNumber = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });
const idMoney = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** 1234.5 -> "1.234,5"; null or not a number -> "–" (never "NaN"). */
export function pdfNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return DASH;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? idNumber.format(n) : DASH;
}

/** 1234567 -> "Rp 1.234.567"; null -> "–". */
export function pdfMoney(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return DASH;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? `Rp ${idMoney.format(n)}` : DASH;
}

/** A target as buildRecap prints it ("85", "80 - 90", "… - 15", "-") in Indonesian notation. */
export function pdfTarget(printed: string): string {
  if (printed === "-" || printed === "") return DASH;
  const parts = printed.split(" - ");
  if (parts.length === 2) return parts.map((p) => (p === "…" ? "…" : pdfNumber(p))).join(" – ");
  return pdfNumber(printed);
}

/** "Realisasi belum diisi" out of "Realisasi belum diisi: capaian tidak dapat dihitung". */
const causeOf = (result: Extract<TCapaianResult, { status: "CANNOT_COMPUTE" }>) => result.message.split(":")[0]!.trim();

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

type TDoc = InstanceType<typeof PDFDocument>;
type TFont = TPdfFont;
type TAlign = "left" | "center" | "right";

const FONTS = PDF_FONTS;

/** Per document: its text made printable with its embedded fonts (embedUnicodeFonts). */
const printers = new WeakMap<TDoc, (text: string) => string>();
const printable = (doc: TDoc, text: string) => printers.get(doc)!(text);
const PAGE = { margin: 30, footer: 18 } as const;
const BODY_SIZE = 7.5;
const LINE = 1.2;
const PAD = { x: 3, y: 2.5 } as const;
const COLOR = { text: "#000000", muted: "#404040", border: "#000000", header: "#D9E2F3", goal: "#EDEDED", total: "#F5F5F5", warning: "#9C2A00" } as const;

interface TPart {
  text: string;
  font?: TFont;
  size?: number;
  color?: string;
}
interface TCell {
  parts: TPart[];
  span?: number;
  align?: TAlign;
}
interface TRow {
  cells: TCell[];
  fill?: string;
  /** A group's heading (a sasaran): once drawn, repeated "(lanjutan)" under the header of the pages its group runs onto. */
  group?: boolean;
}
interface TColumn {
  width: number;
  align: TAlign;
}
interface THeaderCell {
  text: string;
  col: number;
  span?: number;
  row: number;
  rowSpan?: number;
}

interface TLine {
  text: string;
  font: TFont;
  size: number;
  color: string;
}
interface TLaidCell {
  x: number;
  width: number;
  align: TAlign;
  lines: TLine[];
}

const lineHeight = (size: number) => size * LINE;

/** Greedy word wrap with the font's real widths; a word wider than the cell is cut by characters. */
function wrap(doc: TDoc, text: string, width: number, font: TFont, size: number): string[] {
  doc.font(FONTS[font]).fontSize(size);
  const fits = (s: string) => doc.widthOfString(s) <= width;
  const lines: string[] = [];
  for (const paragraph of printable(doc, text).split("\n")) {
    const words = paragraph.split(/ +/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      while (!fits(word)) {
        // By characters, not UTF-16 units: a letter outside the BMP is never split in two.
        const chars = [...word];
        let cut = chars.length - 1;
        while (cut > 1 && !fits(chars.slice(0, cut).join(""))) cut--;
        lines.push(chars.slice(0, cut).join(""));
        word = chars.slice(cut).join("");
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

class ReportLayout {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly doc: TDoc) {
    this.left = PAGE.margin;
    this.right = doc.page.width - PAGE.margin;
    this.top = PAGE.margin;
    this.bottom = doc.page.height - PAGE.margin - PAGE.footer;
    this.y = this.top;
  }

  get width() {
    return this.right - this.left;
  }

  newPage() {
    this.doc.addPage();
    this.y = this.top;
  }

  /** A paragraph across the page (or a given box); moves y below it. */
  paragraph(text: string, opts: { font?: TFont; size?: number; align?: TAlign; color?: string; x?: number; width?: number; gap?: number } = {}) {
    const font = opts.font ?? "regular";
    const size = opts.size ?? 8;
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width;
    const lines = wrap(this.doc, text, width, font, size);
    const h = lineHeight(size);
    for (const line of lines) {
      if (this.y + h > this.bottom) this.newPage();
      this.drawText(line, x, this.y, width, opts.align ?? "left", font, size, opts.color ?? COLOR.text);
      this.y += h;
    }
    this.y += opts.gap ?? 0;
  }

  drawText(text: string, x: number, y: number, width: number, align: TAlign, font: TFont, size: number, color: string) {
    if (!text) return;
    const doc = this.doc.font(FONTS[font]).fontSize(size).fillColor(color);
    const w = doc.widthOfString(text);
    const dx = align === "right" ? width - w : align === "center" ? (width - w) / 2 : 0;
    // lineBreak: false: the text was wrapped already, and pdfkit must not add pages on its own.
    doc.text(text, x + Math.max(0, dx), y + (lineHeight(size) - size) / 2, { lineBreak: false });
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5) {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(COLOR.border).stroke();
  }
}

/**
 * A table with a (possibly two-level) header repeated on every page, rows
 * that are kept with the next one when asked, a "continued" row re-drawn
 * under the header after a page break (the sasaran being listed), and rows
 * taller than a page split line by line.
 */
class Table {
  private readonly xs: number[];
  private headerHeight = 0;
  private headerRows: number[] = [];
  /** Re-drawn under the header when a page breaks inside a group. */
  continuation: TRow | null = null;
  private headerPending = false;

  constructor(
    private readonly layout: ReportLayout,
    private readonly columns: TColumn[],
    private readonly header: THeaderCell[],
  ) {
    this.xs = [layout.left];
    for (const c of columns) this.xs.push(this.xs[this.xs.length - 1]! + c.width);
    this.measureHeader();
  }

  private spanWidth(col: number, span = 1) {
    return this.xs[col + span]! - this.xs[col]!;
  }

  private measureHeader() {
    const doc = this.layout.doc;
    const rows = Math.max(...this.header.map((h) => h.row + (h.rowSpan ?? 1)));
    const heights = Array.from({ length: rows }, () => 0);
    const need = (h: THeaderCell) => wrap(doc, h.text, this.spanWidth(h.col, h.span) - 2 * PAD.x, "bold", BODY_SIZE).length * lineHeight(BODY_SIZE) + 2 * PAD.y;
    for (const h of this.header) if ((h.rowSpan ?? 1) === 1) heights[h.row] = Math.max(heights[h.row]!, need(h));
    for (const h of this.header) {
      const span = h.rowSpan ?? 1;
      if (span === 1) continue;
      const have = heights.slice(h.row, h.row + span).reduce((a, b) => a + b, 0);
      const missing = need(h) - have;
      if (missing > 0) heights[h.row + span - 1]! += missing;
    }
    this.headerRows = heights;
    this.headerHeight = heights.reduce((a, b) => a + b, 0);
  }

  drawHeader() {
    const { layout } = this;
    const doc = layout.doc;
    const top = layout.y;
    const rowTop = (r: number) => top + this.headerRows.slice(0, r).reduce((a, b) => a + b, 0);
    for (const h of this.header) {
      const x = this.xs[h.col]!;
      const w = this.spanWidth(h.col, h.span);
      const y = rowTop(h.row);
      const height = this.headerRows.slice(h.row, h.row + (h.rowSpan ?? 1)).reduce((a, b) => a + b, 0);
      doc.rect(x, y, w, height).fillColor(COLOR.header).fill();
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOR.border).stroke();
      const lines = wrap(doc, h.text, w - 2 * PAD.x, "bold", BODY_SIZE);
      const textH = lines.length * lineHeight(BODY_SIZE);
      let ly = y + (height - textH) / 2;
      for (const line of lines) {
        layout.drawText(line, x + PAD.x, ly, w - 2 * PAD.x, "center", "bold", BODY_SIZE, COLOR.text);
        ly += lineHeight(BODY_SIZE);
      }
    }
    layout.y = top + this.headerHeight;
  }

  private layoutRow(row: TRow): TLaidCell[] {
    let col = 0;
    return row.cells.map((cell) => {
      const span = cell.span ?? 1;
      const x = this.xs[col]!;
      const width = this.spanWidth(col, span);
      const align = cell.align ?? this.columns[col]!.align;
      col += span;
      const lines: TLine[] = [];
      for (const part of cell.parts) {
        const font = part.font ?? "regular";
        const size = part.size ?? BODY_SIZE;
        for (const text of wrap(this.layout.doc, part.text, width - 2 * PAD.x, font, size)) lines.push({ text, font, size, color: part.color ?? COLOR.text });
      }
      return { x, width, align, lines };
    });
  }

  private static cellHeight(lines: TLine[]) {
    return lines.reduce((h, l) => h + lineHeight(l.size), 0) + 2 * PAD.y;
  }

  private static rowHeight(cells: TLaidCell[]) {
    return Math.max(...cells.map((c) => Table.cellHeight(c.lines)));
  }

  private drawCells(cells: TLaidCell[], height: number, fill?: string) {
    const { layout } = this;
    const doc = layout.doc;
    const y = layout.y;
    for (const c of cells) {
      if (fill) doc.rect(c.x, y, c.width, height).fillColor(fill).fill();
      doc.rect(c.x, y, c.width, height).lineWidth(0.5).strokeColor(COLOR.border).stroke();
      let ly = y + PAD.y;
      for (const l of c.lines) {
        layout.drawText(l.text, c.x + PAD.x, ly, c.width - 2 * PAD.x, c.align, l.font, l.size, l.color);
        ly += lineHeight(l.size);
      }
    }
    layout.y = y + height;
  }

  /** The room a fresh page leaves for rows: below the header and the continuation row. */
  private freshPageRoom() {
    const cont = this.continuation ? Table.rowHeight(this.layoutRow(this.withContinued(this.continuation))) : 0;
    return this.layout.bottom - this.layout.top - this.headerHeight - cont;
  }

  private withContinued(row: TRow): TRow {
    const cells = row.cells.map((c, i) =>
      i === row.cells.length - 1 ? { ...c, parts: [...c.parts.slice(0, -1), { ...c.parts[c.parts.length - 1]!, text: `${c.parts[c.parts.length - 1]!.text} ${R.continued}` }] } : c,
    );
    return { ...row, cells };
  }

  breakPage() {
    this.layout.newPage();
    this.drawHeader();
    if (this.continuation) {
      const row = this.withContinued(this.continuation);
      const cells = this.layoutRow(row);
      this.drawCells(cells, Table.rowHeight(cells), row.fill);
    }
  }

  /** Starts the table: its header is drawn with the first rows, so it never stands alone at the foot of a page. */
  start() {
    this.headerPending = true;
  }

  /**
   * Rows drawn as a block: moved to a new page together when they do not fit
   * on this one but would on a fresh page; otherwise drawn one by one, a row
   * taller than the room split across pages line by line.
   */
  rows(rows: TRow[]) {
    const laid = rows.map((r) => ({ row: r, cells: this.layoutRow(r) }));
    const total = laid.reduce((h, r) => h + Table.rowHeight(r.cells), 0);
    const header = this.headerPending ? this.headerHeight : 0;
    const fitsHere = this.layout.y + header + total <= this.layout.bottom;
    const minimum = this.layout.y + header + lineHeight(BODY_SIZE) * 3 + 2 * PAD.y <= this.layout.bottom;
    if (this.headerPending) {
      this.headerPending = false;
      if (!minimum || (!fitsHere && total <= this.freshPageRoom())) this.layout.newPage();
      this.drawHeader();
    } else if (!fitsHere && total <= this.freshPageRoom()) {
      this.breakPage();
    }
    for (const { row, cells } of laid) {
      this.drawSplitting(cells, row.fill);
      if (row.group) this.continuation = row;
    }
  }

  private drawSplitting(cells: TLaidCell[], fill?: string) {
    let rest = cells;
    for (;;) {
      const height = Table.rowHeight(rest);
      const room = this.layout.bottom - this.layout.y;
      if (height <= room) {
        this.drawCells(rest, height, fill);
        return;
      }
      // Not even a few lines fit here: start on a fresh page, where it may fit whole.
      if (room < lineHeight(BODY_SIZE) * 3 + 2 * PAD.y || height <= this.freshPageRoom()) {
        this.breakPage();
        continue;
      }
      const head: TLaidCell[] = [];
      const tail: TLaidCell[] = [];
      for (const c of rest) {
        let used = 2 * PAD.y;
        let n = 0;
        while (n < c.lines.length && used + lineHeight(c.lines[n]!.size) <= room) used += lineHeight(c.lines[n++]!.size);
        head.push({ ...c, lines: c.lines.slice(0, n) });
        tail.push({ ...c, lines: c.lines.slice(n) });
      }
      this.drawCells(head, room, fill);
      this.breakPage();
      rest = tail;
    }
  }
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

const text = (t: string, extra: Omit<TPart, "text"> = {}): TPart[] => [{ text: t, ...extra }];

function heading(layout: ReportLayout, input: TPerformanceReportPdfInput) {
  const { recap, agency, agreement } = input;
  const tz = input.timeZone ?? "WIB";
  layout.paragraph(R.government(agency.governmentName), { font: "bold", size: 11, align: "center" });
  layout.paragraph(agency.name.toUpperCase(), { font: "bold", size: 12, align: "center", gap: 4 });
  layout.line(layout.left, layout.y, layout.right, layout.y, 1.5);
  layout.line(layout.left, layout.y + 2, layout.right, layout.y + 2, 0.5);
  layout.y += 10;
  layout.paragraph(R.title, { font: "bold", size: 13, align: "center" });
  layout.paragraph(R.period(QUARTER_NAMES[recap.quarter - 1]!, recap.year), { font: "bold", size: 11, align: "center", gap: 8 });
  layout.paragraph(R.agreementLine(recap.year, agreement.signedAt ? formatDate(agreement.signedAt, tz) : null), { size: 8 });
  layout.paragraph(R.parties(agreement.firstPartyName, agreement.firstPartyJabatan, agreement.secondPartyName, agreement.secondPartyJabatan), {
    size: 8,
    color: COLOR.muted,
  });

  const indicators = recap.goals.flatMap((g) => g.indicators);
  const ok = indicators.filter((i) => i.capaian.status === "OK");
  const byCategory = new Map<string, number>();
  for (const i of ok) if (i.capaian.status === "OK") byCategory.set(i.capaian.category, (byCategory.get(i.capaian.category) ?? 0) + 1);
  const categories = [...byCategory].map(([label, n]) => `${label} ${n}`).join(", ");
  const q = QUARTER_NAMES[recap.quarter - 1]!;
  layout.paragraph(R.summary(q, indicators.length, ok.length, categories, indicators.length - ok.length), { size: 8 });
  const statuses = new Map<string, number>();
  for (const i of indicators) {
    const s = i.quarterStatus[recap.quarter - 1] ?? "EMPTY";
    statuses.set(s, (statuses.get(s) ?? 0) + 1);
  }
  const order = ["VERIFIED", "SUBMITTED", "RETURNED", "DRAFT", "EMPTY"] as const;
  const parts = order.filter((s) => statuses.has(s)).map((s) => `${R.status[s].toLowerCase()} ${statuses.get(s)}`);
  if (parts.length) layout.paragraph(R.statusSummary(q, parts.join(", ")), { size: 8 });
  for (const notice of officialNotices(recap, tz)) layout.paragraph(notice, { font: "bold", size: 8, color: COLOR.warning, gap: 2 });
  layout.y += 8;
}

function indicatorTable(layout: ReportLayout, recap: TRecap) {
  const q = recap.quarter;
  const roman = ROMAN[q - 1]!;
  layout.paragraph(R.sectionIndicators, { font: "bold", size: 10, gap: 4 });
  const indicators = recap.goals.flatMap((g) => g.indicators);
  if (indicators.length === 0) {
    layout.paragraph(R.noIndicators, { font: "italic", size: 8, gap: 8 });
    return;
  }
  // No | Indikator | Satuan | Target tahunan | Target TW I-IV | Realisasi TW q, s.d. TW q | Capaian | Kategori | Status
  const fixed = [24, 0, 44, 50, 40, 40, 40, 40, 48, 50, 52, 62, 58];
  fixed[1] = layout.width - fixed.reduce((a, b) => a + b, 0);
  const aligns: TAlign[] = ["center", "left", "center", "right", "right", "right", "right", "right", "right", "right", "right", "left", "left"];
  const columns = fixed.map((width, i) => ({ width, align: aligns[i]! }));
  const table = new Table(layout, columns, [
    { text: R.col.no, col: 0, row: 0, rowSpan: 2 },
    { text: R.col.indicator, col: 1, row: 0, rowSpan: 2 },
    { text: R.col.unit, col: 2, row: 0, rowSpan: 2 },
    { text: R.col.annualTarget, col: 3, row: 0, rowSpan: 2 },
    { text: R.col.target, col: 4, span: 4, row: 0 },
    ...ROMAN.map((r, i) => ({ text: R.col.quarter(r), col: 4 + i, row: 1 })),
    { text: R.col.realization, col: 8, span: 2, row: 0 },
    { text: R.col.quarter(roman), col: 8, row: 1 },
    { text: R.col.toDate(roman), col: 9, row: 1 },
    { text: R.col.capaian(roman), col: 10, row: 0, rowSpan: 2 },
    { text: R.col.category, col: 11, row: 0, rowSpan: 2 },
    { text: R.col.status, col: 12, row: 0, rowSpan: 2 },
  ]);
  table.start();
  const small = 6.5;
  recap.goals.forEach((goal, gi) => {
    const goalRow: TRow = {
      fill: COLOR.goal,
      group: true,
      cells: [
        { parts: text(String(gi + 1), { font: "bold" }) },
        { parts: text(R.goalRow(goal.code, goal.name), { font: "bold" }), span: 12 },
      ],
    };
    table.continuation = null;
    // The sasaran row travels with its first indicator.
    const first = goal.indicators[0];
    const indicatorRows = (ind: NonNullable<typeof first>, ii: number): TRow[] => {
      const status = ind.quarterStatus[q - 1];
      const value = ind.quarterValues[q - 1] ?? null;
      const capaian = ind.capaian;
      // An unverified value keeps its number, with the words under it: a printed page has no colour to rely on.
      const unverified = (parts: TPart[], marked: boolean): TPart[] =>
        marked ? [...parts, { text: OFFICIAL_NOTES.unverified, font: "italic", size: small, color: COLOR.warning }] : parts;
      const notePart = (label: string, value: string): TPart[] => [
        { text: label, font: "bold", size: small },
        { text: value.trim() || DASH, size: small },
      ];
      return [
        {
          cells: [
            { parts: text(`${gi + 1}.${ii + 1}`) },
            {
              parts: [
                { text: `${ind.code} ${ind.name}` },
                { text: R.indicatorMeta(ind.orgUnit, R.polarity[ind.polarity], R.aggregation[ind.aggregation]), size: small, color: COLOR.muted },
              ],
            },
            { parts: text(ind.unit) },
            { parts: text(pdfTarget(ind.annualTarget)) },
            ...[0, 1, 2, 3].map((n) => ({ parts: text(pdfTarget(ind.quarterTargets[n] ?? "-"), n === q - 1 ? { font: "bold" as const } : {}) })),
            { parts: unverified(text(pdfNumber(value)), ind.quarterUnverified[q - 1] === true) },
            { parts: unverified(text(pdfNumber(ind.realizationToDate)), ind.unverifiedToDate && ind.realizationToDate !== null) },
            { parts: unverified(text(capaian.status === "OK" ? capaian.display : DASH, { font: "bold" }), ind.unverifiedToDate && capaian.status === "OK") },
            { parts: capaian.status === "OK" ? text(capaian.category) : text(causeOf(capaian), { font: "italic", size: small, color: COLOR.muted }) },
            { parts: text(status ? R.status[status] : R.status.EMPTY, status === "VERIFIED" ? {} : { color: COLOR.muted }) },
          ],
        },
        {
          cells: [
            { parts: text("") },
            { parts: notePart(R.notes.pendorong, ind.notes.faktorPendorong), align: "left" },
            { parts: notePart(R.notes.penghambat, ind.notes.faktorPenghambat), span: 6, align: "left" },
            { parts: notePart(R.notes.tindakLanjut, ind.notes.tindakLanjut), span: 5, align: "left" },
          ],
        },
      ];
    };
    goal.indicators.forEach((ind, ii) => table.rows(ii === 0 ? [goalRow, ...indicatorRows(ind, ii)] : indicatorRows(ind, ii)));
    if (!first) table.rows([goalRow]);
  });
  table.continuation = null;
  layout.y += 10;
}

function budgetTable(layout: ReportLayout, recap: TRecap, settings: TCapaianSettings) {
  const q = recap.quarter;
  const roman = ROMAN[q - 1]!;
  const title = () => layout.paragraph(R.sectionBudget, { font: "bold", size: 10, gap: 4 });
  if (recap.programs.length === 0) {
    if (layout.y + 40 > layout.bottom) layout.newPage();
    title();
    layout.paragraph(R.noPrograms, { font: "italic", size: 8, gap: 8 });
    return;
  }
  // The title stays with the table's header and first rows.
  if (layout.y + 64 > layout.bottom) layout.newPage();
  title();
  const fixed = [24, 62, 0, 96, 96, 96, 60, 120];
  fixed[2] = layout.width - fixed.reduce((a, b) => a + b, 0);
  const aligns: TAlign[] = ["center", "left", "left", "right", "right", "right", "right", "left"];
  const table = new Table(
    layout,
    fixed.map((width, i) => ({ width, align: aligns[i]! })),
    [
      { text: R.col.no, col: 0, row: 0 },
      { text: R.col.code, col: 1, row: 0 },
      { text: R.col.program, col: 2, row: 0 },
      { text: R.col.paguYear, col: 3, row: 0 },
      { text: R.col.paguToDate(roman), col: 4, row: 0 },
      { text: R.col.realizationToDate(roman), col: 5, row: 0 },
      { text: R.col.absorption, col: 6, row: 0 },
      { text: R.col.remarks, col: 7, row: 0 },
    ],
  );
  table.start();
  const absorptionCells = (result: TCapaianResult): TCell[] =>
    result.status === "OK"
      ? [{ parts: text(result.display, { font: "bold" }) }, { parts: text(result.category) }]
      : [{ parts: text(DASH) }, { parts: text(causeOf(result), { font: "italic", size: 6.5, color: COLOR.muted }) }];
  let paguYear = 0;
  let paguToDate = 0;
  let realized: number | null = null;
  recap.programs.forEach((p, i) => {
    const year = p.quarters.reduce((s, x) => s + Number(x.pagu), 0);
    paguYear += year;
    paguToDate += p.paguToDate;
    if (p.realizationToDate !== null) realized = (realized ?? 0) + p.realizationToDate;
    table.rows([
      {
        cells: [
          { parts: text(String(i + 1)) },
          { parts: text(p.code) },
          { parts: text(p.name) },
          { parts: text(pdfMoney(year)) },
          { parts: text(pdfMoney(p.paguToDate)) },
          { parts: text(p.realizationToDate === null ? R.notYet : pdfMoney(p.realizationToDate), p.realizationToDate === null ? { font: "italic", color: COLOR.muted } : {}) },
          ...absorptionCells(p.absorption),
        ],
      },
    ]);
  });
  // As on the rekap page: the total waits for some spending to be entered, and follows the same rule as a program.
  const total = recap.programs.length > 1 ? budgetAbsorption(realized, paguToDate, settings) : null;
  if (total) {
    table.rows([
      {
        fill: COLOR.total,
        cells: [
          { parts: text("") },
          { parts: text(R.col.total, { font: "bold" }), span: 2 },
          { parts: text(pdfMoney(paguYear), { font: "bold" }) },
          { parts: text(pdfMoney(paguToDate), { font: "bold" }) },
          { parts: text(realized === null ? R.notYet : pdfMoney(realized), { font: "bold" }) },
          ...absorptionCells(total),
        ],
      },
    ]);
  }
  layout.y += 10;
}

function legend(layout: ReportLayout, input: TPerformanceReportPdfInput) {
  const q = QUARTER_NAMES[input.recap.quarter - 1]!;
  const lines = [...R.legend(q)];
  if (input.settings) {
    const bands = [...input.settings.bands].sort((a, b) => b.min - a.min);
    // Bands start at whole percentages and cover everything above the previous start (lib/performance/capaian.ts categorize).
    const described = bands.map((b, i) => {
      if (i === 0) return `${b.min}% ke atas ${b.label}`;
      const upper = bands[i - 1]!.min - 1;
      return b.min === 0 ? `${upper}% ke bawah ${b.label}` : `${b.min}-${upper}% ${b.label}`;
    });
    lines.push(R.bands(described.join("; ")));
    if (input.settings.cap !== null) lines.push(R.cap(pdfNumber(input.settings.cap)));
  }
  const size = 7;
  const height = (lines.length + 1) * lineHeight(size) * 1.6;
  if (layout.y + height > layout.bottom) layout.newPage();
  layout.paragraph(R.legendTitle, { font: "bold", size });
  for (const l of lines) layout.paragraph(`• ${l}`, { size, color: COLOR.muted });
  layout.y += 8;
}

function signature(layout: ReportLayout, input: TPerformanceReportPdfInput) {
  const { agreement } = input;
  const signer = input.signer ?? { name: agreement.firstPartyName, jabatan: agreement.firstPartyJabatan, nip: agreement.firstPartyNip, pangkat: null };
  const width = 240;
  const x = layout.right - width;
  const size = 8.5;
  const h = lineHeight(size);
  const jabatan = wrap(layout.doc, signer.jabatan, width, "regular", size);
  const name = wrap(layout.doc, signer.name, width, "bold", size);
  const extra = (input.placeDate ? 1 : 0) + (signer.pangkat ? 1 : 0);
  const height = Math.max(h * (1 + extra + jabatan.length + name.length + 1) + 48, input.verification ? QR_SIZE + 4 * lineHeight(6.5) : 0);
  if (layout.y + height > layout.bottom) layout.newPage();
  const top = layout.y;
  if (input.placeDate) layout.paragraph(input.placeDate, { x, width, align: "center", size });
  layout.paragraph(R.acknowledged, { x, width, align: "center", size });
  for (const l of jabatan) layout.paragraph(l, { x, width, align: "center", size });
  layout.y += 48;
  for (const l of name) {
    layout.paragraph(l, { x, width, align: "center", size, font: "bold" });
    const w = Math.min(width, layout.doc.font(FONTS.bold).fontSize(size).widthOfString(printable(layout.doc, l)));
    layout.line(x + (width - w) / 2, layout.y - 1, x + (width + w) / 2, layout.y - 1, 0.6);
  }
  if (signer.pangkat) layout.paragraph(signer.pangkat, { x, width, align: "center", size });
  if (signer.nip) layout.paragraph(R.nip(formatNip(signer.nip)), { x, width, align: "center", size });
  if (input.verification) verificationMark(layout, input.verification, top, layout.y);
}

const QR_SIZE = 72;

/** The QR code, the short code and the verification address, left of the signature block. */
function verificationMark(layout: ReportLayout, v: NonNullable<TPerformanceReportPdfInput["verification"]>, top: number, after: number) {
  const { doc } = layout;
  const x = layout.left;
  doc.image(v.qrPng, x, top, { width: QR_SIZE, height: QR_SIZE });
  const textX = x + QR_SIZE + 8;
  const width = 260;
  doc.font(FONTS.bold).fontSize(8).fillColor(COLOR.text).text(printable(doc, R.verifyCode(v.code)), textX, top + 4, { width, lineBreak: false });
  doc.font(FONTS.regular).fontSize(6.5).fillColor(COLOR.muted).text(printable(doc, R.verifyHint), textX, top + 18, { width });
  doc.text(printable(doc, v.url), textX, doc.y + 2, { width });
  layout.y = Math.max(after, top + QR_SIZE + 4);
}

/** Page numbers and the report's name on every page, once the page count is known. */
function footers(doc: TDoc, input: TPerformanceReportPdfInput) {
  const range = doc.bufferedPageRange();
  const q = QUARTER_NAMES[input.recap.quarter - 1]!;
  const left = printable(doc, R.footer(input.agency.name, q, input.recap.year));
  const printed = printable(doc, R.printed(formatDate(input.generatedAt ?? new Date(), input.timeZone ?? "WIB")));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: pdfkit must not see it as overflow.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PAGE.margin - 8;
    const right = `${printed} · ${printable(doc, R.page(i - range.start + 1, range.count))}`;
    doc.moveTo(PAGE.margin, y - 4).lineTo(doc.page.width - PAGE.margin, y - 4).lineWidth(0.3).strokeColor("#808080").stroke();
    doc.font(FONTS.regular).fontSize(6.5).fillColor(COLOR.muted);
    const rightWidth = doc.widthOfString(right);
    const maxLeft = doc.page.width - 2 * PAGE.margin - rightWidth - 24;
    let leftText = left;
    while (leftText.length > 10 && doc.widthOfString(leftText) > maxLeft) leftText = `${leftText.slice(0, -2).trimEnd()}…`;
    doc.text(leftText, PAGE.margin, y, { lineBreak: false });
    doc.text(right, doc.page.width - PAGE.margin - rightWidth, y, { lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The report as PDF bytes. */
export async function buildPerformanceReportPdf(input: TPerformanceReportPdfInput): Promise<Buffer> {
  const q = QUARTER_NAMES[input.recap.quarter - 1]!;
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: {
      Title: `Laporan Pengukuran Kinerja ${q} ${input.recap.year}`,
      Author: input.agency.name,
      Subject: `Pengukuran kinerja ${input.agency.name} ${q} ${input.recap.year}`,
      Creator: "Alur Kinerja",
      Producer: "Alur Kinerja (pdfkit)",
      CreationDate: input.generatedAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  printers.set(doc, embedUnicodeFonts(doc));
  const layout = new ReportLayout(doc);
  heading(layout, input);
  indicatorTable(layout, input.recap);
  budgetTable(layout, input.recap, input.settings ?? DEFAULT_CAPAIAN_SETTINGS);
  legend(layout, input);
  signature(layout, input);
  footers(doc, input);
  doc.end();
  return done;
}

export function performanceReportFilename(agencySlug: string, year: number, quarter: number): string {
  return `Laporan-Pengukuran-Kinerja-${agencySlug}-TW${quarter}-${year}.pdf`;
}
