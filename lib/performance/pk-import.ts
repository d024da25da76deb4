import type ExcelJS from "exceljs";
import { z } from "zod";

import { PERFORMANCE_MESSAGES, ZAgreementInput, ZDecimal, ZYear, type TAgreementInput } from "./schemas";

/**
 * Import of a Perjanjian Kinerja from the xlsx the agencies keep today: the PK
 * annex / Rencana Aksi table (No | Sasaran Strategis | Indikator Kinerja |
 * Satuan | Target | TW I-IV, optionally Kode, Polaritas, Agregasi, Unit Kerja,
 * Program, Pagu TW I-IV), sasaran as parent rows above their indicators. The
 * app's own "Realisasi Rencana Aksi" export reads back too (its budget sheet
 * gives the programs). Header names are matched leniently (case, spacing,
 * "Triwulan I" / "TW 1" / "TW-I", a group header over its quarters).
 *
 * The result is a ZAgreementInput-shaped draft for the review screen, with
 * row-level warnings in Indonesian; nothing here touches the database.
 * Warnings of level "error" block saving (the draft would not be accepted).
 *
 * exceljs is loaded only when a workbook is parsed, so the form can import
 * this module's messages and types without shipping exceljs to the browser.
 */

export const PK_IMPORT_MAX_BYTES = 1_000_000;

