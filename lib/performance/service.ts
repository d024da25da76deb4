import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { completeUnitInputTasks } from "@/lib/cycle/service";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

import { realizationReviewRefusal } from "./maker-checker";
import { agencyRealizationMakers, allowsSelfApproval } from "./maker-checker-queries";
import { diffAgreement, type TAgreementChange, type TStoredAgreement } from "./agreement-diff";
import { PERFORMANCE_MESSAGES as M, type TUnverifiedRealization, type ZAgreementInput, type ZBudgetSave, type ZRealizationReview, type ZRealizationSave } from "./schemas";
import { PLAUSIBILITY_MESSAGES, checkPlausibility, unconfirmedWarnings, type TPlausibilityIndicator } from "./plausibility";
import { fillEvent, planRealization } from "./workflow";
import type { z } from "zod";

export interface PerformanceActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  /** The organisational units the actor works in (from their memberships). */
  unitIds: string[];
}

const PERIOD_OF_QUARTER = { 1: "TW1", 2: "TW2", 3: "TW3", 4: "TW4" } as const;

/** A period is frozen once a measurement cycle of it has been completed (its archive step done). A plain read, for pages. */
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

/**
 * Whether each of the given quarters is frozen, read under a share lock on
 * the cycles of those periods: an archive in progress (its cycle row being
 * completed) is waited for and its outcome seen, and an archive that starts
 * meanwhile waits for this transaction. Every write to a period's data takes
 * it first, inside its transaction, so nothing lands in a period after it
 * was frozen. Indexed by quarter - 1.
 */
export async function lockPeriodsFrozen(tx: DbTx, agencyId: string, year: number, quarters: readonly number[]): Promise<boolean[]> {
  const periods = quarters.map((q) => PERIOD_OF_QUARTER[q as 1 | 2 | 3 | 4]);
  const rows = await tx.$queryRaw<{ period: string; status: string }[]>`
    SELECT "period"::text AS "period", "status"::text AS "status"
    FROM "MeasurementCycle"
    WHERE "agencyId" = ${agencyId} AND "year" = ${year} AND "period"::text IN (${Prisma.join(periods)})
    ORDER BY "id"
    FOR SHARE`;
  const done = new Set(rows.filter((r) => r.status === "COMPLETED").map((r) => r.period));
  return [1, 2, 3, 4].map((q) => done.has(PERIOD_OF_QUARTER[q as 1 | 2 | 3 | 4]));
}

const lockPeriodFrozen = async (tx: DbTx, agencyId: string, year: number, quarter: number) =>
  (await lockPeriodsFrozen(tx, agencyId, year, [quarter]))[quarter - 1]!;

