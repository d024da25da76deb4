import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { SOP_FULL_INCLUDE } from "./service";

/** The agency's SOPs: the newest version of each series, with its status and the active version if another. */
export async function listSops(agencyId: string, search?: string) {
  const q = search?.trim().slice(0, 100);
  const sops = await db.sop.findMany({
    where: {
      agencyId,
      ...(q ? { OR: [{ nama: { contains: q, mode: "insensitive" } }, { nomor: { contains: q, mode: "insensitive" } }] } : {}),
    },
    select: {
      id: true,
      seriesId: true,
      nomor: true,
      nama: true,
      unit: true,
      version: true,
      status: true,
      tanggalEfektif: true,
      updatedAt: true,
      _count: { select: { steps: true } },
    },
    orderBy: [{ nomor: "asc" }, { version: "desc" }],
  });
  const bySeries = new Map<string, { latest: (typeof sops)[number]; active: (typeof sops)[number] | null }>();
  for (const sop of sops) {
    const entry = bySeries.get(sop.seriesId) ?? { latest: sop, active: null };
    if (sop.status === "ACTIVE") entry.active = sop;
    bySeries.set(sop.seriesId, entry);
  }
  return [...bySeries.values()];
}

/** One SOP version as its pages show it: steps with their roles, who activated and created it, its series' versions. */
const SOP_PAGE_INCLUDE = {
  ...SOP_FULL_INCLUDE,
  activatedBy: { select: { name: true, nip: true } },
  createdBy: { select: { name: true } },
  series: { select: { versions: { select: { id: true, version: true, status: true, activatedAt: true }, orderBy: { version: "desc" } } } },
} as const satisfies Prisma.SopInclude;

export async function getSop(agencyId: string, sopId: string) {
  return db.sop.findFirst({ where: { id: sopId, agencyId }, include: SOP_PAGE_INCLUDE });
}

/**
 * The SOP document page's read: getSop and the name of the agency's head role (which completes a
 * bare signer's title on the document) in one statement (issue 16, decision 076), instead of
 * getSop beside getAgencyRoles.
 */
export async function getSopWithHeadRole(agencyId: string, sopId: string) {
  const sop = await db.sop.findFirst({
    where: { id: sopId, agencyId },
    include: {
      ...SOP_PAGE_INCLUDE,
      agency: { select: { roles: { where: { isHead: true, code: { notIn: ["AUDITOR"] } }, select: { name: true }, orderBy: { sortOrder: "asc" }, take: 1 } } },
    },
  });
  if (!sop) return null;
  const { agency, ...rest } = sop;
  return { sop: rest, headRoleName: agency.roles[0]?.name ?? null };
}

export async function getAgencyRoles(agencyId: string) {
  return db.role.findMany({
    where: { agencyId, code: { notIn: ["AUDITOR"] } },
    select: { id: true, code: true, name: true, isHead: true },
    orderBy: { sortOrder: "asc" },
  });
}

export async function getAgencyHeader(agencyId: string) {
  return db.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { name: true, government: { select: { level: true, name: true } } },
  });
}
