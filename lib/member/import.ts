import type ExcelJS from "exceljs";

import { nipProblem, normalizeNip } from "@/lib/validation/nip";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { MEMBER_MESSAGES as M } from "./messages";

/**
 * Import of many members from an xlsx shaped like a SIMPEG/SIASN export
 * (NIP BARU, NAMA, GELAR DEPAN, GELAR BELAKANG, JABATAN NAMA, GOL AKHIR NAMA,
 * UNOR NAMA) plus the app's PERAN and EMAIL columns, or the app's template
 * (NIP, Nama, Gelar Depan, Gelar Belakang, Jabatan, Pangkat/Golongan, Unit
 * Kerja, Peran, Email). Headers are matched leniently (case, spaces,
 * punctuation). Pure: the agency's facts (units, roles, members, e-mails
 * taken) are passed in, and every row gets the list of its problems; nothing
 * is written unless no row has one (lib/member/service.ts).
 *
 * exceljs is loaded only when a workbook is read or built.
 */

export const MEMBER_IMPORT_MAX_BYTES = 2_000_000;
export const MEMBER_IMPORT_MAX_ROWS = 1000;

export const MEMBER_COLUMNS = [
  { key: "nip", header: "NIP", aliases: ["NIP", "NIP BARU", "NIPBARU", "NIP 18"], width: 22 },
  { key: "name", header: "Nama", aliases: ["NAMA", "NAMA LENGKAP", "NAMA PEGAWAI"], width: 30 },
  { key: "gelarDepan", header: "Gelar Depan", aliases: ["GELAR DEPAN"], width: 12 },
  { key: "gelarBelakang", header: "Gelar Belakang", aliases: ["GELAR BELAKANG"], width: 14 },
  { key: "jabatan", header: "Jabatan", aliases: ["JABATAN", "JABATAN NAMA", "NAMA JABATAN"], width: 34 },
  {
    key: "pangkat",
    header: "Pangkat/Golongan",
    aliases: ["PANGKAT/GOLONGAN", "PANGKAT GOLONGAN", "PANGKAT", "GOLONGAN", "GOL AKHIR NAMA", "GOL RUANG", "PANGKAT/GOL"],
    width: 24,
  },
  { key: "unit", header: "Unit Kerja", aliases: ["UNIT KERJA", "UNOR NAMA", "UNOR", "UNIT", "SATUAN KERJA"], width: 30 },
  { key: "roles", header: "Peran", aliases: ["PERAN", "PERAN APLIKASI"], width: 30 },
  { key: "email", header: "Email", aliases: ["EMAIL", "E-MAIL", "SUREL"], width: 28 },
] as const;
export type TMemberColumn = (typeof MEMBER_COLUMNS)[number]["key"];

export type TMemberRowValues = Record<TMemberColumn, string>;
export interface TMemberImportRow extends TMemberRowValues {
  /** The row number in the sheet, as the spreadsheet shows it. */
  row: number;
}

export interface TMemberFacts {
  units: { id: string; name: string; active: boolean }[];
  roles: { code: string; name: string }[];
  /** NIPs already members of the agency. */
  memberNips: Set<string>;
  /** Existing accounts (any agency) by NIP: they join with their own password. */
  accountsByNip: Map<string, { id: string; email: string | null }>;
  /** E-mails already used by an account, lower case, with the account's NIP. */
  emailsTaken: Map<string, string>;
  /** Role codes that an import never grants. */
  reservedCodes: readonly string[];
}

export interface TMemberPreviewRow extends TMemberImportRow {
  existingAccount: boolean;
  unitId: string | null;
  roleCodes: string[];
  problems: string[];
}

export interface TMemberPreview {
  rows: TMemberPreviewRow[];
  /** Messages about the file itself (no header, no rows). */
  fileProblems: string[];
  blocking: boolean;
}

const squash = (v: string) => v.replace(/\s+/g, " ").trim();
const headerKey = (v: string) => v.toUpperCase().replace(/[^A-Z0-9/]+/g, " ").replace(/\s*\/\s*/g, "/").trim();
const nameKey = (v: string) => squash(v).toLocaleLowerCase("id");

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return "";
  }
  // A NIP typed as a number loses nothing below 2^53 only if it has ≤ 15 digits: 18-digit NIPs must be text.
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  return String(v);
}

/** Reads the first sheet with a NIP and a Nama column; rows below its header until the end. */
export async function readMemberWorkbook(bytes: Buffer | Uint8Array): Promise<{ rows: TMemberImportRow[]; fileProblems: string[] }> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { rows: [], fileProblems: [M.fileUnreadable] };
  }
  for (const sheet of wb.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
      const header = sheet.getRow(r);
      const columns = new Map<TMemberColumn, number>();
      header.eachCell((cell, col) => {
        const key = headerKey(cellText(cell));
        const found = MEMBER_COLUMNS.find((c) => (c.aliases as readonly string[]).includes(key));
        if (found && !columns.has(found.key)) columns.set(found.key, col);
      });
      if (!columns.has("nip") || !columns.has("name")) continue;
      const rows: TMemberImportRow[] = [];
      for (let i = r + 1; i <= sheet.rowCount; i++) {
        const row = sheet.getRow(i);
        const values = Object.fromEntries(
          MEMBER_COLUMNS.map((c) => [c.key, columns.has(c.key) ? squash(cellText(row.getCell(columns.get(c.key)!))) : ""]),
        ) as TMemberRowValues;
        if (Object.values(values).every((v) => v === "")) continue;
        rows.push({ row: i, ...values });
      }
      if (rows.length === 0) return { rows, fileProblems: [M.noRows] };
      if (rows.length > MEMBER_IMPORT_MAX_ROWS) return { rows: [], fileProblems: [M.tooManyRows(MEMBER_IMPORT_MAX_ROWS)] };
      return { rows, fileProblems: [] };
    }
  }
  return { rows: [], fileProblems: [M.noHeader] };
}

