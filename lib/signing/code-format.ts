/**
 * A document code as printed, "ABCDE-FGHJK". Apart from lib/signing/code.ts, which draws codes
 * with node:crypto: a client module importing that file made the bundler ship a browser copy of
 * Node's crypto (136 kB gzip) with the timeline and the SOP document (docs/decisions/039-lean-first-load.md).
 */
export function formatDocumentCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
