import "server-only";

import { createHash } from "node:crypto";

import { readAgencySettings } from "@/lib/agency/settings";
import { canonicalJson } from "@/lib/audit/chain";
import { recordAudit, type AuditActor, type AuditRequestMeta } from "@/lib/audit/record";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadAgreement } from "@/lib/performance/queries";
import { buildRecap, type RecapAgreement } from "@/lib/performance/recap";
import { measuresPerformance } from "@/lib/sop/measures-performance";
import { isDecisionKind } from "@/lib/sop/schemas";

import type { TDecisionSnapshot, TDecisionSnapshotContent, TSnapshotRealizationStatus, TSnapshotWork, ZApprovalPolicy } from "./decision-snapshot-shared";
import type { z } from "zod";
import { workUnderReview } from "./work-under-review";

/** sha256 (hex) of the snapshot content's canonical JSON (keys sorted at every level). */
export function hashSnapshotContent(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** A stored snapshot (DecisionSnapshot.content) read back and hashed again: equal to its `hash` unless it was tampered with. */
export function rehashStoredSnapshot(stored: string): string {
  return hashSnapshotContent(JSON.parse(stored));
}

const PERIOD_QUARTER = { TW1: 1, TW2: 2, TW3: 3, TW4: 4, TAHUNAN: 4 } as const;

/** The kind-specific record of a task (lib/cycle/service.ts writes it). */
function taskRecord(raw: unknown) {
  const data = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
  return { checklist: strings(data.checklist), attendees: strings(data.attendees), decisions: str(data.decisions), reference: str(data.reference) };
}

/** The year's PK as the recap reads it (the recap pages' own query), inside the caller's transaction. */
function loadRecapAgreement(tx: DbTx, agencyId: string, year: number): Promise<RecapAgreement | null> {
  return loadAgreement(agencyId, year, undefined, tx);
}

/**
 * The snapshot of what the decision task `taskId` decides on now, built from the
 * database: the work under review (lib/cycle/work-under-review.ts; an every-unit step:
 * each unit's latest done round) with the sha256 of its files, and, for an SOP that
 * measures performance, the period's values, statuses and capaian to date. Null when the
 * task is not this agency's or not a decision. The same data gives the same hash: the page
 * shows it, the decision carries the hash back, the server builds it again and compares.
 */
export async function buildDecisionSnapshot(tx: DbTx, agencyId: string, cycleId: string, taskId: string): Promise<TDecisionSnapshot | null> {
  const cycle = await tx.measurementCycle.findFirst({
    where: { id: cycleId, agencyId },
    select: {
      id: true,
      year: true,
      period: true,
      agency: { select: { settings: true } },
      sop: {
        select: {
          nomor: true,
          version: true,
          measuresPerformance: true,
          steps: { orderBy: { number: "asc" }, select: { number: true, kind: true, kegiatan: true, yesStepNumber: true, noStepNumber: true } },
        },
      },
      tasks: {
        orderBy: [{ stepNumber: "asc" }, { round: "asc" }, { unitName: "asc" }],
        select: {
          id: true,
          stepNumber: true,
          round: true,
          status: true,
          unitId: true,
          unitName: true,
          assignedRoleName: true,
          completedAt: true,
          completedBy: { select: { name: true, nip: true } },
          outputText: true,
          data: true,
          files: { select: { id: true, originalName: true, size: true, sha256: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      },
    },
  });
  const decision = cycle?.tasks.find((t) => t.id === taskId);
  const decisionStep = decision && cycle?.sop.steps.find((s) => s.number === decision.stepNumber);
  if (!cycle || !decision || !decisionStep || !isDecisionKind(decisionStep.kind)) return null;

  const withOutput = cycle.tasks.map((t) => {
    const r = taskRecord(t.data);
    const hasOutput = Boolean(t.outputText?.trim()) || t.files.length > 0 || r.checklist.length > 0 || r.attendees.length > 0 || r.decisions !== null || r.reference !== null;
    return { ...t, hasOutput };
  });
  const decided = workUnderReview(cycle.sop.steps, withOutput, decision.stepNumber);
  // An every-unit step: every unit's latest done round is under review, not only the last one sent.
  const decidedTasks = decided
    ? decided.unitId
      ? [...withOutput.filter((t) => t.stepNumber === decided.stepNumber && t.status === "DONE" && t.unitId).reduce((m, t) => (t.round > (m.get(t.unitId!)?.round ?? 0) ? m.set(t.unitId!, t) : m), new Map<string, (typeof withOutput)[number]>()).values()]
      : [decided]
    : [];
  const kegiatan = (n: number) => cycle.sop.steps.find((s) => s.number === n)?.kegiatan ?? "";
  const work: TSnapshotWork[] = decidedTasks
    .sort((a, b) => (a.unitName ?? "").localeCompare(b.unitName ?? "", "id") || a.id.localeCompare(b.id))
    .map((t) => ({
      taskId: t.id,
      stepNumber: t.stepNumber,
      round: t.round,
      kegiatan: kegiatan(t.stepNumber),
      roleName: t.assignedRoleName,
      unitName: t.unitName,
      completedAt: t.completedAt?.toISOString() ?? null,
      completedBy: t.completedBy ? { name: t.completedBy.name, nip: t.completedBy.nip } : null,
      outputText: t.outputText,
      ...taskRecord(t.data),
      files: t.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size, sha256: f.sha256 })),
    }));

  let performance: TDecisionSnapshotContent["performance"] = null;
  if (measuresPerformance(cycle.sop)) {
    const agreement = await loadRecapAgreement(tx, agencyId, cycle.year);
    if (agreement) {
      const quarter = PERIOD_QUARTER[cycle.period];
      const recap = buildRecap(agreement, quarter, readAgencySettings(cycle.agency.settings).capaian);
      const stored = new Map(agreement.goals.flatMap((g) => g.indicators).map((i) => [i.id, i.realizations.find((r) => r.quarter === quarter) ?? null]));
      const indicators = recap.goals.flatMap((g) =>
        g.indicators.map((i) => {
          const r = stored.get(i.id) ?? null;
          const status: TSnapshotRealizationStatus = r?.status ?? "EMPTY";
          return {
            code: i.code,
            name: i.name,
            unit: i.unit,
            orgUnit: i.orgUnit,
            target: i.quarterTargets[quarter - 1] ?? "-",
            value: r?.value ?? null,
            status,
            realizationToDate: i.realizationToDate === null ? null : String(i.realizationToDate),
            capaian: i.capaian.status === "OK" ? i.capaian.display : i.capaian.message,
            category: i.capaian.status === "OK" ? i.capaian.category : null,
          };
        }),
      );
      performance = { year: cycle.year, quarter, indicators, unverified: indicators.filter((i) => i.status !== "VERIFIED").length };
    }
  }

  const content: TDecisionSnapshotContent = {
    version: 1,
    cycle: { id: cycle.id, sopNomor: cycle.sop.nomor, sopVersion: cycle.sop.version, year: cycle.year, period: cycle.period },
    decision: { taskId: decision.id, stepNumber: decision.stepNumber, round: decision.round },
    work,
    performance,
  };
  return { content, hash: hashSnapshotContent(content) };
}

/**
 * Sets the agency's policy on approving a snapshot with values Tim SAKIP has not verified
 * (Agency.settings.blockUnverifiedApproval), keeping the other settings; audited.
 */
export async function setApprovalPolicy(
  input: z.output<typeof ZApprovalPolicy>,
  ctx: { agencyId: string; actor: AuditActor; meta: AuditRequestMeta | null },
  tx?: DbTx,
) {
  return inTransaction(tx, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Agency" WHERE "id" = ${ctx.agencyId} FOR UPDATE`;
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: ctx.agencyId }, select: { settings: true } });
    const raw = (agency.settings && typeof agency.settings === "object" && !Array.isArray(agency.settings) ? agency.settings : {}) as Record<string, unknown>;
    const before = readAgencySettings(raw).blockUnverifiedApproval;
    await tx.agency.update({ where: { id: ctx.agencyId }, data: { settings: { ...raw, blockUnverifiedApproval: input.blockUnverifiedApproval } as Prisma.InputJsonValue } });
    await recordAudit(
      tx,
      {
        action: "agency.approval_policy_set",
        entityType: "Agency",
        entityId: ctx.agencyId,
        data: { blockUnverifiedApproval: { before, after: input.blockUnverifiedApproval } },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}
