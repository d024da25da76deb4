import "server-only";

import { db } from "@/lib/db/client";

/**
 * The Kinerja work waiting for one person, for the inbox ("Tugas saya"):
 * - their unit's values still in draft (to send), and those Tim SAKIP returned (to fix),
 *   for members who may fill realizations and work in a unit;
 * - the values sent and waiting for verification, for holders of `realization.verify`.
 * Counted per year and quarter, leaving out archived quarters (nothing can change there).
 *
 * A constant number of statements whatever the data: the member's units, one grouped
 * count over the realizations, the archived quarters (three, the last two together).
 */

export type TWorkKind = "DRAFT" | "RETURNED" | "SUBMITTED";

export interface TWorkCounter {
  kind: TWorkKind;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  count: number;
  /** The page where this work is done, filtered to it. */
  href: string;
}

const QUARTER_OF_PERIOD: Record<string, 1 | 2 | 3 | 4> = { TW1: 1, TW2: 2, TW3: 3, TW4: 4 };
const KIND_ORDER: Record<TWorkKind, number> = { RETURNED: 0, DRAFT: 1, SUBMITTED: 2 };

export function workHref(agencySlug: string, kind: TWorkKind, year: number, quarter: number): string {
  const base = `/a/${agencySlug}/kinerja`;
  return kind === "SUBMITTED" ? `${base}/verifikasi?tahun=${year}&tw=${quarter}#menunggu-verifikasi` : `${base}/realisasi?tahun=${year}&tw=${quarter}&status=${kind}`;
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
  now?: Date;
}): Promise<TWorkCounter[]> {
  const { agencyId, agencySlug, userId, canFill, canVerify } = input;
  if (!canFill && !canVerify) return [];
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
  if (where.length === 0) return [];
  const [groups, archived] = await Promise.all([
    db.realization.groupBy({ by: ["year", "quarter", "status"], where: { agencyId, OR: where }, _count: { _all: true } }),
    db.measurementCycle.findMany({
      where: { agencyId, status: "COMPLETED", period: { in: ["TW1", "TW2", "TW3", "TW4"] } },
      select: { year: true, period: true },
      distinct: ["year", "period"],
    }),
  ]);
  const frozen = new Set(archived.map((c) => `${c.year}-${QUARTER_OF_PERIOD[c.period]}`));
  return groups
    .filter((g) => g.status !== "VERIFIED" && !frozen.has(`${g.year}-${g.quarter}`) && g._count._all > 0)
    .map((g) => {
      const kind = g.status as TWorkKind;
      const quarter = g.quarter as 1 | 2 | 3 | 4;
      return { kind, year: g.year, quarter, count: g._count._all, href: workHref(agencySlug, kind, g.year, quarter) };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.year - b.year || a.quarter - b.quarter);
}