export const PK_IMPORT_MESSAGES = {
  fileUnreadable: "Berkas tidak dapat dibaca sebagai buku kerja Excel (.xlsx). Simpan ulang sebagai .xlsx (Excel 2007 atau lebih baru) lalu coba lagi.",
  fileTooLarge: "Berkas terlalu besar (paling besar 1 MB). Hapus lembar lain yang tidak diperlukan lalu coba lagi.",
  fileMissing: "Pilih berkas xlsx Perjanjian Kinerja terlebih dahulu.",
  noTable:
    "Tidak ditemukan tabel dengan kolom Indikator Kinerja. Baris judul tabel harus memuat kolom seperti No, Sasaran Strategis, Indikator Kinerja, Satuan, Target, dan TW I-IV.",
  missingColumn: (name: string) => `Kolom ${name} tidak ditemukan.`,
  noIndicators: "Tidak ada indikator yang terbaca dari tabel.",
  notNumber: (row: number, col: string, raw: string) => `Baris ${row}, kolom ${col}: "${raw}" bukan angka; nilai dikosongkan.`,
  negative: (row: number, col: string) => `Baris ${row}, kolom ${col}: pagu tidak boleh negatif; nilai dikosongkan.`,
  unknownUnit: (row: number, name: string) => `Baris ${row}: ${PERFORMANCE_MESSAGES.unknownUnit(name)} Perbaiki nama unit kerja atau tambahkan unit kerja tersebut.`,
  unitGuessed: (row: number, raw: string, unit: string) => `Baris ${row}: unit kerja "${raw}" dibaca sebagai "${unit}".`,
  unitMissing: (row: number) => `Baris ${row}: unit kerja penanggung jawab belum diisi.`,
  unitDefault: (unit: string) => `Kolom Unit Kerja tidak ada: semua indikator menjadi tanggung jawab "${unit}", satu-satunya unit kerja instansi.`,
  satuanMissing: (row: number) => `Baris ${row}: satuan indikator belum diisi.`,
  targetMissing: (row: number) => `Baris ${row}: target tahunan dan target triwulan kosong.`,
  annualFromQuarters: (row: number, how: string) => `Baris ${row}: target tahunan kosong; diisi dari target triwulan (${how}).`,
  aggregationInferred: (row: number, how: string) => `Baris ${row}: agregasi tidak diisi; dianggap ${how} karena ${how === "kumulatif" ? "jumlah target triwulan sama dengan target tahunan" : "target TW IV sama dengan target tahunan"}.`,
  unknownPolarity: (row: number, raw: string) => `Baris ${row}: polaritas "${raw}" tidak dikenal; dianggap naik (semakin tinggi semakin baik).`,
  unknownAggregation: (row: number, raw: string) => `Baris ${row}: agregasi "${raw}" tidak dikenal; dianggap nilai terakhir.`,
  rangeMixed: (row: number) => `Baris ${row}: sebagian target berupa rentang; nilai tunggal dibaca sebagai rentang dengan batas bawah dan atas yang sama.`,
  withoutGoal: (row: number) => `Baris ${row}: indikator ini tidak berada di bawah sasaran mana pun; dimasukkan ke sasaran "Sasaran belum diberi nama".`,
  placeholderGoal: "Sasaran belum diberi nama",
  emptyGoal: (row: number, name: string) => `Baris ${row}: sasaran "${name}" tidak memiliki indikator dan dilewati.`,
  duplicateCode: (row: number, code: string) => `Baris ${row}: kode ${code} dipakai lebih dari sekali.`,
  programNoCode: (row: number, code: string) => `Baris ${row}: kode program tidak ditemukan; diberi kode ${code}.`,
  programDuplicate: (row: number, name: string) => `Baris ${row}: program "${name}" sudah tercantum dengan pagu yang berbeda; dipakai pagu yang pertama.`,
  paguAnnualOnly: "Pagu hanya tercantum per tahun: isi kolom Pagu TW I-IV agar penyerapan anggaran per triwulan dapat dihitung.",
  yearMismatch: (found: number, year: number) => `Berkas menyebut tahun ${found}, sedangkan yang diimpor adalah Perjanjian Kinerja tahun ${year}.`,
  invalid: (row: number | null, message: string) => (row ? `Baris ${row}: ${message}` : message),
  blocked: "Perbaiki kesalahan pada berkas (tanda merah) lalu unggah ulang sebelum menyimpan.",
  headerInvalid: "Lengkapi data penandatangan Perjanjian Kinerja.",
  columns: {
    no: "No",
    code: "Kode",
    goal: "Sasaran Strategis",
    indicator: "Indikator Kinerja",
    unit: "Satuan",
    target: "Target",
    tw: (q: number) => `TW ${["I", "II", "III", "IV"][q - 1]}`,
    pagu: (q: number) => `Pagu TW ${["I", "II", "III", "IV"][q - 1]}`,
    polarity: "Polaritas",
    aggregation: "Agregasi",
    orgUnit: "Unit Kerja",
    program: "Program",
  },
  aggregationNames: { CUMULATIVE: "kumulatif", LAST: "nilai terakhir", AVERAGE: "rata-rata" },
  // The import page (app/a/[agencySlug]/kinerja/impor, components/performance/pk-import-form.tsx).
  ui: {
    title: (year: number) => `Impor Perjanjian Kinerja ${year} dari Excel`,
    subtitle:
      "Unggah lampiran Perjanjian Kinerja atau tabel Rencana Aksi (xlsx). Periksa hasil bacaannya, lengkapi data penandatangan, lalu simpan.",
    layoutTitle: "Susunan tabel yang dibaca",
    layoutColumns:
      "No | Sasaran Strategis | Indikator Kinerja | Satuan | Target (tahunan) | TW I | TW II | TW III | TW IV, dan bila ada: Kode, Polaritas (naik/turun), Agregasi (kumulatif/terakhir/rata-rata), Unit Kerja, Program, Pagu TW I-IV.",
    layoutRows:
      "Sasaran ditulis sebagai baris induk (baris berisi nama sasaran tanpa indikator, atau sel yang digabung) dengan indikatornya di bawahnya. Rentang ditulis \"80 - 90\"; angka boleh bergaya Indonesia (1.234,5). Berkas Realisasi Rencana Aksi yang diunduh dari aplikasi ini juga dapat dibaca.",
    file: "Berkas xlsx",
    fileHint: "Paling besar 1 MB. Berkas dibaca di server; belum ada yang disimpan sampai Anda menekan Simpan.",
    reading: "Membaca berkas…",
    chooseAgain: "Pilih berkas lain",
    existing: (year: number, indicators: number) =>
      `Perjanjian Kinerja ${year} sudah ada (${indicators} indikator). Menyimpan akan mengganti sasaran, indikator, target, dan program dengan isi berkas ini; bila berkas tidak memuat kolom Program dan Pagu, program yang ada tetap seperti semula. Indikator dengan kode yang sama tetap memegang realisasinya; indikator atau program yang sudah memiliki realisasi tidak dapat dihapus.`,
    frozen: (quarters: string) => `Periode ${quarters} sudah diarsipkan: target dan pagunya tidak dapat diubah lagi, dan penyimpanan ditolak bila berkas mengubahnya.`,
    summary: (goals: number, indicators: number, programs: number) => `${goals} sasaran · ${indicators} indikator · ${programs} program`,
    readFrom: (sheet: string) => `Dibaca dari lembar "${sheet}".`,
    errorsTitle: (n: number) => `${n} kesalahan harus diperbaiki di berkas`,
    warningsTitle: (n: number) => `${n} catatan untuk diperiksa`,
    noWarnings: "Semua baris terbaca tanpa catatan.",
    previewTitle: "Hasil bacaan",
    programsTitle: "Program dan pagu",
    noPrograms: "Tidak ada program pada berkas.",
    headerTitle: "Penandatangan Perjanjian Kinerja",
    headerHint: "Tidak tercantum pada tabel: isi sesuai dokumen yang ditandatangani.",
    signedAt: "Tanggal penandatanganan",
    firstPartyName: "Nama pihak pertama",
    firstPartyJabatan: "Jabatan pihak pertama",
    firstPartyNip: "NIP pihak pertama (opsional)",
    secondPartyName: "Nama pihak kedua",
    secondPartyJabatan: "Jabatan pihak kedua",
    save: "Simpan Perjanjian Kinerja",
    saving: "Menyimpan…",
    saved: (year: number) => `Perjanjian Kinerja ${year} disimpan dari berkas.`,
    blockedHint: "Tombol simpan aktif setelah berkas tanpa kesalahan diunggah.",
    col: {
      code: "Kode",
      indicator: "Indikator",
      unit: "Satuan",
      orgUnit: "Unit kerja",
      polarity: "Polaritas",
      aggregation: "Agregasi",
      target: "Target",
      pagu: "Pagu",
      program: "Program",
      row: "Baris",
    },
    polarity: { HIGHER: "Naik", LOWER: "Turun" },
  },
} as const;
const M = PK_IMPORT_MESSAGES;

