import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { FlowchartColumns } from "@/components/sop/flowchart";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import {
  connectorLetter,
  describeFlowchartPage,
  flowBlockIndexAt,
  flowPageBlocks,
  jointLayout,
  layoutFlowchart,
  meetsJointLine,
  noLabelSpot,
  placeInFlowBlock,
  SYMBOL_HEIGHT,
  type TFlowEdge,
  type TFlowLayoutStep,
  type TFlowPage,
} from "@/lib/sop/flowchart-layout";
import { SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";

const rolesOf = (slug: string) => SEED_AGENCIES.find((a) => a.slug === slug)!.roles;
const layoutSeed = (slug: TSeedSopSlug, rowsPerPage?: number) => layoutFlowchart(SEED_SOPS[slug].steps, rolesOf(slug), { rowsPerPage });

const rowOf = (page: TFlowPage, step: number) => page.rows.find((r) => r.stepNumber === step)!;
const edgesOf = (page: TFlowPage, kind: TFlowEdge["kind"], from: number) => page.edges.filter((e) => e.kind === kind && e.fromStep === from);

function isOrthogonal(edge: TFlowEdge) {
  return edge.points.slice(1).every((p, i) => p.x === edge.points[i]!.x || p.y === edge.points[i]!.y);
}

/** A plain process chain of n steps alternating between two columns. */
function chain(n: number): TFlowLayoutStep[] {
  return Array.from({ length: n }, (_, i) => ({ number: i + 1, executorRoleCode: i % 2 ? "B" : "A", kind: "DRAFT" as const }));
}
const AB = [
  { code: "A", name: "Kepala Dinas" },
  { code: "B", name: "Sekretaris" },
];

describe("layoutFlowchart: symbols", () => {
  it("puts one symbol per row in the executor's column: capsule at both ends, diamond for the decision", () => {
    const { pages } = layoutSeed("bmcktr-sumbar");
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    const columns = rolesOf("bmcktr-sumbar").map((r) => r.code);
    expect(page.rows.map((r) => r.symbol)).toEqual([
      "terminator",
      "process",
      "process",
      "process",
      "process",
      "process",
      "decision",
      "process",
      "terminator",
    ]);
    SEED_SOPS["bmcktr-sumbar"].steps.forEach((s, i) => {
      const row = page.rows[i]!;
      expect(row.row).toBe(i);
      expect(row.column).toBe(columns.indexOf(s.executorRoleCode));
      expect(row.x).toBe(row.column + 0.5);
    });
  });

  it("marks a step whose executor has no column instead of failing (editor preview)", () => {
    const steps = [...chain(2), { number: 3, executorRoleCode: "", kind: "ARCHIVE" as const }];
    const row = layoutFlowchart(steps, AB).pages[0]!.rows[2]!;
    expect(row).toMatchObject({ missingExecutor: true, column: 0, symbol: "terminator" });
  });
});

describe("layoutFlowchart: arrows", () => {
  it("runs arrows from the bottom of one symbol to the top of the next, orthogonally", () => {
    const page = layoutSeed("bmcktr-sumbar").pages[0]!;
    const edge = edgesOf(page, "next", 2)[0]!; // Sekretaris -> Tim SAKIP
    const from = rowOf(page, 2);
    const to = rowOf(page, 3);
    expect(edge.points[0]).toEqual({ x: from.x, y: from.y + SYMBOL_HEIGHT / 2 });
    expect(edge.points.at(-1)).toEqual({ x: to.x, y: to.y - SYMBOL_HEIGHT / 2 });
    for (const slug of Object.keys(SEED_SOPS) as TSeedSopSlug[]) {
      for (const p of [...layoutSeed(slug).pages, ...layoutSeed(slug, 4).pages]) {
        for (const e of p.edges) expect(isOrthogonal(e), `${slug} ${e.kind} ${e.fromStep}->${e.toStep}`).toBe(true);
      }
    }
  });

  it("BMCKTR step 7: Ya continues down to step 8, Tidak goes back up to step 4", () => {
    const page = layoutSeed("bmcktr-sumbar").pages[0]!;
    const decision = rowOf(page, 7);
    const target = rowOf(page, 4);
    expect(decision.symbol).toBe("decision");

    const [yes] = edgesOf(page, "yes", 7);
    expect(yes).toMatchObject({ toStep: 8, label: { text: "Ya" } });
    expect(yes!.points.at(-1)!.y).toBeGreaterThan(decision.y);

    const [no] = edgesOf(page, "no", 7);
    expect(no).toMatchObject({ toStep: 4, label: { text: "Tidak" }, connector: null });
    // Leaves the diamond at its side, climbs, and enters step 4 at its side.
    expect(no!.points[0]!.y).toBe(decision.y);
    expect(Math.abs(no!.points[0]!.x - decision.x)).toBeCloseTo(decision.width / 2);
    expect(no!.points.at(-1)!.y).toBe(target.y);
    expect(Math.abs(no!.points.at(-1)!.x - target.x)).toBeCloseTo(target.width / 2);
    expect(Math.min(...no!.points.map((p) => p.y))).toBe(target.y);
    // The climb runs beside the column, never through a symbol's box.
    const climb = no!.points.find((p, i) => i > 0 && p.x === no!.points[i - 1]!.x)!;
    for (const r of page.rows) expect(Math.abs(climb.x - r.x)).toBeGreaterThan(r.width / 2);
  });

  it("Lumajang step 7 returns to step 6", () => {
    const page = layoutSeed("diskominfo-lumajang").pages[0]!;
    expect(edgesOf(page, "no", 7)[0]).toMatchObject({ toStep: 6, label: { text: "Tidak" } });
  });
});

describe("layoutFlowchart: pages", () => {
  it("splits 9 steps at 5 rows per page into 2 pages joined by connector A", () => {
    const { pages } = layoutFlowchart(chain(9), AB, { rowsPerPage: 5 });
    expect(pages.map((p) => p.rows.map((r) => r.stepNumber))).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9],
    ]);
    const [p1, p2] = pages as [TFlowPage, TFlowPage];
    expect(p1.connectors).toMatchObject([{ letter: "A", direction: "out", band: "bottom", toStep: 6, otherPage: 1 }]);
    expect(p2.connectors).toMatchObject([{ letter: "A", direction: "in", band: "top", fromStep: 5, otherPage: 0 }]);
    // Page 1 ends in the connector below step 5; page 2 starts from it into step 6.
    const out = edgesOf(p1, "next", 5)[0]!;
    expect(out.connector).toBe("A");
    expect(out.points.at(-1)!.y).toBeCloseTo(p1.connectors[0]!.y - p1.connectors[0]!.height / 2);
    const resume = edgesOf(p2, "next", 5)[0]!;
    expect(resume.points[0]!.y).toBeCloseTo(p2.connectors[0]!.y + p2.connectors[0]!.height / 2);
    expect(resume.points.at(-1)!.y).toBeCloseTo(rowOf(p2, 6).y - SYMBOL_HEIGHT / 2);
    // Start capsule only on page 1, end capsule only on page 2; the bands make room.
    expect(p1.rows[0]!.symbol).toBe("terminator");
    expect(p1.rows.at(-1)!.symbol).toBe("process");
    expect(p2.rows.at(-1)!.symbol).toBe("terminator");
    expect([p1.bandTop, p1.bandBottom, p2.bandTop, p2.bandBottom]).toEqual([0, 0.5, 0.5, 0]);
    expect(p2.rows[0]!.y).toBe(1);
  });

  it("sends a Tidak to a step on an earlier page through its own connector pair", () => {
    const { pages } = layoutSeed("bmcktr-sumbar", 5);
    const [p1, p2] = pages as [TFlowPage, TFlowPage];
    const pair = (p: TFlowPage, letter: string) => p.connectors.filter((c) => c.letter === letter);
    expect(pair(p2, "B")).toMatchObject([{ direction: "out", band: "top", fromStep: 7, toStep: 4, edgeKind: "no" }]);
    expect(pair(p1, "B")).toMatchObject([{ direction: "in", band: "bottom", fromStep: 7, toStep: 4, edgeKind: "no" }]);

    const up = edgesOf(p2, "no", 7)[0]!;
    expect(up).toMatchObject({ connector: "B", label: { text: "Tidak" } });
    expect(up.points.at(-1)!.y).toBeLessThan(up.points[0]!.y); // goes up to the top band
    const arrive = edgesOf(p1, "no", 7)[0]!;
    expect(arrive.connector).toBe("B");
    expect(arrive.points.at(-1)!.y).toBe(rowOf(p1, 4).y);
    expect(arrive.points.at(-1)!.y).toBeLessThan(arrive.points[0]!.y); // climbs from the bottom band
  });

  it("stacks connectors in a second tier when a band holds more than there are columns", () => {
    const steps: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "A", kind: "DISPOSITION" },
      { number: 2, executorRoleCode: "B", kind: "DRAFT" },
      { number: 3, executorRoleCode: "A", kind: "REVIEW", yesStepNumber: 5, noStepNumber: 2 },
      { number: 4, executorRoleCode: "B", kind: "DRAFT" },
      { number: 5, executorRoleCode: "B", kind: "APPROVAL", noStepNumber: 1 },
      { number: 6, executorRoleCode: "A", kind: "REVIEW", noStepNumber: 4 },
      { number: 7, executorRoleCode: "B", kind: "ARCHIVE" },
    ];
    const page2 = layoutFlowchart(steps, AB, { rowsPerPage: 4 }).pages[1]!;
    expect(page2.connectors.filter((c) => c.band === "top")).toHaveLength(4); // 2 in, 2 returns out
    expect(page2.bandTop).toBe(1);
    const spots = page2.connectors.map((c) => `${c.x}:${c.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it("never draws an arrow through a symbol or a connector it does not belong to", () => {
    const layouts = [
      ...(Object.keys(SEED_SOPS) as TSeedSopSlug[]).flatMap((slug) => [3, 4, 5, 10].map((rpp) => layoutSeed(slug, rpp))),
      layoutFlowchart(chain(9), AB, { rowsPerPage: 5 }),
    ];
    const inside = (a: number, b: number, lo: number, hi: number) => Math.max(a, b) > lo + 1e-9 && Math.min(a, b) < hi - 1e-9;
    for (const { pages } of layouts) {
      for (const page of pages) {
        const boxes = [
          ...page.rows.map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height, owner: (e: TFlowEdge) => e.fromStep === r.stepNumber || e.toStep === r.stepNumber })),
          ...page.connectors.map((c) => ({ x: c.x, y: c.y, w: c.width, h: c.height, owner: (e: TFlowEdge) => e.connector === c.letter })),
        ];
        for (const edge of page.edges) {
          edge.points.slice(1).forEach((b, i) => {
            const a = edge.points[i]!;
            for (const box of boxes) {
              if (box.owner(edge)) continue;
              const hit =
                inside(a.x, b.x, box.x - box.w / 2, box.x + box.w / 2) && inside(a.y, b.y, box.y - box.h / 2, box.y + box.h / 2);
              expect(hit, `${edge.kind} ${edge.fromStep}->${edge.toStep} crosses a box at ${box.x},${box.y}`).toBe(false);
            }
          });
        }
      }
    }
  });

  it("takes pages of their own sizes when given (the PDF's measured rows), else rowsPerPage for every page", () => {
    const { pages } = layoutFlowchart(chain(9), AB, { rowsPerPage: 5, pageSizes: [2, 6, 1] });
    expect(pages.map((p) => p.rows.map((r) => r.stepNumber))).toEqual([[1, 2], [3, 4, 5, 6, 7, 8], [9]]);
    expect(pages.map((p) => p.connectors.map((c) => `${c.letter}:${c.direction}`))).toEqual([["A:out"], ["A:in", "B:out"], ["B:in"]]);
    expect(pages[1]!.rows.map((r) => r.row)).toEqual([0, 1, 2, 3, 4, 5]);
    // Sizes that do not add up to the steps are ignored.
    const fallback = layoutFlowchart(chain(9), AB, { rowsPerPage: 5, pageSizes: [2, 2] });
    expect(fallback.pages.map((p) => p.rowCount)).toEqual([5, 4]);
    expect(layoutFlowchart(chain(9), AB, { rowsPerPage: 5, pageSizes: [5, 4] })).toEqual(layoutFlowchart(chain(9), AB, { rowsPerPage: 5 }));
  });

  it("letters connectors A..Z then AA", () => {
    expect([0, 1, 25, 26, 27].map(connectorLetter)).toEqual(["A", "B", "Z", "AA", "AB"]);
  });

  it("returns no pages for an empty SOP", () => {
    expect(layoutFlowchart([], AB).pages).toEqual([]);
  });
});

describe("FlowchartColumns", () => {
  it("renders an accessible SVG with the symbols, labels and connector letters", () => {
    const { pages } = layoutSeed("bmcktr-sumbar", 5);
    const html = renderToStaticMarkup(createElement(FlowchartColumns, { page: pages[1]!, columnWidth: 100, rowHeight: 80 }));
    expect(html).toMatch(/^<svg[^>]* role="img"/);
    expect(html).toContain(`aria-label="${describeFlowchartPage(pages[1]!)}"`);
    expect(html).toContain('data-symbol="decision"');
    expect(html).toContain('data-symbol="terminator"');
    expect(html).toContain(">Tidak</text>");
    expect(html).toContain(">Ya</text>");
    expect(html).toContain('data-connector="A"');
    expect(html).toContain('data-connector="B"');
    expect(html).not.toContain("Menganalisa"); // activity text stays in its own column
  });

  it("summarises the page in Indonesian", () => {
    const { pages } = layoutSeed("bmcktr-sumbar", 5);
    const text = describeFlowchartPage(pages[1]!);
    expect(text).toContain("Diagram alir halaman 2 dari 2, langkah 6 sampai 9");
    expect(text).toContain("lanjutan dari halaman 1 melalui penghubung A ke langkah 6");
    expect(text).toContain("langkah 7 keputusan oleh Kepala Dinas: jika Ya lanjut ke langkah 8, jika Tidak kembali ke langkah 4");
    expect(text).toContain("langkah 9 oleh Subbag Perencanaan (selesai)");
  });
});

describe("layoutFlowchart: joint steps", () => {
  const ABC = [...AB, { code: "C", name: "Kasubag Program" }];

  it("joins the executor's symbol to each participant's, side to side, skipping the executor and unknown roles", () => {
    expect(jointLayout(1, [0, 2, 1, undefined, 2])).toEqual({
      columns: [0, 2],
      segments: [
        { x1: 0.8, x2: 1.2 },
        { x1: 1.8, x2: 2.2 },
      ],
    });
    expect(jointLayout(0, [1, 2])!.segments).toEqual([
      { x1: 0.8, x2: 1.2 },
      { x1: 1.8, x2: 2.2 },
    ]);
    expect(jointLayout(0, [0, undefined])).toBeNull();
  });

  it("draws the joint step's symbol in every participating column; arrows still start and end at the executor's", () => {
    const steps: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "A", kind: "DRAFT" },
      { number: 2, executorRoleCode: "B", kind: "MEETING", jointRoleCodes: ["C", "A"] },
      { number: 3, executorRoleCode: "A", kind: "DRAFT" },
    ];
    const page = layoutFlowchart(steps, ABC).pages[0]!;
    expect(rowOf(page, 2).column).toBe(1);
    expect(rowOf(page, 2).joint).toEqual({ columns: [0, 2], segments: [{ x1: 0.8, x2: 1.2 }, { x1: 1.8, x2: 2.2 }] });
    expect(rowOf(page, 1).joint).toBeNull();
    const into = edgesOf(page, "next", 1)[0]!;
    const out = edgesOf(page, "next", 2)[0]!;
    expect(into.points.at(-1)).toEqual({ x: 1.5, y: rowOf(page, 2).y - SYMBOL_HEIGHT / 2 });
    expect(out.points[0]).toEqual({ x: 1.5, y: rowOf(page, 2).y + SYMBOL_HEIGHT / 2 });
    expect(describeFlowchartPage(page)).toContain("langkah 2 bersama Kepala Dinas, Kasubag Program");

    const svg = renderToStaticMarkup(createElement(FlowchartColumns, { page, columnWidth: 100, rowHeight: 50 }));
    expect(svg.match(/data-step="2"/g)).toHaveLength(3);
    expect(svg.match(/data-joint-line="2"/g)).toHaveLength(2);
  });

  /** Columns: Kepala Bidang, Sekretaris, Kasubbag Program, Kepala Dinas. */
  const KSPD = ["K", "S", "P", "D"].map((code) => ({ code, name: code }));
  /** The "Tidak" edges of every page, each with the rows of the page it is drawn on. */
  const returnsOf = (steps: TFlowLayoutStep[], rowsPerPage?: number) =>
    layoutFlowchart(steps, KSPD, { rowsPerPage }).pages.flatMap((page) => page.edges.filter((e) => e.kind === "no").map((edge) => ({ edge, page })));

  it("meetsJointLine: a lane climbing past a joint row inside its line, or a run along it, meets it; touching a symbol's side does not", () => {
    const row = { y: 2.5, joint: { columns: [0], segments: [{ x1: 0.8, x2: 1.2 }] } } as unknown as TFlowPage["rows"][number];
    expect(meetsJointLine([{ x: 0.92, y: 3.5 }, { x: 0.92, y: 1.5 }], [row])).toBe(true);
    expect(meetsJointLine([{ x: 0.08, y: 3.5 }, { x: 0.08, y: 1.5 }], [row])).toBe(false);
    expect(meetsJointLine([{ x: 0.92, y: 3.5 }, { x: 0.92, y: 2.7 }], [row])).toBe(false);
    expect(meetsJointLine([{ x: 0.92, y: 2.5 }, { x: 0.8, y: 2.5 }], [row])).toBe(true);
    expect(meetsJointLine([{ x: 0.2, y: 2.5 }, { x: 0.08, y: 2.5 }], [row])).toBe(false);
  });

  it("a return past a joint meeting climbs the strip its line does not cross", () => {
    // 2 every Kabid fills data; 3 the Sekretaris' meeting with the Kabid; 4 the Kasubbag checks (Tidak: 2).
    const steps: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "S", kind: "DISPOSITION" },
      { number: 2, executorRoleCode: "K", kind: "INPUT" },
      { number: 3, executorRoleCode: "S", kind: "MEETING", jointRoleCodes: ["K"] },
      { number: 4, executorRoleCode: "P", kind: "REVIEW", noStepNumber: 2 },
      { number: 5, executorRoleCode: "P", kind: "ARCHIVE" },
    ];
    const [ret] = returnsOf(steps);
    // Before: the right strip of the Kabid column (x 0.92), through the line joining 3's symbols (0.8 to 1.2).
    expect(ret!.edge.points.map((p) => p.x)).toEqual([2.2, 0.08, 0.08, 0.2]);
    expect(meetsJointLine(ret!.edge.points, ret!.page.rows)).toBe(false);
    expect(ret!.edge.label).toMatchObject({ text: "Tidak", anchor: "end" });
  });

  it("a return into a joint step, or out of a joint decision, does not run along its line", () => {
    const intoJoint: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "S", kind: "DISPOSITION" },
      { number: 2, executorRoleCode: "K", kind: "MEETING", jointRoleCodes: ["S"] },
      { number: 3, executorRoleCode: "P", kind: "REVIEW", noStepNumber: 2 },
      { number: 4, executorRoleCode: "P", kind: "ARCHIVE" },
    ];
    const outOfJoint: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "S", kind: "DISPOSITION" },
      { number: 2, executorRoleCode: "K", kind: "DRAFT" },
      { number: 3, executorRoleCode: "D", kind: "REVIEW", noStepNumber: 2, jointRoleCodes: ["S"] },
      { number: 4, executorRoleCode: "P", kind: "ARCHIVE" },
    ];
    for (const steps of [intoJoint, outOfJoint]) {
      const returns = returnsOf(steps);
      expect(returns).toHaveLength(1);
      for (const { edge, page } of returns) {
        expect(isOrthogonal(edge)).toBe(true);
        expect(meetsJointLine(edge.points, page.rows)).toBe(false);
      }
    }
    // Out of the joint decision: the diamond's right corner, the far side from its partner.
    const [ret] = returnsOf(outOfJoint);
    expect(ret!.edge.points[0]).toEqual({ x: 3.8, y: rowOf(layoutFlowchart(outOfJoint, KSPD).pages[0]!, 3).y });
  });

  it("across a page break, the lane from the connector up to the target takes the connector's other strip past a joint meeting", () => {
    const steps: TFlowLayoutStep[] = [
      { number: 1, executorRoleCode: "S", kind: "DISPOSITION" },
      { number: 2, executorRoleCode: "K", kind: "INPUT" },
      { number: 3, executorRoleCode: "S", kind: "MEETING", jointRoleCodes: ["K"] },
      { number: 4, executorRoleCode: "P", kind: "REVIEW", noStepNumber: 2 },
      { number: 5, executorRoleCode: "P", kind: "ARCHIVE" },
    ];
    const returns = returnsOf(steps, 3);
    expect(returns.map(({ page }) => page.index)).toEqual([0, 1]);
    for (const { edge, page } of returns) expect(meetsJointLine(edge.points, page.rows)).toBe(false);
    // On the target's page the lane is the left strip of the Kabid column, not the right one (0.92) the line crosses.
    expect(returns[0]!.edge.points.map((p) => p.x)).toContain(0.08);
  });

  it("the seed SOPs' lines keep clear of joint lines as before (none of them crosses one)", () => {
    for (const slug of Object.keys(SEED_SOPS) as TSeedSopSlug[]) {
      for (const page of layoutSeed(slug).pages) for (const edge of page.edges) expect(meetsJointLine(edge.points, page.rows)).toBe(false);
    }
  });
});

describe("drawing a page over table rows (the browser's document and the server PDF)", () => {
  it("cuts a page into its connector bands and step rows", () => {
    const [p1, p2] = layoutFlowchart(chain(9), AB, { rowsPerPage: 5 }).pages as [TFlowPage, TFlowPage];
    expect(flowPageBlocks(p1).map((b) => [b.kind, b.y0, b.y1])).toEqual([
      ["row", 0, 1],
      ["row", 1, 2],
      ["row", 2, 3],
      ["row", 3, 4],
      ["row", 4, 5],
      ["band", 5, 5.5],
    ]);
    const blocks = flowPageBlocks(p2);
    expect(blocks.map((b) => b.row?.stepNumber ?? b.kind)).toEqual(["band", 6, 7, 8, 9]);
    // A y on a border belongs to the block below; the page's last border to the last block.
    expect(flowBlockIndexAt(blocks, 0.5)).toBe(1);
    expect(flowBlockIndexAt(blocks, 0.49)).toBe(0);
    expect(flowBlockIndexAt(blocks, p2.height)).toBe(blocks.length - 1);
  });

  it("keeps turns at their distance from a row's borders, symbols centred, bands as they are", () => {
    const row = { kind: "row" as const, y0: 3, y1: 4 };
    expect(placeInFlowBlock(row, 3.14)).toEqual({ anchor: 0, offset: expect.closeTo(0.14) });
    expect(placeInFlowBlock(row, 3.5)).toEqual({ anchor: 0.5, offset: 0 });
    expect(placeInFlowBlock(row, 3.86)).toEqual({ anchor: 1, offset: expect.closeTo(-0.14) });
    expect(placeInFlowBlock(row, 3.86, true)).toEqual({ anchor: 0.5, offset: expect.closeTo(0.36) });
    expect(placeInFlowBlock({ kind: "band", y0: 5, y1: 5.5 }, 5.25, true)).toEqual({ anchor: 0, offset: 0.25 });
  });

  it("puts Tidak above the decision's side exit, over a whole column the line crosses or against the column's border", () => {
    const page = layoutSeed("bmcktr-sumbar").pages[0]!;
    const [no] = edgesOf(page, "no", 7);
    const spot = noLabelSpot(no!, page.columnCount)!;
    expect(spot.y).toBe(rowOf(page, 7).y);
    expect(["centre", "before", "after"]).toContain(spot.align);
    if (spot.align === "centre") expect(spot.x % 1).toBeCloseTo(0.5);
    else expect(spot.x % 1).toBe(0);
    expect(noLabelSpot(edgesOf(page, "yes", 7)[0]!, page.columnCount)).toBeNull();
  });
});
