import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

import { openCrosscutCount } from "./crosscut";
import { levelNeedsUnit, parentLevelOf, periodYears, type TCascadeLevel } from "./levels";
import { CASCADE_MESSAGES as M, CROSSCUT_MESSAGES } from "./messages";
import {
  ZCreateNode,
  ZCreatePeriod,
  ZDeleteIndicator,
  ZDeleteNode,
  ZSaveIndicator,
  ZUpdateNode,
  type TCreateNode,
  type TCreatePeriod,
  type TSaveIndicator,
  type TUpdateNode,
} from "./schemas";

/**
 * The pohon kinerja (decision 029). The door (`performance.manage`) decides who edits; the
 * service keeps the tree's rules: every id inside the caller's agency, a node only under the
 * level right above it, unit-level nodes with an active unit of the agency, an indicator linked
 * only to an indicator of its parent node, and no delete that would orphan anything. Tree
 * changes row-lock what they hang on (a parent FOR SHARE, a deleted row FOR UPDATE), so a
 * child added meanwhile is seen by the delete's count instead of breaking a foreign key.
 */
export interface CascadeActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

const YEARS_PER_PERIOD = 5;
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
const audit = (who: CascadeActor) => ({ agencyId: who.agencyId, actor: who.actor, meta: who.meta });

