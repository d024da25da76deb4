import "server-only";

import { db } from "@/lib/db/client";

/** Roles and active units, by name, for the import template. */
export async function listImportChoices(agencyId: string) {
  const [roles, units] = await Promise.all([
    db.role.findMany({ where: { agencyId }, select: { code: true, name: true }, orderBy: { sortOrder: "asc" } }),
    db.orgUnit.findMany({ where: { agencyId, active: true }, select: { name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
  ]);
  return { roles, units };
}

/** The signed-in user's own profile: person data, and in each active agency their roles and unit. */
export async function loadProfile(userId: string) {
  const now = new Date();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      nip: true,
      name: true,
      gelarDepan: true,
      gelarBelakang: true,
      jabatan: true,
      pangkat: true,
      email: true,
      memberships: {
        where: { active: true, agency: { active: true }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        select: {
          agency: { select: { slug: true, name: true } },
          role: { select: { name: true, sortOrder: true } },
          unit: { select: { name: true } },
        },
      },
    },
  });
  const agencies = new Map<string, { slug: string; name: string; roles: { name: string; sortOrder: number }[]; unit: string | null }>();
  for (const m of user.memberships) {
    const entry = agencies.get(m.agency.slug) ?? { ...m.agency, roles: [], unit: null };
    entry.roles.push(m.role);
    entry.unit ??= m.unit?.name ?? null;
    agencies.set(m.agency.slug, entry);
  }
  const { memberships: _m, ...person } = user;
  return {
    ...person,
    agencies: [...agencies.values()].map((a) => ({ ...a, roles: a.roles.sort((x, y) => x.sortOrder - y.sortOrder).map((r) => r.name) })),
  };
}
