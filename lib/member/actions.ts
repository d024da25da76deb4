"use server";

import { revalidatePath } from "next/cache";

import { agencyAction } from "@/lib/authz/action";

import { ZMemberImport, ZResetMemberPassword, ZUpdateMember } from "./schemas";
import { importMembers, resetMemberPassword, updateMember } from "./service";

export const updateMemberAction = agencyAction(
  { name: "member.update", permission: "member.manage", schema: ZUpdateMember, audit: { events: ["user.update"] } },
  async (ctx, input) => {
    const result = await updateMember(input, { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
    revalidatePath(`/a/${ctx.agency.slug}/anggota`);
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
    if (result.committed) revalidatePath(`/a/${ctx.agency.slug}`, "layout");
    return result;
  },
);
