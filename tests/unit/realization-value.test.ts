import { describe, expect, it } from "vitest";

import { PERFORMANCE_MESSAGES as M, ZRealizationSave, ZRealizationValue } from "@/lib/performance/schemas";

/**
 * "85%" typed in a percentage indicator (issue #12, item 11): the form and the
 * server parse the value with the same schema, so both read it as 85, and the
 * Indonesian notation keeps working ("1.234,56").
 */
describe("the realization value: a percent sign is read, not refused", () => {
  it.each([
    ["85%", "85"],
    ["85 %", "85"],
    [" 85,5% ", "85.5"],
    ["1.234,56%", "1234.56"],
    ["1.234,56", "1234.56"],
    ["80,25", "80.25"],
    ["1.234", "1234"],
    ["85", "85"],
    [85, "85"],
    ["", null],
  ] as const)("%j -> %j", (raw, expected) => {
    expect(ZRealizationValue.parse(raw)).toBe(expected);
    expect(ZRealizationSave.parse({ indicatorId: "i", year: 2026, quarter: 1, value: raw }).value).toBe(expected);
  });

  it.each(["%", "85%%", "%85", "85 persen", "abc%", "12,3,4%"])("%j is refused with the number message", (raw) => {
    const result = ZRealizationSave.safeParse({ indicatorId: "i", year: 2026, quarter: 1, value: raw });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]!.message).toBe(M.number);
  });

  it("the percentage hint says a % may be typed", () => {
    expect(M.ui.valueHintPercent).toMatch(/%/);
    expect(M.ui.valueHintPercent).toMatch(/1\.234,5/);
  });
});
