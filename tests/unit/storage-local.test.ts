/**
 * The local-disk driver: what goes in comes out, writes are atomic (no
 * temporary file left, no partial file visible), and no key (ours are
 * `<agencyId>/<24 hex>`) can reach outside the root. Configuration refuses a
 * root under public/ and an incomplete S3 configuration.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import {
  filesRoot,
  getStorage,
  LocalDiskStorage,
  newStorageKey,
  StorageConfigError,
  StorageKeyError,
  StorageNotFoundError,
} from "@/lib/storage";

let base: string;
let root: string;
let storage: LocalDiskStorage;

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "alur-storage-unit-"));
  root = path.join(base, "files");
  storage = new LocalDiskStorage(root);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function readAll(body: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Every file under a folder, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe("newStorageKey", () => {
  it("is <agencyId>/<24 hex>, fresh every time", () => {
    const a = newStorageKey("cm9agency0001");
    const b = newStorageKey("cm9agency0001");
    expect(a).toMatch(/^cm9agency0001\/[0-9a-f]{24}$/);
    expect(a).not.toBe(b);
  });

  it("refuses an agency id that could form a path", () => {
    expect(() => newStorageKey("../x")).toThrow(StorageKeyError);
    expect(() => newStorageKey("")).toThrow(StorageKeyError);
  });
});

describe("LocalDiskStorage", () => {
  it("stores, reads back, reports and removes a file under <root>/<agencyId>/", async () => {
    const key = newStorageKey("agencyA");
    const bytes = Buffer.from("%PDF-1.4 data dukung");
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, bytes);
    expect(await storage.exists(key)).toBe(true);
    expect(await readFile(path.join(root, key))).toEqual(bytes);
    expect(await readAll(await storage.get(key))).toEqual(bytes);
    // Atomic write: the temporary file was renamed, nothing else is left.
    expect(await listFiles(base)).toEqual([path.join("files", key)]);
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.remove(key); // removing twice is fine
  });

  it("throws StorageNotFoundError for a missing file when asked, not later mid-stream", async () => {
    await expect(storage.get(newStorageKey("agencyA"))).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("refuses every key that is not <segment>/<segment> inside the root, writing nothing", async () => {
    const hostile = [
      "../escape",
      "../../etc/passwd",
      "agencyA/../../escape",
      "agencyA/..",
      "/etc/passwd",
      "agencyA/sub/file",
      "agencyA\\..\\..\\escape",
      "agencyA/file\u0000.pdf",
      "agencyA/",
      "agencyA",
      "",
      path.join(base, "escape"),
    ];
    for (const key of hostile) {
      await expect(storage.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.exists(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.remove(key), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    expect(await listFiles(base)).toEqual([]);
  });

  it("overwrites a key as one atomic replacement", async () => {
    const key = newStorageKey("agencyA");
    await storage.put(key, Buffer.from("versi 1"));
    await storage.put(key, Buffer.from("versi 2"));
    expect((await readFile(path.join(root, key))).toString()).toBe("versi 2");
    expect(await listFiles(root)).toEqual([key]);
  });
});

describe("configuration", () => {
  it("roots local storage at ALUR_FILES_DIR, by default .data/files of the working directory", () => {
    expect(filesRoot({})).toBe(path.join(process.cwd(), ".data", "files"));
    expect(filesRoot({ ALUR_FILES_DIR: root })).toBe(root);
    expect(filesRoot({ ALUR_FILES_DIR: "relatif/berkas" })).toBe(path.resolve("relatif/berkas"));
  });

  it("refuses a root inside public/, where Next.js serves files to anyone", () => {
    expect(() => filesRoot({ ALUR_FILES_DIR: "public" })).toThrow(StorageConfigError);
    expect(() => filesRoot({ ALUR_FILES_DIR: path.join(process.cwd(), "public", "uploads") })).toThrow(StorageConfigError);
    expect(() => getStorage({ ALUR_FILES_DIR: "public/berkas" })).toThrow(/public/);
  });

  it("selects local disk by default, S3 only when fully configured, and refuses unknown drivers with a clear message", () => {
    expect(getStorage({ ALUR_FILES_DIR: root })).toBeInstanceOf(LocalDiskStorage);
    expect(getStorage({ ALUR_STORAGE: "local", ALUR_FILES_DIR: root })).toBeInstanceOf(LocalDiskStorage);
    expect(() => getStorage({ ALUR_STORAGE: "s3", S3_BUCKET: "alur" })).toThrow(StorageConfigError);
    expect(() => getStorage({ ALUR_STORAGE: "s3" })).toThrow(/needs S3_ENDPOINT, S3_REGION, S3_BUCKET/);
    expect(() => getStorage({ ALUR_STORAGE: "ftp" })).toThrow(/unknown storage driver/);
  });
});
