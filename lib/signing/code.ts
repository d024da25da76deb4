import { randomInt } from "node:crypto";

/** Crockford-style alphabet: no I, L, O, U, so a code read off paper is typed right. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 10;

/** A fresh public code (50 random bits), printed as "ABCDE-FGHJK". */
export function newDocumentCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
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
