import "server-only";

import { signaturePlaceDate, type TAgencyPlace } from "@/lib/agency/format";
import { db } from "@/lib/db/client";
import { formatNumber, type TAgencyTimeZone } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/member/name";
import { createPdfDocument, lineHeight, PDF_COLOR as COLOR, PdfTable, printable, text, wrap, type PdfLayout, type TPdfSigner, type TPdfVerification, type TRow } from "@/lib/pdf/document";
import { PDF_FONTS } from "@/lib/pdf/fonts";
import { formatNip } from "@/lib/validation/nip";
import { holdersOfRole } from "@/lib/role/holders";

import type { TCascadeLevel } from "./levels";
import { CASCADE_MESSAGES } from "./messages";

/**
 * A unit's Perjanjian Kinerja of one level (decision 035's UnitAgreement) as the A4 document the
 * format of Permenpan RB 53/2014 lays out (decision 043): the kop, the statement of agreement
 * between pihak pertama (the unit's official) and pihak kedua (the superior), the two signature
 * blocks with place and date, and the lampiran with the table of sasaran, indikator and target
 * copied in the UnitAgreement rows, signed again by both. Drawn through the one PDF path
 * (lib/pdf/document.ts); signed through lib/signing (unit-agreement.ts) with the QR code.
 */
export const UNIT_PK_PDF_MESSAGES = {
  title: (year: number) => `PERJANJIAN KINERJA TAHUN ${year}`,
  opening:
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
  name: "Nama",
  jabatan: "Jabatan",
  firstPartyIs: "selanjutnya disebut pihak pertama.",
  secondPartyIs: "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
  promise:
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
  supervision:
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
  firstParty: "Pihak Pertama,",
  secondParty: "Pihak Kedua,",
  vacant: "(jabatan belum terisi)",
  annex: "LAMPIRAN",
  colNo: "No",
  colSasaran: (level: TCascadeLevel) => (level === "PROGRAM" ? "Sasaran Program" : level === "KEGIATAN" ? "Sasaran Kegiatan" : "Sasaran Sub Kegiatan"),
  colIndicator: "Indikator Kinerja",
  colUnit: "Satuan",
  colTarget: "Target",
  noTarget: "–",
  signedBy: (jabatan: string, name: string) => `Ditandatangani secara elektronik oleh ${jabatan}, ${name}, dengan sertifikat elektronik instansi.`,
  footer: (year: number, unit: string, agency: string) => `Perjanjian Kinerja ${year} · ${unit} · ${agency}`,
} as const;
const M = UNIT_PK_PDF_MESSAGES;

/** One party as the agreement prints it: jabatan as agreed, the official holding it (null: vacant). */
export interface TUnitPkParty {
  jabatan: string;
  person: { name: string; nip: string | null; pangkat: string | null } | null;
}

export interface TUnitPkDocument {
  id: string;
  year: number;
  level: TCascadeLevel;
  unitName: string;
  firstParty: TUnitPkParty;
  secondParty: TUnitPkParty;
  /** The agency head is pihak kedua (a Sasaran Program PK, or no superior unit in the tree). */
  superiorIsHead: boolean;
  rows: { statement: string; name: string; unitOfMeasure: string; target: string | null }[];
}

export interface TUnitPkAgency extends TAgencyPlace {
  id: string;
  name: string;
  governmentName: string;
  timeZone: TAgencyTimeZone;
}

const USER_SELECT = { name: true, gelarDepan: true, gelarBelakang: true, nip: true, pangkat: true } as const;
const UNIT_HEAD_SELECT = { id: true, headUser: { select: USER_SELECT } } as const;
const personOf = (u: { name: string; gelarDepan: string | null; gelarBelakang: string | null; nip: string; pangkat: string | null } | null | undefined) =>
  u ? { name: fullName(u), nip: u.nip, pangkat: u.pangkat?.trim() || null } : null;
const str = (v: Prisma.Decimal | null) => (v === null ? null : v.toString());

/**
 * The unit PK with both parties resolved, or null when it is not the agency's. Pihak pertama is
 * the official holding the unit's head post now (OrgUnit.headUser), under the jabatan copied when
 * the PK was generated; pihak kedua is the head of the unit owning the parent nodes in the tree
 * (a Kegiatan PK), else the agency head: `head` when given (the head signing), else the holder
 * of the head role today. A party whose post is vacant has `person: null`.
 */
