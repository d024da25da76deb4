import Papa from "papaparse";

import { roleCodeFromName } from "@/lib/role/code";

import type { TSopInput, TSopStep, TStepAssignment, TStepKind, TStepUnitKind, TTimeUnit } from "./schemas";

/**
 * Paste import of an SOP procedure table copied from Word or Excel: tab-separated
 * rows (No | Kegiatan | one column per Pelaksana | Kelengkapan | Waktu | Output | Ket),
 * with or without the two header rows. The result is a draft for the administrator's
 * review screen: every guess that needs a human (executor, decision targets, time)
 * comes with a warning in Indonesian, and nothing here touches the database.
 */

export interface TPasteRole {
  code: string;
  name: string;
}

export interface TPasteWarning {
  /** 1-based row of the pasted table (header rows count); null for the whole table. */
  row: number | null;
  stepNumber: number | null;
  field: keyof TSopStep | null;
  message: string;
}

export interface TPasteColumn {
  /** 0-based cell index in the pasted rows. */
  index: number;
  /** Header text as pasted (whitespace collapsed). */
  name: string;
  roleCode: string;
  /** True when no role of the agency matches: offered in `newRoles`. */
  isNew: boolean;
}

/**
 * One guess the import made about a step, with the words of the pasted table that led
 * to it, so the administrator can accept or correct it (components/sop/paste-guesses.tsx).
 */
export interface TPasteGuess {
  stepNumber: number;
  field: "executorRoleCode" | "kind" | "noStepNumber";
  /** The guessed value: a role code, a step kind, or a step number (as text). */
  value: string;
  /** Why, in Indonesian, quoting the words: 'uraian menyebut "sekretaris memeriksa"'. */
  because: string;
}

export interface TProcedureTableImport {
  steps: TSopInput["steps"];
  guesses: TPasteGuess[];
  /** Executor columns found in the header rows, in order. */
  columns: TPasteColumn[];
  /** Executor names with no matching role, with a suggested code (used in `steps`). */
  newRoles: { name: string; code: string }[];
  warnings: TPasteWarning[];
}

// ---------------------------------------------------------------------------
// Pasted table text, as Excel or Word writes it: tab-separated (semicolon-separated
// from a CSV export); quoted cells may hold tabs, line breaks and doubled quotes.

/** The separator of a pasted table: tab when any line has one, else semicolon. */
function delimiterOf(text: string): "\t" | ";" {
  return text.includes("\t") || !text.includes(";") ? "\t" : ";";
}

function splitTable(text: string, honourQuotes: boolean): string[][] | null {
  const source = text.replace(/\r\n?/g, "\n");
  const result = Papa.parse<string[]>(source, {
    delimiter: delimiterOf(source),
    newline: "\n",
    // A quote character that never occurs: every quote is read as text.
    quoteChar: honourQuotes ? '"' : "\u0000",
    skipEmptyLines: false,
  });
  if (honourQuotes && result.errors.some((e) => e.type === "Quotes")) return null;
  const rows = result.data;
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === "")) rows.pop();
  return rows;
}

export function parseTsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, "");
  // An unbalanced quote (a Word cell that merely starts with a quote) would swallow the rest.
  return splitTable(source, true) ?? splitTable(source, false)!;
}

// ---------------------------------------------------------------------------
// Cell text

