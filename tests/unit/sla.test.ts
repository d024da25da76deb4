import { describe, expect, it } from "vitest";

import { csvRow } from "@/lib/audit/csv";
import { aggregateSla, median, percentile, type TSlaTask } from "@/lib/audit/sla";

const H = 3_600_000;
const task = (over: Partial<TSlaTask>): TSlaTask => ({
  stepKey: "s1",
  stepLabel: "Langkah 1",
  unitKey: "u1",
  unitLabel: "Bidang Jalan",
  personKey: "p1",
  personLabel: "Andi",
  quarter: "2026-TW1",
  actualMs: H,
  standardMs: 2 * H,
  late: false,
  rework: false,
  ...over,
});

describe("SLA figures", () => {
  it("median and nearest-rank p90", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it("groups per step, unit or person; rework rounds count as time lost to returns, not against the owner", () => {
    const tasks = [
      task({ actualMs: 1 * H }),
      task({ actualMs: 3 * H, late: true, quarter: "2026-TW2" }),
      task({ actualMs: 5 * H, rework: true, quarter: "2026-TW2" }),
      task({ stepKey: "s2", stepLabel: "Langkah 2", unitKey: "u2", unitLabel: "Sekretariat", personKey: "p2", personLabel: "Budi", actualMs: 2 * H }),
    ];
    const { groups, quarters } = aggregateSla(tasks, "step");
    expect(quarters).toEqual(["2026-TW1", "2026-TW2"]);
    expect(groups[0]).toEqual({
      key: "s1",
      label: "Langkah 1",
      n: 2,
      medianMs: 2 * H,
      p90Ms: 3 * H,
      standardMs: 2 * H,
      lateShare: 0.5,
      returns: 1,
      returnMs: 5 * H,
      trend: { "2026-TW1": 1 * H, "2026-TW2": 3 * H },
    });
    expect(aggregateSla(tasks, "unit").groups.map((g) => [g.label, g.n])).toEqual([
      ["Bidang Jalan", 2],
      ["Sekretariat", 1],
    ]);
    expect(aggregateSla(tasks, "person").groups.map((g) => g.label)).toEqual(["Andi", "Budi"]);
  });
});

describe("SLA CSV for Excel in an Indonesian locale", () => {
  it('separates with ";" and quotes a field that holds one', () => {
    expect(csvRow(["Bidang Jalan; Jembatan", 12, "=1+1"])).toBe('"Bidang Jalan; Jembatan";12;\'=1+1\r\n');
    expect(csvRow(["a,b", 1])).toBe("a,b;1\r\n");
  });
});
