"use server";

import { z } from "zod";

import { agencyAction } from "@/lib/authz/action";

import { parseSopJson } from "./exchange";
import { activateSop, archiveSop, createNewVersion, createSop, updateSopDraft } from "./service";

const ZSopId = z.string().min(1).max(40);
/** The SOP itself is validated by the service against the agency's roles (parseSopInput). */
const ZSopPayload = z.unknown();

export const createSopAction = agencyAction(
  { name: "sop.create", permission: "sop.edit", schema: z.object({ sop: ZSopPayload }), audit: { events: ["sop.create"] } },
  async (ctx, input) => {
    const result = await createSop(input.sop, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

export const updateSopDraftAction = agencyAction(
  { name: "sop.update", permission: "sop.edit", schema: z.object({ sopId: ZSopId, sop: ZSopPayload }), audit: { events: ["sop.update"] } },
  async (ctx, input) => {
    const result = await updateSopDraft(input.sopId, input.sop, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

export const createSopVersionAction = agencyAction(
  { name: "sop.createVersion", permission: "sop.edit", schema: z.object({ sopId: ZSopId }), audit: { events: ["sop.version_create"] } },
  async (ctx, input) => {
    const result = await createNewVersion(input.sopId, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

export const activateSopAction = agencyAction(
  { name: "sop.activate", permission: "sop.activate", schema: z.object({ sopId: ZSopId }), audit: { events: ["sop.activate"] } },
  async (ctx, input) => {
    const result = await activateSop(input.sopId, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

export const archiveSopAction = agencyAction(
  { name: "sop.archive", permission: "sop.activate", schema: z.object({ sopId: ZSopId }), audit: { events: ["sop.archive"] } },
  async (ctx, input) => {
    await archiveSop(input.sopId, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

export const importSopJsonAction = agencyAction(
  { name: "sop.importJson", permission: "sop.edit", schema: z.object({ json: z.string().max(2_000_000) }), audit: { events: ["sop.import"] } },
  async (ctx, input) => {
    const sop = parseSopJson(input.json);
    const result = await createSop(sop, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta }, "import");
    return result;
  },
);