/** Indicators of the year's PK (of one unit, when given) whose realization of the quarter is not yet submitted (or verified). */
export async function pendingRealizations(tx: DbTx, agencyId: string, year: number, quarter: number, unitId?: string | null): Promise<number | null> {
  const agreement = await tx.performanceAgreement.findUnique({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
  if (!agreement) return null;
  const ofUnit = unitId ? { orgUnitId: unitId } : {};
  const [indicators, done] = await Promise.all([
    tx.indicator.count({ where: { agencyId, goal: { agreementId: agreement.id }, ...ofUnit } }),
    tx.realization.count({
      where: { agencyId, year, quarter, status: { in: ["SUBMITTED", "VERIFIED"] }, indicator: { goal: { agreementId: agreement.id }, ...ofUnit } },
    }),
  ]);
  return indicators - done;
}

/**
 * The indicators of the year's PK whose realization of the quarter is not
 * VERIFIED (or missing), by unit and in PK order: what stops a quarter from
 * being archived. Empty when there is no PK.
 */
export async function unverifiedRealizations(tx: DbTx, agencyId: string, year: number, quarter: number): Promise<TUnverifiedRealization[]> {
  const indicators = await tx.indicator.findMany({
    where: { agencyId, goal: { agreement: { agencyId, year } } },
    select: {
      code: true,
      name: true,
      sortOrder: true,
      goal: { select: { sortOrder: true } },
      orgUnit: { select: { name: true, sortOrder: true } },
      realizations: { where: { year, quarter }, select: { status: true } },
    },
  });
  return indicators
    .map((i) => ({ ...i, status: i.realizations[0]?.status ?? ("EMPTY" as const) }))
    .filter((i) => i.status !== "VERIFIED")
    .sort((a, b) => a.orgUnit.sortOrder - b.orgUnit.sortOrder || a.orgUnit.name.localeCompare(b.orgUnit.name, "id") || a.goal.sortOrder - b.goal.sortOrder || a.sortOrder - b.sortOrder)
    .map((i) => ({ code: i.code, name: i.name, unit: i.orgUnit.name, status: i.status as TUnverifiedRealization["status"] }));
}

const LEVEL_ORDER: Record<string, number> = { TUJUAN: 0, SASARAN: 1, PROGRAM: 2, KEGIATAN: 3, SUBKEGIATAN: 4 };

/**
 * The unit PK rows' realizations of a quarter that are not verified (decision 061), as the archive
 * step names them: every row of the year's unit PKs whose quarter holds a value or a Rencana Aksi
 * target (a row with neither has nothing planned nor measured this quarter). By level, unit, row.
 * One statement.
 */
export async function unverifiedUnitRealizations(tx: DbTx, agencyId: string, year: number, quarter: number): Promise<TUnverifiedRealization[]> {
  const quarters = await tx.unitAgreementQuarter.findMany({
    where: {
      quarter,
      status: { not: "VERIFIED" },
      OR: [{ realization: { not: null } }, { target: { not: null } }],
      row: { agencyId, agreement: { agencyId, year } },
    },
    select: {
      status: true,
      realization: true,
      row: { select: { name: true, sortOrder: true, agreement: { select: { level: true, unit: { select: { name: true, sortOrder: true } } } } } },
    },
  });
  return quarters
    .sort(
      (a, b) =>
        (LEVEL_ORDER[a.row.agreement.level] ?? 9) - (LEVEL_ORDER[b.row.agreement.level] ?? 9) ||
        a.row.agreement.unit.sortOrder - b.row.agreement.unit.sortOrder ||
        a.row.agreement.unit.name.localeCompare(b.row.agreement.unit.name, "id") ||
        a.row.sortOrder - b.row.sortOrder,
    )
    .map((q) => ({
      code: q.row.name,
      name: q.row.name,
      unit: q.row.agreement.unit.name,
      status: q.status === "DRAFT" && q.realization === null ? "EMPTY" : (q.status as TUnverifiedRealization["status"]),
      scope: "UNIT" as const,
    }));
}

// ---------------------------------------------------------------------------
// Perjanjian Kinerja
// ---------------------------------------------------------------------------

/** The stored PK in the shape the diff compares (Decimals as strings), with what holds realization data. */
async function loadStoredAgreement(tx: DbTx, agencyId: string, year: number): Promise<TStoredAgreement | null> {
  const agreement = await tx.performanceAgreement.findUnique({
    where: { agencyId_year: { agencyId, year } },
    select: {
      id: true,
      signedAt: true,
      firstPartyName: true,
      firstPartyJabatan: true,
      firstPartyNip: true,
      secondPartyName: true,
      secondPartyJabatan: true,
      goals: {
        select: {
          id: true,
          code: true,
          name: true,
          indicators: {
            select: {
              id: true,
              code: true,
              name: true,
              unit: true,
              polarity: true,
              targetType: true,
              aggregation: true,
              definition: true,
              formula: true,
              targetValue: true,
              targetMin: true,
              targetMax: true,
              orgUnit: { select: { name: true } },
              quarters: { select: { quarter: true, targetValue: true, targetMin: true, targetMax: true } },
              realizations: { select: { quarter: true } },
            },
          },
        },
      },
      programs: { select: { id: true, code: true, name: true, quarters: { select: { quarter: true, pagu: true, realization: true } } } },
    },
  });
  if (!agreement) return null;
  const dec = (v: { toString(): string } | null) => (v === null ? null : v.toString());
  return {
    id: agreement.id,
    header: {
      signedAt: agreement.signedAt ? agreement.signedAt.toISOString().slice(0, 10) : null,
      firstPartyName: agreement.firstPartyName,
      firstPartyJabatan: agreement.firstPartyJabatan,
      firstPartyNip: agreement.firstPartyNip,
      secondPartyName: agreement.secondPartyName,
      secondPartyJabatan: agreement.secondPartyJabatan,
    },
    goals: agreement.goals.map((g) => ({ id: g.id, code: g.code, name: g.name })),
    indicators: agreement.goals.flatMap((g) =>
      g.indicators.map((i) => ({
        id: i.id,
        code: i.code,
        goalCode: g.code,
        name: i.name,
        unit: i.unit,
        polarity: i.polarity,
        targetType: i.targetType,
        aggregation: i.aggregation,
        orgUnit: i.orgUnit.name,
        definition: i.definition,
        formula: i.formula,
        targetValue: dec(i.targetValue),
        targetMin: dec(i.targetMin),
        targetMax: dec(i.targetMax),
        quarters: [1, 2, 3, 4].map((n) => {
          const q = i.quarters.find((x) => x.quarter === n);
          return { targetValue: dec(q?.targetValue ?? null), targetMin: dec(q?.targetMin ?? null), targetMax: dec(q?.targetMax ?? null) };
        }),
        realizedQuarters: [...new Set(i.realizations.map((r) => r.quarter))],
      })),
    ),
    programs: agreement.programs.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      pagu: [1, 2, 3, 4].map((n) => dec(p.quarters.find((q) => q.quarter === n)?.pagu ?? null)),
      realized: p.quarters.some((q) => q.realization !== null),
    })),
  };
}

