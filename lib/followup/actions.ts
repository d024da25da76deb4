"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZCloseFollowUp, ZCreateFollowUp, ZReopenFollowUp } from "./schemas";
import { closeFollowUp, createFollowUp, reopenFollowUp, type FollowUpActor } from "./service";

/**
 * Every working member passes the door ("cycle.act": auditors only read); the service
 * decides who may do what: evaluators and performance managers create, edit and reopen,
 * the owner unit's members (and those managers) close. Decision 025.
 */
const who = (ctx: ActionContext): FollowUpActor => ({
  agencyId: ctx.agency.id,
  actor: ctx.actor,
  meta: ctx.meta,
  roleIds: ctx.roles.map((r) => r.id),
  manages: ctx.can("performance.manage"),
});

export const createFollowUpAction = agencyAction(
  { name: "followup.create", permission: "cycle.act", schema: ZCreateFollowUp, audit: { events: ["followup.create"] } },
  async (ctx, input) => {
    const result = await createFollowUp(input, who(ctx));
    return result;
  },
);

export const closeFollowUpAction = agencyAction(
  { name: "followup.close", permission: "cycle.act", schema: ZCloseFollowUp, audit: { events: ["followup.close"] } },
  async (ctx, input) => {
    await closeFollowUp(input, who(ctx));
  },
);

export const reopenFollowUpAction = agencyAction(
  { name: "followup.reopen", permission: "cycle.act", schema: ZReopenFollowUp, audit: { events: ["followup.reopen"] } },
  async (ctx, input) => {
    await reopenFollowUp(input, who(ctx));
  },
);
