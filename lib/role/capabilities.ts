import { ADMIN_ROLE, AUDITOR_ROLE, can, DESIGNATABLE_PERMISSIONS, type TDesignatablePermission } from "@/lib/authz/permissions";

/**
 * What a role may do, as the role screen shows it: the designatable
 * permissions the static map already gives it (the head activates SOPs, the
 * administrator edits SOPs and the PK), and those the agency designated in
 * its settings. Pure: the same answer as `can` for a member holding only this role.
 */
export function impliedCapabilities(role: { code: string; isHead: boolean }): TDesignatablePermission[] {
  return DESIGNATABLE_PERMISSIONS.filter((p) => can([role], p, {}));
}

export function designatedCapabilities(
  code: string,
  designations: Partial<Record<string, readonly string[]>>,
): TDesignatablePermission[] {
  return DESIGNATABLE_PERMISSIONS.filter((p) => (designations[p] ?? []).includes(code));
}

/** The settings' designations with `code` granted exactly `capabilities` (other roles untouched). */
export function withCapabilities(
  designations: Partial<Record<TDesignatablePermission, readonly string[]>>,
  code: string,
  capabilities: readonly TDesignatablePermission[],
): Partial<Record<TDesignatablePermission, string[]>> {
  const next: Partial<Record<TDesignatablePermission, string[]>> = {};
  for (const p of DESIGNATABLE_PERMISSIONS) {
    const others = (designations[p] ?? []).filter((c) => c !== code);
    const list = capabilities.includes(p) ? [...others, code] : others;
    if (list.length) next[p] = list;
  }
  return next;
}

export const isReservedRole = (code: string) => code === ADMIN_ROLE || code === AUDITOR_ROLE;