/**
 * Saves the year's Perjanjian Kinerja with its sasaran, indicators, quarterly
 * targets and programs, matched by code so realizations keep their indicator.
 * Never loses data: an indicator or program that holds realization data is
 * not removed (the save is refused, naming it), a target of an archived
 * quarter does not change, and a target whose quarter holds a realization is
 * not emptied. Programs absent from the input (`programs` undefined: a PK
 * annex without Program/Pagu columns) stay as they are. The audit event lists
 * every change with its old and new value (people's names and NIPs only as
 * "changed").
 */
export async function saveAgreement(input: z.output<typeof ZAgreementInput>, { agencyId, actor, meta }: Omit<PerformanceActor, "unitIds">, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
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

    // Archived quarters, locked until this save commits (an archive in progress is waited for).
    const frozen = await lockPeriodsFrozen(tx, agencyId, input.year, [1, 2, 3, 4]);
    const stored = await loadStoredAgreement(tx, agencyId, input.year);
    const diff = diffAgreement(stored, input, frozen);
    if (diff.indicatorsInUse.length) throw invalidError(M.indicatorsInUse(diff.indicatorsInUse.join(", ")));
    if (diff.programsInUse.length) throw invalidError(M.programsInUse(diff.programsInUse.join(", ")));
    if (diff.frozenTargets.length) throw invalidError(M.frozenTargets(diff.frozenTargets.join("; ")));
    if (diff.targetsInUse.length) throw invalidError(M.targetsInUse(diff.targetsInUse.join("; ")));

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

    const existingIndicators = new Map((stored?.indicators ?? []).map((i) => [i.code, i.id]));
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
        const existingId = existingIndicators.get(ind.code);
        const saved = existingId
          ? await tx.indicator.update({ where: { id: existingId }, data: { ...data, goalId: goal.id }, select: { id: true } })
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
    // What is removed holds no realization (refused above).
    await tx.indicator.deleteMany({ where: { agencyId, goal: { agreementId: agreement.id }, id: { notIn: keepIndicatorIds } } });
    await tx.strategicGoal.deleteMany({ where: { agreementId: agreement.id, id: { notIn: keepGoalIds } } });

    if (input.programs) {
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
      // What is removed holds no budget realization (refused above).
      await tx.program.deleteMany({ where: { agreementId: agreement.id, id: { notIn: keepPrograms } } });
    }
    const programs = await tx.program.count({ where: { agreementId: agreement.id } });

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
          programs,
          changes: diff.changes satisfies TAgreementChange[],
        },
      },
      { agencyId, actor, meta },
    );
    return { id: agreement.id, changes: diff.changes.length };
  });
}

