import type { CSSProperties, ReactNode } from "react";

import { HtmlOnce } from "@/components/ui/html-once";
import { contentCache } from "@/lib/content-cache";
import { formatDate, formatNumber, type TAgencyTimeZone } from "@/lib/format";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import {
  CONNECTOR_HEIGHT,
  CONNECTOR_WIDTH,
  describeFlowchartPage,
  flowBlockIndexAt as blockIndexAt,
  flowPageBlocks as pageBlocks,
  layoutFlowchart,
  noLabelSpot,
  placeInFlowBlock,
  SYMBOL_HEIGHT,
  SYMBOL_WIDTH,
  type TFlowBlock as Block,
  type TFlowColumn,
  type TFlowConnector,
  type TFlowPage,
  type TFlowPoint,
  type TFlowRow,
} from "@/lib/sop/flowchart-layout";
import { assignmentNote } from "@/lib/sop/assignment";
import { executorColumnsByFirstUse } from "@/lib/sop/executor-columns";
import type { SopRecord } from "@/lib/sop/mapping";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";
import { isDecisionKind, TIME_UNIT_LABELS, type TStepAssignment, type TStepKind, type TStepUnitKind, type TTimeUnit } from "@/lib/sop/schemas";
import { printedSignerTitle } from "@/lib/sop/signer-title";
import { breakAfterSlash, longestPieceWidth } from "@/lib/sop/text-width";
import { staticMarkup } from "@/lib/static-markup";
import { formatNip } from "@/lib/validation/nip";

/**
 * The official SOP document in the Permenpan RB 35/2012 layout, as the agencies print
 * and sign it: the identity page (portrait) and the procedure sheets (landscape), one
 * table per flowchart page of lib/sop/flowchart-layout.ts, each with its own header rows.
 *
 * The flowchart is drawn per table row rather than as one SVG over the whole table:
 * activity text makes rows taller than the layout's unit row, by an amount only the
 * browser knows. Each row therefore holds an overlay across its executor columns in
 * which the layout's unit row is mapped piecewise: the symbol band stays a fixed size,
 * centred in the row; what lies near the row's top or bottom border stays at a fixed
 * distance from that border; only vertical lines stretch in between. Lines are CSS
 * borders and symbols small SVGs, so the drawing is crisp on screen and on paper
 * whatever height the text gives a row. Its look, on screen and on paper, is in app/globals.css
 * (the SOP document rules: by class, place in the row and data-field; decision 076).
 */

/** Nominal (and minimum) height of a step row, in CSS pixels: one layout row unit. */
const ROW_UNIT = 64;
const STROKE = 1.25;
const ARROW_LENGTH = 7;
const ARROW_HALF_WIDTH = 3.5;
/** At most this many steps per procedure sheet (A4 landscape). */
const MAX_ROWS_PER_SHEET = 8;

export interface SopDocumentStep {
  number: number;
  kegiatan: string;
  kind: TStepKind;
  kelengkapan: string;
  waktuJumlah: number;
  waktuSatuan: TTimeUnit;
  output: string;
  keterangan: string;
  yesStepNumber: number | null;
  noStepNumber: number | null;
  executorRole: { code: string; name: string };
  participants: { role: { code: string; name: string } }[];
  /** Who does the step (absent: one executor), noted under the activity. */
  assignment?: TStepAssignment;
  unitKind?: TStepUnitKind | null;
  units?: { unit: { name: string } }[];
}

/** The document's fields are those of a saved SOP version; steps carry their role names too. */
export type SopDocumentData = Omit<SopRecord, "steps"> & { steps: SopDocumentStep[] };

export interface SopDocumentProps {
  sop: SopDocumentData;
  agency: {
    name: string;
    governmentName: string;
    timeZone: TAgencyTimeZone;
    logoUrl?: string | null;
    /** The agency's head role ("Kepala Dinas"): completes a bare signer's title ("Kepala"). */
    headRoleName?: string | null;
  };
  /** The agency's roles (unused by the drawing: its columns follow the SOP's first use of each role). */
  roles?: { code: string; name: string }[];
}

/*
 * The document is sent as one string of HTML inside its <article> (issue 16, docs/decisions/065):
 * a React element costs server CPU three times per request (rendered into the RSC payload,
 * decoded again for the HTML, written as HTML) and the document is ~470 of the page's ~640
 * elements, none of them interactive. Its markup is a pure function of the SOP version and the
 * agency's printed identity, so it is rendered once per content (lib/static-markup.ts writes the
 * bytes renderToStaticMarkup would) and kept in-process; an edited draft, a renamed role, a new
 * logo or time zone gives a new key, so a stale document cannot be served. Bounded in entries and
 * in characters (lib/content-cache.ts, decision 081): the oldest entry goes first.
 */
export const DOCUMENTS = contentCache<string>(200, 6_000_000, (html) => html.length);

