import { BODY_SIZE, lineHeight, type PdfLayout, PdfTable, printable, type TCell, type THeaderCell, type TPart, type TPdfDoc, type TRow, wrap } from "@/lib/pdf/document";
import { PDF_FONTS } from "@/lib/pdf/fonts";

import { assignmentNote } from "./assignment";
import { executorColumnsByFirstUse } from "./executor-columns";
import {
  BAND_HEIGHT,
  CONNECTOR_HEIGHT,
  CONNECTOR_WIDTH,
  flowBlockIndexAt,
  flowPageBlocks,
  layoutFlowchart,
  noLabelSpot,
  placeInFlowBlock,
  SYMBOL_HEIGHT,
  SYMBOL_WIDTH,
  type TFlowBlock,
  type TFlowchartLayout,
  type TFlowColumn,
  type TFlowConnector,
  type TFlowEdge,
  type TFlowPage,
  type TFlowRow,
} from "./flowchart-layout";
import { SOP_DOCUMENT_MESSAGES as M } from "./messages";
import { isDecisionKind, type TSopStep } from "./schemas";
import { formatWaktu, type TSopRoleRef } from "./xlsx";

/**
 * The procedure sheets of the SOP document PDF (lib/sop/pdf.ts) in the Permenpan RB 35/2012
 * layout the browser shows (components/sop/sop-document.tsx): one table per flowchart page of
 * lib/sop/flowchart-layout.ts (NO | KEGIATAN | PELAKSANA per role | MUTU BAKU | KET), its two
 * header rows on every sheet, and the flowchart drawn with pdfkit's vector calls over the
 * executor columns: terminators, process boxes, decision diamonds with "Ya" / "Tidak",
 * orthogonal arrows, joint steps' lines and the off-page connectors where a sheet ends.
 *
 * The rows are measured first (the font's real widths), so a sheet takes as many steps as fit
 * on the page (at most MAX_ROWS_PER_SHEET, then spread evenly, as the browser's print does),
 * and the layout's unit rows are mapped onto the real rows with the same piecewise mapping as
 * the browser (placeInFlowBlock): symbols centred, turns at a fixed distance from the borders.
 */

/** Height of one layout row unit (a step row's minimum), in points. */
const UNIT = 40;
const MAX_ROWS_PER_SHEET = 8;
const STROKE = 0.9;
const ARROW_LENGTH = 5;
const ARROW_HALF_WIDTH = 2.5;
const LABEL_SIZE = 6.5;
const TITLE_SIZE = 9;
const SMALL_SIZE = 6.5;
/** Font scales tried, largest first, for a step whose text would not fit on one sheet. */
const SCALES = [1, 0.9, 0.8, 0.7, 0.6];
const INK = "#000000";

export interface TSopSheetInput {
  nama: string;
  steps: readonly TSopStep[];
  /** The roles the SOP names (rolesUsedBySop): their printed names; an unknown code prints as itself. */
  roles: readonly TSopRoleRef[];
}