/** One line per paragraph, spaces collapsed, blank lines dropped. */
function cleanMultiline(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function cleanSingleLine(value: string): string {
  return value.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * "1. Draf ... 2. Lampiran ..." (a numbered list flattened into one line by the copy)
 * becomes one item per line. Only splits at the next expected number, so "No. 23" or
 * "Tahun 2014" inside an item stay intact.
 */
export function splitInlineNumberedList(value: string): string {
  if (!/^1[.)]\s/.test(value)) return value;
  let result = value;
  let from = 0;
  for (let k = 2; ; k++) {
    const re = new RegExp(`\\s+${k}[.)]\\s`, "g");
    re.lastIndex = from;
    const match = re.exec(result);
    if (!match) break;
    result = `${result.slice(0, match.index)}\n${result.slice(match.index).replace(/^\s+/, "")}`;
    from = match.index + 1;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Waktu: "10 menit", "2 Jam", "1 hari", "1,5 jam", "1-2 hari", "1 minggu"

export interface TParsedWaktu {
  jumlah: number;
  satuan: TTimeUnit;
  /** Set when the value was converted or a range was narrowed. */
  note: string | null;
}

const WAKTU_RE =
  /^(\d+(?:[.,]\d+)?)\s*(?:(?:-|–|s\.?\s*d\.?|sampai)\s*(\d+(?:[.,]\d+)?)\s*)?(menit|mnt|jam|hari\s*kerja|hari|hk|minggu|pekan)\.?$/i;

export function parseWaktu(value: string): TParsedWaktu | null {
  const match = WAKTU_RE.exec(cleanSingleLine(value));
  if (!match) return null;
  const toNumber = (s: string) => Number(s.replace(",", "."));
  const low = toNumber(match[1]!);
  const high = match[2] !== undefined ? toNumber(match[2]) : null;
  let jumlah = high ?? low;
  const unitWord = match[3]!.toLowerCase().replace(/\s+/g, " ");
  let satuan: TTimeUnit;
  let note: string | null = high !== null ? `Waktu berupa rentang; dipakai batas atasnya (${jumlah}).` : null;
  if (unitWord === "menit" || unitWord === "mnt") satuan = "MENIT";
  else if (unitWord === "jam") satuan = "JAM";
  else if (unitWord === "minggu" || unitWord === "pekan") {
    satuan = "HARI";
    jumlah *= 5;
    note = `Waktu dalam minggu diubah menjadi ${jumlah} hari kerja.`;
  } else satuan = "HARI";
  if (!(jumlah > 0) || !Number.isFinite(jumlah)) return null;
  return { jumlah, satuan, note };
}

// ---------------------------------------------------------------------------
// Role names: "Kadis" = "Kepala Dinas", "Subag" = "Subbag", "Kasubag / kabag" = "Kabag/Kasubag"

/** Abbreviations written as one word, expanded to the long form. */
const WORD_ALIASES: Record<string, string> = {
  kadis: "kepala dinas",
  kaban: "kepala badan",
  sekdis: "sekretaris",
  sekban: "sekretaris",
  sekwan: "sekretaris dprd",
  kabid: "kepala bidang",
  kasi: "kepala seksi",
  kasie: "kepala seksi",
  jfp: "jabatan fungsional perencana",
  subag: "subbag",
  kasubag: "kasubbag",
  kasubid: "kasubbid",
  staff: "staf",
};

/** Whole-name equivalences after normalisation. */
const NAME_ALIASES: Record<string, string> = {
  "sekretaris dinas": "sekretaris",
  "sekretaris badan": "sekretaris",
};

function canonicalPart(part: string): string {
  return part
    .split(" ")
    .map((w) => WORD_ALIASES[w] ?? w)
    .join(" ");
}

/**
 * Lower-case tokens; a token joined by "/" keeps its parts sorted so "Kasubag / kabag"
 * and "Kabag/ Kasubag" compare equal. Commas stay as their own token (they mark lists
 * of roles in activity text).
 */
function tokenize(value: string): string[] {
  const flat = value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/,&]+/gu, " ")
    .replace(/\s*\/\s*/g, "/")
    .replace(/,/g, " , ")
    .trim();
  if (flat === "") return [];
  const tokens: string[] = [];
  for (const raw of flat.split(/\s+/)) {
    if (raw.includes("/")) {
      const parts = raw
        .split("/")
        .filter((p) => p !== "")
        .map((p) => canonicalPart(p))
        .sort();
      tokens.push(parts.join("/"));
    } else tokens.push(...canonicalPart(raw).split(" "));
  }
  return tokens;
}

function nameKey(value: string): string {
  const key = tokenize(value)
    .filter((t) => t !== ",")
    .join(" ");
  return NAME_ALIASES[key] ?? key;
}

/** The agency role a pasted executor name refers to, by name, alias or code. */
export function matchRoleName(name: string, roles: readonly TPasteRole[]): TPasteRole | null {
  const key = nameKey(name);
  if (key === "") return null;
  return roles.find((r) => nameKey(r.name) === key) ?? roles.find((r) => nameKey(r.code.replace(/_/g, " ")) === key) ?? null;
}

/** The code the role would get if created (the same rule as the role screen: lib/role/code.ts). */
function suggestRoleCode(name: string, taken: Set<string>): string {
  const code = roleCodeFromName(name, taken);
  taken.add(code);
  return code;
}

// ---------------------------------------------------------------------------
// Executor from the activity text

interface Candidate {
  code: string;
  tokens: string[];
}

/**
 * How the activity text names a role: its subject ("agent"), someone acting with the
 * subject ("participant"), the one it is addressed to ("recipient"), or a role named
 * inside what is being worked on ("menyusun SK Tim Pengukuran": "object"), which is
 * not an executor at all.
 */
type MentionRole = "agent" | "participant" | "recipient" | "object";

interface Mention {
  code: string;
  start: number;
  role: MentionRole;
  /** The words as written, for the review screen ("Sekretaris memeriksa"). */
  words: string;
}

const RECIPIENT_MARKERS = new Set(["kepada", "ke", "memerintahkan", "menugaskan", "untuk", "dari", "menginstruksikan"]);
const PARTICIPANT_MARKERS = new Set(["dan", "bersama", "dengan", "serta", "&", ",", "beserta"]);
/** An active verb (meN- prefix): what follows it, unmarked, is its object. */
const ACTIVE_VERB = /^me[a-z]{3,}$/;

function findMentions(text: string, candidates: readonly Candidate[]): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let verb: string | null = null;
  let i = 0;
  while (i < tokens.length) {
    let best: Candidate | null = null;
    for (const c of candidates) {
      if (c.tokens.length === 0 || (best && c.tokens.length <= best.tokens.length)) continue;
      if (c.tokens.every((t, k) => tokens[i + k] === t)) best = c;
    }
    if (!best) {
      if (verb === null && ACTIVE_VERB.test(tokens[i]!)) verb = tokens[i]!;
      i++;
      continue;
    }
    const before = tokens[i - 1];
    const previous = mentions.at(-1);
    let role: MentionRole = verb === null ? "agent" : "object";
    if (before === "oleh") role = "agent";
    else if (before !== undefined && RECIPIENT_MARKERS.has(before)) role = "recipient";
    else if (before !== undefined && PARTICIPANT_MARKERS.has(before) && previous && previous.role !== "object") {
      role = previous.role === "recipient" ? "recipient" : "participant";
    }
    const spoken = tokens.slice(i, i + best.tokens.length).join(" ");
    const words = role === "agent" && verb === null && tokens[i + best.tokens.length] ? `${spoken} ${tokens[i + best.tokens.length]}` : spoken;
    mentions.push({ code: best.code, start: i, role, words });
    i += best.tokens.length;
  }
  return mentions;
}