function documentKey(sop: SopDocumentData, agency: SopDocumentProps["agency"]): string {
  return JSON.stringify([sop, agency.name, agency.governmentName, agency.timeZone, agency.logoUrl ?? null, agency.headRoleName ?? null]);
}

/** The document's content (identity page and procedure sheets) as HTML, cached per content. */
export function sopDocumentHtml(sop: SopDocumentData, agency: SopDocumentProps["agency"]): string {
  const key = documentKey(sop, agency);
  const cached = DOCUMENTS.get(key);
  if (cached !== undefined) return cached;
  const html = staticMarkup(<SopDocumentContent sop={sop} agency={agency} />);
  DOCUMENTS.set(key, html);
  return html;
}

/**
 * `once`: how the document's HTML reaches the page (lib/html-once.ts, decision 075): on a document
 * request the page sends it once, in the markup, not again in the RSC payload; in the props when not given.
 */
export function SopDocument({ sop, agency, once = inlineHtml }: SopDocumentProps & { once?: THtmlSender }) {
  return (
    <HtmlOnce
      as="article"
      className="sop-document text-slate-950"
      aria-label={`${M.documentTitle} ${sop.nomor}`}
      data-testid="sop-document"
      {...once(sopDocumentHtml(sop, agency))}
    />
  );
}

/** What the <article> holds: the identity page and one procedure sheet per flowchart page (plain elements only: see sopDocumentHtml). */
export function SopDocumentContent({ sop, agency }: Pick<SopDocumentProps, "sop" | "agency">) {
  const steps = [...sop.steps].sort((a, b) => a.number - b.number);
  const { columns, widths, sheets } = sopDrawing(steps);
  const byNumber = new Map(steps.map((s) => [s.number, s]));
  return (
    <>
      <IdentityPage sop={sop} agency={agency} />
      {sheets.map(({ page, blocks, pieces }) => (
        <ProcedureSheet key={page.index} page={page} blocks={blocks} pieces={pieces} nama={sop.nama} steps={byNumber} columns={columns} widths={widths} />
      ))}
    </>
  );
}

/** lucide's Landmark (v1.75) as the plain SVG it renders (its size and colour: .sop-id-head > svg): lucide's icons are client components, which static markup cannot hold. */
function LandmarkIcon() {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.25"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M10 18v-7" />
      <path d="M11.119 2.205a2 2 0 0 1 1.762 0l7.84 3.846A.5.5 0 0 1 20.5 7h-17a.5.5 0 0 1-.22-.949z" />
      <path d="M14 18v-7" />
      <path d="M18 18v-7" />
      <path d="M3 22h18" />
      <path d="M6 18v-7" />
    </svg>
  );
}

/** Columns, widths, the flowchart's pages and the pieces drawn in each row: a pure function of the steps. */
interface TSopDrawing {
  columns: TFlowColumn[];
  widths: TSheetWidths;
  sheets: { page: TFlowPage; blocks: Block[]; pieces: Piece[][] }[];
}

/*
 * The drawing is pure in the steps (numbers, kinds, routes, roles and the texts that size the
 * columns), so it is kept in-process per content key: a saved SOP version is read far more often
 * than it changes, and an edit or a renamed role gives a new key (issue 16, docs/decisions/052).
 * Bounded in entries and in characters (the key's, and the drawing's as JSON, counted once when it
 * is made; lib/content-cache.ts, decision 081): the oldest entry goes first.
 */
const DRAWINGS = contentCache<TSopDrawing>(200, 3_000_000, (drawing) => JSON.stringify(drawing).length);

function drawingKey(steps: SopDocumentStep[]): string {
  return JSON.stringify(
    steps.map((s) => [
      s.number,
      s.kind,
      s.yesStepNumber,
      s.noStepNumber,
      s.executorRole.code,
      s.executorRole.name,
      s.participants.map((p) => [p.role.code, p.role.name]),
      s.assignment ?? null,
      s.kegiatan,
      s.kelengkapan,
      s.output,
      s.keterangan,
    ]),
  );
}

function sopDrawing(steps: SopDocumentStep[]): TSopDrawing {
  const key = drawingKey(steps);
  const cached = DRAWINGS.get(key);
  if (cached) return cached;
  const columns = executorColumns(steps);
  const widths = sheetWidths(steps, columns);
  const rowsPerPage = sheetSize(steps, columns, widths);
  const layout = layoutFlowchart(
    steps.map((s) => ({
      number: s.number,
      executorRoleCode: s.executorRole.code,
      kind: s.kind,
      yesStepNumber: s.yesStepNumber,
      noStepNumber: s.noStepNumber,
      jointRoleCodes: s.assignment === "JOINT" ? s.participants.map((p) => p.role.code) : [],
    })),
    columns,
    { rowsPerPage },
  );
  const sheets = layout.pages.map((page) => {
    const blocks = pageBlocks(page);
    return { page, blocks, pieces: flowPieces(page, blocks) };
  });
  const drawing = { columns, widths, sheets };
  DRAWINGS.set(key, drawing);
  return drawing;
}

