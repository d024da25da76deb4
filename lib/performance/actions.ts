"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { invalidError } from "@/lib/authz/errors";

import { parsePkWorkbook, PK_IMPORT_MAX_BYTES, PK_IMPORT_MESSAGES, toAgreementInput, ZPkImportRequest } from "./pk-import";
import { listOrgUnits, loadAgreement, memberUnitIds } from "./queries";
import { ZAgreementInput, ZBudgetSave, ZRealizationReview, ZRealizationSave } from "./schemas";
import { reviewRealization, saveAgreement, saveBudgetRealization, saveRealization } from "./service";

const actorOf = (ctx: ActionContext) => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });

export const saveAgreementAction = agencyAction(
  { name: "performance.saveAgreement", permission: "performance.manage", schema: ZAgreementInput, audit: { events: ["agreement.save"] } },
  async (ctx, input) => {
    const result = await saveAgreement(input, actorOf(ctx));
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
  },
);

export const saveBudgetAction = agencyAction(
  { name: "performance.saveBudget", permission: "performance.manage", schema: ZBudgetSave, audit: { events: ["budget.save"] } },
  async (ctx, input) => {
    await saveBudgetRealization(input, actorOf(ctx));
  },
);

/** Import of the year's PK from the xlsx annex: read and report (save: false), or read again and save. */
export const importAgreementAction = agencyAction(
  {
    name: "performance.importAgreement",
    permission: "performance.manage",
    schema: ZPkImportRequest,
    audit: { events: ["agreement.save"] },
  },
  async (ctx, input) => {
    const bytes = Buffer.from(input.fileBase64, "base64");
    if (bytes.length > PK_IMPORT_MAX_BYTES) {
      throw invalidError(PK_IMPORT_MESSAGES.fileTooLarge, { fileBase64: [PK_IMPORT_MESSAGES.fileTooLarge] });
    }
    const [units, current] = await Promise.all([listOrgUnits(ctx.agency.id), loadAgreement(ctx.agency.id, input.year)]);
    const parsed = await parsePkWorkbook(bytes, {
      year: input.year,
      units: units.map((u) => u.name),
      existing: current?.goals.flatMap((g) => g.indicators.map((i) => ({ code: i.code, name: i.name }))) ?? [],
    });
    if (!input.save) return { ...parsed, saved: false, agreementId: null };
    const checked = toAgreementInput(parsed, input.header);
    if (!checked.ok) throw invalidError(checked.message, checked.fieldErrors);
    const { id } = await saveAgreement(checked.data, actorOf(ctx));
    return { ...parsed, saved: true, agreementId: id };
  },
);