// ---------------------------------------------------------------------------
// Kind of step from the activity's verbs

const DECISION_IF = /\b(jika|apabila|bila|kalau|bilamana)\b/;
const DECISION_ELSE = /\b(tidak|dikembalikan|ditolak|salah|belum)\b/;
const APPROVAL_WORDS = /\b(setuju|disetujui|menyetujui|ditanda ?tangani|menandatangani|disahkan|mengesahkan|tercapai)\b/;
const REVIEW_WORDS = /\b(memeriksa|meneliti|memverifikasi|verifikasi|mereviu|mereview|menganalisa|menganalisis)\b/;
const ARCHIVE_WORDS = /\b(mengarsipkan|mengarsipkannya|mengarsip|arsip|pengarsipan|mendokumentasikan|dokumentasi)\b/;
const KIND_WORDS: [TStepKind, RegExp][] = [
  ["MEETING", /\b(rapat|membahas|pembahasan|pengumpulan tim|mengumpulkan tim|koordinasi)\b/],
  ["DISPOSITION", /\b(memerintahkan|mendisposisikan|disposisi|menugaskan|menginstruksikan)\b/],
  ["INPUT", /\b(mengisi|menghimpun|mengumpulkan|menginput|memasukkan|menginventarisasi|merekap|merekapitulasi|pengisian)\b/],
  [
    "DRAFT",
    /\b(menyusun|membuat|menbuat|menyiapkan|merumuskan|mengolah|menandatangani|memperbaiki|penyusunan|pembuatan)\b/,
  ],
  [
    "UPLOAD",
    /\b(mengunggah|unggah|upload|melaporkan|melaporkannya|menyampaikan|mengirim|mengirimkan|menyerahkan|mengajukan|menginformasikan|memberitahukan|mengundang)\b|\blaporan\b.*\bkepada\b/,
  ],
];

/**
 * An invitation names the meeting it invites to ("menginformasikan ... untuk menghadiri
 * rapat"): the step sends the invitation, the meeting is a later step. The phrase is
 * taken out before the kind is guessed.
 */
const INVITATION_PHRASE = /\b(?:untuk\s+)?(?:menghadiri|hadir\s+(?:dalam|pada|di))\s+(?:rapat|pertemuan)\b|\bundangan\s+rapat\b/g;

export interface TKindGuess {
  kind: TStepKind;
  /** The words of the activity that led to the kind; null: nothing matched (the default). */
  because: string | null;
}

