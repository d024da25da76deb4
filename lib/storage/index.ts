import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

import { StorageConfigError, StorageKeyError, StorageNotFoundError, type TEnv } from "./errors";
import { S3_SETTINGS, s3ConfigFromEnv, S3Storage } from "./s3";

export { StorageConfigError, StorageKeyError, StorageNotFoundError, type TEnv } from "./errors";
export { S3_SETTINGS, S3Storage } from "./s3";

/**
 * The storage layer for uploaded files (data dukung, step outputs). One
 * machine keeps them on local disk; several app instances need a shared,
 * S3-compatible bucket (docs/decisions/004-file-storage.md). Keys are always
 * generated here (`<agencyId>/<24 hex>`), never derived from a user's file
 * name, and files are only ever served through the authorized download route.
 */
export interface FileStorage {
  /** Writes the whole object, atomically: readers never see a partial file. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The object's content; throws {@link StorageNotFoundError} when it does not exist. */
  get(key: string): Promise<Buffer | NodeJS.ReadableStream>;
  /** Deletes the object; a missing object is not an error. */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** `<agencyId>/<random id>`: two path segments of [A-Za-z0-9_-]. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;

/** A fresh key for an agency's file: 96 random bits, nothing from the user. */
export function newStorageKey(agencyId: string): string {
  const key = `${agencyId}/${randomBytes(12).toString("hex")}`;
  if (!KEY_PATTERN.test(key)) throw new StorageKeyError(key);
  return key;
}

export const DEFAULT_FILES_DIR = path.join(process.cwd(), ".data", "files");

/** The root of the local-disk driver: `ALUR_FILES_DIR`, or `.data/files`. */
export function filesRoot(env: TEnv = process.env): string {
  const root = env.ALUR_FILES_DIR ? path.resolve(env.ALUR_FILES_DIR) : DEFAULT_FILES_DIR;
  // Anything under public/ is served to anyone by Next.js, without authorization.
  const publicDir = path.join(process.cwd(), "public");
  if (root === publicDir || isInside(publicDir, root)) {
    throw new StorageConfigError(`ALUR_FILES_DIR must not be inside public/ (${root}): files there are served without authorization.`);
  }
  return root;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** Files under one folder. Every key resolves inside it or is refused. */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute path of a key, or a {@link StorageKeyError}. */
  resolve(key: string): string {
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) throw new StorageKeyError(key);
    const full = path.resolve(this.root, key);
    // Belt and braces: the pattern already excludes "..", separators and absolute paths.
    if (!full.startsWith(this.root + path.sep)) throw new StorageKeyError(key);
    return full;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.resolve(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Same folder as the target, so the rename is atomic (one filesystem).
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await open(temp, "wx", 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => {});
      throw error;
    }
  }

  async get(key: string): Promise<NodeJS.ReadableStream> {
    const target = this.resolve(key);
    try {
      // Opened here, so a missing file fails now rather than mid-response.
      const handle = await open(target, "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.resolve(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }
}

let cached: { config: string; storage: FileStorage } | undefined;

/**
 * The configured driver: `ALUR_STORAGE` = `local` (default) or `s3`. Read on
 * each call (cheap, cached per configuration) so tests can point it elsewhere.
 */
export function getStorage(env: TEnv = process.env): FileStorage {
  const driver = (env.ALUR_STORAGE ?? "local").trim().toLowerCase() || "local";
  const config = [driver, env.ALUR_FILES_DIR, ...S3_SETTINGS.map((name) => env[name]), env.S3_PREFIX, env.S3_FORCE_PATH_STYLE].join("|");
  if (cached?.config === config) return cached.storage;
  let storage: FileStorage;
  if (driver === "local") storage = new LocalDiskStorage(filesRoot(env));
  else if (driver === "s3") storage = new S3Storage(s3ConfigFromEnv(env));
  else throw new StorageConfigError(`ALUR_STORAGE=${env.ALUR_STORAGE}: unknown storage driver (use "local" or "s3").`);
  cached = { config, storage };
  return storage;
}
