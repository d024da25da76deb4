import { describe, expect, it } from "vitest";

import {
  aggregateRealization,
  aggregateTarget,
  budgetAbsorption,
  capaianToDate,
  categorize,
  computeCapaian,
  DEFAULT_CAPAIAN_SETTINGS,
  formatPercent,
  parseNumeric,
  roundPercent,
  targetToDate,
  type TCapaianFailureReason,
  type TCapaianInput,
  type TCapaianSettings,
} from "@/lib/performance/capaian";
import { ZCapaianSettings } from "@/lib/performance/capaian-settings";
import { buildRecap, type RecapAgreement } from "@/lib/performance/recap";

const CAP_120: TCapaianSettings = { ...DEFAULT_CAPAIAN_SETTINGS, cap: 120 };
const CAP_100: TCapaianSettings = { ...DEFAULT_CAPAIAN_SETTINGS, cap: 100 };

const single = (value: number | string | null) => ({ type: "SINGLE" as const, value });
const range = (min: number | string | null, max: number | string | null) => ({ type: "RANGE" as const, min, max });

interface OkVector {
  name: string;
  input: TCapaianInput;
  percent: number;
  display: string;
  category: string;
  capped?: boolean;
}

const OK_VECTORS: OkVector[] = [
  // Higher is better: R / T x 100
  { name: "higher, R = T", input: { polarity: "HIGHER", target: single(80), realization: 80 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "higher, R = T/2", input: { polarity: "HIGHER", target: single(80), realization: 40 }, percent: 50, display: "50,00%", category: "Sangat Kurang" },
  { name: "higher, R = 1.5T uncapped", input: { polarity: "HIGHER", target: single(10), realization: 15 }, percent: 150, display: "150,00%", category: "Sangat Baik" },
  { name: "higher, R = 1.5T capped at 120", input: { polarity: "HIGHER", target: single(10), realization: 15, settings: CAP_120 }, percent: 120, display: "120,00%", category: "Sangat Baik", capped: true },
  { name: "higher, R = 0", input: { polarity: "HIGHER", target: single(10), realization: 0 }, percent: 0, display: "0,00%", category: "Sangat Kurang" },
  { name: "higher, 1/3 not rounded", input: { polarity: "HIGHER", target: single(3), realization: 1 }, percent: 100 / 3, display: "33,33%", category: "Sangat Kurang" },
  { name: "higher, negative R floors at 0", input: { polarity: "HIGHER", target: single(5), realization: -1 }, percent: 0, display: "0,00%", category: "Sangat Kurang" },

  // Lower is better: (2T - R) / T x 100, floor 0
  { name: "lower, T=8 R=4 is 150 (not T/R = 200)", input: { polarity: "LOWER", target: single(8), realization: 4 }, percent: 150, display: "150,00%", category: "Sangat Baik" },
  { name: "lower, R = T is 100 (not (T-R)/T = 0)", input: { polarity: "LOWER", target: single(8), realization: 8 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "lower, R = 0 uncapped is 200", input: { polarity: "LOWER", target: single(8), realization: 0 }, percent: 200, display: "200,00%", category: "Sangat Baik" },
  { name: "lower, R = 0 capped at 120", input: { polarity: "LOWER", target: single(8), realization: 0, settings: CAP_120 }, percent: 120, display: "120,00%", category: "Sangat Baik", capped: true },
  { name: "lower, R = 0 capped at 100", input: { polarity: "LOWER", target: single(8), realization: 0, settings: CAP_100 }, percent: 100, display: "100,00%", category: "Sangat Baik", capped: true },
  { name: "lower, R = 1.25T is 75", input: { polarity: "LOWER", target: single(8), realization: 10 }, percent: 75, display: "75,00%", category: "Cukup" },
  { name: "lower, R = 2T floors at 0", input: { polarity: "LOWER", target: single(8), realization: 16 }, percent: 0, display: "0,00%", category: "Sangat Kurang" },
  { name: "lower, R = 3T floors at 0 (not -100)", input: { polarity: "LOWER", target: single(8), realization: 24 }, percent: 0, display: "0,00%", category: "Sangat Kurang" },

  // Range [a, b]
  { name: "range, inside", input: { polarity: "HIGHER", target: range(60, 80), realization: 70 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "range, on the lower bound", input: { polarity: "HIGHER", target: range(60, 80), realization: 60 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "range, on the upper bound", input: { polarity: "LOWER", target: range(60, 80), realization: 80 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "range, higher, below a: R/a", input: { polarity: "HIGHER", target: range(60, 80), realization: 45 }, percent: 75, display: "75,00%", category: "Cukup" },
  { name: "range, higher, above b: R/b", input: { polarity: "HIGHER", target: range(60, 80), realization: 100 }, percent: 125, display: "125,00%", category: "Sangat Baik" },
  { name: "range, higher, above b capped", input: { polarity: "HIGHER", target: range(60, 80), realization: 100, settings: CAP_120 }, percent: 120, display: "120,00%", category: "Sangat Baik", capped: true },
  { name: "range, lower, above b: (2b-R)/b", input: { polarity: "LOWER", target: range(60, 80), realization: 100 }, percent: 75, display: "75,00%", category: "Cukup" },
  { name: "range, lower, below a: (2a-R)/a", input: { polarity: "LOWER", target: range(60, 80), realization: 45 }, percent: 125, display: "125,00%", category: "Sangat Baik" },
  { name: "range, lower bound 0 is fine while R is inside", input: { polarity: "LOWER", target: range(0, 5), realization: 0 }, percent: 100, display: "100,00%", category: "Sangat Baik" },
  { name: "range, degenerate [a, a]", input: { polarity: "HIGHER", target: range(5, 5), realization: 5 }, percent: 100, display: "100,00%", category: "Sangat Baik" },

  // Decimal strings as they come from the database
  // 75.0000333...% shows as "75,00%" and must be banded as shown (Cukup), not as > 75 (Baik).
  { name: "Decimal strings", input: { polarity: "HIGHER", target: single("1500000.00"), realization: "1125000.50" }, percent: (1125000.5 / 1500000) * 100, display: "75,00%", category: "Cukup" },
  { name: "Decimal in exponent notation", input: { polarity: "HIGHER", target: single("2e-7"), realization: "1e-7" }, percent: 50, display: "50,00%", category: "Sangat Kurang" },
  { name: "large percent keeps thousands separator", input: { polarity: "HIGHER", target: single(1), realization: 12.345 }, percent: 1234.5, display: "1.234,50%", category: "Sangat Baik" },
];

describe("computeCapaian: computable vectors", () => {
  it.each(OK_VECTORS)("$name", ({ input, percent, display, category, capped }) => {
    const result = computeCapaian(input);
    expect(result.status).toBe("OK");
    if (result.status !== "OK") return;
    expect(result.percent).toBeCloseTo(percent, 10);
    expect(Number.isFinite(result.percent)).toBe(true);
    expect(result.display).toBe(display);
    expect(result.category).toBe(category);
    expect(result.capped).toBe(capped ?? false);
  });

  it("does not round the percent", () => {
    const result = computeCapaian({ polarity: "HIGHER", target: single(3), realization: 2 });
    expect(result).toMatchObject({ status: "OK", display: "66,67%" });
    if (result.status === "OK") expect(result.percent).not.toBe(66.67);
  });

  it("uses the default settings (no cap) when none are given", () => {
    const result = computeCapaian({ polarity: "HIGHER", target: single(1), realization: 5 });
    expect(result).toMatchObject({ status: "OK", percent: 500, capped: false });
  });

  it("a value exactly at the cap is not reported as capped", () => {
    const result = computeCapaian({ polarity: "HIGHER", target: single(10), realization: 12, settings: CAP_120 });
    expect(result).toMatchObject({ status: "OK", percent: 120, capped: false });
  });
});

interface FailVector {
  name: string;
  input: TCapaianInput;
  reason: TCapaianFailureReason;
}

const FAIL_VECTORS: FailVector[] = [
  { name: "higher, T = 0", input: { polarity: "HIGHER", target: single(0), realization: 5 }, reason: "TARGET_ZERO" },
  { name: "lower, T = 0", input: { polarity: "LOWER", target: single(0), realization: 5 }, reason: "TARGET_ZERO" },
  { name: "lower, T = 0 and R = 0", input: { polarity: "LOWER", target: single(0), realization: 0 }, reason: "TARGET_ZERO" },
  { name: "T = '0.00' string", input: { polarity: "HIGHER", target: single("0.00"), realization: 5 }, reason: "TARGET_ZERO" },
  { name: "realization null", input: { polarity: "HIGHER", target: single(10), realization: null }, reason: "REALIZATION_MISSING" },
  { name: "realization undefined", input: { polarity: "LOWER", target: single(10), realization: undefined }, reason: "REALIZATION_MISSING" },
  { name: "realization blank cell", input: { polarity: "HIGHER", target: single(10), realization: "" }, reason: "REALIZATION_MISSING" },
  { name: "target value null", input: { polarity: "HIGHER", target: single(null), realization: 5 }, reason: "TARGET_MISSING" },
  { name: "no target at all", input: { polarity: "HIGHER", target: null, realization: 5 }, reason: "TARGET_MISSING" },
  { name: "range with a missing bound", input: { polarity: "HIGHER", target: range(null, 10), realization: 5 }, reason: "TARGET_MISSING" },
  { name: "range min > max", input: { polarity: "HIGHER", target: range(80, 60), realization: 70 }, reason: "INVALID_RANGE" },
  { name: "range below a = 0", input: { polarity: "HIGHER", target: range(0, 5), realization: -1 }, reason: "TARGET_ZERO" },
  { name: "range, missing realization", input: { polarity: "HIGHER", target: range(1, 5), realization: null }, reason: "REALIZATION_MISSING" },
  { name: "negative target", input: { polarity: "HIGHER", target: single(-2), realization: -1 }, reason: "NEGATIVE_TARGET" },
  { name: "target 'abc'", input: { polarity: "HIGHER", target: single("abc"), realization: 5 }, reason: "INVALID_NUMBER" },
  { name: "realization 'abc'", input: { polarity: "HIGHER", target: single(10), realization: "abc" }, reason: "INVALID_NUMBER" },
  { name: "realization '1e400' overflows", input: { polarity: "HIGHER", target: single(10), realization: "1e400" }, reason: "INVALID_NUMBER" },
  { name: "Indonesian formatted string is not guessed", input: { polarity: "HIGHER", target: single("1.234,5"), realization: 5 }, reason: "INVALID_NUMBER" },
  { name: "realization NaN", input: { polarity: "HIGHER", target: single(10), realization: Number.NaN }, reason: "INVALID_NUMBER" },
  { name: "target Infinity", input: { polarity: "HIGHER", target: single(Number.POSITIVE_INFINITY), realization: 5 }, reason: "INVALID_NUMBER" },
  { name: "ratio overflows to Infinity", input: { polarity: "HIGHER", target: single(1e-300), realization: 1e300 }, reason: "INVALID_NUMBER" },
];

describe("computeCapaian: cannot compute", () => {
  it.each(FAIL_VECTORS)("$name -> $reason", ({ input, reason }) => {
    const result = computeCapaian(input);
    expect(result.status).toBe("CANNOT_COMPUTE");
    if (result.status !== "CANNOT_COMPUTE") return;
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(/tidak dapat dihitung/);
  });

  it("explains T = 0 in Indonesian", () => {
    expect(computeCapaian({ polarity: "LOWER", target: single(0), realization: 3 })).toEqual({
      status: "CANNOT_COMPUTE",
      reason: "TARGET_ZERO",
      message: "Target bernilai 0: capaian tidak dapat dihitung",
    });
  });

  it("never yields NaN, Infinity or a percent on bad input", () => {
    for (const { input } of FAIL_VECTORS) {
      const result = computeCapaian(input);
      expect(result).not.toHaveProperty("percent");
    }
  });
});

describe("categorize: default band boundaries", () => {
  it.each([
    [0, "Sangat Kurang"],
    [50, "Sangat Kurang"],
    [50.01, "Kurang"],
    [51, "Kurang"],
    [65, "Kurang"],
    [66, "Cukup"],
    [75, "Cukup"],
    [76, "Baik"],
    [90, "Baik"],
    [90.004, "Baik"],
    [90.005, "Sangat Baik"],
    [90.5, "Sangat Baik"],
    [91, "Sangat Baik"],
    [100, "Sangat Baik"],
    [250, "Sangat Baik"],
  ])("%s%% -> %s", (percent, label) => {
    expect(categorize(percent, DEFAULT_CAPAIAN_SETTINGS.bands)).toBe(label);
  });

  it("is not moved across a boundary by float noise", () => {
    // 0.9 / 1 * 100 is exact but 0.07 * 100 is 7.000000000000001.
    const bands = [
      { min: 8, label: "Atas" },
      { min: 0, label: "Bawah" },
    ];
    expect(categorize(0.07 * 100, bands)).toBe("Bawah");
  });

  it("falls through computeCapaian to the band of the percent", () => {
    const at = (realization: number) => computeCapaian({ polarity: "HIGHER", target: single(100), realization });
    expect(at(90)).toMatchObject({ category: "Baik" });
    expect(at(91)).toMatchObject({ category: "Sangat Baik" });
    expect(at(50)).toMatchObject({ category: "Sangat Kurang" });
    expect(at(51)).toMatchObject({ category: "Kurang" });
  });

  it("honours an agency's own bands regardless of order", () => {
    const bands = [
      { min: 0, label: "Rendah" },
      { min: 100, label: "Tercapai" },
    ];
    expect(categorize(99.5, bands)).toBe("Tercapai");
    expect(categorize(99, bands)).toBe("Rendah");
  });
});

describe("aggregateRealization / aggregateTarget across four quarters", () => {
  const quarters = [10, 20, 30, 40];

  it.each([
    ["CUMULATIVE", quarters, 100],
    ["LAST", quarters, 40],
    ["AVERAGE", quarters, 25],
    ["CUMULATIVE", quarters.slice(0, 2), 30],
    ["LAST", quarters.slice(0, 2), 20],
    ["AVERAGE", quarters.slice(0, 3), 20],
    ["CUMULATIVE", [10, null, 30, null], 40],
    ["LAST", [10, null, 30, null], 30],
    ["AVERAGE", [10, null, 30, null], 20],
    ["CUMULATIVE", ["1000000.50", "2000000.25"], 3000000.75],
  ] as const)("%s of %j = %s", (aggregation, values, expected) => {
    expect(aggregateRealization(values, aggregation)).toBeCloseTo(expected, 10);
    expect(aggregateTarget(values, aggregation)).toBeCloseTo(expected, 10);
  });

  it("returns null when nothing is filled, never 0", () => {
    for (const aggregation of ["CUMULATIVE", "LAST", "AVERAGE"] as const) {
      expect(aggregateRealization([], aggregation)).toBeNull();
      expect(aggregateRealization([null, null, null], aggregation)).toBeNull();
      expect(aggregateTarget([null], aggregation)).toBeNull();
    }
  });

  it("keeps a filled 0 (not treated as missing)", () => {
    expect(aggregateRealization([0, null], "LAST")).toBe(0);
    expect(aggregateRealization([5, 0], "LAST")).toBe(0);
    expect(aggregateRealization([0, 0], "CUMULATIVE")).toBe(0);
  });

  it("throws on an unparseable value instead of skipping it", () => {
    expect(() => aggregateRealization([1, "abc"], "CUMULATIVE")).toThrow(RangeError);
  });

  it("feeds computeCapaian: cumulative TW II realization vs cumulative target", () => {
    const target = aggregateTarget([25, 25, 25, 25].slice(0, 2), "CUMULATIVE");
    const realization = aggregateRealization([20, 25].slice(0, 2), "CUMULATIVE");
    expect(computeCapaian({ polarity: "HIGHER", target: single(target), realization })).toMatchObject({ status: "OK", percent: 90, category: "Baik" });
  });

  it("a period with no realization yet cannot be computed", () => {
    const realization = aggregateRealization([null], "CUMULATIVE");
    expect(computeCapaian({ polarity: "HIGHER", target: single(25), realization })).toMatchObject({ status: "CANNOT_COMPUTE", reason: "REALIZATION_MISSING" });
  });
});

/**
 * A range target aggregated like its realization (issue #12, item 4). The peer
 * bug: quarterly ranges [20, 30] with realizations 25 + 25 compared the
 * cumulative 50 with the last quarter's [20, 30] and gave 166,67% at TW II;
 * summed, the range is [40, 60] and 50 is inside it: 100%.
 */
interface RangeVector {
  name: string;
  polarity: "HIGHER" | "LOWER";
  aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
  annual: [number | null, number | null];
  quarters: ([number, number] | null)[];
  realizations: (number | null)[];
  quarter: number;
  target: [number | null, number | null];
  percent?: number;
  reason?: TCapaianFailureReason;
}

const RANGE_VECTORS: RangeVector[] = [
  { name: "cumulative, 25 + 25 within [20,30] + [20,30] = [40,60] is 100% (not 166,67%)", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [[20, 30], [20, 30], [20, 30], [20, 30]], realizations: [25, 25], quarter: 2, target: [40, 60], percent: 100 },
  { name: "cumulative, TW I alone keeps its own range", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [[20, 30], [20, 30], [20, 30], [20, 30]], realizations: [25], quarter: 1, target: [20, 30], percent: 100 },
  { name: "cumulative, above the summed upper bound: R/b", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [[20, 30], [20, 30], [20, 30], [20, 30]], realizations: [30, 35], quarter: 2, target: [40, 60], percent: (65 / 60) * 100 },
  { name: "cumulative, below the summed lower bound: R/a", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [[20, 30], [20, 30], [20, 30], [20, 30]], realizations: [10, 20], quarter: 2, target: [40, 60], percent: 75 },
  { name: "cumulative, lower is better, below the summed lower bound: (2a-R)/a", polarity: "LOWER", aggregation: "CUMULATIVE", annual: [8, 12], quarters: [[2, 3], [2, 3], [2, 3], [2, 3]], realizations: [1, 1, 1], quarter: 3, target: [6, 9], percent: 150 },
  { name: "cumulative, uneven quarterly ranges sum bound by bound", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [100, 140], quarters: [[10, 20], [30, 40], [30, 40], [30, 40]], realizations: [15, 35, 35], quarter: 3, target: [70, 100], percent: 100 },
  { name: "cumulative, no quarterly ranges: the annual range at TW IV", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [null, null, null, null], realizations: [25, 25, 25, 25], quarter: 4, target: [80, 120], percent: 100 },
  { name: "cumulative, no quarterly ranges: not the annual range at TW II", polarity: "HIGHER", aggregation: "CUMULATIVE", annual: [80, 120], quarters: [null, null, null, null], realizations: [25, 25], quarter: 2, target: [null, null], reason: "TARGET_MISSING" },
  { name: "last value keeps the quarter's own range", polarity: "HIGHER", aggregation: "LAST", annual: [90, 100], quarters: [[20, 30], [45, 55], [70, 80], [90, 100]], realizations: [24.5, 50], quarter: 2, target: [45, 55], percent: 100 },
  { name: "last value, quarter without a range: the annual range", polarity: "HIGHER", aggregation: "LAST", annual: [90, 100], quarters: [[20, 30], null, null, null], realizations: [24.5, 95], quarter: 2, target: [90, 100], percent: 100 },
  { name: "average averages the bounds", polarity: "HIGHER", aggregation: "AVERAGE", annual: [30, 40], quarters: [[20, 30], [40, 50], [40, 50], [40, 50]], realizations: [22, 42], quarter: 2, target: [30, 40], percent: 100 },
  { name: "average, same range every quarter stays that range", polarity: "HIGHER", aggregation: "AVERAGE", annual: [80, 90], quarters: [[80, 90], [80, 90], [80, 90], [80, 90]], realizations: [84.5, 70], quarter: 2, target: [80, 90], percent: (77.25 / 80) * 100 },
];

describe("targetToDate: a range target is aggregated like its realization", () => {
  const bounds = (b: [number, number] | null) => ({ targetValue: null, targetMin: b?.[0] ?? null, targetMax: b?.[1] ?? null });
  it.each(RANGE_VECTORS)("$name", ({ polarity, aggregation, annual, quarters, realizations, quarter, target, percent, reason }) => {
    const toDate = targetToDate({ targetType: "RANGE", aggregation, annual: { targetValue: null, targetMin: annual[0], targetMax: annual[1] }, quarters: quarters.map(bounds) }, quarter);
    expect(toDate.type).toBe("RANGE");
    if (toDate.type !== "RANGE") return;
    expect([toDate.min, toDate.max].map((v) => (v === null || v === undefined ? null : Number(v)))).toEqual(target);
    const result = computeCapaian({ polarity, target: toDate, realization: aggregateRealization(realizations.slice(0, quarter), aggregation) });
    if (reason) {
      expect(result).toMatchObject({ status: "CANNOT_COMPUTE", reason });
      return;
    }
    expect(result.status).toBe("OK");
    if (result.status === "OK") expect(result.percent).toBeCloseTo(percent!, 10);
  });

  it("a single target is aggregated as before: cumulative sums, last takes the quarter's, the annual one at TW IV when quarters are empty", () => {
    const single = (v: number | null) => ({ targetValue: v, targetMin: null, targetMax: null });
    const quarters = [2, 3, 4, 3].map(single);
    expect(targetToDate({ targetType: "SINGLE", aggregation: "CUMULATIVE", annual: single(12), quarters }, 3)).toEqual({ type: "SINGLE", value: 9 });
    expect(targetToDate({ targetType: "SINGLE", aggregation: "LAST", annual: single(12), quarters }, 2)).toEqual({ type: "SINGLE", value: 3 });
    expect(targetToDate({ targetType: "SINGLE", aggregation: "AVERAGE", annual: single(12), quarters }, 2)).toEqual({ type: "SINGLE", value: 2.5 });
    const empty = [null, null, null, null].map(single);
    expect(targetToDate({ targetType: "SINGLE", aggregation: "LAST", annual: single(12), quarters: empty }, 4)).toEqual({ type: "SINGLE", value: 12 });
    expect(targetToDate({ targetType: "SINGLE", aggregation: "LAST", annual: single(12), quarters: empty }, 2)).toEqual({ type: "SINGLE", value: null });
  });
});

describe("capaianToDate: a target that falls in a later quarter is 'Belum dapat dinilai', not a red flag", () => {
  const single = (v: number | null) => ({ targetValue: v, targetMin: null, targetMax: null });
  const bounds = (min: number | null, max: number | null) => ({ targetValue: null, targetMin: min, targetMax: max });
  const none = [null, null, null, null];

  it("an indicator with only an annual target is not judged before TW IV, whatever was realised", () => {
    const plan = { targetType: "SINGLE" as const, aggregation: "LAST" as const, annual: single(80), quarters: none };
    for (const quarter of [1, 2, 3]) {
      const result = capaianToDate({ plan, quarter, polarity: "HIGHER", realization: 70 });
      expect(result).toMatchObject({ status: "CANNOT_COMPUTE", reason: "NOT_YET_DUE", dueQuarter: 4 });
      if (result.status === "CANNOT_COMPUTE") expect(result.message).toBe("Belum dapat dinilai: target jatuh pada Triwulan IV");
    }
    expect(capaianToDate({ plan, quarter: 4, polarity: "HIGHER", realization: 80 })).toMatchObject({ status: "OK", display: "100,00%" });
  });

  it("quarterly targets that start in TW III: TW I and II wait for TW III, TW III is judged", () => {
    const plan = { targetType: "SINGLE" as const, aggregation: "CUMULATIVE" as const, annual: single(10), quarters: [null, null, single(4), single(6)] };
    expect(capaianToDate({ plan, quarter: 1, polarity: "HIGHER", realization: 0 })).toMatchObject({ reason: "NOT_YET_DUE", dueQuarter: 3 });
    expect(capaianToDate({ plan, quarter: 2, polarity: "HIGHER", realization: null })).toMatchObject({ reason: "NOT_YET_DUE", dueQuarter: 3 });
    expect(capaianToDate({ plan, quarter: 3, polarity: "HIGHER", realization: 2 })).toMatchObject({ status: "OK", display: "50,00%" });
  });

  it("a cumulative range with only the annual range waits for TW IV", () => {
    const plan = { targetType: "RANGE" as const, aggregation: "CUMULATIVE" as const, annual: bounds(40, 60), quarters: none };
    expect(capaianToDate({ plan, quarter: 2, polarity: "HIGHER", realization: 25 })).toMatchObject({ reason: "NOT_YET_DUE", dueQuarter: 4 });
    expect(capaianToDate({ plan, quarter: 4, polarity: "HIGHER", realization: 50 })).toMatchObject({ status: "OK", display: "100,00%" });
  });

  it("a target that is set nowhere stays 'Target belum diisi' (that one is a problem to fix)", () => {
    const plan = { targetType: "SINGLE" as const, aggregation: "LAST" as const, annual: single(null), quarters: none };
    expect(capaianToDate({ plan, quarter: 2, polarity: "HIGHER", realization: 5 })).toMatchObject({ reason: "TARGET_MISSING" });
  });

  it("the recap shows it per quarter: earlier quarters wait, the target's quarter is judged", () => {
    const agreement: RecapAgreement = {
      year: 2026,
      programs: [],
      goals: [
        {
          id: "g",
          code: "S1",
          name: "Sasaran",
          indicators: [
            {
              id: "i",
              code: "IKU-9",
              name: "Dokumen LKjIP tersusun",
              unit: "dokumen",
              polarity: "HIGHER",
              targetType: "SINGLE",
              aggregation: "LAST",
              orgUnit: { id: "u", name: "Bidang" },
              targetValue: "1",
              targetMin: null,
              targetMax: null,
              quarters: [],
              realizations: [1, 2].map((quarter) => ({ id: `r${quarter}`, quarter, value: "0", status: "VERIFIED" as const, faktorPendorong: "", faktorPenghambat: "", tindakLanjut: "", returnReason: null })),
            },
          ],
        },
      ],
    };
    const indicator = buildRecap(agreement, 2, DEFAULT_CAPAIAN_SETTINGS).goals[0]!.indicators[0]!;
    expect(indicator.capaian).toMatchObject({ status: "CANNOT_COMPUTE", reason: "NOT_YET_DUE" });
    expect(indicator.quarterCapaian.map((c) => (c.status === "OK" ? c.display : c.reason))).toEqual(["NOT_YET_DUE", "NOT_YET_DUE", "NOT_YET_DUE", "REALIZATION_MISSING"]);
  });
});

describe("the recap: a cumulative range target", () => {
  it("gives 100% at TW II for 25 + 25 against quarterly ranges [20, 30] (the recap, the PDF and the xlsx read this)", () => {
    const range = (min: string, max: string) => ({ targetValue: null, targetMin: min, targetMax: max });
    const realization = (quarter: number, value: string) => ({ id: `r${quarter}`, quarter, value, status: "VERIFIED" as const, faktorPendorong: "", faktorPenghambat: "", tindakLanjut: "", returnReason: null });
    const agreement: RecapAgreement = {
      year: 2026,
      programs: [],
      goals: [
        {
          id: "g",
          code: "S1",
          name: "Sasaran",
          indicators: [
            {
              id: "i",
              code: "IKU-1",
              name: "Jumlah kegiatan",
              unit: "kegiatan",
              polarity: "HIGHER",
              targetType: "RANGE",
              aggregation: "CUMULATIVE",
              orgUnit: { id: "u", name: "Bidang" },
              ...range("80", "120"),
              quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, ...range("20", "30") })),
              realizations: [realization(1, "25"), realization(2, "25")],
            },
          ],
        },
      ],
    };
    const indicator = buildRecap(agreement, 2, DEFAULT_CAPAIAN_SETTINGS).goals[0]!.indicators[0]!;
    expect(indicator.realizationToDate).toBe(50);
    expect(indicator.capaian).toMatchObject({ status: "OK", display: "100,00%" });
    expect(indicator.quarterCapaian[0]).toMatchObject({ status: "OK", display: "100,00%" });
  });
});

describe("budgetAbsorption", () => {
  it.each([
    ["750000000.00", "1000000000.00", 75, "75,00%", "Cukup"],
    [1_000_000, 1_000_000, 100, "100,00%", "Sangat Baik"],
    [0, 1_000_000, 0, "0,00%", "Sangat Kurang"],
    [1_100_000, 1_000_000, 110, "110,00%", "Sangat Baik"],
  ] as const)("realisasi %s of pagu %s = %s%%", (realisasi, pagu, percent, display, category) => {
    const result = budgetAbsorption(realisasi, pagu);
    expect(result).toMatchObject({ status: "OK", display, category, capped: false });
    if (result.status === "OK") expect(result.percent).toBeCloseTo(percent, 10);
  });

  it("is never capped, even when the capaian setting has a cap", () => {
    expect(budgetAbsorption(150, 100, CAP_120)).toMatchObject({ status: "OK", percent: 150, capped: false });
  });

  it.each([
    [100, 0, "TARGET_ZERO", "Pagu anggaran bernilai 0: penyerapan anggaran tidak dapat dihitung"],
    [100, "0", "TARGET_ZERO", "Pagu anggaran bernilai 0: penyerapan anggaran tidak dapat dihitung"],
    [100, null, "TARGET_MISSING", "Pagu anggaran belum diisi: penyerapan anggaran tidak dapat dihitung"],
    [null, 100, "REALIZATION_MISSING", "Realisasi anggaran belum diisi: penyerapan anggaran tidak dapat dihitung"],
    [100, -5, "NEGATIVE_TARGET", "Pagu anggaran bernilai negatif: penyerapan anggaran tidak dapat dihitung"],
    [-5, 100, "INVALID_NUMBER", "Realisasi anggaran bernilai negatif: penyerapan anggaran tidak dapat dihitung"],
    ["abc", 100, "INVALID_NUMBER", "Nilai pagu atau realisasi anggaran bukan angka yang valid: penyerapan anggaran tidak dapat dihitung"],
    [100, "1e400", "INVALID_NUMBER", "Nilai pagu atau realisasi anggaran bukan angka yang valid: penyerapan anggaran tidak dapat dihitung"],
  ] as const)("realisasi %s, pagu %s cannot be computed (%s)", (realisasi, pagu, reason, message) => {
    expect(budgetAbsorption(realisasi, pagu)).toEqual({ status: "CANNOT_COMPUTE", reason, message });
  });
});

describe("parseNumeric", () => {
  it.each([
    [12, 12],
    ["12", 12],
    ["-3.5", -3.5],
    ["+4", 4],
    [".5", 0.5],
    ["1234567.89", 1234567.89],
    ["1e-7", 1e-7],
  ] as const)("%j -> %s", (input, value) => {
    expect(parseNumeric(input)).toEqual({ ok: true, value });
  });

  it.each([null, undefined, ""])("%j is missing", (input) => {
    expect(parseNumeric(input)).toEqual({ ok: true, value: null });
  });

  it.each(["abc", "1e400", "-1e400", "Infinity", "NaN", " 12", "12 ", "1.234,5", "1,5", "0x10", "1_000", Number.NaN, Number.NEGATIVE_INFINITY])(
    "%j is rejected",
    (input) => {
      expect(parseNumeric(input)).toEqual({ ok: false });
    },
  );
});

describe("roundPercent", () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [33.334, 33.33],
    [1e-7, 0],
    [-0, 0],
    [-0.001, 0],
    [1e20, 1e20],
  ])("%s -> %s", (percent, rounded) => {
    expect(Object.is(roundPercent(percent), rounded)).toBe(true);
  });
});

