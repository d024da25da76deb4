import "server-only";

import { db } from "@/lib/db/client";

import type { RecapAgreement } from "./recap";

const dec = (v: { toString(): string } | null) => (v === null ? null : v.toString());

/**
 * The year's PK with targets, realizations and programs, Decimals as strings.
 * `unitIds` limits the indicators to those units (a Bidang sees only its own).
 */
export async function loadAgreement(agencyId: string, year: number, unitIds?: string[]) {
  const agreement = await db.performanceAgreement.findUnique({
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
