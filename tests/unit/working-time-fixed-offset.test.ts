import { tzOffset } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import {
  alertSchedule,
  computeDueAt,
  computeDueAtZoned,
  DEFAULT_OFFICE_HOURS,
  officeTimeBetween,
  officeTimeBetweenZoned,
  WORKING_TIME_ZONES,
  type TComputeDueAtOptions,
  type TOfficeHours,
  type TTimeUnit,
  type TWorkingTimeZone,
} from "@/lib/cycle/working-time";

// computeDueAt and officeTimeBetween walk the days on the zone's fixed offset and fall back to the
// TZDate walk (the ...Zoned reference) when the tz database disagrees at either end
// (docs/decisions/088-transition-cpu-2.md). Both must give the same instant for every input.

const ZONES = Object.keys(WORKING_TIME_ZONES) as TWorkingTimeZone[];
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SATURDAY_OPEN: TOfficeHours = [
  { open: "08:00", close: "15:00" },
  { open: "08:00", close: "15:00" },
  { open: "00:00", close: "23:59", breakStart: "12:00", breakEnd: "12:01" },
  null,
  { open: "06:15", close: "11:45" },
  { open: "09:00", close: "12:00" },
  null,
];
const ONE_DAY_A_WEEK: TOfficeHours = [null, null, { open: "10:00", close: "10:30" }, null, null, null, null];
// The 2026 national calendar's Idul Fitri block and a few single days, plus days around the year's turn.
const HOLIDAYS = [
  "2025-12-25", "2025-12-26", "2025-12-31", "2026-01-01", "2026-01-02", "2026-02-17", "2026-03-18", "2026-03-19",
  "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-04-03", "2026-05-01", "2026-05-14",
];
const CALENDARS: [string, TComputeDueAtOptions][] = [
  ["default hours", {}],
  ["default hours and holidays", { holidays: HOLIDAYS }],
  ["Saturday open, odd hours and holidays", { officeHours: SATURDAY_OPEN, holidays: HOLIDAYS }],
  // Half an hour a week: the standards up to 2 jam (five weeks), and one that finds no end within three years.
  ["one half hour a week", { officeHours: ONE_DAY_A_WEEK, holidays: HOLIDAYS }],
  ["invalid hours (the default is used)", { officeHours: [null, null, null, null, null, null, null] }],
];
const STANDARDS: [number, TTimeUnit][] = [
  [0, "MENIT"], [1, "MENIT"], [7.5, "MENIT"], [10, "MENIT"], [30, "MENIT"], [59, "MENIT"], [60, "MENIT"], [61, "MENIT"],
  [330, "MENIT"], [451, "MENIT"], [2250, "MENIT"], [0.25, "JAM"], [1, "JAM"], [2, "JAM"], [8, "JAM"], [37.5, "JAM"],
  [100, "JAM"], [0, "HARI"], [0.5, "HARI"], [1, "HARI"], [2, "HARI"], [5, "HARI"], [20, "HARI"],
];

/** The instant, or the error's message ("No office hours within three years" from both walks). */
function outcome(compute: () => Date): Date | string {
  try {
    return compute();
  } catch (error) {
    return String(error);
  }
}

const SPARSE_STANDARDS = STANDARDS.filter(([amount, unit]) => unit === "HARI" || amount * (unit === "JAM" ? 60 : 1) <= 120);

/** Starts: every closing/opening edge of a few weeks (±1 ms), plus random instants from late 2025 to 2027. */
function starts(zone: TWorkingTimeZone, seed: number): Date[] {
  const offset = WORKING_TIME_ZONES[zone].offsetHours * 3_600_000;
  const out: number[] = [];
  const edges = [0, 6 * 60 + 15, 7 * 60 + 30, 10 * 60, 11 * 60 + 30, 12 * 60, 13 * 60, 16 * 60, 16 * 60 + 30, 23 * 60 + 59];
  for (let d = 0; d < 8; d++) {
    const midnight = Date.UTC(2026, 2, 14 + d) - offset; // Saturday 14 March 2026, local midnight, onwards
    for (const e of edges) out.push(midnight + e * 60_000 - 1, midnight + e * 60_000, midnight + e * 60_000 + 1);
  }
  const next = random(seed);
  const from = Date.UTC(2025, 11, 20);
  for (let i = 0; i < 30; i++) out.push(Math.floor(from + next() * 400 * DAY));
  return out.map((t) => new Date(t));
}

