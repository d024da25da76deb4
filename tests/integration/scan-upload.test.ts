/**
 * The wet-signed scan / LKjIP final file upload route (docs/decisions/060-scan-uploads.md):
 * multipart to /a/<slug>/tanda-tangan/unggah, the route's handler (lib/signing/scan-upload.ts)
 * driven with plain Requests and a real agency context (the door, agencyRoute, is the one every
 * route uses; the proof suite probes it with sessions).
 * - A 5 MB scan (over a server action's 2 MB body) and a 5 MB final LKjIP are stored: 201, the
 *   blob byte for byte, one StoredFile, one SignedDocument, one "document.sign" audit row.
 * - Refused with an Indonesian `{ error }` and NOTHING written (no row, no audit, no blob): another
 *   agency's document (404), a member who is not the head (403), a document in the wrong state
 *   (a draft SOP, a year without a PK), a file over the 20 MB limit (413, naming the limit), not a
 *   PDF (415), a malformed form (400).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { buildAgencyContext, loadAgencyContext, type SessionUser } from "@/lib/authz/context";
import type { RouteContext } from "@/lib/authz/route";
import { db } from "@/lib/db/client";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { wetScanUploadResponse } from "@/lib/signing/scan-upload";
import { createSop } from "@/lib/sop/service";
import { t } from "@/lib/i18n";
import { STORAGE_MESSAGES } from "@/lib/storage/messages";
import { sha256Hex } from "@/lib/storage/validate";

import { actorOf, addMembership, createAgency, createUser } from "./factories";
import { setup, SOP, YEAR, type World } from "./performance-world";
import { storedFileBytes } from "./stored-bytes";
import { temporaryFileStorage } from "./temp-storage";

const storage = temporaryFileStorage("alur-scan-upload-it-");
let w: World;
let foreign: { slug: string; head: { id: string; nip: string; name: string } };

beforeAll(async () => {
  w = await setup();
  const other = await createAgency(["KADIS"]);
  const head = await createUser({ name: "Kepala Instansi Lain" });
  await addMembership(head.id, other, "KADIS");
  foreign = { slug: other.slug, head };
}, 120_000);

async function routeCtx(user: { id: string; nip: string; name: string }, slug: string): Promise<RouteContext> {
  const session: SessionUser = { id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  const loaded = await loadAgencyContext(user.id, slug);
  const ctx = buildAgencyContext(session, loaded!);
  return { ...ctx, actor: actorOf(user, ctx.roleCodes), meta: { ip: null, userAgent: null, requestId: null } };
}

/** A ~`mb` MB PDF as a scanner writes it: the header the server checks, bulk, the trailer. */
function scannedPdf(mb: number, label = "pindaian"): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n`);
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(Math.round(mb * 1024 * 1024) - head.length - tail.length, 0x20), tail]);
}

function post(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null): Request {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  return new Request(`http://localhost/a/${w.agency.slug}/tanda-tangan/unggah`, { method: "POST", body: form });
}

/** Everything an upload writes: rows of both agencies, and the blobs on disk. */
async function written() {
  const blobs = async (dir: string): Promise<number> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    let n = 0;
    for (const e of entries) n += e.isDirectory() ? await blobs(path.join(dir, e.name)) : 1;
    return n;
  };
  return {
    documents: await db.signedDocument.count(),
    files: await db.storedFile.count(),
    audit: await db.auditEvent.count({ where: { action: "document.sign" } }),
    blobs: await blobs(storage.filesDir),
  };
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { error?: string; code?: string; fileId?: string; name?: string; size?: number } };
}

