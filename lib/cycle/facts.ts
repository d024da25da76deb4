import "server-only";

import type { DbTx } from "@/lib/db/client";
import { pendingRealizations, unverifiedRealizations, unverifiedUnitRealizations } from "@/lib/performance/service";

import { holdersOfRoles } from "./holders";
import { isJointMeeting, quarterArchivedBy, realizationQuarter, type TCyclePeriod, type TRuleFacts, type TRuleMember, type TRuleState } from "./task-rules";

/**
 * The facts the task rules need from the database, loaded the same way for
 * the server's judgement (lib/cycle/service.ts, inside its transaction, after
 * locking the cycle row when an action would archive its quarter) and for the
 * page's offer (lib/cycle/queries.ts), so both see the same answer. Which
 * facts matter is the rules' call (`realizationQuarter`, `quarterArchivedBy`);
 * this only reads them.
 */
export async function loadTaskFacts(
  tx: DbTx,
  cycle: { agencyId: string; year: number; period: TCyclePeriod },
  state: TRuleState,
  taskId: string,
  member: TRuleMember,
  allowSelfApproval: boolean,
  now: Date = new Date(),
): Promise<TRuleFacts> {
  const task = state.tasks.find((t) => t.id === taskId);
  const step = task && state.steps.find((s) => s.number === task.stepNumber);
  // An SOP that does not measure performance (an Evaluasi Kinerja Internal) waits for no realization.
  const inputQuarter = step && state.measuresPerformance !== false ? realizationQuarter(step.kind, cycle.period) : null;
  const archivedQuarter = quarterArchivedBy(state, taskId, cycle.period);
  const [pending, unverified, unverifiedUnits, heads, attendanceList] = await Promise.all([
    // A unit's sub-task waits for that unit's realizations only.
    inputQuarter === null ? null : pendingRealizations(tx, cycle.agencyId, cycle.year, inputQuarter, task?.unitId),
    // Archiving waits for the agency PK's realizations and the unit PK rows' (decision 061).
    archivedQuarter === null ? null : unverifiedRealizations(tx, cycle.agencyId, cycle.year, archivedQuarter),
    archivedQuarter === null ? [] : unverifiedUnitRealizations(tx, cycle.agencyId, cycle.year, archivedQuarter),
    archivedQuarter === null ? 0 : tx.role.count({ where: { id: { in: [...member.roleIds] }, agencyId: cycle.agencyId, isHead: true } }),
    step && isJointMeeting(step) ? holdersOfRoles(tx, cycle.agencyId, step.participantRoleIds ?? [], now) : null,
  ]);
  return {
    allowSelfApproval,
    pendingRealizations: pending,
    archive: unverified === null ? null : { period: cycle.period, unverified: [...unverified, ...unverifiedUnits] },
    memberIsHead: heads > 0,
    attendanceList,
  };
}
