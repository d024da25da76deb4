"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { memberUnitIds } from "@/lib/performance/queries";

import { forbiddenError } from "@/lib/authz/errors";

import { decideCrosscut, endCrosscut, proposeCrosscut } from "./crosscut";
import { generateLevelAgreements, saveActionPlan } from "./level-pk";
import {
  ZCreateNode,
  ZCreatePeriod,
  ZDecideCrosscut,
  ZDeleteIndicator,
  ZDeleteNode,
  ZEndCrosscut,
  ZGenerateLevelPk,
  ZProposeCrosscut,
  ZReviewUnitRealization,
  ZSaveActionPlan,
  ZSaveIndicator,
  ZSaveUnitRealization,
  ZUpdateNode,
} from "./schemas";
import { createNode, createPeriod, deleteIndicator, deleteNode, saveIndicator, updateNode, type CascadeActor } from "./service";
import { canReviewUnitRealizations, UNIT_REVIEW_REFUSAL } from "./unit-realization-access";
import { reviewUnitRealization, saveUnitRealization } from "./unit-realization";

/**
 * Writes do not render (decision 027): the forms refresh the tree themselves.
 * The planning unit edits the tree: the PK managers (ADMIN and the roles the agency designates). Decision 029. */
const who = (ctx: ActionContext): CascadeActor => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

export const createPeriodAction = agencyAction(
  { name: "cascade.createPeriod", permission: "performance.manage", schema: ZCreatePeriod, audit: { events: ["cascade.period_create"] } },
  async (ctx, input) => {
    return createPeriod(input, who(ctx));
  },
);

export const createNodeAction = agencyAction(
  { name: "cascade.createNode", permission: "performance.manage", schema: ZCreateNode, audit: { events: ["cascade.node_create"] } },
  async (ctx, input) => {
    return createNode(input, who(ctx));
  },
);

export const updateNodeAction = agencyAction(
  { name: "cascade.updateNode", permission: "performance.manage", schema: ZUpdateNode, audit: { events: ["cascade.node_update"] } },
  async (ctx, input) => {
    await updateNode(input, who(ctx));
  },
);

export const deleteNodeAction = agencyAction(
  { name: "cascade.deleteNode", permission: "performance.manage", schema: ZDeleteNode, audit: { events: ["cascade.node_delete"] } },
  async (ctx, input) => {
    await deleteNode(input, who(ctx));
  },
);

export const saveIndicatorAction = agencyAction(
  { name: "cascade.saveIndicator", permission: "performance.manage", schema: ZSaveIndicator, audit: { events: ["cascade.indicator_create", "cascade.indicator_update"] } },
  async (ctx, input) => {
    return saveIndicator(input, who(ctx));
  },
);

export const deleteIndicatorAction = agencyAction(
  { name: "cascade.deleteIndicator", permission: "performance.manage", schema: ZDeleteIndicator, audit: { events: ["cascade.indicator_delete"] } },
  async (ctx, input) => {
    await deleteIndicator(input, who(ctx));
  },
);

/** The PK per level of a year from the tree (decision 035): creates what is missing, keeps what exists. */
export const generateLevelPkAction = agencyAction(
  { name: "cascade.generateLevelPk", permission: "performance.manage", schema: ZGenerateLevelPk, audit: { events: ["cascade.pk_generate"] } },
  async (ctx, input) => {
    return generateLevelAgreements(input, who(ctx));
  },
);

/** The Rencana Aksi of a unit PK row: the planning unit's. */
export const saveActionPlanAction = agencyAction(
  { name: "cascade.saveActionPlan", permission: "performance.manage", schema: ZSaveActionPlan, audit: { events: ["cascade.action_plan_save"] } },
  async (ctx, input) => {
    await saveActionPlan(input, who(ctx));
  },
);

/** A unit PK row's realization, saved as a draft or sent (decision 044): the unit's own members, or the planning unit. */
export const saveUnitRealizationAction = agencyAction(
  {
    name: "cascade.saveUnitRealization",
    permission: "realization.fill",
    schema: ZSaveUnitRealization,
    audit: { events: ["cascade.unit_realization_save", "cascade.unit_realization_submit"] },
  },
  async (ctx, input) => {
    return saveUnitRealization(input, { ...who(ctx), unitIds: await memberUnitIds(ctx.agency.id, ctx.user.id), canManage: ctx.can("performance.manage") });
  },
);

/**
 * Verify or return a unit's sent realization: Tim SAKIP (realization.verify) or the planning unit
 * (performance.manage). The door lets working members through; the second right is checked here.
 */
export const reviewUnitRealizationAction = agencyAction(
  {
    name: "cascade.reviewUnitRealization",
    permission: "realization.fill",
    schema: ZReviewUnitRealization,
    audit: { events: ["cascade.unit_realization_verify", "cascade.unit_realization_return"] },
  },
  async (ctx, input) => {
    if (!canReviewUnitRealizations(ctx.can)) throw forbiddenError(UNIT_REVIEW_REFUSAL);
    return reviewUnitRealization(input, who(ctx));
  },
);

/**
 * Crosscutting links (decision 045): the planning unit (performance.manage) of each side. The
 * service keeps the rest: own indicator, a Tujuan/Sasaran of another agency of the same
 * government, the side that may take each step.
 */
export const proposeCrosscutAction = agencyAction(
  { name: "cascade.proposeCrosscut", permission: "performance.manage", schema: ZProposeCrosscut, audit: { events: ["cascade.crosscut_propose"] } },
  async (ctx, input) => {
    return proposeCrosscut(input, who(ctx));
  },
);

export const decideCrosscutAction = agencyAction(
  { name: "cascade.decideCrosscut", permission: "performance.manage", schema: ZDecideCrosscut, audit: { events: ["cascade.crosscut_accept", "cascade.crosscut_decline"] } },
  async (ctx, input) => {
    await decideCrosscut(input, who(ctx));
  },
);

export const endCrosscutAction = agencyAction(
  { name: "cascade.endCrosscut", permission: "performance.manage", schema: ZEndCrosscut, audit: { events: ["cascade.crosscut_end"] } },
  async (ctx, input) => {
    await endCrosscut(input, who(ctx));
  },
);
