/**
 * A cycle's archive record and timeline as server PDFs (issue #15 item 5, decision 034), drawn
 * through the one PDF path (lib/pdf/document.ts) and read back as a reader would with poppler:
 * a fresh agency whose head is "Ṣāliḥ Nuñez Đặng" runs the Sumatera Barat SOP to the archive
 * step; the timeline lists every step with who did it, the archive record names the e-SAKIP
 * upload and every file with its SHA-256 and prints the head's signature block; the head signs
 * the record (PAdES: pdfsig verifies it), and its public code answers like the report's. Or the
 * head signs the printed record, or the printed SOP in force, by hand and uploads the scan: one
 * service for both (uploadWetSignedScan with the kind), refused with nothing stored for a cycle not
 * yet archived, a draft SOP, another agency's cycle or SOP, a member who is not the head, or a
 * file that is not a PDF/PNG/JPEG of at most 1.4 MB (decision 042).
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { readAgencySettings } from "@/lib/agency/settings";
import { AppError } from "@/lib/authz/errors";
import { buildArchiveRecordFile, buildCycleTimelineFile } from "@/lib/cycle/record-build";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import type { User } from "@/lib/generated/prisma/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { makeDemoP12 } from "@/lib/signing/certificate";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { latestSignedDocument } from "@/lib/signing/queries";
import { checkDocumentFile, findPublicDocument, revokeDocument, signArchiveRecord, signSop, uploadWetSignedScan, type TSigningCtx } from "@/lib/signing/service";
import { sha256Hex, UploadRejectedError } from "@/lib/storage/validate";
import { P12PadesSigner } from "@/lib/signing/signer";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";
import { pdfShapes, totalShapes } from "./pdf-shapes";
import { pdfFonts, pdfToText } from "./pdf-text";
import { storedFileBytes } from "./stored-bytes";
import { temporaryFileStorage } from "./temp-storage";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type RoleCode = (typeof ROLE_CODES)[number];
const HEAD = "Ṣāliḥ Nuñez Đặng";
const FILE_NAME = "Notulen rapat Ṣūfī.pdf";
const FILE_SHA = "ab".repeat(32);
const ESAKIP_REF = "ESR-2025-TW1-ṢĀ01";
const step = (n: number) => SOP.steps.find((s) => s.number === n)!;

const run = promisify(execFile);
const storage = temporaryFileStorage("alur-cycle-record-it-");

async function setupWorld() {
  const agency = await createAgencyLike(SUMBAR);
  await db.agency.update({ where: { id: agency.id }, data: { city: "Padang" } });
  const users = {} as Record<RoleCode, User>;
  for (const code of ROLE_CODES) {
    const role = agency.roles.find((r) => r.code === code)!;
    users[code] = await createUser({ name: code === "KADIS" ? HEAD : `${role.name} ${agency.slug}` });
    await addMembership(users[code].id, agency, code);
  }
  await db.user.update({ where: { id: users.KADIS.id }, data: { pangkat: "Pembina Utama Muda (IV/c)" } });
  const sopCtx = (code: RoleCode) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  const full = await db.agency.findUniqueOrThrow({ where: { id: agency.id }, include: { government: true } });
  const agencyCtx = {
    id: full.id,
    name: full.name,
    slug: full.slug,
    governmentName: full.government.name,
    timeZone: full.timeZone,
    city: full.city,
    settings: readAgencySettings(full.settings),
  };
  const signingCtx = (code: RoleCode): TSigningCtx => ({ agency: agencyCtx, userId: users[code].id, actor: actorOf(users[code], [code]), meta: null });
  return { agency, users, sopId, agencyCtx, signingCtx, as: (code: RoleCode) => cycleActorOf(users[code], agency, [code]) };
}
type World = Awaited<ReturnType<typeof setupWorld>>;

function workFor(n: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> {
  const s = step(n);
  const work: Omit<TTaskAction, "cycleId" | "taskId" | "event"> = {};
  if (s.output.trim()) work.outputText = `${s.output}: terlampir (langkah ${n})`;
  if (s.kind === "MEETING") Object.assign(work, { outputText: "Notulen rapat.", attendees: ["Sekretaris", "Ketua Tim SAKIP"], decisions: "Lanjut." });
  if (s.kind === "INPUT") work.checklist = s.kelengkapan.split("\n").map((x) => x.trim()).filter(Boolean);
  if (s.kind === "ARCHIVE") Object.assign(work, { esakipUploadedAt: isoDateIn(new Date(), "WIB"), esakipReference: ESAKIP_REF });
  return work;
}

/** Each open step done by its executor ("Ya" on decisions) until `until` opens or the cycle completes. */
async function advance(w: World, cycleId: string, until?: number) {
  for (let guard = 0; guard < 30; guard++) {
    const open = await db.cycleTask.findMany({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    if (open.length === 0) return;
    const task = open[0]!;
    if (task.stepNumber === until) return;
    const s = step(task.stepNumber);
    const event = ["REVIEW", "APPROVAL"].includes(s.kind) ? "APPROVE" : "COMPLETE";
    const input = ZTaskAction.parse({ cycleId, taskId: task.id, event, ...(event === "COMPLETE" ? workFor(task.stepNumber) : {}) });
    await actOnTask(input, w.as(s.executorRoleCode as RoleCode));
  }
  throw new Error("cycle did not progress");
}

const fileBytes = storedFileBytes;

const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

/** The error a refused call throws (a call that succeeds fails the test). */
async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("not refused");
}

let w: World;
let cycleId: string;
let activeCycleId: string;

beforeAll(async () => {
  w = await setupWorld();
  ({ id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: 2025, period: "TW1" }), w.as("KADIS")));
  await advance(w, cycleId);
  // A file of the cycle (what a draft step's upload leaves), as the record must list it.
  const task = await db.cycleTask.findFirstOrThrow({ where: { cycleId, stepNumber: 2 } });
  await db.storedFile.create({
    data: { agencyId: w.agency.id, storageKey: `${w.agency.id}/uji-notulen`, originalName: FILE_NAME, mimeType: "application/pdf", size: 20480, sha256: FILE_SHA, uploadedById: w.users.SEKRETARIS.id, taskId: task.id },
  });
  ({ id: activeCycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: 2025, period: "TW2" }), w.as("KADIS")));
}, 180_000);

