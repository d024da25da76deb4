import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { createFollowUp, type FollowUpActor } from "@/lib/followup/service";
import type { Prisma } from "@/lib/generated/prisma/client";

import { EDITION_88, EDITION_88_FROM_YEAR } from "./edition-88";
import { LKE_MESSAGES as M } from "./messages";
import {
  ZLkeCreate,
  ZLkeFollowUp,
  ZLkeReturn,
  ZLkeReviewAnswer,
  ZLkeSelfAnswer,
  ZLkeYear,
  type TLkeCreate,
  type TLkeReturn,
  type TLkeFollowUp,
  type TLkeReviewAnswer,
  type TLkeSelfAnswer,
  type TLkeYear,
} from "./schemas";
import { rankGains, scoreLke, type TLkeAnswers } from "./score";
import { findCriterion, ZLkeStructure, type TLkeStructure } from "./structure";

/**
 * The LKE workbench (docs/decisions/033-lke.md). `edits`: the agency's performance managers
 * (performance.manage: ADMIN and the roles the agency designates) fill the self-assessment;
 * `reviews`: an Inspektorat auditor of the agency (the AUDITOR role, granted with
 * member.grantAuditor / platform.grantAuditor; permission lke.review) reviews and locks.
 */
export interface LkeActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  edits: boolean;
  reviews: boolean;
  now?: Date;
}

const num = (d: Prisma.Decimal | number) => (typeof d === "number" ? d : d.toNumber());

/** Writes an edition row with its components, sub-components and criteria, in the given order (a new edition or a copy). */
export async function writeEdition(t: DbTx, edition: { name: string; validFromYear: number }, components: TLkeStructure["components"]): Promise<{ id: string }> {
  const created = await t.lkeEdition.create({ data: edition, select: { id: true } });
  for (const [ci, c] of components.entries()) {
    const component = await t.lkeComponent.create({
      data: { editionId: created.id, code: c.code, name: c.name, weight: c.weight, sortOrder: ci },
      select: { id: true },
    });
    for (const [si, s] of c.subComponents.entries()) {
      await t.lkeSubComponent.create({
        data: {
          componentId: component.id,
          code: s.code,
          name: s.name,
          weight: s.weight,
          sortOrder: si,
          criteria: { create: s.criteria.map((k, ki) => ({ code: k.code, text: k.text, weight: k.weight, scale: k.scale, sortOrder: ki })) },
        },
      });
    }
  }
  return created;
}

/** Creates an edition from a structure unless one of that name exists (idempotent). */
export async function ensureEdition(structure: TLkeStructure, validFromYear: number, tx?: DbTx): Promise<string> {
  return inTransaction(tx, async (t) => {
    const existing = await t.lkeEdition.findUnique({ where: { name: structure.editionName }, select: { id: true } });
    if (existing) return existing.id;
    return (await writeEdition(t, { name: structure.editionName, validFromYear }, structure.components)).id;
  });
}

/** The Permenpan RB 88/2021 edition (created on first use: it is reference data held in code). */
export async function ensureEdition88(tx?: DbTx): Promise<string> {
  try {
    return await ensureEdition(EDITION_88, EDITION_88_FROM_YEAR, tx);
  } catch (error) {
    // Two first uses at once: the other one created it.
    if (!tx && (error as { code?: string }).code === "P2002") return ensureEdition(EDITION_88, EDITION_88_FROM_YEAR);
    throw error;
  }
}

/** The edition's structure as it is now in the database. */
export async function editionStructure(tx: DbTx, editionId: string): Promise<TLkeStructure | null> {
  const edition = await tx.lkeEdition.findUnique({
    where: { id: editionId },
    select: {
      name: true,
      components: {
        orderBy: { sortOrder: "asc" },
        select: {
          code: true,
          name: true,
          weight: true,
          subComponents: {
            orderBy: { sortOrder: "asc" },
            select: { code: true, name: true, weight: true, criteria: { orderBy: { sortOrder: "asc" }, select: { code: true, text: true, weight: true, scale: true } } },
          },
        },
      },
    },
  });
  if (!edition) return null;
  return ZLkeStructure.parse({
    editionName: edition.name,
    components: edition.components.map((c) => ({
      code: c.code,
      name: c.name,
      weight: num(c.weight),
      subComponents: c.subComponents.map((s) => ({
        code: s.code,
        name: s.name,
        weight: num(s.weight),
        criteria: s.criteria.map((k) => ({ code: k.code, text: k.text, weight: num(k.weight), scale: k.scale })),
      })),
    })),
  });
}