type TTargetFields = { targetValue: string | null; targetMin: string | null; targetMax: string | null };
export interface TPkDraftIndicator extends TTargetFields {
  code: string;
  name: string;
  unit: string;
  polarity: "HIGHER" | "LOWER";
  targetType: "SINGLE" | "RANGE";
  aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
  orgUnit: string;
  quarters: TTargetFields[];
}
/** ZAgreementInput's shape, the signatories left empty: the table does not name them. */
export interface TPkDraft {
  year: number;
  signedAt: string | null;
  firstPartyName: string;
  firstPartyJabatan: string;
  firstPartyNip: string | null;
  secondPartyName: string;
  secondPartyJabatan: string;
  goals: { code: string; name: string; indicators: TPkDraftIndicator[] }[];
  programs: { code: string; name: string; pagu: (string | null)[] }[];
}


export interface TPkImportWarning {
  /** The sheet's 1-based row; null for the whole file. */
  row: number | null;
  sheet: string | null;
  level: "error" | "warning";
  message: string;
}

export interface TPkImportResult {
  draft: TPkDraft;
  warnings: TPkImportWarning[];
  /** Sheet row of each indicator, by code (for the review table). */
  rows: Record<string, number>;
  sheet: string | null;
  /** True when an error-level warning means the draft cannot be saved as it is. */
  blocking: boolean;
}

export interface TPkImportOptions {
  year: number;
  /** Names of the agency's organisational units (OrgUnit.name). */
  units: readonly string[];
  /** Indicators of the year's current PK: an indicator of the same name keeps its code (and so its realizations). */
  existing?: readonly { code: string; name: string }[];
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

type TRaw = string | number | null;

function plain(value: ExcelJS.CellValue): TRaw {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "ya" : "tidak";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return null;
  }
  return null;
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const textOf = (v: TRaw) => (v === null ? "" : typeof v === "number" ? String(v) : squash(v));
/** Lower case, letters and digits only, single spaces: "Target  TW-I (2026)" -> "target tw i 2026". */
const normalize = (s: string) =>
  squash(
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " "),
  );

/**
 * A cell's value as this column sees it: the master's value for a cell merged
 * down (a sasaran merged over its indicators), nothing for a cell merged
 * across from a column to its left (the row's text belongs to that column).
 */
function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): { value: TRaw; numFmt: string } {
  const cell = ws.getCell(row, col);
  if (cell.isMerged && cell.master.col !== cell.col) return { value: null, numFmt: "" };
  const source = cell.isMerged ? cell.master : cell;
  return { value: plain(source.value), numFmt: source.numFmt ?? "" };
}

/** Header text, merged cells included wherever they span (a group header over its quarters). */
const headerText = (ws: ExcelJS.Worksheet, row: number, col: number) => textOf(plain(ws.getCell(row, col).master.value));

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

type TNum = { ok: true; value: string | null } | { ok: false; raw: string };
type TTargetCell = { kind: "empty" } | { kind: "single"; value: string } | { kind: "range"; min: string; max: string } | { kind: "invalid"; raw: string };

/** A machine decimal for Decimal(20,4), without exponent or float noise. */
function canonical(n: number): string | null {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e16) return null;
  const s = n.toFixed(4).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

const EMPTY_TEXT = /^(|-|–|—|n\/?a|tidak ada|kosong)$/i;

/** "1.234,5", "85%", "Rp 25.000.000", 85 -> canonical decimal strings; "-" and blanks -> null. */
function parseNumber(value: TRaw, numFmt = ""): TNum {
  if (value === null) return { ok: true, value: null };
  if (typeof value === "number") {
    // What Excel shows for a percent-formatted cell (0.85 as 85%).
    const shown = numFmt.includes("%") ? Number((value * 100).toPrecision(12)) : value;
    const c = canonical(shown);
    return c === null ? { ok: false, raw: String(value) } : { ok: true, value: c };
  }
  const raw = squash(value);
  const text = raw.replace(/^rp\.?\s*/i, "").replace(/\s*%$/, "").replace(/\s/g, "");
  if (EMPTY_TEXT.test(text)) return { ok: true, value: null };
  const parsed = ZDecimal.safeParse(text);
  return parsed.success && parsed.data !== null ? { ok: true, value: parsed.data } : { ok: false, raw };
}

const RANGE = /^(-?[\d.,]+)\s*%?\s*(?:–|—|-|s\.?\s*d\.?|s\/d|sampai(?:\s+dengan)?|hingga)\s*(-?[\d.,]+)\s*%?$/i;

function parseTarget(value: TRaw, numFmt: string): TTargetCell {
  if (typeof value === "string") {
    const m = RANGE.exec(squash(value));
    if (m) {
      const a = parseNumber(m[1]!);
      const b = parseNumber(m[2]!);
      if (a.ok && b.ok && a.value !== null && b.value !== null) return { kind: "range", min: a.value, max: b.value };
    }
  }
  const n = parseNumber(value, numFmt);
  if (!n.ok) return { kind: "invalid", raw: n.raw };
  return n.value === null ? { kind: "empty" } : { kind: "single", value: n.value };
}

