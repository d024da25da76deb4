import "server-only";

import { readAgencySettings } from "@/lib/agency/settings";
import type { DbTx } from "@/lib/db/client";

import { AGENCY_TRAIL_KIND, realizationMakers, realizationReviewRefusal, UNIT_TRAIL_KIND } from "./maker-checker";

/**
 * The audit trail the maker/checker rule reads (lib/performance/maker-checker.ts, decision 055):
 * the services record every save, send, verification and return of a realization in the same
 * transaction, so the trail is the list of who filled a value.
 */

export async function allowsSelfApproval(tx: DbTx, agencyId: string): Promise<boolean> {
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true } });
  return readAgencySettings(agency.settings).allowSelfApproval;
}

/** Per agency PK realization: who filled it since its last verification. One statement. */
export async function agencyRealizationMakers(
  tx: DbTx,
  agencyId: string,
  realizations: readonly { id: string; filledById: string | null }[],
): Promise<Map<string, Set<string>>> {
  if (realizations.length === 0) return new Map();
  const events = await tx.auditEvent.findMany({
    where: { agencyId, entityType: "Realization", entityId: { in: realizations.map((r) => r.id) }, action: { in: Object.keys(AGENCY_TRAIL_KIND) } },
    orderBy: { id: "asc" },
    select: { entityId: true, actorId: true, action: true },
  });
  return new Map(
    realizations.map((r) => [
      r.id,
      realizationMakers(
        events.filter((e) => e.entityId === r.id).map((e) => ({ actorId: e.actorId, kind: AGENCY_TRAIL_KIND[e.action] ?? "OTHER" })),
        r.filledById,
      ),
    ]),
  );
}

/**
 * Per unit PK row and quarter ("<rowId>:<quarter>"): who filled it since its last verification.
 * The row's events name the quarter in their changes ("realisasi TW n" / "status TW n").
 */
export async function unitRealizationMakers(tx: DbTx, agencyId: string, cells: readonly { rowId: string; quarter: number }[]): Promise<Map<string, Set<string>>> {
  if (cells.length === 0) return new Map();
  const events = await tx.auditEvent.findMany({
    where: { agencyId, entityType: "UnitAgreementRow", entityId: { in: [...new Set(cells.map((c) => c.rowId))] }, action: { in: Object.keys(UNIT_TRAIL_KIND) } },
    orderBy: { id: "asc" },
    select: { entityId: true, actorId: true, action: true, data: true },
  });
  const touches = (data: unknown, quarter: number) => {
    const changes = (data as { changes?: Record<string, unknown> } | null)?.changes ?? {};
    return `realisasi TW ${quarter}` in changes || `status TW ${quarter}` in changes;
  };
  return new Map(
    cells.map((c) => [
      `${c.rowId}:${c.quarter}`,
      realizationMakers(
        events
          .filter((e) => e.entityId === c.rowId && touches(e.data, c.quarter))
          .map((e) => ({ actorId: e.actorId, kind: UNIT_TRAIL_KIND[e.action] ?? "OTHER" })),
      ),
    ]),
  );
}

/**
 * For the verification page: the quarter's sent realizations the member may not verify or return,
 * with the reason (the services' own rule and message). Two statements.
 */
export async function realizationReviewRefusals(
  tx: DbTx,
  q: { agencyId: string; year: number; quarter: number; actorId: string; allowSelfApproval: boolean },
): Promise<Record<string, string>> {
  if (q.allowSelfApproval) return {};
  const sent = await tx.realization.findMany({
    where: { agencyId: q.agencyId, year: q.year, quarter: q.quarter, status: "SUBMITTED" },
    select: { id: true, filledById: true },
  });
  const makers = await agencyRealizationMakers(tx, q.agencyId, sent);
  const refusals: Record<string, string> = {};
  for (const [id, who] of makers) {
    const refusal = realizationReviewRefusal(who, q.actorId, false);
    if (refusal) refusals[id] = refusal;
  }
  return refusals;
}

/**
 * For the unit PKs' page: the quarter's sent unit rows the member may not verify or return, by row
 * id, with the reason (the service's own rule and message). Two statements.
 */
export async function unitRealizationReviewRefusals(
  tx: DbTx,
  q: { agencyId: string; year: number; quarter: number; actorId: string; allowSelfApproval: boolean },
): Promise<Record<string, string>> {
  if (q.allowSelfApproval) return {};
  const sent = await tx.unitAgreementQuarter.findMany({
    where: { quarter: q.quarter, status: "SUBMITTED", row: { agencyId: q.agencyId, agreement: { year: q.year } } },
    select: { rowId: true },
  });
  const makers = await unitRealizationMakers(tx, q.agencyId, sent.map((s) => ({ rowId: s.rowId, quarter: q.quarter })));
  const refusals: Record<string, string> = {};
  for (const s of sent) {
    const refusal = realizationReviewRefusal(makers.get(`${s.rowId}:${q.quarter}`)!, q.actorId, false);
    if (refusal) refusals[s.rowId] = refusal;
  }
  return refusals;
}