/** The step kind the activity's words suggest, with the words that decided it. */
export function explainStepKind(kegiatan: string): TKindGuess {
  const text = kegiatan.toLowerCase().replace(/\s+/g, " ");
  const ifWord = DECISION_IF.exec(text);
  const elseWord = DECISION_ELSE.exec(text);
  if (ifWord && elseWord) {
    const approval = APPROVAL_WORDS.exec(text);
    const because = `${ifWord[0]} … ${elseWord[0]}`;
    return approval ? { kind: "APPROVAL", because: `${approval[0]}; ${because}` } : { kind: "REVIEW", because };
  }
  const archive = ARCHIVE_WORDS.exec(text);
  if (archive) return { kind: "ARCHIVE", because: archive[0] };
  const invitation = /\b(?:untuk\s+)?(?:menghadiri|hadir\s+(?:dalam|pada|di))\s+(?:rapat|pertemuan)\b/.exec(text);
  // Blank out (same length) so match positions stay comparable.
  const plain = text.replace(INVITATION_PHRASE, (m) => " ".repeat(m.length));
  let best: { kind: TStepKind; at: number; word: string } | null = null;
  for (const [kind, re] of KIND_WORDS) {
    const match = re.exec(plain);
    if (match && (!best || match.index < best.at)) best = { kind, at: match.index, word: match[0] };
  }
  const review = REVIEW_WORDS.exec(plain);
  if (review && (!best || review.index < best.at)) return { kind: "REVIEW", because: review[0] };
  if (!best) return { kind: "DRAFT", because: null };
  return { kind: best.kind, because: invitation && best.kind !== "MEETING" ? `${best.word} … ${invitation[0].trim()}` : best.word };
}

export function inferStepKind(kegiatan: string): TStepKind {
  return explainStepKind(kegiatan).kind;
}

/** "setiap Bidang", "masing-masing Seksi", "seluruh Bidang" (doing it each): the unit kind named, in OrgUnit terms. */
const EVERY_UNIT_RE = /\b(?:setiap|tiap(?:-tiap)?|masing-masing|seluruh|semua)\s+(bidang|seksi|subbag(?:ian)?|uptd|sekretariat)\b/;
const UNIT_KIND_WORDS: Record<string, TStepUnitKind> = {
  bidang: "BIDANG",
  seksi: "SEKSI",
  subbag: "SUBBAGIAN",
  subbagian: "SUBBAGIAN",
  uptd: "UPTD",
  sekretariat: "SEKRETARIAT",
};
/** "Rapat ... bersama Sekretaris", "bersama-sama dengan ...": the executor with the participants. */
const JOINT_RE = /\bbersama(?:-sama)?\b/;

/**
 * The assignment mode the activity text states: every unit ("setiap Bidang
 * mengisi ...", also "Rapat ... seluruh Bidang" when it is not a meeting),
 * joint ("bersama ...", or a meeting with participants), else one executor.
 * Decisions always have one executor.
 */
export function inferAssignment(
  kegiatan: string,
  kind: TStepKind,
  hasParticipants: boolean,
): { assignment: TStepAssignment; unitKind: TStepUnitKind | null } {
  const text = kegiatan.toLowerCase();
  if (kind === "REVIEW" || kind === "APPROVAL") return { assignment: "SINGLE", unitKind: null };
  const every = EVERY_UNIT_RE.exec(text);
  if (kind === "MEETING" && (hasParticipants || JOINT_RE.test(text) || every)) return { assignment: "JOINT", unitKind: null };
  if (every) return { assignment: "EVERY_UNIT", unitKind: UNIT_KIND_WORDS[every[1]!] ?? "BIDANG" };
  if (JOINT_RE.test(text) && hasParticipants) return { assignment: "JOINT", unitKind: null };
  return { assignment: "SINGLE", unitKind: null };
}

// ---------------------------------------------------------------------------
// The table

const STEP_NUMBER_RE = /^(\d{1,3})\s*[.)]?$/;

function isHeaderRow(cells: readonly string[]): boolean {
  const lower = cells.map((c) => cleanSingleLine(c).toLowerCase());
  if (/^no\.?$/.test(lower[0] ?? "")) return true;
  return lower.some((c) => c === "waktu" || c === "kelengkapan" || c === "mutu baku" || c === "pelaksana");
}

interface Layout {
  kegiatan: number;
  kelengkapan: number;
  waktu: number;
  output: number;
  ket: number | null;
  executorColumns: number[];
}

