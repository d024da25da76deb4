/**
 * The static permission map: which role codes may do what. Role codes are
 * per agency; ADMIN (agency administrator) and AUDITOR (Inspektorat, read
 * only) are reserved in every agency, and HEAD stands for the agency's head
 * role (Kepala Dinas, Sekretaris DPRD). An agency may designate other roles
 * for some permissions in its settings (`permissions`), never for auditors.
 * The UI uses `can` to hide controls; every server action and route checks
 * it again.
 */
export const ADMIN_ROLE = "ADMIN";
export const AUDITOR_ROLE = "AUDITOR";
export const RESERVED_ROLE_CODES = [ADMIN_ROLE, AUDITOR_ROLE] as const;

/** Any active member of the agency, auditors included. */
const ANY_MEMBER = "*" as const;
/** The agency's head role(s) (Role.isHead). */
export const HEAD = "@HEAD" as const;
/** Any member with a working role: everyone but read-only auditors. */
const WORKING_MEMBER = "@MEMBER" as const;

export const PERMISSIONS = {
  "agency.view": [ANY_MEMBER],
  "member.view": [ADMIN_ROLE, AUDITOR_ROLE],
  "member.manage": [ADMIN_ROLE],
  /** Create, rename, reorder, delete roles; the head role; what each role may do (designations). */
  "role.manage": [ADMIN_ROLE],
  /** Organisational units (Bidang, Sekretariat, Subbagian, UPTD): create, rename, move, deactivate. */
  "unit.manage": [ADMIN_ROLE],
  "sop.view": [ANY_MEMBER],
  "sop.edit": [ADMIN_ROLE],
  "sop.activate": [HEAD],
  "cycle.view": [ANY_MEMBER],
  /** Start a cycle: further limited to the first step's role or ADMIN by the service. */
  "cycle.start": [WORKING_MEMBER],
  /** Act on a task: further limited to the task's assigned role by the service. */
  "cycle.act": [WORKING_MEMBER],
  "cycle.cancel": [ADMIN_ROLE, HEAD],
  "performance.view": [ANY_MEMBER],
  /** Maintain the PK, indicators, quarterly targets and budget realization (and roles the agency designates). */
  "performance.manage": [ADMIN_ROLE],
  /** Fill realization values: further limited to the indicator's unit by the service. */
  "realization.fill": [WORKING_MEMBER],
  /** Only roles the agency designates (its Tim SAKIP, whatever it is called): no role code is special. */
  "realization.verify": [],
  /** Upload the agency's signing certificate (.p12) (lib/signing). */
  "signing.certificate": [ADMIN_ROLE],
  /** Sign (PAdES or a wet-signed scan) and revoke the agency's documents: the head, or its Plt./Plh. */
  "document.sign": [HEAD],
  /** The agency's audit log, chain verification and SLA summary. */
  "audit.view": [ADMIN_ROLE, AUDITOR_ROLE, HEAD],
  /** The LKE workbench: read the year's self-assessment, score and suggested evidence. */
  "lke.view": [ANY_MEMBER],
  /**
   * Review and lock the agency's LKE: the Inspektorat auditor (AUDITOR role, granted with
   * member.grantAuditor / platform.grantAuditor), the one write an auditor holds (decision 033).
   * The self-assessment is edited by performance.manage holders.
   */
  "lke.review": [AUDITOR_ROLE],
} as const satisfies Record<string, readonly string[]>;

export type TPermission = keyof typeof PERMISSIONS;

/** Permissions an agency may grant to more roles in its settings. */
export const DESIGNATABLE_PERMISSIONS = [
  "sop.edit",
  "sop.activate",
  "performance.manage",
  "realization.verify",
] as const satisfies readonly TPermission[];
export type TDesignatablePermission = (typeof DESIGNATABLE_PERMISSIONS)[number];

export interface RoleRef {
  code: string;
  isHead?: boolean;
}

export function can(
  roles: readonly (RoleRef | string)[],
  permission: TPermission,
  designated: Partial<Record<TPermission, readonly string[]>> = {},
): boolean {
  const allowed: readonly string[] | undefined = PERMISSIONS[permission];
  if (!allowed || roles.length === 0) return false;
  if (allowed.includes(ANY_MEMBER)) return true;
  const extra = (DESIGNATABLE_PERMISSIONS as readonly string[]).includes(permission) ? (designated[permission] ?? []) : [];
  return roles.some((role) => {
    const code = typeof role === "string" ? role : role.code;
    const isHead = typeof role === "string" ? false : Boolean(role.isHead);
    if (code === AUDITOR_ROLE) return allowed.includes(AUDITOR_ROLE);
    return (
      allowed.includes(WORKING_MEMBER) || allowed.includes(code) || (isHead && allowed.includes(HEAD)) || extra.includes(code)
    );
  });
}

/** Auditors read; nothing they hold lets them change anything, except reviewing the LKE (lke.review, decision 033). */
export function isReadOnly(roleCodes: readonly string[]): boolean {
  return roleCodes.length > 0 && roleCodes.every((c) => c === AUDITOR_ROLE);
}