/** A Renstra period of five years from `startYear`; never overlapping another of the agency. */
export async function createPeriod(raw: TCreatePeriod, who: CascadeActor, outer?: DbTx): Promise<{ id: string; startYear: number; endYear: number }> {
  const input = ZCreatePeriod.parse(raw);
  const startYear = input.startYear;
  const endYear = startYear + YEARS_PER_PERIOD - 1;
  try {
    return await inTransaction(outer, async (tx) => {
      // Two overlapping periods created at once would each miss the other: serialize per agency.
      // No row to lock yet, so a transaction-scoped advisory lock on the agency's key.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`renstra:${who.agencyId}`}))::text`;
      const overlapping = await tx.renstraPeriod.findFirst({
        where: { agencyId: who.agencyId, startYear: { lte: endYear }, endYear: { gte: startYear } },
        select: { startYear: true, endYear: true },
      });
      if (overlapping) {
        const message = overlapping.startYear === startYear ? M.periodExists : M.periodOverlaps(M.periodLabel(overlapping.startYear, overlapping.endYear));
        throw invalidError(message, { startYear: [message] });
      }
      const row = await tx.renstraPeriod.create({ data: { agencyId: who.agencyId, startYear, endYear }, select: { id: true, startYear: true, endYear: true } });
      await recordAudit(tx, { action: "cascade.period_create", entityType: "RenstraPeriod", entityId: row.id, data: { startYear, endYear } }, audit(who));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidError(M.periodExists, { startYear: [M.periodExists] });
    throw error;
  }
}

/** The responsible unit a level allows: none at the agency level, an active unit of the agency below it. */
async function unitFor(tx: DbTx, agencyId: string, level: TCascadeLevel, unitId: string | null): Promise<{ id: string; name: string } | null> {
  const label = M.level[level];
  if (!levelNeedsUnit(level)) {
    if (unitId) throw invalidError(M.unitAgencyLevel(label), { unitId: [M.unitAgencyLevel(label)] });
    return null;
  }
  if (!unitId) throw invalidError(M.unitRequired(label), { unitId: [M.unitRequired(label)] });
  const unit = await tx.orgUnit.findFirst({ where: { id: unitId, agencyId, active: true }, select: { id: true, name: true } });
  if (!unit) throw new AppError(M.unitNotFound, "NOT_FOUND", { unitId: [M.unitNotFound] });
  return unit;
}

async function lockNode(tx: DbTx, agencyId: string, nodeId: string, mode: "share" | "update") {
  if (mode === "share") await tx.$queryRaw`SELECT "id" FROM "CascadeNode" WHERE "id" = ${nodeId} AND "agencyId" = ${agencyId} FOR SHARE`;
  else await tx.$queryRaw`SELECT "id" FROM "CascadeNode" WHERE "id" = ${nodeId} AND "agencyId" = ${agencyId} FOR UPDATE`;
  return tx.cascadeNode.findFirst({
    where: { id: nodeId, agencyId },
    select: {
      id: true,
      periodId: true,
      parentId: true,
      level: true,
      statement: true,
      unitId: true,
      unit: { select: { name: true } },
      period: { select: { startYear: true, endYear: true } },
    },
  });
}

/** A node of `level` under `parentId` (none for a Tujuan), in a period of the agency. */
export async function createNode(raw: TCreateNode, who: CascadeActor, outer?: DbTx): Promise<{ id: string }> {
  const input = ZCreateNode.parse(raw);
  return inTransaction(outer, async (tx) => {
    const period = await tx.renstraPeriod.findFirst({ where: { id: input.periodId, agencyId: who.agencyId }, select: { id: true } });
    if (!period) throw notFoundError(M.periodNotFound);
    const expected = parentLevelOf(input.level);
    const label = M.level[input.level];
    if (expected === null && input.parentId) throw invalidError(M.topOnly, { parentId: [M.topOnly] });
    if (expected !== null) {
      if (!input.parentId) throw invalidError(M.wrongParent(label, M.level[expected]), { parentId: [M.wrongParent(label, M.level[expected])] });
      const parent = await lockNode(tx, who.agencyId, input.parentId, "share");
      if (!parent || parent.periodId !== period.id) throw notFoundError(M.parentNotFound);
      if (parent.level !== expected) throw invalidError(M.wrongParent(label, M.level[expected]), { parentId: [M.wrongParent(label, M.level[expected])] });
    }
    const unit = await unitFor(tx, who.agencyId, input.level, input.unitId);
    const last = await tx.cascadeNode.aggregate({ where: { agencyId: who.agencyId, periodId: period.id, parentId: input.parentId }, _max: { sortOrder: true } });
    const row = await tx.cascadeNode.create({
      data: {
        agencyId: who.agencyId,
        periodId: period.id,
        parentId: input.parentId,
        level: input.level,
        statement: input.statement,
        unitId: unit?.id ?? null,
        sortOrder: (last._max.sortOrder ?? -1) + 1,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "cascade.node_create",
        entityType: "CascadeNode",
        entityId: row.id,
        data: { periodId: period.id, level: input.level, statement: input.statement, parentId: input.parentId, unitName: unit?.name ?? null },
      },
      audit(who),
    );
    return row;
  });
}

/** A node's statement and responsible unit. */
export async function updateNode(raw: TUpdateNode, who: CascadeActor, outer?: DbTx): Promise<void> {
  const input = ZUpdateNode.parse(raw);
  await inTransaction(outer, async (tx) => {
    const node = await lockNode(tx, who.agencyId, input.nodeId, "update");
    if (!node) throw notFoundError(M.nodeNotFound);
    const unit = await unitFor(tx, who.agencyId, node.level, input.unitId);
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    if (input.statement !== node.statement) changes.statement = { before: node.statement, after: input.statement };
    if ((unit?.id ?? null) !== node.unitId) changes.unit = { before: node.unit?.name ?? null, after: unit?.name ?? null };
    if (Object.keys(changes).length === 0) return;
    await tx.cascadeNode.update({ where: { id: node.id }, data: { statement: input.statement, unitId: unit?.id ?? null } });
    await recordAudit(
      tx,
      {
        action: "cascade.node_update",
        entityType: "CascadeNode",
        entityId: node.id,
        data: { periodId: node.periodId, level: node.level, statement: input.statement, parentId: node.parentId, unitName: unit?.name ?? null, changes },
      },
      audit(who),
    );
  });
}

/** Deletes a node that has nothing under it: no child node, no indicator. */
export async function deleteNode(raw: { nodeId: string }, who: CascadeActor, outer?: DbTx): Promise<void> {
  const input = ZDeleteNode.parse(raw);
  await inTransaction(outer, async (tx) => {
    const node = await lockNode(tx, who.agencyId, input.nodeId, "update");
    if (!node) throw notFoundError(M.nodeNotFound);
    const children = await tx.cascadeNode.count({ where: { parentId: node.id } });
    if (children > 0) throw conflictError(M.nodeHasChildren(children));
    const indicators = await tx.cascadeIndicator.count({ where: { nodeId: node.id } });
    if (indicators > 0) throw conflictError(M.nodeHasIndicators(indicators));
    const crosscuts = await openCrosscutCount(tx, { targetNodeId: node.id });
    if (crosscuts > 0) throw conflictError(CROSSCUT_MESSAGES.hasOpenLinks(crosscuts));
    await tx.cascadeNode.delete({ where: { id: node.id } });
    await recordAudit(
      tx,
      {
        action: "cascade.node_delete",
        entityType: "CascadeNode",
        entityId: node.id,
        data: { periodId: node.periodId, level: node.level, statement: node.statement, parentId: node.parentId, unitName: node.unit?.name ?? null },
      },
      audit(who),
    );
  });
}

const num = (v: Prisma.Decimal | string | null | undefined) => (v === null || v === undefined ? null : new Prisma.Decimal(v).toString());

/**
 * Creates (no `indicatorId`) or edits an indicator of a node, with its target per year of the
 * period (every year of the period is written; an empty one is "not set"). The link goes only
 * to an indicator of the node's parent.
 */
export async function saveIndicator(raw: TSaveIndicator, who: CascadeActor, outer?: DbTx): Promise<{ id: string }> {
  const input = ZSaveIndicator.parse(raw);
  return inTransaction(outer, async (tx) => {
    const node = await lockNode(tx, who.agencyId, input.nodeId, "share");
    if (!node) throw notFoundError(M.nodeNotFound);
    const years = periodYears(node.period);
    for (const t of input.targets) {
      if (!years.includes(t.year)) throw invalidError(M.targetYearOutside(t.year), { targets: [M.targetYearOutside(t.year)] });
    }
    if (input.parentIndicatorId) {
      if (!node.parentId) throw invalidError(M.topHasNoParentIndicator, { parentIndicatorId: [M.topHasNoParentIndicator] });
      await tx.$queryRaw`SELECT "id" FROM "CascadeIndicator" WHERE "id" = ${input.parentIndicatorId} AND "agencyId" = ${who.agencyId} FOR SHARE`;
      const parent = await tx.cascadeIndicator.findFirst({ where: { id: input.parentIndicatorId, agencyId: who.agencyId, nodeId: node.parentId }, select: { id: true } });
      if (!parent) throw invalidError(M.parentIndicatorNotFound, { parentIndicatorId: [M.parentIndicatorNotFound] });
    }
    const byYear = new Map(input.targets.map((t) => [t.year, t.value]));
    const targets = years.map((year) => ({ year, value: byYear.get(year) ?? null }));
    const fields = { name: input.name, unitOfMeasure: input.unitOfMeasure, polarity: input.polarity, rollUp: input.rollUp, parentIndicatorId: input.parentIndicatorId };
    const data = { nodeId: node.id, name: input.name, rollUp: input.rollUp, parentIndicatorId: input.parentIndicatorId };

    if (!input.indicatorId) {
      const last = await tx.cascadeIndicator.aggregate({ where: { nodeId: node.id }, _max: { sortOrder: true } });
      const row = await tx.cascadeIndicator.create({
        data: { agencyId: who.agencyId, nodeId: node.id, ...fields, sortOrder: (last._max.sortOrder ?? -1) + 1, targets: { create: targets } },
        select: { id: true },
      });
      await recordAudit(tx, { action: "cascade.indicator_create", entityType: "CascadeIndicator", entityId: row.id, data }, audit(who));
      return row;
    }

    await tx.$queryRaw`SELECT "id" FROM "CascadeIndicator" WHERE "id" = ${input.indicatorId} AND "agencyId" = ${who.agencyId} FOR UPDATE`;
    const current = await tx.cascadeIndicator.findFirst({
      where: { id: input.indicatorId, agencyId: who.agencyId, nodeId: node.id },
      select: { id: true, name: true, unitOfMeasure: true, polarity: true, rollUp: true, parentIndicatorId: true, targets: { select: { year: true, value: true } } },
    });
    if (!current) throw notFoundError(M.indicatorNotFound);
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    for (const key of ["name", "unitOfMeasure", "polarity", "rollUp", "parentIndicatorId"] as const) {
      if (current[key] !== fields[key]) changes[key] = { before: current[key], after: fields[key] };
    }
    const before = new Map(current.targets.map((t) => [t.year, num(t.value)]));
    for (const t of targets) {
      const was = before.get(t.year) ?? null;
      const now = num(t.value);
      if (was !== now) changes[`target ${t.year}`] = { before: was, after: now };
    }
    if (Object.keys(changes).length === 0) return { id: current.id };
    await tx.cascadeIndicator.update({ where: { id: current.id }, data: fields });
    await tx.cascadeTarget.deleteMany({ where: { indicatorId: current.id } });
    await tx.cascadeTarget.createMany({ data: targets.map((t) => ({ indicatorId: current.id, ...t })) });
    await recordAudit(tx, { action: "cascade.indicator_update", entityType: "CascadeIndicator", entityId: current.id, data: { ...data, changes } }, audit(who));
    return { id: current.id };
  });
}

/** Deletes an indicator no lower indicator is linked to (its targets go with it). */
export async function deleteIndicator(raw: { indicatorId: string }, who: CascadeActor, outer?: DbTx): Promise<void> {
  const input = ZDeleteIndicator.parse(raw);
  await inTransaction(outer, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "CascadeIndicator" WHERE "id" = ${input.indicatorId} AND "agencyId" = ${who.agencyId} FOR UPDATE`;
    const row = await tx.cascadeIndicator.findFirst({
      where: { id: input.indicatorId, agencyId: who.agencyId },
      select: { id: true, nodeId: true, name: true, rollUp: true, parentIndicatorId: true },
    });
    if (!row) throw notFoundError(M.indicatorNotFound);
    const contributors = await tx.cascadeIndicator.count({ where: { parentIndicatorId: row.id } });
    if (contributors > 0) throw conflictError(M.indicatorHasContributors(contributors));
    const crosscuts = await openCrosscutCount(tx, { sourceIndicatorId: row.id });
    if (crosscuts > 0) throw conflictError(CROSSCUT_MESSAGES.hasOpenLinks(crosscuts));
    await tx.cascadeIndicator.delete({ where: { id: row.id } });
    await recordAudit(
      tx,
      { action: "cascade.indicator_delete", entityType: "CascadeIndicator", entityId: row.id, data: { nodeId: row.nodeId, name: row.name, rollUp: row.rollUp, parentIndicatorId: row.parentIndicatorId } },
      audit(who),
    );
  });
}
