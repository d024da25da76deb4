import "server-only";

import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";

import { firstSteps, type TFirstStep } from "./checklist";

/** The agency's first steps, from one statement of filtered counts. */
export async function getFirstSteps(agencyId: string): Promise<TFirstStep[]> {
  const reserved = { notIn: [...RESERVED_ROLE_CODES] };
  const agency = await db.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: {
      roles: { where: { isHead: true }, select: { id: true } },
      _count: {
        select: {
          roles: { where: { code: reserved } },
          orgUnits: { where: { active: true } },
          memberships: { where: { active: true, user: { active: true }, role: { code: reserved } } },
          sops: { where: { status: "ACTIVE" } },
          performanceAgreements: true,
        },
      },
    },
  });
  return firstSteps({
    roles: agency._count.roles,
    headRoles: agency.roles.length,
    activeUnits: agency._count.orgUnits,
    workingMembers: agency._count.memberships,
    activeSops: agency._count.sops,
    agreements: agency._count.performanceAgreements,
  });
}
