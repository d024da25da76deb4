import { z } from "zod";

import { DESIGNATABLE_PERMISSIONS } from "@/lib/authz/permissions";
import { t } from "@/lib/i18n";

const ZId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);

export const ZRoleName = z
  .string({ error: t.errors.required })
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(2, t.errors.tooShort(2)).max(100, t.errors.tooLong(100)));

export const ZCapabilities = z.array(z.enum(DESIGNATABLE_PERMISSIONS)).max(DESIGNATABLE_PERMISSIONS.length).transform((p) => [...new Set(p)]);

export const ZCreateRole = z.object({
  name: ZRoleName,
  isHead: z.boolean().default(false),
  capabilities: ZCapabilities.default([]),
});
export type TCreateRole = z.input<typeof ZCreateRole>;

export const ZRenameRole = z.object({ roleId: ZId, name: ZRoleName });
export const ZRoleRef = z.object({ roleId: ZId });
export const ZSetRoleCapabilities = z.object({ roleId: ZId, capabilities: ZCapabilities });
/** The agency's own roles (not the reserved ones) in their new order: all of them, each once. */
export const ZReorderRoles = z.object({ roleIds: z.array(ZId).min(1).max(200) });