describe("formatPercent", () => {
  it.each([
    [150, "150,00%"],
    [0, "0,00%"],
    [-0, "0,00%"],
    [33.335, "33,34%"],
    [1234567.891, "1.234.567,89%"],
    [1.005, "1,01%"],
    [-0.001, "0,00%"],
  ])("%s -> %s", (percent, display) => {
    expect(formatPercent(percent)).toBe(display);
  });
});

describe("ZCapaianSettings", () => {
  it("accepts the defaults and a 120% cap", () => {
    expect(ZCapaianSettings.parse(DEFAULT_CAPAIAN_SETTINGS)).toEqual(DEFAULT_CAPAIAN_SETTINGS);
    expect(ZCapaianSettings.safeParse(CAP_120).success).toBe(true);
  });

  const messagesOf = (value: unknown) => {
    const result = ZCapaianSettings.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("rejects a cap below 100% with an Indonesian message", () => {
    expect(messagesOf({ ...DEFAULT_CAPAIAN_SETTINGS, cap: 90 })).toContain("Batas maksimal capaian paling kecil 100%");
  });

  it("requires a band starting at 0%", () => {
    expect(messagesOf({ cap: null, bands: [{ min: 50, label: "Baik" }] })).toContain("Kategori terendah harus dimulai dari 0%");
  });

  it("rejects duplicate bounds and labels, empty labels and fractional bounds", () => {
    expect(
      messagesOf({
        cap: null,
        bands: [
          { min: 0, label: "Kurang" },
          { min: 0, label: "kurang" },
        ],
      }),
    ).toEqual(expect.arrayContaining(["Batas bawah setiap kategori harus berbeda", "Nama setiap kategori harus berbeda"]));
    expect(messagesOf({ cap: null, bands: [{ min: 0, label: "  " }] })).toContain("Nama kategori wajib diisi");
    expect(messagesOf({ cap: null, bands: [{ min: 0, label: "A" }, { min: 90.5, label: "B" }] })).toContain(
      "Batas bawah kategori harus bilangan bulat (persen)",
    );
    expect(messagesOf({ cap: null, bands: [] })).toContain("Isi paling sedikit satu kategori capaian");
  });
});
