import { describe, expect, it } from "vitest";

import { checkPlausibility, unconfirmedWarnings, type TPlausibilityIndicator } from "@/lib/performance/plausibility";
import { ZRealizationSave } from "@/lib/performance/schemas";

/** A percentage indicator, higher is better, quarterly targets 70 / 75 / 80 / 85, read as the last value. */
const percent: TPlausibilityIndicator = {
  unit: "%",
  polarity: "HIGHER",
  targetType: "SINGLE",
  aggregation: "LAST",
  targetValue: "85",
  targetMin: null,
  targetMax: null,
  quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: String(65 + 5 * quarter), targetMin: null, targetMax: null })),
  realizations: [{ quarter: 1, value: "68" }],
};

/** What the form and the server both do: parse with the shared schema, then check. */
function check(indicator: TPlausibilityIndicator, quarter: number, typed: string | number) {
  const input = ZRealizationSave.parse({ indicatorId: "i", year: 2026, quarter, value: typed });
  return checkPlausibility(indicator, { quarter, value: input.value, valueText: input.valueText }).map((w) => w.code);
}

describe("plausibility warnings of a realization value", () => {
  it("accepts ordinary values without a warning", () => {
    expect(check(percent, 2, "72")).toEqual([]);
    expect(check(percent, 2, "72,5")).toEqual([]);
    expect(check(percent, 2, "80%")).toEqual([]);
    expect(check(percent, 1, "70")).toEqual([]);
  });

  it('questions "72.000" in a percentage indicator: read as 72000, most likely meant 72', () => {
    const input = ZRealizationSave.parse({ indicatorId: "i", year: 2026, quarter: 2, value: "72.000" });
    expect(input.value).toBe("72000");
    const warnings = checkPlausibility(percent, { quarter: 2, value: input.value, valueText: input.valueText });
    expect(warnings.map((w) => w.code)).toEqual(["AMBIGUOUS_SEPARATOR", "CAPAIAN_HIGH", "FAR_FROM_PREVIOUS"]);
    expect(warnings[0]!.message).toBe(
      'Pemisah ribuan meragukan: "72.000" dibaca 72.000 karena titik memisahkan ribuan, padahal satuannya persen. Jika maksudnya 72, tulis 72 (desimal memakai koma, misalnya 72,5).',
    );
    // Not for a unit where thousands are normal.
    const pages = { ...percent, unit: "halaman", quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: "1500", targetMin: null, targetMax: null })) };
    expect(check({ ...pages, realizations: [{ quarter: 1, value: "1400" }] }, 2, "1.500")).toEqual([]);
    // "72.000%" is questioned too.
    expect(check(percent, 2, "72.000%")).toContain("AMBIGUOUS_SEPARATOR");
  });

  it("questions a capaian above 150% (before the agency's cap), not at 150%", () => {
    // TW II target 75: 112,5 is exactly 150%, 113 above.
    expect(check({ ...percent, realizations: [{ quarter: 1, value: "100" }] }, 2, "112,5")).toEqual([]);
    const warnings = checkPlausibility({ ...percent, realizations: [{ quarter: 1, value: "100" }] }, { quarter: 2, value: "113", valueText: "113" });
    expect(warnings.map((w) => w.code)).toEqual(["CAPAIAN_HIGH"]);
    expect(warnings[0]!.message).toMatch(/^Capaian di atas 150%: nilai ini memberi capaian 150,67%/);
  });

  it("questions a capaian below 0% before the formula's floor", () => {
    const lower: TPlausibilityIndicator = { ...percent, unit: "kasus", polarity: "LOWER", realizations: [] };
    // Lower is better, TW I target 70: 140 gives 0%, 150 gives -14,29%.
    expect(check(lower, 1, "140")).toEqual([]);
    expect(check(lower, 1, "150")).toEqual(["CAPAIAN_NEGATIVE"]);
    expect(check({ ...percent, realizations: [] }, 1, "-5")).toEqual(["CAPAIAN_NEGATIVE"]);
  });

  it("questions a value far from last quarter's: over 3 times, under a third, or of the other sign", () => {
    const docs: TPlausibilityIndicator = { ...percent, unit: "dokumen", aggregation: "CUMULATIVE", targetValue: "400", quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: "100", targetMin: null, targetMax: null })), realizations: [{ quarter: 1, value: "40" }] };
    expect(check(docs, 2, "120")).toEqual([]);
    expect(check(docs, 2, "121")).toEqual(["FAR_FROM_PREVIOUS"]);
    expect(check(docs, 2, "14")).toEqual([]);
    expect(check(docs, 2, "13")).toEqual(["FAR_FROM_PREVIOUS"]);
    expect(check(docs, 2, "0")).toEqual(["FAR_FROM_PREVIOUS"]);
    // No previous value, or a previous 0: nothing to compare with.
    expect(check({ ...docs, realizations: [] }, 2, "121")).toEqual([]);
    expect(check({ ...docs, realizations: [{ quarter: 1, value: "0" }] }, 2, "50")).toEqual([]);
  });

  it("an empty value has no warning; confirmed warnings no longer count", () => {
    expect(check(percent, 2, "")).toEqual([]);
    const warnings = checkPlausibility(percent, { quarter: 2, value: "72000", valueText: "72.000" });
    expect(unconfirmedWarnings(warnings, ["AMBIGUOUS_SEPARATOR", "CAPAIAN_HIGH"]).map((w) => w.code)).toEqual(["FAR_FROM_PREVIOUS"]);
    expect(unconfirmedWarnings(warnings, ["AMBIGUOUS_SEPARATOR", "CAPAIAN_HIGH", "FAR_FROM_PREVIOUS"])).toEqual([]);
  });

  it("the form's schema keeps what was typed and refuses unknown confirmations", () => {
    expect(ZRealizationSave.parse({ indicatorId: "i", year: 2026, quarter: 1, value: " 72.000 " })).toMatchObject({ value: "72000", valueText: " 72.000 ", confirmed: [] });
    expect(ZRealizationSave.parse({ indicatorId: "i", year: 2026, quarter: 1, value: 85 })).toMatchObject({ value: "85", valueText: null });
    expect(ZRealizationSave.safeParse({ indicatorId: "i", year: 2026, quarter: 1, value: "1", confirmed: ["SEMUA"] }).success).toBe(false);
  });
});