function headerLayout(headerRows: readonly string[][]): { layout: Layout | null; names: Map<number, string> } {
  const names = new Map<number, string>();
  let kegiatan: number | undefined;
  let kelengkapan: number | undefined;
  let waktu: number | undefined;
  let output: number | undefined;
  let ket: number | undefined;
  let namesRow: readonly string[] = [];
  for (const row of headerRows) {
    for (let i = 0; i < row.length; i++) {
      const c = cleanSingleLine(row[i] ?? "").toLowerCase();
      if (c === "") continue;
      if (kegiatan === undefined && /kegiatan|uraian|prosedur/.test(c)) kegiatan = i;
      else if (kelengkapan === undefined && /^(persyaratan\s*\/\s*)?kelengkapan$|^persyaratan$/.test(c)) kelengkapan = i;
      else if (waktu === undefined && c === "waktu") {
        waktu = i;
        namesRow = row;
      } else if (output === undefined && (c === "output" || c === "keluaran")) output = i;
      else if (ket === undefined && /^ket(erangan)?\.?$/.test(c)) ket = i;
    }
  }
  if (waktu === undefined) return { layout: null, names };
  const keg = kegiatan ?? 1;
  const kel = kelengkapan ?? waktu - 1;
  const executorColumns: number[] = [];
  for (let i = keg + 1; i < kel; i++) {
    const name = cleanSingleLine(namesRow[i] ?? "");
    if (name !== "" && name.toLowerCase() !== "pelaksana") {
      executorColumns.push(i);
      names.set(i, name);
    }
  }
  return {
    layout: { kegiatan: keg, kelengkapan: kel, waktu, output: output ?? waktu + 1, ket: ket ?? null, executorColumns },
    names,
  };
}

/** Without header rows: locate the Waktu cell and read the others around it. */
function rowLayout(cells: readonly string[]): Layout | null {
  for (let i = 2; i < cells.length; i++) {
    if (parseWaktu(cells[i] ?? "")) {
      const executorColumns: number[] = [];
      for (let c = 2; c < i - 1; c++) executorColumns.push(c);
      return { kegiatan: 1, kelengkapan: i - 1, waktu: i, output: i + 1, ket: i + 2 < cells.length ? i + 2 : null, executorColumns };
    }
  }
  return null;
}

const MSG = {
  noRows: "Tidak ada baris langkah yang dikenali. Salin tabel prosedur lengkap dengan kolom No dan Kegiatan.",
  noHeader:
    "Baris judul tabel (No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output) tidak ikut disalin; kolom dikenali dari isi Waktu.",
  newRole: (name: string) =>
    `Pelaksana "${name}" belum ada di daftar peran instansi. Buat perannya atau pilih peran yang ada di bagian "Peran yang tidak ditemukan".`,
  renumbered: (pasted: string, n: number) => `Nomor "${pasted}" tidak berurutan; langkah ini dinomori ulang menjadi ${n}.`,
  noLayout: "Kolom Waktu tidak ditemukan pada baris ini; periksa kelengkapan, waktu, dan output.",
  noKegiatan: "Uraian kegiatan kosong.",
  noOutput: "Output kosong; isi output kegiatan ini.",
  waktuUnreadable: (value: string) =>
    value === ""
      ? "Waktu kosong; isi waktu pelaksanaan (misalnya 10 menit, 2 jam, 1 hari)."
      : `Waktu "${value}" tidak dapat dibaca; tulis seperti 10 menit, 2 jam, atau 1 hari.`,
  noExecutor: (n: number) =>
    `Langkah ${n}: pelaksana tidak disebutkan dalam uraian kegiatan dan tidak ada tanda pada kolom pelaksana. Pilih pelaksananya.`,
  markWithoutHeader: (n: number) =>
    `Langkah ${n}: ada tanda pada kolom pelaksana, tetapi nama kolomnya tidak ikut disalin. Pilih pelaksananya.`,
  manyMarks: (n: number, executor: string) =>
    `Langkah ${n}: lebih dari satu kolom pelaksana bertanda; "${executor}" dipilih sebagai pelaksana, yang lain sebagai peserta.`,
  markOverridesText: (n: number, marked: string, named: string) =>
    `Langkah ${n}: kolom bertanda "${marked}" dipakai sebagai pelaksana, padahal uraian menyebut "${named}". Periksa kembali.`,
  decision: (n: number, no: number) =>
    `Langkah ${n} berupa pemeriksaan/persetujuan: periksa tujuan jika "Tidak" (sementara kembali ke langkah ${no}) dan jika "Ya" (langkah berikutnya).`,
  decisionFirst: (n: number) =>
    `Langkah ${n} tampak seperti keputusan, tetapi tidak ada langkah sebelumnya untuk dikembalikan; dijadikan langkah biasa.`,
  continuation: "Baris tanpa nomor digabungkan ke langkah sebelumnya.",
  ignored: "Baris tanpa nomor di awal tabel diabaikan.",
  unbalancedQuote: "Tanda kutip di teks yang disalin tidak berpasangan; tanda kutip dibaca apa adanya.",
} as const;