// ---------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------

type TField = "no" | "code" | "goal" | "indicator" | "unit" | "target" | "polarity" | "aggregation" | "orgUnit" | "program" | "programCode" | "paguYear";
interface TColumns {
  fields: Partial<Record<TField, number>>;
  tw: Partial<Record<1 | 2 | 3 | 4, number>>;
  pagu: Partial<Record<1 | 2 | 3 | 4, number>>;
}

const QUARTER_WORDS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const TW_PATTERN = /\b(?:tw|triwulan|trw|tri wulan|q)\s?(iv|iii|ii|i|1|2|3|4)\b/;

function quarterOf(label: string): 1 | 2 | 3 | 4 | null {
  const m = TW_PATTERN.exec(label);
  return m ? QUARTER_WORDS[m[1]!]! : null;
}

/** Maps header labels (already combined over two header rows) to fields; the first column wins. */
function mapColumns(labels: { col: number; raw: string }[], programSheet: boolean): TColumns {
  const out: TColumns = { fields: {}, tw: {}, pagu: {} };
  const set = (field: TField, col: number) => {
    if (out.fields[field] === undefined) out.fields[field] = col;
  };
  for (const { col, raw } of labels) {
    const lower = raw.toLowerCase();
    const l = normalize(raw);
    if (!l) continue;
    // Realization, capaian and "up to" columns are reports, not the plan.
    if (/realisasi|capaian|penyerapan|keterangan|status|faktor|tindak lanjut/.test(l)) continue;
    if (/s\.?\s?d\.?\s|s\/d|sampai/.test(lower)) continue;
    const q = quarterOf(l);
    if (q && /pagu|anggaran|\brp\b/.test(l)) {
      out.pagu[q] ??= col;
      continue;
    }
    if (q) {
      out.tw[q] ??= col;
      continue;
    }
    if (/^(no|nomor|no urut)$/.test(l)) set("no", col);
    else if (/\bkode\b/.test(l)) set(/program/.test(l) || programSheet ? "programCode" : "code", col);
    else if (/sasaran/.test(l) && /indikator/.test(l)) set("indicator", col);
    else if (/sasaran|tujuan/.test(l)) set("goal", col);
    else if (/indikator|\biku\b/.test(l)) set("indicator", col);
    else if (/satuan/.test(l)) set("unit", col);
    else if (/polaritas|\barah\b/.test(l) || /agregasi|akumulasi|sifat/.test(l)) {
      if (/polaritas|\barah\b/.test(l)) set("polarity", col);
      if (/agregasi|akumulasi|sifat/.test(l)) set("aggregation", col);
    } else if (/unit kerja|penanggung ?jawab|\bpj\b|pelaksana|\bbidang\b|\bunit\b/.test(l)) set("orgUnit", col);
    else if (/program/.test(l)) set("program", col);
    else if (/pagu|anggaran/.test(l)) set("paguYear", col);
    else if (/target/.test(l)) set("target", col);
  }
  return out;
}

interface TTable {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  dataStart: number;
  columns: TColumns;
}

/** The first table of the sheet whose header row matches `test`, its header possibly over two rows. */
function findTable(ws: ExcelJS.Worksheet, test: (labels: string[]) => boolean, programSheet: boolean): TTable | null {
  const last = Math.min(ws.rowCount, 40);
  const colCount = Math.max(ws.columnCount, 1);
  for (let r = 1; r <= last; r++) {
    const labels = Array.from({ length: colCount }, (_, i) => normalize(headerText(ws, r, i + 1)));
    if (!test(labels)) continue;
    // A second header row: quarters (or any labels) under a group header, never data.
    const next = Array.from({ length: colCount }, (_, i) => ({ col: i + 1, text: headerText(ws, r + 1, i + 1), merged: Number(ws.getCell(r + 1, i + 1).master.row) <= r }));
    const subHeader = next.some((c) => !c.merged && quarterOf(normalize(c.text)) !== null) && !next.some((c) => !c.merged && /^\d+([.,]\d+)?$/.test(c.text) && c.text.length > 2);
    const combined = Array.from({ length: colCount }, (_, i) => {
      const top = headerText(ws, r, i + 1);
      const below = subHeader ? headerText(ws, r + 1, i + 1) : "";
      return { col: i + 1, raw: below && below !== top ? `${top} ${below}` : top };
    });
    let dataStart = r + (subHeader ? 2 : 1);
    // Header cells merged down over more rows than that.
    while (
      dataStart <= ws.rowCount &&
      Array.from({ length: colCount }, (_, i) => ws.getCell(dataStart, i + 1)).every((c) => c.value === null || (c.isMerged && Number(c.master.row) < dataStart && Number(c.master.row) >= r))
    )
      dataStart++;
    // A numbering row under the header: "1 2 3 ..." or "(1) (2) (3) ...".
    const numbering = Array.from({ length: colCount }, (_, i) => textOf(cellAt(ws, dataStart, i + 1).value)).filter(Boolean);
    if (numbering.length >= 3 && numbering.every((t) => /^\(?\d{1,2}\)?$/.test(t))) dataStart++;
    return { ws, headerRow: r, dataStart, columns: mapColumns(combined, programSheet) };
  }
  return null;
}

