import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

/**
 * Local file storage in a fresh temporary folder for one test file: before the file's own
 * `beforeAll` (call it above that), ALUR_FILES_DIR points at `<base>/files` and ALUR_STORAGE is
 * unset (the local driver); after the file, both are restored and the folder is removed. The
 * paths are read once the hooks have run (`storage.base`, `storage.filesDir`).
 */
export function temporaryFileStorage(prefix: string): { readonly base: string; readonly filesDir: string } {
  const previousFilesDir = process.env.ALUR_FILES_DIR;
  const previousDriver = process.env.ALUR_STORAGE;
  const storage = { base: "", filesDir: "" };
  beforeAll(async () => {
    storage.base = await mkdtemp(path.join(os.tmpdir(), prefix));
    storage.filesDir = path.join(storage.base, "files");
    process.env.ALUR_FILES_DIR = storage.filesDir;
    delete process.env.ALUR_STORAGE;
  });
  afterAll(async () => {
    if (previousFilesDir === undefined) delete process.env.ALUR_FILES_DIR;
    else process.env.ALUR_FILES_DIR = previousFilesDir;
    if (previousDriver !== undefined) process.env.ALUR_STORAGE = previousDriver;
    await rm(storage.base, { recursive: true, force: true });
  });
  return storage;
}
