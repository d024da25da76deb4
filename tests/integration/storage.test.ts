/**
 * File uploads on a real database and a temporary ALUR_FILES_DIR: what a
 * member would notice (the file is there, with its hash, in the audit trail,
 * downloadable by the agency only), what is refused (another agency's
 * realization or task, a submitted realization, a closed task, someone
 * else's task, a renamed executable) and that a refusal or a failed database
 * write leaves no file behind. Nothing is ever written outside the root.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { cancelCycle, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { sha256Hex, UploadRejectedError } from "@/lib/storage/validate";
import { getDownload, recordDownload, storeUpload, type StoreUploadInput } from "@/lib/storage/service";

import { actorOf, addMembership, createAgency, createAgencyLike, createUser, cycleActorOf } from "./factories";
import { createRealization, EXE, PDF, PNG, realizationWorld } from "./upload-world";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];

let base: string;
let root: string;
const previousFilesDir = process.env.ALUR_FILES_DIR;
const previousDriver = process.env.ALUR_STORAGE;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "alur-storage-it-"));
  root = path.join(base, "files");
  process.env.ALUR_FILES_DIR = root;
  delete process.env.ALUR_STORAGE;
});
afterAll(async () => {
  if (previousFilesDir === undefined) delete process.env.ALUR_FILES_DIR;
  else process.env.ALUR_FILES_DIR = previousFilesDir;
  if (previousDriver !== undefined) process.env.ALUR_STORAGE = previousDriver;
  await rm(base, { recursive: true, force: true });
});

/** Every file under the temporary folder (the root's parent), relative to it. */
async function filesUnderBase(): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(base, path.join(e.parentPath, e.name))).sort();
}

async function readAll(body: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
}

