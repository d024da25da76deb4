import { randomInt } from "node:crypto";

/** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A temporary password, shown once to whoever creates the account:
 * "Xk7m-2pQr-9wTa" (12 random characters, about 70 bits), in groups of four.
 * The account must replace it at first sign-in.
 */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
