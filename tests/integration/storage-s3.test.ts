/**
 * The S3 driver against a real S3 protocol peer (s3rver: the S3 REST API over
 * HTTP, objects on a temporary folder) — the same requests the SDK sends to
 * MinIO, Ceph or AWS. What goes in comes out, missing objects are "not found",
 * keys keep their shape and prefix, and an upload through the app's service
 * lands in the bucket and downloads back for its agency only.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { db } from "@/lib/db/client";
import { getStorage, newStorageKey, S3Storage, StorageConfigError, StorageKeyError, StorageNotFoundError } from "@/lib/storage";
import { getDownload } from "@/lib/storage/service";
import { sha256Hex } from "@/lib/storage/validate";

import { createAgency } from "./factories";
import { PDF, PNG, realizationWorld } from "./upload-world";

const BUCKET = "alur-berkas";
let base: string;
let server: S3rver;
let env: Record<string, string>;
const saved = { ...process.env };

async function readAll(body: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Every object key in the bucket, read over the S3 API (ListObjectsV2). */
async function bucketKeys(): Promise<string[]> {
  const { S3Client, ListObjectsV2Command } = await import("@aws-sdk/client-s3");
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  client.destroy();
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "alur-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: base, configureBuckets: [{ name: BUCKET }] });
  const address = (await server.run()) as AddressInfo;
  env = {
    ALUR_STORAGE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_REGION: "us-east-1",
    S3_BUCKET: BUCKET,
    // s3rver's built-in key pair; it refuses unknown keys (SigV4 signatures themselves it does not check).
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_PREFIX: "alur",
  };
  Object.assign(process.env, env);
});

afterAll(async () => {
  for (const name of Object.keys(env)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe("S3 driver", () => {
  it("is what ALUR_STORAGE=s3 selects, and names every missing setting", () => {
    expect(getStorage(env)).toBeInstanceOf(S3Storage);
    expect(() => getStorage({ ALUR_STORAGE: "s3", S3_BUCKET: "x" })).toThrow(StorageConfigError);
    expect(() => getStorage({ ALUR_STORAGE: "s3", S3_BUCKET: "x" })).toThrow(
      /S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
  });

  it("stores, reads back, tells existence and deletes, under the prefix", async () => {
    const storage = getStorage(env);
    const key = newStorageKey("agencyA");
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, PDF);
    expect(await storage.exists(key)).toBe(true);
    expect(await readAll(await storage.get(key))).toEqual(PDF);
    expect(await bucketKeys()).toContain(`alur/${key}`);

    await storage.put(key, PNG); // overwrite: readers get the whole new object
    expect(await readAll(await storage.get(key))).toEqual(PNG);

    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.remove(key); // a missing object is not an error
  });

  it("refuses keys that are not ours before any request", async () => {
    const storage = getStorage(env);
    for (const key of ["../x/y", "a/b/c", "/etc/passwd", "a", "a/..", "a/b\u0000"]) {
      await expect(storage.put(key, PDF)).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    }
    expect((await bucketKeys()).every((k) => /^alur\/[A-Za-z0-9_-]+\/[0-9a-f]{24}$/.test(k))).toBe(true);
  });

  it("fails loudly on an unknown access key or a missing bucket, rather than pretending", async () => {
    const key = newStorageKey("agencyA");
    await expect(getStorage({ ...env, S3_ACCESS_KEY_ID: "NOT-A-KEY" }).put(key, PDF)).rejects.toThrow(/Access Key/i);
    await expect(getStorage({ ...env, S3_BUCKET: "no-such-bucket" }).put(key, PDF)).rejects.toThrow(/bucket/i);
    expect(await bucketKeys()).not.toContain(`alur/${key}`);
  });
});

describe("uploads through the app with ALUR_STORAGE=s3", () => {
  it("land in the bucket with their sha256 and download back for their agency only", async () => {
    const { agency, upload } = await realizationWorld();
    const stored = await upload();
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.sha256).toBe(sha256Hex(PDF));
    expect(await bucketKeys()).toContain(`alur/${row.storageKey}`);

    const { body } = await getDownload(agency.id, stored.id);
    expect(await readAll(body)).toEqual(PDF);

    const other = await createAgency();
    await expect(getDownload(other.id, stored.id)).rejects.toBeInstanceOf(AppError);
  });
});
