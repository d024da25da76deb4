import "server-only";

import { signaturePlaceDate, type TAgencyPlace } from "@/lib/agency/format";
import type { AgencyContext } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { loadAgreement, loadPeriodArchive } from "@/lib/performance/queries";
import type { RecapAgreement } from "@/lib/performance/recap";

import { buildLkjip, type TLkjip } from "./model";

/** How many earlier years chapter III compares the year with. */
export const LKJIP_EARLIER_YEARS = 2;

/** Triwulan IV once any value of it is in; before that, the last quarter with a value (1 when none). */
export function measuredUpTo(agreement: RecapAgreement): number {
  const quarters = agreement.goals.flatMap((g) => g.indicators.flatMap((i) => i.realizations.filter((r) => r.value !== null).map((r) => r.quarter)));
  return Math.max(1, ...quarters);
}

/**
 * The Renstra end-year target of each PK indicator of the year that maps to a tree indicator of
 * the period holding the year: through the link of a PK generated from the tree, else by the
 * same name at the Tujuan/Sasaran level when exactly one tree indicator has it (a PK typed or
 * imported before the tree existed). Decision 035.
 */
export async function loadRenstraTargets(agencyId: string, year: number): Promise<Record<string, { endYear: number; target: string | null }>> {
  const period = await db.renstraPeriod.findFirst({ where: { agencyId, startYear: { lte: year }, endYear: { gte: year } }, select: { id: true, endYear: true } });
  if (!period) return {};
  const [pk, tree] = await Promise.all([
    db.indicator.findMany({ where: { agencyId, goal: { agreement: { agencyId, year } } }, select: { id: true, name: true, cascadeIndicatorId: true } }),
    db.cascadeIndicator.findMany({
      where: { agencyId, node: { periodId: period.id } },
      select: { id: true, name: true, node: { select: { level: true } }, targets: { where: { year: period.endYear }, select: { value: true } } },
    }),
  ]);
  const key = (name: string) => name.replace(/\s+/g, " ").trim().toLowerCase();
  const byId = new Map(tree.map((t) => [t.id, t]));
  const byName = new Map<string, (typeof tree)[number] | null>();
  for (const t of tree.filter((t) => t.node.level === "TUJUAN" || t.node.level === "SASARAN")) byName.set(key(t.name), byName.has(key(t.name)) ? null : t);
  const result: Record<string, { endYear: number; target: string | null }> = {};
  for (const i of pk) {
    const match = i.cascadeIndicatorId ? byId.get(i.cascadeIndicatorId) : byName.get(key(i.name));
    if (match) result[i.id] = { endYear: period.endYear, target: match.targets[0]?.value?.toString() ?? null };
  }
  return result;
}

/**
 * The year's LKjIP draft from the agency's PK, realizations and budget, with
 * the two earlier years' PKs beside it. Null when the year has no PK.
 */
export async function loadLkjip(
  agency: Pick<AgencyContext["agency"], "id" | "name" | "governmentName" | "settings" | "timeZone"> & TAgencyPlace,
  year: number,
  at: Date = new Date(),
): Promise<TLkjip | null> {
  const earlierYears = Array.from({ length: LKJIP_EARLIER_YEARS }, (_, k) => year - 1 - k);
  const [agreement, ...earlier] = await Promise.all([loadAgreement(agency.id, year), ...earlierYears.map((y) => loadAgreement(agency.id, y))]);
  if (!agreement) return null;
  const quarter = measuredUpTo(agreement);
  const [archive, renstraTargets] = await Promise.all([loadPeriodArchive(agency.id, year, quarter), loadRenstraTargets(agency.id, year)]);
  return buildLkjip({
    agency: { name: agency.name, governmentName: agency.governmentName },
    year,
    agreement,
    previous: earlierYears.map((y, k) => ({ year: y, agreement: earlier[k] ?? null })),
    settings: agency.settings.capaian,
    quarter,
    archive,
    timeZone: agency.timeZone,
    placeDate: signaturePlaceDate(agency, at),
    renstraTargets,
    signer: { name: agreement.firstPartyName, jabatan: agreement.firstPartyJabatan, nip: agreement.firstPartyNip },
  });
}
