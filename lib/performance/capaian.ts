/**
 * Capaian (achievement) of a performance indicator, and budget absorption.
 *
 * Pure functions, no I/O. Rules from docs DOMAIN.md "Performance data":
 * - higher is better: capaian = R / T x 100%
 * - lower is better:  capaian = (2T - R) / T x 100%, floored at 0
 *   (T=8, R=4 gives 150%, not the 200% of the T/R bug; R=T gives 100%, not the
 *   0% of the (T-R)/T bug)
 * - range target [a, b]: 100% inside; when R > b the polarity formula is applied
 *   with T = b, when R < a with T = a. The polarity therefore says which side of
 *   the range counts as over-achievement: HIGHER rewards R > b (R/b > 100%) and
 *   penalises R < a (R/a < 100%); LOWER the other way round.
 * - T = 0, a missing value or an unusable number gives CANNOT_COMPUTE with an
 *   Indonesian message: never NaN, Infinity or a silent 0%.
 *
 * Choices where DOMAIN.md is silent:
 * - A negative target (or range bound that is needed) cannot be used as a
 *   ratio denominator (R/T flips direction), so it is CANNOT_COMPUTE
 *   (NEGATIVE_TARGET). Indicators that can go negative (growth rates) need a
 *   non-ratio method that is out of scope here.
 * - A negative realization is accepted (e.g. growth of -2%); the result is
 *   floored at 0% for both polarities, like the lower-is-better rule, so
 *   capaian is never negative.
 * - Strings are parsed strictly as machine decimals ("1234.5", "-3", "1e-7" as
 *   Prisma's Decimal#toString may produce); Indonesian-formatted strings
 *   ("1.234,5"), "abc", "1e400" and non-finite numbers are INVALID_NUMBER. An
 *   empty string counts as missing (a blank cell is "not filled in").
 * - The cap applies after the formula (R=0 on a lower-is-better indicator is
 *   200% uncapped, 120% with cap 120) and the category is taken from the
 *   capped percent.
 * - Bands: see {@link categorize}.
 */

export type TPolarity = "HIGHER" | "LOWER";
export type TAggregation = "CUMULATIVE" | "LAST" | "AVERAGE";

/** A number, or a Decimal rendered as a string (money is Decimal in the DB). */
export type TNumericInput = number | string;
type TMaybeNumeric = TNumericInput | null | undefined;

export type TTarget =
  | { type: "SINGLE"; value: TMaybeNumeric }
  | { type: "RANGE"; min: TMaybeNumeric; max: TMaybeNumeric };

export type TCapaianFailureReason =
  | "TARGET_ZERO"
  | "TARGET_MISSING"
  | "REALIZATION_MISSING"
  | "INVALID_RANGE"
  | "NEGATIVE_TARGET"
  | "INVALID_NUMBER"
  | "NOT_YET_DUE";

export type TCapaianResult =
  | {
      status: "OK";
      /** Not rounded; round only for display. */
      percent: number;
      /** Indonesian style, two decimals: "1.234,50%". */
      display: string;
      /** Label of the band the percent falls into. */
      category: string;
      /** True when the formula gave more than the cap and the percent was cut to it. */
      capped: boolean;
    }
  | {
      status: "CANNOT_COMPUTE";
      reason: TCapaianFailureReason;
      message: string;
      /** NOT_YET_DUE: the first later quarter (1-4) in which the indicator has a target. */
      dueQuarter?: number;
    };

export const CAPAIAN_MESSAGES = {
  TARGET_ZERO: "Target bernilai 0: capaian tidak dapat dihitung",
  TARGET_MISSING: "Target belum diisi: capaian tidak dapat dihitung",
  REALIZATION_MISSING: "Realisasi belum diisi: capaian tidak dapat dihitung",
  INVALID_RANGE: "Rentang target tidak valid (batas bawah lebih besar dari batas atas): capaian tidak dapat dihitung",
  NEGATIVE_TARGET: "Target bernilai negatif: capaian tidak dapat dihitung dengan rumus rasio",
  INVALID_NUMBER: "Nilai target atau realisasi bukan angka yang valid: capaian tidak dapat dihitung",
  NOT_YET_DUE: "Belum dapat dinilai: target jatuh pada triwulan berikutnya",
} as const satisfies Record<TCapaianFailureReason, string>;