/** The edition for a year: the newest validFromYear <= year; among equals, the first created. */
async function editionFor(tx: DbTx, year: number, editionId?: string) {
  if (editionId) {
    const e = await tx.lkeEdition.findFirst({ where: { id: editionId, validFromYear: { lte: year } }, select: { id: true, name: true } });
    if (!e) throw new AppError(M.editionNotFound, "NOT_FOUND", { editionId: [M.editionNotFound] });
    return e;
  }
  const e = await tx.lkeEdition.findFirst({
    where: { validFromYear: { lte: year } },
    orderBy: [{ validFromYear: "desc" }, { createdAt: "asc" }],
    select: { id: true, name: true },
  });
  if (!e) throw invalidError(M.noEdition(year), { year: [M.noEdition(year)] });
  return e;
}

/** The evaluation of the year, row-locked; another agency's is never found. */
async function lockEvaluation(tx: DbTx, agencyId: string, year: number) {
  await tx.$queryRaw`SELECT "id" FROM "LkeEvaluation" WHERE "agencyId" = ${agencyId} AND "year" = ${year} FOR UPDATE`;
  const evaluation = await tx.lkeEvaluation.findUnique({ where: { agencyId_year: { agencyId, year } } });
  if (!evaluation) throw notFoundError(M.notFound(year));
  if (evaluation.status === "LOCKED") throw conflictError(M.locked(year));
  return { ...evaluation, structure: ZLkeStructure.parse(evaluation.structure) };
}

function criterionOf(structure: TLkeStructure, code: string, answer: string | null) {
  const found = findCriterion(structure, code);
  if (!found) throw new AppError(M.unknownCriterion, "NOT_FOUND", { criterionCode: [M.unknownCriterion] });
  if (answer !== null && !found.criterion.scale.some((o) => o.code === answer)) {
    const msg = M.answerOffScale(found.criterion.scale.map((o) => o.code).join(", "));
    throw invalidError(msg, { answer: [msg] });
  }
  return found.criterion;
}

/** The answer that counts: the reviewer's when given, else the self-assessment. */
export function finalAnswers(answers: readonly { criterionCode: string; selfAnswer: string | null; reviewerAnswer: string | null }[]): Record<string, string | null> {
  return Object.fromEntries(answers.map((a) => [a.criterionCode, a.reviewerAnswer ?? a.selfAnswer]));
}
const selfAnswers = (answers: readonly { criterionCode: string; selfAnswer: string | null }[]): TLkeAnswers =>
  Object.fromEntries(answers.map((a) => [a.criterionCode, a.selfAnswer]));

/** Opens the year's LKE, copying the edition's structure (weights, scales) into it. */
export async function createLkeEvaluation(raw: TLkeCreate, who: LkeActor, tx?: DbTx) {
  const input = ZLkeCreate.parse(raw);
  if (!who.edits) throw forbiddenError(M.notEditor);
  if (!input.editionId) await ensureEdition88(tx);
  return inTransaction(tx, async (t) => {
    const edition = await editionFor(t, input.year, input.editionId);
    // The editor changes an edition only while no evaluation uses it, under FOR UPDATE (lib/lke/editions.ts, decision 046).
    await t.$queryRaw`SELECT "id" FROM "LkeEdition" WHERE "id" = ${edition.id} FOR SHARE`;
    const structure = await editionStructure(t, edition.id);
    const exists = await t.lkeEvaluation.findUnique({ where: { agencyId_year: { agencyId: who.agencyId, year: input.year } }, select: { id: true } });
    if (exists) throw conflictError(M.exists(input.year));
    const evaluation = await t.lkeEvaluation.create({
      data: { agencyId: who.agencyId, year: input.year, editionId: edition.id, structure: structure!, createdById: who.actor.id },
      select: { id: true },
    });
    await recordAudit(
      t,
      { action: "lke.create", entityType: "LkeEvaluation", entityId: evaluation.id, data: { year: input.year, edition: edition.name } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
    return evaluation;
  });
}

/** The agency's answer to one criterion, with its justification and evidence links (DRAFT only). */
export async function saveSelfAssessment(raw: TLkeSelfAnswer, who: LkeActor, tx?: DbTx) {
  const input = ZLkeSelfAnswer.parse(raw);
  if (!who.edits) throw forbiddenError(M.notEditor);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "DRAFT") throw conflictError(M.notDraft);
    criterionOf(evaluation.structure, input.criterionCode, input.answer);
    const key = { evaluationId_criterionCode: { evaluationId: evaluation.id, criterionCode: input.criterionCode } };
    const before = await t.lkeAnswer.findUnique({ where: key });
    const after = { selfAnswer: input.answer, justification: input.justification, evidenceLinks: input.evidenceLinks };
    await t.lkeAnswer.upsert({
      where: key,
      create: { evaluationId: evaluation.id, agencyId: who.agencyId, criterionCode: input.criterionCode, ...after },
      update: after,
    });
    await recordAudit(
      t,
      {
        action: "lke.answer",
        entityType: "LkeEvaluation",
        entityId: evaluation.id,
        data: {
          year: input.year,
          criterionCode: input.criterionCode,
          answer: { before: before?.selfAnswer ?? null, after: input.answer },
          justification: { before: before?.justification ?? "", after: input.justification },
          evidenceLinks: { before: before?.evidenceLinks ?? [], after: input.evidenceLinks },
        },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta },
    );
  });
}