describe("the cycle's timeline as a PDF", () => {
  it("lists every step with its executor, outcome and the e-SAKIP upload, names as typed, in embedded fonts", async () => {
    const built = (await buildCycleTimelineFile(w.agencyCtx, cycleId))!;
    expect(built.fileName).toMatch(/^linimasa-.+-v1-TW1-2025\.pdf$/);
    const text = flat(await pdfToText(built.pdf));
    expect(text).toContain("LINIMASA SIKLUS");
    expect(text).toContain("TRIWULAN I 2025");
    expect(text).toContain(SOP.nomor);
    // Step 7 is the head's decision: his name prints as typed, with the outcome.
    expect(text).toContain(HEAD);
    expect(text).toContain("Disetujui (Ya)");
    expect(text).toContain(ESAKIP_REF);
    for (const n of [1, 5, 9]) expect(text).toContain(flat(step(n).kegiatan).split(" ").slice(0, 4).join(" "));
    expect(text).toMatch(/Halaman 1 dari \d/);
    for (const font of await pdfFonts(built.pdf)) expect(font).toMatchObject({ name: expect.stringMatching(/Inter/), embedded: true });
  });

  it("is refused for another agency's cycle (null: the route answers 404)", async () => {
    const other = await createAgencyLike(SUMBAR);
    expect(await buildCycleTimelineFile({ ...w.agencyCtx, id: other.id }, cycleId)).toBeNull();
    expect(await buildArchiveRecordFile({ ...w.agencyCtx, id: other.id }, cycleId)).toBeNull();
  });
});

