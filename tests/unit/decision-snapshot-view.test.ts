import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { DecisionSnapshotView } from "@/components/cycle/decision-snapshot";
import type { TCycleSnapshot } from "@/lib/cycle/decision-snapshot-shared";

// The snapshot stores numbers as the database prints them ("2.72"); Indonesians read "2.72" as
// two hundred seventy-two: the table must print "2,72", and thousands with a dot.
const snapshot: TCycleSnapshot = {
  hash: "a".repeat(64),
  approvalRefusal: null,
  content: {
    version: 1,
    cycle: { id: "c1", sopNomor: "SOP/1", sopVersion: 1, year: 2026, period: "Q2" },
    decision: { taskId: "t1", stepNumber: 7, round: 1 },
    work: [],
    performance: {
      year: 2026,
      quarter: 2,
      unverified: 1,
      indicators: [
        { code: "IKU-1", name: "Indeks SPBE", unit: "indeks", orgUnit: "Bidang A", target: "2.7", value: "2.72", status: "SUBMITTED", realizationToDate: "2.72", capaian: "100,74%", category: "Sangat baik" },
        { code: "IKU-2", name: "Jumlah layanan", unit: "layanan", orgUnit: "Bidang B", target: "1000.5 - 1250", value: "1234.5", status: "VERIFIED", realizationToDate: "1234.5", capaian: "98%", category: null },
      ],
    },
  },
};

describe("decision snapshot table", () => {
  const html = renderToStaticMarkup(createElement(DecisionSnapshotView, { snapshot }));
  const table = html.slice(html.indexOf('data-testid="snapshot-values"'));

  it("prints decimals with a comma and thousands with a dot", () => {
    expect(table).toContain("2,72");
    expect(table).toContain("2,7 indeks");
    expect(table).toContain("1.234,5");
    expect(table).toContain("1.000,5 – 1.250 layanan");
    expect(table).not.toMatch(/\b2\.72\b|\b1234\.5\b|\b2\.7\b/);
  });
});
