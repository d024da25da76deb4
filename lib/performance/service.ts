import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

import { PERFORMANCE_MESSAGES as M, type ZAgreementInput, type ZBudgetSave, type ZRealizationReview, type ZRealizationSave } from "./schemas";
import type { z } from "zod";

export interface PerformanceActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  /** The organisational units the actor works in (from their memberships). */
  unitIds: string[];
}

const PERIOD_OF_QUARTER = { 1: "TW1", 2: "TW2", 3: "TW3", 4: "TW4" } as const;

/** A period is frozen once a measurement cycle of it has been completed (its archive step done). */
export async function isPeriodFrozen(tx: DbTx, agencyId: string, year: number, quarter: number): Promise<boolean> {
  const period = PERIOD_OF_QUARTER[quarter as 1 | 2 | 3 | 4];
  const completed = await tx.measurementCycle.count({ where: { agencyId, year, period, status: "COMPLETED" } });
  return completed > 0;
}

/** Which quarters of a year are frozen (see isPeriodFrozen), in one statement: [TW I, TW II, TW III, TW IV]. */
export async function frozenQuarters(tx: DbTx, agencyId: string, year: number): Promise<boolean[]> {
  const rows = await tx.measurementCycle.findMany({
    where: { agencyId, year, period: { in: Object.values(PERIOD_OF_QUARTER) }, status: "COMPLETED" },
    select: { period: true },
    distinct: ["period"],
  });
  const done = new Set<string>(rows.map((r) => r.period));
  return Object.values(PERIOD_OF_QUARTER).map((period) => done.has(period));
}

