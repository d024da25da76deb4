import "server-only";

import { readAgencySettings } from "@/lib/agency/settings";
import type { TComputeDueAtOptions, TOfficeHours, TWorkingTimeZone } from "@/lib/cycle/working-time";
import { db, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface TWorkingCalendar extends Required<TComputeDueAtOptions> {
  timeZone: TWorkingTimeZone;
  officeHours: TOfficeHours;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "yyyy-MM-dd" of a DATE column (Prisma reads it as UTC midnight). */
export function holidayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The agency's working calendar for due times starting around `from`: its
 * zone, office hours and the holidays that apply to it (national, its
 * government's, its own) from a day before `from` to `days` later.
 */
export async function workingCalendar(
  agencyId: string,
  from: Date,
  tx: DbTx = db,
  days = 400,
  /** The agency's row when the caller has read it already (a transition): one statement less. */
  known?: { timeZone: TWorkingCalendar["timeZone"]; settings: unknown; governmentId: string },
  /** The holidays of the same window when the caller has read them already (holidayKeysSql, in its own statement). */
  knownHolidays?: readonly string[],
): Promise<TWorkingCalendar> {
  const agency =
    known ??
    (await tx.agency.findUniqueOrThrow({
      where: { id: agencyId },
      select: { timeZone: true, settings: true, governmentId: true },
    }));
  const holidays =
    knownHolidays ??
    (
      await tx.holiday.findMany({
        where: {
          date: { gte: new Date(from.getTime() - 2 * DAY_MS), lte: new Date(from.getTime() + days * DAY_MS) },
          OR: [{ governmentId: null, agencyId: null }, { governmentId: agency.governmentId, agencyId: null }, { agencyId }],
        },
        select: { date: true },
      })
    ).map((h) => holidayKey(h.date));
  return {
    timeZone: agency.timeZone,
    officeHours: readAgencySettings(agency.settings).officeHours,
    holidays: [...holidays],
  };
}

/**
 * workingCalendar's holidays (same window, same scope: national, the agency's government's, its own)
 * as a scalar subquery yielding text[] of "yyyy-MM-dd", for a statement the caller makes anyway:
 * a transition reads them in its cycle lock (decision 049), so an edited holiday counts at once,
 * on every instance, with no cache to invalidate.
 */
export function holidayKeysSql(agencyId: string, from: Date, days = 400): Prisma.Sql {
  const lo = holidayKey(new Date(from.getTime() - 2 * DAY_MS));
  const hi = holidayKey(new Date(from.getTime() + days * DAY_MS));
  return Prisma.sql`(SELECT coalesce(array_agg(to_char(h."date", 'YYYY-MM-DD')), '{}') FROM "Holiday" h
    WHERE h."date" >= ${lo}::date AND h."date" <= ${hi}::date
      AND ((h."governmentId" IS NULL AND h."agencyId" IS NULL)
        OR (h."agencyId" IS NULL AND h."governmentId" = (SELECT a."governmentId" FROM "Agency" a WHERE a."id" = ${agencyId}))
        OR h."agencyId" = ${agencyId}))`;
}

/** Holidays of a year for a list: national (and, for an agency, its government's and its own). */
export async function listHolidays(year: number, scope: { agencyId: string } | "platform") {
  const where =
    scope === "platform"
      ? { agencyId: null }
      : {
          OR: [
            { governmentId: null, agencyId: null },
            { government: { agencies: { some: { id: scope.agencyId } } }, agencyId: null },
            { agencyId: scope.agencyId },
          ],
        };
  return db.holiday.findMany({
    where: { ...where, date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
    select: { id: true, date: true, name: true, kind: true, source: true, agencyId: true, governmentId: true, government: { select: { name: true } } },
    orderBy: [{ date: "asc" }, { name: "asc" }],
  });
}
export type THolidayRow = Awaited<ReturnType<typeof listHolidays>>[number];