/* ------------------------------------------------------------------ identity page */

function IdentityPage({ sop, agency }: { sop: SopDocumentData; agency: SopDocumentProps["agency"] }) {
  const tz = agency.timeZone;
  const agencyName = agency.name.toUpperCase();
  const unit = sop.unit.toUpperCase();
  // The unit is printed under the agency unless the agency's own name already says it.
  const showUnit = !agencyName.includes(unit);
  return (
    <section className="sop-identity" aria-label={M.identityLabel}>
      <div className="sop-id">
        <div className="sop-id-head">
          {agency.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the agency's own logo from its authorized route; printed as is
            <img src={agency.logoUrl} alt={M.logoAlt(agency.name)} data-field="logo" />
          ) : (
            <LandmarkIcon />
          )}
          <p data-field="government">
            {M.government(agency.governmentName)}
          </p>
          <p data-field="agency">
            {agencyName}
          </p>
          <p className={showUnit ? undefined : "sr-only"} data-field="unit">
            {unit}
          </p>
        </div>
        <dl>
          <IdentityRow label={M.fieldNomor} field="nomor">
            {sop.nomor}
          </IdentityRow>
          <IdentityRow label={M.fieldTanggalPembuatan} field="tanggalPembuatan">
            {formatDate(sop.tanggalPembuatan, tz)}
          </IdentityRow>
          <IdentityRow label={M.fieldTanggalRevisi} field="tanggalRevisi">
            {sop.tanggalRevisi ? formatDate(sop.tanggalRevisi, tz) : M.none}
          </IdentityRow>
          <IdentityRow label={M.fieldTanggalEfektif} field="tanggalEfektif">
            {sop.tanggalEfektif ? formatDate(sop.tanggalEfektif, tz) : M.none}
          </IdentityRow>
          <IdentityRow label={M.fieldDisahkan} field="disahkan">
            <span data-field="disahkanJabatan">
              {printedSignerTitle(sop.disahkanJabatan, agency.headRoleName, agency.name)}
            </span>
            {/* Room for the wet signature and the seal. */}
            <span role="presentation" title={M.signatureSpace} />
            <span data-field="disahkanNama">
              {sop.disahkanNama}
            </span>
            {sop.disahkanPangkat ? (
              <span data-field="disahkanPangkat">
                {sop.disahkanPangkat}
              </span>
            ) : null}
            {sop.disahkanNip ? (
              <span data-field="disahkanNip">
                {M.nip(formatNip(sop.disahkanNip))}
              </span>
            ) : null}
          </IdentityRow>
          <IdentityRow label={M.fieldNama} field="nama">
            {sop.nama}
          </IdentityRow>
        </dl>
      </div>

      <div className="sop-boxes">
        <ListBox title={M.boxDasarHukum} field="dasarHukum" items={sop.dasarHukum} />
        <ListBox title={M.boxKualifikasi} field="kualifikasiPelaksana" items={sop.kualifikasiPelaksana} />
        <ListBox title={M.boxKeterkaitan} field="keterkaitan" items={sop.keterkaitan} />
        <ListBox title={M.boxPeralatan} field="peralatan" items={sop.peralatan} />
        <Box title={M.boxPeringatan}>
          <p data-field="peringatan">
            {sop.peringatan || M.none}
          </p>
        </Box>
        <ListBox title={M.boxPencatatan} field="pencatatan" items={sop.pencatatan} />
      </div>
    </section>
  );
}

function IdentityRow({ label, field, children }: { label: string; field: string; children: ReactNode }) {
  return (
    <div className="sop-identity-row">
      <dt>{label}</dt>
      <span aria-hidden>:</span>
      <dd data-field={field}>{children}</dd>
    </div>
  );
}