/** Self-assessment done: every criterion answered; DRAFT → SUBMITTED. */
export async function submitLke(raw: TLkeYear, who: LkeActor, tx?: DbTx) {
  const input = ZLkeYear.parse(raw);
  if (!who.edits) throw forbiddenError(M.notEditor);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "DRAFT") throw conflictError(M.notDraft);
    const answers = await t.lkeAnswer.findMany({ where: { evaluationId: evaluation.id }, select: { criterionCode: true, selfAnswer: true } });
    const score = scoreLke(evaluation.structure, selfAnswers(answers));
    if (score.answered < score.criteria) throw invalidError(M.unanswered(score.criteria - score.answered));
    await t.lkeEvaluation.update({ where: { id: evaluation.id }, data: { status: "SUBMITTED", submittedAt: who.now ?? new Date(), submittedById: who.actor.id } });
    await recordAudit(
      t,
      { action: "lke.submit", entityType: "LkeEvaluation", entityId: evaluation.id, data: { year: input.year, status: { before: "DRAFT", after: "SUBMITTED" }, score: score.total, predikat: score.predikat, round: evaluation.round } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/** The reviewer's answer (null: agrees with the agency's) and note on one criterion (SUBMITTED only). */
export async function saveReviewAnswer(raw: TLkeReviewAnswer, who: LkeActor, tx?: DbTx) {
  const input = ZLkeReviewAnswer.parse(raw);
  if (!who.reviews) throw forbiddenError(M.notReviewer);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "SUBMITTED" && evaluation.status !== "VERIFIED") throw conflictError(M.notSubmitted);
    if (evaluation.status === "VERIFIED" && evaluation.verifiedById === who.actor.id) throw forbiddenError(M.sameAsVerifier);
    criterionOf(evaluation.structure, input.criterionCode, input.answer);
    const key = { evaluationId_criterionCode: { evaluationId: evaluation.id, criterionCode: input.criterionCode } };
    const before = await t.lkeAnswer.findUnique({ where: key });
    const after = { reviewerAnswer: input.answer, reviewerNote: input.note };
    await t.lkeAnswer.upsert({
      where: key,
      create: { evaluationId: evaluation.id, agencyId: who.agencyId, criterionCode: input.criterionCode, evidenceLinks: [], ...after },
      update: after,
    });
    await recordAudit(
      t,
      {
        action: "lke.review_answer",
        entityType: "LkeEvaluation",
        entityId: evaluation.id,
        data: {
          year: input.year,
          criterionCode: input.criterionCode,
          answer: { before: before?.reviewerAnswer ?? null, after: input.answer },
          note: { before: before?.reviewerNote ?? "", after: input.note },
        },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta },
    );
  });
}

/**
 * The verifier (an Inspektorat auditor) finishes checking the answers: SUBMITTED → VERIFIED
 * (decision 046). The review is then completed by another auditor (the pengendali).
 */
