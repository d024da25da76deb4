import "server-only";

import { signaturePlaceDate, type TAgencyPlace } from "@/lib/agency/format";
import type { AgencyContext } from "@/lib/authz/context";
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
  const archive = await loadPeriodArchive(agency.id, year, quarter);
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
  });
}
