import { hkdfSync, randomUUID } from "node:crypto";

import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth 4's own session token encoding (next-auth/jwt: A256GCM, "dir",
 * key = HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key")),
 * with the derived key computed once per secret instead of on every call:
 * `getServerSession` decodes AND re-encodes the token on each request, so the
 * stock functions ran HKDF twice per page (docs/decisions/028-cached-frame.md).
 * Tokens are interchangeable with next-auth's (tests/unit/jwt.test.ts).
 */
const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