const isIndicatorHeader = (labels: string[]) =>
  labels.some((l) => /indikator|\biku\b/.test(l)) && labels.some((l) => /target|satuan/.test(l) || quarterOf(l) !== null);
const isProgramHeader = (labels: string[]) =>
  labels.some((l) => /program/.test(l)) && labels.some((l) => /pagu|anggaran/.test(l)) && !labels.some((l) => /indikator/.test(l));

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

function parsePolarity(text: string): "HIGHER" | "LOWER" | null {
  const l = normalize(text);
  if (/turun|rendah|negatif|minim|lower|kecil|menurun/.test(l)) return "LOWER";
  if (/naik|tinggi|positif|maksim|higher|besar|meningkat/.test(l)) return "HIGHER";
  return null;
}

function parseAggregation(text: string): "CUMULATIVE" | "LAST" | "AVERAGE" | null {
  const l = normalize(text);
  if (/non ?kumulatif|tidak kumulatif/.test(l)) return "LAST";
  if (/kumulatif|akumulasi|akumulatif|jumlah|penjumlahan|\bsum\b|cumulative/.test(l)) return "CUMULATIVE";
  if (/rata|average|mean/.test(l)) return "AVERAGE";
  if (/terakhir|\blast\b|posisi|akhir/.test(l)) return "LAST";
  return null;
}

/** The agency's unit for a written name: exact (case and spacing aside), else the one unit that contains it. */
function matchUnit(raw: string, units: readonly string[]): { unit: string; exact: boolean } | null {
  const n = normalize(raw);
  if (!n) return null;
  const exact = units.find((u) => normalize(u) === n);
  if (exact) return { unit: exact, exact: true };
  const partial = units.filter((u) => normalize(u).includes(n) || n.includes(normalize(u)));
  return partial.length === 1 ? { unit: partial[0]!, exact: false } : null;
}

/** "Jumlah", "TOTAL", "Jumlah Pagu": a totals row, not an indicator named "Jumlah kawasan ...". */
const isTotal = (text: string) => /^(jumlah|total|grand total)(\s+(total|pagu|anggaran|program|keseluruhan|seluruhnya))?\s*:?$/i.test(text);

const GOAL_PREFIX = /^(?:sasaran(?:\s+strategis)?|ss)\s*(?:\d+|[ivx]+)?\s*[:.)\-–]\s*/i;
const PROGRAM_CODE = /^(\d+(?:\.[0-9A-Za-z]+)+)\s*[-–:.]?\s+(.+)$/;

// ---------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------

type TQuarterTarget = TTargetFields;

