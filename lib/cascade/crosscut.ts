import "server-only";

import { readAgencySettings } from "@/lib/agency/settings";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { can } from "@/lib/authz/permissions";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { nudgeEmailDelivery } from "@/lib/jobs/email-nudge";
import { roleHoldings } from "@/lib/role/holders";

import { planCrosscut, type TCrosscutEvent, type TCrosscutSide, type TCrosscutStatus } from "./crosscut-workflow";
import { CASCADE_MESSAGES, CROSSCUT_MESSAGES as M } from "./messages";
import { ZDecideCrosscut, ZEndCrosscut, ZProposeCrosscut, type TDecideCrosscut, type TEndCrosscut, type TProposeCrosscut } from "./schemas";
import type { CascadeActor } from "./service";

/**
 * Crosscutting links (decision 045): the planning unit of agency A proposes that one of its tree
 * indicators supports a Tujuan/Sasaran of agency B of the same government; B's planning unit
 * accepts or declines; either side ends an accepted link. The door (`performance.manage` in the
 * caller's own agency) decides who acts; here: the indicator is the caller's, the target node is
 * a Tujuan/Sasaran of another active agency of the caller's government (anything else, a third
 * agency's link included, is "not found"), the side may take the event (crosscut-workflow.ts),
 * and both agencies' audit trails get the event, the other side's without a person.
 */
const TARGET_LEVELS = ["TUJUAN", "SASARAN"] as const;
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The members of an agency who may manage its PK and tree now: its planning unit (ADMIN and the designated roles). */
async function planningUnit(tx: DbTx, agencyId: string, at: Date): Promise<string[]> {
  const [agency, holdings] = await Promise.all([
    tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true } }),
    roleHoldings(tx, { agencyId, at }),
  ]);
  const designated = readAgencySettings(agency.settings).permissions;
  return [...new Set(holdings.filter((h) => can([{ code: h.role.code, isHead: h.role.isHead }], "performance.manage", designated)).map((h) => h.userId))];
}

interface TLinkFacts {
  id: string;
  sourceAgencyId: string;
  targetAgencyId: string;
  sourceAgency: string;
  targetAgency: string;
  indicatorName: string;
  targetLevel: string;
  targetStatement: string;
}

type TCrosscutAction = "cascade.crosscut_propose" | "cascade.crosscut_accept" | "cascade.crosscut_decline" | "cascade.crosscut_end";

/** The same event in both agencies' trails: the acting side with its actor, the other side with none (no person of another agency). */
async function auditBoth(tx: DbTx, action: TCrosscutAction, link: TLinkFacts, who: CascadeActor, extra: { reason?: string } = {}) {
  const byAgency = who.agencyId === link.sourceAgencyId ? link.sourceAgency : link.targetAgency;
  const event = {
    action,
    entityType: "CrosscutLink" as const,
    entityId: link.id,
    data: {
      sourceAgency: link.sourceAgency,
      targetAgency: link.targetAgency,
      indicatorName: link.indicatorName,
      targetLevel: link.targetLevel,
      targetStatement: link.targetStatement,
      byAgency,
      ...extra,
    },
  };
  const other = who.agencyId === link.sourceAgencyId ? link.targetAgencyId : link.sourceAgencyId;
  await recordAudit(tx, event, { agencyId: who.agencyId, actor: who.actor, meta: who.meta });
  await recordAudit(tx, event, { agencyId: other, actor: null, meta: null });
}

