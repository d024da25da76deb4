import { type ComponentProps, createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ReadOnlyRealization, RealizationCard, RealizationCardHeader, ReturnReasonContent } from "@/components/performance/realization-card";
import { liveRow, type TIndicator } from "@/components/performance/realization-live";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { staticMarkup } from "@/lib/static-markup";

/**
 * A read-only realization card, and the header and return reason of an editable one, are sent as
 * strings of HTML written by lib/static-markup.ts (docs/decisions/083-realization-form-and-sop-cost.md).
 * A reader must get exactly what React wrote for the same elements, and text typed by users
 * (indicator names, the faktor fields, a return reason, a file name, a verifier's name) must stay
 * text: escaped, never markup.
 */
const HOSTILE = `<script>alert("x")</script> & 'kutip' "ganda" > <img src=x onerror=alert(1)>`;

type TRealization = TIndicator["realizations"][number];

function realization(over: Partial<TRealization>): TRealization {
  return {
    id: "r1",
    quarter: 1,
    value: "80",
    status: "VERIFIED",
    faktorPendorong: "",
    faktorPenghambat: "",
    tindakLanjut: "",
    returnReason: null,
    updatedAt: new Date("2026-04-10T03:00:00Z"),
    filledBy: { name: "Budi" },
    verifiedBy: null,
    files: [],
    ...over,
  };
}

function indicator(realizations: TRealization[], over: Partial<TIndicator> = {}): TIndicator {
  return {
    id: "ind1",
    code: "IKU-1",
    name: HOSTILE,
    unit: `% <b>`,
    polarity: "HIGHER",
    targetType: "SINGLE",
    aggregation: "CUMULATIVE",
    definition: null,
    formula: null,
    targetValue: "100",
    targetMin: null,
    targetMax: null,
    orgUnit: { id: "u1", name: "Bidang Bina Marga" },
    quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetValue: String(quarter * 25), targetMin: null, targetMax: null })),
    realizations,
    ...over,
  } as TIndicator;
}

const SLUG = "dinas-contoh";
const settings = DEFAULT_CAPAIAN_SETTINGS;

/** The card as React writes it from the elements themselves (what the page sent before the strings). */
function reactCard(ind: TIndicator, year: number, quarter: number, baseUrl?: string) {
  const current = ind.realizations.find((r) => r.quarter === quarter) ?? null;
  const row = liveRow(ind, year, quarter, current?.value ?? null, settings);
  const returned =
    current?.status === "RETURNED" && current.returnReason
      ? h(
          "div",
          { role: "alert", className: "rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950", "data-testid": "return-reason" },
          h(ReturnReasonContent, { agencySlug: SLUG, year, quarter, indicator: ind, current, baseUrl }),
        )
      : null;
  return renderToStaticMarkup(
    h(
      Card,
      { "data-testid": `realization-${ind.code}`, "aria-labelledby": `ind-${ind.id}-title` } as ComponentProps<typeof Card>,
      h(CardHeader, { className: "space-y-2" }, h(RealizationCardHeader, { indicator: ind, quarter, status: current?.status ?? null, row })),
      h(CardBody, { className: "space-y-4" }, returned, h(ReadOnlyRealization, { agencySlug: SLUG, indicator: ind, quarter, row, current })),
    ),
  );
}

const files = [
  { id: "f1", originalName: HOSTILE, size: 123_456 },
  { id: "f2", originalName: "laporan.pdf", size: 2_048 },
];

const readOnlyCases: [string, TIndicator, number, boolean][] = [
  [
    "verified, earlier quarters, evidence, hostile faktor text",
    indicator([
      realization({ id: "r1", quarter: 1, value: "20", status: "VERIFIED" }),
      realization({ id: "r2", quarter: 2, value: "45.5", status: "VERIFIED", faktorPendorong: HOSTILE, faktorPenghambat: "baris 1\nbaris 2", tindakLanjut: HOSTILE, verifiedBy: { name: HOSTILE }, files }),
    ]),
    2,
    false,
  ],
  ["submitted, no evidence", indicator([realization({ quarter: 3, value: "70", status: "SUBMITTED" })]), 3, false],
  ["empty quarter of a frozen period", indicator([]), 1, true],
  [
    "returned in a frozen period: the reason and the WhatsApp link",
    indicator([realization({ quarter: 1, value: "10", status: "RETURNED", returnReason: HOSTILE, verifiedBy: { name: HOSTILE } })], { targetType: "RANGE", targetValue: null, targetMin: "10", targetMax: "20", aggregation: "AVERAGE", polarity: "LOWER" }),
    1,
    true,
  ],
];

describe("a read-only realization card as one string of HTML", () => {
  it.each(readOnlyCases)("%s: the same bytes as React, user text escaped", (_name, ind, quarter, frozen) => {
    const card = renderToStaticMarkup(
      h(RealizationCard, { agencySlug: SLUG, year: 2026, quarter, indicator: ind, settings, frozen, baseUrl: "https://alur.example.go.id" }),
    );
    expect(card).toBe(reactCard(ind, 2026, quarter, "https://alur.example.go.id"));
    expect(card).toContain('data-testid="realization-readonly"');
    expect(card).not.toMatch(/<script|<img|<b>/);
    expect(card).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;");
  });

  it("the card's one React element carries the string (what Flight serialises)", () => {
    const ind = readOnlyCases[0]![1];
    const element = RealizationCard({ agencySlug: SLUG, year: 2026, quarter: 2, indicator: ind, settings, frozen: false });
    const props = element.props as { dangerouslySetInnerHTML?: { __html: string }; children?: unknown };
    expect(props.children).toBeUndefined();
    expect(props.dangerouslySetInnerHTML!.__html).toContain('<h3 id="ind-ind1-title"');
    expect(props.dangerouslySetInnerHTML!.__html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("an editable card's header and return reason as strings", () => {
  it.each([
    ["draft with earlier values", indicator([realization({ id: "a", quarter: 1, status: "VERIFIED" }), realization({ id: "b", quarter: 2, status: "DRAFT", value: null })]), 2],
    ["returned", indicator([realization({ quarter: 1, status: "RETURNED", returnReason: HOSTILE, verifiedBy: { name: HOSTILE } })]), 1],
  ] as const)("%s: the same bytes as React", (_name, ind, quarter) => {
    const current = ind.realizations.find((r) => r.quarter === quarter)!;
    const row = liveRow(ind, 2026, quarter, current.value, settings);
    const header = h(RealizationCardHeader, { indicator: ind, quarter, status: current.status, row });
    expect(staticMarkup(header)).toBe(renderToStaticMarkup(header));
    const reason = h(ReturnReasonContent, { agencySlug: SLUG, year: 2026, quarter, indicator: ind, current, baseUrl: "https://alur.example.go.id" });
    expect(staticMarkup(reason)).toBe(renderToStaticMarkup(h(Fragment, null, reason)));
    expect(staticMarkup(header) + staticMarkup(reason)).not.toMatch(/<script|<img/);
  });
});