export async function loadUnitPkDocument(agency: Pick<TUnitPkAgency, "id" | "name">, unitAgreementId: string, opts: { at: Date; head?: TPdfSigner }): Promise<TUnitPkDocument | null> {
  if (unitAgreementId.length > 40) return null;
  const pk = await db.unitAgreement.findFirst({
    where: { id: unitAgreementId, agencyId: agency.id },
    select: {
      id: true,
      year: true,
      level: true,
      unitId: true,
      unitName: true,
      officialTitle: true,
      superiorTitle: true,
      unit: { select: { headUser: { select: USER_SELECT } } },
      rows: {
        orderBy: { sortOrder: "asc" },
        select: {
          statement: true,
          name: true,
          unitOfMeasure: true,
          target: true,
          cascadeParentId: true,
          cascadeIndicator: { select: { node: { select: { parent: { select: { unit: { select: UNIT_HEAD_SELECT } } } } } } },
        },
      },
    },
  });
  if (!pk) return null;

  // The superior unit, as generated (level-pk.ts): the unit owning the parent node of this PK's
  // nodes in the tree when it is another unit, else the head; once the tree node is gone, the unit
  // of the indicator the row supported.
  let superiorUnit: { id: string; headUser: Parameters<typeof personOf>[0] } | null = null;
  if (pk.level !== "PROGRAM") {
    superiorUnit = pk.rows.map((r) => r.cascadeIndicator?.node.parent?.unit).find((u) => u && u.id !== pk.unitId) ?? null;
    const orphaned = pk.rows.filter((r) => !r.cascadeIndicator && r.cascadeParentId).map((r) => r.cascadeParentId!);
    if (!superiorUnit && orphaned.length) {
      const parents = await db.cascadeIndicator.findMany({ where: { id: { in: orphaned }, agencyId: agency.id }, select: { node: { select: { unit: { select: UNIT_HEAD_SELECT } } } } });
      superiorUnit = parents.map((p) => p.node.unit).find((u) => u && u.id !== pk.unitId) ?? null;
    }
  }
  const superiorIsHead = superiorUnit === null;
  const secondPerson = superiorIsHead ? (opts.head ?? (await headToday(agency, opts.at))) : personOf(superiorUnit!.headUser);
  // An acting head signs as "Plt."/"Plh." of the post agreed.
  const acting = superiorIsHead && opts.head ? /^(Plt\.|Plh\.)\s*/.exec(opts.head.jabatan)?.[0] : undefined;
  return {
    id: pk.id,
    year: pk.year,
    level: pk.level,
    unitName: pk.unitName,
    firstParty: { jabatan: pk.officialTitle, person: personOf(pk.unit.headUser) },
    secondParty: {
      jabatan: acting && !pk.superiorTitle.startsWith(acting.trim()) ? `${acting.trim()} ${pk.superiorTitle}` : pk.superiorTitle,
      person: secondPerson ? { name: secondPerson.name, nip: secondPerson.nip, pangkat: secondPerson.pangkat } : null,
    },
    superiorIsHead,
    rows: pk.rows.map((r) => ({ statement: r.statement, name: r.name, unitOfMeasure: r.unitOfMeasure, target: str(r.target) })),
  };
}

