"use server";

import { agencyAction, platformAction } from "@/lib/authz/action";

import {
  appointAgencyAdmin,
  createAgencyWithAdmin,
  reissueAdminCredential,
  removeAgencyLogo,
  setAgencyActive,
  setAgencyLogo,
  updateAgency,
} from "./platform-service";
import {
  ZAddMember,
  ZAgencyRef,
  ZAppointAdmin,
  ZCreateAgency,
  ZCreateGovernment,
  ZGrantAuditor,
  ZReissueCredential,
  ZSetAgencyActive,
  ZSetAgencyLogo,
  ZSetMemberActive,
  ZSetMemberRoles,
  ZUpdateAgency,
} from "./schemas";
import { addMember, createGovernment, grantAuditorAccess, setMemberActive, setMemberRoles } from "./service";

export const addMemberAction = agencyAction(
  { name: "member.add", permission: "member.manage", schema: ZAddMember, audit: { events: ["user.create", "membership.roles_set"] } },
  async (ctx, input) => {
    const result = await addMember(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

export const setMemberRolesAction = agencyAction(
  { name: "member.setRoles", permission: "member.manage", schema: ZSetMemberRoles, audit: { events: ["membership.roles_set"] } },
  async (ctx, input) => {
    await setMemberRoles(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

export const setMemberActiveAction = agencyAction(
  { name: "member.setActive", permission: "member.manage", schema: ZSetMemberActive, audit: { events: ["membership.deactivate", "membership.reactivate"] } },
  async (ctx, input) => {
    await setMemberActive(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

export const createGovernmentAction = platformAction(
  { name: "platform.createGovernment", schema: ZCreateGovernment, audit: { events: ["government.create"] } },
  async (ctx, input) => {
    const result = await createGovernment(input, ctx);
    return result;
  },
);

/** A new agency together with its first administrator; a new account's credential is in the answer, once. */
export const createAgencyAction = platformAction(
  {
    name: "platform.createAgency",
    schema: ZCreateAgency,
    audit: { events: ["agency.create", "user.create", "user.credential_issue", "membership.roles_set"] },
  },
  async (ctx, input) => {
    const result = await createAgencyWithAdmin(input, ctx);
    return result;
  },
);

export const appointAgencyAdminAction = platformAction(
  {
    name: "platform.appointAdmin",
    schema: ZAppointAdmin,
    audit: { events: ["user.create", "user.credential_issue", "membership.roles_set"] },
  },
  async (ctx, input) => {
    const result = await appointAgencyAdmin(input, ctx);
    return result;
  },
);

export const reissueAdminCredentialAction = platformAction(
  { name: "platform.reissueAdminCredential", schema: ZReissueCredential, audit: { events: ["user.credential_issue"] } },
  async (ctx, input) => {
    const result = await reissueAdminCredential(input, ctx);
    return result;
  },
);

export const updateAgencyAction = platformAction(
  { name: "platform.updateAgency", schema: ZUpdateAgency, audit: { events: ["agency.update"] } },
  async (ctx, input) => {
    const result = await updateAgency(input, ctx);
    return result;
  },
);

export const setAgencyActiveAction = platformAction(
  { name: "platform.setAgencyActive", schema: ZSetAgencyActive, audit: { events: ["agency.deactivate", "agency.reactivate"] } },
  async (ctx, input) => {
    await setAgencyActive(input, ctx);
  },
);

export const setAgencyLogoAction = platformAction(
  { name: "platform.setAgencyLogo", schema: ZSetAgencyLogo, audit: { events: ["agency.update"] } },
  async (ctx, input) => {
    const result = await setAgencyLogo(input, ctx);
    return result;
  },
);

export const removeAgencyLogoAction = platformAction(
  { name: "platform.removeAgencyLogo", schema: ZAgencyRef, audit: { events: ["agency.update"] } },
  async (ctx, input) => {
    const result = await removeAgencyLogo(input.agencyId, ctx);
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
  },
);

/** The platform administrator grants an auditor access to any agency. */
export const platformGrantAuditorAction = platformAction(
  { name: "platform.grantAuditor", schema: ZGrantAuditor, audit: { events: ["auditor.grant"] } },
  async (ctx, input) => {
    await grantAuditorAccess(input, ctx);
  },
);
