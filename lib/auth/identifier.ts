import { stripControlCharacters } from "@/lib/validation/control-characters";

/**
 * What a sign-in identifier names, however it was typed: an e-mail (any
 * case, stray spaces), an 18-digit NIP (with spaces, dots or dashes anywhere),
 * a NIP of the wrong length, or something else. Control characters carry no
 * meaning here and are dropped, so that `kadis@…\0` is counted against the
 * same account as `kadis@…` (and never reaches a query).
 */
export type TSignInIdentifier =
  | { kind: "email"; email: string; key: string }
  | { kind: "nip"; nip: string; key: string }
  | { kind: "nipMalformed"; key: string }
  | { kind: "other"; key: string };

/** Only digits and the separators people print a NIP with. */
const NIP_LIKE = /^[\d\s.\-]+$/;

export function looksLikeNip(value: string): boolean {
  return NIP_LIKE.test(value.trim()) && /\d/.test(value);
}

export function parseSignInIdentifier(raw: string): TSignInIdentifier {
  const cleaned = stripControlCharacters(raw).trim().slice(0, 200);
  if (cleaned.includes("@")) {
    const email = cleaned.replace(/\s/g, "").toLowerCase();
    return { kind: "email", email, key: email };
  }
  if (looksLikeNip(cleaned)) {
    const digits = cleaned.replace(/\D/g, "");
    return digits.length === 18 ? { kind: "nip", nip: digits, key: digits } : { kind: "nipMalformed", key: digits };
  }
  return { kind: "other", key: cleaned.replace(/\s/g, "").toLowerCase() };
}
