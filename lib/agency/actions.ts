"use server";

import { revalidatePath } from "next/cache";

import { agencyAction, platformAction } from "@/lib/authz/action";

import { ZAddMember, ZCreateAgency, ZCreateGovernment, ZGrantAuditor, ZSetMemberActive, ZSetMemberRoles } from "./schemas";
import { addMember, createAgency, createGovernment, grantAuditorAccess, setMemberActive, setMemberRoles } from "./service";

export const addMemberAction = agencyAction(
  { name: "member.add", permission: "member.manage", schema: ZAddMember, audit: { events: ["user.create", "membership.roles_set"] } },
  async (ctx, input) => {
    const result = await addMember(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    revalidatePath(`/a/${ctx.agency.slug}/anggota`);
    return result;
  },
);

export const setMemberRolesAction = agencyAction(
  { name: "member.setRoles", permission: "member.manage", schema: ZSetMemberRoles, audit: { events: ["membership.roles_set"] } },
  async (ctx, input) => {
    await setMemberRoles(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    revalidatePath(`/a/${ctx.agency.slug}/anggota`);
  },
);

export const setMemberActiveAction = agencyAction(
  { name: "member.setActive", permission: "member.manage", schema: ZSetMemberActive, audit: { events: ["membership.deactivate", "membership.reactivate"] } },
  async (ctx, input) => {
    await setMemberActive(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    revalidatePath(`/a/${ctx.agency.slug}/anggota`);
  },
);

export const createGovernmentAction = platformAction(
  { name: "platform.createGovernment", schema: ZCreateGovernment, audit: { events: ["government.create"] } },
  async (ctx, input) => {
    const result = await createGovernment(input, ctx);
    revalidatePath("/admin");
    return result;
  },
);

export const createAgencyAction = platformAction(
  { name: "platform.createAgency", schema: ZCreateAgency, audit: { events: ["agency.create", "membership.roles_set"] } },
  async (ctx, input) => {
    const result = await createAgency(input, ctx);
    revalidatePath("/admin");
    return result;
  },
);

/** The agency administrator grants an auditor access to their own agency. */
export const grantAuditorAction = agencyAction(
  {
    name: "member.grantAuditor",
    permission: "member.manage",
    schema: ZGrantAuditor.omit({ agencyId: true }),
    audit: { events: ["auditor.grant"] },
  },
  async (ctx, input) => {
    await grantAuditorAccess({ ...input, agencyId: ctx.agency.id }, { actor: ctx.actor, meta: ctx.meta });
    revalidatePath(`/a/${ctx.agency.slug}/anggota`);
  },
);

/** The platform administrator grants an auditor access to any agency. */
export const platformGrantAuditorAction = platformAction(
  { name: "platform.grantAuditor", schema: ZGrantAuditor, audit: { events: ["auditor.grant"] } },
  async (ctx, input) => {
    await grantAuditorAccess(input, ctx);
    revalidatePath("/admin");
  },
);
