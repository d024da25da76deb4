/**
 * A unit's Perjanjian Kinerja of a level as a PDF and signed (issue #17 item 1, decision 043). A
 * fresh agency builds a three-level pohon kinerja and generates the PK per level (decision 035);
 * the PDF of the Bidang's PK, read back with poppler, names both parties (the Kepala Bidang as
 * pihak pertama with NIP and pangkat, the Kepala Dinas as pihak kedua) and lists exactly the
 * UnitAgreement rows with their targets; a Seksi's pihak kedua is its Kepala Bidang. The head
 * signs it (PAdES verified by pdfsig, public code, UNIT_AGREEMENT); refused with nothing stored:
 * another agency's PK, anyone but the head, a vacant post, a PK already signed.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { AppError } from "@/lib/authz/errors";
import { generateLevelAgreements } from "@/lib/cascade/level-pk";
import { buildUnitPkFile, firstUnitPkId, printedTarget } from "@/lib/cascade/level-pk-pdf";
import { createNode, createPeriod, saveIndicator, type CascadeActor } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";
import { formatNip } from "@/lib/validation/nip";
import { makeDemoP12 } from "@/lib/signing/certificate";
import { SIGNING_MESSAGES as S } from "@/lib/signing/messages";
import { checkDocumentFile, findPublicDocument, revokeDocument, type TSigningCtx } from "@/lib/signing/service";
import { P12PadesSigner } from "@/lib/signing/signer";
import { signUnitAgreement, unitPkSignatures } from "@/lib/signing/unit-agreement";

import { actorOf, addMembership, createAgency, createUser } from "./factories";
import { pdfFonts, pdfToText } from "./pdf-text";
import { storedFileBytes } from "./stored-bytes";
import { temporaryFileStorage } from "./temp-storage";

const YEAR = 2026;
const AT = new Date("2026-12-04T03:00:00Z");
const run = promisify(execFile);
const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");
const storage = temporaryFileStorage("alur-unit-pk-it-");

async function layoutText(pdf: Buffer): Promise<string[]> {
  const file = path.join(storage.base, `layout-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.normalize("NFC").split("\n");
}

/** The "Nama : … / Jabatan : …" pairs of page 1 with the line after each (pdftotext -layout lines, trimmed). */
function parties(lines: string[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  lines.forEach((l, i) => {
    const name = /^Nama\s+: (.+)$/.exec(l);
    const jabatan = /^Jabatan\s+: (.+)$/.exec(lines[i + 1] ?? "");
    if (name && jabatan) out.push([name[1]!, jabatan[1]!, (lines.slice(i + 2).find((x) => x !== "") ?? "")]);
  });
  return out;
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

async function world() {
  const agency = await createAgency();
  await db.agency.update({ where: { id: agency.id }, data: { city: "Padang" } });
  const kadis = await createUser({ name: "Ṣāliḥ Nuñez Đặng" });
  const kabid = await createUser({ name: "Budi Santoso" });
  const kasi = await createUser({ name: "Rina Marlina" });
  const admin = await createUser();
  await db.user.update({ where: { id: kadis.id }, data: { pangkat: "Pembina Utama Muda (IV/c)", gelarDepan: "Dr." } });
  await db.user.update({ where: { id: kabid.id }, data: { pangkat: "Pembina (IV/a)", gelarBelakang: "S.T., M.T." } });
  // The head role as agencies name it: the signature block prints "Kepala Dinas <agency>".
  await db.role.updateMany({ where: { agencyId: agency.id, isHead: true }, data: { name: "Kepala Dinas" } });
  await addMembership(kadis.id, agency, "KADIS");
  await addMembership(admin.id, agency, "ADMIN");
  await addMembership(kabid.id, agency, "TIM_SAKIP");
  await addMembership(kasi.id, agency, "TIM_SAKIP");
  const bidangA = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Aplikasi", kind: "BIDANG", headTitle: "Kepala Bidang Aplikasi", headUserId: kabid.id, sortOrder: 1 } });
  const bidangB = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Statistik", kind: "BIDANG", sortOrder: 2 } });
  const seksi = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Seksi Layanan", kind: "SEKSI", parentId: bidangA.id, headUserId: kasi.id, sortOrder: 3 } });
  const who: CascadeActor = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  const period = await createPeriod({ startYear: 2025 }, who);
  const node = (level: "TUJUAN" | "SASARAN" | "PROGRAM" | "KEGIATAN", statement: string, parentId: string | null, unitId: string | null = null) =>
    createNode({ periodId: period.id, level, statement, parentId, unitId }, who).then((n) => n.id);
  const ind = (nodeId: string, name: string, unitOfMeasure: string, target: string, parentIndicatorId: string | null = null) =>
    saveIndicator({ nodeId, name, unitOfMeasure, polarity: "HIGHER", rollUp: "OWN", parentIndicatorId, targets: [{ year: YEAR, value: target }] }, who).then((i) => i.id);
  const tujuan = await node("TUJUAN", "Meningkatnya tata kelola digital", null);
  const sasaran = await node("SASARAN", "Meningkatnya kualitas layanan digital", tujuan);
  const pa = await node("PROGRAM", "Meningkatnya layanan aplikasi", sasaran, bidangA.id);
  const pa2 = await node("PROGRAM", "Meningkatnya keamanan aplikasi", sasaran, bidangA.id);
  const pb = await node("PROGRAM", "Meningkatnya data statistik sektoral", sasaran, bidangB.id);
  const ka = await node("KEGIATAN", "Tersedianya layanan aplikasi", pa, seksi.id);
  const s1 = await ind(sasaran, "Indeks kepuasan layanan digital", "indeks", "80");
  const pa1 = await ind(pa, "Jumlah layanan terintegrasi", "layanan", "1100", s1);
  await ind(pa, "Kepuasan pengguna aplikasi", "%", "85.5", s1);
  await ind(pa2, "Insiden keamanan tertangani", "%", "100", s1);
  await ind(pb, "Jumlah set data terbit", "set data", "40", s1);
  await ind(ka, "Aplikasi layanan aktif", "aplikasi", "25", pa1);
  await generateLevelAgreements({ periodId: period.id, year: YEAR, firstPartyName: "Dr. Ṣāliḥ Nuñez Đặng", firstPartyJabatan: "Kepala Dinas Uji", secondPartyName: "Gubernur Uji", secondPartyJabatan: "Gubernur" }, who);
  const pkOf = (unitId: string) => db.unitAgreement.findFirstOrThrow({ where: { agencyId: agency.id, unitId }, include: { rows: { orderBy: { sortOrder: "asc" } } } });
  const full = await db.agency.findUniqueOrThrow({ where: { id: agency.id }, include: { government: true } });
  const agencyCtx = { id: full.id, name: full.name, slug: full.slug, governmentName: full.government.name, timeZone: full.timeZone, city: full.city, settings: readAgencySettings(full.settings) };
  const signingCtx = (user: { id: string; name: string; nip: string }, role: string): TSigningCtx => ({ agency: agencyCtx, userId: user.id, actor: actorOf(user, [role]), meta: null });
  return { agency, agencyCtx, signingCtx, users: { kadis, kabid, kasi, admin }, pk: { bidangA: await pkOf(bidangA.id), bidangB: await pkOf(bidangB.id), seksi: await pkOf(seksi.id) } };
}

let w: Awaited<ReturnType<typeof world>>;
const signer = () => new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");

beforeAll(async () => {
  w = await world();
}, 120_000);

describe("the unit PK as a PDF", () => {
  it("the Bidang's PK: the statement between both parties, the rows and targets of the UnitAgreement, both signature blocks", async () => {
    const built = (await buildUnitPkFile(w.agencyCtx, w.pk.bidangA.id, AT))!;
    expect(built.fileName).toBe("pk-2026-program-bidang-aplikasi.pdf");
    const text = flat(await pdfToText(built.pdf));
    expect(text).toContain("PERJANJIAN KINERJA TAHUN 2026");
    expect(text).toContain("BIDANG APLIKASI");
    expect(text).toContain("kami yang bertanda tangan di bawah ini");
    expect(text).toContain("Pihak pertama berjanji akan mewujudkan target kinerja");
    expect(text).toContain("Pihak kedua akan melakukan supervisi");

    const lines = (await layoutText(built.pdf)).map((l) => l.trim());
    // Pihak pertama: the official holding the unit's head post, under the jabatan agreed; pihak
    // kedua of a Sasaran Program: the head, with the jabatan copied when the PK was generated.
    expect(parties(lines)).toEqual([
      ["Budi Santoso, S.T., M.T.", "Kepala Bidang Aplikasi", "selanjutnya disebut pihak pertama."],
      ["Dr. Ṣāliḥ Nuñez Đặng", "Kepala Dinas Uji", "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."],
    ]);
    // Both blocks, twice (the agreement and its lampiran): place and date, names, pangkat and NIP side by side.
    expect(lines.filter((l) => /^Padang, 4 Desember 2026$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^Pihak Kedua,\s+Pihak Pertama,$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^Dr\. Ṣāliḥ Nuñez Đặng\s+Budi Santoso, S\.T\., M\.T\.$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^Pembina Utama Muda \(IV\/c\)\s+Pembina \(IV\/a\)$/.test(l))).toHaveLength(2);
    const nips = new RegExp(`^NIP ${formatNip(w.users.kadis.nip)}\\s+NIP ${formatNip(w.users.kabid.nip)}$`);
    expect(lines.filter((l) => nips.test(l))).toHaveLength(2);

    // The lampiran: one line per UnitAgreement row with its satuan and its target as printed.
    expect(w.pk.bidangA.rows).toHaveLength(3);
    for (const r of w.pk.bidangA.rows) {
      const line = lines.find((l) => l.includes(r.name));
      expect(line, r.name).toBeDefined();
      expect(line).toContain(r.unitOfMeasure);
      expect(line!.split(/\s{2,}/).at(-1)).toBe(printedTarget(r.target?.toString() ?? null));
    }
    expect(w.pk.bidangA.rows.map((r) => printedTarget(r.target?.toString() ?? null))).toEqual(["1.100", "85,5", "100"]);
    // Each sasaran numbered once, beside its first indicator.
    expect(lines.some((l) => /^1\s+Meningkatnya layanan aplikasi\s+Jumlah layanan terintegrasi/.test(l))).toBe(true);
    expect(lines.some((l) => /^2\s+Meningkatnya keamanan aplikasi\s+Insiden keamanan tertangani/.test(l))).toBe(true);
    expect(text).not.toContain("Kode verifikasi");
    for (const font of await pdfFonts(built.pdf)) expect(font).toMatchObject({ name: expect.stringMatching(/Inter/), embedded: true });
  });

  it("a Seksi's PK has its Kepala Bidang as pihak kedua; a vacant post reads as such", async () => {
    const seksi = await layoutText((await buildUnitPkFile(w.agencyCtx, w.pk.seksi.id, AT))!.pdf);
    expect(parties(seksi.map((l) => l.trim())).map(([name, jabatan]) => [name, jabatan])).toEqual([
      ["Rina Marlina", "Kepala Seksi Layanan"],
      ["Budi Santoso, S.T., M.T.", "Kepala Bidang Aplikasi"],
    ]);
    expect(seksi.some((l) => l.includes("Aplikasi layanan aktif") && l.trim().endsWith("25"))).toBe(true);
    // Only the Kepala Bidang has a pangkat: the two NIPs still print on one line.
    const nips = new RegExp(`^NIP ${formatNip(w.users.kabid.nip)}\\s+NIP ${formatNip(w.users.kasi.nip)}$`);
    expect(seksi.filter((l) => nips.test(l.trim()))).toHaveLength(2);
    const vacant = await layoutText((await buildUnitPkFile(w.agencyCtx, w.pk.bidangB.id, AT))!.pdf);
    expect(parties(vacant.map((l) => l.trim()))[0]!.slice(0, 2)).toEqual(["(jabatan belum terisi)", "Kepala Bidang Statistik"]);
  });

  it("is not found for another agency; without an id the download takes the year's first unit PK", async () => {
    const other = await createAgency();
    expect(await buildUnitPkFile({ ...w.agencyCtx, id: other.id }, w.pk.bidangA.id, AT)).toBeNull();
    expect(await firstUnitPkId(w.agency.id, YEAR)).toBe(w.pk.bidangA.id);
    expect(await firstUnitPkId(w.agency.id, 2027)).toBeNull();
    expect(await firstUnitPkId(other.id, YEAR)).toBeNull();
  });
});

describe("signing the unit PK", () => {
  it("is refused, with nothing stored, for anyone but the head, a vacant post, and another agency's PK", async () => {
    const before = await db.signedDocument.count({ where: { agencyId: w.agency.id } });
    expect((await refused(signUnitAgreement(w.signingCtx(w.users.admin, "ADMIN"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT }))).message).toBe(S.notHead);
    expect((await refused(signUnitAgreement(w.signingCtx(w.users.kabid, "TIM_SAKIP"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT }))).message).toBe(S.notHead);
    expect((await refused(signUnitAgreement(w.signingCtx(w.users.kadis, "KADIS"), { unitAgreementId: w.pk.bidangB.id }, { signer: signer(), at: AT }))).message).toBe(
      S.unitAgreementVacant("Pihak pertama", "Kepala Bidang Statistik"),
    );
    const other = await world();
    const foreign = await refused(signUnitAgreement(other.signingCtx(other.users.kadis, "KADIS"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT }));
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: S.unitAgreementNotFound });
    expect(await db.signedDocument.count({ where: { agencyId: { in: [w.agency.id, other.agency.id] } } })).toBe(before);
    expect((await unitPkSignatures(w.agency.id, YEAR)).size).toBe(0);
  }, 120_000);

  it("the head signs: PAdES verified by pdfsig, the code and who signed printed, the public page names a unit PK; once only", async () => {
    const doc = await signUnitAgreement(w.signingCtx(w.users.kadis, "KADIS"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT });
    const pdf = await storedFileBytes(doc.fileId);
    const text = flat(await pdfToText(pdf));
    expect(text).toContain(`Kode verifikasi: ${doc.code.slice(0, 5)}-${doc.code.slice(5)}`);
    expect(text).toContain(`/v/${doc.code}`);
    expect(text).toContain(`Ditandatangani secara elektronik oleh Kepala ${w.agency.name}, Dr. Ṣāliḥ Nuñez Đặng, dengan sertifikat elektronik instansi.`);
    expect(text).toContain("Jumlah layanan terintegrasi");
    const file = path.join(storage.base, "pk.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdfsig", [file]);
    expect(stdout).toContain("Signature Validation: Signature is Valid.");

    const pub = (await findPublicDocument(doc.code))!;
    expect(pub).toMatchObject({ kind: "UNIT_AGREEMENT", agencyName: w.agency.name, status: "SIGNED", method: "PADES", sha256: doc.sha256 });
    expect(pub.title).toBe("Perjanjian Kinerja Tahun 2026 Sasaran Program Bidang Aplikasi");
    expect(await checkDocumentFile(doc.code, pdf)).toEqual({ match: true, status: "SIGNED" });
    const stored = await db.signedDocument.findUniqueOrThrow({ where: { code: doc.code } });
    expect(stored).toMatchObject({ kind: "UNIT_AGREEMENT", subject: { unitAgreementId: w.pk.bidangA.id, year: YEAR }, signerName: "Dr. Ṣāliḥ Nuñez Đặng" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "document.sign", entityId: stored.id } });
    expect(audit.data).toMatchObject({ kind: "UNIT_AGREEMENT", code: doc.code });
    expect((await unitPkSignatures(w.agency.id, YEAR)).get(w.pk.bidangA.id)).toMatchObject({ code: doc.code, status: "SIGNED", fileId: doc.fileId });

    // One valid copy per PK: a second signature is refused until the first is revoked.
    const again = await refused(signUnitAgreement(w.signingCtx(w.users.kadis, "KADIS"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT }));
    expect(again.message).toBe(S.unitAgreementSigned(`${doc.code.slice(0, 5)}-${doc.code.slice(5)}`));
    expect(await db.signedDocument.count({ where: { agencyId: w.agency.id } })).toBe(1);
    await revokeDocument(w.signingCtx(w.users.kadis, "KADIS"), { documentId: stored.id, reason: "Target direvisi" }, { at: AT });
    expect((await unitPkSignatures(w.agency.id, YEAR)).get(w.pk.bidangA.id)).toMatchObject({ code: doc.code, status: "REVOKED" });
    const second = await signUnitAgreement(w.signingCtx(w.users.kadis, "KADIS"), { unitAgreementId: w.pk.bidangA.id }, { signer: signer(), at: AT });
    expect((await unitPkSignatures(w.agency.id, YEAR)).get(w.pk.bidangA.id)).toMatchObject({ code: second.code, status: "SIGNED" });
  }, 120_000);
});
