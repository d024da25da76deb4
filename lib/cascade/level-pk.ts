import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { saveAgreement, lockPeriodsFrozen } from "@/lib/performance/service";
import { ZAgreementInput } from "@/lib/performance/schemas";

import { periodYears, type TCascadeLevel } from "./levels";
import { CASCADE_MESSAGES, LEVEL_PK_MESSAGES as M } from "./messages";
import { ZGenerateLevelPk, ZSaveActionPlan, type TGenerateLevelPk, type TSaveActionPlan } from "./schemas";
import type { CascadeActor } from "./service";

/**
 * The PK per level generated from the pohon kinerja (decision 035). The head's level is the
 * agency's PerformanceAgreement: created from the Sasaran Strategis when the year has none,
 * never rewritten when it exists (it may be signed and hold realizations). Each unit owning
 * Sasaran Program / Kegiatan / Sub-kegiatan nodes gets a UnitAgreement per level, whose rows
 * are copies of the tree's indicators and targets for the year: a later tree edit changes none.
 */
const UNIT_LEVELS: readonly TCascadeLevel[] = ["PROGRAM", "KEGIATAN", "SUBKEGIATAN"];

export interface TGenerateResult {
  head: "created" | "kept";
  created: string[];
  kept: string[];
}

const label = (level: TCascadeLevel, unitName: string) => `${CASCADE_MESSAGES.level[level]} – ${unitName}`;
const dec = (v: Prisma.Decimal | null) => (v === null ? null : v.toString());

