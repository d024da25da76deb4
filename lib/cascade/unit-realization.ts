import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { PLAUSIBILITY_MESSAGES, checkPlausibility, unconfirmedWarnings } from "@/lib/performance/plausibility";
import { lockPeriodsFrozen } from "@/lib/performance/service";
import type { z } from "zod";

import { realizationReviewRefusal } from "@/lib/performance/maker-checker";
import { allowsSelfApproval, unitRealizationMakers } from "@/lib/performance/maker-checker-queries";
import { fillEvent, planRealization, type TRealizationEvent, type TRealizationPlan, type TRealizationStatus } from "@/lib/performance/workflow";

import { LEVEL_PK_MESSAGES as M } from "./messages";
import type { ZReviewUnitRealization, ZSaveUnitRealization } from "./schemas";
import type { CascadeActor } from "./service";
import { UNIT_REALIZATION_MESSAGES as UR } from "./unit-realization-messages";

/**
 * The realization of a unit PK row for one quarter (decision 044) goes through the agency PK's
 * lifecycle: the same transition table (lib/performance/workflow.ts: draft, sent, verified or
 * returned with a reason; a sent or verified value is frozen until returned; an archived quarter
 * refuses everything, read under the same share lock), and the same plausibility warnings
 * (lib/performance/plausibility.ts). Only the rows and who counts as "the unit" differ: a member of
 * the unit PK's unit, or the planning unit (performance.manage) as before.
 */

export interface UnitRealizationActor extends CascadeActor {
  /** The actor's organisational units (their memberships). */
  unitIds: readonly string[];
  /** performance.manage: the planning unit may fill any unit's row, as before the lifecycle. */
  canManage: boolean;
}

const dec = (v: Prisma.Decimal | null | undefined) => (v === null || v === undefined ? null : v.toString());
const same = (a: Prisma.Decimal | null | undefined, b: string | null) => (a === null || a === undefined ? b === null : b !== null && a.equals(new Prisma.Decimal(b)));

/** The row under an update lock, with what the lifecycle and the plausibility warnings read; null when not this agency's. */
async function lockRow(tx: DbTx, agencyId: string, rowId: string) {
  await tx.$queryRaw`SELECT "id" FROM "UnitAgreementRow" WHERE "id" = ${rowId} AND "agencyId" = ${agencyId} FOR UPDATE`;
  return tx.unitAgreementRow.findFirst({
    where: { id: rowId, agencyId },
    select: {
      id: true,
      name: true,
      unitOfMeasure: true,
      polarity: true,
      aggregation: true,
      target: true,
      agreement: { select: { year: true, unitId: true, unitName: true } },
      quarters: { orderBy: { quarter: "asc" }, select: { quarter: true, target: true, realization: true, status: true, updatedAt: true } },
    },
  });
}

/** The workflow's refusal in this page's words: an archived quarter is named. */
function refuse(plan: Extract<TRealizationPlan, { ok: false }>, quarter: number): never {
  if (plan.code === "FROZEN") throw invalidError(M.quarterFrozen(quarter));
  if (plan.code === "COMMENT_REQUIRED") throw invalidError(plan.message, { reason: [plan.message] });
  throw invalidError(plan.message);
}

/**
 * A member of the unit (or the planning unit) saves the quarter's realization as a draft, or
 * sends it (`submit`); a returned value stays returned while it is fixed, until sent again.
 */
export async function saveUnitRealization(input: z.output<typeof ZSaveUnitRealization>, who: UnitRealizationActor, outer?: DbTx): Promise<{ status: TRealizationStatus }> {
  // Parsed once, by the action's schema: parsing the canonical "1.500" again would read 1500.
  return inTransaction(outer, async (tx) => {
    const row = await lockRow(tx, who.agencyId, input.rowId);
    if (!row) throw notFoundError(M.rowNotFound);
    if (!who.canManage && !who.unitIds.includes(row.agreement.unitId)) throw forbiddenError(M.notUnitMember);
    const frozen = (await lockPeriodsFrozen(tx, who.agencyId, row.agreement.year, [input.quarter]))[input.quarter - 1]!;
    const current = row.quarters.find((q) => q.quarter === input.quarter);
    const from: TRealizationStatus | "NONE" = current?.status ?? "NONE";
    const plan = planRealization({ status: from, frozen }, fillEvent(from, input.submit));
    if (!plan.ok) refuse(plan, input.quarter);
    if (input.submit && input.value === null) throw invalidError(UR.valueRequired, { value: [UR.valueRequired] });
    // The agency PK's warnings, on this row's targets; an unconfirmed one changes nothing.
    const warnings = checkPlausibility(
      {
        unit: row.unitOfMeasure,
        polarity: row.polarity,
        targetType: "SINGLE",
        aggregation: row.aggregation,
        targetValue: dec(row.target),
        targetMin: null,
        targetMax: null,
        quarters: row.quarters.map((q) => ({ quarter: q.quarter, targetValue: dec(q.target), targetMin: null, targetMax: null })),
        realizations: row.quarters.map((q) => ({ quarter: q.quarter, value: dec(q.realization) })),
      },
      { quarter: input.quarter, value: input.value, valueText: input.valueText },
    );
    const unconfirmed = unconfirmedWarnings(warnings, input.confirmed);
    if (unconfirmed.length) {
      const message = PLAUSIBILITY_MESSAGES.unconfirmed(unconfirmed.map((w) => w.message));
      throw invalidError(message, { value: [message] });
    }
    const before = current?.realization ?? null;
    if (!input.submit && same(before, input.value)) return { status: plan.to };

    const data = { realization: input.value, status: plan.to, ...(input.submit ? { submittedAt: new Date() } : {}) };
    if (current) {
      // Guarded like the agency PK's: a review or a submit that got there first makes this a conflict.
      const updated = await tx.unitAgreementQuarter.updateMany({ where: { rowId: row.id, quarter: input.quarter, status: current.status, updatedAt: current.updatedAt }, data });
      if (updated.count !== 1) throw conflictError();
    } else {
      await tx.unitAgreementQuarter.create({ data: { rowId: row.id, quarter: input.quarter, ...data } });
    }
    await recordAudit(
      tx,
      {
        action: input.submit ? "cascade.unit_realization_submit" : "cascade.unit_realization_save",
        entityType: "UnitAgreementRow",
        entityId: row.id,
        data: {
          year: row.agreement.year,
          unitName: row.agreement.unitName,
          name: row.name,
          changes: {
            [`realisasi TW ${input.quarter}`]: { before: dec(before), after: input.value },
            ...(from !== plan.to ? { [`status TW ${input.quarter}`]: { before: from === "NONE" ? null : from, after: plan.to } } : {}),
          },
          ...(warnings.length ? { warnings } : {}),
        },
      },
      who,
    );
    return { status: plan.to };
  });
}