/** The PK in the workbook as a draft and what the reader should check. */
export async function parsePkWorkbook(buffer: Buffer | ArrayBuffer | Uint8Array, options: TPkImportOptions): Promise<TPkImportResult> {
  const warnings: TPkImportWarning[] = [];
  const draft: TPkDraft = {
    year: options.year,
    signedAt: null,
    firstPartyName: "",
    firstPartyJabatan: "",
    firstPartyNip: null,
    secondPartyName: "",
    secondPartyJabatan: "",
    goals: [],
    programs: [],
  };
  const result = (sheet: string | null, rows: Record<string, number> = {}): TPkImportResult => ({
    draft,
    warnings,
    rows,
    sheet,
    blocking: warnings.some((w) => w.level === "error"),
  });

  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    const bytes = buffer instanceof ArrayBuffer ? Buffer.from(buffer) : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    warnings.push({ row: null, sheet: null, level: "error", message: M.fileUnreadable });
    return result(null);
  }

  let table: TTable | null = null;
  for (const ws of wb.worksheets) {
    table = findTable(ws, isIndicatorHeader, false);
    if (table) break;
  }
  if (!table) {
    warnings.push({ row: null, sheet: null, level: "error", message: M.noTable });
    return result(null);
  }
  const { ws, columns } = table;
  const sheet = ws.name;
  const warn = (row: number | null, message: string, level: TPkImportWarning["level"] = "warning", onSheet = sheet) =>
    warnings.push({ row, sheet: onSheet, level, message });
  const colName = (col: number, label: string) => `${ws.getColumn(col).letter} (${label})`;

  // The year named in the title rows, if any.
  for (let r = 1; r < table.headerRow; r++) {
    const line = Array.from({ length: ws.columnCount }, (_, i) => textOf(cellAt(ws, r, i + 1).value)).join(" ");
    const m = /\btahun\s+(20\d{2})\b/i.exec(line) ?? /\b(20\d{2})\b/.exec(line);
    if (m && Number(m[1]) !== options.year) {
      warn(null, M.yearMismatch(Number(m[1]), options.year));
      break;
    }
    if (m) break;
  }

  const f = columns.fields;
  if (f.indicator === undefined) {
    warnings.push({ row: null, sheet, level: "error", message: M.noTable });
    return result(sheet);
  }
  if (f.unit === undefined) warn(null, M.missingColumn(M.columns.unit), "error");
  if (f.target === undefined && Object.keys(columns.tw).length === 0) warn(null, M.missingColumn(M.columns.target), "error");
  let defaultUnit: string | null = null;
  if (f.orgUnit === undefined) {
    if (options.units.length === 1) {
      defaultUnit = options.units[0]!;
      warn(null, M.unitDefault(defaultUnit));
    } else {
      warn(null, M.missingColumn(M.columns.orgUnit), "error");
    }
  }

  const existingByName = new Map((options.existing ?? []).map((e) => [normalize(e.name), e.code]));
  const usedCodes = new Set<string>();
  const rows: Record<string, number> = {};
  type TGoal = TPkDraft["goals"][number] & { row: number };
  const goals: TGoal[] = [];
  const state: { goal: TGoal | null } = { goal: null };
  let indicatorCount = 0;
  const programs: (TPkDraft["programs"][number] & { row: number })[] = [];

  const text = (row: number, col: number | undefined) => (col === undefined ? "" : textOf(cellAt(ws, row, col).value));
  const newGoal = (row: number, name: string, code: string) => {
    const g: TGoal = { code: code || `S${goals.length + 1}`, name: name.replace(GOAL_PREFIX, "").trim() || name, indicators: [], row };
    goals.push(g);
    state.goal = g;
    return g;
  };

  const readProgram = (row: number, programText: string, codeText: string, paguCols: TColumns["pagu"], onSheet: ExcelJS.Worksheet) => {
    let code = codeText;
    let name = programText;
    const m = PROGRAM_CODE.exec(programText);
    if (!code && m) {
      code = m[1]!;
      name = m[2]!;
    }
    if (!code) {
      code = `P${programs.length + 1}`;
      warn(row, M.programNoCode(row, code), "warning", onSheet.name);
    }
    const pagu = ([1, 2, 3, 4] as const).map((q) => {
      const col = paguCols[q];
      if (col === undefined) return null;
      const cell = cellAt(onSheet, row, col);
      const n = parseNumber(cell.value, cell.numFmt);
      if (!n.ok) {
        warn(row, M.notNumber(row, `${onSheet.getColumn(col).letter} (${M.columns.pagu(q)})`, n.raw), "warning", onSheet.name);
        return null;
      }
      if (n.value?.startsWith("-")) {
        warn(row, M.negative(row, `${onSheet.getColumn(col).letter} (${M.columns.pagu(q)})`), "warning", onSheet.name);
        return null;
      }
      return n.value;
    });
    const same = programs.find((p) => p.code === code || normalize(p.name) === normalize(name));
    if (same) {
      const differs = pagu.some((v, i) => v !== null && v !== same.pagu[i]);
      if (differs && pagu.some((v) => v !== null) && same.pagu.some((v) => v !== null)) warn(row, M.programDuplicate(row, name), "warning", onSheet.name);
      else if (differs) same.pagu = pagu;
      return;
    }
    programs.push({ code, name, pagu, row });
  };

  for (let r = table.dataStart; r <= ws.rowCount; r++) {
    const indText = text(r, f.indicator);
    const goalText = text(r, f.goal);
    const codeText = text(r, f.code);
    const noText = text(r, f.no);
    const programText = text(r, f.program);
    const numberCols = [f.unit, f.target, ...Object.values(columns.tw)].filter((c): c is number => c !== undefined);
    const hasPlan = numberCols.some((c) => text(r, c) !== "");
    if (!indText && !goalText && !programText && !hasPlan && !codeText && !noText) continue;
    // Totals and repeated headers (a table printed over several pages).
    if (isTotal(indText || goalText || programText || noText) && !text(r, f.unit)) continue;
    if (/^indikator/i.test(indText) && /target|satuan/i.test(text(r, f.target) || text(r, f.unit))) continue;

    // A sasaran: its own column with no indicator; or, without a sasaran column, a name with no plan values;
    // or a row whose only text sits in the No/Kode column (a title merged across the table).
    const soleTitle = !indText && !goalText && !hasPlan && !programText && /[a-z]{3}/i.test(noText || codeText) && (noText || codeText).length > 5;
    if ((goalText && !indText) || (f.goal === undefined && indText && !hasPlan) || soleTitle) {
      const name = goalText || indText || noText || codeText;
      newGoal(r, name, soleTitle ? "" : codeText);
      if (programText) readProgram(r, programText, text(r, f.programCode), columns.pagu, ws);
      continue;
    }
    if (!indText) {
      if (programText) readProgram(r, programText, text(r, f.programCode), columns.pagu, ws);
      continue;
    }
    if (goalText && (state.goal === null || normalize(state.goal.name) !== normalize(goalText.replace(GOAL_PREFIX, "")))) newGoal(r, goalText, "");
    let goal = state.goal;
    if (!goal) {
      warn(r, M.withoutGoal(r));
      goal = newGoal(r, M.placeholderGoal, "");
    }

    // The indicator.
    indicatorCount++;
    const name = indText;
    let code = codeText || existingByName.get(normalize(name)) || `IKU-${indicatorCount}`;
    if (!codeText) while (usedCodes.has(code)) code = `IKU-${++indicatorCount}`;
    if (usedCodes.has(code)) warn(r, M.duplicateCode(r, code), "error");
    usedCodes.add(code);
    rows[code] = r;

    const unit = text(r, f.unit);
    if (f.unit !== undefined && !unit) warn(r, M.satuanMissing(r), "error");

    const readTarget = (col: number | undefined, label: string): TTargetCell => {
      if (col === undefined) return { kind: "empty" };
      const cell = cellAt(ws, r, col);
      const t = parseTarget(cell.value, cell.numFmt);
      if (t.kind === "invalid") warn(r, M.notNumber(r, colName(col, label), t.raw), "error");
      return t;
    };
    const annual = readTarget(f.target, M.columns.target);
    const quarters = ([1, 2, 3, 4] as const).map((q) => readTarget(columns.tw[q], M.columns.tw(q)));

    const polarityText = text(r, f.polarity);
    let polarity: "HIGHER" | "LOWER" = "HIGHER";
    if (polarityText) {
      const p = parsePolarity(polarityText);
      if (p) polarity = p;
      else warn(r, M.unknownPolarity(r, polarityText));
    }

    const isRange = [annual, ...quarters].some((t) => t.kind === "range");
    if (isRange && [annual, ...quarters].some((t) => t.kind === "single")) warn(r, M.rangeMixed(r));
    const asFields = (t: TTargetCell): TQuarterTarget => {
      if (isRange) {
        if (t.kind === "range") return { targetValue: null, targetMin: t.min, targetMax: t.max };
        if (t.kind === "single") return { targetValue: null, targetMin: t.value, targetMax: t.value };
        return { targetValue: null, targetMin: null, targetMax: null };
      }
      return { targetValue: t.kind === "single" ? t.value : null, targetMin: null, targetMax: null };
    };

    const aggregationText = text(r, f.aggregation);
    let aggregation: "CUMULATIVE" | "LAST" | "AVERAGE" | null = null;
    if (aggregationText) {
      aggregation = parseAggregation(aggregationText);
      if (!aggregation) warn(r, M.unknownAggregation(r, aggregationText));
    }
    const singles = quarters.map((t) => (t.kind === "single" ? Number(t.value) : null));
    const allSingles = singles.every((v): v is number => v !== null);
    const sum = allSingles ? Number(singles.reduce((a, b) => a + b, 0).toPrecision(12)) : null;
    if (!aggregation && !aggregationText && !isRange && annual.kind === "single" && allSingles) {
      const target = Number(annual.value);
      // Quarterly targets adding up to the annual one (and not all equal to it) are cumulative.
      if (sum === target && singles[3] !== target) {
        aggregation = "CUMULATIVE";
        warn(r, M.aggregationInferred(r, M.aggregationNames.CUMULATIVE));
      }
    }
    aggregation ??= "LAST";

    let annualFields = asFields(annual);
    if (annual.kind === "empty" && !isRange) {
      // No annual target: the year's value of the quarterly ones, by the indicator's aggregation.
      const derived = !allSingles || sum === null ? null : aggregation === "CUMULATIVE" ? sum : aggregation === "AVERAGE" ? Number((sum / 4).toPrecision(12)) : singles[3]!;
      if (derived !== null) {
        annualFields = { targetValue: canonical(derived), targetMin: null, targetMax: null };
        warn(r, M.annualFromQuarters(r, M.aggregationNames[aggregation]));
      } else {
        warn(r, M.targetMissing(r), "error");
      }
    } else if (isRange && annual.kind === "empty") {
      const last = quarters[3]!;
      if (last.kind === "range") annualFields = { targetValue: null, targetMin: last.min, targetMax: last.max };
      else warn(r, M.targetMissing(r), "error");
    }

    let orgUnit = defaultUnit ?? "";
    if (f.orgUnit !== undefined) {
      const raw = text(r, f.orgUnit);
      if (!raw) warn(r, M.unitMissing(r), "error");
      else {
        const match = matchUnit(raw, options.units);
        if (!match) {
          warn(r, M.unknownUnit(r, raw), "error");
          orgUnit = raw;
        } else {
          orgUnit = match.unit;
          if (!match.exact) warn(r, M.unitGuessed(r, raw, match.unit));
        }
      }
    }

    goal.indicators.push({
      code,
      name,
      unit,
      polarity,
      targetType: isRange ? "RANGE" : "SINGLE",
      aggregation,
      orgUnit,
      ...annualFields,
      quarters: quarters.map(asFields),
    });
    if (programText) readProgram(r, programText, text(r, f.programCode), columns.pagu, ws);
  }

  // Programs from their own sheet (the app's export keeps the budget on a second sheet).
  if (programs.length === 0) {
    for (const other of wb.worksheets) {
      if (other === ws) continue;
      const pt = findTable(other, isProgramHeader, true);
      if (!pt || pt.columns.fields.program === undefined) continue;
      for (let r = pt.dataStart; r <= other.rowCount; r++) {
        const programText = textOf(cellAt(other, r, pt.columns.fields.program).value);
        if (!programText || isTotal(programText)) continue;
        const codeCol = pt.columns.fields.programCode ?? pt.columns.fields.code;
        readProgram(r, programText, codeCol === undefined ? "" : textOf(cellAt(other, r, codeCol).value), pt.columns.pagu, other);
      }
      break;
    }
  }
  if (programs.length > 0 && Object.keys(columns.pagu).length === 0 && columns.fields.paguYear !== undefined) warn(null, M.paguAnnualOnly);

  for (const g of goals) {
    if (g.indicators.length === 0) warn(g.row, M.emptyGoal(g.row, g.name));
  }
  draft.goals = goals.filter((g) => g.indicators.length > 0).map(({ row: _row, ...g }) => g);
  // Sasaran codes must be unique too (they identify the sasaran when saved again).
  const goalCodes = new Set<string>();
  for (const g of draft.goals) {
    let code = g.code;
    for (let n = 2; goalCodes.has(code); n++) code = `${g.code}-${n}`;
    g.code = code;
    goalCodes.add(code);
  }
  draft.programs = programs.map(({ row: _row, ...p }) => p);
  if (indicatorCount === 0) warn(null, M.noIndicators, "error");

  // Whatever the schema would still refuse (lengths, range order...), said now with its row.
  const check = ZAgreementInput.safeParse({
    ...draft,
    firstPartyName: "-",
    firstPartyJabatan: "-",
    secondPartyName: "-",
    secondPartyJabatan: "-",
  });
  if (!check.success) {
    const already = new Set(warnings.filter((w) => w.level === "error").map((w) => w.row));
    for (const issue of check.error.issues) {
      const [top, gi, , ii] = issue.path;
      const goal = top === "goals" && typeof gi === "number" ? draft.goals[gi] : undefined;
      const ind = goal && typeof ii === "number" ? goal.indicators[ii] : undefined;
      const row = ind ? (rows[ind.code] ?? null) : top === "programs" && typeof gi === "number" ? (programs[gi]?.row ?? null) : null;
      if (row !== null && already.has(row)) continue;
      warn(row, M.invalid(row, issue.message), "error");
    }
  }
  return result(sheet, rows);
}

