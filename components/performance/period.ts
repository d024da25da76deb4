type TSearch = Record<string, string | string[] | undefined>;

/** One search parameter's value (the first when repeated). The period itself: lib/performance/queries.ts resolvePeriod. */
export function searchParam(search: TSearch, key: string): string | undefined {
  const v = search[key];
  return Array.isArray(v) ? v[0] : v;
}