/** One of the six boxes under the identity table; its borders come from its place (app/globals.css, .sop-box). */
function Box({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="sop-box">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function ListBox({ title, field, items }: { title: string; field: string; items: string[] }) {
  return (
    <Box title={title}>
      {items.length > 0 ? (
        <ol data-field={field}>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      ) : (
        <p data-field={field}>{M.none}</p>
      )}
    </Box>
  );
}

/* --------------------------------------------------------------- procedure sheets */

/** One sub-column per role that executes or takes part in a step, in the order the SOP first uses them. */
function executorColumns(steps: SopDocumentStep[]): TFlowColumn[] {
  return executorColumnsByFirstUse(steps.map((s) => ({ executor: s.executorRole, participants: s.participants.map((p) => p.role) })));
}

/** What the KET column says: the SOP's own note, then where a decision's "Ya" and "Tidak" go. */
function ketLines(step: SopDocumentStep, row?: TFlowRow): string[] {
  const lines = step.keterangan ? [step.keterangan] : [];
  if (isDecisionKind(step.kind)) lines.push(M.decisionRoute(row?.yesStepNumber ?? step.yesStepNumber ?? step.number + 1, row?.noStepNumber ?? step.noStepNumber));
  return lines;
}

function formatWaktu(step: SopDocumentStep): string {
  return `${formatNumber(step.waktuJumlah)} ${TIME_UNIT_LABELS[step.waktuSatuan]}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${M.and} ${names.at(-1)}`;
}

/*
 * How many steps fit on one A4 landscape sheet. The print column widths (globals.css) and
 * a generous character width give each row's height; a sheet takes as many rows as fit
 * (at most MAX_ROWS_PER_SHEET), then the rows are spread evenly over the sheets needed.
 */
const PRINT_WIDTH_PX = 1047; // 277 mm: A4 landscape less 10 mm margins
const PRINT_HEIGHT_PX = 718; // 190 mm
const CHAR_PX = 6.6; // 12 px Inter, with room to spare
const LINE_PX = 16.5;
const SMALL_LINE_PX = 13.5;
/** 277 mm in points: the printed sheet's width. */
const PRINT_WIDTH_PT = 785.2;
/** Font sizes (pt) of the printed table body and its executor headers (10 px). */
const PRINT_BODY_PT = 9;
const PRINT_HEADER_PT = 7.5;

/**
 * Column widths of the procedure sheets, in print (shares of the sheet) and on screen
 * (px): no column is narrower than its longest word (lib/sop/text-width.ts measures the
 * printed font), so words wrap at spaces and slashes only, never inside themselves
 * ("Tida k", "Kasub ag"). KET holds a decision's route, so it gets room for it; the
 * Kegiatan column gives up what the others need.
 */
export interface TSheetWidths {
  print: { no: number; kegiatan: number; exec: number; mutu: number; waktu: number; ket: number };
  screen: { exec: number; ket: number };
}

function sheetWidths(steps: SopDocumentStep[], columns: TFlowColumn[]): TSheetWidths {
  const n = Math.max(1, columns.length);
  const ketTexts = [M.colKet.toUpperCase(), ...steps.flatMap((s) => ketLines(s))];
  const hasDecision = steps.some((s) => isDecisionKind(s.kind));
  const names = columns.map((c) => c.name);
  const share = (pt: number) => (pt / PRINT_WIDTH_PT) * 100;
  // Cell padding: 6 px a side in the body, 4 px in the headers (and a border).
  const ketPrint = Math.max(hasDecision ? 7 : 4, share(longestPieceWidth(ketTexts, PRINT_BODY_PT) + 9 + 1));
  const execPrint = Math.max(36.5 / n, share(longestPieceWidth(names, PRINT_HEADER_PT, { bold: true }) + 6 + 1));
  const fixed = { no: 3.5, waktu: 6 };
  let mutu = 13.5;
  let kegiatan = 100 - fixed.no - fixed.waktu - 2 * mutu - n * execPrint - ketPrint;
  if (kegiatan < 16) {
    mutu = Math.max(10, mutu - (16 - kegiatan) / 2);
    kegiatan = 100 - fixed.no - fixed.waktu - 2 * mutu - n * execPrint - ketPrint;
  }
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    print: { no: fixed.no, kegiatan: r(kegiatan), exec: r(execPrint), mutu: r(mutu), waktu: fixed.waktu, ket: r(ketPrint) },
    screen: {
      exec: Math.ceil(Math.max(80, longestPieceWidth(names, 10, { bold: true }) + 8 + 1)),
      ket: Math.ceil(Math.max(hasDecision ? 96 : 56, longestPieceWidth(ketTexts, 12) + 12 + 1)),
    },
  };
}

function wrappedLines(text: string, widthPx: number, charPx = CHAR_PX): number {
  const perLine = Math.max(4, Math.floor((widthPx - 12) / charPx));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let current = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (current === 0) current = word.length;
      else if (current + 1 + word.length <= perLine) current += 1 + word.length;
      else {
        lines += 1;
        current = word.length;
      }
      while (current > perLine) {
        lines += 1;
        current -= perLine;
      }
    }
  }
  return lines;
}

function estimatedRowHeight(step: SopDocumentStep, widths: TSheetWidths): number {
  const kegiatanW = (PRINT_WIDTH_PX * widths.print.kegiatan) / 100;
  const mutuW = (PRINT_WIDTH_PX * widths.print.mutu) / 100;
  const ketW = (PRINT_WIDTH_PX * widths.print.ket) / 100;
  let small = 0;
  if (step.participants.length > 0) small += wrappedLines(M.participants(joinNames(step.participants.map((p) => p.role.name))), kegiatanW, 5.6);
  const text = Math.max(
    wrappedLines(step.kegiatan, kegiatanW) * LINE_PX + small * SMALL_LINE_PX,
    wrappedLines(step.kelengkapan, mutuW) * LINE_PX,
    wrappedLines(step.output, mutuW) * LINE_PX,
    wrappedLines(ketLines(step).join("\n"), ketW) * LINE_PX,
  );
  return Math.max(ROW_UNIT, text + 12);
}

