/**
 * Plausibility of a realization value: the warnings a person must confirm
 * before a value is saved or sent, because they are the typical typing
 * mistakes of the quarterly forms (issue #15, item 6):
 *
 * - CAPAIAN_HIGH: capaian to date above 150% (before the agency's cap): a
 *   target misread, a cumulative value typed as the quarter's, an extra zero.
 * - CAPAIAN_NEGATIVE: capaian below 0% before the formula's floor (a negative
 *   value where the target is positive, or a lower-is-better value above twice
 *   the target).
 * - AMBIGUOUS_SEPARATOR: "72.000" in a percentage indicator. In Indonesian
 *   notation the dot groups thousands, so it reads 72000 (and a capaian of
 *   thousands of percent); whoever typed it most likely meant 72.
 * - FAR_FROM_PREVIOUS: more than 3 times, or less than a third of, last
 *   quarter's value, or of the other sign.
 *
 * Pure: the realization form (react-hook-form) shows them while typing and
 * asks for confirmation, the server (lib/performance/service.ts) refuses a
 * value whose warnings were not confirmed and records the confirmed ones in
 * the audit event. One function, so both always agree.
 */
import {
  DEFAULT_CAPAIAN_SETTINGS,
  aggregateRealization,
  computeCapaian,
  formatPercent,
  parseNumeric,
  targetToDate,
  type TAggregation,
  type TNumericInput,
  type TPolarity,
  type TTarget,
} from "./capaian";

export const PLAUSIBILITY_LIMITS = {
  /** Capaian (uncapped, in %) above which a value is questioned. */
  capaianHigh: 150,
  /** A value this many times last quarter's (or a fraction 1/x of it) is questioned. */
  previousFactor: 3,
} as const;

export const PLAUSIBILITY_CODES = ["CAPAIAN_HIGH", "CAPAIAN_NEGATIVE", "AMBIGUOUS_SEPARATOR", "FAR_FROM_PREVIOUS"] as const;
export type TPlausibilityCode = (typeof PLAUSIBILITY_CODES)[number];

export interface TPlausibilityWarning {
  code: TPlausibilityCode;
  /** Indonesian, names the warning and the numbers. */
  message: string;
}

export const PLAUSIBILITY_TITLES: Record<TPlausibilityCode, string> = {
  CAPAIAN_HIGH: "Capaian di atas 150%",
  CAPAIAN_NEGATIVE: "Capaian di bawah 0%",
  AMBIGUOUS_SEPARATOR: "Pemisah ribuan meragukan",
  FAR_FROM_PREVIOUS: "Jauh dari nilai triwulan lalu",
};

const QUARTER_SHORT = ["TW I", "TW II", "TW III", "TW IV"] as const;
const number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });
const show = (n: number) => number.format(n);

export const PLAUSIBILITY_MESSAGES = {
  CAPAIAN_HIGH: (percent: string) =>
    `${PLAUSIBILITY_TITLES.CAPAIAN_HIGH}: nilai ini memberi capaian ${percent}. Periksa kembali nilai dan target triwulannya.`,
  CAPAIAN_NEGATIVE: (percent: string) =>
    `${PLAUSIBILITY_TITLES.CAPAIAN_NEGATIVE}: rumus capaian memberi ${percent} (dicatat 0%). Periksa kembali nilai, tanda minus, dan polaritas indikatornya.`,
  AMBIGUOUS_SEPARATOR: (typed: string, readAs: number, meant: number | null) =>
    `${PLAUSIBILITY_TITLES.AMBIGUOUS_SEPARATOR}: "${typed}" dibaca ${show(readAs)} karena titik memisahkan ribuan, padahal satuannya persen.` +
    (meant === null ? " Desimal memakai koma, misalnya 72,5." : ` Jika maksudnya ${show(meant)}, tulis ${show(meant)} (desimal memakai koma, misalnya 72,5).`),
  FAR_FROM_PREVIOUS: (value: number, quarter: string, previous: number) =>
    `${PLAUSIBILITY_TITLES.FAR_FROM_PREVIOUS}: ${show(value)} dibandingkan ${show(previous)} pada ${quarter} (lebih dari ${PLAUSIBILITY_LIMITS.previousFactor} kali lipat, kurang dari sepertiganya, atau berbeda tanda).`,
  /** The server's refusal: the warnings not confirmed, each named. */
  unconfirmed: (messages: string[]) => `Nilai perlu dikonfirmasi sebelum disimpan. ${messages.join(" ")}`,
  confirmTitle: "Periksa kembali nilai ini",
  confirmIntro: "Nilai yang Anda isi tidak lazim:",
  confirmAction: "Ya, nilai ini benar",
  fixAction: "Perbaiki nilai",
  /** The audit trail's wording for the confirmed warnings. */
  auditConfirmed: (titles: string[]) => `peringatan dikonfirmasi: ${titles.join("; ")}`,
} as const;

type TTargetFields = { targetValue: TNumericInput | null; targetMin: TNumericInput | null; targetMax: TNumericInput | null };

