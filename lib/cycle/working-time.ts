/**
 * Due dates from an SOP step's time standard (Mutu Baku "Waktu": "10 menit",
 * "2 jam", "1 hari") and lateness, on the agency's working calendar. Pure: no
 * clock reads, no database; "now", the office hours and the holidays are
 * passed in. See docs/decisions/016-working-calendar.md.
 *
 * Rules:
 * - The agency's office hours (jam kerja) give, per weekday, an opening and a
 *   closing time with an optional break. Default (37.5 hours a week, the usual
 *   ASN schedule): Monday-Thursday 07:30-16:00 with a 12:00-13:00 break,
 *   Friday 07:30-16:30 with an 11:30-13:00 break; Saturday and Sunday closed.
 * - MENIT and JAM are counted in office time: only minutes inside office hours
 *   of working days count. "1 jam" started Friday 16:00 is due Monday 08:00;
 *   "330 menit" started Thursday 17:11 is due Friday 14:30. A count that ends
 *   exactly at a closing time is due at that closing time. 0 is the start.
 * - HARI are working days in the agency's time zone (WIB = Asia/Jakarta UTC+7,
 *   WITA = Asia/Makassar UTC+8, WIT = Asia/Jayapura UTC+9; no daylight saving).
 *   A day without office hours, a national holiday, cuti bersama and a local
 *   holiday are not working days. The task is due at the same local clock time
 *   N working days later: Friday 10:00 + 1 hari = Monday 10:00.
 *   A start on a non-working day counts from the next working day's opening
 *   (07:30 by default): Saturday 14:00 + 1 hari = Tuesday 07:30.
 *   0 hari is due at that (possibly moved) start.
 *   A fraction of a day rounds up to a whole working day ("1/2 hari" -> 1):
 *   half of a working day has no agreed meaning and rounding up never marks
 *   someone late early.
 * - Holidays are local dates "yyyy-MM-dd" supplied by the caller
 *   (lib/calendar/holidays.ts reads them from the Holiday table).
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import { addDays, formatDuration as formatDurationFns, getISODay, startOfDay } from "date-fns";
import { id as localeId } from "date-fns/locale";

export type TTimeUnit = "MENIT" | "JAM" | "HARI";
export type TWorkingTimeZone = "WIB" | "WITA" | "WIT";

export const WORKING_TIME_ZONES = {
  WIB: { iana: "Asia/Jakarta", offsetHours: 7 },
  WITA: { iana: "Asia/Makassar", offsetHours: 8 },
  WIT: { iana: "Asia/Jayapura", offsetHours: 9 },
} as const satisfies Record<TWorkingTimeZone, { iana: string; offsetHours: number }>;

/** One weekday's office hours, local "HH:mm"; the break is optional (both or neither). */
export interface TOfficeDay {
  open: string;
  close: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

/** Office hours per ISO weekday: index 0 = Monday … 6 = Sunday; null = closed. */
export type TOfficeHours = readonly (TOfficeDay | null)[];

const MON_THU: TOfficeDay = { open: "07:30", close: "16:00", breakStart: "12:00", breakEnd: "13:00" };
const FRI: TOfficeDay = { open: "07:30", close: "16:30", breakStart: "11:30", breakEnd: "13:00" };

/** 37.5 hours a week. */
export const DEFAULT_OFFICE_HOURS: TOfficeHours = [MON_THU, MON_THU, MON_THU, MON_THU, FRI, null, null];

export const WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "07:30" -> 450; null for anything else. */
export function parseClock(value: string | null | undefined): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The working intervals of a day in minutes from local midnight, [start, end), in order. */
export function officeIntervals(day: TOfficeDay | null | undefined): [number, number][] {
  if (!day) return [];
  const open = parseClock(day.open);
  const close = parseClock(day.close);
  if (open === null || close === null || close <= open) return [];
  const bs = parseClock(day.breakStart);
  const be = parseClock(day.breakEnd);
  if (bs !== null && be !== null && open < bs && bs < be && be < close) return [[open, bs], [be, close]];
  return [[open, close]];
}

/** Office minutes in a week (2250 = 37.5 hours for the default). */
export function weeklyOfficeMinutes(hours: TOfficeHours): number {
  return hours.reduce((sum, day) => sum + officeIntervals(day).reduce((s, [a, b]) => s + b - a, 0), 0);
}

/**
 * Why a week of office hours cannot be used, in Indonesian; null when it can.
 * Each day is closed or has open < close; a break lies strictly inside it.
 */
export function officeHoursProblem(hours: TOfficeHours): string | null {
  if (hours.length !== 7) return "Jam kerja harus diisi untuk tujuh hari.";
  for (const [i, day] of hours.entries()) {
    if (!day) continue;
    const name = WEEKDAY_NAMES[i];
    const open = parseClock(day.open);
    const close = parseClock(day.close);
    if (open === null || close === null) return `${name}: jam buka dan tutup harus berformat JJ:MM.`;
    if (close <= open) return `${name}: jam tutup harus setelah jam buka.`;
    const hasBreak = Boolean(day.breakStart || day.breakEnd);
    if (hasBreak) {
      const bs = parseClock(day.breakStart);
      const be = parseClock(day.breakEnd);
      if (bs === null || be === null) return `${name}: isi awal dan akhir istirahat (JJ:MM), atau kosongkan keduanya.`;
      if (!(open < bs && bs < be && be < close)) return `${name}: istirahat harus di antara jam buka dan jam tutup.`;
    }
  }
  if (weeklyOfficeMinutes(hours) === 0) return "Setidaknya satu hari harus memiliki jam kerja.";
  return null;
}

export interface TComputeDueAtOptions {
  /** Local dates ("yyyy-MM-dd") that are not working days. */
  holidays?: readonly string[];
  /** The agency's office hours; DEFAULT_OFFICE_HOURS when absent. */
  officeHours?: TOfficeHours;
}

function calendar(timeZone: TWorkingTimeZone, options: TComputeDueAtOptions) {
  const hours = options.officeHours && officeHoursProblem(options.officeHours) === null ? options.officeHours : DEFAULT_OFFICE_HOURS;
  const holidays = new Set(options.holidays ?? []);
  const iana = WORKING_TIME_ZONES[timeZone].iana;
  const dayOf = (d: TZDate) => hours[getISODay(d) - 1] ?? null;
  // The local date's key ("yyyy-MM-dd", the zone's wall clock), built from the TZDate's own fields:
  // date-fns' format parsed its pattern on every day the loops visit (decision 084).
  const dayKey = (d: TZDate) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const isWorkingDay = (d: TZDate) => officeIntervals(dayOf(d)).length > 0 && (holidays.size === 0 || !holidays.has(dayKey(d)));
  return { iana, dayOf, isWorkingDay };
}

/** At most this many calendar days are searched (a year with no office hours at all is a misconfiguration). */
const SEARCH_DAYS = 3 * 366;

/*
 * Two implementations of the same rules. The reference one (`...Zoned`) walks the days with TZDate
 * and date-fns in the IANA zone. The fixed-offset one walks them as plain numbers: WIB, WITA and WIT
 * have had one offset each (7, 8, 9 hours, no daylight saving) since 1 January 1964 in the tz
 * database, so the zone's wall clock is the instant plus that offset, a local day is 86,400,000 ms,
 * and adding a day is adding those milliseconds. The fixed-offset path is taken only when the tz
 * database of this runtime gives that offset at both ends of the computation (the start and the
 * result, or the two instants measured); anything else (an instant before 1964, a tz database that
 * one day moves a zone) goes through the reference. tests/unit/working-time.test.ts compares both
 * over a dense table of instants, standards, office hours and holidays, and checks the tz database's
 * offsets day by day from 1964 to 2100. docs/decisions/088-transition-cpu-2.md.
 */

/** The zone's offset at an instant agrees with the fixed one (ms), in this runtime's tz database. */
function fixedOffsetHolds(iana: string, offsetMs: number, ...instants: number[]): boolean {
  return instants.every((t) => tzOffset(iana, new Date(t)) * MINUTE_MS === offsetMs);
}

interface TFixedCalendar {
  iana: string;
  offsetMs: number;
  /** Office intervals per ISO weekday index (0 = Monday), minutes from local midnight. */
  intervals: readonly (readonly [number, number][])[];
  holidays: ReadonlySet<string>;
}

function fixedCalendar(timeZone: TWorkingTimeZone, options: TComputeDueAtOptions): TFixedCalendar {
  const hours = options.officeHours && officeHoursProblem(options.officeHours) === null ? options.officeHours : DEFAULT_OFFICE_HOURS;
  const zone = WORKING_TIME_ZONES[timeZone];
  return {
    iana: zone.iana,
    offsetMs: zone.offsetHours * HOUR_MS,
    intervals: Array.from({ length: 7 }, (_, i) => officeIntervals(hours[i])),
    holidays: new Set(options.holidays ?? []),
  };
}

/** Local midnight (as a UTC instant) of the local day holding `t`. */
function localMidnight(cal: TFixedCalendar, t: number): number {
  return Math.floor((t + cal.offsetMs) / DAY_MS) * DAY_MS - cal.offsetMs;
}

/** The office intervals of the local day holding `t`; none on a holiday. */
function workingIntervals(cal: TFixedCalendar, t: number): readonly [number, number][] {
  const localDay = Math.floor((t + cal.offsetMs) / DAY_MS);
  // 1970-01-01 was a Thursday: ISO index 3.
  const intervals = cal.intervals[(((localDay + 3) % 7) + 7) % 7] ?? [];
  if (intervals.length === 0 || cal.holidays.size === 0) return intervals;
  return cal.holidays.has(new Date(localDay * DAY_MS).toISOString().slice(0, 10)) ? [] : intervals;
}

/** computeDueAt on the fixed offset; null when the offset does not hold (the caller uses the reference). */
function computeDueAtFixed(cal: TFixedCalendar, start: number, amount: number, unit: TTimeUnit): number | null {
  let result: number;
  if (unit === "MENIT" || unit === "JAM") {
    if (amount === 0) return start;
    result = NaN;
    let remaining = amount * (unit === "JAM" ? HOUR_MS : MINUTE_MS);
    let cursor = start;
    for (let i = 0; i < SEARCH_DAYS && Number.isNaN(result); i++) {
      const midnight = localMidnight(cal, cursor);
      for (const [a, b] of workingIntervals(cal, cursor)) {
        const from = Math.max(midnight + a * MINUTE_MS, cursor);
        const to = midnight + b * MINUTE_MS;
        if (to <= from) continue;
        if (remaining <= to - from) {
          result = from + remaining;
          break;
        }
        remaining -= to - from;
      }
      cursor = midnight + DAY_MS;
    }
    if (Number.isNaN(result)) throw new RangeError("No office hours within three years");
  } else {
    let cursor = start;
    if (workingIntervals(cal, cursor).length === 0) {
      let guard = 0;
      do {
        cursor += DAY_MS;
        if (++guard > SEARCH_DAYS) throw new RangeError("No working day within three years");
      } while (workingIntervals(cal, cursor).length === 0);
      const [[open]] = workingIntervals(cal, cursor) as [[number, number]];
      cursor = localMidnight(cal, cursor) + open * MINUTE_MS;
    }
    let remaining = Math.ceil(amount);
    let guard = 0;
    while (remaining > 0) {
      cursor += DAY_MS;
      if (workingIntervals(cal, cursor).length > 0) remaining -= 1;
      if (++guard > SEARCH_DAYS) throw new RangeError("No working day within three years");
    }
    result = cursor;
  }
  return fixedOffsetHolds(cal.iana, cal.offsetMs, start, result) ? result : null;
}

/** officeTimeBetween on the fixed offset; null when the offset does not hold. */
function officeTimeBetweenFixed(cal: TFixedCalendar, fromUtc: number, end: number): number | null {
  if (!fixedOffsetHolds(cal.iana, cal.offsetMs, fromUtc, end)) return null;
  let total = 0;
  let cursor = fromUtc;
  while (cursor < end) {
    const midnight = localMidnight(cal, cursor);
    for (const [a, b] of workingIntervals(cal, cursor)) {
      const from = Math.max(midnight + a * MINUTE_MS, cursor);
      const to = Math.min(midnight + b * MINUTE_MS, end);
      if (to > from) total += to - from;
    }
    cursor = midnight + DAY_MS;
  }
  return total;
}

function checkDueAtArguments(startUtc: Date, amount: number) {
  if (Number.isNaN(startUtc.getTime())) throw new RangeError("Invalid start date");
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Invalid time standard amount: ${amount}`);
}

export function computeDueAt(
  startUtc: Date,
  amount: number,
  unit: TTimeUnit,
  timeZone: TWorkingTimeZone,
  options: TComputeDueAtOptions = {},
): Date {
  checkDueAtArguments(startUtc, amount);
  const fixed = computeDueAtFixed(fixedCalendar(timeZone, options), startUtc.getTime(), amount, unit);
  return fixed === null ? computeDueAtZoned(startUtc, amount, unit, timeZone, options) : new Date(fixed);
}

/** computeDueAt with TZDate in the IANA zone: the reference the fixed-offset path is checked against. */
export function computeDueAtZoned(
  startUtc: Date,
  amount: number,
  unit: TTimeUnit,
  timeZone: TWorkingTimeZone,
  options: TComputeDueAtOptions = {},
): Date {
  checkDueAtArguments(startUtc, amount);
  const { iana, dayOf, isWorkingDay } = calendar(timeZone, options);

  if (unit === "MENIT" || unit === "JAM") {
    if (amount === 0) return new Date(startUtc.getTime());
    let remaining = amount * (unit === "JAM" ? HOUR_MS : MINUTE_MS);
    let cursor = new TZDate(startUtc.getTime(), iana);
    for (let i = 0; i < SEARCH_DAYS; i++) {
      const midnight = startOfDay(cursor).getTime();
      if (isWorkingDay(cursor)) {
        for (const [a, b] of officeIntervals(dayOf(cursor))) {
          const from = Math.max(midnight + a * MINUTE_MS, cursor.getTime());
          const to = midnight + b * MINUTE_MS;
          if (to <= from) continue;
          if (remaining <= to - from) return new Date(from + remaining);
          remaining -= to - from;
        }
      }
      cursor = new TZDate(addDays(new TZDate(midnight, iana), 1).getTime(), iana);
    }
    throw new RangeError("No office hours within three years");
  }

  let cursor = new TZDate(startUtc.getTime(), iana);
  if (!isWorkingDay(cursor)) {
    // Step over the weekend/holidays, then start at that day's opening.
    let guard = 0;
    do {
      cursor = addDays(cursor, 1);
      if (++guard > SEARCH_DAYS) throw new RangeError("No working day within three years");
    } while (!isWorkingDay(cursor));
    const [[open]] = officeIntervals(dayOf(cursor)) as [[number, number]];
    cursor = new TZDate(startOfDay(cursor).getTime() + open * MINUTE_MS, iana);
  }

  let remaining = Math.ceil(amount);
  let guard = 0;
  while (remaining > 0) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(cursor)) remaining -= 1;
    if (++guard > SEARCH_DAYS) throw new RangeError("No working day within three years");
  }
  return new Date(cursor.getTime());
}

/**
 * Office time between two instants (ms): only the minutes inside office hours
 * of working days. For SLA figures in office time, like the standard.
 */
export function officeTimeBetween(fromUtc: Date, toUtc: Date, timeZone: TWorkingTimeZone, options: TComputeDueAtOptions = {}): number {
  if (toUtc.getTime() <= fromUtc.getTime()) return 0;
  return officeTimeBetweenFixed(fixedCalendar(timeZone, options), fromUtc.getTime(), toUtc.getTime()) ?? officeTimeBetweenZoned(fromUtc, toUtc, timeZone, options);
}

/** officeTimeBetween with TZDate in the IANA zone: the reference of the fixed-offset path. */
export function officeTimeBetweenZoned(fromUtc: Date, toUtc: Date, timeZone: TWorkingTimeZone, options: TComputeDueAtOptions = {}): number {
  if (toUtc.getTime() <= fromUtc.getTime()) return 0;
  const { iana, dayOf, isWorkingDay } = calendar(timeZone, options);
  let total = 0;
  let cursor = new TZDate(fromUtc.getTime(), iana);
  const end = toUtc.getTime();
  while (cursor.getTime() < end) {
    const midnight = startOfDay(cursor).getTime();
    if (isWorkingDay(cursor)) {
      for (const [a, b] of officeIntervals(dayOf(cursor))) {
        const from = Math.max(midnight + a * MINUTE_MS, cursor.getTime());
        const to = Math.min(midnight + b * MINUTE_MS, end);
        if (to > from) total += to - from;
      }
    }
    cursor = new TZDate(addDays(new TZDate(midnight, iana), 1).getTime(), iana);
  }
  return total;
}

/**
 * A duration in Indonesian, e.g. "2 jam 15 menit", "1 hari 3 jam". Shows the
 * `maxUnits` largest units starting from the first non-zero one (days are
 * 24-hour days, not working days), truncated, zeros left out; under a minute
 * is "kurang dari 1 menit". The sign is ignored: callers say "terlambat" or
 * "tersisa" themselves.
 */
export function formatDuration(ms: number, maxUnits = 2): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid duration: ${ms}`);
  const abs = Math.abs(ms);
  if (abs === 0) return "0 menit";
  if (abs < MINUTE_MS) return "kurang dari 1 menit";