function sheetSize(steps: SopDocumentStep[], columns: TFlowColumn[], widths: TSheetWidths): number {
  const n = steps.length;
  if (n === 0) return 1;
  const execW = (PRINT_WIDTH_PX * widths.print.exec) / 100;
  const headerLines = Math.max(1, ...columns.map((c) => wrappedLines(c.name, execW, 6.4)));
  const header = 26 + Math.max(26, headerLines * SMALL_LINE_PX + 10);
  // Caption, header rows, a connector band above and below, and a safety margin.
  const budget = PRINT_HEIGHT_PX - 28 - header - ROW_UNIT - 24;
  const heights = steps.map((s) => estimatedRowHeight(s, widths));
  const fits = (k: number) => {
    for (let start = 0; start < n; start += k) {
      if (heights.slice(start, start + k).reduce((a, b) => a + b, 0) > budget) return false;
    }
    return true;
  };
  let k = Math.min(n, MAX_ROWS_PER_SHEET);
  while (k > 1 && !fits(k)) k -= 1;
  const balanced = Math.ceil(n / Math.ceil(n / k));
  return fits(balanced) ? balanced : k;
}

function ProcedureSheet({
  page,
  blocks,
  pieces,
  nama,
  steps,
  columns,
  widths,
}: {
  page: TFlowPage;
  blocks: Block[];
  pieces: Piece[][];
  nama: string;
  steps: Map<number, SopDocumentStep>;
  columns: TFlowColumn[];
  widths: TSheetWidths;
}) {
  const n = Math.max(1, columns.length);
  const descriptionId = `sop-flow-${page.index + 1}`;
  const rem = (px: number) => px / 16;
  const minWidth = (kegiatanRem: number) => `${2.5 + kegiatanRem + rem(widths.screen.exec) * n + 8.5 + 4.5 + 8.5 + rem(widths.screen.ket)}rem`;
  const tableStyle = {
    "--sop-exec-count": n,
    "--sop-table-min": minWidth(9.5),
    "--sop-table-min-sm": minWidth(13),
    "--sop-exec-w": `${widths.screen.exec}px`,
    "--sop-ket-w": `${widths.screen.ket}px`,
    "--sop-print-kegiatan": `${widths.print.kegiatan}%`,
    "--sop-print-exec": `${widths.print.exec}%`,
    "--sop-print-mutu": `${widths.print.mutu}%`,
    "--sop-print-ket": `${widths.print.ket}%`,
  } as CSSProperties;
  // Separate borders (spacing 0), each cell drawing its right and bottom edge: sticky cells
  // keep their borders while the table scrolls under them, and cell boxes are exact.
  // Every cell's look comes from app/globals.css (the SOP document's rules), by its place in the
  // row and its data-field, not from a class list repeated per cell (issue 16, decision 076).

  return (
    <section className="sop-sheet" aria-label={M.procedureSheet(nama, page.index + 1, page.pageCount)} data-testid="sop-sheet">
      <p className="sop-sheet-title">{M.procedureSheet(nama, page.index + 1, page.pageCount)}</p>
      <p className="sop-sheet-hint">{M.scrollHint}</p>
      <div
        className="sop-sheet-scroll"
        role="region"
        aria-label={M.procedureSheet(nama, page.index + 1, page.pageCount)}
        aria-describedby={descriptionId}
        // Focusable so keyboard users can scroll the table sideways.
        tabIndex={0}
      >
        <table className="sop-procedure-table" style={tableStyle} data-testid="sop-procedure-table">
          <colgroup>
            <col className="sop-col-no" />
            <col className="sop-col-kegiatan" />
            {columns.map((c) => (
              <col key={c.code} className="sop-col-exec" />
            ))}
            <col className="sop-col-mutu" />
            <col className="sop-col-waktu" />
            <col className="sop-col-mutu" />
            <col className="sop-col-ket" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {M.colNo}
              </th>
              <th scope="col" rowSpan={2}>
                {M.colKegiatan}
              </th>
              <th scope="colgroup" colSpan={n}>
                {M.colPelaksana}
              </th>
              <th scope="colgroup" colSpan={3}>
                {M.colMutuBaku}
              </th>
              <th scope="col" rowSpan={2}>
                {M.colKet}
              </th>
            </tr>
            <tr>
              {columns.map((c) => (
                <th key={c.code} scope="col" data-role={c.code}>
                  {breakAfterSlash(c.name)}
                </th>
              ))}
              <th scope="col">{M.colKelengkapan}</th>
              <th scope="col">{M.colWaktu}</th>
              <th scope="col">{M.colOutput}</th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((block, i) => {
              const overlay = <FlowOverlay pieces={pieces[i] ?? []} columnCount={n} block={block} />;
              if (block.kind === "band") {
                return (
                  <tr key={`band-${block.y0}`} className="sop-band-row" style={{ height: (block.y1 - block.y0) * ROW_UNIT }} aria-hidden>
                    <td />
                    <td />
                    {columns.map((c, ci) => (
                      <td key={c.code}>{ci === 0 ? overlay : null}</td>
                    ))}
                    <td />
                    <td />
                    <td />
                    <td />
                  </tr>
                );
              }
              const row = block.row!;
              const step = steps.get(row.stepNumber)!;
              return (
                <StepRow key={step.number} step={step} row={row} columns={columns} overlay={overlay} />
              );
            })}
          </tbody>
        </table>
      </div>
      <p id={descriptionId} className="sr-only">
        {describeFlowchartPage(page)}
      </p>
    </section>
  );
}

