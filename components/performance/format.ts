/**
 * Display helpers of the performance pages, safe in the browser (no server
 * imports): values as Indonesians write them, quarter labels, status tones.
 */
import type { TCapaianResult } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/messages";
import type { TRealizationStatus } from "@/lib/performance/workflow";

import { formatValue } from "./format-form";

const UI = PERFORMANCE_MESSAGES.ui;

export { decimalToIndonesian, fileSizeLabel, formatValue, quarterShort } from "./format-form";

export type TQuarter = 1 | 2 | 3 | 4;
export const QUARTERS = [1, 2, 3, 4] as const;
export type { TRealizationStatus };

export const quarterLabel = (q: number) => UI.quarters[q - 1] ?? `Triwulan ${q}`;

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
