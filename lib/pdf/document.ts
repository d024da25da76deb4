import PDFDocument from "pdfkit";

import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import { embedUnicodeFonts, PDF_FONTS, type TPdfFont } from "./fonts";

/**
 * The one path every PDF the server draws goes through (docs/decisions/034-one-pdf-path.md):
 * pdfkit with Inter embedded (./fonts.ts, decision 030) and a small layout of our own on top:
 * the kop (government and agency over a double rule), centred titles, wrapped paragraphs,
 * tables whose header repeats on every page and whose rows taller than a page split line by
 * line, the signature block (place and date, jabatan with Plt./Plh., name, pangkat, NIP), the
 * QR code with the short verification code, and the footer with page numbers. Text is wrapped
 * here with the font's real widths, so every row's height is known before it is drawn.
 */

export type TPdfDoc = InstanceType<typeof PDFDocument>;
export type TAlign = "left" | "center" | "right";
export type { TPdfFont };

export const PDF_MESSAGES = {
  continued: "(lanjutan)",
  acknowledged: "Mengetahui,",
  nip: (nip: string) => `NIP ${nip}`,
  verifyCode: (code: string) => `Kode verifikasi: ${code}`,
  verifyHint: "Pindai kode QR atau buka alamat di bawah untuk memeriksa keaslian dokumen ini.",
  page: (n: number, total: number) => `Halaman ${n} dari ${total}`,
  printed: (date: string) => `Dicetak ${date} · Alur Kinerja`,
  government: (name: string) => `PEMERINTAH ${name.toUpperCase()}`,
} as const;
const P = PDF_MESSAGES;

const FONTS = PDF_FONTS;
export const PAGE = { margin: 30, footer: 18 } as const;
export const BODY_SIZE = 7.5;
const LINE = 1.2;
const PAD = { x: 3, y: 2.5 } as const;
export const PDF_COLOR = { text: "#000000", muted: "#404040", border: "#000000", header: "#D9E2F3", goal: "#EDEDED", total: "#F5F5F5", warning: "#9C2A00" } as const;
const COLOR = PDF_COLOR;

/** Per document: its text made printable with its embedded fonts (embedUnicodeFonts). */
const printers = new WeakMap<TPdfDoc, (text: string) => string>();
export const printable = (doc: TPdfDoc, text: string) => printers.get(doc)!(text);

export interface TPart {
  text: string;
  font?: TPdfFont;
  size?: number;
  color?: string;
}
export interface TCell {
  parts: TPart[];
  span?: number;
  align?: TAlign;
}
export interface TRow {
  cells: TCell[];
  fill?: string;
  /** A group's heading: once drawn, repeated "(lanjutan)" under the header of the pages its group runs onto. */
  group?: boolean;
}
export interface TColumn {
  width: number;
  align: TAlign;
}
export interface THeaderCell {
  text: string;
  col: number;
  span?: number;
  row: number;
  rowSpan?: number;
}

interface TLine {
  text: string;
  font: TPdfFont;
  size: number;
  color: string;
}
interface TLaidCell {
  x: number;
  width: number;
  align: TAlign;
  lines: TLine[];
}

export const lineHeight = (size: number) => size * LINE;

/** One cell's content: a text in one style. */
export const text = (t: string, extra: Omit<TPart, "text"> = {}): TPart[] => [{ text: t, ...extra }];

