import { describe, expect, it } from "vitest";

import {
  computeDueAt,
  DEFAULT_OFFICE_HOURS,
  formatDuration,
  isLate,
  alertSchedule,
  officeHoursProblem,
  officeTimeBetween,
  weeklyOfficeMinutes,
} from "@/lib/cycle/working-time";

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

  it("a Saturday start counts from Monday's opening (07:30 local)", () => {
    // Saturday 14:00 WIB -> counted from Monday 07:30 WIB -> due Tuesday 07:30 WIB
    expect(computeDueAt(utc("2024-01-06T07:00:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-09T00:30:00.000Z");
    // Sunday 21:00 WIB, 2 hari -> Wednesday 07:30 WIB
    expect(computeDueAt(utc("2024-01-07T14:00:00Z"), 2, "HARI", "WIB").toISOString()).toBe("2024-01-10T00:30:00.000Z");
  });

  it("0 hari on a weekend is Monday 07:30; on a working day it is the start itself", () => {
    expect(computeDueAt(utc("2024-01-06T07:00:00Z"), 0, "HARI", "WIB").toISOString()).toBe("2024-01-08T00:30:00.000Z");
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 0, "HARI", "WIB").toISOString()).toBe("2024-01-05T03:00:00.000Z");
  });

  it("decides the weekday in local time, not UTC", () => {
    // Friday 23:30 UTC is already Saturday 06:30 WIB.
    expect(computeDueAt(utc("2024-01-05T23:30:00Z"), 1, "HARI", "WIB").toISOString()).toBe("2024-01-09T00:30:00.000Z");
  });

  it("WITA and WIB differ for the same instant near midnight", () => {
    const start = utc("2024-01-05T16:30:00Z"); // Friday 23:30 WIB, Saturday 00:30 WITA
    // WIB: a Friday start, due Monday 23:30 WIB
    expect(computeDueAt(start, 1, "HARI", "WIB").toISOString()).toBe("2024-01-08T16:30:00.000Z");
    // WITA: a Saturday start, counted from Monday 07:30 WITA, due Tuesday 07:30 WITA (Monday 23:30 UTC)
    expect(computeDueAt(start, 1, "HARI", "WITA").toISOString()).toBe("2024-01-08T23:30:00.000Z");
  });

  it("uses UTC+9 for WIT", () => {
    // Saturday 00:30 WIT, due Tuesday 07:30 WIT = Monday 22:30 UTC
    expect(computeDueAt(utc("2024-01-05T15:30:00Z"), 1, "HARI", "WIT").toISOString()).toBe("2024-01-08T22:30:00.000Z");
    // Friday 10:00 WIT + 1 hari = Monday 10:00 WIT
    expect(computeDueAt(utc("2024-01-05T01:00:00Z"), 1, "HARI", "WIT").toISOString()).toBe("2024-01-08T01:00:00.000Z");
  });

  it("skips holidays given as local dates", () => {
    const holidays = ["2024-01-08"];
    // Friday + 1 hari with Monday off -> Tuesday
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 1, "HARI", "WIB", { holidays }).toISOString()).toBe("2024-01-09T03:00:00.000Z");
    // Starting on the holiday counts from Tuesday 07:30
    expect(computeDueAt(utc("2024-01-08T03:00:00Z"), 1, "HARI", "WIB", { holidays }).toISOString()).toBe("2024-01-10T00:30:00.000Z");
  });

  it("rounds a fraction of a day up to a whole working day", () => {
    expect(computeDueAt(utc("2024-01-05T03:00:00Z"), 0.5, "HARI", "WIB").toISOString()).toBe("2024-01-08T03:00:00.000Z");
  });
});