/** Why the import guessed what it did, quoting the pasted words. */
const WHY = {
  agent: (words: string) => `uraian menyebut “${words}”`,
  mark: (mark: string, column: string) => `tanda “${mark}” di kolom “${column}”`,
  objects: (words: string[]) => `${words.map((w) => `“${w}”`).join(", ")} disebut di dalam uraian kegiatan, bukan sebagai pelaksananya`,
  words: (words: string) => `kata “${words}”`,
  noKindWords: "tidak ada kata kunci; dianggap Penyusunan Dokumen",
  previousStep: "uraian tidak menyebut langkah tujuan; dianggap langkah sebelumnya",
  completing: (word: string) => `kata “${word}”: kembali ke langkah pengisian data terakhir`,
} as const;

interface WorkingStep {
  step: TSopStep;
  row: number;
  /** Continuation rows append to these cells. */
  layout: Layout | null;
}

/**
 * Parse a pasted procedure table into draft steps for the review screen.
 * `agencyRoles` are the agency's roles (code + name as printed in its SOPs).
 */
export function parseProcedureTable(text: string, agencyRoles: readonly TPasteRole[]): TProcedureTableImport {
  const warnings: TPasteWarning[] = [];
  const warn = (row: number | null, stepNumber: number | null, field: keyof TSopStep | null, message: string) =>
    warnings.push({ row, stepNumber, field, message });
  const guesses: TPasteGuess[] = [];
  const guess = (stepNumber: number, field: TPasteGuess["field"], value: string, because: string) =>
    guesses.push({ stepNumber, field, value, because });

  const source = text.replace(/^\uFEFF/, "");
  const strict = splitTable(source, true);
  if (strict === null) warn(null, null, null, MSG.unbalancedQuote);
  const rows = (strict ?? splitTable(source, false)!).map((cells, index) => ({ cells, row: index + 1 }));
  const isHeader = (cells: readonly string[]) => !STEP_NUMBER_RE.test(cleanSingleLine(cells[0] ?? "")) && isHeaderRow(cells);

  // Header rows: everything before the first numbered row, plus any repeated header of a later page.
  const headerRows = rows.filter(({ cells }) => isHeader(cells));
  const { layout: header, names } = headerLayout(headerRows.map((r) => r.cells));
  const nonEmpty = mergeBrokenRows(rows, header ? Math.max(...headerRows.map((r) => r.cells.length)) : null, isHeader).filter(
    ({ cells }) => cells.some((c) => c.trim() !== ""),
  );

  // Executor columns -> agency roles (or proposed new roles).
  const takenCodes = new Set(agencyRoles.map((r) => r.code));
  const columns: TPasteColumn[] = [];
  const newRoles: { name: string; code: string }[] = [];
  for (const [index, name] of names) {
    const role = matchRoleName(name, agencyRoles);
    if (role) columns.push({ index, name, roleCode: role.code, isNew: false });
    else {
      const existing = newRoles.find((r) => nameKey(r.name) === nameKey(name));
      const code = existing?.code ?? suggestRoleCode(name, takenCodes);
      if (!existing) {
        newRoles.push({ name, code });
        warn(headerRows.at(-1)?.row ?? null, null, null, MSG.newRole(name));
      }
      columns.push({ index, name, roleCode: code, isNew: true });
    }
  }
  const candidates: Candidate[] = [];
  const addCandidate = (code: string, name: string) => {
    const tokens = tokenize(name).filter((t) => t !== ",");
    if (tokens.length > 0 && !candidates.some((c) => c.code === code && c.tokens.join(" ") === tokens.join(" "))) {
      candidates.push({ code, tokens });
    }
  };
  for (const c of columns) addCandidate(c.roleCode, c.name);
  for (const r of agencyRoles) addCandidate(r.code, r.name);
  const roleName = (code: string) =>
    agencyRoles.find((r) => r.code === code)?.name ?? newRoles.find((r) => r.code === code)?.name ?? code;

  const work: WorkingStep[] = [];
  for (const { cells, row } of nonEmpty) {
    const first = cleanSingleLine(cells[0] ?? "");
    const numbered = STEP_NUMBER_RE.exec(first);
    if (!numbered) {
      if (isHeaderRow(cells)) continue;
      const previous = work.at(-1);
      if (!previous) {
        warn(row, null, null, MSG.ignored);
        continue;
      }
      appendContinuation(previous, cells);
      warn(row, previous.step.number, null, MSG.continuation);
      continue;
    }

    const number = work.length + 1;
    if (Number(numbered[1]) !== number) warn(row, number, "number", MSG.renumbered(first, number));

    let layout = header;
    if (!layout || !parseWaktu(cells[layout.waktu] ?? "")) layout = rowLayout(cells) ?? layout;
    if (!layout) warn(row, number, null, MSG.noLayout);
    const cell = (i: number | null | undefined) => (i === null || i === undefined ? "" : (cells[i] ?? ""));

    // Line breaks inside the activity are the author's (a list of sub-activities): kept.
    const kegiatan = cleanMultiline(cell(layout?.kegiatan ?? 1));
    const kelengkapan = splitInlineNumberedList(cleanMultiline(cell(layout?.kelengkapan)));
    const output = splitInlineNumberedList(cleanMultiline(cell(layout?.output)));
    const keterangan = splitInlineNumberedList(cleanMultiline(cell(layout?.ket)));
    const waktuText = cleanSingleLine(cell(layout?.waktu));
    const waktu = parseWaktu(waktuText);
    if (!waktu) warn(row, number, "waktuJumlah", MSG.waktuUnreadable(waktuText));
    else if (waktu.note) warn(row, number, "waktuJumlah", waktu.note);
    if (kegiatan === "") warn(row, number, "kegiatan", MSG.noKegiatan);
    if (output === "") warn(row, number, "output", MSG.noOutput);

    // Executor: a mark in an executor column wins; otherwise the role the activity text names.
    const mentions = findMentions(kegiatan, candidates);
    const agent = mentions.find((m) => m.role === "agent");
    const textParticipants = mentions.filter((m) => m.role === "participant").map((m) => m.code);
    const markedColumns = (layout?.executorColumns ?? []).filter((i) => cleanSingleLine(cell(i)) !== "");
    const markedCodes = markedColumns.map((i) => columns.find((c) => c.index === i)?.roleCode).filter((c): c is string => !!c);

    let executor = "";
    let participants: string[] = [];
    if (markedCodes.length > 0) {
      executor = agent && markedCodes.includes(agent.code) ? agent.code : markedCodes[0]!;
      participants = [...markedCodes, ...textParticipants];
      if (markedCodes.length > 1) warn(row, number, "executorRoleCode", MSG.manyMarks(number, roleName(executor)));
      else if (agent && agent.code !== executor) {
        warn(row, number, "executorRoleCode", MSG.markOverridesText(number, roleName(executor), roleName(agent.code)));
      }
    } else if (markedColumns.length > 0) {
      warn(row, number, "executorRoleCode", MSG.markWithoutHeader(number));
      participants = textParticipants;
    } else if (agent) {
      executor = agent.code;
      participants = textParticipants;
    } else {
      participants = textParticipants;
    }
    if (executor === "" && markedColumns.length === 0) warn(row, number, "executorRoleCode", MSG.noExecutor(number));
    participants = [...new Set(participants)].filter((code) => code !== executor);
    if (executor !== "") {
      const markedName = columns.find((c) => c.roleCode === executor && markedColumns.includes(c.index))?.name;
      const reasons = [agent?.code === executor ? WHY.agent(agent.words) : WHY.mark(cleanSingleLine(cell(columns.find((c) => c.name === markedName)?.index)), markedName ?? roleName(executor))];
      const objects = [...new Set(mentions.filter((m) => m.role === "object" && m.code !== executor).map((m) => m.words))];
      if (objects.length > 0) reasons.push(WHY.objects(objects));
      guess(number, "executorRoleCode", executor, reasons.join("; "));
    }

    work.push({
      row,
      layout,
      step: {
        number,
        kegiatan,
        executorRoleCode: executor,
        participantRoleCodes: participants,
        kind: "DRAFT", // set once continuation rows are merged
        kelengkapan,
        waktuJumlah: waktu?.jumlah ?? 0,
        waktuSatuan: waktu?.satuan ?? "HARI",
        output,
        keterangan,
        yesStepNumber: null,
        noStepNumber: null,
        assignment: "SINGLE",
        unitKind: null,
        unitNames: [],
      },
    });
  }

  if (work.length === 0) warn(null, null, null, MSG.noRows);
  else if (!header) warn(null, null, null, MSG.noHeader);

  // Kinds from the activity text as it stands after continuation rows were merged; then
  // decisions: where "Tidak" returns (and "Ya" goes, when the text says so).
  for (const w of work) {
    const kind = explainStepKind(w.step.kegiatan);
    w.step.kind = kind.kind;
    if (kind.kind !== "REVIEW" && kind.kind !== "APPROVAL") guess(w.step.number, "kind", kind.kind, kind.because ? WHY.words(kind.because) : WHY.noKindWords);
  }
  // Who does it: every unit ("setiap Bidang"), jointly ("bersama"), or one executor.
  for (const w of work) {
    const mode = inferAssignment(w.step.kegiatan, w.step.kind, w.step.participantRoleCodes.length > 0);
    // A joint step needs participants: without any it stays with its executor.
    if (mode.assignment === "JOINT" && w.step.participantRoleCodes.length === 0) continue;
    w.step.assignment = mode.assignment;
    w.step.unitKind = mode.unitKind;
  }
  for (const [i, w] of work.entries()) {
    const s = w.step;
    if (s.kind !== "REVIEW" && s.kind !== "APPROVAL") continue;
    if (i === 0) {
      s.kind = "DRAFT";
      warn(w.row, s.number, "kind", MSG.decisionFirst(s.number));
      continue;
    }
    const text = s.kegiatan.toLowerCase();
    const explicitNo = /(?:kembali|dikembalikan)\s+(?:lagi\s+)?(?:ke|kepada)\s+(?:langkah|no(?:mor)?\.?|kegiatan)\s*(?:ke-?\s*)?(\d+)/.exec(text);
    const explicitYes = /(?:lanjut|dilanjutkan|diteruskan)\s+(?:ke|kepada)\s+(?:langkah|no(?:mor)?\.?|kegiatan)\s*(?:ke-?\s*)?(\d+)/.exec(text);
    let no = i; // the previous step
    let because: string = WHY.previousStep;
    const completing = /\b(dilengkapi|melengkapi|kelengkapan)\b/.exec(text);
    if (explicitNo && Number(explicitNo[1]) >= 1 && Number(explicitNo[1]) < s.number) {
      no = Number(explicitNo[1]);
      because = WHY.words(explicitNo[0]);
    } else if (completing) {
      // "returned to be completed": back to the last step where data was filled in.
      const lastInput = work.slice(0, i).findLast((p) => p.step.kind === "INPUT");
      if (lastInput) {
        no = lastInput.step.number;
        because = WHY.completing(completing[0]);
      }
    }
    s.noStepNumber = no;
    const decisionWords = explainStepKind(s.kegiatan).because;
    guess(s.number, "kind", s.kind, decisionWords ? WHY.words(decisionWords) : WHY.noKindWords);
    guess(s.number, "noStepNumber", String(no), because);
    if (explicitYes && Number(explicitYes[1]) > s.number + 1 && Number(explicitYes[1]) <= work.length) {
      s.yesStepNumber = Number(explicitYes[1]);
    }
    warn(w.row, s.number, "noStepNumber", MSG.decision(s.number, no));
  }

  return { steps: work.map((w) => w.step), guesses, columns, newRoles, warnings };
}

