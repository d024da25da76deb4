import "server-only";

import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for the agency's signing certificate and its passphrase
 * (docs/decisions/024-signing.md): AES-256-GCM, stored as iv (12) || tag (16)
 * || ciphertext. The key is derived (HKDF-SHA256, a purpose label) from
 * SIGNING_KEY_SECRET, or, without it, from a fixed development secret (with a
 * warning in production). Not from NEXTAUTH_SECRET: the seed and the server
 * may see different ones, and rotating sessions must not lose certificates.
 * Changing SIGNING_KEY_SECRET makes stored certificates unreadable: the
 * administrator uploads the certificate again.
 */
const DEVELOPMENT_SECRET = "alur-kinerja-development-signing-secret (not for production)";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let warned = false;

function key(env: NodeJS.ProcessEnv = process.env): Buffer {
  const explicit = env.SIGNING_KEY_SECRET?.trim();
  if (!explicit && env.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn("[signing] SIGNING_KEY_SECRET is not set: certificates are sealed with the development key. Set it in production.");
  }
  const secret = explicit || DEVELOPMENT_SECRET;
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
