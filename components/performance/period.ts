import "server-only";

import { TZDate } from "@date-fns/tz";

import { db } from "@/lib/db/client";
import { TIME_ZONE_IANA, type TAgencyTimeZone } from "@/lib/format";
import { listAgreementYears } from "@/lib/performance/queries";
import { frozenQuarters } from "@/lib/performance/service";

import type { TQuarter } from "./format";

type TSearch = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The period a performance page shows, from ?tahun= and ?tw=. The year
 * defaults to the latest PK; the quarter to the first one whose measurement
 * cycle is not yet archived (the one being worked on), or TW IV when all are.
 * Unusable values fall back to the defaults rather than failing the page.
 */
export async function resolvePeriod(agencyId: string, timeZone: TAgencyTimeZone, search: TSearch) {
  const years = await listAgreementYears(agencyId);
  const currentYear = new TZDate(new Date(), TIME_ZONE_IANA[timeZone]).getFullYear();
  const rawYear = Number(first(search.tahun));
  const year = Number.isInteger(rawYear) && rawYear >= 2000 && rawYear <= 2100 ? rawYear : (years[0] ?? currentYear);
  const frozen = await frozenQuarters(db, agencyId, year);
  const rawQuarter = Number(first(search.tw));
  const quarter = ([1, 2, 3, 4].includes(rawQuarter) ? rawQuarter : frozen.findIndex((f) => !f) + 1 || 4) as TQuarter;
  // Offer the current year too, so a new year's page is reachable before its PK exists.
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a);
  return { year, quarter, frozen, years: yearOptions, hasAgreement: years.includes(year) };
}

export function searchParam(search: TSearch, key: string): string | undefined {
  return first(search[key]);
}
