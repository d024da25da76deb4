import "server-only";

import { db } from "@/lib/db/client";

/**
 * The Kinerja work waiting for one person, for the inbox ("Tugas saya"):
 * - their unit's values still in draft (to send), and those Tim SAKIP returned (to fix),
 *   for members who may fill realizations and work in a unit;
 * - the values sent and waiting for verification, for holders of `realization.verify`.
 * Counted per year and quarter, leaving out archived quarters (nothing can change there).
 *
 * The same three kinds for the unit PK rows' realizations (decision 044, `scope: "UNIT"`): the
 * member's unit's drafts holding a value and returned values, and for Tim SAKIP or the planning
 * unit (`canVerifyUnits`) the values sent, linked to the PK per level page.
 *
 * A constant number of statements whatever the data: the member's units, one grouped
 * count over the realizations, one over the unit PK rows, the archived quarters (four, the
 * last three together).
 */

export type TWorkKind = "DRAFT" | "RETURNED" | "SUBMITTED";

export interface TWorkCounter {
  kind: TWorkKind;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  count: number;
  /** The page where this work is done, filtered to it. */
  href: string;
  /** Set for the unit PK rows' realizations (the PK per level page); absent for the agency PK's. */
  scope?: "UNIT";
}

const QUARTER_OF_PERIOD: Record<string, 1 | 2 | 3 | 4> = { TW1: 1, TW2: 2, TW3: 3, TW4: 4 };
const KIND_ORDER: Record<TWorkKind, number> = { RETURNED: 0, DRAFT: 1, SUBMITTED: 2 };

export function workHref(agencySlug: string, kind: TWorkKind, year: number, quarter: number): string {
  const base = `/a/${agencySlug}/kinerja`;
  return kind === "SUBMITTED" ? `${base}/verifikasi?tahun=${year}&tw=${quarter}#menunggu-verifikasi` : `${base}/realisasi?tahun=${year}&tw=${quarter}&status=${kind}`;
}

/** The PK per level page, filtered to the rows of this status in the quarter. */
export function unitWorkHref(agencySlug: string, kind: TWorkKind, year: number, quarter: number): string {
  return `/a/${agencySlug}/pohon-kinerja/pk?tahun=${year}&tw=${quarter}&status=${kind}#realisasi-unit`;
}

export async function loadWorkCounters(input: {
  agencyId: string;
  agencySlug: string;
  userId: string;
  /** The member's units, when the caller has them (the agency context does); read here otherwise. */
  unitIds?: readonly string[];
  /** `realization.fill` (the unit's own values). */
  canFill: boolean;
  /** `realization.verify` (every unit's sent values). */
  canVerify: boolean;
  /** Verifies the unit PK rows' sent values (realization.verify or performance.manage); `canVerify` when not given. */
  canVerifyUnits?: boolean;
  now?: Date;
}): Promise<TWorkCounter[]> {
  const { agencyId, agencySlug, userId, canFill, canVerify } = input;
  const canVerifyUnits = input.canVerifyUnits ?? canVerify;
  if (!canFill && !canVerify && !canVerifyUnits) return [];
  const now = input.now ?? new Date();
  const unitIds = !canFill
    ? []
    : input.unitIds
      ? [...input.unitIds]
      : [
        ...new Set(
          (
            await db.membership.findMany({
              where: { agencyId, userId, active: true, unitId: { not: null }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
              select: { unitId: true },
            })
          ).map((m) => m.unitId!),
        ),
      ];
  const where = [
    ...(unitIds.length ? [{ status: { in: ["DRAFT" as const, "RETURNED" as const] }, indicator: { orgUnitId: { in: unitIds } } }] : []),
    ...(canVerify ? [{ status: "SUBMITTED" as const }] : []),
  ];
  const unitWork = unitIds.length > 0 || canVerifyUnits;
  if (where.length === 0 && !unitWork) return [];
  type TGroup = { year: number; quarter: number; status: string; count: number };
  const [groups, unitGroups, archived] = await Promise.all([
    where.length
      ? db.realization
          .groupBy({ by: ["year", "quarter", "status"], where: { agencyId, OR: where }, _count: { _all: true } })
          .then((rows): TGroup[] => rows.map((g) => ({ year: g.year, quarter: g.quarter, status: g.status, count: g._count._all })))
      : Promise.resolve<TGroup[]>([]),
    // A unit row's quarter exists from generation on: a draft is work only once it holds a value.
    unitWork
      ? db.$queryRaw<TGroup[]>`
          SELECT a."year", q."quarter", q."status"::text AS "status", count(*)::int AS "count"
          FROM "UnitAgreementQuarter" q
          JOIN "UnitAgreementRow" r ON r."id" = q."rowId"
          JOIN "UnitAgreement" a ON a."id" = r."agreementId"
          WHERE r."agencyId" = ${agencyId}
            AND ((a."unitId" = ANY(${unitIds}::text[]) AND (q."status" = 'RETURNED' OR (q."status" = 'DRAFT' AND q."realization" IS NOT NULL)))
              OR (${canVerifyUnits}::boolean AND q."status" = 'SUBMITTED'))
          GROUP BY a."year", q."quarter", q."status"`
      : Promise.resolve<TGroup[]>([]),
    db.measurementCycle.findMany({
      where: { agencyId, status: "COMPLETED", period: { in: ["TW1", "TW2", "TW3", "TW4"] } },
      select: { year: true, period: true },
      distinct: ["year", "period"],
    }),
  ]);
  const frozen = new Set(archived.map((c) => `${c.year}-${QUARTER_OF_PERIOD[c.period]}`));
  const agencyWork = groups
    .filter((g) => g.status !== "VERIFIED" && !frozen.has(`${g.year}-${g.quarter}`) && g.count > 0)
    .map((g): TWorkCounter => {
      const kind = g.status as TWorkKind;
      const quarter = g.quarter as 1 | 2 | 3 | 4;
      return { kind, year: g.year, quarter, count: g.count, href: workHref(agencySlug, kind, g.year, quarter) };
    });
  const unitCounters = unitGroups
    .filter((g) => g.status !== "VERIFIED" && !frozen.has(`${g.year}-${g.quarter}`) && g.count > 0)
    .map((g): TWorkCounter => {
      const kind = g.status as TWorkKind;
      const quarter = g.quarter as 1 | 2 | 3 | 4;
      return { kind, year: g.year, quarter, count: g.count, href: unitWorkHref(agencySlug, kind, g.year, quarter), scope: "UNIT" };
    });
  return [...agencyWork, ...unitCounters].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.year - b.year || a.quarter - b.quarter || Number(Boolean(a.scope)) - Number(Boolean(b.scope)),
  );
}