/** Indicators of the year's PK whose realization of the quarter is not yet submitted (or verified). */
export async function pendingRealizations(tx: DbTx, agencyId: string, year: number, quarter: number): Promise<number | null> {
  const agreement = await tx.performanceAgreement.findUnique({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
  if (!agreement) return null;
  const [indicators, done] = await Promise.all([
    tx.indicator.count({ where: { agencyId, goal: { agreementId: agreement.id } } }),
    tx.realization.count({ where: { agencyId, year, quarter, status: { in: ["SUBMITTED", "VERIFIED"] }, indicator: { goal: { agreementId: agreement.id } } } }),
  ]);
  return indicators - done;
}

/**
 * Saves the year's Perjanjian Kinerja with its sasaran, indicators, quarterly
 * targets and programs, matched by code so realizations keep their indicator.
 * Indicators or programs that disappear are removed unless they already hold data.
 */
export async function saveAgreement(input: z.output<typeof ZAgreementInput>, { agencyId, actor, meta }: Omit<PerformanceActor, "unitIds">) {
  return db.$transaction(async (tx) => {
    const unitRows = await tx.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true, active: true } });
    const units = new Map(unitRows.map((u) => [u.name, u.id]));
    const inactive = new Set(unitRows.filter((u) => !u.active).map((u) => u.id));
    // The units the agency manages (lib/unit): a deactivated unit takes no new indicator, but one it already
    // holds in this PK stays with it (saving an older PK again must not fail).
    const current = await tx.indicator.findMany({
      where: { agencyId, goal: { agreement: { year: input.year } } },
      select: { code: true, orgUnitId: true },
    });
    const heldBefore = new Set(current.map((i) => `${i.code}\u0000${i.orgUnitId}`));
    const fieldErrors: Record<string, string[]> = {};
    input.goals.forEach((g, gi) =>
      g.indicators.forEach((ind, ii) => {
        const unitId = units.get(ind.orgUnit);
        if (!unitId) fieldErrors[`goals.${gi}.indicators.${ii}.orgUnit`] = [M.unknownUnit(ind.orgUnit)];
        else if (inactive.has(unitId) && !heldBefore.has(`${ind.code}\u0000${unitId}`)) {
          fieldErrors[`goals.${gi}.indicators.${ii}.orgUnit`] = [M.inactiveUnit(ind.orgUnit)];
        }
      }),
    );
    if (Object.keys(fieldErrors).length) throw invalidError(Object.values(fieldErrors)[0]![0]!, fieldErrors);

    const header = {
      signedAt: input.signedAt ? new Date(`${input.signedAt}T00:00:00.000Z`) : null,
      firstPartyName: input.firstPartyName,
      firstPartyJabatan: input.firstPartyJabatan,
      firstPartyNip: input.firstPartyNip,
      secondPartyName: input.secondPartyName,
      secondPartyJabatan: input.secondPartyJabatan,
    };
    const agreement = await tx.performanceAgreement.upsert({
      where: { agencyId_year: { agencyId, year: input.year } },
      create: { agencyId, year: input.year, ...header },
      update: header,
      select: { id: true },
    });

    const keepIndicatorIds: string[] = [];
    const keepGoalIds: string[] = [];
    for (const [gi, g] of input.goals.entries()) {
      const goal = await tx.strategicGoal.upsert({
        where: { agreementId_code: { agreementId: agreement.id, code: g.code } },
        create: { agencyId, agreementId: agreement.id, code: g.code, name: g.name, sortOrder: gi },
        update: { name: g.name, sortOrder: gi },
        select: { id: true },
      });
      keepGoalIds.push(goal.id);
      for (const [ii, ind] of g.indicators.entries()) {
        const data = {
          name: ind.name,
          unit: ind.unit,
          polarity: ind.polarity,
          targetType: ind.targetType,
          aggregation: ind.aggregation,
          orgUnitId: units.get(ind.orgUnit)!,
          definition: ind.definition,
          formula: ind.formula,
          targetValue: ind.targetValue,
          targetMin: ind.targetMin,
          targetMax: ind.targetMax,
          sortOrder: ii,
        };
        // Matched by code within the agreement, even if it moved to another sasaran.
        const existing = await tx.indicator.findFirst({ where: { agencyId, code: ind.code, goal: { agreementId: agreement.id } }, select: { id: true } });
        const saved = existing
          ? await tx.indicator.update({ where: { id: existing.id }, data: { ...data, goalId: goal.id }, select: { id: true } })
          : await tx.indicator.create({ data: { ...data, agencyId, goalId: goal.id, code: ind.code }, select: { id: true } });
        keepIndicatorIds.push(saved.id);
        for (const [qi, q] of ind.quarters.entries()) {
          await tx.quarterTarget.upsert({
            where: { indicatorId_quarter: { indicatorId: saved.id, quarter: qi + 1 } },
            create: { indicatorId: saved.id, quarter: qi + 1, ...q },
            update: q,
          });
        }
      }
    }
    const removed = await tx.indicator.findMany({
      where: { agencyId, goal: { agreementId: agreement.id }, id: { notIn: keepIndicatorIds } },
      select: { id: true, code: true, _count: { select: { realizations: true } } },
    });
    const inUse = removed.filter((r) => r._count.realizations > 0);
    if (inUse.length) throw invalidError(M.indicatorsInUse(inUse.map((r) => r.code).join(", ")));
    await tx.indicator.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
    await tx.strategicGoal.deleteMany({ where: { agreementId: agreement.id, id: { notIn: keepGoalIds } } });

    const keepPrograms: string[] = [];
    for (const [pi, p] of input.programs.entries()) {
      const program = await tx.program.upsert({
        where: { agreementId_code: { agreementId: agreement.id, code: p.code } },
        create: { agencyId, agreementId: agreement.id, code: p.code, name: p.name, sortOrder: pi },
        update: { name: p.name, sortOrder: pi },
        select: { id: true },
      });
      keepPrograms.push(program.id);
      for (const [qi, pagu] of p.pagu.entries()) {
        await tx.programQuarter.upsert({
          where: { programId_quarter: { programId: program.id, quarter: qi + 1 } },
          create: { programId: program.id, quarter: qi + 1, pagu: pagu ?? "0" },
          update: { pagu: pagu ?? "0" },
        });
      }
    }
    await tx.program.deleteMany({ where: { agreementId: agreement.id, id: { notIn: keepPrograms } } });

    await recordAudit(
      tx,
      {
        action: "agreement.save",
        entityType: "PerformanceAgreement",
        entityId: agreement.id,
        data: {
          year: input.year,
          goals: input.goals.length,
          indicators: keepIndicatorIds.length,
          programs: input.programs.length,
        },
      },
      { agencyId, actor, meta },
    );
    return { id: agreement.id };
  });
}

/**
 * A Bidang saves (and optionally submits) the realization of one of its own
 * indicators for a quarter. Draft and returned values can be changed;
 * submitted and verified ones cannot, and nothing of a frozen period can.
 */
export async function saveRealization(input: z.output<typeof ZRealizationSave>, ctx: PerformanceActor) {
  try {
    return await saveRealizationOnce(input, ctx);
  } catch (error) {
    // Two first saves of the same indicator and quarter at once: the other one created the row first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflictError();
    throw error;
  }
}

