import { describe, expect, it } from "vitest";

import { EDITION_88 } from "@/lib/lke/edition-88";
import { predikatOf, rankGains, scoreLke } from "@/lib/lke/score";
import { criteriaOf, SCALE_ABCDE, SCALE_YT, type TLkeStructure } from "@/lib/lke/structure";

/** Two components: X 30 (a 6: two Y/T criteria; b 9: A..E weights 1,1,2; c 15: one A..E), Y 70 (one Y/T). */
const S: TLkeStructure = {
  editionName: "Uji",
  components: [
    {
      code: "X",
      name: "Komponen X",
      weight: 30,
      subComponents: [
        { code: "X.a", name: "a", weight: 6, criteria: [c("x1", 1, "YT"), c("x2", 1, "YT")] },
        { code: "X.b", name: "b", weight: 9, criteria: [c("x3", 1, "AE"), c("x4", 1, "AE"), c("x5", 2, "AE")] },
        { code: "X.c", name: "c", weight: 15, criteria: [c("x6", 1, "AE")] },
      ],
    },
    { code: "Y", name: "Komponen Y", weight: 70, subComponents: [{ code: "Y.a", name: "a", weight: 70, criteria: [c("y1", 1, "YT")] }] },
  ],
};
function c(code: string, weight: number, scale: "YT" | "AE") {
  return { code, text: `Kriteria ${code}`, weight, scale: scale === "YT" ? SCALE_YT : SCALE_ABCDE };
}

describe("LKE scoring", () => {
  it("scores sub-components by weight × weighted mean of the answer values, components and total as sums", () => {
    // X.a: 6 × (1 + 0)/2 = 3; X.b: 9 × (1×1 + 1×0.5 + 2×0.75)/4 = 6.75; X.c: 15 × 0.25 = 3.75; X = 13.5; Y = 70; total 83.5 → A.
    const score = scoreLke(S, { x1: "Y", x2: "T", x3: "A", x4: "C", x5: "B", x6: "D", y1: "Y" });
    expect(score.components.map((k) => k.subComponents.map((s) => s.score))).toEqual([[3, 6.75, 3.75], [70]]);
    expect(score.components.map((k) => k.score)).toEqual([13.5, 70]);
    expect(score.total).toBe(83.5);
    expect(score.predikat).toBe("A");
    expect(score.predikatLabel).toBe("Memuaskan");
    expect([score.answered, score.criteria]).toEqual([7, 7]);
  });

  it("counts an unanswered criterion or an answer off its scale as 0, and not as answered", () => {
    const score = scoreLke(S, { x1: "Y", x2: "A", x3: null });
    // X.a: 6 × 1/2 = 3; nothing else.
    expect(score.total).toBe(3);
    expect(score.predikat).toBe("D");
    expect(score.answered).toBe(1);
  });

  it("ranks what would raise the score most by points × (1 − value), ties in sheet order", () => {
    const gains = rankGains(S, { x1: "Y", x2: "T", x3: "A", x4: "C", x5: "B", x6: "D", y1: "Y" });
    // x6: 15 × 0.75 = 11.25; x2: 3 × 1 = 3; x4: 2.25 × 0.5 = 1.125; x5: 4.5 × 0.25 = 1.125.
    expect(gains.map((g) => [g.code, g.gain])).toEqual([
      ["x6", 11.25],
      ["x2", 3],
      ["x4", 1.13],
      ["x5", 1.13],
    ]);
    expect(rankGains(S, {}, 1)).toEqual([expect.objectContaining({ code: "y1", points: 70, value: 0, gain: 70 })]);
  });

  it("reads the predikat from exclusive lower bounds", () => {
    const cases: [number, string][] = [
      [100, "AA"],
      [90.01, "AA"],
      [90, "A"],
      [80.5, "A"],
      [80, "BB"],
      [70.01, "BB"],
      [70, "B"],
      [60.01, "B"],
      [60, "CC"],
      [50.01, "CC"],
      [50, "C"],
      [30.01, "C"],
      [30, "D"],
      [0, "D"],
    ];
    for (const [total, p] of cases) expect([total, predikatOf(total)]).toEqual([total, p]);
  });
});

describe("the Permenpan RB 88/2021 edition", () => {
  it("weighs the components 30/30/15/25, each split 20/30/50, with unique criterion codes", () => {
    expect(EDITION_88.components.map((k) => [k.name, k.weight, k.subComponents.map((s) => s.weight)])).toEqual([
      ["Perencanaan Kinerja", 30, [6, 9, 15]],
      ["Pengukuran Kinerja", 30, [6, 9, 15]],
      ["Pelaporan Kinerja", 15, [3, 4.5, 7.5]],
      ["Evaluasi Akuntabilitas Kinerja Internal", 25, [5, 7.5, 12.5]],
    ]);
    const codes = criteriaOf(EDITION_88).map((x) => x.criterion.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of EDITION_88.components.flatMap((k) => k.subComponents)) expect(s.criteria.length).toBeGreaterThan(0);
  });

  it("scores 100 (AA) when every criterion is fully met and 0 (D) when none is", () => {
    const all = Object.fromEntries(criteriaOf(EDITION_88).map((x) => [x.criterion.code, x.criterion.scale[0]!.code]));
    expect(scoreLke(EDITION_88, all)).toMatchObject({ total: 100, predikat: "AA" });
    const none = Object.fromEntries(criteriaOf(EDITION_88).map((x) => [x.criterion.code, x.criterion.scale.at(-1)!.code]));
    expect(scoreLke(EDITION_88, none)).toMatchObject({ total: 0, predikat: "D" });
  });
});
