/**
 * Which periods an SOP version may run: a measurement cycle measures a period (a
 * quarter or the year), and the procedure it follows must have been in force then. A
 * version's effective date (Tanggal Efektif, else the day it was activated) therefore
 * bounds the periods that can be started under it: a period that ended before that date
 * ran under an earlier procedure. Starting one anyway (a late measurement the agency
 * decides to run under the current SOP) takes a recorded reason
 * (MeasurementCycle.startOverrideReason and the cycle.start audit event).
 *
 * Pure: dates are calendar days "YYYY-MM-DD"; no time zones involved.
 */

import type { CYCLE_PERIODS } from "./schemas";

export type TPeriod = (typeof CYCLE_PERIODS)[number];

const QUARTER_END: Record<Exclude<TPeriod, "TAHUNAN">, string> = { TW1: "03-31", TW2: "06-30", TW3: "09-30", TW4: "12-31" };
const QUARTER_START: Record<Exclude<TPeriod, "TAHUNAN">, string> = { TW1: "01-01", TW2: "04-01", TW3: "07-01", TW4: "10-01" };

/** First and last day of a period. */
export function periodRange(year: number, period: TPeriod): { start: string; end: string } {
  const y = String(year).padStart(4, "0");
  if (period === "TAHUNAN") return { start: `${y}-01-01`, end: `${y}-12-31` };
  return { start: `${y}-${QUARTER_START[period]}`, end: `${y}-${QUARTER_END[period]}` };
}

/** "2026-04-06T01:30:00Z" or a Date -> "2026-04-06" (UTC calendar day; the stored @db.Date). */
export function calendarDay(value: Date | string): string {
  return (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
}

/** The day a version takes effect: its Tanggal Efektif, else the day it was activated; null: not known yet. */
export function versionEffectiveDay(version: { tanggalEfektif: Date | string | null; activatedAt: Date | string | null }): string | null {
  if (version.tanggalEfektif) return calendarDay(version.tanggalEfektif);
  if (version.activatedAt) return calendarDay(version.activatedAt);
  return null;
}

export type TStartPeriodJudgement =
  | { ok: true; override: null }
  | { ok: true; override: string }
  | { ok: false; code: "BEFORE_EFFECTIVE"; effectiveDay: string; periodEnd: string };

/**
 * May a cycle of this period run under a version effective on `effectiveDay`? Yes when
 * the period ends on or after that day (it straddles or follows it); else only with an
 * override reason (non-blank), which the caller records.
 */
export function judgeStartPeriod(input: { year: number; period: TPeriod; effectiveDay: string | null; overrideReason?: string | null }): TStartPeriodJudgement {
  const { end } = periodRange(input.year, input.period);
  if (input.effectiveDay === null || end >= input.effectiveDay) return { ok: true, override: null };
  const reason = input.overrideReason?.trim();
  if (reason) return { ok: true, override: reason };
  return { ok: false, code: "BEFORE_EFFECTIVE", effectiveDay: input.effectiveDay, periodEnd: end };
}