export async function generateLevelAgreements(raw: TGenerateLevelPk, who: CascadeActor, outer?: DbTx): Promise<TGenerateResult> {
  const input = ZGenerateLevelPk.parse(raw);
  return inTransaction(outer, async (tx) => {
    const period = await tx.renstraPeriod.findFirst({ where: { id: input.periodId, agencyId: who.agencyId }, select: { id: true, startYear: true, endYear: true } });
    if (!period) throw notFoundError(CASCADE_MESSAGES.periodNotFound);
    if (!periodYears(period).includes(input.year)) {
      const message = M.yearOutside(input.year, CASCADE_MESSAGES.periodLabel(period.startYear, period.endYear));
      throw invalidError(message, { year: [message] });
    }
    // Two generations of the same year at once would both find nothing and both create.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`level-pk:${who.agencyId}:${input.year}`}))::text`;

    const [nodes, indicators, agency] = await Promise.all([
      tx.cascadeNode.findMany({
        where: { agencyId: who.agencyId, periodId: period.id },
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          parentId: true,
          level: true,
          statement: true,
          unitId: true,
          unit: { select: { id: true, name: true, headTitle: true, active: true, sortOrder: true, headUser: { select: { name: true } } } },
        },
      }),
      tx.cascadeIndicator.findMany({
        where: { agencyId: who.agencyId, node: { periodId: period.id } },
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
        select: { id: true, nodeId: true, name: true, unitOfMeasure: true, polarity: true, rollUp: true, parentIndicatorId: true, targets: { where: { year: input.year }, select: { value: true } } },
      }),
      tx.agency.findUniqueOrThrow({ where: { id: who.agencyId }, select: { name: true } }),
    ]);
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    const indicatorsOf = new Map<string, typeof indicators>();
    for (const i of indicators) indicatorsOf.set(i.nodeId, [...(indicatorsOf.get(i.nodeId) ?? []), i]);
    const targetOf = (i: (typeof indicators)[number]) => i.targets[0]?.value ?? null;

    // --- the head's level: the agency PK -------------------------------------------------
    const existingHead = await tx.performanceAgreement.findUnique({ where: { agencyId_year: { agencyId: who.agencyId, year: input.year } }, select: { id: true, firstPartyJabatan: true } });
    let headJabatan = existingHead?.firstPartyJabatan ?? "";
    if (!existingHead) {
      const sasaran = nodes.filter((n) => n.level === "SASARAN" && (indicatorsOf.get(n.id)?.length ?? 0) > 0);
      if (sasaran.length === 0) throw invalidError(M.nothingToGenerate);
      const missingParties = (["firstPartyName", "firstPartyJabatan", "secondPartyName", "secondPartyJabatan"] as const).filter((k) => !input[k]);
      if (missingParties.length) throw invalidError(M.headPartiesRequired, Object.fromEntries(missingParties.map((k) => [k, [M.headPartiesRequired]])));
      const headIndicators = sasaran.flatMap((n) => indicatorsOf.get(n.id)!);
      const untargeted = headIndicators.filter((i) => targetOf(i) === null).map((i) => i.name);
      if (untargeted.length) throw invalidError(M.targetsMissing(input.year, untargeted.join("; ")));
      // Who fills a head indicator's realization: the unit of the first lower indicator supporting
      // it, else the Sekretariat, else the first active unit (the PK needs one per indicator).
      const units = await tx.orgUnit.findMany({ where: { agencyId: who.agencyId, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true } });
      const fallback = units.find((u) => u.kind === "SEKRETARIAT") ?? units[0];
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const fillerOf = (indicatorId: string) => {
        const supporter = indicators.find((c) => c.parentIndicatorId === indicatorId && unitName.has(nodeById.get(c.nodeId)?.unitId ?? ""));
        return supporter ? unitName.get(nodeById.get(supporter.nodeId)!.unitId!)! : fallback?.name;
      };
      if (!fallback) throw invalidError(M.noUnitForHead);
      const code = new Map<string, string>();
      const parsed = ZAgreementInput.safeParse({
        year: input.year,
        firstPartyName: input.firstPartyName,
        firstPartyJabatan: input.firstPartyJabatan,
        secondPartyName: input.secondPartyName,
        secondPartyJabatan: input.secondPartyJabatan,
        goals: sasaran.map((n, gi) => ({
          code: `SS${gi + 1}`,
          name: n.statement,
          indicators: indicatorsOf.get(n.id)!.map((i, ii) => {
            code.set(`IK${gi + 1}.${ii + 1}`, i.id);
            return {
              code: `IK${gi + 1}.${ii + 1}`,
              name: i.name,
              unit: i.unitOfMeasure,
              polarity: i.polarity,
              targetType: "SINGLE",
              aggregation: "LAST",
              orgUnit: fillerOf(i.id),
              targetValue: dec(targetOf(i)),
              quarters: [{}, {}, {}, {}],
            };
          }),
        })),
      });
      // The tree allows what a PK row does not (a statement of up to 1000 characters): said, not a crash.
      if (!parsed.success) throw invalidError(parsed.error.issues[0]!.message);
      const saved = await saveAgreement(parsed.data, who, tx);
      const byId = new Map(indicators.map((i) => [i.id, i]));
      const rows = await tx.indicator.findMany({ where: { agencyId: who.agencyId, goal: { agreementId: saved.id } }, select: { id: true, code: true } });
      for (const row of rows) {
        const source = byId.get(code.get(row.code)!)!;
        await tx.indicator.update({ where: { id: row.id }, data: { cascadeIndicatorId: source.id, cascadeParentId: source.parentIndicatorId, rollUp: source.rollUp } });
      }
      headJabatan = input.firstPartyJabatan;
    }
    if (!headJabatan) headJabatan = `Kepala ${agency.name}`;

    // --- the units' levels ----------------------------------------------------------------
    const groups = new Map<string, { level: TCascadeLevel; unit: NonNullable<(typeof nodes)[number]["unit"]>; nodes: typeof nodes }>();
    for (const n of nodes) {
      if (!UNIT_LEVELS.includes(n.level) || !n.unit || !(indicatorsOf.get(n.id)?.length ?? 0)) continue;
      const key = `${n.unit.id}:${n.level}`;
      const group = groups.get(key) ?? { level: n.level, unit: n.unit, nodes: [] };
      group.nodes.push(n);
      groups.set(key, group);
    }
    const existing = await tx.unitAgreement.findMany({ where: { agencyId: who.agencyId, year: input.year }, select: { unitId: true, level: true } });
    const have = new Set(existing.map((a) => `${a.unitId}:${a.level}`));
    const ordered = [...groups.entries()].sort(
      ([, a], [, b]) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level) || a.unit.sortOrder - b.unit.sortOrder || a.unit.name.localeCompare(b.unit.name, "id"),
    );
    const todo = ordered.filter(([key]) => !have.has(key));
    const untargeted = todo.flatMap(([, g]) => g.nodes.flatMap((n) => indicatorsOf.get(n.id)!)).filter((i) => targetOf(i) === null).map((i) => i.name);
    if (untargeted.length) throw invalidError(M.targetsMissing(input.year, untargeted.join("; ")));

    const created: string[] = [];
    for (const [, g] of todo) {
      // Pihak kedua: the head for a Sasaran Program, else the head of the unit owning the parent node.
      const parentUnit = g.nodes.map((n) => (n.parentId ? nodeById.get(n.parentId)?.unit : null)).find((u) => u && u.id !== g.unit.id);
      const superiorTitle = g.level === "PROGRAM" || !parentUnit ? headJabatan : parentUnit.headTitle || `Kepala ${parentUnit.name}`;
      let sortOrder = 0;
      await tx.unitAgreement.create({
        data: {
          agencyId: who.agencyId,
          year: input.year,
          periodId: period.id,
          level: g.level,
          unitId: g.unit.id,
          unitName: g.unit.name,
          officialTitle: g.unit.headTitle || `Kepala ${g.unit.name}`,
          officialName: g.unit.headUser?.name ?? "",
          superiorTitle,
          rows: {
            create: g.nodes.flatMap((n) =>
              indicatorsOf.get(n.id)!.map((i) => ({
                agencyId: who.agencyId,
                cascadeIndicatorId: i.id,
                cascadeParentId: i.parentIndicatorId,
                rollUp: i.rollUp,
                statement: n.statement,
                name: i.name,
                unitOfMeasure: i.unitOfMeasure,
                polarity: i.polarity,
                target: targetOf(i),
                sortOrder: sortOrder++,
                quarters: { create: [1, 2, 3, 4].map((quarter) => ({ quarter })) },
              })),
            ),
          },
        },
      });
      created.push(label(g.level, g.unit.name));
    }
    const kept = ordered.filter(([key]) => have.has(key)).map(([, g]) => label(g.level, g.unit.name));
    const result: TGenerateResult = { head: existingHead ? "kept" : "created", created, kept };
    await recordAudit(tx, { action: "cascade.pk_generate", entityType: "RenstraPeriod", entityId: period.id, data: { year: input.year, ...result } }, who);
    return result;
  });
}

