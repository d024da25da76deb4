import "server-only";

import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for the agency's signing certificate and its passphrase
 * (docs/decisions/024-signing.md): AES-256-GCM, stored as iv (12) || tag (16)
 * || ciphertext. The key comes from SIGNING_KEY_SECRET; without it, from
 * NEXTAUTH_SECRET (always set where the app serves users) through HKDF with a
 * purpose label; without either (development, tests), from a fixed
 * development secret. Changing the secret makes stored certificates
 * unreadable: the administrator uploads the certificate again.
 */
const DEVELOPMENT_SECRET = "alur-kinerja-development-signing-secret (not for production)";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(env: NodeJS.ProcessEnv = process.env): Buffer {
  const explicit = env.SIGNING_KEY_SECRET?.trim();
  const secret = explicit || env.NEXTAUTH_SECRET?.trim() || DEVELOPMENT_SECRET;
  // HKDF, not the secret itself: a key of exactly 32 bytes, bound to this one purpose.
  const salt = createHash("sha256").update("alur-kinerja/signing-certificate").digest();
  return Buffer.from(hkdfSync("sha256", secret, salt, "aes-256-gcm/p12-at-rest", 32));
}

export function seal(plain: Buffer, env?: NodeJS.ProcessEnv): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(env), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the box was not sealed with the current key or was altered. */
export function open(sealed: Uint8Array, env?: NodeJS.ProcessEnv): Buffer {
  const bytes = Buffer.from(sealed);
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key(env), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