describe("computeDueAt: MENIT and JAM are office time (default hours)", () => {
  // The acceptance vectors of issue 14. 2026: Thursday 5 March, Friday 6 March, Monday 9 March.
  it('"1 jam" started Friday 16:00 WIB is due Monday 08:00 WIB', () => {
    expect(computeDueAt(utc("2026-03-06T09:00:00Z"), 1, "JAM", "WIB").toISOString()).toBe("2026-03-09T01:00:00.000Z");
  });

  it('"330 menit" started Thursday 17:11 WITA is due Friday 14:30 WITA', () => {
    expect(computeDueAt(utc("2026-03-05T09:11:00Z"), 330, "MENIT", "WITA").toISOString()).toBe("2026-03-06T06:30:00.000Z");
  });

  it("the same vectors in WIT", () => {
    // Friday 16:00 WIT + 1 jam = Monday 08:00 WIT
    expect(computeDueAt(utc("2026-03-06T07:00:00Z"), 1, "JAM", "WIT").toISOString()).toBe("2026-03-08T23:00:00.000Z");
    // Thursday 17:11 WIT + 330 menit = Friday 14:30 WIT
    expect(computeDueAt(utc("2026-03-05T08:11:00Z"), 330, "MENIT", "WIT").toISOString()).toBe("2026-03-06T05:30:00.000Z");
  });

  it("the break does not count; a count ending at closing time is due at closing", () => {
    // Monday 11:30 WIB + 60 menit: 30 before the break, 30 after -> 13:30
    expect(computeDueAt(utc("2026-03-09T04:30:00Z"), 60, "MENIT", "WIB").toISOString()).toBe("2026-03-09T06:30:00.000Z");
    // Monday 15:00 WIB + 1 jam = Monday 16:00 (closing), not Tuesday 07:30
    expect(computeDueAt(utc("2026-03-09T08:00:00Z"), 1, "JAM", "WIB").toISOString()).toBe("2026-03-09T09:00:00.000Z");
    // 1.5 jam from Monday 07:30 = 09:00
    expect(computeDueAt(utc("2026-03-09T00:30:00Z"), 1.5, "JAM", "WIB").toISOString()).toBe("2026-03-09T02:00:00.000Z");
  });

  it("skips holidays and takes the agency's own office hours", () => {
    // Monday 9 March a holiday: Friday 16:00 + 1 jam -> Tuesday 08:00
    expect(computeDueAt(utc("2026-03-06T09:00:00Z"), 1, "JAM", "WIB", { holidays: ["2026-03-09"] }).toISOString()).toBe("2026-03-10T01:00:00.000Z");
    // An office also open Saturday 08:00-12:00: Friday 16:00 + 1 jam -> Saturday 08:30
    const officeHours = [...DEFAULT_OFFICE_HOURS.slice(0, 5), { open: "08:00", close: "12:00" }, null];
    expect(computeDueAt(utc("2026-03-06T09:00:00Z"), 1, "JAM", "WIB", { officeHours }).toISOString()).toBe("2026-03-07T01:30:00.000Z");
  });

  it("0 is the start itself", () => {
    expect(computeDueAt(utc("2026-03-05T09:11:00Z"), 0, "MENIT", "WIB").toISOString()).toBe("2026-03-05T09:11:00.000Z");
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

describe("computeDueAt: HARI across a cuti bersama block (2026 national calendar)", () => {
  // Idul Fitri 1447 H: cuti bersama Fri 20 March, holidays Sat 21-Sun 22, cuti bersama Mon 23-Tue 24 March.
  const holidays = ["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24"];
  it.each([
    ["WIB", "2026-03-17T03:00:00Z", "2026-03-25T03:00:00.000Z"],
    ["WITA", "2026-03-17T02:00:00Z", "2026-03-25T02:00:00.000Z"],
    ["WIT", "2026-03-17T01:00:00Z", "2026-03-25T01:00:00.000Z"],
  ] as const)('"1 hari" started Tuesday 17 March 10:00 %s (the working day before the block) is due Wednesday 25 March 10:00', (tz, start, due) => {
    expect(computeDueAt(utc(start), 1, "HARI", tz, { holidays }).toISOString()).toBe(due);
  });
});

describe("officeTimeBetween", () => {
  it("counts only office minutes", () => {
    // Friday 16:00 WIB to Monday 08:00 WIB = 30 + 30 minutes
    expect(officeTimeBetween(utc("2026-03-06T09:00:00Z"), utc("2026-03-09T01:00:00Z"), "WIB")).toBe(60 * 60_000);
    expect(weeklyOfficeMinutes(DEFAULT_OFFICE_HOURS)).toBe(37.5 * 60);
  });
});

describe("officeHoursProblem", () => {
  it("accepts the default and explains a bad day in Indonesian", () => {
    expect(officeHoursProblem(DEFAULT_OFFICE_HOURS)).toBeNull();
    expect(officeHoursProblem([{ open: "16:00", close: "07:30" }, null, null, null, null, null, null])).toBe("Senin: jam tutup harus setelah jam buka.");
    expect(officeHoursProblem([{ open: "07:30", close: "16:00", breakStart: "06:00", breakEnd: "07:00" }, null, null, null, null, null, null])).toBe(
      "Senin: istirahat harus di antara jam buka dan jam tutup.",
    );
    expect(officeHoursProblem([null, null, null, null, null, null, null])).toBe("Setidaknya satu hari harus memiliki jam kerja.");
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

describe("alertSchedule", () => {
  it("reminds at 50% and 75% of the standard in office time, flags and escalates at the due time, escalates to the head at 2x", () => {
    // "2 jam" started Monday 15:00 WIB: due Tuesday 08:30 (1 h Monday, 1 h Tuesday from 07:30).
    const start = utc("2026-03-09T08:00:00Z");
    const due = computeDueAt(start, 2, "JAM", "WIB");
    expect(due.toISOString()).toBe("2026-03-10T01:30:00.000Z");
    const at = Object.fromEntries(alertSchedule(start, due, "WIB").map((a) => [a.kind, a.runAt.toISOString()]));
    expect(at).toEqual({
      DUE_SOON_50: "2026-03-09T09:00:00.000Z", // Monday 16:00 (closing)
      DUE_SOON_75: "2026-03-10T01:00:00.000Z", // Tuesday 08:00
      LATE: "2026-03-10T01:30:00.000Z",
      ESCALATED: "2026-03-10T01:30:00.000Z",
      ESCALATED_HEAD: "2026-03-10T03:30:00.000Z", // two more office hours: Tuesday 10:30
    });
  });
});
