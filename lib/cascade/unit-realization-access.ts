import type { TPermission } from "@/lib/authz/permissions";

/**
 * Who verifies or returns a unit PK row's realization (decision 044): Tim SAKIP (the roles the
 * agency designates for realization.verify, as for the agency PK) or the planning unit
 * (performance.manage), who owns the unit PKs and their Rencana Aksi. Pure: the action, the
 * page and the work queue ask the same question.
 */
export function canReviewUnitRealizations(can: (permission: TPermission) => boolean): boolean {
  return can("realization.verify") || can("performance.manage");
}

export const UNIT_REVIEW_REFUSAL = "Hanya Tim SAKIP atau pengelola kinerja yang dapat memverifikasi atau mengembalikan realisasi PK unit.";
