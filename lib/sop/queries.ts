import "server-only";

import { db } from "@/lib/db/client";

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

/** One SOP version with its steps, agency roles and the other versions of its series. */
export async function getSop(agencyId: string, sopId: string) {
  const sop = await db.sop.findFirst({
    where: { id: sopId, agencyId },
    include: {
      ...SOP_FULL_INCLUDE,
      activatedBy: { select: { name: true, nip: true } },
      createdBy: { select: { name: true } },
      series: { select: { versions: { select: { id: true, version: true, status: true, activatedAt: true }, orderBy: { version: "desc" } } } },
    },
  });
  return sop;
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
