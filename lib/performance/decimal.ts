import { PERFORMANCE_MESSAGES as M } from "./messages";

/**
 * How a typed decimal is read, without zod (docs/decisions/039-lean-first-load.md): the schemas
 * (lib/performance/schemas.ts) and the realization form's live preview in the browser share it,
 * so the capaian shown while typing is computed from the value the server will store.
 *
 * The canonical decimal of a typed number ("1.234,5" -> "1234.5"), or the message saying why it is not one.
 */
export function parseDecimal(raw: string | number | null | undefined, percentSign: boolean): { ok: true; value: string | null } | { ok: false; message: string } {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: String(raw) } : { ok: false, message: M.number };
  let text = raw.trim().replace(/\s/g, "");
  if (text === "") return { ok: true, value: null };
  if (percentSign && text.endsWith("%")) text = text.slice(0, -1);
  // Indonesian: dots group thousands, the comma is the decimal mark.
  const normalized = /,/.test(text) ? text.replace(/\./g, "").replace(",", ".") : /^-?\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, "") : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return { ok: false, message: M.number };
  if (normalized.replace(/[-.]/g, "").length > 18) return { ok: false, message: M.tooLarge };
  return { ok: true, value: normalized };
}
