/**
 * Due dates from an SOP step's time standard (Mutu Baku "Waktu": "10 menit",
 * "2 jam", "1 hari") and lateness. Pure: no clock reads, "now" is passed in.
 *
 * Rules (DOMAIN.md is silent on the details; chosen as a planning officer
 * would read the SOP):
 * - MENIT and JAM are elapsed time: start + amount. A 2-hour step started at
 *   23:00 is due at 01:00 the next day, weekend or not. These steps are short
 *   and usually done in one sitting; office hours are not modelled.
 * - HARI are working days in the agency's time zone (WIB = Asia/Jakarta UTC+7,
 *   WITA = Asia/Makassar UTC+8, WIT = Asia/Jayapura UTC+9; no daylight saving).
 *   Saturday, Sunday and the optional holiday dates are not working days.
 *   The task is due at the same local clock time N working days later:
 *   Friday 10:00 + 1 hari = Monday 10:00.
 *   A start on a non-working day counts from the next working day at 08:00
 *   local (the start of office hours): Saturday 14:00 + 1 hari = Tuesday 08:00.
 *   0 hari is due at that (possibly moved) start.
 *   A fraction of a day rounds up to a whole working day ("1/2 hari" -> 1):
 *   half of a working day has no agreed meaning and rounding up never marks
 *   someone late early.
 * - Holidays (libur nasional, cuti bersama) are local dates "yyyy-MM-dd"
 *   supplied by the caller; none are built in.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, formatDuration as formatDurationFns, format, isWeekend, set } from "date-fns";
import { id as localeId } from "date-fns/locale";

export type TTimeUnit = "MENIT" | "JAM" | "HARI";
export type TWorkingTimeZone = "WIB" | "WITA" | "WIT";

export const WORKING_TIME_ZONES = {
  WIB: { iana: "Asia/Jakarta", offsetHours: 7 },
  WITA: { iana: "Asia/Makassar", offsetHours: 8 },
  WIT: { iana: "Asia/Jayapura", offsetHours: 9 },
} as const satisfies Record<TWorkingTimeZone, { iana: string; offsetHours: number }>;

/** Local start of office hours used when a HARI count starts on a non-working day. */
export const OFFICE_START = { hours: 8, minutes: 0 } as const;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface TComputeDueAtOptions {
  /** Local dates ("yyyy-MM-dd") that are not working days. */
  holidays?: readonly string[];
}

export function computeDueAt(
  startUtc: Date,
  amount: number,
  unit: TTimeUnit,
  timeZone: TWorkingTimeZone,
  options: TComputeDueAtOptions = {},
): Date {
  if (Number.isNaN(startUtc.getTime())) throw new RangeError("Invalid start date");
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Invalid time standard amount: ${amount}`);

  if (unit === "MENIT") return new Date(startUtc.getTime() + amount * MINUTE_MS);
  if (unit === "JAM") return new Date(startUtc.getTime() + amount * HOUR_MS);

  const holidays = new Set(options.holidays ?? []);
  const isWorkingDay = (d: TZDate) => !isWeekend(d) && !holidays.has(format(d, "yyyy-MM-dd"));

  let cursor = new TZDate(startUtc.getTime(), WORKING_TIME_ZONES[timeZone].iana);
  if (!isWorkingDay(cursor)) {
    // Step over the weekend/holidays, then start at office opening.
    do cursor = addDays(cursor, 1);
    while (!isWorkingDay(cursor));
    cursor = set(cursor, { hours: OFFICE_START.hours, minutes: OFFICE_START.minutes, seconds: 0, milliseconds: 0 });
  }

  let remaining = Math.ceil(amount);
  while (remaining > 0) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(cursor)) remaining -= 1;
  }
  return new Date(cursor.getTime());
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