/** The holder of the agency's head role today (a member before an acting official), or null. */
async function headToday(agency: Pick<TUnitPkAgency, "id" | "name">, at: Date): Promise<TPdfSigner | null> {
  // Imported when needed: lib/signing imports this module to sign the PK.
  const { headSignerBlock } = await import("@/lib/signing/service");
  const head = await db.role.findFirst({ where: { agencyId: agency.id, isHead: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (!head) return null;
  const [userId] = await holdersOfRole(db, agency.id, head.id, at);
  if (!userId) return null;
  return headSignerBlock(agency, userId, at).catch(() => null);
}

export function unitPkFilename(pk: Pick<TUnitPkDocument, "year" | "level" | "unitName">): string {
  const slug = pk.unitName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
  return `pk-${pk.year}-${pk.level.toLowerCase()}-${slug || "unit"}.pdf`;
}

/** The target as printed: "1.100", "85,5"; no target: a dash. */
export const printedTarget = (value: string | null) => (value === null ? M.noTarget : formatNumber(Number(value)));

const SIZE = 9;
const COLUMN = 230;
const QR = 72;

/** One signature column: lead ("Pihak Kedua,"), jabatan, room to sign, the name underlined, pangkat, NIP. */
function column(layout: PdfLayout, x: number, top: number, lead: string, party: TUnitPkParty, placeDate: string | null, pangkatLine: boolean) {
  const h = lineHeight(SIZE);
  layout.y = top;
  // Both columns start level: the left one leaves the place-and-date line empty.
  if (placeDate !== null) layout.paragraph(placeDate, { x, width: COLUMN, align: "center", size: SIZE });
  else layout.y += h;
  layout.paragraph(lead, { x, width: COLUMN, align: "center", size: SIZE });
  layout.paragraph(party.jabatan, { x, width: COLUMN, align: "center", size: SIZE });
  layout.y += 48;
  const name = party.person?.name || M.vacant;
  for (const line of wrap(layout.doc, name, COLUMN, "bold", SIZE)) {
    layout.paragraph(line, { x, width: COLUMN, align: "center", size: SIZE, font: "bold" });
    if (!party.person) continue;
    const w = Math.min(COLUMN, layout.doc.font(PDF_FONTS.bold).fontSize(SIZE).widthOfString(printable(layout.doc, line)));
    layout.line(x + (COLUMN - w) / 2, layout.y - 1, x + (COLUMN + w) / 2, layout.y - 1, 0.6);
  }
  if (party.person?.pangkat) layout.paragraph(party.person.pangkat, { x, width: COLUMN, align: "center", size: SIZE });
  // The NIPs stay level when only the other party has a pangkat.
  else if (pangkatLine) layout.y += h;
  if (party.person?.nip) layout.paragraph(`NIP ${formatNip(party.person.nip)}`, { x, width: COLUMN, align: "center", size: SIZE });
  return layout.y;
}

/** Pihak kedua at the left, pihak pertama at the right under the place and date, as the format prints them. */
function signatures(layout: PdfLayout, pk: TUnitPkDocument, placeDate: string) {
  const lines = (party: TUnitPkParty) => wrap(layout.doc, party.jabatan, COLUMN, "regular", SIZE).length + wrap(layout.doc, party.person?.name || M.vacant, COLUMN, "bold", SIZE).length + 4;
  layout.keep(lineHeight(SIZE) * Math.max(lines(pk.firstParty), lines(pk.secondParty)) + 56);
  const top = layout.y;
  const pangkatLine = Boolean(pk.firstParty.person?.pangkat || pk.secondParty.person?.pangkat);
  const left = column(layout, layout.left + 10, top, M.secondParty, pk.secondParty, null, pangkatLine);
  const right = column(layout, layout.right - COLUMN - 10, top, M.firstParty, pk.firstParty, placeDate, pangkatLine);
  layout.y = Math.max(left, right) + 10;
}

/** The QR code of the public code with the address, and who signed with the agency's certificate. */
function verificationMark(layout: PdfLayout, v: TPdfVerification, signedBy: TPdfSigner) {
  layout.keep(QR + 8);
  const { doc } = layout;
  const top = layout.y;
  doc.image(v.qrPng, layout.left, top, { width: QR, height: QR });
  const x = layout.left + QR + 10;
  const width = layout.right - x;
  layout.y = top + 2;
  layout.paragraph(`Kode verifikasi: ${v.code}`, { x, width, font: "bold", size: 8.5, gap: 2 });
  layout.paragraph(M.signedBy(signedBy.jabatan, signedBy.name), { x, width, size: 7.5, gap: 2 });
  layout.paragraph("Pindai kode QR atau buka alamat di bawah untuk memeriksa keaslian dokumen ini.", { x, width, size: 7, color: COLOR.muted });
  layout.paragraph(v.url, { x, width, size: 7, color: COLOR.muted });
  layout.y = Math.max(layout.y, top + QR) + 6;
}

/** The party's "Nama : ... / Jabatan : ..." lines. */
function partyFields(layout: PdfLayout, party: TUnitPkParty, after: string) {
  layout.fields(
    [
      [M.name, `: ${party.person?.name || M.vacant}`],
      [M.jabatan, `: ${party.jabatan}`],
    ],
    { labelWidth: 70, size: SIZE, gap: 2 },
  );
  layout.paragraph(after, { size: SIZE, gap: 8 });
}

export async function buildUnitPkPdf(
  pk: TUnitPkDocument,
  agency: TUnitPkAgency,
  opts: { at: Date; signature?: { signedBy: TPdfSigner; verification: TPdfVerification } },
): Promise<Buffer> {
  const levelLabel = CASCADE_MESSAGES.level[pk.level];
  const { layout, finish } = createPdfDocument({
    orientation: "portrait",
    info: { title: `${M.title(pk.year)} – ${pk.unitName}`, author: agency.name, subject: `${levelLabel} ${pk.unitName}` },
    at: opts.at,
    timeZone: agency.timeZone,
    footer: M.footer(pk.year, pk.unitName, agency.name),
  });
  const placeDate = signaturePlaceDate(agency, opts.at);

  // --- the agreement -------------------------------------------------------------------------
  layout.kop(agency);
  layout.paragraph(M.title(pk.year), { font: "bold", size: 12, align: "center" });
  layout.paragraph(pk.unitName.toUpperCase(), { font: "bold", size: 11, align: "center", gap: 14 });
  layout.paragraph(M.opening, { size: SIZE, gap: 8 });
  partyFields(layout, pk.firstParty, M.firstPartyIs);
  partyFields(layout, pk.secondParty, M.secondPartyIs);
  layout.paragraph(M.promise, { size: SIZE, gap: 6 });
  layout.paragraph(M.supervision, { size: SIZE, gap: 18 });
  signatures(layout, pk, placeDate);
  if (opts.signature) verificationMark(layout, opts.signature.verification, opts.signature.signedBy);

  // --- the lampiran: the table of sasaran, indicators and targets ----------------------------
  layout.newPage();
  layout.paragraph(M.annex, { font: "bold", size: 9, align: "left", gap: 4 });
  layout.paragraph(M.title(pk.year), { font: "bold", size: 12, align: "center" });
  layout.paragraph(pk.unitName.toUpperCase(), { font: "bold", size: 11, align: "center" });
  layout.paragraph(agency.name.toUpperCase(), { font: "bold", size: 10, align: "center", gap: 12 });
  const table = new PdfTable(layout, PdfTable.columns(layout, [24, 170, 0, 60, 70], ["center", "left", "left", "center", "right"]), [
    { text: M.colNo, col: 0, row: 0 },
    { text: M.colSasaran(pk.level), col: 1, row: 0 },
    { text: M.colIndicator, col: 2, row: 0 },
    { text: M.colUnit, col: 3, row: 0 },
    { text: M.colTarget, col: 4, row: 0 },
  ]);
  table.start();
  let n = 0;
  let previous: string | null = null;
  const rows: TRow[] = pk.rows.map((r) => {
    const first = r.statement !== previous;
    previous = r.statement;
    if (first) n++;
    return {
      cells: [
        { parts: text(first ? String(n) : "") },
        { parts: text(first ? r.statement : "") },
        { parts: text(r.name) },
        { parts: text(r.unitOfMeasure) },
        { parts: text(printedTarget(r.target)) },
      ],
    };
  });
  for (const row of rows) table.rows([row]);
  layout.y += 18;
  signatures(layout, pk, placeDate);
  return finish();
}

/** The first unit PK of a year, in the page's order (level, unit), or null. */
export async function firstUnitPkId(agencyId: string, year: number): Promise<string | null> {
  const first = await db.unitAgreement.findFirst({ where: { agencyId, year }, orderBy: [{ level: "asc" }, { unit: { sortOrder: "asc" } }, { unitName: "asc" }], select: { id: true } });
  return first?.id ?? null;
}

/** The unit PK as a PDF (unsigned: to read, or to sign by hand), or null when it is not the agency's. */
export async function buildUnitPkFile(agency: TUnitPkAgency, unitAgreementId: string, at = new Date()) {
  const pk = await loadUnitPkDocument(agency, unitAgreementId, { at });
  if (!pk) return null;
  return { pk, pdf: await buildUnitPkPdf(pk, agency, { at }), fileName: unitPkFilename(pk) };
}