// ---------------------------------------------------------------------------
// The server action's input, and the step from a parsed draft to a saved PK
// ---------------------------------------------------------------------------

export const ZPkImportHeader = z.object({
  signedAt: z.string().max(10).default(""),
  firstPartyName: z.string().max(200).default(""),
  firstPartyJabatan: z.string().max(200).default(""),
  firstPartyNip: z.string().max(40).default(""),
  secondPartyName: z.string().max(200).default(""),
  secondPartyJabatan: z.string().max(200).default(""),
});
export type TPkImportHeader = z.input<typeof ZPkImportHeader>;

export const ZPkImportRequest = z.object({
  year: ZYear,
  fileBase64: z
    .string({ error: M.fileMissing })
    .min(1, M.fileMissing)
    .max(Math.ceil(PK_IMPORT_MAX_BYTES / 3) * 4 + 4, M.fileTooLarge)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, M.fileUnreadable),
  /** false: read and report only; true: read again and save. */
  save: z.boolean().default(false),
  header: ZPkImportHeader.default({ signedAt: "", firstPartyName: "", firstPartyJabatan: "", firstPartyNip: "", secondPartyName: "", secondPartyJabatan: "" }),
});
export type TPkImportRequest = z.input<typeof ZPkImportRequest>;

/** What the import action answers: the reading, and whether it was saved. */
export type TPkImportResponse = TPkImportResult & { saved: boolean; agreementId: string | null };