describe("the archive record", () => {
  it("unsigned: the cycle, the e-SAKIP upload, every file with its SHA-256, and the head's signature block", async () => {
    const built = (await buildArchiveRecordFile(w.agencyCtx, cycleId))!;
    expect(built.fileName).toMatch(/^catatan-arsip-.+-TW1-2025\.pdf$/);
    const raw = (await pdfToText(built.pdf)).normalize("NFC");
    const text = flat(raw);
    expect(text).toContain("CATATAN ARSIP SIKLUS PENGUKURAN KINERJA");
    expect(text).toContain(ESAKIP_REF);
    expect(text).toContain(FILE_NAME);
    expect(raw.replace(/\s+/g, "")).toContain(FILE_SHA);
    const lines = raw.split("\n").map((l) => l.trim());
    expect(lines).toContain(HEAD);
    expect(lines).toContain("Pembina Utama Muda (IV/c)");
    expect(text).toContain("Padang, ");
    expect(text).not.toContain("Kode verifikasi");
    expect(text).not.toContain("belum final");
  });

  it("signed by the head: PAdES verified by pdfsig, the QR code's public code answers with the kind and the hash", async () => {
    const signer = new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");
    const doc = await signArchiveRecord(w.signingCtx("KADIS"), { cycleId }, { signer });
    const pdf = await fileBytes(doc.fileId);
    const text = flat(await pdfToText(pdf));
    expect(text).toContain(HEAD);
    expect(text).toContain(`Kode verifikasi: ${doc.code.slice(0, 5)}-${doc.code.slice(5)}`);
    expect(text).toContain(`/v/${doc.code}`);

    const file = path.join(storage.base, "arsip.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdfsig", [file]);
    expect(stdout).toContain("Signature Validation: Signature is Valid.");
    expect(stdout).toContain("Total document signed");

    const pub = (await findPublicDocument(doc.code))!;
    expect(pub).toMatchObject({ kind: "ARCHIVE_RECORD", agencyName: w.agency.name, status: "SIGNED", method: "PADES", sha256: doc.sha256 });
    expect(pub.title).toBe(`Catatan Arsip Siklus ${SOP.nomor} Triwulan I 2025`);
    expect(await checkDocumentFile(doc.code, pdf)).toEqual({ match: true, status: "SIGNED" });
    const tampered = Buffer.from(pdf);
    const at = Math.floor(tampered.length / 3);
    tampered[at] = tampered[at]! ^ 1;
    expect(await checkDocumentFile(doc.code, tampered)).toEqual({ match: false, status: "SIGNED" });
    const stored = await db.signedDocument.findUniqueOrThrow({ where: { code: doc.code } });
    expect(stored).toMatchObject({ kind: "ARCHIVE_RECORD", subject: { cycleId }, signerName: HEAD });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "document.sign", entityId: stored.id } });
    expect(audit.data).toMatchObject({ kind: "ARCHIVE_RECORD", code: doc.code });
  });

  it("is refused, with nothing stored, before the cycle is archived and for anyone but the head", async () => {
    const signer = new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");
    const before = await db.signedDocument.count({ where: { agencyId: w.agency.id } });
    expect((await refused(signArchiveRecord(w.signingCtx("KADIS"), { cycleId: activeCycleId }, { signer }))).message).toBe(SIGNING_MESSAGES.cycleNotArchived);
    expect((await refused(signArchiveRecord(w.signingCtx("SEKRETARIS"), { cycleId }, { signer }))).message).toBe(SIGNING_MESSAGES.notHead);
    expect((await refused(signArchiveRecord(w.signingCtx("KADIS"), { cycleId: "tidak-ada" }, { signer }))).message).toBe(SIGNING_MESSAGES.cycleNotFound);
    expect(await db.signedDocument.count({ where: { agencyId: w.agency.id } })).toBe(before);
    // The unsigned copy of a cycle still running says it is not final.
    const draft = (await buildArchiveRecordFile(w.agencyCtx, activeCycleId))!;
    expect(flat(await pdfToText(draft.pdf))).toContain("Siklus belum selesai: catatan ini belum final.");
  });
});

describe("the SOP in force, signed by the head", () => {
  it("PAdES verified by pdfsig, the head's block and the code printed, the public page names an SOP", async () => {
    const signer = new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");
    const doc = await signSop(w.signingCtx("KADIS"), { sopId: w.sopId }, { signer });
    const pdf = await fileBytes(doc.fileId);
    const text = flat(await pdfToText(pdf));
    expect(text).toContain("STANDAR OPERASIONAL PROSEDUR (SOP)");
    expect(text).toContain(HEAD);
    expect(text).toContain(`Kode verifikasi: ${doc.code.slice(0, 5)}-${doc.code.slice(5)}`);
    // What the head signs carries the flowchart (decision 041): a diamond per decision step.
    expect(text).toContain("PELAKSANA");
    expect(totalShapes(pdfShapes(pdf)).diamonds).toBe(SOP.steps.filter((s) => s.kind === "REVIEW" || s.kind === "APPROVAL").length);

    const file = path.join(storage.base, "sop.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdfsig", [file]);
    expect(stdout).toContain("Signature Validation: Signature is Valid.");

    const pub = (await findPublicDocument(doc.code))!;
    expect(pub).toMatchObject({ kind: "SOP", agencyName: w.agency.name, status: "SIGNED", method: "PADES", sha256: doc.sha256 });
    expect(pub.title).toBe(`Dokumen SOP ${SOP.nomor} ${SOP.nama} (versi 1)`);
    expect(await checkDocumentFile(doc.code, pdf)).toEqual({ match: true, status: "SIGNED" });
    const stored = await db.signedDocument.findUniqueOrThrow({ where: { code: doc.code } });
    expect(stored).toMatchObject({ kind: "SOP", subject: { sopId: w.sopId, version: 1 }, signerName: HEAD });
  });

  it("is refused, with nothing stored, for a draft SOP, for anyone but the head, and for another agency's SOP", async () => {
    const signer = new P12PadesSigner(makeDemoP12(w.agency.name, "sandi-uji"), "sandi-uji");
    const before = await db.signedDocument.count({ where: { agencyId: w.agency.id } });
    const { id: draftId } = await createSop({ ...SOP, nomor: `${SOP.nomor}-DRAF` }, { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null });
    expect((await refused(signSop(w.signingCtx("KADIS"), { sopId: draftId }, { signer }))).message).toBe(SIGNING_MESSAGES.sopNotActive);
    expect((await refused(signSop(w.signingCtx("SEKRETARIS"), { sopId: w.sopId }, { signer }))).message).toBe(SIGNING_MESSAGES.notHead);
    const other = await createAgencyLike(SUMBAR);
    const { id: foreignId } = await createSop(SOP, { agencyId: other.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null });
    expect((await refused(signSop(w.signingCtx("KADIS"), { sopId: foreignId }, { signer }))).message).toBe(SIGNING_MESSAGES.sopNotFound);
    expect(await db.signedDocument.count({ where: { agencyId: w.agency.id } })).toBe(before);
  });
});

