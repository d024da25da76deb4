"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZCreateNode, ZCreatePeriod, ZDeleteIndicator, ZDeleteNode, ZSaveIndicator, ZUpdateNode } from "./schemas";
import { createNode, createPeriod, deleteIndicator, deleteNode, saveIndicator, updateNode, type CascadeActor } from "./service";

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