async function saveRealizationOnce(input: z.output<typeof ZRealizationSave>, ctx: PerformanceActor) {
  return db.$transaction(async (tx) => {
    const indicator = await tx.indicator.findFirst({
      where: { id: input.indicatorId, agencyId: ctx.agencyId, goal: { agreement: { year: input.year } } },
      select: { id: true, code: true, orgUnitId: true },
    });
    if (!indicator) throw notFoundError(M.notFound);
    if (!ctx.unitIds.includes(indicator.orgUnitId)) throw forbiddenError(M.notYourUnit);
    if (await isPeriodFrozen(tx, ctx.agencyId, input.year, input.quarter)) throw invalidError(M.frozen);
    if (input.submit && input.value === null) throw invalidError(M.valueRequired, { value: [M.valueRequired] });

    const existing = await tx.realization.findUnique({
      where: { indicatorId_year_quarter: { indicatorId: indicator.id, year: input.year, quarter: input.quarter } },
      select: { id: true, status: true, value: true, updatedAt: true },
    });
    if (existing && existing.status !== "DRAFT" && existing.status !== "RETURNED") throw invalidError(M.notEditable);
    const status = input.submit ? "SUBMITTED" : (existing?.status ?? "DRAFT");
    const data = {
      value: input.value,
      faktorPendorong: input.faktorPendorong,
      faktorPenghambat: input.faktorPenghambat,
      tindakLanjut: input.tindakLanjut,
      status,
      filledById: ctx.actor.id,
      ...(input.submit ? { submittedAt: new Date() } : {}),
    } as const;
    let id: string;
    if (existing) {
      // Guarded: a concurrent submit or verification makes this a no-op.
      const updated = await tx.realization.updateMany({
        where: { id: existing.id, status: existing.status, updatedAt: existing.updatedAt },
        data,
      });
      if (updated.count !== 1) throw conflictError();
      id = existing.id;
    } else {
      id = (
        await tx.realization.create({
          data: { ...data, agencyId: ctx.agencyId, indicatorId: indicator.id, year: input.year, quarter: input.quarter },
          select: { id: true },
        })
      ).id;
    }
    await recordAudit(
      tx,
      {
        action: input.submit ? "realization.submit" : "realization.save",
        entityType: "Realization",
        entityId: id,
        data: {
          indicatorId: indicator.id,
          code: indicator.code,
          year: input.year,
          quarter: input.quarter,
          value: { before: existing?.value?.toString() ?? null, after: input.value },
          status: { before: existing?.status ?? null, after: status },
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
    return { id, status };
  });
}

/** Tim SAKIP verifies a submitted value, or returns it to the Bidang with a reason. */
export async function reviewRealization(input: z.output<typeof ZRealizationReview>, ctx: Omit<PerformanceActor, "unitIds">) {
  if (input.decision === "RETURN" && !input.reason) throw invalidError(M.reasonRequired, { reason: [M.reasonRequired] });
  return db.$transaction(async (tx) => {
    const realization = await tx.realization.findFirst({
      where: { id: input.realizationId, agencyId: ctx.agencyId },
      select: { id: true, year: true, quarter: true, status: true, value: true, indicator: { select: { id: true, code: true } } },
    });
    if (!realization) throw notFoundError(M.notFound);
    if (await isPeriodFrozen(tx, ctx.agencyId, realization.year, realization.quarter)) throw invalidError(M.frozen);
    if (realization.status !== "SUBMITTED") throw invalidError(M.notSubmitted);
    const verify = input.decision === "VERIFY";
    const updated = await tx.realization.updateMany({
      where: { id: realization.id, status: "SUBMITTED" },
      data: verify
        ? { status: "VERIFIED", verifiedById: ctx.actor.id, verifiedAt: new Date(), returnReason: null }
        : { status: "RETURNED", returnReason: input.reason, verifiedById: ctx.actor.id, verifiedAt: new Date() },
    });
    if (updated.count !== 1) throw conflictError();
    await recordAudit(
      tx,
      {
        action: verify ? "realization.verify" : "realization.return",
        entityType: "Realization",
        entityId: realization.id,
        data: {
          indicatorId: realization.indicator.id,
          code: realization.indicator.code,
          year: realization.year,
          quarter: realization.quarter,
          value: { before: realization.value?.toString() ?? null, after: realization.value?.toString() ?? null },
          status: { before: "SUBMITTED", after: verify ? "VERIFIED" : "RETURNED" },
          reason: input.reason,
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}

/** Budget realization of a program for a quarter (Realisasi Anggaran). */
export async function saveBudgetRealization(input: z.output<typeof ZBudgetSave>, ctx: Omit<PerformanceActor, "unitIds">) {
  return db.$transaction(async (tx) => {
    const program = await tx.program.findFirst({
      where: { id: input.programId, agencyId: ctx.agencyId },
      select: { id: true, code: true, agreement: { select: { year: true } }, quarters: { where: { quarter: input.quarter }, select: { realization: true } } },
    });
    if (!program || program.quarters.length === 0) throw notFoundError(M.notFound);
    if (await isPeriodFrozen(tx, ctx.agencyId, program.agreement.year, input.quarter)) throw invalidError(M.frozen);
    await tx.programQuarter.update({
      where: { programId_quarter: { programId: program.id, quarter: input.quarter } },
      data: { realization: input.realization },
    });
    await recordAudit(
      tx,
      {
        action: "budget.save",
        entityType: "Program",
        entityId: program.id,
        data: {
          code: program.code,
          year: program.agreement.year,
          quarter: input.quarter,
          realization: { before: program.quarters[0]!.realization?.toString() ?? null, after: input.realization },
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}