function StepRow({
  step,
  row,
  columns,
  overlay,
}: {
  step: SopDocumentStep;
  row: TFlowRow;
  columns: TFlowColumn[];
  overlay: ReactNode;
}) {
  const participants = step.participants.map((p) => p.role.name);
  const executorCode = step.executorRole.code;
  const jointCodes = new Set((row.joint?.columns ?? []).map((c) => columns[c]?.code ?? ""));
  return (
    // Its height (ROW_UNIT px, the minimum) is in app/globals.css: .sop-procedure-table tr[data-step].
    <tr data-step={step.number} data-executor={executorCode}>
      <td data-field="number">{step.number}</td>
      <td>
        <span data-field="kegiatan">{step.kegiatan}</span>
        {participants.length > 0 ? <span data-field="participants">{M.participants(joinNames(participants))}</span> : null}
        {step.assignment && step.assignment !== "SINGLE" ? (
          <span data-field="assignment">
            {assignmentNote({ assignment: step.assignment, unitKind: step.unitKind ?? null, unitNames: (step.units ?? []).map((u) => u.unit.name) })}
          </span>
        ) : null}
      </td>
      {columns.map((c, ci) => (
        <td
          key={c.code}
          data-executor-cell={c.code === executorCode ? c.code : undefined}
          data-joint-cell={jointCodes.has(c.code) ? c.code : undefined}
        >
          {ci === 0 ? overlay : null}
          {c.code === executorCode ? <span className="sr-only">{M.executor(c.name)}</span> : null}
        </td>
      ))}
      <td data-field="kelengkapan">{step.kelengkapan}</td>
      <td data-field="waktu">{formatWaktu(step)}</td>
      <td data-field="output">{step.output}</td>
      {/* Words never break inside themselves here: the column is as wide as its longest word (app/globals.css). */}
      <td data-field="keterangan">
        {step.keterangan ? <span>{step.keterangan}</span> : null}
        {row.symbol === "decision" ? <span data-field="route">{M.decisionRoute(row.yesStepNumber, row.noStepNumber)}</span> : null}
      </td>
    </tr>
  );
}

/* ------------------------------------------------------------ flowchart geometry */

/** A vertical CSS position: pct % of the row's height plus px pixels. */
interface Offset {
  pct: number;
  px: number;
}

type Piece =
  | { kind: "v"; x: number; top: Offset; bottom: Offset }
  | { kind: "h"; y: Offset; x1: number; x2: number; grow1: number; grow2: number }
  | { kind: "arrow"; x: number; y: Offset; dir: "up" | "down" | "left" | "right" }
  | { kind: "label"; y: Offset; text: string; left?: string; right?: string; centre?: number }
  | { kind: "symbol"; row: TFlowRow; y: Offset; column?: number }
  | { kind: "joint"; row: TFlowRow; y: Offset; x1: number; x2: number }
  | { kind: "connector"; connector: TFlowConnector; y: Offset };

const EPS = 1e-6;

/**
 * Where layout height y falls inside its block (lib/sop/flowchart-layout.ts placeInFlowBlock):
 * bands have a fixed height; a step row keeps its top zone pinned to the top border, its
 * bottom zone to the bottom border and the middle (the symbol) centred.
 */
function place(block: Block, y: number, centred = false): Offset {
  const p = placeInFlowBlock(block, y, centred);
  return { pct: p.anchor * 100, px: p.offset * ROW_UNIT };
}

