import "server-only";

import { TZDate } from "@date-fns/tz";

import { db, type DbTx } from "@/lib/db/client";
import { TIME_ZONE_IANA, type TAgencyTimeZone } from "@/lib/format";

import type { RecapAgreement, TPeriodArchive } from "./recap";
import { frozenQuarters } from "./service";

const dec = (v: { toString(): string } | null) => (v === null ? null : v.toString());

/**
 * The year's PK with targets, realizations and programs, Decimals as strings.
 * `unitIds` limits the indicators to those units (a Bidang sees only its own).
 */
export async function loadAgreement(agencyId: string, year: number, unitIds?: string[], client: DbTx = db) {
  const agreement = await client.performanceAgreement.findUnique({
    where: { agencyId_year: { agencyId, year } },
    select: {
      id: true,
      year: true,
      signedAt: true,
      firstPartyName: true,
      firstPartyJabatan: true,
      firstPartyNip: true,
      secondPartyName: true,
      secondPartyJabatan: true,
      goals: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          code: true,
          name: true,
          indicators: {
            where: unitIds ? { orgUnitId: { in: unitIds } } : {},
            orderBy: { sortOrder: "asc" },
            select: {
              id: true,
              code: true,
              name: true,
              unit: true,
              polarity: true,
              targetType: true,
              aggregation: true,
              definition: true,
              formula: true,
              targetValue: true,
              targetMin: true,
              targetMax: true,
              orgUnit: { select: { id: true, name: true } },
              quarters: { select: { quarter: true, targetValue: true, targetMin: true, targetMax: true } },
              realizations: {
                where: { year },
                select: {
                  id: true,
                  quarter: true,
                  value: true,
                  status: true,
                  faktorPendorong: true,
                  faktorPenghambat: true,
                  tindakLanjut: true,
                  returnReason: true,
                  updatedAt: true,
                  filledBy: { select: { name: true } },
                  verifiedBy: { select: { name: true } },
                  files: { select: { id: true, originalName: true, size: true }, orderBy: { createdAt: "asc" } },
                },
              },
            },
          },
        },
      },
      programs: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, code: true, name: true, quarters: { select: { quarter: true, pagu: true, realization: true }, orderBy: { quarter: "asc" } } },
      },
    },
  });
  if (!agreement) return null;
  return {
    ...agreement,
    goals: agreement.goals
      .map((g) => ({
        ...g,
        indicators: g.indicators.map((i) => ({
          ...i,
          targetValue: dec(i.targetValue),
          targetMin: dec(i.targetMin),
          targetMax: dec(i.targetMax),
          quarters: i.quarters.map((q) => ({ ...q, targetValue: dec(q.targetValue), targetMin: dec(q.targetMin), targetMax: dec(q.targetMax) })),
          realizations: i.realizations.map((r) => ({ ...r, value: dec(r.value) })),
        })),
      }))
      .filter((g) => !unitIds || g.indicators.length > 0),
    programs: agreement.programs.map((p) => ({
      ...p,
      quarters: p.quarters.map((q) => ({ quarter: q.quarter, pagu: q.pagu.toString(), realization: dec(q.realization) })),
    })),
  } satisfies RecapAgreement & Record<string, unknown>;
}

export type TLoadedAgreement = NonNullable<Awaited<ReturnType<typeof loadAgreement>>>;

/** The organisational units a member works in (from their active memberships). */
export async function memberUnitIds(agencyId: string, userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { agencyId, userId, active: true, unitId: { not: null }, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
    select: { unitId: true },
  });
  return [...new Set(rows.map((r) => r.unitId!))];
}

export async function listAgreementYears(agencyId: string) {
  return (await db.performanceAgreement.findMany({ where: { agencyId }, select: { year: true }, orderBy: { year: "desc" } })).map((a) => a.year);
}

export async function listOrgUnits(agencyId: string) {
  return db.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true }, orderBy: { sortOrder: "asc" } });
}

const PERIOD_OF_QUARTER = { 1: "TW1", 2: "TW2", 3: "TW3", 4: "TW4" } as const;

/**
 * The head's archive note of a quarter, when its cycle was completed with
 * realizations not yet verified: the note, when, and who completed it. Null
 * when the quarter is not archived, or was archived with every value verified.
 */
export async function loadPeriodArchive(agencyId: string, year: number, quarter: number): Promise<TPeriodArchive | null> {
  const period = PERIOD_OF_QUARTER[quarter as 1 | 2 | 3 | 4];
  if (!period) return null;
  const cycle = await db.measurementCycle.findFirst({
    where: { agencyId, year, period, status: "COMPLETED", archiveNote: { not: null } },
    orderBy: { completedAt: "desc" },
    select: {
      archiveNote: true,
      completedAt: true,
      tasks: { where: { status: "DONE" }, orderBy: { completedAt: "desc" }, take: 1, select: { completedBy: { select: { name: true, nip: true } } } },
    },
  });
  if (!cycle?.archiveNote) return null;
  return { note: cycle.archiveNote, at: cycle.completedAt, by: cycle.tasks[0]?.completedBy ?? null };
}

type TSearch = Record<string, string | string[] | undefined>;
const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The period a performance page or export shows, from ?tahun= and ?tw=. The
 * year defaults to the latest PK; the quarter to the first one whose
 * measurement cycle is not yet archived (the one being worked on), or TW IV
 * when all are. Unusable values fall back to the defaults rather than failing.
 */
export async function resolvePeriod(
  agencyId: string,
  timeZone: TAgencyTimeZone,
  search: TSearch,
  options: { unitIds?: readonly string[]; allUnits?: boolean } = {},
) {
  const currentYear = new TZDate(new Date(), TIME_ZONE_IANA[timeZone]).getFullYear();
  const rawYear = Number(firstOf(search.tahun));
  const asked = Number.isInteger(rawYear) && rawYear >= 2000 && rawYear <= 2100 ? rawYear : null;
  // One statement (relation joins): the PK years, and when the address names the year its archived
  // quarters and the names of `unitIds` with them (docs/decisions/053-near-miss-pages.md).
  const row = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      performanceAgreements: { select: { year: true }, orderBy: { year: "desc" } },
      cycles: {
        where: { year: asked ?? 0, period: { in: Object.values(PERIOD_OF_QUARTER) }, status: "COMPLETED" },
        select: { period: true },
        distinct: ["period"],
      },
      // `allUnits`: every unit of the agency (the recap's filter), in this same statement (decision 077).
      orgUnits: { where: options.allUnits ? {} : { id: { in: [...(options.unitIds ?? [])] } }, select: { id: true, name: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  const years = (row?.performanceAgreements ?? []).map((a) => a.year);
  const year = asked ?? years[0] ?? currentYear;
  const done = new Set<string>((row?.cycles ?? []).map((c) => c.period));
  const frozen = asked !== null ? Object.values(PERIOD_OF_QUARTER).map((period) => done.has(period)) : await frozenQuarters(db, agencyId, year);
  const rawQuarter = Number(firstOf(search.tw));
  const quarter = ([1, 2, 3, 4].includes(rawQuarter) ? rawQuarter : frozen.findIndex((f) => !f) + 1 || 4) as 1 | 2 | 3 | 4;
  // Offer the current year too, so a new year's page is reachable before its PK exists.
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a);
  /** The names of `options.unitIds` (or, with `allUnits`, of every unit) in the agency's unit order (units of another agency are not there). */
  const units = row?.orgUnits ?? [];
  return { year, quarter, frozen, years: yearOptions, hasAgreement: years.includes(year), units };
}
