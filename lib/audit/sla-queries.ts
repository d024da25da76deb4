import "server-only";

import { workingCalendar } from "@/lib/calendar/holidays";
import { officeTimeBetween } from "@/lib/cycle/working-time";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { aggregateSla, type TSlaDimension, type TSlaTask } from "./sla";

export const SLA_PERIODS = ["TW1", "TW2", "TW3", "TW4", "TAHUNAN"] as const;
export type TSlaPeriod = (typeof SLA_PERIODS)[number];

export interface TSlaFilters {
  by: TSlaDimension;
  seriesId?: string;
  year?: number;
  period?: TSlaPeriod;
  unitId?: string;
}

/** The page's and the export's query string, read leniently: anything unknown is no filter. */
export function parseSlaParams(params: URLSearchParams | Record<string, string | string[] | undefined>): TSlaFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const by = get("by");
  const year = Number(get("year"));
  const period = get("period");
  return {
    by: by === "unit" || by === "person" ? by : "step",
    seriesId: get("series")?.slice(0, 40),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    period: SLA_PERIODS.includes(period as TSlaPeriod) ? (period as TSlaPeriod) : undefined,
    unitId: get("unit")?.slice(0, 40),
  };
}

const MAX_TASKS = 20_000;
const DAY_MS = 24 * 3_600_000;

/**
 * Done tasks of the agency matching the filters, as TSlaTask rows: durations
 * and the standard in the agency's office time (its hours and holidays), the
 * person who completed the task and their unit in the agency now.
 */
export async function slaTasks(agencyId: string, filters: TSlaFilters): Promise<TSlaTask[]> {
  const where: Prisma.CycleTaskWhereInput = {
    agencyId,
    status: "DONE",
    completedAt: { not: null },
    cycle: { ...(filters.seriesId ? { seriesId: filters.seriesId } : {}), ...(filters.year ? { year: filters.year } : {}), ...(filters.period ? { period: filters.period } : {}) },
    ...(filters.unitId ? { completedBy: { memberships: { some: { agencyId, unitId: filters.unitId } } } } : {}),
  };
  const rows = await db.cycleTask.findMany({
    where,
    select: {
      startedAt: true,
      completedAt: true,
      dueAt: true,
      stepNumber: true,
      returnedFromTaskId: true,
      step: { select: { kegiatan: true } },
      cycle: { select: { year: true, period: true, seriesId: true, sop: { select: { nomor: true } } } },
      completedBy: {
        select: { id: true, name: true, memberships: { where: { agencyId, unitId: { not: null } }, select: { unit: { select: { id: true, name: true } } }, take: 1 } },
      },
    },
    orderBy: { startedAt: "asc" },
    take: MAX_TASKS,
  });
  if (rows.length === 0) return [];
  const from = rows[0]!.startedAt;
  const to = rows.reduce((max, r) => (r.completedAt! > max ? r.completedAt! : max), from);
  const calendar = await workingCalendar(agencyId, from, db, Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 400);
  return rows.map((r) => {
    const unit = r.completedBy?.memberships[0]?.unit;
    return {
      stepKey: `${r.cycle.seriesId}:${r.stepNumber}`,
      stepLabel: `${r.cycle.sop.nomor} · ${r.stepNumber}. ${r.step.kegiatan.slice(0, 90)}`,
      unitKey: unit?.id ?? "-",
      unitLabel: unit?.name ?? "(tanpa unit)",
      personKey: r.completedBy?.id ?? "-",
      personLabel: r.completedBy?.name ?? "(tidak diketahui)",
      quarter: `${r.cycle.year}-${r.cycle.period}`,
      actualMs: officeTimeBetween(r.startedAt, r.completedAt!, calendar.timeZone, calendar),
      standardMs: officeTimeBetween(r.startedAt, r.dueAt, calendar.timeZone, calendar),
      late: r.completedAt! > r.dueAt,
      rework: r.returnedFromTaskId !== null,
    };
  });
}

export async function slaAnalytics(agencyId: string, filters: TSlaFilters) {
  return aggregateSla(await slaTasks(agencyId, filters), filters.by);
}

/** Units of the agency for the filter. */
export async function slaUnits(agencyId: string) {
  return db.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}