/**
 * The parsed draft with the signatories from the form, through the same
 * schema as the PK editor. Field errors keep the schema's paths
 * ("firstPartyName", "goals.0.indicators.1.orgUnit").
 */
export function toAgreementInput(
  parsed: TPkImportResult,
  header: z.output<typeof ZPkImportHeader>,
): { ok: true; data: z.output<typeof ZAgreementInput> } | { ok: false; message: string; fieldErrors: Record<string, string[]> } {
  if (parsed.blocking) return { ok: false, message: M.blocked, fieldErrors: {} };
  // Typed as the PK form's input: a draft that drifted from ZAgreementInput fails to compile here.
  const input: TAgreementInput = {
    ...parsed.draft,
    // A workbook without Program/Pagu columns says nothing about the programs: they stay as they are.
    programs: parsed.draft.programs.length ? parsed.draft.programs : undefined,
    signedAt: header.signedAt || null,
    firstPartyName: header.firstPartyName,
    firstPartyJabatan: header.firstPartyJabatan,
    firstPartyNip: header.firstPartyNip || null,
    secondPartyName: header.secondPartyName,
    secondPartyJabatan: header.secondPartyJabatan,
  };
  const checked = ZAgreementInput.safeParse(input);
  if (checked.success) return { ok: true, data: checked.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of checked.error.issues) (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  const headerOnly = Object.keys(fieldErrors).every((k) => k in ZPkImportHeader.shape);
  return { ok: false, message: headerOnly ? M.headerInvalid : M.blocked, fieldErrors };
}