const ROMAN_QUARTER = ["I", "II", "III", "IV"] as const;

/** "Belum dapat dinilai: target jatuh pada Triwulan III". */
export function notYetDueMessage(dueQuarter: number): string {
  return `Belum dapat dinilai: target jatuh pada Triwulan ${ROMAN_QUARTER[dueQuarter - 1] ?? dueQuarter}`;
}

export const BUDGET_MESSAGES = {
  TARGET_ZERO: "Pagu anggaran bernilai 0: penyerapan anggaran tidak dapat dihitung",
  TARGET_MISSING: "Pagu anggaran belum diisi: penyerapan anggaran tidak dapat dihitung",
  REALIZATION_MISSING: "Realisasi anggaran belum diisi: penyerapan anggaran tidak dapat dihitung",
  NEGATIVE_TARGET: "Pagu anggaran bernilai negatif: penyerapan anggaran tidak dapat dihitung",
  INVALID_NUMBER: "Nilai pagu atau realisasi anggaran bukan angka yang valid: penyerapan anggaran tidak dapat dihitung",
  NEGATIVE_REALIZATION: "Realisasi anggaran bernilai negatif: penyerapan anggaran tidak dapat dihitung",
} as const;

// ---------------------------------------------------------------------------
// Settings (per agency)
// ---------------------------------------------------------------------------

/** An agency's capaian settings (validated by ZCapaianSettings, lib/performance/capaian-settings.ts). */
export interface TCapaianSettings {
  /** Upper limit of capaian in percent (100 or 120 are common); null = no cap. */
  cap: number | null;
  bands: { min: number; label: string }[];
}
export type TCapaianBand = TCapaianSettings["bands"][number];

/**
 * No cap; the Permendagri 86/2017 style scale. A band's `min` is the whole
 * percentage that starts it in the regulation's table ("91-100" -> 91).
 */
export const DEFAULT_CAPAIAN_SETTINGS: TCapaianSettings = {
  cap: null,
  bands: [
    { min: 91, label: "Sangat Baik" },
    { min: 76, label: "Baik" },
    { min: 66, label: "Cukup" },
    { min: 51, label: "Kurang" },
    { min: 0, label: "Sangat Kurang" },
  ],
};

// Float noise (0.07 * 100 = 7.000000000000001) must not push a value over the cap.
const EPSILON = 1e-9;

/**
 * Rounds half away from zero to two decimals on the shortest decimal form of
 * the number, as Intl.NumberFormat does: what the user sees ("75,00%").
 */
export function roundPercent(percent: number): number {
  if (!Number.isFinite(percent) || Math.abs(percent) >= 1e15) return percent;
  // Below 1e-6 String() switches to exponent form; such values show as 0,00.
  if (Math.abs(percent) < 1e-6) return 0;
  const sign = percent < 0 ? -1 : 1;
  const rounded = Number(`${Math.round(Number(`${Math.abs(percent)}e2`))}e-2`);
  return rounded === 0 ? 0 : sign * rounded;
}

/**
 * The band for a percent. Band tables are written in whole percentages
 * ("76-90 Baik", "91-100 Sangat Baik") while capaian is not rounded, so a band
 * with min m covers every value above m - 1: 90,5% is Sangat Baik (> 90),
 * 90% is Baik, 50% is Sangat Kurang (<= 50), 50,01% is Kurang. The comparison
 * uses the percent rounded to two decimals, as displayed, so "75,00%" is never
 * shown next to a category that starts above 75. Values above the top band's
 * range (> 100%) stay in the top band; anything below every band falls in the
 * lowest one.
 */
