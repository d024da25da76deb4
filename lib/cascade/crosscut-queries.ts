import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { aggregateRealization } from "@/lib/performance/capaian";

import type { TCascadeLevel } from "./levels";

/**
 * What one agency reads of another through a crosscutting link (decision 045), and nothing
 * more: the other agency's name, the supported Tujuan/Sasaran statement (which its Renstra
 * publishes), and for a contributing indicator its name, satuan, the target of the year and the
 * realization of the year to date. No ids that lead into the other agency's pages. Constant
 * number of queries whatever the number of links.
 */

/** On the source agency's indicator: the Tujuan/Sasaran it supports, of which agency. */
export interface TCrosscutSupport {
  linkId: string;
  agencyName: string;
  level: TCascadeLevel;
  statement: string;
}

/** On the target agency's Tujuan/Sasaran: one contributing indicator of another agency. */
export interface TCrosscutContribution {
  linkId: string;
  agencyName: string;
  indicatorName: string;
  unitOfMeasure: string;
  /** The tree target of the year ("12.5"), null when not set. */
  target: string | null;
  /** The realization of the year to date (the agency PK's verified values, else the unit PK's), null when none. */
  realization: number | null;
  /** The last quarter the realization covers (1-4), null when none. */
  quarter: number | null;
}

const str = (v: Prisma.Decimal | null | undefined) => (v === null || v === undefined ? null : v.toString());

/**
 * The realization of `year` to date of tree indicators, through the PK rows copied from them
 * (decision 035): the agency PK's verified values (its figures of record), else a unit PK's.
 */
async function realizationsToDate(indicatorIds: string[], year: number): Promise<Map<string, { value: number | null; quarter: number | null }>> {
  const result = new Map<string, { value: number | null; quarter: number | null }>();
  if (indicatorIds.length === 0) return result;
  const [headRows, unitRows] = await Promise.all([
    db.indicator.findMany({
      where: { cascadeIndicatorId: { in: indicatorIds }, goal: { agreement: { year } } },
      select: { cascadeIndicatorId: true, aggregation: true, realizations: { where: { year, status: "VERIFIED" }, select: { quarter: true, value: true } } },
    }),
    db.unitAgreementRow.findMany({
      where: { cascadeIndicatorId: { in: indicatorIds }, agreement: { year } },
      orderBy: { agreement: { level: "asc" } },
      // Only what the agency verified crosses to another agency (decision 044: unverified unit values stay inside it).
      select: { cascadeIndicatorId: true, aggregation: true, quarters: { where: { status: "VERIFIED" }, select: { quarter: true, realization: true } } },
    }),
  ]);
  const toDate = (values: { quarter: number; value: string | null }[], aggregation: "CUMULATIVE" | "LAST" | "AVERAGE") => {
    const filled = values.filter((v) => v.value !== null);
    if (filled.length === 0) return null;
    const last = Math.max(...filled.map((v) => v.quarter));
    const series = [1, 2, 3, 4].slice(0, last).map((q) => values.find((v) => v.quarter === q)?.value ?? null);
    return { value: aggregateRealization(series, aggregation), quarter: last };
  };
  for (const r of unitRows) {
    if (!r.cascadeIndicatorId || result.has(r.cascadeIndicatorId)) continue;
    const done = toDate(r.quarters.map((q) => ({ quarter: q.quarter, value: str(q.realization) })), r.aggregation);
    if (done) result.set(r.cascadeIndicatorId, done);
  }
  // The agency PK comes first where it has a value: it is the verified figure.
  for (const r of headRows) {
    if (!r.cascadeIndicatorId) continue;
    const done = toDate(r.realizations.map((q) => ({ quarter: q.quarter, value: str(q.value) })), r.aggregation);
    if (done) result.set(r.cascadeIndicatorId, done);
  }
  return result;
}

/** The accepted links of an agency's tree: what its indicators support, and what its Tujuan/Sasaran receive. */
export async function loadTreeCrosscuts(
  agencyId: string,
  periodId: string,
  year: number,
): Promise<{ supports: Map<string, TCrosscutSupport[]>; contributions: Map<string, TCrosscutContribution[]> }> {
  const [outgoing, incoming] = await Promise.all([
    db.crosscutLink.findMany({
      where: { sourceAgencyId: agencyId, status: "ACCEPTED", sourceIndicator: { node: { periodId } } },
      orderBy: { decidedAt: "asc" },
      select: { id: true, sourceIndicatorId: true, targetAgency: { select: { name: true } }, targetNode: { select: { level: true, statement: true } } },
    }),
    db.crosscutLink.findMany({
      where: { targetAgencyId: agencyId, status: "ACCEPTED", targetNode: { periodId } },
      orderBy: { decidedAt: "asc" },
      select: {
        id: true,
        targetNodeId: true,
        sourceIndicatorId: true,
        sourceAgency: { select: { name: true } },
        sourceIndicator: { select: { name: true, unitOfMeasure: true, targets: { where: { year }, select: { value: true } } } },
      },
    }),
  ]);
  const supports = new Map<string, TCrosscutSupport[]>();
  for (const l of outgoing) {
    const list = supports.get(l.sourceIndicatorId) ?? [];
    list.push({ linkId: l.id, agencyName: l.targetAgency.name, level: l.targetNode.level, statement: l.targetNode.statement });
    supports.set(l.sourceIndicatorId, list);
  }
  const realized = await realizationsToDate([...new Set(incoming.map((l) => l.sourceIndicatorId))], year);
  const contributions = new Map<string, TCrosscutContribution[]>();
  for (const l of incoming) {
    const r = realized.get(l.sourceIndicatorId);
    const list = contributions.get(l.targetNodeId) ?? [];
    list.push({
      linkId: l.id,
      agencyName: l.sourceAgency.name,
      indicatorName: l.sourceIndicator.name,
      unitOfMeasure: l.sourceIndicator.unitOfMeasure,
      target: str(l.sourceIndicator.targets[0]?.value),
      realization: r?.value ?? null,
      quarter: r?.quarter ?? null,
    });
    contributions.set(l.targetNodeId, list);
  }
  return { supports, contributions };
}