describe("the scan upload route", () => {
  it("stores a 5 MB wet-signed scan of the report and a 5 MB final LKjIP: 201, the file byte for byte, its document and audit row", async () => {
    const head = await routeCtx(w.users.KADIS, w.agency.slug);
    const before = await written();

    const scan = scannedPdf(5, "laporan TW II bertanda tangan basah");
    const r1 = await answer(await wetScanUploadResponse(head, post({ kind: "PERFORMANCE_REPORT", year: String(YEAR), quarter: "2" }, { name: "laporan-tw2.pdf", bytes: scan })));
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ name: "laporan-tw2.pdf", size: scan.length });
    expect((await storedFileBytes(r1.body.fileId!)).equals(scan)).toBe(true);
    const doc = await db.signedDocument.findUniqueOrThrow({ where: { code: r1.body.code! }, include: { file: true } });
    expect(doc).toMatchObject({ agencyId: w.agency.id, kind: "PERFORMANCE_REPORT", method: "WET_SCAN", sha256: sha256Hex(scan), subject: { year: YEAR, quarter: 2 } });
    expect(doc.file).toMatchObject({ originalName: "laporan-tw2.pdf", size: scan.length, mimeType: "application/pdf" });

    const final = scannedPdf(5, "LKjIP final");
    const r2 = await answer(await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR) }, { name: "LKjIP 2025 final.pdf", bytes: final })));
    expect(r2.status).toBe(201);
    expect((await storedFileBytes(r2.body.fileId!)).equals(final)).toBe(true);
    expect(await db.signedDocument.findUniqueOrThrow({ where: { code: r2.body.code! } })).toMatchObject({ kind: "LKJIP", subject: { year: YEAR } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "document.sign", entityType: "SignedDocument" }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toMatchObject({ kind: "LKJIP", method: "WET_SCAN", code: r2.body.code });

    expect(await written()).toEqual({ documents: before.documents + 2, files: before.files + 2, audit: before.audit + 2, blobs: before.blobs + 2 });
  }, 60_000);

  it("refuses, writing nothing: another agency's document, not the head, the wrong state, too big, not a PDF, a malformed form", async () => {
    const { id: draftSopId } = await createSop({ ...SOP, nomor: `${SOP.nomor}-DRAF-UNGGAH` }, { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null });
    const head = await routeCtx(w.users.KADIS, w.agency.slug);
    const pdf = { name: "pindaian.pdf", bytes: scannedPdf(0.1) };
    const before = await written();

    // Another agency's head, aiming at this agency's SOP in force: not found, as if it did not exist.
    const otherHead = await routeCtx(foreign.head, foreign.slug);
    expect(await answer(await wetScanUploadResponse(otherHead, post({ kind: "SOP", sopId: w.sopId }, pdf)))).toEqual({ status: 404, body: { error: SIGNING_MESSAGES.sopNotFound } });
    // A member who is not the head (Tim SAKIP), and the read-only auditor's role set: refused before the body is read.
    const timSakip = await routeCtx(w.users.TIM_SAKIP, w.agency.slug);
    expect(await answer(await wetScanUploadResponse(timSakip, post({ kind: "LKJIP", year: String(YEAR) }, pdf)))).toEqual({ status: 403, body: { error: t.errors.forbidden } });
    expect(await answer(await wetScanUploadResponse({ ...head, readOnly: true }, post({ kind: "LKJIP", year: String(YEAR) }, pdf)))).toEqual({ status: 403, body: { error: t.errors.forbidden } });
    // The wrong state: an SOP still in draft, a year without a PK (no LKjIP).
    expect(await answer(await wetScanUploadResponse(head, post({ kind: "SOP", sopId: draftSopId }, pdf)))).toEqual({ status: 400, body: { error: SIGNING_MESSAGES.sopNotActive } });
    expect(await answer(await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR + 3) }, pdf)))).toEqual({ status: 404, body: { error: SIGNING_MESSAGES.noLkjip(YEAR + 3) } });
    // Over the 20 MB limit: 413, naming the limit.
    const big = await answer(await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR) }, { name: "besar.pdf", bytes: scannedPdf(21) })));
    expect(big).toEqual({ status: 413, body: { error: STORAGE_MESSAGES.tooLarge(20) } });
    expect(big.body.error).toBe("Ukuran berkas melebihi batas 20 MB. Perkecil atau pisahkan berkasnya.");
    // Not a PDF: a text file named .pdf (magic bytes), and a Word file.
    expect(await answer(await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR) }, { name: "lkjip.pdf", bytes: Buffer.from("bukan pdf, hanya teks") })))).toEqual({
      status: 415,
      body: { error: STORAGE_MESSAGES.contentMismatch("PDF") },
    });
    expect((await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR) }, { name: "lkjip.docx", bytes: Buffer.from("PK\u0003\u0004 docx") }))).status).toBe(415);
    // Malformed: no file, no or an unknown kind, a year that is not a number, not multipart at all.
    expect(await answer(await wetScanUploadResponse(head, post({ kind: "LKJIP", year: String(YEAR) }, null)))).toEqual({ status: 400, body: { error: STORAGE_MESSAGES.fileMissing } });
    for (const fields of [{} as Record<string, string>, { kind: "RAHASIA", year: String(YEAR) }, { kind: "LKJIP", year: "dua ribu" }, { kind: "PERFORMANCE_REPORT", year: String(YEAR), quarter: "5" }]) {
      expect(await answer(await wetScanUploadResponse(head, post(fields, pdf)))).toEqual({ status: 400, body: { error: SIGNING_MESSAGES.scanTargetInvalid } });
    }
    const plain = new Request("http://localhost/x", { method: "POST", body: "kind=LKJIP", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(await answer(await wetScanUploadResponse(head, plain))).toEqual({ status: 400, body: { error: STORAGE_MESSAGES.notMultipart } });

    expect(await written()).toEqual(before);
  }, 60_000);
});