describe("storeUpload to a realization", () => {
  let before: string[];
  beforeEach(async () => {
    before = await filesUnderBase().catch(() => []);
  });

  it("writes the file inside the root, records its row with the sha256 and a file.upload audit event", async () => {
    const { agency, user, realization, upload } = await realizationWorld();
    const stored = await upload();
    expect(stored).toMatchObject({ name: "Data dukung IKU1 TW I.pdf", size: PDF.length, sha256: sha256Hex(PDF), mimeType: "application/pdf" });

    const row = await db.storedFile.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row).toMatchObject({
      agencyId: agency.id,
      originalName: "Data dukung IKU1 TW I.pdf",
      mimeType: "application/pdf",
      size: PDF.length,
      sha256: sha256Hex(PDF),
      realizationId: realization.id,
      taskId: null,
      uploadedById: user.id,
    });
    expect(row.storageKey).toMatch(new RegExp(`^${agency.id}/[0-9a-f]{24}$`));
    // On disk under <root>/<agencyId>/, the exact bytes; the only new file.
    expect(await readFile(path.join(root, row.storageKey))).toEqual(PDF);
    expect((await filesUnderBase()).filter((f) => !before.includes(f))).toEqual([path.join("files", row.storageKey)]);

    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "file.upload", entityId: stored.id } });
    expect(event).toMatchObject({ entityType: "StoredFile", actorId: user.id, ip: "10.0.0.7", requestId: "req-upload" });
    expect(event.data).toEqual({
      fileId: stored.id,
      name: "Data dukung IKU1 TW I.pdf",
      size: PDF.length,
      sha256: sha256Hex(PDF),
      realizationId: realization.id,
      taskId: null,
    });
  });

  it("is downloadable by the agency, with a file.download event, and by no other agency", async () => {
    const { agency, user, upload } = await realizationWorld();
    const stored = await upload({ bytes: PNG, originalName: "foto lapangan.png" });
    const { file, body } = await getDownload(agency.id, stored.id);
    expect(file).toMatchObject({ id: stored.id, name: "foto lapangan.png", mimeType: "image/png", size: PNG.length, sha256: sha256Hex(PNG) });
    expect(await readAll(body)).toEqual(PNG);
    await recordDownload(file, { agencyId: agency.id, actor: actorOf(user, ["AUDITOR"]), meta: null });
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, action: "file.download", entityId: stored.id } })).toBe(1);

    const other = await createAgency();
    const error = await rejection(getDownload(other.id, stored.id));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });

  it("answers not found, and writes nothing, for another agency's realization", async () => {
    const { upload } = await realizationWorld();
    const other = await createAgency();
    const foreign = await createRealization(other.id);
    const rowsBefore = await db.storedFile.count();
    const error = await rejection(upload({ target: { realizationId: foreign.id } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Realisasi tidak ditemukan." });
    expect(await filesUnderBase()).toEqual(before);
    expect(await db.storedFile.count()).toBe(rowsBefore);
    expect(await db.storedFile.count({ where: { realizationId: foreign.id } })).toBe(0);
  });

  it("refuses a realization that is no longer DRAFT or RETURNED, and accepts a RETURNED one", async () => {
    const { agency, upload } = await realizationWorld();
    for (const status of ["SUBMITTED", "VERIFIED"] as const) {
      const locked = await createRealization(agency.id, status);
      expect(await rejection(upload({ target: { realizationId: locked.id }, unitIds: [locked.unitId] }))).toMatchObject({ code: "CONFLICT" });
    }
    expect(await filesUnderBase()).toEqual(before);
    const returned = await createRealization(agency.id, "RETURNED");
    expect((await upload({ target: { realizationId: returned.id }, unitIds: [returned.unitId] })).size).toBe(PDF.length);
  });

  it("refuses a member of another unit, as for filling the value", async () => {
    const { agency, upload } = await realizationWorld();
    const otherUnits = await createRealization(agency.id);
    const error = await rejection(upload({ target: { realizationId: otherUnits.id } }));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Indikator ini menjadi tanggung jawab unit kerja lain." });
    expect(await rejection(upload({ unitIds: [] }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await filesUnderBase()).toEqual(before);
  });

  it("refuses a realization of an archived period (its cycle completed), even while DRAFT", async () => {
    const { agency, user, realization, upload } = await realizationWorld();
    const admin = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    const sopCtx = (u: typeof user, code: string) => ({ agencyId: agency.id, actor: actorOf(u, [code]), meta: null });
    const { id: sopId } = await createSop(SOP, sopCtx(admin, "ADMIN"));
    await activateSop(sopId, sopCtx(admin, "KADIS"));
    const sop = await db.sop.findUniqueOrThrow({ where: { id: sopId }, select: { seriesId: true } });
    await db.measurementCycle.create({
      data: { agencyId: agency.id, sopId, seriesId: sop.seriesId, year: realization.year, period: "TW1", status: "COMPLETED", startedById: user.id },
    });
    expect(await rejection(upload())).toMatchObject({ code: "CONFLICT", message: "Periode ini sudah diarsipkan: datanya tidak dapat diubah lagi." });
    expect(await filesUnderBase()).toEqual(before);
  });

  it("refuses an executable renamed .pdf before anything is written", async () => {
    const { upload } = await realizationWorld();
    const error = await rejection(upload({ bytes: EXE, originalName: "laporan.pdf", declaredType: "application/pdf" }));
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect(error).toMatchObject({ status: 415 });
    expect((error as Error).message).toContain("Isi berkas bukan PDF");
    expect(await filesUnderBase()).toEqual(before);
  });

  it("removes the written file when the database part fails: no orphan", async () => {
    const { agency, user, upload } = await realizationWorld();
    const rowsBefore = await db.storedFile.count({ where: { agencyId: agency.id } });
    const eventsBefore = await db.auditEvent.count({ where: { agencyId: agency.id } });
    // An uploader id that is no user: the StoredFile insert violates its foreign key.
    const error = await rejection(upload({ uploadedBy: { ...actorOf(user, ["BIDANG"]), id: "cm-no-such-user" } }));
    expect(error).not.toBeInstanceOf(AppError);
    expect(await filesUnderBase()).toEqual(before);
    expect(await db.storedFile.count({ where: { agencyId: agency.id } })).toBe(rowsBefore);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id } })).toBe(eventsBefore);
  });

  it("never writes outside the root, whatever the original name", async () => {
    const { agency, upload } = await realizationWorld();
    const hostile = [
      "../../../../outside.pdf",
      "/etc/cron.d/evil.pdf",
      "..\\..\\..\\Windows\\evil.pdf",
      `${root}/../escape.pdf`,
      "..",
      "x\u0000/../../y.pdf",
      `${"../".repeat(50)}deep.pdf`,
    ];
    const names: string[] = [];
    for (const originalName of hostile) {
      const result = await upload({ originalName }).then(
        (stored) => stored.name,
        (error: unknown) => (error instanceof UploadRejectedError ? `refused: ${error.status}` : Promise.reject(error)),
      );
      names.push(result);
    }
    expect(names).toEqual(["outside.pdf", "evil.pdf", "evil.pdf", "escape.pdf", "refused: 415", "y.pdf", "deep.pdf"]);
    const added = (await filesUnderBase()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(6);
    for (const file of added) expect(file).toMatch(new RegExp(`^files/${agency.id}/[0-9a-f]{24}$`));
    const stored = await db.storedFile.findMany({ where: { agencyId: agency.id }, select: { originalName: true, storageKey: true } });
    for (const row of stored) {
      expect(row.originalName).not.toMatch(/[/\\\u0000]|\.\./);
      expect(row.storageKey).not.toContain(row.originalName);
    }
  });
});

// ---------------------------------------------------------------------------
// Outputs of workflow steps
// ---------------------------------------------------------------------------