export interface TCrosscutLinkView {
  id: string;
  status: "PROPOSED" | "ACCEPTED" | "DECLINED" | "ENDED";
  /** This agency's side of the link. */
  side: "SOURCE" | "TARGET";
  /** The other agency's name. */
  otherAgency: string;
  indicatorName: string;
  unitOfMeasure: string;
  targetLevel: TCascadeLevel;
  targetStatement: string;
  at: Date;
  /** Why the target declined (a declined proposal only). */
  declineReason: string | null;
}

export interface TCrosscutOption {
  id: string;
  agencyName: string;
  level: TCascadeLevel;
  statement: string;
}

const PICKER_LIMIT = 1000;

/**
 * The crosscutting page of an agency for one of its periods: proposals waiting for its answer,
 * its own proposals (waiting or declined), the accepted links both ways, its indicators of the
 * period, and the picker: other active agencies of its government, their Tujuan and Sasaran
 * statements of periods overlapping this one (decision 045: what a Bappeda publishes).
 */
export async function loadCrosscutPage(agencyId: string, period: { id: string; startYear: number; endYear: number }) {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { governmentId: true } });
  const linkSelect = {
    id: true,
    status: true,
    sourceAgencyId: true,
    proposedAt: true,
    decidedAt: true,
    declineReason: true,
    sourceAgency: { select: { name: true } },
    targetAgency: { select: { name: true } },
    sourceIndicator: { select: { name: true, unitOfMeasure: true } },
    targetNode: { select: { level: true, statement: true } },
  } satisfies Prisma.CrosscutLinkSelect;
  const [links, indicators, options] = await Promise.all([
    db.crosscutLink.findMany({
      where: {
        OR: [
          { targetAgencyId: agencyId, status: { in: ["PROPOSED", "ACCEPTED"] } },
          { sourceAgencyId: agencyId, status: { in: ["PROPOSED", "ACCEPTED", "DECLINED"] } },
        ],
      },
      orderBy: { proposedAt: "desc" },
      take: 500,
      select: linkSelect,
    }),
    db.cascadeIndicator.findMany({
      where: { agencyId, node: { periodId: period.id } },
      orderBy: [{ node: { level: "asc" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, node: { select: { level: true } } },
    }),
    db.cascadeNode.findMany({
      where: {
        level: { in: ["TUJUAN", "SASARAN"] },
        agencyId: { not: agencyId },
        agency: { governmentId: agency.governmentId, active: true },
        period: { startYear: { lte: period.endYear }, endYear: { gte: period.startYear } },
      },
      orderBy: [{ agency: { name: "asc" } }, { period: { startYear: "asc" } }, { level: "asc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
      take: PICKER_LIMIT,
      select: { id: true, level: true, statement: true, agency: { select: { name: true } } },
    }),
  ]);
  const view = (l: (typeof links)[number]): TCrosscutLinkView => {
    const side = l.sourceAgencyId === agencyId ? "SOURCE" : "TARGET";
    return {
      id: l.id,
      status: l.status,
      side,
      otherAgency: side === "SOURCE" ? l.targetAgency.name : l.sourceAgency.name,
      indicatorName: l.sourceIndicator.name,
      unitOfMeasure: l.sourceIndicator.unitOfMeasure,
      targetLevel: l.targetNode.level,
      targetStatement: l.targetNode.statement,
      at: l.decidedAt ?? l.proposedAt,
      declineReason: l.status === "DECLINED" ? l.declineReason : null,
    };
  };
  const all = links.map(view);
  return {
    incoming: all.filter((l) => l.side === "TARGET" && l.status === "PROPOSED"),
    outgoing: all.filter((l) => l.side === "SOURCE" && l.status !== "ACCEPTED"),
    active: all.filter((l) => l.status === "ACCEPTED"),
    indicators: indicators.map((i) => ({ id: i.id, name: i.name, level: i.node.level })),
    options: options.map((o): TCrosscutOption => ({ id: o.id, agencyName: o.agency.name, level: o.level, statement: o.statement })),
  };
}

/** How many proposals wait for this agency's answer (the tree page's link says so). */
export async function waitingCrosscuts(agencyId: string): Promise<number> {
  return db.crosscutLink.count({ where: { targetAgencyId: agencyId, status: "PROPOSED" } });
}
