import { describe, expect, it } from "vitest";

import { formatAuditTime } from "@/lib/audit/labels";
import { formatLogTime } from "@/lib/audit/log-time";

describe("formatLogTime (fixed offsets from 1990, the log's cached Intl.DateTimeFormat before)", () => {
  it("writes what formatAuditTime writes, in every zone, across a year", () => {
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      for (let i = 0; i < 400; i++) {
        const d = new Date(Date.UTC(2026, 0, 1) + i * 22 * 3_600_000 + i * 61_001);
        expect(formatLogTime(d, tz)).toBe(formatAuditTime(d, tz));
      }
    }
    expect(formatLogTime(new Date("2026-04-06T01:30:15Z"), "WIB")).toBe("6 April 2026 08.30.15 WIB");
  });

  it("writes what Intl writes for any instant from 1990 to 2100, and before 1990 too (decision 066)", () => {
    const from = Date.UTC(1990, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      // A deterministic spread of instants (every second value, every hour of the day, leap days).
      for (let i = 0; i < 3000; i++) {
        const d = new Date(from + Math.floor((span * i) / 3000) + i * 1_013);
        expect(formatLogTime(d, tz)).toBe(formatAuditTime(d, tz));
      }
      for (const iso of ["1989-12-31T16:59:59Z", "1989-12-31T17:00:00Z", "1960-06-01T12:00:00Z", "2028-02-29T23:59:59Z"]) {
        expect(formatLogTime(new Date(iso), tz)).toBe(formatAuditTime(new Date(iso), tz));
      }
    }
  });
});
