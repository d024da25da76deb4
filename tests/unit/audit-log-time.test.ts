import { describe, expect, it } from "vitest";

import { formatAuditTime } from "@/lib/audit/labels";
import { formatLogTime } from "@/lib/audit/log-time";

describe("formatLogTime (the log's cached Intl.DateTimeFormat)", () => {
  it("writes what formatAuditTime writes, in every zone, across a year", () => {
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      for (let i = 0; i < 400; i++) {
        const d = new Date(Date.UTC(2026, 0, 1) + i * 22 * 3_600_000 + i * 61_001);
        expect(formatLogTime(d, tz)).toBe(formatAuditTime(d, tz));
      }
    }
    expect(formatLogTime(new Date("2026-04-06T01:30:15Z"), "WIB")).toBe("6 April 2026 08.30.15 WIB");
  });
});
