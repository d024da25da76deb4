/** Crockford-style alphabet: no I, L, O, U, so a code read off paper is typed right. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 10;

/**
 * A fresh public code (50 random bits), printed as "ABCDE-FGHJK". Web Crypto, not node:crypto,
 * so no client module that reaches this file can pull a ~140 kB polyfill into its page
 * (tests/unit/lean-first-load.test.ts). 32 letters: 5 bits of a byte, uniform.
 */
export function newDocumentCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(LENGTH));
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte & (ALPHABET.length - 1)];
  return code;
}

/** What a person typed or a QR code carried, normalised; null when it cannot be a code. */
export function normalizeDocumentCode(raw: string): string | null {
  const code = raw
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export { formatDocumentCode } from "./code-format";
