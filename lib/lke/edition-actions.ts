"use server";

import { platformAction } from "@/lib/authz/action";

import { copyEdition, updateEditionCriterion, updateEditionGroup, updateEditionMeta } from "./editions";
import { ZLkeEditionCopy, ZLkeEditionCriterion, ZLkeEditionGroup, ZLkeEditionMeta } from "./schemas";

/** The LKE edition editor (platform administrators only; decision 046). An edition in use is refused by the service. */
export const copyLkeEditionAction = platformAction(
  { name: "platform.copyLkeEdition", schema: ZLkeEditionCopy, audit: { events: ["lke.edition_copy"] } },
  async (ctx, input) => {
    const edition = await copyEdition(input, ctx);
    return { id: edition.id };
  },
);

export const updateLkeEditionAction = platformAction(
  { name: "platform.updateLkeEdition", schema: ZLkeEditionMeta, audit: { events: ["lke.edition_update"] } },
  async (ctx, input) => {
    await updateEditionMeta(input, ctx);
  },
);

export const updateLkeEditionGroupAction = platformAction(
  { name: "platform.updateLkeEditionGroup", schema: ZLkeEditionGroup, audit: { events: ["lke.edition_update"] } },
  async (ctx, input) => {
    await updateEditionGroup(input, ctx);
  },
);

export const updateLkeEditionCriterionAction = platformAction(
  { name: "platform.updateLkeEditionCriterion", schema: ZLkeEditionCriterion, audit: { events: ["lke.edition_update"] } },
  async (ctx, input) => {
    await updateEditionCriterion(input, ctx);
  },
);
