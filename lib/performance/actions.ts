"use server";

import { revalidatePath } from "next/cache";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { memberUnitIds } from "./queries";
import { ZAgreementInput, ZBudgetSave, ZRealizationReview, ZRealizationSave } from "./schemas";
import { reviewRealization, saveAgreement, saveBudgetRealization, saveRealization } from "./service";

const actorOf = (ctx: ActionContext) => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

export const saveAgreementAction = agencyAction(
  { name: "performance.saveAgreement", permission: "performance.manage", schema: ZAgreementInput, audit: { events: ["agreement.save"] } },
  async (ctx, input) => {
    const result = await saveAgreement(input, actorOf(ctx));
    revalidatePath(`/a/${ctx.agency.slug}/kinerja`, "layout");
    return result;
  },
);

export const saveRealizationAction = agencyAction(
  {
    name: "performance.saveRealization",
    permission: "realization.fill",
    schema: ZRealizationSave,
    audit: { events: ["realization.save", "realization.submit"] },
  },
  async (ctx, input) => {
    const result = await saveRealization(input, { ...actorOf(ctx), unitIds: await memberUnitIds(ctx.agency.id, ctx.user.id) });
    revalidatePath(`/a/${ctx.agency.slug}/kinerja`, "layout");
    return result;
  },
);

export const reviewRealizationAction = agencyAction(
  {
    name: "performance.reviewRealization",
    permission: "realization.verify",
    schema: ZRealizationReview,
    audit: { events: ["realization.verify", "realization.return"] },
  },
  async (ctx, input) => {
    await reviewRealization(input, actorOf(ctx));
    revalidatePath(`/a/${ctx.agency.slug}/kinerja`, "layout");
  },
);

export const saveBudgetAction = agencyAction(
  { name: "performance.saveBudget", permission: "performance.manage", schema: ZBudgetSave, audit: { events: ["budget.save"] } },
  async (ctx, input) => {
    await saveBudgetRealization(input, actorOf(ctx));
    revalidatePath(`/a/${ctx.agency.slug}/kinerja`, "layout");
  },
);