// ---------------------------------------------------------------------------
// Realizations
// ---------------------------------------------------------------------------

/**
 * A Bidang saves (and optionally submits) the realization of one of its own
 * indicators for a quarter. Which statuses may change, and into what, is the
 * realization table's (lib/performance/workflow.ts); nothing of a frozen
 * period can.
 */
export async function saveRealization(input: z.output<typeof ZRealizationSave>, ctx: PerformanceActor, tx?: DbTx) {
  try {
    return await saveRealizationOnce(input, ctx, tx);
  } catch (error) {
    // Two first saves of the same indicator and quarter at once: the other one created the row first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflictError();
    throw error;
  }
}

async function saveRealizationOnce(input: z.output<typeof ZRealizationSave>, ctx: PerformanceActor, outer?: DbTx) {
  return inTransaction(outer, async (tx) => {
    const indicator = await tx.indicator.findFirst({
      where: { id: input.indicatorId, agencyId: ctx.agencyId, goal: { agreement: { year: input.year } } },
      select: {
        id: true,
        code: true,
        orgUnitId: true,
        unit: true,
        polarity: true,
        targetType: true,
        aggregation: true,
        targetValue: true,
        targetMin: true,
        targetMax: true,
        quarters: { select: { quarter: true, targetValue: true, targetMin: true, targetMax: true } },
        realizations: { where: { year: input.year }, select: { quarter: true, value: true } },
      },
    });
    if (!indicator) throw notFoundError(M.notFound);
    if (!ctx.unitIds.includes(indicator.orgUnitId)) throw forbiddenError(M.notYourUnit);
    // The same warnings as the form; a value with a warning the person did not confirm changes nothing.
    const warnings = checkPlausibility(plausibilityIndicator(indicator), { quarter: input.quarter, value: input.value, valueText: input.valueText });
    const unconfirmed = unconfirmedWarnings(warnings, input.confirmed);
    if (unconfirmed.length) {
      const message = PLAUSIBILITY_MESSAGES.unconfirmed(unconfirmed.map((w) => w.message));
      throw invalidError(message, { value: [message] });
    }
    const frozen = await lockPeriodFrozen(tx, ctx.agencyId, input.year, input.quarter);

    const existing = await tx.realization.findUnique({
      where: { indicatorId_year_quarter: { indicatorId: indicator.id, year: input.year, quarter: input.quarter } },
      select: { id: true, status: true, value: true, updatedAt: true },
    });
    const from = existing?.status ?? "NONE";
    const plan = planRealization({ status: from, frozen }, fillEvent(from, input.submit));
    if (!plan.ok) throw invalidError(plan.message);
    if (input.submit && input.value === null) throw invalidError(M.valueRequired, { value: [M.valueRequired] });

    const status = plan.to;
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
          ...(warnings.length ? { warnings } : {}),
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
    // The unit's data step ("setiap Bidang") completes by itself once all its realizations are sent.
    if (input.submit) {
      await completeUnitInputTasks(
        { agencyId: ctx.agencyId, year: input.year, quarter: input.quarter, unitId: indicator.orgUnitId },
        { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
        tx,
      );
    }
    return { id, status };
  });
}

type TDecimalish = { toString(): string } | null;
const decText = (v: TDecimalish) => (v === null ? null : v.toString());

/** An indicator row as lib/performance/plausibility.ts reads it (Decimals as strings). */
function plausibilityIndicator(i: {
  unit: string;
  polarity: "HIGHER" | "LOWER";
  targetType: "SINGLE" | "RANGE";
  aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
  targetValue: TDecimalish;
  targetMin: TDecimalish;
  targetMax: TDecimalish;
  quarters: { quarter: number; targetValue: TDecimalish; targetMin: TDecimalish; targetMax: TDecimalish }[];
  realizations: { quarter: number; value: TDecimalish }[];
}): TPlausibilityIndicator {
  const target = (t: { targetValue: TDecimalish; targetMin: TDecimalish; targetMax: TDecimalish }) => ({
    targetValue: decText(t.targetValue),
    targetMin: decText(t.targetMin),
    targetMax: decText(t.targetMax),
  });
  return {
    unit: i.unit,
    polarity: i.polarity,
    targetType: i.targetType,
    aggregation: i.aggregation,
    ...target(i),
    quarters: i.quarters.map((q) => ({ quarter: q.quarter, ...target(q) })),
    realizations: i.realizations.map((r) => ({ quarter: r.quarter, value: decText(r.value) })),
  };
}

/** Tim SAKIP verifies a submitted value, or returns it to the Bidang with a reason (the realization table's VERIFY and RETURN). */
export async function reviewRealization(input: z.output<typeof ZRealizationReview>, ctx: Omit<PerformanceActor, "unitIds">, tx?: DbTx) {
  if (input.decision === "RETURN" && !input.reason) throw invalidError(M.reasonRequired, { reason: [M.reasonRequired] });
  return inTransaction(tx, async (tx) => {
    const realization = await tx.realization.findFirst({
      where: { id: input.realizationId, agencyId: ctx.agencyId },
      select: { id: true, year: true, quarter: true, status: true, value: true, filledById: true, indicator: { select: { id: true, code: true } } },
    });
    if (!realization) throw notFoundError(M.notFound);
    const frozen = await lockPeriodFrozen(tx, ctx.agencyId, realization.year, realization.quarter);
    const plan = planRealization({ status: realization.status, frozen }, input.decision === "VERIFY" ? "VERIFY" : "RETURN", { comment: input.reason });
    if (!plan.ok) throw invalidError(plan.message);
    // Maker/checker (decision 055): read after the workflow's check, under the guarded update below.
    const makers = (await agencyRealizationMakers(tx, ctx.agencyId, [realization])).get(realization.id)!;
    const refusal = realizationReviewRefusal(makers, ctx.actor.id, await allowsSelfApproval(tx, ctx.agencyId));
    if (refusal) throw forbiddenError(refusal);
    const verify = plan.to === "VERIFIED";
    const updated = await tx.realization.updateMany({
      where: { id: realization.id, status: realization.status },
      data: verify
        ? { status: plan.to, verifiedById: ctx.actor.id, verifiedAt: new Date(), returnReason: null }
        : { status: plan.to, returnReason: input.reason, verifiedById: ctx.actor.id, verifiedAt: new Date() },
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
          status: { before: realization.status, after: plan.to },
          reason: input.reason,
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}

/**
 * Budget realization of a program for a quarter (Realisasi Anggaran). The
 * update is guarded by the value it read, so the audit event's "before" is
 * what was replaced: a concurrent save in between makes this one a conflict.
 */
export async function saveBudgetRealization(input: z.output<typeof ZBudgetSave>, ctx: Omit<PerformanceActor, "unitIds">, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const program = await tx.program.findFirst({
      where: { id: input.programId, agencyId: ctx.agencyId },
      select: { id: true, code: true, agreement: { select: { year: true } }, quarters: { where: { quarter: input.quarter }, select: { realization: true } } },
    });
    if (!program || program.quarters.length === 0) throw notFoundError(M.notFound);
    if (await lockPeriodFrozen(tx, ctx.agencyId, program.agreement.year, input.quarter)) throw invalidError(M.frozen);
    const before = program.quarters[0]!.realization;
    const updated = await tx.programQuarter.updateMany({
      where: { programId: program.id, quarter: input.quarter, realization: before === null ? null : { equals: before } },
      data: { realization: input.realization },
    });
    if (updated.count !== 1) throw conflictError();
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
          realization: { before: before?.toString() ?? null, after: input.realization },
        },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}