  const parts = [
    ["days", Math.floor(abs / DAY_MS)],
    ["hours", Math.floor((abs % DAY_MS) / HOUR_MS)],
    ["minutes", Math.floor((abs % HOUR_MS) / MINUTE_MS)],
  ] as const;
  const first = parts.findIndex(([, value]) => value > 0);
  const shown = parts.slice(first, first + Math.max(1, maxUnits));
  return formatDurationFns(Object.fromEntries(shown), { locale: localeId, format: ["days", "hours", "minutes"] });
}

/**
 * Whether a task is late: completed (or, while open, now) after its due time.
 * Exactly at the due time is on time. No due time (no time standard) is never late.
 */
export function isLate(dueAt: Date | null | undefined, completedAtOrNow: Date): boolean {
  if (!dueAt) return false;
  return completedAtOrNow.getTime() > dueAt.getTime();
}

export type TAlertKind = "DUE_SOON_50" | "DUE_SOON_75" | "LATE" | "ESCALATED" | "ESCALATED_HEAD";

/**
 * When the job queue acts on an open task (docs/decisions/015-job-queue.md):
 * reminders when 50% and 75% of the standard has passed, the late flag and
 * the escalation to the head of the owner's unit at the due time, and the
 * escalation to the agency head at twice the standard. Fractions and the
 * doubling are of the standard's office time (start to due), counted in
 * office time again, so a reminder never fires at night. A task without
 * office time between start and due (a "0" standard) gets no reminders.
 */
export function alertSchedule(
  startUtc: Date,
  dueUtc: Date,
  timeZone: TWorkingTimeZone,
  options: TComputeDueAtOptions = {},
): { kind: TAlertKind; runAt: Date }[] {
  const span = officeTimeBetween(startUtc, dueUtc, timeZone, options) / MINUTE_MS;
  const after = (from: Date, minutes: number) => computeDueAt(from, minutes, "MENIT", timeZone, options);
  const schedule: { kind: TAlertKind; runAt: Date }[] = [];
  if (span > 0) {
    schedule.push({ kind: "DUE_SOON_50", runAt: after(startUtc, span * 0.5) });
    schedule.push({ kind: "DUE_SOON_75", runAt: after(startUtc, span * 0.75) });
  }
  schedule.push({ kind: "LATE", runAt: new Date(dueUtc.getTime()) }, { kind: "ESCALATED", runAt: new Date(dueUtc.getTime()) });
  schedule.push({ kind: "ESCALATED_HEAD", runAt: span > 0 ? after(dueUtc, span) : new Date(dueUtc.getTime()) });
  return schedule;
}
