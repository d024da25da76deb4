/** The storage layer's errors, shared by its drivers. */

/** The object does not exist (deleted behind the app's back, or never written). */
export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`Stored file not found: ${key}`);
    this.name = "StorageNotFoundError";
  }
}

/** The storage layer is misconfigured; the message names the setting to fix. */
export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageConfigError";
  }
}

/** A key that is not one of ours (`<agencyId>/<id>`) or that would leave the root. */
export class StorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Refused storage key: ${JSON.stringify(key)}`);
    this.name = "StorageKeyError";
  }
}

/** Environment variables as read here; `process.env` or a plain object in tests. */
export type TEnv = Readonly<Record<string, string | undefined>>;
