import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { createPdfDocument, lineHeight, PDF_COLOR as COLOR, PdfTable as Table, text, type PdfLayout, type TAlign, type TCell, type TPart, type TPdfSigner, type TPdfVerification, type TRow } from "@/lib/pdf/document";

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
 * Drawn through the one PDF path of the server (lib/pdf/document.ts,
 * docs/decisions/034-one-pdf-path.md): Inter embedded, tables whose header
 * repeats on every page and whose rows taller than a page split.
 */

export const REPORT_MESSAGES = {
  title: "LAPORAN PENGUKURAN KINERJA",
  period: (q: string, year: number) => `${q.toUpperCase()} TAHUN ${year}`,
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
  footer: (agency: string, q: string, year: number) => `Laporan Pengukuran Kinerja ${q} ${year} · ${agency}`,
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
  signer?: TPdfSigner;
  /** A signed document's public code and its QR code (lib/signing), printed beside the signature. */
  verification?: TPdfVerification;
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
// The report
// ---------------------------------------------------------------------------

function heading(layout: PdfLayout, input: TPerformanceReportPdfInput) {
  const { recap, agency, agreement } = input;
  const tz = input.timeZone ?? "WIB";
  layout.kop(agency);
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

function indicatorTable(layout: PdfLayout, recap: TRecap) {
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

function budgetTable(layout: PdfLayout, recap: TRecap, settings: TCapaianSettings) {
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

function legend(layout: PdfLayout, input: TPerformanceReportPdfInput) {
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

/** The report as PDF bytes. */
export async function buildPerformanceReportPdf(input: TPerformanceReportPdfInput): Promise<Buffer> {
  const q = QUARTER_NAMES[input.recap.quarter - 1]!;
  const at = input.generatedAt ?? new Date();
  const { layout, finish } = createPdfDocument({
    orientation: "landscape",
    info: {
      title: `Laporan Pengukuran Kinerja ${q} ${input.recap.year}`,
      author: input.agency.name,
      subject: `Pengukuran kinerja ${input.agency.name} ${q} ${input.recap.year}`,
    },
    at,
    timeZone: input.timeZone ?? "WIB",
    footer: R.footer(input.agency.name, q, input.recap.year),
  });
  heading(layout, input);
  indicatorTable(layout, input.recap);
  budgetTable(layout, input.recap, input.settings ?? DEFAULT_CAPAIAN_SETTINGS);
  legend(layout, input);
  const { agreement } = input;
  layout.signature({
    signer: input.signer ?? { name: agreement.firstPartyName, jabatan: agreement.firstPartyJabatan, nip: agreement.firstPartyNip, pangkat: null },
    placeDate: input.placeDate,
    verification: input.verification,
  });
  return finish();
}

export function performanceReportFilename(agencySlug: string, year: number, quarter: number): string {
  return `Laporan-Pengukuran-Kinerja-${agencySlug}-TW${quarter}-${year}.pdf`;
}