describe("the fixed-offset walk gives what the TZDate walk gives", () => {
  for (const [z, zone] of ZONES.entries()) {
    for (const [c, [name, options]] of CALENDARS.entries()) {
      it(`${zone}, ${name}: computeDueAt, officeTimeBetween and alertSchedule`, () => {
        const seeds = starts(zone, 1000 + z * 10 + c);
        const next = random(z * 10 + c);
        let compared = 0;
        for (const [s, start] of seeds.entries()) {
          // Every standard on a quarter of the starts, two random ones on the others: about 700 cases per calendar.
          const all = options.officeHours === ONE_DAY_A_WEEK ? SPARSE_STANDARDS : STANDARDS;
          const standards = s % 4 === 0 ? all : [0, 1].map(() => all[Math.floor(next() * all.length)] ?? all[0]!);
          for (const [amount, unit] of standards) {
            const due = outcome(() => computeDueAt(start, amount, unit, zone, options));
            expect(due, `${start.toISOString()} + ${amount} ${unit}`).toEqual(outcome(() => computeDueAtZoned(start, amount, unit, zone, options)));
            const end = new Date(start.getTime() + Math.floor(next() * 40 * DAY));
            expect(officeTimeBetween(start, end, zone, options), `${start.toISOString()} to ${end.toISOString()}`).toBe(
              officeTimeBetweenZoned(start, end, zone, options),
            );
            if (due instanceof Date) expect(officeTimeBetween(start, due, zone, options)).toBe(officeTimeBetweenZoned(start, due, zone, options));
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(300);
      }, 180_000);
    }
  }

  it("no office hours within three years: both walks refuse", () => {
    const options = { officeHours: ONE_DAY_A_WEEK, holidays: HOLIDAYS };
    const start = new Date("2026-03-16T00:00:00Z");
    expect(outcome(() => computeDueAt(start, 100, "JAM", "WIB", options))).toBe("RangeError: No office hours within three years");
    expect(outcome(() => computeDueAtZoned(start, 100, "JAM", "WIB", options))).toBe("RangeError: No office hours within three years");
  }, 60_000);

  it("the alert schedule is the same instants as before (the TZDate walk)", () => {
    const start = new Date("2026-03-17T08:59:59.999Z");
    for (const zone of ZONES) {
      const due = computeDueAtZoned(start, 330, "MENIT", zone, { holidays: HOLIDAYS });
      const span = officeTimeBetweenZoned(start, due, zone, { holidays: HOLIDAYS }) / 60_000;
      const expected = [
        computeDueAtZoned(start, span * 0.5, "MENIT", zone, { holidays: HOLIDAYS }),
        computeDueAtZoned(start, span * 0.75, "MENIT", zone, { holidays: HOLIDAYS }),
        due,
        due,
        computeDueAtZoned(due, span, "MENIT", zone, { holidays: HOLIDAYS }),
      ].map((d) => d.toISOString());
      expect(alertSchedule(start, due, zone, { holidays: HOLIDAYS }).map((a) => a.runAt.toISOString())).toEqual(expected);
    }
  });

  it("an instant before 1964 (another offset then) goes through the TZDate walk", () => {
    // Jakarta was UTC+7:30 in 1950: Monday 10:00 local + 1 hari is Tuesday 10:00 local = 02:30Z.
    const start = new Date("1950-06-05T02:30:00Z");
    expect(computeDueAt(start, 1, "HARI", "WIB").toISOString()).toBe("1950-06-06T02:30:00.000Z");
    expect(computeDueAt(start, 1, "HARI", "WIB").getTime()).toBe(computeDueAtZoned(start, 1, "HARI", "WIB").getTime());
    // A span that begins on UTC+7:30 and ends on UTC+7 (1 January 1964).
    const before = new Date("1963-12-20T01:00:00Z");
    for (const [amount, unit] of STANDARDS) {
      expect(computeDueAt(before, amount, unit, "WIB").getTime()).toBe(computeDueAtZoned(before, amount, unit, "WIB").getTime());
    }
    expect(officeTimeBetween(before, new Date("1964-01-10T00:00:00Z"), "WIB")).toBe(officeTimeBetweenZoned(before, new Date("1964-01-10T00:00:00Z"), "WIB"));
    expect(computeDueAt(before, 10, "HARI", "WIB").getTime()).toBe(computeDueAtZoned(before, 10, "HARI", "WIB").getTime());
  });
});

describe("the tz database of this runtime", () => {
  it("gives WIB, WITA and WIT one offset each, without daylight saving, every day from 1964 to 2100", () => {
    for (const { iana, offsetHours } of Object.values(WORKING_TIME_ZONES)) {
      const other: string[] = [];
      for (let t = Date.UTC(1964, 0, 1); t < Date.UTC(2100, 0, 1); t += DAY) {
        if (tzOffset(iana, new Date(t)) !== offsetHours * 60) other.push(new Date(t).toISOString());
      }
      expect(other, iana).toEqual([]);
    }
  });
});

it("DEFAULT_OFFICE_HOURS is what the table above calls the default", () => {
  expect(DEFAULT_OFFICE_HOURS[5]).toBeNull();
});