/** BMCKTR's roles, the seed SOP active, a cycle started: step 1's task is open for its executor. */
async function taskWorld() {
  const agency = await createAgencyLike(SUMBAR);
  const firstExecutor = SOP.steps.find((s) => s.number === 1)!.executorRoleCode;
  const [admin, kadis, executor, outsider] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  await addMembership(admin.id, agency, "ADMIN");
  await addMembership(kadis.id, agency, "KADIS");
  await addMembership(executor.id, agency, firstExecutor);
  const otherCode = agency.roles.find((r) => r.code !== firstExecutor && r.code !== "ADMIN" && r.code !== "AUDITOR")!.code;
  await addMembership(outsider.id, agency, otherCode);
  const sopCtx = (user: typeof admin, code: string) => ({ agencyId: agency.id, actor: actorOf(user, [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx(admin, "ADMIN"));
  await activateSop(sopId, sopCtx(kadis, "KADIS"));
  const cycle = await startCycle({ sopId, year: 2025, period: "TW1" }, cycleActorOf(admin, agency, ["ADMIN"]));
  const task = await db.cycleTask.findFirstOrThrow({ where: { cycleId: cycle.id, stepNumber: 1 } });
  const uploadAs = (user: typeof admin, code: string, overrides: Partial<StoreUploadInput> = {}) =>
    storeUpload({
      agencyId: agency.id,
      uploadedBy: actorOf(user, [code]),
      roleIds: cycleActorOf(user, agency, [code]).roleIds,
      unitIds: [],
      bytes: PDF,
      originalName: "Nota dinas.pdf",
      target: { taskId: task.id },
      ...overrides,
    });
  return { agency, admin, executor, outsider, firstExecutor, otherCode, cycle, task, uploadAs };
}

describe("storeUpload to a cycle task", () => {
  it("attaches an output for the task's executor, refuses other roles and other agencies, and closed cycles", async () => {
    const w = await taskWorld();
    const stored = await w.uploadAs(w.executor, w.firstExecutor);
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ taskId: w.task.id, realizationId: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "file.upload", entityId: stored.id } });
    expect(event.data).toMatchObject({ taskId: w.task.id, realizationId: null });

    const before = await filesUnderBase();
    expect(await rejection(w.uploadAs(w.outsider, w.otherCode))).toMatchObject({ code: "FORBIDDEN" });

    const other = await createAgency();
    const stranger = await createUser();
    await addMembership(stranger.id, other, "TIM_SAKIP");
    const foreign = await rejection(
      storeUpload({
        agencyId: other.id,
        uploadedBy: actorOf(stranger, ["TIM_SAKIP"]),
        roleIds: [w.task.assignedRoleId], // even claiming the right role id
        unitIds: [],
        bytes: PDF,
        originalName: "x.pdf",
        target: { taskId: w.task.id },
      }),
    );
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Langkah tidak ditemukan." });

    await cancelCycle({ cycleId: w.cycle.id, reason: "Salah periode." }, cycleActorOf(w.admin, w.agency, ["ADMIN"]));
    expect(await rejection(w.uploadAs(w.executor, w.firstExecutor))).toMatchObject({ code: "CONFLICT" });
    expect(await filesUnderBase()).toEqual(before);
  });
});

/**
 * The open-target check and the insert are one guarded step: the upload's
 * transaction locks the realization (or task) it checks, so a submit or a
 * completion that commits meanwhile is either waited for and seen, or waits
 * for the upload. PostgreSQL only: PGlite serves one query at a time, so two
 * transactions never interleave there and the race cannot fail.
 */
describe("storeUpload racing a status change", () => {
  const onPostgres = !inject("embeddedDatabase");

  /** Runs `change` in a transaction held open until the upload has started, then commits it. */
  async function whileHeld(change: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>, during: () => Promise<unknown>) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let changed!: () => void;
    const isChanged = new Promise<void>((resolve) => (changed = resolve));
    const other = db.$transaction(
      async (tx) => {
        await change(tx);
        changed();
        await held;
      },
      { timeout: 15_000 },
    );
    await isChanged;
    const result = during().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await other;
    return result;
  }

  it.skipIf(!onPostgres)("an upload racing a submit never lands on the submitted realization (skipped on PGlite: no interleaving)", async () => {
    const { realization, upload } = await realizationWorld();
    const before = await filesUnderBase();
    const result = await whileHeld(
      (tx) => tx.realization.update({ where: { id: realization.id }, data: { status: "SUBMITTED", submittedAt: new Date() } }),
      () => upload(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.storedFile.count({ where: { realizationId: realization.id } })).toBe(0);
    expect(await filesUnderBase()).toEqual(before);
  });

  it.skipIf(!onPostgres)("an upload racing the completion of its task never lands on the closed task (skipped on PGlite: no interleaving)", async () => {
    const w = await taskWorld();
    const before = await filesUnderBase();
    const result = await whileHeld(
      (tx) => tx.cycleTask.update({ where: { id: w.task.id }, data: { status: "DONE", outcome: "COMPLETED", completedAt: new Date() } }),
      () => w.uploadAs(w.executor, w.firstExecutor),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.storedFile.count({ where: { taskId: w.task.id } })).toBe(0);
    expect(await filesUnderBase()).toEqual(before);
  });
});