const LIMITS: Partial<Record<TMemberColumn, [string, number]>> = {
  name: ["Nama", 200],
  gelarDepan: ["Gelar depan", 60],
  gelarBelakang: ["Gelar belakang", 60],
  jabatan: ["Jabatan", 200],
  pangkat: ["Pangkat/golongan", 100],
  email: ["Email", 200],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every row's problems, against the agency's facts: nothing is written here. */
export function checkMemberRows(rows: TMemberImportRow[], facts: TMemberFacts): TMemberPreviewRow[] {
  const unitsByName = new Map(facts.units.filter((u) => u.active).map((u) => [nameKey(u.name), u.id]));
  const rolesByName = new Map(facts.roles.map((r) => [nameKey(r.name), r]));
  const rolesByCode = new Map(facts.roles.map((r) => [r.code.toUpperCase(), r]));
  const nipRows = new Map<string, number[]>();
  const emailRows = new Map<string, number[]>();
  for (const r of rows) {
    const nip = normalizeNip(r.nip);
    if (nip) nipRows.set(nip, [...(nipRows.get(nip) ?? []), r.row]);
    const email = r.email.toLowerCase();
    if (email) emailRows.set(email, [...(emailRows.get(email) ?? []), r.row]);
  }
  return rows.map((raw) => {
    const r = { ...raw, nip: normalizeNip(raw.nip), email: raw.email.toLowerCase() };
    const problems: string[] = [];
    for (const [key, [label, max]] of Object.entries(LIMITS) as [TMemberColumn, [string, number]][]) {
      if (r[key].length > max) problems.push(M.row.tooLong(label, max));
    }
    if (Object.values(r).some((v) => typeof v === "string" && hasControlCharacters(v))) problems.push("Baris memuat karakter kendali.");
    const account = facts.accountsByNip.get(r.nip);
    if (!r.nip) problems.push(M.row.nipMissing);
    else {
      const bad = nipProblem(r.nip);
      if (bad) problems.push(bad);
      const dup = (nipRows.get(r.nip) ?? []).filter((n) => n !== r.row);
      if (dup.length > 0) problems.push(M.row.nipDuplicateInFile(dup));
      if (facts.memberNips.has(r.nip)) problems.push(M.row.nipAlreadyMember);
    }
    if (!r.name && !account) problems.push(M.row.nameMissing);
    let unitId: string | null = null;
    if (r.unit) {
      unitId = unitsByName.get(nameKey(r.unit)) ?? null;
      if (!unitId) problems.push(M.row.unitUnknown(r.unit));
    }
    const roleCodes: string[] = [];
    const roleNames = r.roles
      .split(/[,;\n]/)
      .map(squash)
      .filter(Boolean);
    if (roleNames.length === 0) problems.push(M.row.roleMissing);
    for (const name of roleNames) {
      const role = rolesByName.get(nameKey(name)) ?? rolesByCode.get(name.toUpperCase());
      if (!role) problems.push(M.row.roleUnknown(name));
      else if (facts.reservedCodes.includes(role.code)) problems.push(M.row.roleReserved(name));
      else if (!roleCodes.includes(role.code)) roleCodes.push(role.code);
    }
    if (r.email) {
      if (!EMAIL.test(r.email)) problems.push(M.row.emailFormat(r.email));
      const dup = (emailRows.get(r.email) ?? []).filter((n) => n !== r.row);
      if (dup.length > 0) problems.push(M.row.emailDuplicateInFile(dup));
      const owner = facts.emailsTaken.get(r.email);
      // An existing account keeps its own e-mail; a new one may not take someone else's.
      if (owner !== undefined && owner !== r.nip) problems.push(M.row.emailTaken(r.email));
    }
    return { ...r, existingAccount: Boolean(account), unitId, roleCodes, problems };
  });
}

export function previewOf(rows: TMemberPreviewRow[], fileProblems: string[]): TMemberPreview {
  return { rows, fileProblems, blocking: fileProblems.length > 0 || rows.some((r) => r.problems.length > 0) };
}

/**
 * The template to fill: the columns above, with the agency's roles and active
 * units on a second sheet (names to copy), and a note that NIPs are text.
 */
export async function buildMemberTemplate(agency: { name: string; roles: string[]; units: string[] }): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const sheet = wb.addWorksheet("Pegawai");
  sheet.columns = MEMBER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // NIPs are 18 digits: as numbers, Excel would round them.
  sheet.getColumn(1).numFmt = "@";
  const help = wb.addWorksheet("Petunjuk");
  help.columns = [
    { header: "Peran yang tersedia", key: "role", width: 36 },
    { header: "Unit kerja yang tersedia", key: "unit", width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  const n = Math.max(agency.roles.length, agency.units.length);
  for (let i = 0; i < n; i++) help.addRow({ role: agency.roles[i] ?? "", unit: agency.units[i] ?? "" });
  help.addRow({});
  help.addRow({ role: `Templat impor anggota ${agency.name}.` });
  help.addRow({ role: "NIP 18 digit ditulis sebagai teks. Beberapa peran dipisahkan koma." });
  help.addRow({ role: "Kolom ekspor SIMPEG/SIASN (NIP BARU, NAMA, GELAR DEPAN, GELAR BELAKANG, JABATAN NAMA, GOL AKHIR NAMA, UNOR NAMA) juga dikenali." });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
