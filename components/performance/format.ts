/**
 * Display helpers of the performance pages, safe in the browser (no server
 * imports): values as Indonesians write them, quarter labels, status tones.
 */
import type { TCapaianResult } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import type { TRealizationStatus } from "@/lib/performance/workflow";

const UI = PERFORMANCE_MESSAGES.ui;

export type TQuarter = 1 | 2 | 3 | 4;
export const QUARTERS = [1, 2, 3, 4] as const;
export type { TRealizationStatus };

export const quarterLabel = (q: number) => UI.quarters[q - 1] ?? `Triwulan ${q}`;
export const quarterShort = (q: number) => UI.quarterShort[q - 1] ?? `TW ${q}`;

// Values are stored with up to 4 decimals (Decimal(20,4)): show them all, as typed.
const valueFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });

/** 1234.5 -> "1.234,5"; null -> "–". */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return UI.empty;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? valueFormat.format(n) : String(value);
}

/**
 * A target as lib/performance/recap.ts prints it ("85", "80 - 90", "… - 15", "-")
 * in Indonesian notation ("85", "80 – 90").
 */
export function formatTarget(printed: string): string {
  if (printed === "-" || printed === "") return UI.empty;
  const parts = printed.split(" - ");
  if (parts.length === 2) return parts.map((p) => (p === "…" ? "…" : formatValue(p))).join(" – ");
  return formatValue(printed);
}

/** A target of the shape stored on an indicator or a quarter, for display. */
export function formatTargetFields(type: "SINGLE" | "RANGE", t: { targetValue: string | null; targetMin: string | null; targetMax: string | null }): string {
  if (type === "RANGE") {
    if (t.targetMin === null && t.targetMax === null) return UI.empty;
    return `${t.targetMin === null ? "…" : formatValue(t.targetMin)} – ${t.targetMax === null ? "…" : formatValue(t.targetMax)}`;
  }
  return formatValue(t.targetValue);
}

export const STATUS_TONE = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  VERIFIED: "success",
  RETURNED: "warning",
} as const satisfies Record<TRealizationStatus, "neutral" | "info" | "success" | "warning">;

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

/**
 * CAPAIAN_MESSAGES read "<cause>: capaian tidak dapat dihitung"; the UI leads with that clause instead.
 * "Belum dapat dinilai: …" (a target that falls in a later quarter) is not a problem and is shown as it is.
 */
export function capaianProblem(message: string): string {
  if (message.startsWith("Belum dapat dinilai")) return message;
  return UI.cannotCompute(capaianCause(message));
}

/** The short word for a capaian that has no percent: "belum dapat dinilai" or "tidak dapat dihitung". */
export function capaianShort(result: TCapaianResult): string {
  return result.status === "CANNOT_COMPUTE" && result.reason === "NOT_YET_DUE" ? UI.notYetDue : UI.notComputable;
}

/** "Realisasi belum diisi" out of "Realisasi belum diisi: capaian tidak dapat dihitung". */
export function capaianCause(message: string): string {
  return message.split(": capaian tidak dapat dihitung")[0]!;
}
