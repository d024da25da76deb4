import type { S3Client } from "@aws-sdk/client-s3";

import { StorageConfigError, StorageKeyError, StorageNotFoundError, type TEnv } from "./errors";
import type { FileStorage } from "./index";

/** `<agencyId>/<random id>`: the same shape the local driver accepts. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;

/** The S3 settings; the first five are required once `ALUR_STORAGE=s3`. */
export const S3_SETTINGS = ["S3_ENDPOINT", "S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export interface S3StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. "alur/" to share a bucket. */
  prefix: string;
  /** Path-style URLs (`endpoint/bucket/key`): MinIO and Ceph need them; AWS accepts both. */
  forcePathStyle: boolean;
}

/** Reads the S3 settings, naming every missing one in a single message. */
export function s3ConfigFromEnv(env: TEnv): S3StorageConfig {
  const missing = S3_SETTINGS.filter((name) => !env[name]?.trim());
  if (missing.length) {
    throw new StorageConfigError(
      `ALUR_STORAGE=s3 needs ${missing.join(", ")} (see README, "Configuration"). ` +
        "Unset ALUR_STORAGE to keep files on local disk (one instance only).",
    );
  }
  let prefix = env.S3_PREFIX?.trim() ?? "";
  if (prefix && !prefix.endsWith("/")) prefix += "/";
  if (prefix && !/^[A-Za-z0-9_./-]+$/.test(prefix)) {
    throw new StorageConfigError(`S3_PREFIX=${prefix}: use letters, digits, "_", "-", "." and "/" only.`);
  }
  return {
    endpoint: env.S3_ENDPOINT!.trim(),
    region: env.S3_REGION!.trim(),
    bucket: env.S3_BUCKET!.trim(),
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
    prefix,
    forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? "true").trim().toLowerCase() !== "false",
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

/**
 * An S3-compatible bucket (MinIO, Ceph RGW, AWS S3...), for several app
 * instances sharing one set of files. A PUT is atomic in S3: readers see the
 * old object or the whole new one, never a part. The SDK is loaded on first
 * use, so installations on local disk never pay for it.
 */
export class S3Storage implements FileStorage {
  private client?: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }>;

  constructor(readonly config: S3StorageConfig) {}

  private connect() {
    this.client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: this.config.endpoint,
        region: this.config.region,
        forcePathStyle: this.config.forcePathStyle,
        credentials: { accessKeyId: this.config.accessKeyId, secretAccessKey: this.config.secretAccessKey },
        // Our objects are small and written once; checksums on every request
        // are not understood by every S3-compatible server.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        maxAttempts: 3,
      }),
    }));
    return this.client;
  }

  /** The object key of one of our keys, or a {@link StorageKeyError}. */
  objectKey(key: string): string {
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) throw new StorageKeyError(key);
    return `${this.config.prefix}${key}`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const Key = this.objectKey(key);
    const { client, sdk } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.config.bucket,
        Key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: "application/octet-stream",
      }),
    );
  }

  async get(key: string): Promise<NodeJS.ReadableStream> {
    const Key = this.objectKey(key);
    const { client, sdk } = await this.connect();
    try {
      const response = await client.send(new sdk.GetObjectCommand({ Bucket: this.config.bucket, Key }));
      if (!response.Body) throw new StorageNotFoundError(key);
      return response.Body as NodeJS.ReadableStream;
    } catch (error) {
      if (isNotFound(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    const Key = this.objectKey(key);
    const { client, sdk } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.config.bucket, Key }));
  }

  async exists(key: string): Promise<boolean> {
    const Key = this.objectKey(key);
    const { client, sdk } = await this.connect();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.config.bucket, Key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