/** Greedy word wrap with the font's real widths; a word wider than the cell is cut after a slash, else by characters. */
export function wrap(doc: TPdfDoc, text: string, width: number, font: TPdfFont, size: number): string[] {
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
        // After a slash where one fits ("Umum/" + "Kepegawaian", as the browser breaks), else by characters.
        const slash = chars.slice(0, cut).lastIndexOf("/");
        if (slash > 0) cut = slash + 1;
        lines.push(chars.slice(0, cut).join(""));
        word = chars.slice(cut).join("");
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/** Who signs, as the block prints it (lib/signing headSignerBlock: "Plt. ..." for an acting official). */
export interface TPdfSigner {
  name: string;
  jabatan: string;
  nip: string | null;
  pangkat: string | null;
}

/** A signed document's public code and its QR code (lib/signing), printed beside the signature. */
export interface TPdfVerification {
  code: string;
  url: string;
  qrPng: Buffer;
}

const QR_SIZE = 72;
const SIGNATURE_WIDTH = 240;

/** The page being written: the cursor (y), the margins, and the drawing primitives. */
export class PdfLayout {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly doc: TPdfDoc) {
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

  /** Starts a new page unless `height` still fits on this one. */
  keep(height: number) {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** A paragraph across the page (or a given box); moves y below it. */
  paragraph(text: string, opts: { font?: TPdfFont; size?: number; align?: TAlign; color?: string; x?: number; width?: number; gap?: number } = {}) {
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

  drawText(text: string, x: number, y: number, width: number, align: TAlign, font: TPdfFont, size: number, color: string) {
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

  /** The kop of an official document: "PEMERINTAH ..." and the agency's name over a double rule. */
  kop(agency: { name: string; governmentName: string }) {
    this.paragraph(P.government(agency.governmentName), { font: "bold", size: 11, align: "center" });
    this.paragraph(agency.name.toUpperCase(), { font: "bold", size: 12, align: "center", gap: 4 });
    this.line(this.left, this.y, this.right, this.y, 1.5);
    this.line(this.left, this.y + 2, this.right, this.y + 2, 0.5);
    this.y += 10;
  }

  /** A section heading, kept with at least `keepWith` points of what follows. */
  heading(text: string, opts: { size?: number; keepWith?: number } = {}) {
    this.keep(opts.keepWith ?? 40);
    this.paragraph(text, { font: "bold", size: opts.size ?? 10, gap: 4 });
  }

  /** Label / value lines ("Nomor SOP: ..."), the label in bold, the value wrapped beside it. */
  fields(rows: [label: string, value: string][], opts: { labelWidth?: number; size?: number; gap?: number } = {}) {
    const size = opts.size ?? 8;
    const labelWidth = opts.labelWidth ?? 130;
    const h = lineHeight(size);
    for (const [label, value] of rows) {
      const lines = wrap(this.doc, value || "–", this.width - labelWidth, "regular", size);
      this.keep(h * Math.min(lines.length, 3));
      this.drawText(label, this.left, this.y, labelWidth - 6, "left", "bold", size, COLOR.text);
      for (const l of lines) {
        if (this.y + h > this.bottom) this.newPage();
        this.drawText(l, this.left + labelWidth, this.y, this.width - labelWidth, "left", "regular", size, COLOR.text);
        this.y += h;
      }
    }
    this.y += opts.gap ?? 6;
  }

  /**
   * The signature block at the right: place and date, the lead line ("Mengetahui,"), jabatan,
   * room for the signature, the name underlined, pangkat and NIP; with the QR code and the
   * verification code at the left when the document is signed.
   */
  signature(input: { signer: TPdfSigner; placeDate?: string; lead?: string | null; verification?: TPdfVerification }) {
    const { signer } = input;
    const lead = input.lead === undefined ? P.acknowledged : input.lead;
    const width = SIGNATURE_WIDTH;
    const x = this.right - width;
    const size = 8.5;
    const h = lineHeight(size);
    const jabatan = wrap(this.doc, signer.jabatan, width, "regular", size);
    const name = wrap(this.doc, signer.name, width, "bold", size);
    const extra = (input.placeDate ? 1 : 0) + (signer.pangkat ? 1 : 0) + (lead ? 1 : 0) - 1;
    const height = Math.max(h * (1 + extra + jabatan.length + name.length + 1) + 48, input.verification ? QR_SIZE + 4 * lineHeight(6.5) : 0);
    this.keep(height);
    const top = this.y;
    if (input.placeDate) this.paragraph(input.placeDate, { x, width, align: "center", size });
    if (lead) this.paragraph(lead, { x, width, align: "center", size });
    for (const l of jabatan) this.paragraph(l, { x, width, align: "center", size });
    this.y += 48;
    for (const l of name) {
      this.paragraph(l, { x, width, align: "center", size, font: "bold" });
      const w = Math.min(width, this.doc.font(FONTS.bold).fontSize(size).widthOfString(printable(this.doc, l)));
      this.line(x + (width - w) / 2, this.y - 1, x + (width + w) / 2, this.y - 1, 0.6);
    }
    if (signer.pangkat) this.paragraph(signer.pangkat, { x, width, align: "center", size });
    if (signer.nip) this.paragraph(P.nip(formatNip(signer.nip)), { x, width, align: "center", size });
    if (input.verification) this.verificationMark(input.verification, top, this.y);
  }

  /** The QR code, the short code and the verification address, left of the signature block. */
  private verificationMark(v: TPdfVerification, top: number, after: number) {
    const { doc } = this;
    const x = this.left;
    doc.image(v.qrPng, x, top, { width: QR_SIZE, height: QR_SIZE });
    const textX = x + QR_SIZE + 8;
    // Up to the signature block (a portrait page leaves less room than a landscape one).
    const width = Math.min(260, this.right - SIGNATURE_WIDTH - textX - 12);
    doc.font(FONTS.bold).fontSize(8).fillColor(COLOR.text).text(printable(doc, P.verifyCode(v.code)), textX, top + 4, { width, lineBreak: false });
    doc.font(FONTS.regular).fontSize(6.5).fillColor(COLOR.muted).text(printable(doc, P.verifyHint), textX, top + 18, { width });
    doc.text(printable(doc, v.url), textX, doc.y + 2, { width });
    this.y = Math.max(after, top + QR_SIZE + 4);
  }
}

/**
 * A table with a (possibly two-level) header repeated on every page, rows
 * that are kept with the next one when asked, a "continued" row re-drawn
 * under the header after a page break (a group being listed), and rows
 * taller than a page split line by line.
 */
export class PdfTable {
  private readonly xs: number[];
  private headerHeight = 0;
  private headerRows: number[] = [];
  /** Re-drawn under the header when a page breaks inside a group. */
  continuation: TRow | null = null;
  private headerPending = false;

  constructor(
    private readonly layout: PdfLayout,
    private readonly columns: TColumn[],
    private readonly header: THeaderCell[],
  ) {
    this.xs = [layout.left];
    for (const c of columns) this.xs.push(this.xs[this.xs.length - 1]! + c.width);
    this.measureHeader();
  }

  /**
   * Columns of the given widths across the page; the one width given as 0 takes what is left.
   * Aligned left unless said otherwise.
   */
  static columns(layout: PdfLayout, widths: number[], aligns: TAlign[] = []): TColumn[] {
    const fixed = [...widths];
    const flex = fixed.indexOf(0);
    if (flex >= 0) fixed[flex] = layout.width - fixed.reduce((a, b) => a + b, 0);
    return fixed.map((width, i) => ({ width, align: aligns[i] ?? "left" }));
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
    return Math.max(...cells.map((c) => PdfTable.cellHeight(c.lines)));
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

  /** The height of the header rows (drawn by drawHeader). */
  get headerSize() {
    return this.headerHeight;
  }

  /** The height a row takes as drawn: its tallest cell. For callers that place rows themselves. */
  measure(row: TRow): number {
    return PdfTable.rowHeight(this.layoutRow(row));
  }

  /**
   * Draws one row at the cursor, `height` tall (at least its own), without page breaks:
   * for callers that made room for it (the SOP's flowchart sheets, lib/sop/pdf-flowchart.ts).
   */
  drawRow(row: TRow, height?: number) {
    const cells = this.layoutRow(row);
    this.drawCells(cells, Math.max(height ?? 0, PdfTable.rowHeight(cells)), row.fill);
  }

  /** The left edge of column `col` (the table's right edge for `columns.length`). */
  x(col: number) {
    return this.xs[col]!;
  }

  /** The room a fresh page leaves for rows: below the header and the continuation row. */
  private freshPageRoom() {
    const cont = this.continuation ? PdfTable.rowHeight(this.layoutRow(this.withContinued(this.continuation))) : 0;
    return this.layout.bottom - this.layout.top - this.headerHeight - cont;
  }

  private withContinued(row: TRow): TRow {
    const cells = row.cells.map((c, i) =>
      i === row.cells.length - 1 ? { ...c, parts: [...c.parts.slice(0, -1), { ...c.parts[c.parts.length - 1]!, text: `${c.parts[c.parts.length - 1]!.text} ${P.continued}` }] } : c,
    );
    return { ...row, cells };
  }

  breakPage() {
    this.layout.newPage();
    this.drawHeader();
    if (this.continuation) {
      const row = this.withContinued(this.continuation);
      const cells = this.layoutRow(row);
      this.drawCells(cells, PdfTable.rowHeight(cells), row.fill);
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
    const total = laid.reduce((h, r) => h + PdfTable.rowHeight(r.cells), 0);
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
      const height = PdfTable.rowHeight(rest);
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

/** Page numbers and the document's name on every page, once the page count is known. */
function footers(doc: TPdfDoc, footer: { left: string; printedAt: Date; timeZone: TAgencyTimeZone }) {
  const range = doc.bufferedPageRange();
  const left = printable(doc, footer.left);
  const printed = printable(doc, P.printed(formatDate(footer.printedAt, footer.timeZone)));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: pdfkit must not see it as overflow.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PAGE.margin - 8;
    const right = `${printed} · ${printable(doc, P.page(i - range.start + 1, range.count))}`;
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

export interface TPdfDocumentOptions {
  orientation: "portrait" | "landscape";
  info: { title: string; author: string; subject: string };
  /** Printed in the footer ("Dicetak ...") and as the creation date. */
  at: Date;
  timeZone: TAgencyTimeZone;
  /** The footer's left text on every page (the document's name and the agency). */
  footer: string;
}

/**
 * A new A4 document with the fonts embedded: draw on `layout`, then `finish()` adds the
 * footers and returns the bytes. pdfkit writes a classic xref table, which the signing
 * placeholder (lib/signing/signer.ts) reads.
 */
export function createPdfDocument(opts: TPdfDocumentOptions): { doc: TPdfDoc; layout: PdfLayout; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    layout: opts.orientation,
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: {
      Title: opts.info.title,
      Author: opts.info.author,
      Subject: opts.info.subject,
      Creator: "Alur Kinerja",
      Producer: "Alur Kinerja (pdfkit)",
      CreationDate: opts.at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  printers.set(doc, embedUnicodeFonts(doc));
  const layout = new PdfLayout(doc);
  return {
    doc,
    layout,
    finish: () => {
      footers(doc, { left: opts.footer, printedAt: opts.at, timeZone: opts.timeZone });
      doc.end();
      return done;
    },
  };
}