function flowPieces(page: TFlowPage, blocks: Block[]): Piece[][] {
  const out: Piece[][] = blocks.map(() => []);
  const add = (i: number, piece: Piece) => out[i]?.push(piece);
  // Stop a line short of its arrowhead's tip so the tip stays sharp.
  const cut = ARROW_LENGTH - 1;

  for (const edge of page.edges) {
    const pts = edge.points;
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      const last = k + 2 === pts.length;
      if (Math.abs(p.x - q.x) < EPS) {
        const ya = Math.min(p.y, q.y);
        const yb = Math.max(p.y, q.y);
        const down = q.y > p.y;
        blocks.forEach((b, i) => {
          const fa = Math.max(ya, b.y0);
          const fb = Math.min(yb, b.y1);
          if (fb - fa < EPS) return;
          const top = place(b, fa);
          const bottom = place(b, fb);
          // Bridge the table's row border where a line runs on into the next row.
          if (ya < b.y0 - EPS) top.px -= 1;
          if (yb > b.y1 + EPS) bottom.px += 1;
          if (last && down && fb >= q.y - EPS) bottom.px -= cut;
          if (last && !down && fa <= q.y + EPS) top.px += cut;
          if (top.pct === bottom.pct && bottom.px - top.px < 0.5) return;
          add(i, { kind: "v", x: p.x, top, bottom });
        });
      } else {
        const i = blockIndexAt(blocks, p.y);
        const b = blocks[i]!;
        const right = q.x > p.x;
        const [x1, x2] = right ? [p.x, q.x] : [q.x, p.x];
        // Lines overlap half a stroke at corners; the arrow end stops short of the tip.
        const tipGrow = -cut;
        const grow1 = last && !right ? tipGrow : STROKE / 2;
        const grow2 = last && right ? tipGrow : STROKE / 2;
        add(i, { kind: "h", y: place(b, p.y), x1, x2, grow1, grow2 });
      }
    }
    const tip = pts.at(-1);
    const before = pts.at(-2);
    if (tip && before) {
      const i = blockIndexAt(blocks, tip.y);
      const dir = arrowDirection(before, tip);
      // A tip exactly on a band's lower border belongs to the band above it.
      add(i, { kind: "arrow", x: tip.x, y: place(blocks[i]!, tip.y), dir });
    }
    if (edge.label) {
      const label = edge.label;
      const i = blockIndexAt(blocks, label.y);
      const b = blocks[i]!;
      const n = page.columnCount;
      const spot = noLabelSpot(edge, n);
      if (spot) {
        // "Tidak" sits just above the diamond's side exit, never across a column border.
        const exit = place(b, spot.y, b.kind === "row");
        const y = { pct: exit.pct, px: exit.px - 7 };
        if (spot.align === "centre") add(i, { kind: "label", y, text: label.text, centre: xPct(spot.x, n) });
        else if (spot.align === "before") add(i, { kind: "label", y, text: label.text, right: `calc(${r2(100 - xPct(spot.x, n))}% + 3px)` });
        else add(i, { kind: "label", y, text: label.text, left: `calc(${xPct(spot.x, n)}% + 3px)` });
      } else {
        const y = place(b, label.y, b.kind === "row");
        if (label.anchor === "start") add(i, { kind: "label", y, text: label.text, left: `${xPct(label.x, n)}%` });
        else add(i, { kind: "label", y, text: label.text, right: `${r2(100 - xPct(label.x, n))}%` });
      }
    }
  }
  for (const row of page.rows) {
    const i = blockIndexAt(blocks, row.y);
    const y = place(blocks[i]!, row.y, true);
    add(i, { kind: "symbol", row, y });
    // A joint step: the same symbol in every participating column, joined side to side.
    for (const column of row.joint?.columns ?? []) add(i, { kind: "symbol", row, y, column });
    for (const seg of row.joint?.segments ?? []) add(i, { kind: "joint", row, y, x1: seg.x1, x2: seg.x2 });
  }
  for (const connector of page.connectors) {
    const i = blockIndexAt(blocks, connector.y);
    add(i, { kind: "connector", connector, y: place(blocks[i]!, connector.y) });
  }
  return out;
}