/**
 * Word copies a line break inside a cell as a plain line break, which cuts the row in
 * two. With a header, a row with fewer cells than the header whose remainder fits in the
 * following line is glued back together (the cut cell keeps its line break).
 */
function mergeBrokenRows(
  rows: { cells: string[]; row: number }[],
  expected: number | null,
  isHeader: (cells: readonly string[]) => boolean,
): { cells: string[]; row: number }[] {
  if (expected === null) return rows;
  const out: { cells: string[]; row: number }[] = [];
  for (const r of rows) {
    const previous = out.at(-1);
    if (
      previous &&
      !isHeader(previous.cells) &&
      !isHeader(r.cells) &&
      previous.cells.length < expected &&
      previous.cells.length + r.cells.length - 1 <= expected
    ) {
      const [head = "", ...rest] = r.cells;
      const lastIndex = previous.cells.length - 1;
      previous.cells = [...previous.cells.slice(0, lastIndex), `${previous.cells[lastIndex] ?? ""}\n${head}`, ...rest];
      continue;
    }
    out.push({ cells: [...r.cells], row: r.row });
  }
  return out;
}

function appendContinuation(target: WorkingStep, cells: readonly string[]) {
  const layout = target.layout;
  const s = target.step;
  const at = (i: number | null | undefined) => (i === null || i === undefined ? "" : cleanMultiline(cells[i] ?? ""));
  const join = (a: string, b: string, sep: string) => (b === "" ? a : a === "" ? b : `${a}${sep}${b}`);
  s.kegiatan = join(s.kegiatan, cleanSingleLine(at(layout?.kegiatan ?? 1)), " ");
  if (!layout) return;
  s.kelengkapan = splitInlineNumberedList(join(s.kelengkapan, at(layout.kelengkapan), "\n"));
  s.output = splitInlineNumberedList(join(s.output, at(layout.output), "\n"));
  s.keterangan = splitInlineNumberedList(join(s.keterangan, at(layout.ket), "\n"));
}
