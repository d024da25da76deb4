import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { measuresPerformance } from "@/lib/sop/measures-performance";

import { FOLLOWUP_MESSAGES as M } from "./messages";
import { ZCloseFollowUp, ZCreateFollowUp, ZReopenFollowUp, ZUpdateFollowUp, type TCloseFollowUp, type TCreateFollowUp, type TReopenFollowUp, type TUpdateFollowUp } from "./schemas";
import { planFollowUp, type TFollowUpActor, type TFollowUpEvent, type TFollowUpStatus } from "./workflow";

/**
 * Who acts on a follow-up. `manages`: the agency's performance managers (ADMIN and the
 * roles designated for performance.manage); `roleIds`: the roles held now, which make
 * their holder an evaluator when one leads the meeting step of an Evaluasi Kinerja
 * Internal SOP (decision 025). The user's units are read here, inside the transaction.
 */
export interface FollowUpActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  roleIds: readonly string[];
  manages: boolean;
  now?: Date;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Whether the actor may create, edit and reopen follow-ups: a performance manager, or a
 * holder of the executor role of the meeting step of an SOP that does not measure
 * performance (an Evaluasi Kinerja Internal): the cycle's pinned SOP version for an item
 * bound to a cycle, any ACTIVE such SOP for the others.
 */
export async function isFollowUpManager(tx: DbTx, who: Pick<FollowUpActor, "agencyId" | "roleIds" | "manages">, sopId: string | null): Promise<boolean> {
  if (who.manages) return true;
  if (who.roleIds.length === 0) return false;
  const sops = await tx.sop.findMany({
    where: {
      agencyId: who.agencyId,
      ...(sopId ? { id: sopId } : { status: "ACTIVE" }),
      steps: { some: { kind: "MEETING", executorRoleId: { in: [...who.roleIds] } } },
    },
    select: { measuresPerformance: true, steps: { select: { kind: true } } },
  });
  return sops.some((s) => !measuresPerformance(s));
}

/** The units the user works in now (active memberships). */
async function unitIdsOf(tx: DbTx, agencyId: string, userId: string, now: Date): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { agencyId, userId, active: true, unitId: { not: null }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    select: { unitId: true },
  });
  return [...new Set(rows.map((r) => r.unitId!))];
}

async function activeUnit(tx: DbTx, agencyId: string, unitId: string) {
  const unit = await tx.orgUnit.findFirst({ where: { id: unitId, agencyId, active: true }, select: { id: true, name: true } });
  // Another agency's unit, or none: not found, with the field named.
  if (!unit) throw new AppError(M.unitNotFound, "NOT_FOUND", { unitId: [M.unitNotFound] });
  return unit;
}

/** The item, row-locked, with what every transition needs; another agency's id is "not found". */
async function lockItem(tx: DbTx, agencyId: string, followUpId: string) {
  await tx.$queryRaw`SELECT "id" FROM "FollowUp" WHERE "id" = ${followUpId} AND "agencyId" = ${agencyId} FOR UPDATE`;
  const item = await tx.followUp.findFirst({
    where: { id: followUpId, agencyId },
    select: {
      id: true,
      status: true,
      recommendation: true,
      unitId: true,
      dueDate: true,
      unit: { select: { name: true } },
      cycle: { select: { sopId: true } },
      _count: { select: { files: true } },
    },
  });
  if (!item) throw notFoundError(M.notFound);
  return item;
}

type TItem = Awaited<ReturnType<typeof lockItem>>;

async function actorsFor(tx: DbTx, who: FollowUpActor, item: Pick<TItem, "unitId" | "cycle">): Promise<TFollowUpActor[]> {
  // One after the other: a transaction runs one statement at a time.
  const manager = await isFollowUpManager(tx, who, item.cycle?.sopId ?? null);
  const units = await unitIdsOf(tx, who.agencyId, who.actor.id, who.now ?? new Date());
  return [...(manager ? (["MANAGER"] as const) : []), ...(units.includes(item.unitId) ? (["OWNER"] as const) : [])];
}

