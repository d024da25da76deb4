"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZCreateUnit, ZSetMemberUnit, ZSetUnitActive, ZUpdateUnit } from "./schemas";
import { createUnit, setMemberUnit, setUnitActive, updateUnit } from "./service";

const actorOf = (ctx: ActionContext) => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

export const createUnitAction = agencyAction(
  { name: "unit.create", permission: "unit.manage", schema: ZCreateUnit, audit: { events: ["unit.create"] } },
  async (ctx, input) => {
    const unit = await createUnit(input, actorOf(ctx));
    return unit;
  },
);

export const updateUnitAction = agencyAction(
  { name: "unit.update", permission: "unit.manage", schema: ZUpdateUnit, audit: { events: ["unit.update"] } },
  async (ctx, input) => {
    const result = await updateUnit(input, actorOf(ctx));
    return result;
  },
);

export const setUnitActiveAction = agencyAction(
  { name: "unit.setActive", permission: "unit.manage", schema: ZSetUnitActive, audit: { events: ["unit.deactivate", "unit.reactivate"] } },
  async (ctx, input) => {
    await setUnitActive(input, actorOf(ctx));
  },
);

/** A member's unit is member administration (the members page), not unit administration. */
export const setMemberUnitAction = agencyAction(
  { name: "member.setUnit", permission: "member.manage", schema: ZSetMemberUnit, audit: { events: ["membership.unit_set"] } },
  async (ctx, input) => {
    const result = await setMemberUnit(input, actorOf(ctx));
    return result;
  },
);
