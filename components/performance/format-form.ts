import { REALIZATION_FORM_WORDS } from "@/lib/performance/form-words";

/**
 * The formatting the realization page's client modules need (the form, the evidence upload),
 * with the form's words only (lib/performance/form-words.ts): format.ts re-exports these and
 * keeps the rest, which reads the whole PERFORMANCE_MESSAGES. docs/decisions/039-lean-first-load.md
 */
const UI = REALIZATION_FORM_WORDS.ui;

export const quarterShort = (q: number) => UI.quarterShort[q - 1] ?? `TW ${q}`;

// Values are stored with up to 4 decimals (Decimal(20,4)): show them all, as typed.
const valueFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });

/** 1234.5 -> "1.234,5"; null -> "–". */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return UI.empty;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? valueFormat.format(n) : String(value);
}

export function fileSizeLabel(bytes: number): string {
  return UI.fileSize(new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 }).format(bytes / 1024));
}

/**
 * A stored decimal ("1234567.25", as Prisma's Decimal prints it) in Indonesian
 * notation ("1.234.567,25"), by string so no digit is lost to floating point.
 * This is what the realization form shows: ZDecimal reads it back exactly
 * (a bare "1.234" would be read as one thousand two hundred thirty-four).
 */
export function decimalToIndonesian(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return formatValue(value);
  const [, sign, int, frac] = match;
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${grouped}${frac ? `,${frac}` : ""}`;
}