/**
 * Tim SAKIP (realization.verify) or the planning unit (performance.manage) verifies a sent value,
 * which freezes it, or returns it to the unit with a reason. The door checks the right.
 */
export async function reviewUnitRealization(input: z.output<typeof ZReviewUnitRealization>, who: CascadeActor, outer?: DbTx): Promise<{ status: TRealizationStatus }> {
  return inTransaction(outer, async (tx) => {
    const row = await lockRow(tx, who.agencyId, input.rowId);
    if (!row) throw notFoundError(M.rowNotFound);
    const frozen = (await lockPeriodsFrozen(tx, who.agencyId, row.agreement.year, [input.quarter]))[input.quarter - 1]!;
    const current = row.quarters.find((q) => q.quarter === input.quarter);
    const event: TRealizationEvent = input.decision;
    const plan = planRealization({ status: current?.status ?? "NONE", frozen }, event, { comment: input.reason });
    if (!plan.ok) refuse(plan, input.quarter);
    // Maker/checker (decision 055): the row is locked, so nobody fills the quarter meanwhile.
    const makers = (await unitRealizationMakers(tx, who.agencyId, [{ rowId: row.id, quarter: input.quarter }])).get(`${row.id}:${input.quarter}`)!;
    const refusal = realizationReviewRefusal(makers, who.actor.id, await allowsSelfApproval(tx, who.agencyId));
    if (refusal) throw forbiddenError(refusal);
    const verify = plan.to === "VERIFIED";
    const updated = await tx.unitAgreementQuarter.updateMany({
      where: { rowId: row.id, quarter: input.quarter, status: current!.status, updatedAt: current!.updatedAt },
      data: { status: plan.to, verifiedById: who.actor.id, verifiedAt: new Date(), returnReason: verify ? null : input.reason },
    });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      {
        action: verify ? "cascade.unit_realization_verify" : "cascade.unit_realization_return",
        entityType: "UnitAgreementRow",
        entityId: row.id,
        data: {
          year: row.agreement.year,
          unitName: row.agreement.unitName,
          name: row.name,
          changes: { [`status TW ${input.quarter}`]: { before: current!.status, after: plan.to } },
          ...(input.reason ? { reason: input.reason } : {}),
        },
      },
      who,
    );
    return { status: plan.to };
  });
}

/**
 * Whether a unit realization takes evidence now, for the upload path (lib/storage/service.ts):
 * the row is this agency's, the uploader is of its unit (or the planning unit), and the workflow
 * lets it ATTACH (a draft or a returned value of a quarter not archived). With `lock`, the
 * quarter row is share-locked first, so a submit or a review meanwhile is waited for and seen.
 */
export async function assertUnitRealizationAttachable(
  tx: DbTx,
  who: { agencyId: string; unitIds: readonly string[]; manages: boolean },
  target: { unitRowId: string; quarter: number },
  { lock }: { lock: boolean },
): Promise<void> {
  if (lock) {
    await tx.$queryRaw`SELECT q."rowId" FROM "UnitAgreementQuarter" q JOIN "UnitAgreementRow" r ON r."id" = q."rowId"
      WHERE q."rowId" = ${target.unitRowId} AND q."quarter" = ${target.quarter} AND r."agencyId" = ${who.agencyId} FOR SHARE OF q`;
  }
  const quarter = await tx.unitAgreementQuarter.findFirst({
    where: { rowId: target.unitRowId, quarter: target.quarter, row: { agencyId: who.agencyId } },
    select: { status: true, row: { select: { agreement: { select: { year: true, unitId: true } } } } },
  });
  if (!quarter) throw notFoundError(M.rowNotFound);
  if (!who.manages && !who.unitIds.includes(quarter.row.agreement.unitId)) throw forbiddenError(M.notUnitMember);
  const frozen = (await lockPeriodsFrozen(tx, who.agencyId, quarter.row.agreement.year, [target.quarter]))[target.quarter - 1]!;
  const plan = planRealization({ status: quarter.status, frozen }, "ATTACH");
  if (!plan.ok) throw conflictError(plan.code === "FROZEN" ? M.quarterFrozen(target.quarter) : UR.lockedNote);
}