async function lockRow(tx: DbTx, agencyId: string, rowId: string) {
  await tx.$queryRaw`SELECT "id" FROM "UnitAgreementRow" WHERE "id" = ${rowId} AND "agencyId" = ${agencyId} FOR UPDATE`;
  return tx.unitAgreementRow.findFirst({
    where: { id: rowId, agencyId },
    select: {
      id: true,
      name: true,
      aggregation: true,
      agreement: { select: { year: true, unitId: true, unitName: true } },
      quarters: { orderBy: { quarter: "asc" }, select: { quarter: true, target: true } },
    },
  });
}

const same = (a: Prisma.Decimal | null | undefined, b: string | null) => (a === null || a === undefined ? b === null : b !== null && a.equals(new Prisma.Decimal(b)));

/** The planning unit sets a unit PK row's quarterly targets (Rencana Aksi); an archived quarter's target stays. */
export async function saveActionPlan(raw: TSaveActionPlan, who: CascadeActor, outer?: DbTx): Promise<void> {
  const input = ZSaveActionPlan.parse(raw);
  await inTransaction(outer, async (tx) => {
    const row = await lockRow(tx, who.agencyId, input.rowId);
    if (!row) throw notFoundError(M.rowNotFound);
    const frozen = await lockPeriodsFrozen(tx, who.agencyId, row.agreement.year, [1, 2, 3, 4]);
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    if (row.aggregation !== input.aggregation) changes.aggregation = { before: row.aggregation, after: input.aggregation };
    for (const q of [1, 2, 3, 4]) {
      const before = row.quarters.find((r) => r.quarter === q)?.target ?? null;
      const after = input.quarters[q - 1] ?? null;
      if (same(before, after)) continue;
      if (frozen[q - 1]) throw invalidError(M.quarterFrozen(q));
      changes[`target TW ${q}`] = { before: dec(before), after };
    }
    if (Object.keys(changes).length === 0) return;
    await tx.unitAgreementRow.update({ where: { id: row.id }, data: { aggregation: input.aggregation } });
    for (const q of [1, 2, 3, 4]) {
      const target = input.quarters[q - 1] ?? null;
      await tx.unitAgreementQuarter.upsert({ where: { rowId_quarter: { rowId: row.id, quarter: q } }, create: { rowId: row.id, quarter: q, target }, update: { target } });
    }
    await recordAudit(
      tx,
      { action: "cascade.action_plan_save", entityType: "UnitAgreementRow", entityId: row.id, data: { year: row.agreement.year, unitName: row.agreement.unitName, name: row.name, changes } },
      who,
    );
  });
}

/** The realization of a unit row has the agency PK's lifecycle (decision 044): ./unit-realization.ts. */
export { saveUnitRealization } from "./unit-realization";