/** Proposes that the caller's indicator supports another agency's Tujuan/Sasaran; B's planning unit is notified. */
export async function proposeCrosscut(raw: TProposeCrosscut, who: CascadeActor & { now?: Date }, outer?: DbTx): Promise<{ id: string }> {
  const input = ZProposeCrosscut.parse(raw);
  const now = who.now ?? new Date();
  try {
    return await inTransaction(outer, async (tx) => {
      // The rows it hangs on are locked FOR SHARE, as a tree child locks its parent: a delete waits and then sees the link.
      await tx.$queryRaw`SELECT "id" FROM "CascadeIndicator" WHERE "id" = ${input.indicatorId} AND "agencyId" = ${who.agencyId} FOR SHARE`;
      const indicator = await tx.cascadeIndicator.findFirst({
        where: { id: input.indicatorId, agencyId: who.agencyId },
        select: { id: true, name: true, node: { select: { period: { select: { startYear: true, endYear: true } } } }, agency: { select: { name: true, governmentId: true } } },
      });
      if (!indicator) throw notFoundError(CASCADE_MESSAGES.indicatorNotFound);
      const governmentId = indicator.agency.governmentId;
      // Only a Tujuan/Sasaran of an active agency of the same government; any other id reads as not found.
      await tx.$queryRaw`SELECT n."id" FROM "CascadeNode" n JOIN "Agency" a ON a."id" = n."agencyId"
        WHERE n."id" = ${input.targetNodeId} AND a."governmentId" = ${governmentId} FOR SHARE OF n`;
      const node = await tx.cascadeNode.findFirst({
        where: { id: input.targetNodeId, agency: { governmentId, active: true } },
        select: { id: true, agencyId: true, level: true, statement: true, period: { select: { startYear: true, endYear: true } }, agency: { select: { name: true } } },
      });
      if (!node || !(TARGET_LEVELS as readonly string[]).includes(node.level)) throw notFoundError(M.targetNotFound);
      if (node.agencyId === who.agencyId) throw invalidError(M.ownAgency, { targetNodeId: [M.ownAgency] });
      const own = indicator.node.period;
      if (node.period.startYear > own.endYear || node.period.endYear < own.startYear) throw invalidError(M.periodsApart, { targetNodeId: [M.periodsApart] });
      const open = await tx.crosscutLink.count({ where: { sourceIndicatorId: indicator.id, targetNodeId: node.id, status: { in: ["PROPOSED", "ACCEPTED"] } } });
      if (open > 0) throw conflictError(M.exists);

      const link = await tx.crosscutLink.create({
        data: { governmentId, sourceAgencyId: who.agencyId, sourceIndicatorId: indicator.id, targetAgencyId: node.agencyId, targetNodeId: node.id, proposedAt: now },
        select: { id: true },
      });
      const facts: TLinkFacts = {
        id: link.id,
        sourceAgencyId: who.agencyId,
        targetAgencyId: node.agencyId,
        sourceAgency: indicator.agency.name,
        targetAgency: node.agency.name,
        indicatorName: indicator.name,
        targetLevel: node.level,
        targetStatement: node.statement,
      };
      await auditBoth(tx, "cascade.crosscut_propose", facts, who);

      const recipients = await planningUnit(tx, node.agencyId, now);
      if (recipients.length) {
        await tx.notification.createMany({
          data: recipients.map((userId) => ({
            agencyId: node.agencyId,
            userId,
            kind: "CROSSCUT_PROPOSED" as const,
            title: M.notifyTitle(indicator.agency.name),
            body: M.notifyBody(indicator.name, CASCADE_MESSAGES.level[node.level], node.statement),
            createdAt: now,
          })),
        });
        // The e-mails follow from the notification rows (decision 048: no shared job row in the transaction).
        nudgeEmailDelivery();
      }
      return link;
    });
  } catch (error) {
    // Two proposals of the same pair at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw conflictError(M.exists);
    throw error;
  }
}

