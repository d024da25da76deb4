import type { TAuditFilters } from "./queries";

/** The same filters as a query string (without the cursor), for links and the export. */
export function auditFiltersQuery(filters: TAuditFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of ["from", "to", "actorId", "action", "cycleId", "sopId"] as const) {
    const v = filters[key];
    if (v) q.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
