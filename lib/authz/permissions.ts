/**
 * The static permission map: which role codes may do what. Role codes are
 * per agency; ADMIN (agency administrator) and AUDITOR (Inspektorat, read
 * only) are reserved in every agency. The UI uses `can` to hide controls;
 * every server action and route checks it again.
 */
export const ADMIN_ROLE = "ADMIN";
export const AUDITOR_ROLE = "AUDITOR";
export const RESERVED_ROLE_CODES = [ADMIN_ROLE, AUDITOR_ROLE] as const;

/** Any active member of the agency, auditors included. */
const ANY_MEMBER = "*" as const;

export const PERMISSIONS = {
  "agency.view": [ANY_MEMBER],
  "member.view": [ADMIN_ROLE, AUDITOR_ROLE],
  "member.manage": [ADMIN_ROLE],
} as const satisfies Record<string, readonly string[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(roleCodes: readonly string[], permission: TPermission): boolean {
  const allowed: readonly string[] | undefined = PERMISSIONS[permission];
  if (!allowed) return false;
  if (roleCodes.length === 0) return false;
  if (allowed.includes(ANY_MEMBER)) return true;
  return roleCodes.some((code) => allowed.includes(code));
}

/** Auditors read; nothing they hold lets them change anything. */
export function isReadOnly(roleCodes: readonly string[]): boolean {
  return roleCodes.length > 0 && roleCodes.every((c) => c === AUDITOR_ROLE);
}
