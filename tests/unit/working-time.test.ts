import { describe, expect, it } from "vitest";

import { computeDueAt, formatDuration, isLate } from "@/lib/cycle/working-time";

// January 2024: Monday 1st, Friday 5th, Saturday 6th, Sunday 7th, Monday 8th.
const utc = (iso: string) => new Date(iso);

describe("computeDueAt: HARI are working days in the agency's time zone", () => {
  it("Friday + 1 hari is Monday at the same local time", () => {
    // Friday 10:00 WIB
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-08T03:00:00.000Z");
  });

  it("Thursday + 2 hari is Monday; Friday + 5 hari is the next Friday", () => {
    expect(computeDueAt(utc("2024-01-04T03:00:00Z"), 2, "HARI", "WIB").toISOString()).toBe("2024-01-08T03:00:00.000Z");
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 5, "HARI", "WIB").toISOString()).toBe("2024-01-12T03:00:00.000Z");
  });

  it("Monday + 1 hari is Tuesday (no weekend in between)", () => {
    expect(computeDueAt(utc("2024-01-08T02:30:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-09T02:30:00.000Z");
  });

  it("a Saturday start counts from Monday 08:00 local", () => {
    // Saturday 14:00 WIB -> counted from Monday 08:00 WIB -> due Tuesday 08:00 WIB
    expect(computeDueAt(utc("2024-01-06T07:00:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-09T01:00:00.000Z");
    // Sunday 21:00 WIB, 2 hari -> Wednesday 08:00 WIB
    expect(computeDueAt(utc("2024-01-07T14:00:00Z"), 2, "HARI", "WIB").toISOString()).toBe("2024-01-10T01:00:00.000Z");
  });

  it("0 hari on a weekend is Monday 08:00; on a working day it is the start itself", () => {
    expect(computeDueAt(utc("2024-01-06T07:00:00Z"), 0, "HARI", "WIB").toISOString()).toBe("2024-01-08T01:00:00.000Z");
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 0, "HARI", "WIB").toISOString()).toBe("2024-01-05T03:00:00.000Z");
  });

  it("decides the weekday in local time, not UTC", () => {
    // Friday 23:30 UTC is already Saturday 06:30 WIB.
    expect(computeDueAt(utc("2024-01-05T23:30:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-09T01:00:00.000Z");
  });

  it("WITA and WIB differ for the same instant near midnight", () => {
    const start = utc("2024-01-05T16:30:00Z"); // Friday 23:30 WIB, Saturday 00:30 WITA
    // WIB: a Friday start, due Monday 23:30 WIB
    expect(computeDueAt(start, 1, "HARI", "WIB").toISOString()).toBe("2024-01-08T16:30:00.000Z");
    // WITA: a Saturday start, counted from Monday 08:00 WITA, due Tuesday 08:00 WITA (00:00 UTC)
    expect(computeDueAt(start, 1, "HARI", "WITA").toISOString()).toBe("2024-01-09T00:00:00.000Z");
  });

  it("uses UTC+9 for WIT", () => {
    // Saturday 00:30 WIT, due Tuesday 08:00 WIT = Monday 23:00 UTC
    expect(computeDueAt(utc("2024-01-05T15:30:00Z"), 1, "HARI", "WIT").toISOString()).toBe("2024-01-08T23:00:00.000Z");
    // Friday 10:00 WIT + 1 hari = Monday 10:00 WIT
    expect(computeDueAt(utc("2024-01-05T01:00:00Z"), 1, "HARI", "WIT").toISOString()).toBe("2024-01-08T01:00:00.000Z");
  });

  it("skips holidays given as local dates", () => {
    const holidays = ["2024-01-08"];
    // Friday + 1 hari with Monday off -> Tuesday
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 1, "HARI", "WIB", { holidays }).toISOString()).toBe("2024-01-09T03:00:00.000Z");
    // Starting on the holiday counts from Tuesday 08:00
    expect(computeDueAt(utc("2024-01-08T03:00:00Z"), 1, "HARI", "WIB", { holidays }).toISOString()).toBe("2024-01-10T01:00:00.000Z");
  });

  it("rounds a fraction of a day up to a whole working day", () => {
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 0.5, "HARI", "WIB").toISOString()).toBe("2024-01-08T03:00:00.000Z");
  });
});

describe("computeDueAt: MENIT and JAM are elapsed time", () => {
  it("minutes run across midnight and into the weekend", () => {
    // Friday 23:50 WIB + 20 menit = Saturday 00:10 WIB
    expect(computeDueAt(utc("2024-01-05T16:50:00Z"), 20, "MENIT", "WIB").toISOString()).toBe("2024-01-05T17:10:00.000Z");
  });

  it("hours are added as they are, whatever the time zone", () => {
    const start = utc("2024-01-05T08:00:00Z");
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      expect(computeDueAt(start, 2, "JAM", tz).toISOString()).toBe("2024-01-05T10:00:00.000Z");
    }
    expect(computeDueAt(start, 1.5, "JAM", "WIB").toISOString()).toBe("2024-01-05T09:30:00.000Z");
  });

  it("does not change the start date object", () => {
    const start = utc("2024-01-05T03:00:00Z");
    computeDueAt(start, 3, "HARI", "WIB");
    expect(start.toISOString()).toBe("2024-01-05T03:00:00.000Z");
  });

  it("refuses a negative or non-finite amount and an invalid start", () => {
    expect(() => computeDueAt(utc("2024-01-05T03:00:00Z"), -1, "JAM", "WIB")).toThrow(RangeError);
    expect(() => computeDueAt(utc("2024-01-05T03:00:00Z"), Number.NaN, "HARI", "WIB")).toThrow(RangeError);
    expect(() => computeDueAt(new Date("nope"), 1, "MENIT", "WIB")).toThrow(RangeError);
  });
});

describe("formatDuration", () => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it.each([
    [2 * HOUR + 15 * MIN, "2 jam 15 menit"],
    [DAY + 3 * HOUR, "1 hari 3 jam"],
    [DAY + 3 * HOUR + 15 * MIN, "1 hari 3 jam"],
    [DAY + 5 * MIN, "1 hari"],
    [45 * MIN, "45 menit"],
    [3 * HOUR, "3 jam"],
    [10 * DAY, "10 hari"],
    [90 * 1000, "1 menit"],
    [30 * 1000, "kurang dari 1 menit"],
    [0, "0 menit"],
    [-(2 * HOUR + 15 * MIN), "2 jam 15 menit"],
  ])("%s ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("shows more units when asked", () => {
    expect(formatDuration(DAY + 3 * HOUR + 15 * MIN, 3)).toBe("1 hari 3 jam 15 menit");
    expect(formatDuration(DAY + 3 * HOUR + 15 * MIN, 1)).toBe("1 hari");
  });
});

describe("isLate", () => {
  const due = utc("2024-01-08T03:00:00Z");

  it("is late only after the due time", () => {
    expect(isLate(due, utc("2024-01-08T03:00:00.001Z"))).toBe(true);
    expect(isLate(due, utc("2024-01-08T03:00:00Z"))).toBe(false);
    expect(isLate(due, utc("2024-01-08T02:59:59Z"))).toBe(false);
  });

  it("is never late without a due time", () => {
    expect(isLate(null, utc("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isLate(undefined, utc("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