/** What the sheets were drawn from: the flowchart layout (one sheet per page) and the executor columns. */
export interface TSopSheetsDrawn {
  layout: TFlowchartLayout;
  columns: TFlowColumn[];
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${M.and} ${names.at(-1)}`;
}

/** The longest word of the texts in the given font: no column is narrower, so words never break inside. */
function longestWord(doc: TPdfDoc, texts: readonly string[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  let max = 0;
  for (const t of texts) for (const w of printable(doc, t).split(/\s+/)) if (w) max = Math.max(max, doc.widthOfString(w));
  return max;
}

/**
 * Column widths (points) across the landscape page, shares as the browser's print
 * (sop-document.tsx sheetWidths): the executor columns at least as wide as their longest
 * word, KET as wide as a decision's route, KEGIATAN taking what is left.
 */
function sheetWidths(layout: PdfLayout, columns: TFlowColumn[], ketTexts: string[], hasDecision: boolean): number[] {
  const W = layout.width;
  const n = Math.max(1, columns.length);
  const doc = layout.doc;
  const no = 24;
  const waktu = 0.06 * W;
  // Long notes widen KET (a step's 2,000 characters must fit on one sheet, lib/sop/schemas.ts).
  const longNotes = ketTexts.some((t) => t.length > 400);
  const ket = Math.min(0.16 * W, Math.max((hasDecision ? 0.07 : 0.04) * W, longNotes ? 0.14 * W : 0, longestWord(doc, ketTexts, PDF_FONTS.regular, BODY_SIZE) + 7));
  // Whole words, slashes included: the PDF wraps at spaces only ("Kabag/Kasubag" stays one word).
  const nameWord = longestWord(
    doc,
    columns.map((c) => c.name),
    PDF_FONTS.bold,
    BODY_SIZE,
  );
  let exec = Math.max((0.365 * W) / n, nameWord + 7);
  let mutu = 0.135 * W;
  const kegiatanMin = 0.16 * W;
  const kegiatanOf = () => W - no - waktu - 2 * mutu - n * exec - ket;
  if (kegiatanOf() < kegiatanMin) mutu = Math.max(0.1 * W, mutu - (kegiatanMin - kegiatanOf()) / 2);
  // Many roles: the executor columns give up room down to a narrow minimum (long names wrap).
  if (kegiatanOf() < kegiatanMin) exec = Math.max(30, (W - no - waktu - 2 * mutu - ket - kegiatanMin) / n);
  return [no, Math.max(60, kegiatanOf()), ...columns.map(() => exec), mutu, waktu, mutu, ket];
}

function header(columns: TFlowColumn[]): THeaderCell[] {
  const first = 2;
  const mutu = first + columns.length;
  return [
    { text: M.colNo.toUpperCase(), col: 0, row: 0, rowSpan: 2 },
    { text: M.colKegiatan.toUpperCase(), col: 1, row: 0, rowSpan: 2 },
    { text: M.colPelaksana.toUpperCase(), col: first, span: columns.length, row: 0 },
    ...columns.map((c, i) => ({ text: c.name, col: first + i, row: 1 })),
    { text: M.colMutuBaku.toUpperCase(), col: mutu, span: 3, row: 0 },
    { text: M.colKelengkapan, col: mutu, row: 1 },
    { text: M.colWaktu, col: mutu + 1, row: 1 },
    { text: M.colOutput, col: mutu + 2, row: 1 },
    { text: M.colKet.toUpperCase(), col: mutu + 3, row: 0, rowSpan: 2 },
  ];
}

/**
 * What the KET column says: the SOP's own note, then where a decision's "Ya" and "Tidak" go
 * (as the browser, and as the layout routes them: "Ya" without a target goes to the next step).
 */
function ketText(step: TSopStep, next: TSopStep | undefined): string {
  const lines = step.keterangan.trim() ? [step.keterangan.trim()] : [];
  if (isDecisionKind(step.kind)) lines.push(M.decisionRoute(step.yesStepNumber ?? next?.number ?? null, step.noStepNumber));
  return lines.join("\n");
}

function stepRow(step: TSopStep, next: TSopStep | undefined, columns: TFlowColumn[], names: Map<string, string>, scale: number): TRow {
  const size = BODY_SIZE * scale;
  const small = SMALL_SIZE * scale;
  const kegiatan: TPart[] = [{ text: step.kegiatan, size }];
  const participants = step.participantRoleCodes.map((c) => names.get(c) ?? c);
  if (participants.length) kegiatan.push({ text: M.participants(joinNames(participants)), font: "italic", size: small });
  const note = assignmentNote(step);
  if (note) kegiatan.push({ text: note, size: small });
  const cells: TCell[] = [
    { parts: [{ text: String(step.number), size }] },
    { parts: kegiatan },
    ...columns.map((): TCell => ({ parts: [{ text: "", size }] })),
    { parts: [{ text: step.kelengkapan.trim() || "-", size }] },
    { parts: [{ text: formatWaktu(step), size }] },
    { parts: [{ text: step.output.trim() || "-", size }] },
    { parts: [{ text: ketText(step, next) || "-", size }] },
  ];
  return { cells };
}

function bandRow(columns: TFlowColumn[]): TRow {
  return { cells: Array.from({ length: columns.length + 6 }, (): TCell => ({ parts: [{ text: "" }] })) };
}

/**
 * Draws the procedure sheets, each on a new page, and leaves the cursor under the last one.
 * Nothing is drawn for an SOP without steps.
 */
export function drawProcedureSheets(layout: PdfLayout, input: TSopSheetInput): TSopSheetsDrawn | null {
  const steps = [...input.steps].sort((a, b) => a.number - b.number);
  if (steps.length === 0) return null;
  const names = new Map(input.roles.map((r) => [r.code, r.name]));
  const role = (code: string) => ({ code, name: names.get(code) ?? code });
  const columns = executorColumnsByFirstUse(steps.map((s) => ({ executor: role(s.executorRoleCode), participants: s.participantRoleCodes.map(role) })));
  const n = Math.max(1, columns.length);
  const hasDecision = steps.some((s) => isDecisionKind(s.kind));
  const ketTexts = [M.colKet.toUpperCase(), ...steps.map((s, i) => ketText(s, steps[i + 1]))];
  const widths = sheetWidths(layout, columns, ketTexts, hasDecision);
  const aligns = ["center", "left", ...columns.map(() => "center" as const), "left", "center", "left", "left"] as const;
  const table = new PdfTable(layout, PdfTable.columns(layout, widths, [...aligns]), header(columns));

  // The room a sheet leaves for its rows: the page less its title and the header rows.
  const title = wrap(layout.doc, M.procedureSheet(input.nama, 99, 99), layout.width, "bold", TITLE_SIZE).length * lineHeight(TITLE_SIZE) + 4;
  const room = layout.bottom - layout.top - title - table.headerSize;
  // A step taller than a sheet with full connector bands around it prints smaller, never cut.
  const maxRow = room - 4 * BAND_HEIGHT * UNIT;
  const rowOf = (i: number, scale: number) => stepRow(steps[i]!, steps[i + 1], columns, names, scale);
  const scales = steps.map((_, i) => SCALES.find((k) => table.measure(rowOf(i, k)) <= maxRow) ?? SCALES.at(-1)!);
  const rows = scales.map((k, i) => rowOf(i, k));
  const heights = rows.map((r) => Math.max(UNIT, table.measure(r)));

  const flowSteps = steps.map((s) => ({
    number: s.number,
    executorRoleCode: s.executorRoleCode,
    kind: s.kind,
    yesStepNumber: s.yesStepNumber,
    noStepNumber: s.noStepNumber,
    jointRoleCodes: s.assignment === "JOINT" ? s.participantRoleCodes : [],
  }));
  const layoutFor = (k: number) => layoutFlowchart(flowSteps, columns, { rowsPerPage: k });
  const byNumber = new Map(steps.map((s, i) => [s.number, i]));
  const pageFits = (p: TFlowPage) => (p.bandTop + p.bandBottom) * UNIT + p.rows.reduce((h, r) => h + heights[byNumber.get(r.stepNumber)!]!, 0) <= room + 0.01;
  const fits = (flow: TFlowchartLayout) => flow.pages.every(pageFits);
  let k = Math.min(steps.length, MAX_ROWS_PER_SHEET);
  let flow = layoutFor(k);
  while (k > 1 && !fits(flow)) flow = layoutFor(--k);
  // Spread the steps evenly over the sheets needed (as the browser's print does).
  const balanced = Math.ceil(steps.length / Math.ceil(steps.length / k));
  if (balanced !== k) {
    const even = layoutFor(balanced);
    if (fits(even)) flow = even;
  }
  // One tall step should not force every sheet down to a few steps: sheets of their own sizes.
  const uneven = unevenSheets(steps.length, heights, room, (sizes) => layoutFlowchart(flowSteps, columns, { rowsPerPage: k, pageSizes: sizes }), pageFits);
  if (uneven && uneven.pages.length < flow.pages.length) flow = uneven;

  for (const page of flow.pages) {
    layout.newPage();
    layout.paragraph(M.procedureSheet(input.nama, page.index + 1, page.pageCount), { font: "bold", size: TITLE_SIZE, gap: 4 });
    table.drawHeader();
    const blocks = flowPageBlocks(page);
    const placed: { top: number; height: number }[] = [];
    for (const block of blocks) {
      const top = layout.y;
      if (block.kind === "band") {
        const height = (block.y1 - block.y0) * UNIT;
        table.drawRow(bandRow(columns), height);
        placed.push({ top, height });
      } else {
        const i = byNumber.get(block.row!.stepNumber)!;
        table.drawRow(rows[i]!, heights[i]!);
        placed.push({ top, height: heights[i]! });
      }
    }
    drawFlow(layout, page, blocks, placed, { left: table.x(2), columnWidth: widths[2]!, columnCount: n });
    layout.y += 6;
  }
  return { layout: flow, columns };
}

/**
 * Steps per sheet taken greedily by measured height (room for a connector band above and
 * below), then corrected where the real layout's bands need more: a sheet that does not fit
 * gives its last step to the next one.
 */
function unevenSheets(
  n: number,
  heights: readonly number[],
  room: number,
  layoutOf: (sizes: number[]) => TFlowchartLayout,
  pageFits: (p: TFlowPage) => boolean,
): TFlowchartLayout | null {
  const sizes: number[] = [];
  let used = 0;
  let count = 0;
  heights.forEach((h) => {
    if (count > 0 && (count >= MAX_ROWS_PER_SHEET || used + h > room - 2 * BAND_HEIGHT * UNIT)) {
      sizes.push(count);
      used = 0;
      count = 0;
    }
    used += h;
    count += 1;
  });
  sizes.push(count);
  for (let tries = 0; tries <= n; tries++) {
    const flow = layoutOf(sizes);
    const bad = flow.pages.findIndex((p) => !pageFits(p));
    if (bad < 0) return flow;
    if (sizes[bad]! <= 1) return null;
    sizes[bad]! -= 1;
    if (bad + 1 < sizes.length) sizes[bad + 1]! += 1;
    else sizes.push(1);
  }
  return null;
}

interface TGeometry {
  left: number;
  columnWidth: number;
  columnCount: number;
}

/** The flowchart of one sheet over its executor columns: lines and arrows, joint lines, symbols, connectors, labels. */
function drawFlow(layout: PdfLayout, page: TFlowPage, blocks: TFlowBlock[], placed: { top: number; height: number }[], g: TGeometry) {
  const doc = layout.doc;
  const X = (x: number) => g.left + x * g.columnWidth;
  const Y = (y: number, centred = false) => {
    const i = flowBlockIndexAt(blocks, y);
    const p = placeInFlowBlock(blocks[i]!, y, centred && blocks[i]!.kind === "row");
    return placed[i]!.top + p.anchor * placed[i]!.height + p.offset * UNIT;
  };
  doc.save();
  doc.lineWidth(STROKE).strokeColor(INK).fillColor(INK).lineJoin("miter").lineCap("butt");

  for (const edge of page.edges) drawEdge(doc, edge, X, Y);
  for (const row of page.rows) {
    for (const seg of row.joint?.segments ?? []) doc.moveTo(X(seg.x1), Y(row.y, true)).lineTo(X(seg.x2), Y(row.y, true)).stroke();
  }
  for (const row of page.rows) {
    for (const column of [undefined, ...(row.joint?.columns ?? [])]) drawSymbol(doc, row, X(column === undefined ? row.x : column + 0.5), Y(row.y, true), g.columnWidth);
  }
  for (const c of page.connectors) drawConnector(layout, c, X(c.x), Y(c.y), g.columnWidth);
  for (const edge of page.edges) drawLabel(layout, edge, g.columnCount, X, Y);
  doc.restore();
}

function drawEdge(doc: TPdfDoc, edge: TFlowEdge, X: (x: number) => number, Y: (y: number) => number) {
  const pts = edge.points.map((p) => ({ x: X(p.x), y: Y(p.y) }));
  const tip = pts.at(-1);
  const prev = pts.at(-2);
  if (!tip || !prev) return;
  const dx = tip.x - prev.x;
  const dy = tip.y - prev.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // The line stops at the arrowhead's base so the tip stays sharp.
  const cut = Math.min(ARROW_LENGTH - 0.5, len);
  const line = pts.map((p, i) => (i === pts.length - 1 ? { x: p.x - ux * cut, y: p.y - uy * cut } : p));
  doc.moveTo(line[0]!.x, line[0]!.y);
  for (const p of line.slice(1)) doc.lineTo(p.x, p.y);
  doc.stroke();
  const bx = tip.x - ux * ARROW_LENGTH;
  const by = tip.y - uy * ARROW_LENGTH;
  doc.polygon([tip.x, tip.y], [bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH], [bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH]).fill(INK);
}

function drawSymbol(doc: TPdfDoc, row: TFlowRow, cx: number, cy: number, columnWidth: number) {
  const w = SYMBOL_WIDTH * columnWidth;
  const h = SYMBOL_HEIGHT * UNIT;
  if (row.missingExecutor) doc.dash(3, { space: 2 });
  if (row.symbol === "decision") doc.polygon([cx, cy - h / 2], [cx + w / 2, cy], [cx, cy + h / 2], [cx - w / 2, cy]);
  else if (row.symbol === "terminator") doc.roundedRect(cx - w / 2, cy - h / 2, w, h, h / 2);
  else doc.rect(cx - w / 2, cy - h / 2, w, h);
  // White inside: a symbol reads as a shape on paper, whatever runs behind it.
  doc.fillAndStroke("#FFFFFF", INK);
  if (row.missingExecutor) doc.undash();
}

/**
 * Off-page connector: a pentagon pointing down with its letter; the outgoing one (the flow
 * continues on another sheet) filled, its letter white; the incoming one an outline.
 */
function drawConnector(layout: PdfLayout, c: TFlowConnector, cx: number, cy: number, columnWidth: number) {
  const doc = layout.doc;
  const w = CONNECTOR_WIDTH * columnWidth;
  const h = CONNECTOR_HEIGHT * UNIT;
  const shoulder = cy + h / 2 - h * 0.38;
  const out = c.direction === "out";
  doc.polygon([cx - w / 2, cy - h / 2], [cx + w / 2, cy - h / 2], [cx + w / 2, shoulder], [cx, cy + h / 2], [cx - w / 2, shoulder]);
  doc.fillAndStroke(out ? INK : "#FFFFFF", INK);
  const size = Math.min(8, h * 0.55, w * 0.6);
  const centre = cy - h * 0.1;
  layout.drawText(printable(doc, c.letter), cx - w / 2, centre - lineHeight(size) / 2, w, "center", "bold", size, out ? "#FFFFFF" : INK);
}

/** "Ya" under a decision, "Tidak" just above its side exit (noLabelSpot, as the browser). */
function drawLabel(layout: PdfLayout, edge: TFlowEdge, columnCount: number, X: (x: number) => number, Y: (y: number, centred?: boolean) => number) {
  const label = edge.label;
  if (!label) return;
  const doc = layout.doc;
  const text = printable(doc, label.text);
  doc.font(PDF_FONTS.bold).fontSize(LABEL_SIZE);
  const w = doc.widthOfString(text);
  const h = lineHeight(LABEL_SIZE);
  const spot = noLabelSpot(edge, columnCount);
  let x: number;
  let cy: number;
  if (spot) {
    cy = Y(spot.y, true) - 5;
    x = spot.align === "centre" ? X(spot.x) - w / 2 : spot.align === "before" ? X(spot.x) - 2 - w : X(spot.x) + 2;
  } else {
    cy = Y(label.y, true);
    x = label.anchor === "start" ? X(label.x) : X(label.x) - w;
  }
  layout.drawText(text, x, cy - h / 2, w + 1, "left", "bold", LABEL_SIZE, INK);
}