export function categorize(percent: number, bands: readonly TCapaianBand[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const lowest = sorted[sorted.length - 1];
  if (!lowest) throw new RangeError("Capaian bands are empty");
  const shown = roundPercent(percent);
  const band = sorted.find((b) => shown > b.min - 1);
  return (band ?? lowest).label;
}

// ---------------------------------------------------------------------------
// Number parsing
// ---------------------------------------------------------------------------

const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type TParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * Strict parse of a number or a Decimal string. null/undefined/"" -> value
 * null (missing); anything that is not a finite machine decimal -> ok false.
 */
export function parseNumeric(input: TMaybeNumeric): TParsedNumber {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === "number") return Number.isFinite(input) ? { ok: true, value: input } : { ok: false };
  if (input === "") return { ok: true, value: null };
  if (!DECIMAL_PATTERN.test(input)) return { ok: false };
  const value = Number(input);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

// ---------------------------------------------------------------------------
// Capaian
// ---------------------------------------------------------------------------

export interface TCapaianInput {
  polarity: TPolarity;
  target: TTarget | null | undefined;
  realization: TMaybeNumeric;
  /** Defaults to {@link DEFAULT_CAPAIAN_SETTINGS}. */
  settings?: TCapaianSettings;
}

type TFailure = Extract<TCapaianResult, { status: "CANNOT_COMPUTE" }>;

function fail(reason: TCapaianFailureReason, messages: Partial<Record<TCapaianFailureReason, string>> = CAPAIAN_MESSAGES): TFailure {
  return { status: "CANNOT_COMPUTE", reason, message: messages[reason] ?? CAPAIAN_MESSAGES[reason] };
}

const idPercent = new Intl.NumberFormat("id-ID", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/** 150 -> "150,00%", 1234.5 -> "1.234,50%". */
export function formatPercent(percent: number): string {
  // roundPercent also turns -0 and dust just below 0 into 0: never "-0,00%".
  return `${idPercent.format(roundPercent(percent))}%`;
}

/** Raw ratio formula for one target value; target must be > 0. */
function polarityPercent(polarity: TPolarity, target: number, realization: number): number {
  const raw = polarity === "HIGHER" ? (realization / target) * 100 : ((2 * target - realization) / target) * 100;
  return Math.max(0, raw);
}

function finish(percent: number, settings: TCapaianSettings, applyCap: boolean): TCapaianResult {
  if (!Number.isFinite(percent)) return fail("INVALID_NUMBER");
  let value = percent;
  let capped = false;
  if (applyCap && settings.cap !== null && value > settings.cap + EPSILON) {
    value = settings.cap;
    capped = true;
  }
  return { status: "OK", percent: value, display: formatPercent(value), category: categorize(value, settings.bands), capped };
}

/** Validates and returns a denominator, or the failure it causes. */
function usableTarget(value: number | null): number | TFailure {
  if (value === null) return fail("TARGET_MISSING");
  if (value === 0) return fail("TARGET_ZERO");
  if (value < 0) return fail("NEGATIVE_TARGET");
  return value;
}

export function computeCapaian(input: TCapaianInput): TCapaianResult {
  const settings = input.settings ?? DEFAULT_CAPAIAN_SETTINGS;
  const { polarity, target } = input;

  const realization = parseNumeric(input.realization);

  if (!target) return fail("TARGET_MISSING");

  if (target.type === "SINGLE") {
    const t = parseNumeric(target.value);
    if (!t.ok) return fail("INVALID_NUMBER");
    const denominator = usableTarget(t.value);
    if (typeof denominator !== "number") return denominator;
    if (!realization.ok) return fail("INVALID_NUMBER");
    if (realization.value === null) return fail("REALIZATION_MISSING");
    return finish(polarityPercent(polarity, denominator, realization.value), settings, true);
  }

  const min = parseNumeric(target.min);
  const max = parseNumeric(target.max);
  if (!min.ok || !max.ok) return fail("INVALID_NUMBER");
  if (min.value === null || max.value === null) return fail("TARGET_MISSING");
  if (min.value > max.value) return fail("INVALID_RANGE");
  if (!realization.ok) return fail("INVALID_NUMBER");
  if (realization.value === null) return fail("REALIZATION_MISSING");

  const r = realization.value;
  if (r >= min.value && r <= max.value) return finish(100, settings, true);
  // Only the bound actually used has to be a usable denominator: [0, 5] is a
  // fine range for "jumlah kasus" as long as R does not fall below 0.
  const bound = usableTarget(r > max.value ? max.value : min.value);
  if (typeof bound !== "number") return bound;
  return finish(polarityPercent(polarity, bound, r), settings, true);
}

// ---------------------------------------------------------------------------
// Quarterly aggregation
// ---------------------------------------------------------------------------

function toNumbers(values: readonly TMaybeNumeric[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const parsed = parseNumeric(v);
    if (!parsed.ok) throw new RangeError(`Not a finite decimal: ${String(v)}`);
    if (parsed.value !== null) out.push(parsed.value);
  }
  return out;
}

function aggregate(values: readonly TMaybeNumeric[], aggregation: TAggregation): number | null {
  const present = toNumbers(values);
  if (present.length === 0) return null;
  switch (aggregation) {
    case "CUMULATIVE":
      return present.reduce((sum, v) => sum + v, 0);
    case "LAST":
      return present[present.length - 1] ?? null;
    case "AVERAGE":
      return present.reduce((sum, v) => sum + v, 0) / present.length;
  }
}

/**
 * The realization of an indicator up to a period, from its quarterly values
 * (index 0 = Triwulan I). Pass the quarters up to and including the period
 * (TW III -> the first three). CUMULATIVE sums the filled quarters, LAST takes
 * the last filled one, AVERAGE averages the filled ones; null when no quarter
 * is filled. Throws RangeError on an unparseable value (a programming error:
 * validate input at the form).
 *
 * Note: a quarter that is not filled is skipped, not counted as 0. Whether the
 * period's own quarter must be filled before capaian is shown is the caller's
 * decision (check `values[period - 1]`).
 */
export function aggregateRealization(values: readonly TMaybeNumeric[], aggregation: TAggregation): number | null {
  return aggregate(values, aggregation);
}

/**
 * The target up to a period from the Rencana Aksi's quarterly targets, with the
 * same rules as {@link aggregateRealization}.
 */
export function aggregateTarget(quarterTargets: readonly TMaybeNumeric[], aggregation: TAggregation): number | null {
  return aggregate(quarterTargets, aggregation);
}

/** A target row as stored: a single value or range bounds (Decimals as strings). */
export interface TTargetRow {
  targetValue: TMaybeNumeric;
  targetMin: TMaybeNumeric;
  targetMax: TMaybeNumeric;
}

export interface TTargetPlan {
  targetType: "SINGLE" | "RANGE";
  aggregation: TAggregation;
  /** The annual target of the PK. */
  annual: TTargetRow;
  /** The Rencana Aksi's quarterly targets, index 0 = Triwulan I (missing = not set). */
  quarters: readonly (TTargetRow | null | undefined)[];
}

const isSet = (v: TMaybeNumeric) => v !== null && v !== undefined && v !== "";
/** A quarter "has a range" when either bound is filled (a half range is then TARGET_MISSING, not silently the annual one). */
const hasBounds = (t: TTargetRow | null | undefined): t is TTargetRow => Boolean(t) && (isSet(t!.targetMin) || isSet(t!.targetMax));

/**
 * The target up to a quarter, aggregated the way the realization is, so that
 * R and T measure the same thing:
 * - SINGLE: the quarterly targets aggregated like the realization (sum, last,
 *   average); with no quarterly target at all, the annual target at TW IV.
 * - RANGE, CUMULATIVE: each bound summed over the quarters (quarterly ranges
 *   [20, 30] + [20, 30] are [40, 60] at TW II: a cumulative 50 is inside);
 *   with no quarterly range, the annual range at TW IV only (at TW II the
 *   year's total is not the target to date).
 * - RANGE, AVERAGE: each bound averaged over the quarters; with none, the
 *   annual range.
 * - RANGE, LAST: the quarter's own range, or the annual one when it has none.
 */
export function targetToDate(plan: TTargetPlan, quarter: number): TTarget {
  const upTo = [0, 1, 2, 3].slice(0, quarter).map((i) => plan.quarters[i] ?? null);
  const annual = plan.annual;
  if (plan.targetType === "SINGLE") {
    const value = aggregateTarget(upTo.map((t) => t?.targetValue), plan.aggregation);
    return { type: "SINGLE", value: value ?? (quarter === 4 ? annual.targetValue : null) };
  }
  const range = (t: TTargetRow): TTarget => ({ type: "RANGE", min: t.targetMin, max: t.targetMax });
  if (plan.aggregation === "LAST") {
    const own = upTo[quarter - 1];
    return hasBounds(own) ? range(own) : range(annual);
  }
  const set = upTo.filter(hasBounds);
  if (set.length === 0) {
    if (plan.aggregation === "CUMULATIVE" && quarter !== 4) return { type: "RANGE", min: null, max: null };
    return range(annual);
  }
  return {
    type: "RANGE",
    min: aggregateTarget(set.map((t) => t.targetMin), plan.aggregation),
    max: aggregateTarget(set.map((t) => t.targetMax), plan.aggregation),
  };
}

const targetIsEmpty = (t: TTarget) => (t.type === "SINGLE" ? !isSet(t.value) : !isSet(t.min) && !isSet(t.max));

/**
 * The first quarter after `quarter` in which the plan has a target to date, or
 * null when none does (the target is then simply missing). An indicator with
 * only an annual target has it at TW IV.
 */
export function laterTargetQuarter(plan: TTargetPlan, quarter: number): number | null {
  for (let q = quarter + 1; q <= 4; q++) {
    if (!targetIsEmpty(targetToDate(plan, q))) return q;
  }
  return null;
}

export interface TCapaianToDateInput {
  plan: TTargetPlan;
  /** 1-4 */
  quarter: number;
  polarity: TPolarity;
  /** The realization to date (aggregated like the target). */
  realization: TMaybeNumeric;
  settings?: TCapaianSettings;
}

/**
 * Capaian to date of an indicator at a quarter. Where the indicator has no
 * target up to this quarter but has one later (targets set from TW III, or
 * only the annual target, judged at TW IV), the answer is NOT_YET_DUE,
 * "Belum dapat dinilai": the indicator cannot be judged yet, which is not a
 * problem to flag (DOMAIN.md, "Units and levels"). Everything else is
 * {@link computeCapaian} of {@link targetToDate}.
 */
export function capaianToDate({ plan, quarter, polarity, realization, settings }: TCapaianToDateInput): TCapaianResult {
  const target = targetToDate(plan, quarter);
  if (targetIsEmpty(target)) {
    const due = laterTargetQuarter(plan, quarter);
    if (due !== null) return { status: "CANNOT_COMPUTE", reason: "NOT_YET_DUE", message: notYetDueMessage(due), dueQuarter: due };
  }
  return computeCapaian({ polarity, target, realization, settings });
}

// ---------------------------------------------------------------------------
// Budget absorption
// ---------------------------------------------------------------------------

/**
 * Penyerapan anggaran = realisasi / pagu x 100%. Never capped (spending above
 * the pagu must stay visible); the category uses the same bands as capaian
 * (Permendagri 86/2017 rates kinerja and keuangan on one scale). Pagu 0 or
 * missing, or a negative value, cannot be computed.
 */
export function budgetAbsorption(
  realisasi: TMaybeNumeric,
  pagu: TMaybeNumeric,
  settings: TCapaianSettings = DEFAULT_CAPAIAN_SETTINGS,
): TCapaianResult {
  const p = parseNumeric(pagu);
  const r = parseNumeric(realisasi);
  if (!p.ok || !r.ok) return fail("INVALID_NUMBER", BUDGET_MESSAGES);
  if (p.value === null) return fail("TARGET_MISSING", BUDGET_MESSAGES);
  if (p.value === 0) return fail("TARGET_ZERO", BUDGET_MESSAGES);
  if (p.value < 0) return fail("NEGATIVE_TARGET", BUDGET_MESSAGES);
  if (r.value === null) return fail("REALIZATION_MISSING", BUDGET_MESSAGES);
  if (r.value < 0) return { status: "CANNOT_COMPUTE", reason: "INVALID_NUMBER", message: BUDGET_MESSAGES.NEGATIVE_REALIZATION };
  const percent = (r.value / p.value) * 100;
  if (!Number.isFinite(percent)) return fail("INVALID_NUMBER", BUDGET_MESSAGES);
  return finish(percent, settings, false);
}