/** The indicator as the form and the server both have it (Decimals as strings). */
export interface TPlausibilityIndicator extends TTargetFields {
  unit: string;
  polarity: TPolarity;
  targetType: "SINGLE" | "RANGE";
  aggregation: TAggregation;
  quarters: readonly ({ quarter: number } & TTargetFields)[];
  /** The year's stored realizations (the quarter being filled is replaced by the typed value). */
  realizations: readonly { quarter: number; value: TNumericInput | null }[];
}

export interface TPlausibilityValue {
  quarter: number;
  /** The canonical decimal ("72000"), as ZRealizationValue gives it; null when empty. */
  value: string | null;
  /** What was typed ("72.000"); null when unknown (a number sent as a number). */
  valueText: string | null;
}

/** "%", "persen", "Persen (%)": the unit of a percentage indicator. */
export const isPercentUnit = (unit: string) => /%|persen/i.test(unit);

/** "72.000", "1.250.000 %": only dots grouping thousands, no comma. */
const DOT_GROUPED = /^-?\d{1,3}(\.\d{3})+%?$/;

/** The capaian formula before its floor at 0 and before the cap, or null when it cannot be computed. */
function rawPercent(polarity: TPolarity, target: TTarget, r: number): number | null {
  const percentOf = (t: number) => (polarity === "HIGHER" ? (r / t) * 100 : ((2 * t - r) / t) * 100);
  if (target.type === "SINGLE") {
    const t = parseNumeric(target.value);
    return t.ok && t.value !== null && t.value > 0 ? percentOf(t.value) : null;
  }
  const min = parseNumeric(target.min);
  const max = parseNumeric(target.max);
  if (!min.ok || !max.ok || min.value === null || max.value === null || min.value > max.value) return null;
  if (r >= min.value && r <= max.value) return 100;
  const bound = r > max.value ? max.value : min.value;
  return bound > 0 ? percentOf(bound) : null;
}

export function checkPlausibility(indicator: TPlausibilityIndicator, input: TPlausibilityValue): TPlausibilityWarning[] {
  const warnings: TPlausibilityWarning[] = [];
  const parsed = parseNumeric(input.value);
  if (!parsed.ok || parsed.value === null) return warnings;
  const value = parsed.value;
  const q = input.quarter;

  const typed = input.valueText?.replace(/\s/g, "") ?? "";
  if (isPercentUnit(indicator.unit) && DOT_GROUPED.test(typed)) {
    const digits = typed.replace(/%$/, "");
    // "72.000" most likely meant 72; with more than one dot nobody can tell.
    const meant = digits.split(".").length === 2 ? Number(digits) : null;
    warnings.push({ code: "AMBIGUOUS_SEPARATOR", message: PLAUSIBILITY_MESSAGES.AMBIGUOUS_SEPARATOR(input.valueText!.trim(), value, meant) });
  }

  // Capaian to date, as the recap computes it, but without the cap.
  const values = [1, 2, 3, 4].map((n) => (n === q ? input.value : (indicator.realizations.find((r) => r.quarter === n)?.value ?? null)));
  const filled = values.slice(0, q);
  const toDate = filled.every((v) => parseNumeric(v).ok) ? aggregateRealization(filled, indicator.aggregation) : null;
  if (toDate !== null) {
    const quarters = [1, 2, 3, 4].map((n) => indicator.quarters.find((x) => x.quarter === n) ?? null);
    const target = targetToDate({ targetType: indicator.targetType, aggregation: indicator.aggregation, annual: indicator, quarters }, q);
    const capaian = computeCapaian({ polarity: indicator.polarity, target, realization: toDate, settings: { ...DEFAULT_CAPAIAN_SETTINGS, cap: null } });
    const raw = rawPercent(indicator.polarity, target, toDate);
    if (capaian.status === "OK" && capaian.percent > PLAUSIBILITY_LIMITS.capaianHigh) {
      warnings.push({ code: "CAPAIAN_HIGH", message: PLAUSIBILITY_MESSAGES.CAPAIAN_HIGH(capaian.display) });
    } else if (raw !== null && raw < 0) {
      warnings.push({ code: "CAPAIAN_NEGATIVE", message: PLAUSIBILITY_MESSAGES.CAPAIAN_NEGATIVE(formatPercent(raw)) });
    }
  }

  if (q > 1) {
    const prev = parseNumeric(values[q - 2]);
    if (prev.ok && prev.value !== null && prev.value !== 0) {
      const p = prev.value;
      const f = PLAUSIBILITY_LIMITS.previousFactor;
      const far = Math.sign(value) !== Math.sign(p) || Math.abs(value) > f * Math.abs(p) || Math.abs(value) * f < Math.abs(p);
      if (far) warnings.push({ code: "FAR_FROM_PREVIOUS", message: PLAUSIBILITY_MESSAGES.FAR_FROM_PREVIOUS(value, QUARTER_SHORT[q - 2]!, p) });
    }
  }
  return warnings;
}

/** The warnings not covered by the person's confirmation: the server refuses the value while any remain. */
export function unconfirmedWarnings(warnings: readonly TPlausibilityWarning[], confirmed: readonly string[]): TPlausibilityWarning[] {
  return warnings.filter((w) => !confirmed.includes(w.code));
}
