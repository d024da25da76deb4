"use server";

import { revalidatePath } from "next/cache";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZCreateNode, ZCreatePeriod, ZDeleteIndicator, ZDeleteNode, ZSaveIndicator, ZUpdateNode } from "./schemas";
import { createNode, createPeriod, deleteIndicator, deleteNode, saveIndicator, updateNode, type CascadeActor } from "./service";

/** The planning unit edits the tree: the PK managers (ADMIN and the roles the agency designates). Decision 029. */
const who = (ctx: ActionContext): CascadeActor => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
const refresh = (ctx: ActionContext) => revalidatePath(`/a/${ctx.agency.slug}/pohon-kinerja`);

export const createPeriodAction = agencyAction(
  { name: "cascade.createPeriod", permission: "performance.manage", schema: ZCreatePeriod, audit: { events: ["cascade.period_create"] } },
  async (ctx, input) => {
    const period = await createPeriod(input, who(ctx));
    refresh(ctx);
    return period;
  },
);

export const createNodeAction = agencyAction(
  { name: "cascade.createNode", permission: "performance.manage", schema: ZCreateNode, audit: { events: ["cascade.node_create"] } },
  async (ctx, input) => {
    const node = await createNode(input, who(ctx));
    refresh(ctx);
    return node;
  },
);

export const updateNodeAction = agencyAction(
  { name: "cascade.updateNode", permission: "performance.manage", schema: ZUpdateNode, audit: { events: ["cascade.node_update"] } },
  async (ctx, input) => {
    await updateNode(input, who(ctx));
    refresh(ctx);
  },
);

export const deleteNodeAction = agencyAction(
  { name: "cascade.deleteNode", permission: "performance.manage", schema: ZDeleteNode, audit: { events: ["cascade.node_delete"] } },
  async (ctx, input) => {
    await deleteNode(input, who(ctx));
    refresh(ctx);
  },
);

export const saveIndicatorAction = agencyAction(
  { name: "cascade.saveIndicator", permission: "performance.manage", schema: ZSaveIndicator, audit: { events: ["cascade.indicator_create", "cascade.indicator_update"] } },
  async (ctx, input) => {
    const row = await saveIndicator(input, who(ctx));
    refresh(ctx);
    return row;
  },
);

export const deleteIndicatorAction = agencyAction(
  { name: "cascade.deleteIndicator", permission: "performance.manage", schema: ZDeleteIndicator, audit: { events: ["cascade.indicator_delete"] } },
  async (ctx, input) => {
    await deleteIndicator(input, who(ctx));
    refresh(ctx);
  },
);
