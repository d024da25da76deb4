import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { RecapBody, RecapContent, recapContentHtml } from "@/components/performance/recap-view";
import { DEFAULT_CAPAIAN_SETTINGS, type TCapaianSettings } from "@/lib/performance/capaian";
import { buildRecap, type RecapAgreement } from "@/lib/performance/recap";

/**
 * The recap's content (sasaran tables, chart, budget) is served as a string of HTML written by
 * lib/static-markup.ts, not by React (docs/decisions/072-recap-sop-cost.md). A reader must get
 * exactly what React would write for the same tree: the same bytes as react-dom/server.
 */
type TIndicator = RecapAgreement["goals"][number]["indicators"][number];
type TStatus = TIndicator["realizations"][number]["status"];

const realization = (quarter: number, value: string | null, status: TStatus = "VERIFIED") => ({
  id: `r${quarter}`,
  quarter,
  value,
  status,
  faktorPendorong: "",
  faktorPenghambat: "",
  tindakLanjut: "",
  returnReason: null,
});

function indicator(code: string, over: Partial<TIndicator> = {}): TIndicator {
  return {
    id: `i-${code}`,
    code,
    name: `Indikator ${code}`,
    unit: "persen",
    polarity: "HIGHER",
    targetType: "SINGLE",
    aggregation: "CUMULATIVE",
    orgUnit: { id: "u", name: "Bidang Bina Marga" },
    targetValue: "100",
    targetMin: null,
    targetMax: null,
    quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: String(quarter * 25), targetMin: null, targetMax: null })),
    realizations: [],
    ...over,
  };
}

function agreement(): RecapAgreement {
  return {
    year: 2026,
    goals: [
      {
        id: "g1",
        code: "S1",
        name: `Meningkatnya "kualitas" <jalan> & jembatan 'provinsi'`,
        indicators: [
          indicator("IKU-1", { realizations: [realization(1, "30"), realization(2, "27.5", "SUBMITTED")] }),
          indicator("IKU-2", { polarity: "LOWER", aggregation: "LAST", name: "Jumlah <keluhan> & \"aduan\"", realizations: [realization(1, "0")] }),
          indicator("IKU-3", {
            targetType: "RANGE",
            aggregation: "AVERAGE",
            targetValue: null,
            targetMin: "80",
            targetMax: "90",
            quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: null, targetMin: "80", targetMax: "90" })),
            realizations: [realization(1, "95", "RETURNED")],
          }),
        ],
      },
      { id: "g2", code: "S2", name: "Sasaran tanpa realisasi", indicators: [indicator("IKK-1", { unit: "dokumen", targetValue: "1", quarters: [] })] },
    ],
    programs: [
      { id: "p1", code: "1.03.01", name: "Program <Penunjang> & \"Urusan\"", quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, pagu: "1250000000", realization: quarter <= 2 ? "1000000000.5" : null })) },
      { id: "p2", code: "1.03.10", name: "Program Jalan", quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, pagu: "500000000", realization: null })) },
      { id: "p3", code: "1.03.11", name: "Program tanpa pagu", quarters: [] },
    ],
  };
}

const CAPPED: TCapaianSettings = { ...DEFAULT_CAPAIAN_SETTINGS, cap: 120 };

const cases: [string, ReturnType<typeof buildRecap>, TCapaianSettings][] = [
  ["TW I: verified, submitted, returned, ranges, a LOWER indicator, quotes and brackets", buildRecap(agreement(), 1, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS],
  ["TW II with a capped capaian", buildRecap(agreement(), 2, CAPPED), CAPPED],
  ["TW IV, nothing realized later", buildRecap(agreement(), 4, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS],
  ["no indicator matches the filter, no program", buildRecap({ ...agreement(), goals: [], programs: [] }, 1, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS],
];

describe("static markup of the recap", () => {
  it.each(cases)("%s: the same HTML as react-dom/server", (_, recap, settings) => {
    expect(recapContentHtml(recap, settings)).toBe(renderToStaticMarkup(createElement(RecapContent, { recap, settings })));
  });

  it("escapes the names a user typed", () => {
    const html = recapContentHtml(buildRecap(agreement(), 1, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS);
    expect(html).toContain("Program &lt;Penunjang&gt; &amp; &quot;Urusan&quot;");
    expect(html).not.toContain("<Penunjang>");
    expect(html).not.toContain("<keluhan>");
  });

  it("sends each program once: one budget table for phones and laptops", () => {
    const html = recapContentHtml(buildRecap(agreement(), 2, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS);
    expect(html.split("Program Jalan").length - 1).toBe(1);
    expect(html.split('data-testid="budget-1.03.10"').length - 1).toBe(1);
    // The phone's labels travel with the amounts (app/globals.css shows them below 640 px).
    expect(html).toContain('<td class="rb-n" data-ph="Pagu s.d. TW II">Rp');
  });

  it("the page's element holds that HTML, and a new value gives a new recap (no stale cache)", () => {
    const recap = buildRecap(agreement(), 1, DEFAULT_CAPAIAN_SETTINGS);
    const inner = renderToStaticMarkup(createElement(RecapContent, { recap, settings: DEFAULT_CAPAIAN_SETTINGS }));
    expect(renderToStaticMarkup(createElement(RecapBody, { recap, settings: DEFAULT_CAPAIAN_SETTINGS }))).toBe(
      `<div class="space-y-6" data-testid="recap-content">${inner}</div>`,
    );
    const changed = agreement();
    changed.goals[0]!.indicators[0]!.realizations[0] = realization(1, "31.25");
    expect(recapContentHtml(buildRecap(changed, 1, DEFAULT_CAPAIAN_SETTINGS), DEFAULT_CAPAIAN_SETTINGS)).toContain("31,25");
    expect(recapContentHtml(recap, DEFAULT_CAPAIAN_SETTINGS)).not.toContain("31,25");
  });
});
