import { describe, expect, it } from "vitest";

import { childLevelOf, levelNeedsUnit, parentLevelOf, periodYears } from "@/lib/cascade/levels";
import { rollUpTree, rollUpValue, rollUpVerified } from "@/lib/cascade/roll-up";
import { canReviewUnitRealizations } from "@/lib/cascade/unit-realization-access";

describe("roll-up of one indicator", () => {
  it("sums, averages, or keeps the parent's own value", () => {
    expect(rollUpValue("SUM", 999, [10, 20, 30.5])).toEqual({ value: 60.5, from: "children" });
    expect(rollUpValue("AVERAGE", 999, [80, 90, 100])).toEqual({ value: 90, from: "children" });
    expect(rollUpValue("OWN", 75, [10, 20])).toEqual({ value: 75, from: "own" });
  });

  it("rounds an average to the four decimals the database keeps", () => {
    expect(rollUpValue("AVERAGE", null, [1, 0, 0])).toEqual({ value: 0.3333, from: "children" });
  });

  it("never gives 0 or a partial sum: a missing contribution is incomplete, none at all is no children", () => {
    expect(rollUpValue("SUM", null, [10, null, 30])).toEqual({ value: null, reason: "incomplete" });
    expect(rollUpValue("AVERAGE", null, [Number.NaN])).toEqual({ value: null, reason: "incomplete" });
    expect(rollUpValue("SUM", 5, [])).toEqual({ value: null, reason: "no-children" });
    expect(rollUpValue("OWN", null, [1, 2])).toEqual({ value: null, reason: "no-own-value" });
  });

  it("counts a real zero as a value (0 + 0 is 0, not missing)", () => {
    expect(rollUpValue("SUM", null, [0, 0])).toEqual({ value: 0, from: "children" });
  });
});

describe("roll-up through a three-level tree", () => {
  // Sasaran S (AVERAGE) <- Program P1 (SUM), P2 (OWN); P1 <- Kegiatan K1, K2 (OWN).
  const tree = [
    { id: "S", rollUp: "AVERAGE" as const, parentIndicatorId: null },
    { id: "P1", rollUp: "SUM" as const, parentIndicatorId: "S" },
    { id: "P2", rollUp: "OWN" as const, parentIndicatorId: "S" },
    { id: "K1", rollUp: "OWN" as const, parentIndicatorId: "P1" },
    { id: "K2", rollUp: "OWN" as const, parentIndicatorId: "P1" },
  ];

  it("rolls sums up into an average, bottom up, ignoring the own values of rolled-up parents", () => {
    const own = new Map<string, number | null>([["S", 1], ["P1", 1], ["P2", 60], ["K1", 30], ["K2", 50]]);
    const r = rollUpTree(tree, own);
    expect(r.get("P1")).toEqual({ value: 80, from: "children" });
    expect(r.get("S")).toEqual({ value: 70, from: "children" });
    expect(r.get("P2")).toEqual({ value: 60, from: "own" });
  });

  it("carries a missing value at the bottom up as incomplete", () => {
    const own = new Map<string, number | null>([["P2", 60], ["K1", 30], ["K2", null]]);
    const r = rollUpTree(tree, own);
    expect(r.get("P1")).toEqual({ value: null, reason: "incomplete" });
    expect(r.get("S")).toEqual({ value: null, reason: "incomplete" });
  });

  it("marks a rolled-up value verified only when every value under it is (decision 044)", () => {
    const allVerified = new Map([["S", false], ["P1", false], ["P2", true], ["K1", true], ["K2", true]]);
    let v = rollUpVerified(tree, allVerified);
    // A parent's own verification does not matter for what it rolls up; its supporters' does.
    expect([v.get("P1"), v.get("S")]).toEqual([true, true]);
    v = rollUpVerified(tree, new Map([...allVerified, ["K2", false]]));
    expect([v.get("K2"), v.get("P1"), v.get("P2"), v.get("S")]).toEqual([false, false, true, false]);
    // An OWN parent is its own value's verification, whatever sits below it.
    expect(rollUpVerified([{ id: "X", rollUp: "OWN", parentIndicatorId: null }, { id: "Y", rollUp: "OWN", parentIndicatorId: "X" }], new Map([["X", true], ["Y", false]])).get("X")).toBe(true);
    expect(rollUpVerified([{ id: "A", rollUp: "SUM", parentIndicatorId: "B" }, { id: "B", rollUp: "SUM", parentIndicatorId: "A" }], new Map()).get("A")).toBe(false);
  });

  it("does not loop on a cycle in bad data", () => {
    const r = rollUpTree(
      [
        { id: "A", rollUp: "SUM", parentIndicatorId: "B" },
        { id: "B", rollUp: "SUM", parentIndicatorId: "A" },
      ],
      new Map(),
    );
    expect(r.get("A")?.value).toBeNull();
    expect(r.get("B")?.value).toBeNull();
  });
});

describe("levels", () => {
  it("orders Tujuan > Sasaran > Program > Kegiatan > Sub-kegiatan", () => {
    expect(parentLevelOf("TUJUAN")).toBeNull();
    expect(parentLevelOf("SASARAN")).toBe("TUJUAN");
    expect(parentLevelOf("KEGIATAN")).toBe("PROGRAM");
    expect(childLevelOf("PROGRAM")).toBe("KEGIATAN");
    expect(childLevelOf("SUBKEGIATAN")).toBeNull();
    expect(levelNeedsUnit("SASARAN")).toBe(false);
    expect(levelNeedsUnit("PROGRAM")).toBe(true);
    expect(periodYears({ startYear: 2025, endYear: 2029 })).toEqual([2025, 2026, 2027, 2028, 2029]);
  });
});

describe("who reviews a unit PK row's realization", () => {
  it("Tim SAKIP (realization.verify) or the planning unit (performance.manage), nobody else", () => {
    const holding = (...held: string[]) => (p: string) => held.includes(p);
    expect(canReviewUnitRealizations(holding("realization.verify"))).toBe(true);
    expect(canReviewUnitRealizations(holding("performance.manage"))).toBe(true);
    expect(canReviewUnitRealizations(holding("realization.fill", "performance.view"))).toBe(false);
  });
});