/** A small PNG as a phone's scan app writes one: the signature and the IHDR chunk, then data. */
const PNG_SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.from("pindaian tanda tangan basah Ṣāliḥ")]);
const PDF_SCAN = Buffer.from("%PDF-1.4\n% pindaian dokumen SOP bertanda tangan basah\n%%EOF\n");
/** What a refused upload must leave as it was: documents, files and signing audit rows, in both agencies. */
async function signingState(agencyIds: string[]) {
  const where = { agencyId: { in: agencyIds } };
  return {
    documents: await db.signedDocument.count({ where }),
    files: await db.storedFile.count({ where }),
    audit: await db.auditEvent.count({ where: { ...where, action: "document.sign" } }),
  };
}

describe("wet-signed scans of the archive record and of the SOP in force", () => {
  /** The head of another agency, aiming at this agency's cycle and SOP. */
  let foreignHead: TSigningCtx;
  beforeAll(async () => {
    const other = await createAgencyLike(SUMBAR);
    const head = await createUser({ name: "Kepala Lain" });
    await addMembership(head.id, other, "KADIS");
    foreignHead = { ...w.signingCtx("KADIS"), agency: { ...w.agencyCtx, id: other.id, slug: other.slug, name: other.name }, userId: head.id, actor: actorOf(head, ["KADIS"]) };
  });

  it("the head uploads the signed archive record's scan: a code whose public check matches the file's hash, and it can be revoked", async () => {
    const doc = await uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "ARCHIVE_RECORD", cycleId, fileName: "catatan arsip bertanda tangan.png", bytes: PNG_SCAN });
    expect(doc.sha256).toBe(sha256Hex(PNG_SCAN));
    expect((await fileBytes(doc.fileId)).equals(PNG_SCAN)).toBe(true);
    const pub = (await findPublicDocument(doc.code))!;
    expect(pub).toMatchObject({ kind: "ARCHIVE_RECORD", method: "WET_SCAN", status: "SIGNED", agencyName: w.agency.name, sha256: sha256Hex(PNG_SCAN) });
    expect(pub.title).toBe(`Catatan Arsip Siklus ${SOP.nomor} Triwulan I 2025`);
    expect(await checkDocumentFile(doc.code, PNG_SCAN)).toEqual({ match: true, status: "SIGNED" });
    expect(await checkDocumentFile(doc.code, Buffer.concat([PNG_SCAN, Buffer.from([0])]))).toEqual({ match: false, status: "SIGNED" });
    const stored = await db.signedDocument.findUniqueOrThrow({ where: { code: doc.code } });
    expect(stored).toMatchObject({ kind: "ARCHIVE_RECORD", subject: { cycleId }, signerName: HEAD, certificateId: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "document.sign", entityId: stored.id } });
    expect(audit.data).toMatchObject({ kind: "ARCHIVE_RECORD", method: "WET_SCAN", code: doc.code });
    // The timeline's card shows the latest signature of this record: the scan.
    expect(await latestSignedDocument(w.agency.id, "ARCHIVE_RECORD", { cycleId })).toMatchObject({ code: doc.code, method: "WET_SCAN" });

    await revokeDocument(w.signingCtx("KADIS"), { documentId: stored.id, reason: "Pindaian halaman kedua terpotong" });
    expect(await checkDocumentFile(doc.code, PNG_SCAN)).toEqual({ match: true, status: "REVOKED" });
  });

  it("refuses, with nothing stored: a cycle not yet archived, a member who is not the head, another agency's head, a bad or too large file", async () => {
    const before = await signingState([w.agency.id, foreignHead.agency.id]);
    const scan = { fileName: "pindaian.png", bytes: PNG_SCAN };
    expect((await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "ARCHIVE_RECORD", cycleId: activeCycleId, ...scan }))).message).toBe(SIGNING_MESSAGES.cycleNotArchived);
    expect((await refused(uploadWetSignedScan(w.signingCtx("SEKRETARIS"), { kind: "ARCHIVE_RECORD", cycleId, ...scan }))).code).toBe("FORBIDDEN");
    const foreign = await refused(uploadWetSignedScan(foreignHead, { kind: "ARCHIVE_RECORD", cycleId, ...scan }));
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: SIGNING_MESSAGES.cycleNotFound });
    const notImage = await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "ARCHIVE_RECORD", cycleId, fileName: "pindaian.png", bytes: Buffer.from("bukan gambar, hanya teks") }));
    expect(notImage).toBeInstanceOf(UploadRejectedError);
    expect(notImage).toMatchObject({ status: 415, message: expect.stringMatching(/PNG/) });
    const word = await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "ARCHIVE_RECORD", cycleId, fileName: "catatan.docx", bytes: Buffer.from("PK\u0003\u0004 bukan pindaian") }));
    expect(word).toMatchObject({ status: 415 });
    // The limit of every upload (20 MB, ALUR_MAX_UPLOAD_MB): a scan is no longer held to a server action's 2 MB body (decision 060).
    const big = Buffer.concat([PDF_SCAN, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const tooLarge = await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "ARCHIVE_RECORD", cycleId, fileName: "pindaian.pdf", bytes: big }));
    expect(tooLarge).toMatchObject({ status: 413, message: expect.stringMatching(/melebihi batas 20 MB/) });
    expect(await signingState([w.agency.id, foreignHead.agency.id])).toEqual(before);
  });

  it("the head uploads the signed SOP's scan: kind SOP of the version in force, verifiable by its hash", async () => {
    const doc = await uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "SOP", sopId: w.sopId, fileName: "sop bertanda tangan.pdf", bytes: PDF_SCAN });
    const pub = (await findPublicDocument(doc.code))!;
    expect(pub).toMatchObject({ kind: "SOP", method: "WET_SCAN", status: "SIGNED", sha256: sha256Hex(PDF_SCAN) });
    expect(pub.title).toBe(`Dokumen SOP ${SOP.nomor} ${SOP.nama} (versi 1)`);
    expect(await checkDocumentFile(doc.code, PDF_SCAN)).toEqual({ match: true, status: "SIGNED" });
    expect(await db.signedDocument.findUniqueOrThrow({ where: { code: doc.code } })).toMatchObject({ subject: { sopId: w.sopId, version: 1 }, method: "WET_SCAN" });
    expect(await latestSignedDocument(w.agency.id, "SOP", { sopId: w.sopId, version: 1 })).toMatchObject({ code: doc.code });
  });

  it("refuses an SOP scan, with nothing stored: a draft, another agency's head, a member who is not the head, a bad file", async () => {
    const { id: draftId } = await createSop({ ...SOP, nomor: `${SOP.nomor}-DRAF-PINDAI` }, { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null });
    const before = await signingState([w.agency.id, foreignHead.agency.id]);
    const scan = { fileName: "pindaian.pdf", bytes: PDF_SCAN };
    expect((await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "SOP", sopId: draftId, ...scan }))).message).toBe(SIGNING_MESSAGES.sopNotActive);
    expect(await refused(uploadWetSignedScan(foreignHead, { kind: "SOP", sopId: w.sopId, ...scan }))).toMatchObject({ code: "NOT_FOUND", message: SIGNING_MESSAGES.sopNotFound });
    expect((await refused(uploadWetSignedScan(w.signingCtx("TIM_SAKIP"), { kind: "SOP", sopId: w.sopId, ...scan }))).message).toBe(SIGNING_MESSAGES.notHead);
    expect(await refused(uploadWetSignedScan(w.signingCtx("KADIS"), { kind: "SOP", sopId: w.sopId, fileName: "sop.pdf", bytes: PNG_SCAN }))).toMatchObject({ status: 415 });
    expect(await signingState([w.agency.id, foreignHead.agency.id])).toEqual(before);
  });
});
