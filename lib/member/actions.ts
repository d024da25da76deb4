"use server";

import { agencyAction } from "@/lib/authz/action";

import { resetMemberTwoFactor, setTwoFactorPolicy } from "@/lib/auth/two-factor";

import { ZMemberImport, ZResetMemberPassword, ZResetMemberTwoFactor, ZSetTwoFactorPolicy, ZUpdateMember } from "./schemas";
import { importMembers, resetMemberPassword, updateMember } from "./service";

export const updateMemberAction = agencyAction(
  { name: "member.update", permission: "member.manage", schema: ZUpdateMember, audit: { events: ["user.update"] } },
  async (ctx, input) => {
    const result = await updateMember(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

/** A temporary password (shown once) or a set-password link for a member who cannot sign in. */
export const resetMemberPasswordAction = agencyAction(
  { name: "member.resetPassword", permission: "member.manage", schema: ZResetMemberPassword, audit: { events: ["user.credential_issue"] } },
  async (ctx, input) => resetMemberPassword(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta }),
);

/** Members from an xlsx: the preview lists every row's problems; the commit saves all rows or none. */
export const importMembersAction = agencyAction(
  {
    name: "member.import",
    permission: "member.manage",
    schema: ZMemberImport,
    audit: { events: ["member.import", "user.create", "user.credential_issue", "membership.roles_set"] },
  },
  async (ctx, input) => {
    const result = await importMembers(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    return result;
  },
);

/** A member lost their phone: their two-factor sign-in is turned off (audited); they enrol again. */
export const resetMemberTwoFactorAction = agencyAction(
  { name: "member.resetTwoFactor", permission: "member.manage", schema: ZResetMemberTwoFactor, audit: { events: ["auth.two_factor_reset"] } },
  async (ctx, input) => {
    await resetMemberTwoFactor(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);

/** "Wajibkan verifikasi dua langkah untuk administrator dan kepala" (lib/authz/context.ts enforces it). */
export const setTwoFactorPolicyAction = agencyAction(
  { name: "agency.setTwoFactorPolicy", permission: "member.manage", schema: ZSetTwoFactorPolicy, audit: { events: ["agency.two_factor_policy_set"] } },
  async (ctx, input) => {
    await setTwoFactorPolicy(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
  },
);
