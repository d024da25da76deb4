/**
 * The e-SAKIP package and the PDF report on a real database and a temporary
 * ALUR_FILES_DIR: a PK with realizations and data dukung uploaded through the
 * storage service, the package streamed and read back as a zip. What the
 * planning officer relies on: both xlsx forms and the PDF are inside, every
 * data dukung file of the period (and only of the period) is there byte for
 * byte under its indicator, duplicate names are numbered, and MANIFEST.txt
 * lists every file with a sha256 that matches what was extracted. A stored
 * file gone missing is reported, not silently dropped. Each evidence file in
 * the package is recorded as a download.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { inflateRawSync } from "node:zlib";

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import {
  archiveSegment,
  esakipFileNames,
  evidencePaths,
  MANIFEST_NAME,
  prepareEsakipPackage,
  recordPackageFileDownloads,
  streamEsakipPackage,
  type TEvidenceOutcome,
} from "@/lib/performance/esakip-package";
import { loadAgreement, memberUnitIds } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { buildPerformanceReportPdf } from "@/lib/performance/report-pdf";
import { ZAgreementInput, ZRealizationReview, ZRealizationSave, type TAgreementInput } from "@/lib/performance/schemas";
import { reviewRealization, saveAgreement, saveBudgetRealization, saveRealization, type PerformanceActor } from "@/lib/performance/service";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { getStorage, type FileStorage } from "@/lib/storage";
import { storeUpload } from "@/lib/storage/service";

import { actorOf, addMembership, createAgencyLike, createUser } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const YEAR = 2025;
const UNIT_A = "Bidang Bina Marga";
const UNIT_B = "Bidang Cipta Karya";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const PDF_B = Buffer.from("%PDF-1.4\n% berita acara\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PNG_2 = Buffer.concat([PNG, Buffer.from("second photo")]);

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

// ---------------------------------------------------------------------------
// A minimal zip reader: the central directory, then each local entry.
// ---------------------------------------------------------------------------

interface TZipEntry {
  name: string;
  data: Buffer;
  utf8: boolean;
}

function readZip(zip: Buffer): TZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: TZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressedSize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`unsupported compression ${method} for ${name}`);
    expect(data.length, `${name}: size in the central directory`).toBe(size);
    entries.push({ name, data, utf8: (flags & 0x0800) !== 0 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------
// The world: an agency like Dinas BMCKTR with a PK, realizations and evidence
// ---------------------------------------------------------------------------

let base: string;
const previousFilesDir = process.env.ALUR_FILES_DIR;
const previousDriver = process.env.ALUR_STORAGE;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "alur-esakip-it-"));
  process.env.ALUR_FILES_DIR = path.join(base, "files");
  delete process.env.ALUR_STORAGE;
});
afterAll(async () => {
  if (previousFilesDir === undefined) delete process.env.ALUR_FILES_DIR;
  else process.env.ALUR_FILES_DIR = previousFilesDir;
  if (previousDriver !== undefined) process.env.ALUR_STORAGE = previousDriver;
  await rm(base, { recursive: true, force: true });
});

function agreementInput(): TAgreementInput {
  const single = (v: number) => ({ targetValue: String(v), targetMin: null, targetMax: null });
  const range = (a: number, b: number) => ({ targetValue: null, targetMin: String(a), targetMax: String(b) });
  const base = { unit: "%", polarity: "HIGHER" as const, aggregation: "LAST" as const, targetType: "SINGLE" as const };
  return {
    year: YEAR,
    signedAt: "2025-02-10",
    firstPartyName: "Ir. Kepala Dinas Uji, MT",
    firstPartyJabatan: "Kepala Dinas",
    firstPartyNip: "197003102000011021",
    secondPartyName: "Gubernur Uji",
    secondPartyJabatan: "Gubernur",
    goals: [
      {
        code: "S1",
        name: "Meningkatnya kemantapan jalan provinsi",
        indicators: [
          { ...base, code: "IKU-1", name: "Persentase kemantapan jalan provinsi", orgUnit: UNIT_A, ...single(85), quarters: [80, 82, 84, 85].map(single) },
          { ...base, code: "IKU-2", name: "Panjang jalan rusak berat", unit: "km", polarity: "LOWER", orgUnit: UNIT_A, ...single(120), quarters: [150, 140, 130, 120].map(single) },
        ],
      },
      {
        code: "S2",
        name: "Meningkatnya kualitas permukiman",
        indicators: [
          { ...base, code: "IKU-3", name: "Indeks kepuasan layanan", unit: "indeks", targetType: "RANGE", orgUnit: UNIT_B, ...range(80, 90), quarters: [range(80, 90), range(80, 90), range(80, 90), range(80, 90)] },
          { ...base, code: "IKU-4", name: "Jumlah kawasan kumuh ditangani", unit: "kawasan", aggregation: "CUMULATIVE", orgUnit: UNIT_B, ...single(12), quarters: [2, 3, 4, 3].map(single) },
        ],
      },
    ],
    programs: [
      { code: "1.03.10", name: "Program Penyelenggaraan Jalan", pagu: ["25000000000", "60000000000", "80000000000", "35000000000"] },
      { code: "1.03.03", name: "Program Pengembangan Permukiman", pagu: ["5000000000", "12000000000", "15000000000", "8000000000"] },
    ],
  };
}

async function setup() {
  const agency = await createAgencyLike(SUMBAR);
  const [unitA, unitB] = await Promise.all([
    db.orgUnit.create({ data: { agencyId: agency.id, name: UNIT_A, sortOrder: 0 } }),
    db.orgUnit.create({ data: { agencyId: agency.id, name: UNIT_B, sortOrder: 1 } }),
  ]);
  const users: Record<"ADMIN" | "TIM_SAKIP" | "BIDANG" | "BIDANG_B" | "SUBBAG", User> = {
    ADMIN: await createUser({ name: "Admin Uji" }),
    TIM_SAKIP: await createUser({ name: "Tim SAKIP Uji" }),
    BIDANG: await createUser({ name: "Rina Bina Marga" }),
    BIDANG_B: await createUser({ name: "Budi Cipta Karya" }),
    SUBBAG: await createUser({ name: "Sari Perencanaan" }),
  };
  await addMembership(users.ADMIN.id, agency, "ADMIN");
  await addMembership(users.TIM_SAKIP.id, agency, "TIM_SAKIP");
  await addMembership(users.SUBBAG.id, agency, "SUBBAG_PERENCANAAN");
  const mA = await addMembership(users.BIDANG.id, agency, "BIDANG");
  await db.membership.update({ where: { id: mA.id }, data: { unitId: unitA.id } });
  const mB = await addMembership(users.BIDANG_B.id, agency, "BIDANG");
  await db.membership.update({ where: { id: mB.id }, data: { unitId: unitB.id } });

  const as = async (key: keyof typeof users, role: string): Promise<PerformanceActor> => ({
    agencyId: agency.id,
    actor: actorOf(users[key], [role]),
    meta: null,
    unitIds: await memberUnitIds(agency.id, users[key].id),
  });
  await saveAgreement(ZAgreementInput.parse(agreementInput()), await as("ADMIN", "ADMIN"));
  const indicators = await db.indicator.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true } });
  const ind = Object.fromEntries(indicators.map((i) => [i.code, i.id])) as Record<"IKU-1" | "IKU-2" | "IKU-3" | "IKU-4", string>;
  const filler = (code: keyof typeof ind) => (code === "IKU-1" || code === "IKU-2" ? as("BIDANG", "BIDANG") : as("BIDANG_B", "BIDANG"));
  const roleIdOf = (code: string) => agency.roles.find((r) => r.code === code)!.id;

  const fill = async (code: keyof typeof ind, quarter: number, value: number, submit: boolean, notes = "") => {
    const saved = await saveRealization(
      ZRealizationSave.parse({ indicatorId: ind[code], year: YEAR, quarter, value, faktorPendorong: notes, faktorPenghambat: notes ? "Curah hujan tinggi" : "", tindakLanjut: notes ? "Percepatan paket" : "", submit }),
      await filler(code),
    );
    return saved.id;
  };
  const upload = async (code: keyof typeof ind, realizationId: string, bytes: Buffer, originalName: string) => {
    const ctx = await filler(code);
    return storeUpload({
      agencyId: agency.id,
      uploadedBy: ctx.actor,
      roleIds: [roleIdOf("BIDANG")],
      unitIds: ctx.unitIds,
      bytes,
      originalName,
      target: { realizationId },
    });
  };
  const verify = async (realizationId: string) => reviewRealization(ZRealizationReview.parse({ realizationId, decision: "VERIFY" }), await as("TIM_SAKIP", "TIM_SAKIP"));

  // Triwulan I: everything verified; one file that must stay out of the TW II package.
  const q1Files = [];
  for (const [code, value] of [["IKU-1", 80.5], ["IKU-2", 148], ["IKU-3", 84.5], ["IKU-4", 2]] as const) {
    const id = await fill(code, 1, value, false, "Pemeliharaan rutin");
    if (code === "IKU-1") q1Files.push(await upload(code, id, PDF_B, "Laporan TW I.pdf"));
    await fill(code, 1, value, true, "Pemeliharaan rutin");
    await verify(id);
  }
  // Triwulan II: IKU-1 with three files (two with the same name), IKU-3 with one; IKU-2 a draft; IKU-4 empty.
  const r1 = await fill("IKU-1", 2, 82.3, false, "Paket pemeliharaan berkala berjalan");
  const files = {
    pdf: await upload("IKU-1", r1, PDF, "Data dukung IKU-1 TW II.pdf"),
    photo: await upload("IKU-1", r1, PNG, "Foto ruas Padang–Solok.png"),
    photo2: await upload("IKU-1", r1, PNG_2, "foto ruas padang–solok.PNG"),
  };
  await fill("IKU-1", 2, 82.3, true, "Paket pemeliharaan berkala berjalan");
  await verify(r1);
  const r3 = await fill("IKU-3", 2, 86, false, "Survei daring");
  const berita = await upload("IKU-3", r3, PDF_B, "Berita Acara: survei.pdf");
  await fill("IKU-3", 2, 86, true, "Survei daring");
  await fill("IKU-2", 2, 139, false);
  const programs = await db.program.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true } });
  const admin = await as("ADMIN", "ADMIN");
  await saveBudgetRealization({ programId: programs.find((p) => p.code === "1.03.10")!.id, quarter: 1, realization: "22450000000" }, admin);
  await saveBudgetRealization({ programId: programs.find((p) => p.code === "1.03.10")!.id, quarter: 2, realization: "51200000000" }, admin);

  const settings = readAgencySettings((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).settings).capaian;
  const packageInput = (quarter: number) => ({
    agency: { id: agency.id, slug: agency.slug, name: agency.name, governmentName: "Provinsi Sumatera Barat", timeZone: agency.timeZone },
    year: YEAR,
    quarter,
    settings,
    generatedBy: { name: users.SUBBAG.name, nip: users.SUBBAG.nip },
    generatedAt: new Date("2025-07-10T03:00:00Z"),
  });
  return { agency, users, ind, files, berita, q1Files, settings, packageInput };
}
type World = Awaited<ReturnType<typeof setup>>;

let world: World;
beforeAll(async () => {
  world = await setup();
});

async function buildZip(quarter: number) {
  const pkg = await prepareEsakipPackage(world.packageInput(quarter));
  expect(pkg).not.toBeNull();
  let outcomes: TEvidenceOutcome[] = [];
  const zip = await collect(streamEsakipPackage(pkg!, { onComplete: (o) => (outcomes = o) }));
  return { pkg: pkg!, zip, entries: readZip(zip), outcomes };
}

describe("e-SAKIP package", () => {
  it("holds both xlsx, the PDF, the period's evidence byte for byte and a MANIFEST with matching sha256", async () => {
    const { zip, entries, outcomes } = await buildZip(2);
    expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    const names = esakipFileNames(world.agency.slug, YEAR, 2);
    expect(names.rencanaAksi).toBe(`Realisasi-Rencana-Aksi-${world.agency.slug}-TW2-${YEAR}.xlsx`);
    expect(entries.map((e) => e.name)).toEqual([
      names.rencanaAksi,
      names.pengukuran,
      names.laporan,
      "data-dukung/IKU-1/Data dukung IKU-1 TW II.pdf",
      "data-dukung/IKU-1/Foto ruas Padang–Solok.png",
      // Same name but for case: numbered, since Windows would overwrite one with the other.
      "data-dukung/IKU-1/foto ruas padang–solok (2).PNG",
      // ":" is refused by Windows: the stored (sanitized) name.
      "data-dukung/IKU-3/Berita Acara_ survei.pdf",
      MANIFEST_NAME,
    ]);
    // Non-ASCII names are flagged UTF-8, so they extract as written.
    expect(entries.find((e) => e.name.includes("Padang–Solok"))!.utf8).toBe(true);
    expect(outcomes.every((o) => o.status === "ok")).toBe(true);

    const byName = new Map(entries.map((e) => [e.name, e.data]));
    // Evidence: identical bytes, identical hash to the upload and to the StoredFile row.
    const expected: [string, Buffer, string][] = [
      ["data-dukung/IKU-1/Data dukung IKU-1 TW II.pdf", PDF, world.files.pdf.id],
      ["data-dukung/IKU-1/Foto ruas Padang–Solok.png", PNG, world.files.photo.id],
      ["data-dukung/IKU-1/foto ruas padang–solok (2).PNG", PNG_2, world.files.photo2.id],
      ["data-dukung/IKU-3/Berita Acara_ survei.pdf", PDF_B, world.berita.id],
    ];
    for (const [name, bytes, fileId] of expected) {
      const data = byName.get(name)!;
      expect(data.equals(bytes), name).toBe(true);
      const row = await db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
      expect(sha256(data)).toBe(row.sha256);
    }
    // The TW I file is not part of the TW II package.
    expect(entries.some((e) => e.name.includes("Laporan TW I"))).toBe(false);

    // The PDF and the two workbooks are real files.
    const pdf = byName.get(names.laporan)!;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1024);
    for (const [name, title] of [
      [names.rencanaAksi, "REALISASI RENCANA AKSI"],
      [names.pengukuran, "PENGUKURAN KINERJA"],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(byName.get(name)! as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getCell(1, 1).value).toBe(title);
      expect(String(wb.worksheets[0]!.getCell(4, 1).value)).toBe(`Triwulan II Tahun ${YEAR}`);
    }

    // MANIFEST: one "sha256  path" line per file, the hash of what was extracted.
    const manifest = byName.get(MANIFEST_NAME)!.toString("utf8");
    const checksumLines = manifest.split("\n").filter((l) => /^[0-9a-f]{64} {2}\S/.test(l));
    expect(checksumLines).toEqual(entries.filter((e) => e.name !== MANIFEST_NAME).map((e) => `${sha256(e.data)}  ${e.name}`));
    expect(manifest).toContain("MANIFES PAKET UNGGAH e-SAKIP");
    expect(manifest).toContain(`Periode       : Triwulan II Tahun ${YEAR}`);
    expect(manifest).toContain(world.users.SUBBAG.name);
    expect(manifest).toContain("IKU-2 Panjang jalan rusak berat (realisasi: draf)");
    expect(manifest).toContain("IKU-4 Jumlah kawasan kumuh ditangani (realisasi: belum diisi)");
    expect(manifest).toContain("nama asli: Berita Acara_ survei.pdf");
    expect(manifest).toContain("Jumlah data dukung: 4 berkas; 2 dari 4 indikator tanpa data dukung.");
    // Not everything is verified yet: the officer is told.
    expect(manifest).toContain("belum berstatus terverifikasi");
    expect(manifest).not.toMatch(/NaN|undefined|null/);
  });

  it("reports a stored file that has gone missing instead of dropping it silently", async () => {
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: world.files.photo.id } });
    const storage = getStorage();
    const kept = await (async () => {
      const body = await storage.get(row.storageKey);
      return Buffer.isBuffer(body) ? body : collect(body);
    })();
    await storage.remove(row.storageKey);
    try {
      const { entries, outcomes } = await buildZip(2);
      expect(entries.some((e) => e.name === "data-dukung/IKU-1/Foto ruas Padang–Solok.png")).toBe(false);
      expect(outcomes.find((o) => o.fileId === row.id)?.status).toBe("missing");
      const manifest = entries.find((e) => e.name === MANIFEST_NAME)!.data.toString("utf8");
      expect(manifest).toContain("PERINGATAN: data-dukung/IKU-1/Foto ruas Padang–Solok.png tidak ditemukan");
      expect(manifest).not.toContain(`${row.sha256}  data-dukung/IKU-1/Foto ruas Padang–Solok.png`);
      // The other files are still there.
      expect(entries.filter((e) => e.name.startsWith("data-dukung/"))).toHaveLength(3);
    } finally {
      await storage.put(row.storageKey, kept);
    }
  });

  it("is empty of evidence for a period without any, and says so", async () => {
    const { entries } = await buildZip(3);
    expect(entries.map((e) => e.name)).toEqual([...Object.values(esakipFileNames(world.agency.slug, YEAR, 3)).slice(0, 3), MANIFEST_NAME]);
    const manifest = entries.at(-1)!.data.toString("utf8");
    expect(manifest).toContain("Jumlah data dukung: 0 berkas; 4 dari 4 indikator tanpa data dukung.");
    expect(manifest.match(/\(tidak ada data dukung\)/g)).toHaveLength(4);
  });

  it("is null for a year without a Perjanjian Kinerja", async () => {
    expect(await prepareEsakipPackage({ ...world.packageInput(1), year: YEAR + 1 })).toBeNull();
  });

  it("records every evidence file of the package as a download", async () => {
    const pkg = (await prepareEsakipPackage(world.packageInput(2)))!;
    const before = await db.auditEvent.count({ where: { agencyId: world.agency.id, action: "file.download" } });
    await recordPackageFileDownloads(pkg, {
      agencyId: world.agency.id,
      actor: actorOf(world.users.SUBBAG, ["SUBBAG_PERENCANAAN"]),
      meta: { ip: "10.0.0.9", userAgent: "vitest", requestId: "req-esakip" },
    });
    const events = await db.auditEvent.findMany({
      where: { agencyId: world.agency.id, action: "file.download", requestId: "req-esakip" },
      select: { entityId: true, actorId: true },
    });
    expect(events).toHaveLength(4);
    expect(await db.auditEvent.count({ where: { agencyId: world.agency.id, action: "file.download" } })).toBe(before + 4);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set([world.files.pdf.id, world.files.photo.id, world.files.photo2.id, world.berita.id]));
    expect(events.every((e) => e.actorId === world.users.SUBBAG.id)).toBe(true);
  });

  it("closes the file being read when the reader goes away mid-download", async () => {
    const pkg = (await prepareEsakipPackage(world.packageInput(2)))!;
    // A stored file that never ends: only the reader leaving can stop it.
    const sources: Readable[] = [];
    const real = getStorage();
    const storage: FileStorage = {
      put: (key, bytes) => real.put(key, bytes),
      remove: (key) => real.remove(key),
      exists: (key) => real.exists(key),
      get: async () => {
        const source = new Readable({
          read() {
            this.push(randomBytes(64 * 1024));
          },
        });
        sources.push(source);
        return source;
      },
    };
    const iterator = (streamEsakipPackage(pkg, { storage }) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    let received = 0;
    while (received < 3 * 1024 * 1024) received += (await iterator.next()).value!.length;
    expect(sources).toHaveLength(1);
    expect(sources[0]!.destroyed).toBe(false);
    await iterator.return!();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sources[0]!.destroyed).toBe(true);
    // Nothing more is opened.
    expect(sources).toHaveLength(1);
  });
});

describe("package names", () => {
  it("are safe to extract on any machine, numbered when they collide", () => {
    expect(archiveSegment("../../etc/passwd")).toBe("passwd");
    expect(archiveSegment("CON.pdf")).toBe("_CON.pdf");
    expect(archiveSegment("a<b>c?.pdf")).toBe("a_b_c_.pdf");
    expect(archiveSegment("   ")).toBe("berkas");
    expect(Array.from(archiveSegment(`${"x".repeat(300)}.pdf`))).toHaveLength(120);
    expect(archiveSegment(`${"x".repeat(300)}.pdf`).endsWith(".pdf")).toBe(true);
    expect(
      evidencePaths([
        { indicatorCode: "IKU/1", originalName: "a.pdf" },
        { indicatorCode: "IKU/1", originalName: "A.pdf" },
        { indicatorCode: "IKU/1", originalName: "a (2).pdf" },
        { indicatorCode: "IKU-2", originalName: "a.pdf" },
        { indicatorCode: "IKU/1", originalName: "README" },
        { indicatorCode: "IKU/1", originalName: "readme" },
      ]),
    ).toEqual([
      "data-dukung/IKU_1/a.pdf",
      "data-dukung/IKU_1/A (2).pdf",
      "data-dukung/IKU_1/a (2) (2).pdf",
      "data-dukung/IKU-2/a.pdf",
      "data-dukung/IKU_1/README",
      "data-dukung/IKU_1/readme (2)",
    ]);
  });
});

describe("PDF report", () => {
  it("builds for a period with missing values, never printing NaN", async () => {
    const agreement = (await loadAgreement(world.agency.id, YEAR))!;
    for (const quarter of [2, 3, 4]) {
      const pdf = await buildPerformanceReportPdf({
        recap: buildRecap(agreement, quarter, world.settings),
        agency: { name: world.agency.name, governmentName: "Provinsi Sumatera Barat" },
        agreement,
        settings: DEFAULT_CAPAIAN_SETTINGS,
      });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(1024);
      expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    }
  });

  it("builds for a PK without programs and without indicators' notes", async () => {
    const agreement = (await loadAgreement(world.agency.id, YEAR))!;
    const pdf = await buildPerformanceReportPdf({
      recap: buildRecap({ ...agreement, programs: [] }, 1, world.settings),
      agency: { name: world.agency.name, governmentName: "Provinsi Sumatera Barat" },
      agreement: { ...agreement, firstPartyNip: null, signedAt: null },
    });
    expect(pdf.length).toBeGreaterThan(1024);
  });
});