/** Loads a link the caller's agency is a side of, locked for the transition; a third agency's link is "not found". */
async function lockLink(tx: DbTx, linkId: string, agencyId: string) {
  await tx.$queryRaw`SELECT "id" FROM "CrosscutLink" WHERE "id" = ${linkId} AND (${agencyId} IN ("sourceAgencyId", "targetAgencyId")) FOR UPDATE`;
  const link = await tx.crosscutLink.findFirst({
    where: { id: linkId, OR: [{ sourceAgencyId: agencyId }, { targetAgencyId: agencyId }] },
    select: {
      id: true,
      status: true,
      sourceAgencyId: true,
      targetAgencyId: true,
      sourceAgency: { select: { name: true } },
      targetAgency: { select: { name: true } },
      sourceIndicator: { select: { name: true } },
      targetNode: { select: { level: true, statement: true } },
    },
  });
  if (!link) throw notFoundError(M.notFound);
  const facts: TLinkFacts = {
    id: link.id,
    sourceAgencyId: link.sourceAgencyId,
    targetAgencyId: link.targetAgencyId,
    sourceAgency: link.sourceAgency.name,
    targetAgency: link.targetAgency.name,
    indicatorName: link.sourceIndicator.name,
    targetLevel: link.targetNode.level,
    targetStatement: link.targetNode.statement,
  };
  const side: TCrosscutSide = link.sourceAgencyId === agencyId ? "SOURCE" : "TARGET";
  return { status: link.status as TCrosscutStatus, side, facts };
}

const ACTION_OF: Record<TCrosscutEvent, TCrosscutAction> = { ACCEPT: "cascade.crosscut_accept", DECLINE: "cascade.crosscut_decline", END: "cascade.crosscut_end" };

async function transition(linkId: string, event: TCrosscutEvent, who: CascadeActor & { now?: Date }, outer?: DbTx, reason: string | null = null): Promise<void> {
  const now = who.now ?? new Date();
  let notified = false;
  await inTransaction(outer, async (tx) => {
    const { status, side, facts } = await lockLink(tx, linkId, who.agencyId);
    const plan = planCrosscut(status, event, side);
    if (!plan.ok) {
      if (plan.reason === "state") throw conflictError(M.notOpen);
      throw forbiddenError(event === "END" ? M.sourceOnly : M.targetOnly);
    }
    const ended = plan.to === "ENDED";
    const changed = await tx.crosscutLink.updateMany({
      where: { id: facts.id, status },
      data: { status: plan.to, ...(ended ? { endedAt: now, endedByAgencyId: who.agencyId } : { decidedAt: now, declineReason: reason }) },
    });
    if (changed.count !== 1) throw conflictError(M.notOpen);
    await auditBoth(tx, ACTION_OF[event], facts, who, reason ? { reason } : {});
    // The other side's planning unit hears the answer (or the end) in its notifications and e-mail.
    const ownSource = who.agencyId === facts.sourceAgencyId;
    const [otherId, ownName] = ownSource ? [facts.targetAgencyId, facts.sourceAgency] : [facts.sourceAgencyId, facts.targetAgency];
    const recipients = await planningUnit(tx, otherId, now);
    if (recipients.length) {
      await tx.notification.createMany({
        data: recipients.map((userId) => ({
          agencyId: otherId,
          userId,
          kind: "CROSSCUT_ANSWERED" as const,
          title: M.notifyAnsweredTitle(event, ownName),
          body: M.notifyAnsweredBody(event, facts.indicatorName, reason),
          createdAt: now,
        })),
      });
      notified = true;
    }
  });
  // The e-mails follow from the notification rows, after the commit (decision 048).
  if (notified) nudgeEmailDelivery();
}

/** The target agency accepts (both trees show the link) or declines a proposal. */
export async function decideCrosscut(raw: TDecideCrosscut, who: CascadeActor & { now?: Date }, outer?: DbTx): Promise<void> {
  const input = ZDecideCrosscut.parse(raw);
  await transition(input.linkId, input.decision, who, outer, input.reason ?? null);
}

/** The source withdraws its proposal, or either side ends an accepted link. */
export async function endCrosscut(raw: TEndCrosscut, who: CascadeActor & { now?: Date }, outer?: DbTx): Promise<void> {
  const input = ZEndCrosscut.parse(raw);
  await transition(input.linkId, "END", who, outer);
}

/** Open (proposed or accepted) links hanging on an indicator or a node: a delete is refused while any exists. */
export async function openCrosscutCount(tx: DbTx, where: { sourceIndicatorId: string } | { targetNodeId: string }): Promise<number> {
  return tx.crosscutLink.count({ where: { ...where, status: { in: ["PROPOSED", "ACCEPTED"] } } });
}
