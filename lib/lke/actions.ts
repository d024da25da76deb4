"use server";

import { agencyAction } from "@/lib/authz/action";

import { lkeActorOf, lkeFollowUpActorOf } from "./actor";
import { ZLkeFollowUp, ZLkeReturn, ZLkeReviewAnswer, ZLkeSelfAnswer, ZLkeYear } from "./schemas";
import { completeLkeReview, createLkeEvaluation, createLkeFollowUp, lockLke, returnLke, saveReviewAnswer, saveSelfAssessment, submitLke, verifyLke } from "./service";

/**
 * The LKE workbench's actions (decisions 033, 036). The door lets through who may act at
 * all (performance.manage for the agency's self-assessment, lke.review for the Inspektorat
 * auditor); the service checks again and owns the status rules.
 */
export const createLkeAction = agencyAction(
  { name: "lke.create", permission: "performance.manage", schema: ZLkeYear, audit: { events: ["lke.create"] } },
  async (ctx, input) => {
    await createLkeEvaluation({ year: input.year }, lkeActorOf(ctx));
  },
);

export const saveLkeAnswerAction = agencyAction(
  { name: "lke.answer", permission: "performance.manage", schema: ZLkeSelfAnswer, audit: { events: ["lke.answer"] } },
  async (ctx, input) => {
    await saveSelfAssessment(input, lkeActorOf(ctx));
  },
);

export const submitLkeAction = agencyAction(
  { name: "lke.submit", permission: "performance.manage", schema: ZLkeYear, audit: { events: ["lke.submit"] } },
  async (ctx, input) => {
    await submitLke(input, lkeActorOf(ctx));
  },
);

export const saveLkeReviewAction = agencyAction(
  { name: "lke.reviewAnswer", permission: "lke.review", schema: ZLkeReviewAnswer, audit: { events: ["lke.review_answer"] } },
  async (ctx, input) => {
    await saveReviewAnswer(input, lkeActorOf(ctx));
  },
);

/** The verifier's step done (SUBMITTED → VERIFIED); the review is completed by another auditor (decision 046). */
export const verifyLkeAction = agencyAction(
  { name: "lke.verify", permission: "lke.review", schema: ZLkeYear, audit: { events: ["lke.verify"] } },
  async (ctx, input) => {
    await verifyLke(input, lkeActorOf(ctx));
  },
);

/** Back to the agency with a reason (from SUBMITTED or VERIFIED): DRAFT, the next round. */
export const returnLkeAction = agencyAction(
  { name: "lke.return", permission: "lke.review", schema: ZLkeReturn, audit: { events: ["lke.return"] } },
  async (ctx, input) => {
    await returnLke(input, lkeActorOf(ctx));
  },
);

export const completeLkeReviewAction = agencyAction(
  { name: "lke.review", permission: "lke.review", schema: ZLkeYear, audit: { events: ["lke.review"] } },
  async (ctx, input) => {
    await completeLkeReview(input, lkeActorOf(ctx));
  },
);

export const lockLkeAction = agencyAction(
  { name: "lke.lock", permission: "lke.review", schema: ZLkeYear, audit: { events: ["lke.lock"] } },
  async (ctx, input) => {
    const score = await lockLke(input, lkeActorOf(ctx));
    return { total: score.total, predikat: score.predikat };
  },
);

/** Follow-up managers (performance managers, evaluation leaders) pass cycle.act; the follow-up service decides. */
export const createLkeFollowUpAction = agencyAction(
  { name: "lke.followUp", permission: "cycle.act", schema: ZLkeFollowUp, audit: { events: ["followup.create"] } },
  async (ctx, input) => {
    return createLkeFollowUp(input, lkeFollowUpActorOf(ctx));
  },
);
