/**
 * Signing (issue #15 item 5): the head signs the Laporan Pengukuran Kinerja
 * with the agency's certificate (PAdES), and anyone holding the file can
 * check it on the public verification page.
 * - The signature verifies with an independent reader (poppler's pdfsig); a
 *   copy with one byte changed inside the signed range does not.
 * - The certificate is stored sealed (AES-256-GCM), never as uploaded; a wrong
 *   passphrase is refused at upload, nothing stored.
 * - Only the head signs, or a Plt. as "Plt. ..."; a Tim SAKIP member is refused.
 * - The public check answers { match, status } and nothing else: true for the
 *   signed file, false for a tampered one; unknown codes and bad bodies are 4xx.
 * - The LKjIP (decision 042): the head signs the generated PDF (kind LKJIP), or
 *   uploads the agency's signed final file; a second signature of the year is
 *   allowed, the first still verifies, the page shows the latest.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { POST as checkRoute } from "@/app/v/[code]/periksa/route";
import { readAgencySettings } from "@/lib/agency/settings";
import { AppError } from "@/lib/authz/errors";
import { db } from "@/lib/db/client";
import { makeDemoP12 } from "@/lib/signing/certificate";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { certificateSummary, latestSignedDocument, signingPanel } from "@/lib/signing/queries";
import { findPublicDocument, revokeDocument, signLkjip, signPerformanceReport, uploadCertificate, uploadWetSignedScan, type TSigningCtx } from "@/lib/signing/service";
import { sha256Hex } from "@/lib/storage/validate";

import { OID, readPdfSignature } from "../support/cms";
import { actorOf } from "./factories";
import { pdfToText } from "./pdf-text";
import { setup, YEAR, type RoleCode, type World } from "./performance-world";
import { storedFileBytes } from "./stored-bytes";
import { temporaryFileStorage } from "./temp-storage";

const run = promisify(execFile);

async function pdfsigRun(bytes: Buffer): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(storage.base, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  // pdfsig exits non-zero for an invalid signature: its report is what we read.
  return run("/usr/bin/pdfsig", [file]).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: error.stderr ?? "" }));
}
const pdfsig = async (bytes: Buffer) => (await pdfsigRun(bytes)).stdout;

const storage = temporaryFileStorage("alur-signing-it-");
let w: World;

beforeAll(async () => {
  w = await setup();
  await db.agency.update({ where: { id: w.agency.id }, data: { city: "Padang" } });
}, 120_000);

async function ctxOf(userId: string, roles: string[]): Promise<TSigningCtx> {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: w.agency.id }, include: { government: true } });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    agency: { id: agency.id, name: agency.name, slug: agency.slug, governmentName: agency.government.name, timeZone: agency.timeZone, city: agency.city, settings: readAgencySettings(agency.settings) },
    userId,
    actor: actorOf(user, roles),
    meta: null,
  };
}
const as = (code: RoleCode) => ctxOf(w.users[code].id, [code]);

const fileBytes = storedFileBytes;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function check(code: string, bytes: Buffer | null, init: { contentType?: string } = {}) {
  const form = new FormData();
  if (bytes) form.append("file", new Blob([new Uint8Array(bytes)]), "dokumen.pdf");
  const request = init.contentType
    ? new Request(`http://localhost/v/${code}/periksa`, { method: "POST", body: "x", headers: { "content-type": init.contentType } })
    : new Request(`http://localhost/v/${code}/periksa`, { method: "POST", body: form });
  return checkRoute(request, { params: Promise.resolve({ code }) });
}

describe("signing a report", () => {
  let signed: { id: string; code: string; fileId: string; sha256: string };
  let pdf: Buffer;

  it("refuses a certificate with the wrong passphrase, and stores nothing", async () => {
    const admin = await as("ADMIN");
    const p12 = makeDemoP12(w.agency.name, "sandi-benar");
    const error = await refusal(uploadCertificate({ agencyId: w.agency.id, actor: admin.actor, meta: null }, { fileName: "instansi.p12", fileBase64: p12.toString("base64"), passphrase: "sandi-salah" }));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.passphrase?.[0]).toBe("Kata sandi sertifikat salah.");
    expect(await db.signingCertificate.count({ where: { agencyId: w.agency.id } })).toBe(0);
  });

  it("refuses to sign while the agency has no certificate", async () => {
    const error = await refusal(signPerformanceReport(await as("KADIS"), { year: YEAR, quarter: 1 }));
    expect(error.message).toMatch(/belum memiliki sertifikat/);
  });

  it("stores the administrator's certificate sealed, and audits the upload", async () => {
    const admin = await as("ADMIN");
    const p12 = makeDemoP12(w.agency.name, "sandi-benar");
    const { id } = await uploadCertificate({ agencyId: w.agency.id, actor: admin.actor, meta: null }, { fileName: "instansi.p12", fileBase64: p12.toString("base64"), passphrase: "sandi-benar" });
    const row = await db.signingCertificate.findUniqueOrThrow({ where: { id } });
    expect(row.subject).toContain("DEMO");
    expect(Buffer.from(row.p12Encrypted).equals(p12)).toBe(false);
    expect(Buffer.from(row.p12Encrypted).includes(p12.subarray(0, 64))).toBe(false);
    expect(Buffer.from(row.passphraseEncrypted).toString("latin1")).not.toContain("sandi-benar");
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: "signing.certificate_upload" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(w.users.ADMIN.id);
  });

  it("refuses a member who is not the head", async () => {
    const error = await refusal(signPerformanceReport(await as("TIM_SAKIP"), { year: YEAR, quarter: 1 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await db.signedDocument.count({ where: { agencyId: w.agency.id } })).toBe(0);
  });

  it("the head's PAdES signature verifies with pdfsig; a copy with a changed byte does not", async () => {
    signed = await signPerformanceReport(await as("KADIS"), { year: YEAR, quarter: 1 });
    pdf = await fileBytes(signed.fileId);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const { stdout: report, stderr } = await pdfsigRun(pdf);
    // The incremental update the signature adds is well-formed: poppler reads it without complaint.
    expect(stderr).not.toMatch(/Syntax Error/);
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(report).toMatch(/Signer Certificate Common Name: DEMO - /);
    // PAdES baseline B-B: the signer's certificate is bound by signing-certificate-v2; no CMS signing-time.
    expect(readPdfSignature(pdf).signedAttributeTypes).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);

    // One byte inside the first signed range (the report's own objects), flipped.
    const tampered = Buffer.from(pdf);
    const at = Math.floor(pdf.indexOf("/ByteRange") / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const tamperedReport = await pdfsig(tampered);
    expect(tamperedReport).not.toContain("Signature is Valid.");
    expect(tamperedReport).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);

    const row = await db.signedDocument.findUniqueOrThrow({ where: { id: signed.id } });
    expect(row.signerJabatan).toMatch(/^Kepala /);
    expect(row.signerNip).toBe(w.users.KADIS.nip);
    expect(row.method).toBe("PADES");
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: "document.sign", entityId: signed.id } });
    expect(events).toHaveLength(1);
  });

  it("the public check: true for the signed file, false for a tampered one, and nothing else in the answer", async () => {
    const ok = await check(signed.code, pdf);
    expect(ok.status).toBe(200);
    const okJson = (await ok.json()) as Record<string, unknown>;
    expect(okJson).toEqual({ match: true, status: "SIGNED" });

    const tampered = Buffer.from(pdf);
    tampered[100] = tampered[100]! ^ 0x01;
    const bad = await check(signed.code, tampered);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ match: false, status: "SIGNED" });

    // What the public page shows: exactly these fields, no signer, no ids, no file.
    const shown = await findPublicDocument(signed.code);
    expect(Object.keys(shown!).sort()).toEqual(["agencyName", "code", "kind", "method", "sha256", "signedAt", "status", "title"]);
    expect(shown!.sha256).toBe(signed.sha256);
    expect(shown!.agencyName).toBe(w.agency.name);
  });

  it("answers bad requests with 4xx and an Indonesian message, never a 500", async () => {
    const unknown = await check("ZZZZZZZZZZ", pdf);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/Kode verifikasi tidak dikenal/);
    expect((await check("bukan kode!", pdf)).status).toBe(404);
    const noFile = await check(signed.code, null);
    expect(noFile.status).toBe(400);
    const notMultipart = await check(signed.code, null, { contentType: "application/json" });
    expect(notMultipart.status).toBe(400);
    const huge = new Request(`http://localhost/v/${signed.code}/periksa`, {
      method: "POST",
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=abc", "content-length": String(50 * 1024 * 1024) },
    });
    expect((await checkRoute(huge, { params: Promise.resolve({ code: signed.code }) })).status).toBe(413);
  });

  it("a Plt. of the head signs as 'Plt. ...'", async () => {
    const head = w.agency.roles.find((r) => r.isHead)!;
    const plt = w.users.SEKRETARIS;
    await db.actingAppointment.create({
      data: { agencyId: w.agency.id, roleId: head.id, userId: plt.id, kind: "PLT", startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000), decreeNumber: "800/1/2026" },
    });
    const doc = await signPerformanceReport(await as("SEKRETARIS"), { year: YEAR, quarter: 1 });
    const row = await db.signedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row.signerJabatan).toMatch(/^Plt\. Kepala /);
    expect(row.signerNip).toBe(plt.nip);
    expect(await pdfsig(await fileBytes(doc.fileId))).toContain("Signature is Valid.");
  });

  it("a revoked document reads 'revoked' on the public check", async () => {
    await revokeDocument(await as("KADIS"), { documentId: signed.id, reason: "Salah periode, diganti dokumen baru" });
    expect((await findPublicDocument(signed.code))!.status).toBe("REVOKED");
    expect(await (await check(signed.code, pdf)).json()).toEqual({ match: true, status: "REVOKED" });
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: "document.revoke" } });
    expect(events).toHaveLength(1);
  });

  it("a wet-signed scan gets a code too; the check matches the scan, and a non-head cannot upload one", async () => {
    const scan = Buffer.from("%PDF-1.4\n% pindaian laporan bertanda tangan basah\n%%EOF\n");
    const refused = await refusal(uploadWetSignedScan(await as("BIDANG"), { kind: "PERFORMANCE_REPORT", year: YEAR, quarter: 2, fileName: "pindaian.pdf", bytes: scan }));
    expect(refused.code).toBe("FORBIDDEN");
    const wrongKind = await uploadWetSignedScan(await as("KADIS"), { kind: "PERFORMANCE_REPORT", year: YEAR, quarter: 2, fileName: "pindaian.pdf", bytes: Buffer.from("bukan pdf") }).catch((e: unknown) => e);
    expect(wrongKind).toMatchObject({ status: 415 });

    const doc = await uploadWetSignedScan(await as("KADIS"), { kind: "PERFORMANCE_REPORT", year: YEAR, quarter: 2, fileName: "pindaian.pdf", bytes: scan });
    const shown = await findPublicDocument(doc.code);
    expect(shown).toMatchObject({ method: "WET_SCAN", status: "SIGNED", title: "Laporan Pengukuran Kinerja Triwulan II Tahun " + YEAR });
    expect(await (await check(doc.code, scan)).json()).toEqual({ match: true, status: "SIGNED" });
    expect(await (await check(doc.code, Buffer.concat([scan, Buffer.from(" ")]))).json()).toEqual({ match: false, status: "SIGNED" });
  });
});

describe("signing the LKjIP", () => {
  const flat = (t: string) => t.normalize("NFC").replace(/\s+/g, " ");
  const signingState = async () => ({
    documents: await db.signedDocument.count({ where: { agencyId: w.agency.id } }),
    files: await db.storedFile.count({ where: { agencyId: w.agency.id } }),
    audit: await db.auditEvent.count({ where: { agencyId: w.agency.id, action: "document.sign" } }),
  });
  let first: { id: string; code: string; fileId: string; sha256: string };
  let firstPdf: Buffer;

  it("the head signs the generated LKjIP PDF: PAdES verified by pdfsig, the head's block and code printed, the public check matches", async () => {
    first = await signLkjip(await as("KADIS"), { year: YEAR }, { at: new Date(Date.now() - 60_000) });
    firstPdf = await fileBytes(first.fileId);
    const report = await pdfsig(firstPdf);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
    const text = flat(await pdfToText(firstPdf));
    expect(text).toContain(`LAPORAN KINERJA`);
    expect(text).toContain(w.users.KADIS.name);
    expect(text).toContain(`Kode verifikasi: ${first.code.slice(0, 5)}-${first.code.slice(5)}`);
    expect(text).not.toContain("Draf disusun otomatis");

    const pub = (await findPublicDocument(first.code))!;
    expect(pub).toMatchObject({ kind: "LKJIP", method: "PADES", status: "SIGNED", agencyName: w.agency.name, sha256: sha256Hex(firstPdf) });
    expect(pub.title).toBe(`Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun ${YEAR}`);
    expect(await (await check(first.code, firstPdf)).json()).toEqual({ match: true, status: "SIGNED" });
    expect(await db.signedDocument.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ subject: { year: YEAR }, signerNip: w.users.KADIS.nip });
  });

  it("a second signature of the year is allowed: the page shows it, the first still verifies", async () => {
    const second = await signLkjip(await as("KADIS"), { year: YEAR });
    expect(second.code).not.toBe(first.code);
    expect(await latestSignedDocument(w.agency.id, "LKJIP", { year: YEAR })).toMatchObject({ code: second.code, method: "PADES" });
    expect(await (await check(first.code, firstPdf)).json()).toEqual({ match: true, status: "SIGNED" });
    expect(await latestSignedDocument(w.agency.id, "LKJIP", { year: YEAR - 1 })).toBeNull();
    // The document pages' panel reads both in one statement: the same answers.
    const certificate = await certificateSummary(w.agency.id);
    expect(certificate).not.toBeNull();
    expect(await signingPanel(w.agency.id, "LKJIP", { year: YEAR })).toEqual({ certificate, latestSigned: await latestSignedDocument(w.agency.id, "LKJIP", { year: YEAR }) });
    expect(await signingPanel(w.agency.id, "LKJIP", { year: YEAR - 1 })).toEqual({ certificate, latestSigned: null });
    expect((await signingPanel(w.agency.id, "LKJIP", { year: YEAR })).latestSigned).toMatchObject({ code: second.code });
    expect((await signingPanel(w.agency.id, "SOP", { year: YEAR })).latestSigned).toBeNull();
  });

  it("refuses, with nothing stored: a member who is not the head, a year without a PK", async () => {
    const before = await signingState();
    expect((await refusal(signLkjip(await as("TIM_SAKIP"), { year: YEAR }))).code).toBe("FORBIDDEN");
    const noPk = await refusal(signLkjip(await as("KADIS"), { year: YEAR + 3 }));
    expect(noPk).toMatchObject({ code: "NOT_FOUND", message: SIGNING_MESSAGES.noLkjip(YEAR + 3) });
    expect(await signingState()).toEqual(before);
  });

  it("the agency's final signed file (finished in Word) is uploaded instead: kind LKJIP, verifiable by its hash, shown as the latest", async () => {
    const final = Buffer.from("%PDF-1.7\n% LKjIP final dari Word, ditandatangani Kepala\n%%EOF\n");
    const doc = await uploadWetSignedScan(await as("KADIS"), { kind: "LKJIP", year: YEAR, fileName: "LKjIP 2025 final.pdf", bytes: final });
    expect(await findPublicDocument(doc.code)).toMatchObject({ kind: "LKJIP", method: "WET_SCAN", status: "SIGNED", sha256: sha256Hex(final) });
    expect(await (await check(doc.code, final)).json()).toEqual({ match: true, status: "SIGNED" });
    expect(await latestSignedDocument(w.agency.id, "LKJIP", { year: YEAR })).toMatchObject({ code: doc.code, method: "WET_SCAN" });
  });

  it("refuses an LKjIP upload, with nothing stored: not the head, a year without a PK, a Word file", async () => {
    const before = await signingState();
    const final = { fileName: "lkjip.pdf", bytes: Buffer.from("%PDF-1.7\n%%EOF\n") };
    expect((await refusal(uploadWetSignedScan(await as("TIM_SAKIP"), { kind: "LKJIP", year: YEAR, ...final }))).code).toBe("FORBIDDEN");
    expect((await refusal(uploadWetSignedScan(await as("KADIS"), { kind: "LKJIP", year: YEAR + 3, ...final }))).code).toBe("NOT_FOUND");
    const word = await uploadWetSignedScan(await as("KADIS"), { kind: "LKJIP", year: YEAR, fileName: "lkjip.docx", bytes: Buffer.from("PK\u0003\u0004 docx") }).catch((e: unknown) => e);
    expect(word).toMatchObject({ status: 415 });
    expect(await signingState()).toEqual(before);
  });
});
