import "server-only";

import { db } from "@/lib/db/client";

import { periodYears, type TCascadeLevel, type TRollUpRule } from "./levels";
import { rollUpTree, type TRollUpResult } from "./roll-up";

export interface TCascadeIndicatorView {
  id: string;
  nodeId: string;
  name: string;
  unitOfMeasure: string;
  polarity: "HIGHER" | "LOWER";
  rollUp: TRollUpRule;
  parentIndicatorId: string | null;
  /** Target per year of the period ("" = not set), as typed numbers ("12.5"). */
  targets: Record<number, string>;
  /** The targets of the linked lower indicators rolled up by this one's rule, per year (SUM/AVERAGE only). */
  rolledUp: Record<number, TRollUpResult> | null;
}

export interface TCascadeNodeView {
  id: string;
  parentId: string | null;
  level: TCascadeLevel;
  statement: string;
  unit: { id: string; name: string } | null;
  indicators: TCascadeIndicatorView[];
  children: TCascadeNodeView[];
}

export async function listPeriods(agencyId: string) {
  return db.renstraPeriod.findMany({ where: { agencyId }, orderBy: { startYear: "desc" }, select: { id: true, startYear: true, endYear: true } });
}

/**
 * A period's tree: its nodes nested by parent in their order, each with its indicators, and
 * for every SUM/AVERAGE indicator the targets of the indicators linked to it rolled up per
 * year (so the planner sees whether the lower levels add up). Three queries whatever its size.
 */
export async function loadTree(agencyId: string, period: { id: string; startYear: number; endYear: number }): Promise<TCascadeNodeView[]> {
  const [nodes, indicators] = await Promise.all([
    db.cascadeNode.findMany({
      where: { agencyId, periodId: period.id },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
      select: { id: true, parentId: true, level: true, statement: true, unit: { select: { id: true, name: true } } },
    }),
    db.cascadeIndicator.findMany({
      where: { agencyId, node: { periodId: period.id } },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
      select: { id: true, nodeId: true, name: true, unitOfMeasure: true, polarity: true, rollUp: true, parentIndicatorId: true, targets: { select: { year: true, value: true } } },
    }),
  ]);
  const years = periodYears(period);
  const targetOf = new Map(indicators.map((i) => [i.id, new Map(i.targets.map((t) => [t.year, t.value === null ? null : Number(t.value)]))]));
  const rolled = new Map<number, Map<string, TRollUpResult>>();
  for (const year of years) rolled.set(year, rollUpTree(indicators, new Map(indicators.map((i) => [i.id, targetOf.get(i.id)?.get(year) ?? null]))));

  const views = new Map<string, TCascadeNodeView>();
  for (const n of nodes) views.set(n.id, { id: n.id, parentId: n.parentId, level: n.level, statement: n.statement, unit: n.unit, indicators: [], children: [] });
  for (const i of indicators) {
    views.get(i.nodeId)?.indicators.push({
      id: i.id,
      nodeId: i.nodeId,
      name: i.name,
      unitOfMeasure: i.unitOfMeasure,
      polarity: i.polarity,
      rollUp: i.rollUp,
      parentIndicatorId: i.parentIndicatorId,
      targets: Object.fromEntries(years.map((y) => [y, i.targets.find((t) => t.year === y)?.value?.toString() ?? ""])),
      rolledUp: i.rollUp === "OWN" ? null : Object.fromEntries(years.map((y) => [y, rolled.get(y)!.get(i.id)!])),
    });
  }
  const roots: TCascadeNodeView[] = [];
  for (const n of nodes) {
    const view = views.get(n.id)!;
    const parent = n.parentId ? views.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(view);
  }
  return roots;
}