export async function verifyLke(raw: TLkeYear, who: LkeActor, tx?: DbTx) {
  const input = ZLkeYear.parse(raw);
  if (!who.reviews) throw forbiddenError(M.notReviewer);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "SUBMITTED") throw conflictError(M.notSubmitted);
    const answers = await t.lkeAnswer.findMany({ where: { evaluationId: evaluation.id } });
    const score = scoreLke(evaluation.structure, finalAnswers(answers));
    await t.lkeEvaluation.update({ where: { id: evaluation.id }, data: { status: "VERIFIED", verifiedAt: who.now ?? new Date(), verifiedById: who.actor.id } });
    await recordAudit(
      t,
      {
        action: "lke.verify",
        entityType: "LkeEvaluation",
        entityId: evaluation.id,
        data: { year: input.year, status: { before: "SUBMITTED", after: "VERIFIED" }, score: score.total, predikat: score.predikat, round: evaluation.round },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/** The reviewer (pengendali: an auditor other than the verifier) finishes the review: VERIFIED → REVIEWED. */
export async function completeLkeReview(raw: TLkeYear, who: LkeActor, tx?: DbTx) {
  const input = ZLkeYear.parse(raw);
  if (!who.reviews) throw forbiddenError(M.notReviewer);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "VERIFIED") throw conflictError(M.notVerified);
    if (evaluation.verifiedById === who.actor.id) throw forbiddenError(M.sameAsVerifier);
    const answers = await t.lkeAnswer.findMany({ where: { evaluationId: evaluation.id } });
    const score = scoreLke(evaluation.structure, finalAnswers(answers));
    await t.lkeEvaluation.update({ where: { id: evaluation.id }, data: { status: "REVIEWED", reviewedAt: who.now ?? new Date(), reviewedById: who.actor.id } });
    await recordAudit(
      t,
      {
        action: "lke.review",
        entityType: "LkeEvaluation",
        entityId: evaluation.id,
        data: { year: input.year, status: { before: "VERIFIED", after: "REVIEWED" }, score: score.total, predikat: score.predikat, round: evaluation.round },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

/**
 * The verifier (SUBMITTED) or the reviewer (VERIFIED) returns the evaluation to the agency
 * with a reason (decision 046): back to DRAFT, the next round; the reviewer's answers and
 * notes stay and are shown to the agency per criterion; the agency revises and submits again.
 */
export async function returnLke(raw: TLkeReturn, who: LkeActor, tx?: DbTx) {
  const input = ZLkeReturn.parse(raw);
  if (!who.reviews) throw forbiddenError(M.notReviewer);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "SUBMITTED" && evaluation.status !== "VERIFIED") throw conflictError(M.notReturnable);
    await t.lkeReturn.create({
      data: { evaluationId: evaluation.id, round: evaluation.round, fromStatus: evaluation.status, reason: input.reason, returnedById: who.actor.id, returnedAt: who.now ?? new Date() },
    });
    await t.lkeEvaluation.update({
      where: { id: evaluation.id },
      data: { status: "DRAFT", round: evaluation.round + 1, verifiedAt: null, verifiedById: null },
    });
    await recordAudit(
      t,
      {
        action: "lke.return",
        entityType: "LkeEvaluation",
        entityId: evaluation.id,
        data: { year: input.year, round: evaluation.round, status: { before: evaluation.status, after: "DRAFT" }, reason: input.reason },
      },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
  });
}

const TIMELINE_ACTIONS = ["lke.create", "lke.submit", "lke.verify", "lke.return", "lke.review", "lke.lock"] as const;

/** The evaluation's steps from its audit trail, oldest first: who did what, when, and each return's reason (decision 046). */
export async function lkeTimeline(agencyId: string, evaluationId: string) {
  const rows = await db.auditEvent.findMany({
    where: { agencyId, entityType: "LkeEvaluation", entityId: evaluationId, action: { in: [...TIMELINE_ACTIONS] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, action: true, createdAt: true, actorSnapshot: true, data: true },
  });
  return rows.map((r) => {
    const data = (r.data ?? {}) as { round?: number; reason?: string; score?: number; predikat?: string };
    return {
      id: String(r.id),
      action: r.action as (typeof TIMELINE_ACTIONS)[number],
      at: r.createdAt,
      actorName: ((r.actorSnapshot ?? {}) as { name?: string }).name ?? "",
      round: data.round ?? 1,
      reason: data.reason ?? null,
    };
  });
}

/** The reviewer locks the year: REVIEWED → LOCKED, with the score and predikat kept. */
export async function lockLke(raw: TLkeYear, who: LkeActor, tx?: DbTx) {
  const input = ZLkeYear.parse(raw);
  if (!who.reviews) throw forbiddenError(M.notReviewer);
  return inTransaction(tx, async (t) => {
    const evaluation = await lockEvaluation(t, who.agencyId, input.year);
    if (evaluation.status !== "REVIEWED") throw conflictError(M.notReviewed);
    const answers = await t.lkeAnswer.findMany({ where: { evaluationId: evaluation.id } });
    const score = scoreLke(evaluation.structure, finalAnswers(answers));
    await t.lkeEvaluation.update({
      where: { id: evaluation.id },
      data: { status: "LOCKED", lockedAt: who.now ?? new Date(), lockedById: who.actor.id, lockedScore: score.total, lockedPredikat: score.predikat },
    });
    await recordAudit(
      t,
      { action: "lke.lock", entityType: "LkeEvaluation", entityId: evaluation.id, data: { year: input.year, status: { before: "REVIEWED", after: "LOCKED" }, score: score.total, predikat: score.predikat, round: evaluation.round } },
      { agencyId: who.agencyId, actor: who.actor, meta: who.meta, at: who.now },
    );
    return score;
  });
}

/**
 * A reviewer's note on a criterion becomes a tracked follow-up (source LKE, decision 036),
 * through the follow-up service and its rule of who manages follow-ups (the agency's
 * performance managers and evaluation leaders). Once the review is done (REVIEWED or
 * LOCKED: the follow-up is a record of its own, the locked LKE does not change); one per
 * criterion.
 */
export async function createLkeFollowUp(raw: TLkeFollowUp, who: FollowUpActor, tx?: DbTx) {
  const input = ZLkeFollowUp.parse(raw);
  return inTransaction(tx, async (t) => {
    await t.$queryRaw`SELECT "id" FROM "LkeEvaluation" WHERE "agencyId" = ${who.agencyId} AND "year" = ${input.year} FOR UPDATE`;
    const evaluation = await t.lkeEvaluation.findUnique({ where: { agencyId_year: { agencyId: who.agencyId, year: input.year } }, select: { id: true, status: true } });
    if (!evaluation) throw notFoundError(M.notFound(input.year));
    if (evaluation.status !== "REVIEWED" && evaluation.status !== "LOCKED") throw conflictError(M.followUpNotReviewed);
    const answer = await t.lkeAnswer.findUnique({
      where: { evaluationId_criterionCode: { evaluationId: evaluation.id, criterionCode: input.criterionCode } },
      select: { reviewerNote: true },
    });
    if (!answer?.reviewerNote.trim()) throw invalidError(M.followUpNoNote, { criterionCode: [M.followUpNoNote] });
    const exists = await t.followUp.findFirst({ where: { agencyId: who.agencyId, lkeEvaluationId: evaluation.id, lkeCriterionCode: input.criterionCode }, select: { id: true } });
    if (exists) throw conflictError(M.followUpExists);
    return createFollowUp(
      { recommendation: input.recommendation, unitId: input.unitId, dueDate: input.dueDate, cycleId: null },
      who,
      t,
      { evaluationId: evaluation.id, criterionCode: input.criterionCode },
    );
  });
}

/** The year's LKE with its answers, score (final answers), self-assessment score and ranked gains; null when not created. */
export async function loadLke(agencyId: string, year: number) {
  const evaluation = await db.lkeEvaluation.findUnique({
    where: { agencyId_year: { agencyId, year } },
    include: { answers: true, edition: { select: { name: true, validFromYear: true } }, returns: { orderBy: { round: "desc" }, take: 1, include: { returnedBy: { select: { name: true } } } } },
  });
  if (!evaluation) return null;
  const structure = ZLkeStructure.parse(evaluation.structure);
  const final = finalAnswers(evaluation.answers);
  return {
    evaluation,
    structure,
    answers: new Map(evaluation.answers.map((a) => [a.criterionCode, a])),
    score: scoreLke(structure, final),
    selfScore: scoreLke(structure, selfAnswers(evaluation.answers)),
    gains: rankGains(structure, final),
  };
}
