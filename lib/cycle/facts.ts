import "server-only";

import type { DbTx } from "@/lib/db/client";
import { pendingRealizations } from "@/lib/performance/service";
import type { TStepKind } from "@/lib/sop/schemas";

import { realizationQuarter, type TCyclePeriod, type TRuleFacts } from "./task-rules";

/**
 * The facts the task rules need from the database, loaded the same way for
 * the server's judgement (lib/cycle/service.ts, inside its transaction) and
 * for the page's offer (lib/cycle/queries.ts), so both see the same answer.
 */
export async function loadTaskFacts(
  tx: DbTx,
  cycle: { agencyId: string; year: number; period: TCyclePeriod },
  stepKind: TStepKind,
  allowSelfApproval: boolean,
): Promise<TRuleFacts> {
  const quarter = realizationQuarter(stepKind, cycle.period);
  const pending = quarter === null ? null : await pendingRealizations(tx, cycle.agencyId, cycle.year, quarter);
  return { allowSelfApproval, pendingRealizations: pending };
}