function assertPlan(item: TItem, event: TFollowUpEvent, actors: TFollowUpActor[]): TFollowUpStatus {
  const plan = planFollowUp(item.status, event, actors);
  if (plan.ok) return plan.to;
  if (plan.code === "WRONG_STATUS") throw conflictError(item.status === "DONE" ? M.alreadyDone : M.notDone);
  throw forbiddenError(event === "CLOSE" ? M.notOwner(item.unit.name) : M.notManager);
}

/** Where an LKE follow-up came from: a reviewer's note on a criterion (checked by lib/lke before calling). */
export interface TFollowUpLkeOrigin {
  evaluationId: string;
  criterionCode: string;
}

/**
 * A follow-up, from an evaluation cycle of the agency (source CYCLE), from a reviewer's
 * note on the LKE (source LKE: `lke`, given only by lib/lke/service.ts) or typed in (MANUAL).
 */
export async function createFollowUp(raw: TCreateFollowUp, who: FollowUpActor, outer?: DbTx, lke?: TFollowUpLkeOrigin): Promise<{ id: string }> {
  const input = ZCreateFollowUp.parse(raw);
  return inTransaction(outer, async (tx) => {
    let sopId: string | null = null;
    if (input.cycleId) {
      const cycle = await tx.measurementCycle.findFirst({
        where: { id: input.cycleId, agencyId: who.agencyId },
        select: { sopId: true, sop: { select: { measuresPerformance: true, steps: { select: { kind: true } } } } },
      });
      if (!cycle) throw notFoundError(M.cycleNotFound);
      if (measuresPerformance(cycle.sop)) throw invalidError(M.cycleMeasures, { cycleId: [M.cycleMeasures] });
      sopId = cycle.sopId;
    }
    if (!(await isFollowUpManager(tx, who, sopId))) throw forbiddenError(M.notManager);
    const unit = await activeUnit(tx, who.agencyId, input.unitId);
    const source = lke ? "LKE" : input.cycleId ? "CYCLE" : "MANUAL";
    const row = await tx.followUp.create({
      data: {
        agencyId: who.agencyId,
        source,
        cycleId: input.cycleId,
        lkeEvaluationId: lke?.evaluationId ?? null,
        lkeCriterionCode: lke?.criterionCode ?? null,
        recommendation: input.recommendation,
        unitId: unit.id,
        dueDate: toDate(input.dueDate),
        createdById: who.actor.id,
        ...(who.now ? { createdAt: who.now } : {}),
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "followup.create",
        entityType: "FollowUp",
        entityId: row.id,
        data: {
          recommendation: input.recommendation,
          unitId: unit.id,
          unitName: unit.name,
          dueDate: input.dueDate,
          source,
          cycleId: input.cycleId,
          ...(lke ? { lkeCriterionCode: lke.criterionCode } : {}),
        },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
    return row;
  });
}

/** Edits an open item's text, unit or due date (managers). */
export async function updateFollowUp(raw: TUpdateFollowUp, who: FollowUpActor, outer?: DbTx): Promise<void> {
  const input = ZUpdateFollowUp.parse(raw);
  await inTransaction(outer, async (tx) => {
    const item = await lockItem(tx, who.agencyId, input.followUpId);
    assertPlan(item, "EDIT", await actorsFor(tx, who, item));
    const unit = input.unitId === item.unitId ? { id: item.unitId, name: item.unit.name } : await activeUnit(tx, who.agencyId, input.unitId);
    const changes: Record<string, { before: string; after: string }> = {};
    if (input.recommendation !== item.recommendation) changes.recommendation = { before: item.recommendation, after: input.recommendation };
    if (unit.id !== item.unitId) changes.unit = { before: item.unit.name, after: unit.name };
    if (input.dueDate !== isoOf(item.dueDate)) changes.dueDate = { before: isoOf(item.dueDate), after: input.dueDate };
    if (Object.keys(changes).length === 0) return;
    await tx.followUp.update({
      where: { id: item.id },
      data: { recommendation: input.recommendation, unitId: unit.id, dueDate: toDate(input.dueDate) },
    });
    await recordAudit(
      tx,
      { action: "followup.update", entityType: "FollowUp", entityId: item.id, data: { recommendation: input.recommendation, changes } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/**
 * Closes an open item: a member of its owner unit (or a manager), with a note and at
 * least one attached evidence file, or an explicit reason for having none.
 */
export async function closeFollowUp(raw: TCloseFollowUp, who: FollowUpActor, outer?: DbTx): Promise<void> {
  const input = ZCloseFollowUp.parse(raw);
  await inTransaction(outer, async (tx) => {
    const item = await lockItem(tx, who.agencyId, input.followUpId);
    assertPlan(item, "CLOSE", await actorsFor(tx, who, item));
    const files = item._count.files;
    if (files === 0 && !input.noFile) throw invalidError(M.evidenceRequired, { files: [M.evidenceRequired] });
    const noFileReason = files === 0 ? input.noFileReason : null;
    const now = who.now ?? new Date();
    const { count } = await tx.followUp.updateMany({
      where: { id: item.id, agencyId: who.agencyId, status: "OPEN" },
      data: { status: "DONE", closeNote: input.note, noFileReason, closedAt: now, closedById: who.actor.id },
    });
    if (count !== 1) throw conflictError(M.changedMeanwhile);
    await recordAudit(
      tx,
      { action: "followup.close", entityType: "FollowUp", entityId: item.id, data: { recommendation: item.recommendation, note: input.note, files, noFileReason } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/** Reopens a finished item with a reason (managers); the closing stays in the audit trail. */
export async function reopenFollowUp(raw: TReopenFollowUp, who: FollowUpActor, outer?: DbTx): Promise<void> {
  const input = ZReopenFollowUp.parse(raw);
  await inTransaction(outer, async (tx) => {
    const item = await lockItem(tx, who.agencyId, input.followUpId);
    assertPlan(item, "REOPEN", await actorsFor(tx, who, item));
    const { count } = await tx.followUp.updateMany({
      where: { id: item.id, agencyId: who.agencyId, status: "DONE" },
      data: {
        status: "OPEN",
        reopenReason: input.reason,
        reopenedAt: who.now ?? new Date(),
        reopenedById: who.actor.id,
        closeNote: null,
        noFileReason: null,
        closedAt: null,
        closedById: null,
      },
    });
    if (count !== 1) throw conflictError(M.changedMeanwhile);
    await recordAudit(
      tx,
      { action: "followup.reopen", entityType: "FollowUp", entityId: item.id, data: { recommendation: item.recommendation, reason: input.reason } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/**
 * For the storage layer: evidence may be attached to an open item by whoever may close
 * it. Locks the row for share (`lock`), like every other upload target, so a close that
 * commits meanwhile is seen.
 */
export async function assertFollowUpAttachable(
  tx: DbTx,
  who: Pick<FollowUpActor, "agencyId" | "roleIds" | "manages"> & { userId: string },
  followUpId: string,
  { lock }: { lock: boolean },
): Promise<void> {
  if (lock) await tx.$queryRaw`SELECT "id" FROM "FollowUp" WHERE "id" = ${followUpId} AND "agencyId" = ${who.agencyId} FOR SHARE`;
  const item = await tx.followUp.findFirst({
    where: { id: followUpId, agencyId: who.agencyId },
    select: { status: true, unitId: true, unit: { select: { name: true } }, cycle: { select: { sopId: true } } },
  });
  if (!item) throw notFoundError(M.notFound);
  if (item.status !== "OPEN") throw conflictError(M.alreadyDone);
  const manager = await isFollowUpManager(tx, who, item.cycle?.sopId ?? null);
  const units = await unitIdsOf(tx, who.agencyId, who.userId, new Date());
  if (!manager && !units.includes(item.unitId)) throw forbiddenError(M.notOwner(item.unit.name));
}