function arrowDirection(from: TFlowPoint, to: TFlowPoint): "up" | "down" | "left" | "right" {
  if (Math.abs(from.x - to.x) < EPS) return to.y > from.y ? "down" : "up";
  return to.x > from.x ? "right" : "left";
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const xPct = (x: number, n: number) => r2((x / n) * 100);
const cssTop = (o: Offset, px = 0) => (o.pct === 0 ? `${r2(o.px + px)}px` : `calc(${o.pct}% + ${r2(o.px + px)}px)`);
const cssBottom = (o: Offset) => `calc(${100 - o.pct}% - ${r2(o.px)}px)`;

const ARROW_POINTS: Record<"up" | "down" | "left" | "right", string> = {
  down: `0,0 ${-ARROW_HALF_WIDTH},${-ARROW_LENGTH} ${ARROW_HALF_WIDTH},${-ARROW_LENGTH}`,
  up: `0,0 ${-ARROW_HALF_WIDTH},${ARROW_LENGTH} ${ARROW_HALF_WIDTH},${ARROW_LENGTH}`,
  right: `0,0 ${-ARROW_LENGTH},${-ARROW_HALF_WIDTH} ${-ARROW_LENGTH},${ARROW_HALF_WIDTH}`,
  left: `0,0 ${ARROW_LENGTH},${-ARROW_HALF_WIDTH} ${ARROW_LENGTH},${ARROW_HALF_WIDTH}`,
};

/**
 * The drawing of one table row, laid over all executor columns from the first executor
 * cell. Each executor cell ends in its own 1px right border, hence the width.
 */
function FlowOverlay({ pieces, columnCount: n, block }: { pieces: Piece[]; columnCount: number; block: Block }) {
  if (pieces.length === 0) return null;
  // Positions inline; the rest from app/globals.css (.sop-flow: its width is the table's
  // --sop-exec-count columns; the strokes STROKE px, the arrows 2 × (ARROW_LENGTH + 1) px).
  return (
    <div className="sop-flow" aria-hidden data-flow-row={block.row?.stepNumber}>
      {pieces.map((piece, k) => {
        switch (piece.kind) {
          case "v":
            return (
              <span
                key={k}
                className="sop-v"
                style={{ left: `calc(${xPct(piece.x, n)}% - ${STROKE / 2}px)`, top: cssTop(piece.top), bottom: cssBottom(piece.bottom) }}
              />
            );
          case "h":
            return (
              <span
                key={k}
                className="sop-h"
                style={{
                  left: `calc(${xPct(piece.x1, n)}% - ${r2(piece.grow1)}px)`,
                  right: `calc(${r2(100 - xPct(piece.x2, n))}% - ${r2(piece.grow2)}px)`,
                  top: cssTop(piece.y, -STROKE / 2),
                }}
              />
            );
          case "arrow": {
            const s = ARROW_LENGTH + 1;
            return (
              <svg
                key={k}
                style={{ left: `calc(${xPct(piece.x, n)}% - ${s}px)`, top: cssTop(piece.y, -s) }}
                viewBox={`${-s} ${-s} ${2 * s} ${2 * s}`}
                data-arrow={piece.dir}
              >
                <polygon points={ARROW_POINTS[piece.dir]} />
              </svg>
            );
          }
          case "label":
            return (
              <span
                key={k}
                className={piece.centre !== undefined ? "sop-flow-label sop-mid" : "sop-flow-label"}
                style={{ top: cssTop(piece.y), left: piece.centre !== undefined ? `${piece.centre}%` : piece.left, right: piece.right }}
              >
                {piece.text}
              </span>
            );
          case "symbol":
            return <FlowSymbol key={k} row={piece.row} y={piece.y} n={n} column={piece.column} />;
          case "joint":
            return (
              <span
                key={k}
                className="sop-h"
                style={{
                  left: `${xPct(piece.x1, n)}%`,
                  right: `${r2(100 - xPct(piece.x2, n))}%`,
                  top: cssTop(piece.y, -STROKE / 2),
                }}
                data-joint-line={piece.row.stepNumber}
              />
            );
          case "connector":
            return <OffPageConnector key={k} connector={piece.connector} y={piece.y} n={n} />;
        }
      })}
    </div>
  );
}

/** A step's symbol; `column` draws a joint step's copy in a participant's column. */
function FlowSymbol({ row, y, n, column }: { row: TFlowRow; y: Offset; n: number; column?: number }) {
  const h = SYMBOL_HEIGHT * ROW_UNIT;
  const x = column === undefined ? row.x : column + 0.5;
  const copy = column === undefined ? {} : { "data-joint-column": column };
  const box: CSSProperties = {
    left: `${xPct(x - SYMBOL_WIDTH / 2, n)}%`,
    width: `${xPct(SYMBOL_WIDTH, n)}%`,
    top: cssTop(y, -h / 2),
    height: h,
  };
  const dashed = row.missingExecutor;
  if (row.symbol === "decision") {
    return (
      <svg style={box} viewBox="0 0 100 100" preserveAspectRatio="none" data-symbol="decision" data-step={row.stepNumber} {...copy}>
        <polygon points="50,0 100,50 50,100 0,50" strokeDasharray={dashed ? "4 3" : undefined} />
      </svg>
    );
  }
  return (
    // Its border (STROKE px, rounded for a terminator, dashed without an executor) from app/globals.css.
    <span
      className={dashed ? "sop-dashed" : undefined}
      style={box}
      data-symbol={row.symbol}
      data-step={row.stepNumber}
      {...copy}
    />
  );
}

/**
 * Off-page connector: the outgoing one (the flow continues on another sheet) is filled,
 * its letter white; the incoming one (the flow resumes here) is an outline, so a reader
 * tells "lanjut ke" from "lanjutan dari" at a glance, on paper too (black on white).
 */
function OffPageConnector({ connector, y, n }: { connector: TFlowConnector; y: Offset; n: number }) {
  const h = CONNECTOR_HEIGHT * ROW_UNIT;
  const out = connector.direction === "out";
  return (
    <span
      style={{
        left: `${xPct(connector.x - CONNECTOR_WIDTH / 2, n)}%`,
        width: `${xPct(CONNECTOR_WIDTH, n)}%`,
        top: cssTop(y, -h / 2),
        height: h,
      }}
      data-connector={connector.letter}
      data-direction={connector.direction}
    >
      <svg viewBox="0 0 100 100" preserveAspectRatio="none">
        <polygon points="0,0 100,0 100,62 50,100 0,62" fill={out ? "currentColor" : "none"} />
      </svg>
      <span>{connector.letter}</span>
    </span>
  );
}
