"use server";

import { agencyAction, type ActionContext } from "@/lib/authz/action";

import { ZCreateRole, ZRenameRole, ZReorderRoles, ZRoleRef, ZSetRoleCapabilities } from "./schemas";
import { createRole, deleteRole, renameRole, reorderRoles, setHeadRole, setRoleCapabilities } from "./service";

const actorOf = (ctx: ActionContext) => ({ agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta });
/** Role names show up everywhere: SOP editor, members, cycles, the shell. */

export const createRoleAction = agencyAction(
  { name: "role.create", permission: "role.manage", schema: ZCreateRole, audit: { events: ["role.create", "role.update"] } },
  async (ctx, input) => {
    const role = await createRole(input, actorOf(ctx));
    return role;
  },
);

export const renameRoleAction = agencyAction(
  { name: "role.rename", permission: "role.manage", schema: ZRenameRole, audit: { events: ["role.update"] } },
  async (ctx, input) => {
    const result = await renameRole(input, actorOf(ctx));
    return result;
  },
);

export const setHeadRoleAction = agencyAction(
  { name: "role.setHead", permission: "role.manage", schema: ZRoleRef, audit: { events: ["role.update"] } },
  async (ctx, input) => {
    await setHeadRole(input, actorOf(ctx));
  },
);

export const reorderRolesAction = agencyAction(
  { name: "role.reorder", permission: "role.manage", schema: ZReorderRoles, audit: { events: ["role.reorder"] } },
  async (ctx, input) => {
    await reorderRoles(input, actorOf(ctx));
  },
);

export const setRoleCapabilitiesAction = agencyAction(
  { name: "role.setCapabilities", permission: "role.manage", schema: ZSetRoleCapabilities, audit: { events: ["role.update"] } },
  async (ctx, input) => {
    const result = await setRoleCapabilities(input, actorOf(ctx));
    return result;
  },
);

export const deleteRoleAction = agencyAction(
  { name: "role.delete", permission: "role.manage", schema: ZRoleRef, audit: { events: ["role.delete"] } },
  async (ctx, input) => {
    await deleteRole(input, actorOf(ctx));
  },
);
