import "server-only";

import { db } from "@/lib/db/client";

import { AGENCY_TRAIL_KIND, realizationMakers, realizationReviewRefusal, type TRealizationTrailEvent, UNIT_TRAIL_KIND } from "./maker-checker";

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
 * A sent value counts for a verifier only when the server would let them verify it: not one
 * they filled themselves since its last verification (maker/checker, decision 055), unless the
 * agency allows self-approval (decision 061). The rule is the services' own pure function
 * (`realizationMakers` + `realizationReviewRefusal`); the statements return each sent value with
 * its trail (who saved, sent, verified it, oldest first) instead of a bare count, so the rule is
 * asked in memory and no statement is added.
 *
 * A constant number of statements whatever the data: the member's units, one over the
 * realizations, one over the unit PK rows, the archived quarters (four, the last three together).
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

/**
 * Grouped counts as they are, and the sent values that came with their trail counted per year,
 * quarter and status when the person may review them (the services' rule; self-approval is
 * already settled by then: rows come with a trail only when it is off).
 */
function mine(
  rows: readonly { year: number; quarter: number; status: string; count: number; filledById: string | null; trail: [string | null, string][] | null }[],
  kinds: Readonly<Record<string, TRealizationTrailEvent["kind"]>>,
  userId: string,
): { year: number; quarter: number; status: string; count: number }[] {
  const counts = new Map<string, { year: number; quarter: number; status: string; count: number }>();
  for (const r of rows) {
    if (r.trail) {
      const makers = realizationMakers(
        r.trail.map(([actorId, action]) => ({ actorId, kind: kinds[action] ?? "OTHER" })),
        r.filledById,
      );
      if (realizationReviewRefusal(makers, userId, false)) continue;
    }
    const key = `${r.year}-${r.quarter}-${r.status}`;
    const group = counts.get(key);
    if (group) group.count += r.count;
    else counts.set(key, { year: r.year, quarter: r.quarter, status: r.status, count: r.count });
  }
  return [...counts.values()];
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
  /** The agency's `allowSelfApproval` (the agency context has it): a verifier's own sent values are theirs to verify. */
  allowSelfApproval: boolean;
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
  const unitWork = unitIds.length > 0 || canVerifyUnits;
  if (unitIds.length === 0 && !canVerify && !unitWork) return [];
  // Sent values come one per row with their trail (the FILL/VERIFY events, oldest first), unless
  // the agency allows self-approval: then every sent value is the verifier's and a count will do.
  const trails = !input.allowSelfApproval;
  type TRow = { year: number; quarter: number; status: string; count: number; filledById: string | null; trail: [string | null, string][] | null };
  const [groups, unitGroups, archived] = await Promise.all([
    unitIds.length || canVerify
      ? db.$queryRaw<TRow[]>`
          SELECT r."year", r."quarter", r."status"::text AS "status", count(*)::int AS "count", NULL AS "filledById", NULL::jsonb AS "trail"
          FROM "Realization" r JOIN "Indicator" i ON i."id" = r."indicatorId"
          WHERE r."agencyId" = ${agencyId}
            AND ((i."orgUnitId" = ANY(${unitIds}::text[]) AND r."status" IN ('DRAFT', 'RETURNED'))
              OR (${canVerify && !trails}::boolean AND r."status" = 'SUBMITTED'))
          GROUP BY r."year", r."quarter", r."status"
          UNION ALL
          SELECT r."year", r."quarter", 'SUBMITTED', 1, r."filledById",
            (SELECT coalesce(jsonb_agg(jsonb_build_array(e."actorId", e."action") ORDER BY e."id"), '[]'::jsonb)
               FROM "AuditEvent" e
              WHERE e."agencyId" = r."agencyId" AND e."entityId" = r."id" AND e."entityType" = 'Realization'
                AND e."action" = ANY(${Object.keys(AGENCY_TRAIL_KIND)}::text[]))
          FROM "Realization" r
          WHERE ${canVerify && trails}::boolean AND r."agencyId" = ${agencyId} AND r."status" = 'SUBMITTED'`
      : Promise.resolve<TRow[]>([]),
    // A unit row's quarter exists from generation on: a draft is work only once it holds a value.
    // A sent quarter's trail: the row's events naming that quarter ("realisasi TW n" / "status TW n").
    unitWork
      ? db.$queryRaw<TRow[]>`
          SELECT a."year", q."quarter", q."status"::text AS "status", count(*)::int AS "count", NULL AS "filledById", NULL::jsonb AS "trail"
          FROM "UnitAgreementQuarter" q
          JOIN "UnitAgreementRow" r ON r."id" = q."rowId"
          JOIN "UnitAgreement" a ON a."id" = r."agreementId"
          WHERE r."agencyId" = ${agencyId}
            AND ((a."unitId" = ANY(${unitIds}::text[]) AND (q."status" = 'RETURNED' OR (q."status" = 'DRAFT' AND q."realization" IS NOT NULL)))
              OR (${canVerifyUnits && !trails}::boolean AND q."status" = 'SUBMITTED'))
          GROUP BY a."year", q."quarter", q."status"
          UNION ALL
          SELECT a."year", q."quarter", 'SUBMITTED', 1, NULL,
            (SELECT coalesce(jsonb_agg(jsonb_build_array(e."actorId", e."action") ORDER BY e."id"), '[]'::jsonb)
               FROM "AuditEvent" e
              WHERE e."agencyId" = r."agencyId" AND e."entityId" = r."id" AND e."entityType" = 'UnitAgreementRow'
                AND e."action" = ANY(${Object.keys(UNIT_TRAIL_KIND)}::text[])
                AND (e."data"->'changes' ? ('realisasi TW ' || q."quarter") OR e."data"->'changes' ? ('status TW ' || q."quarter")))
          FROM "UnitAgreementQuarter" q
          JOIN "UnitAgreementRow" r ON r."id" = q."rowId"
          JOIN "UnitAgreement" a ON a."id" = r."agreementId"
          WHERE ${canVerifyUnits && trails}::boolean AND r."agencyId" = ${agencyId} AND q."status" = 'SUBMITTED'`
      : Promise.resolve<TRow[]>([]),
    db.measurementCycle.findMany({
      where: { agencyId, status: "COMPLETED", period: { in: ["TW1", "TW2", "TW3", "TW4"] } },
      select: { year: true, period: true },
      distinct: ["year", "period"],
    }),
  ]);
  const frozen = new Set(archived.map((c) => `${c.year}-${QUARTER_OF_PERIOD[c.period]}`));
  const agencyWork = mine(groups, AGENCY_TRAIL_KIND, userId)
    .filter((g) => g.status !== "VERIFIED" && !frozen.has(`${g.year}-${g.quarter}`) && g.count > 0)
    .map((g): TWorkCounter => {
      const kind = g.status as TWorkKind;
      const quarter = g.quarter as 1 | 2 | 3 | 4;
      return { kind, year: g.year, quarter, count: g.count, href: workHref(agencySlug, kind, g.year, quarter) };
    });
  const unitCounters = mine(unitGroups, UNIT_TRAIL_KIND, userId)
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
