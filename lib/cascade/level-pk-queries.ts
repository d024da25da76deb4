import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { frozenQuarters } from "@/lib/performance/service";
import { aggregateRealization, capaianToDate, type TAggregation, type TCapaianResult, type TCapaianSettings } from "@/lib/performance/capaian";

import type { TRealizationStatus } from "@/lib/performance/workflow";

import type { TCascadeLevel, TRollUpRule } from "./levels";
import { rollUpTree, rollUpVerified, type TRollUpResult } from "./roll-up";

/**
 * The PK per level of a year (decision 035) with the recap of a quarter: per row its own
 * realization to date, the rolled-up value of the rows linked to it from the level below (by the
 * rule copied from the tree: SUM, AVERAGE, or OWN = shown beside, never in place), and the
 * capaian, "Belum dapat dinilai" when the row's target falls in a later quarter. Constant queries.
 * Each realization carries its lifecycle status (decision 044): unverified values roll up and
 * count in the capaian, and `ownVerified` / `rolledUpVerified` say whether a figure rests on
 * verified values only, so the page marks the others.
 */
export interface TLevelPkRow {
  key: string;
  /** The unit PK row (editable Rencana Aksi / realization); null for the head's rows. */
  rowId: string | null;
  statement: string;
  name: string;
  unitOfMeasure: string;
  polarity: "HIGHER" | "LOWER";
  rollUp: TRollUpRule;
  aggregation: TAggregation;
  target: string | null;
  /** The tree's target for the year now, when it differs from the copy; undefined when equal or not linked. */
  treeTarget?: string | null;
  linked: boolean;
  quarterTargets: (string | null)[];
  realizations: (string | null)[];
  /** Each quarter's realization status; null when nothing is filled. */
  statuses: (TRealizationStatus | null)[];
  /** Why Tim SAKIP returned the selected quarter's value (unit rows). */
  returnReason: string | null;
  /** The data dukung of the selected quarter's realization (unit rows). */
  files: { id: string; originalName: string; size: number }[];
  /** Whether the own value to date rests on verified values only; null when there is none. */
  ownVerified: boolean | null;
  /** Likewise for the rolled-up value; null when there is none. */
  rolledUpVerified: boolean | null;
  /** Who fills the realization (the head's rows: the unit named in the PK). */
  filler: string;
  own: number | null;
  rolledUp: TRollUpResult | null;
  capaian: TCapaianResult;
}

export interface TLevelPk {
  key: string;
  level: "HEAD" | TCascadeLevel;
  unitId: string | null;
  unitName: string;
  officialTitle: string;
  officialName: string;
  superiorTitle: string;
  superiorName: string;
  rows: TLevelPkRow[];
}

const str = (v: Prisma.Decimal | null | undefined) => (v === null || v === undefined ? null : v.toString());

