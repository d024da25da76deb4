import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The authenticator secrets are stored encrypted (AES-256-GCM), so a copy of
 * the database alone does not let anyone compute a user's codes. The key is
 * derived (HKDF-SHA256) from TOTP_ENCRYPTION_KEY when set, else from
 * NEXTAUTH_SECRET, the one server secret every deployment already has
 * (docs/decisions/021-two-factor.md says what rotating it means).
 * Stored form: "v1.<iv>.<tag>.<ciphertext>", each base64url.
 */
const VERSION = "v1";
const DEV_ONLY_KEY = "alur-kinerja-development-only-key";

function key(): Buffer {
  const material = process.env.TOTP_ENCRYPTION_KEY || process.env.NEXTAUTH_SECRET;
  if (!material && process.env.NODE_ENV === "production") {
    throw new Error("TOTP_ENCRYPTION_KEY or NEXTAUTH_SECRET must be set to store two-factor secrets");
  }
  return Buffer.from(hkdfSync("sha256", material || DEV_ONLY_KEY, "alur-kinerja", "totp-secret-v1", 32));
}

export function encryptTotpSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The secret, or null when it cannot be read (another key, a damaged value): no code then matches. */
export function decryptTotpSecret(stored: string): string | null {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