export async function loadLevelPks(
  agencyId: string,
  year: number,
  quarter: number,
  settings: TCapaianSettings,
): Promise<{ head: TLevelPk | null; units: TLevelPk[]; /** The archived quarters: nothing of them changes. */ frozen: boolean[] }> {
  const [head, unitPks, frozen] = await Promise.all([
    db.performanceAgreement.findUnique({
      where: { agencyId_year: { agencyId, year } },
      select: {
        id: true,
        firstPartyName: true,
        firstPartyJabatan: true,
        secondPartyName: true,
        secondPartyJabatan: true,
        goals: {
          orderBy: { sortOrder: "asc" },
          select: {
            name: true,
            indicators: {
              orderBy: { sortOrder: "asc" },
              select: {
                id: true,
                name: true,
                unit: true,
                polarity: true,
                aggregation: true,
                targetType: true,
                targetValue: true,
                targetMin: true,
                targetMax: true,
                cascadeIndicatorId: true,
                cascadeParentId: true,
                rollUp: true,
                orgUnit: { select: { name: true } },
                quarters: { select: { quarter: true, targetValue: true, targetMin: true, targetMax: true } },
                realizations: { where: { year }, select: { quarter: true, value: true, status: true } },
                cascadeIndicator: { select: { targets: { where: { year }, select: { value: true } } } },
              },
            },
          },
        },
      },
    }),
    db.unitAgreement.findMany({
      where: { agencyId, year },
      orderBy: [{ level: "asc" }, { unit: { sortOrder: "asc" } }, { unitName: "asc" }],
      select: {
        id: true,
        level: true,
        unitId: true,
        unitName: true,
        officialTitle: true,
        officialName: true,
        superiorTitle: true,
        rows: {
          orderBy: { sortOrder: "asc" },
          select: {
            id: true,
            statement: true,
            name: true,
            unitOfMeasure: true,
            polarity: true,
            aggregation: true,
            target: true,
            rollUp: true,
            cascadeIndicatorId: true,
            cascadeParentId: true,
            quarters: {
              select: {
                quarter: true,
                target: true,
                realization: true,
                status: true,
                returnReason: true,
                files: { where: { agencyId }, orderBy: { createdAt: "asc" }, select: { id: true, originalName: true, size: true } },
              },
            },
            cascadeIndicator: { select: { targets: { where: { year }, select: { value: true } } } },
          },
        },
      },
    }),
    frozenQuarters(db, agencyId, year),
  ]);

  const perQuarter = <T>(rows: { quarter: number }[], pick: (r: never) => T): (T | null)[] =>
    [1, 2, 3, 4].map((q) => {
      const r = rows.find((x) => x.quarter === q);
      return r ? pick(r as never) : null;
    });

  // Every row in one list for the roll-up, keyed by the tree indicator it was copied from.
  type TDraft = Omit<TLevelPkRow, "own" | "rolledUp" | "capaian" | "ownVerified" | "rolledUpVerified"> & { sourceId: string | null; parentId: string | null; plan: Parameters<typeof capaianToDate>[0]["plan"] };
  const headRows: TDraft[] = (head?.goals ?? []).flatMap((g) =>
    g.indicators.map((i) => {
      const treeTarget = i.cascadeIndicator ? str(i.cascadeIndicator.targets[0]?.value) : undefined;
      const target = str(i.targetValue);
      const quarters = perQuarter(i.quarters, (q: (typeof i.quarters)[number]) => q);
      return {
        key: i.id,
        rowId: null,
        statement: g.name,
        name: i.name,
        unitOfMeasure: i.unit,
        polarity: i.polarity,
        rollUp: i.rollUp,
        aggregation: i.aggregation,
        target,
        treeTarget: treeTarget !== undefined && treeTarget !== target ? treeTarget : undefined,
        linked: Boolean(i.cascadeIndicatorId),
        quarterTargets: quarters.map((q) => str(q?.targetValue)),
        realizations: perQuarter(i.realizations, (r: (typeof i.realizations)[number]) => str(r.value)).map((v) => v ?? null),
        statuses: perQuarter(i.realizations, (r: (typeof i.realizations)[number]) => r.status),
        returnReason: null,
        files: [],
        filler: i.orgUnit.name,
        sourceId: i.cascadeIndicatorId,
        parentId: i.cascadeParentId,
        plan: {
          targetType: i.targetType,
          aggregation: i.aggregation,
          annual: { targetValue: str(i.targetValue), targetMin: str(i.targetMin), targetMax: str(i.targetMax) },
          quarters: quarters.map((q) => (q ? { targetValue: str(q.targetValue), targetMin: str(q.targetMin), targetMax: str(q.targetMax) } : null)),
        },
      };
    }),
  );
  const unitRows = new Map<string, TDraft[]>(
    unitPks.map((a) => [
      a.id,
      a.rows.map((r) => {
        const treeTarget = r.cascadeIndicator ? str(r.cascadeIndicator.targets[0]?.value) : undefined;
        const target = str(r.target);
        const quarterTargets = perQuarter(r.quarters, (q: (typeof r.quarters)[number]) => str(q.target));
        return {
          key: r.id,
          rowId: r.id,
          statement: r.statement,
          name: r.name,
          unitOfMeasure: r.unitOfMeasure,
          polarity: r.polarity,
          rollUp: r.rollUp,
          aggregation: r.aggregation,
          target,
          treeTarget: treeTarget !== undefined && treeTarget !== target ? treeTarget : undefined,
          linked: Boolean(r.cascadeIndicatorId),
          quarterTargets,
          realizations: perQuarter(r.quarters, (q: (typeof r.quarters)[number]) => str(q.realization)),
          // A quarter row exists from generation on: an empty draft is "not filled".
          statuses: perQuarter(r.quarters, (q: (typeof r.quarters)[number]) => (q.status === "DRAFT" && q.realization === null ? null : q.status)),
          returnReason: r.quarters.find((q) => q.quarter === quarter)?.returnReason ?? null,
          files: r.quarters.find((q) => q.quarter === quarter)?.files ?? [],
          filler: a.unitName,
          sourceId: r.cascadeIndicatorId,
          parentId: r.cascadeParentId,
          plan: {
            targetType: "SINGLE" as const,
            aggregation: r.aggregation,
            annual: { targetValue: target, targetMin: null, targetMax: null },
            quarters: quarterTargets.map((t) => ({ targetValue: t, targetMin: null, targetMax: null })),
          },
        };
      }),
    ]),
  );

  const all = [...headRows, ...[...unitRows.values()].flat()];
  const ownOf = (d: TDraft) => aggregateRealization(d.realizations.slice(0, quarter), d.aggregation);
  const linked = all.filter((d) => d.sourceId);
  // Verified to date: every quarter up to the selected one that holds a value is verified.
  const verifiedOf = (d: TDraft) => d.realizations.slice(0, quarter).every((v, i) => v === null || d.statuses[i] === "VERIFIED");
  const tree = linked.map((d) => ({ id: d.sourceId!, rollUp: d.rollUp, parentIndicatorId: d.parentId }));
  const rolled = rollUpTree(tree, new Map(linked.map((d) => [d.sourceId!, ownOf(d)])));
  const rolledVerified = rollUpVerified(tree, new Map(linked.map((d) => [d.sourceId!, verifiedOf(d)])));
  const finish = (d: TDraft): TLevelPkRow => {
    const { sourceId, parentId: _parentId, plan, ...row } = d;
    const own = ownOf(d);
    // OWN rows show their own value; a SUM/AVERAGE row also shows what its supporters add up to.
    const rolledUp = sourceId && d.rollUp !== "OWN" ? (rolled.get(sourceId) ?? null) : null;
    return {
      ...row,
      own,
      rolledUp,
      ownVerified: own === null ? null : verifiedOf(d),
      rolledUpVerified: rolledUp?.value === null || rolledUp?.value === undefined ? null : (rolledVerified.get(sourceId!) ?? false),
      capaian: capaianToDate({ plan, quarter, polarity: d.polarity, realization: own, settings }),
    };
  };

  return {
    frozen,
    head: head
      ? {
          key: head.id,
          level: "HEAD",
          unitId: null,
          unitName: "",
          officialTitle: head.firstPartyJabatan,
          officialName: head.firstPartyName,
          superiorTitle: head.secondPartyJabatan,
          superiorName: head.secondPartyName,
          rows: headRows.map(finish),
        }
      : null,
    units: unitPks.map((a) => ({
      key: a.id,
      level: a.level,
      unitId: a.unitId,
      unitName: a.unitName,
      officialTitle: a.officialTitle,
      officialName: a.officialName,
      superiorTitle: a.superiorTitle,
      superiorName: "",
      rows: unitRows.get(a.id)!.map(finish),
    })),
  };
}
