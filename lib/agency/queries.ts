import "server-only";

import { db } from "@/lib/db/client";

export async function listMembers(agencyId: string) {
  const [memberships, roles] = await Promise.all([
    db.membership.findMany({
      where: { agencyId },
      select: {
        active: true,
        validUntil: true,
        role: { select: { code: true, name: true, sortOrder: true } },
        user: { select: { id: true, nip: true, name: true, email: true, jabatan: true, active: true } },
      },
    }),
    db.role.findMany({ where: { agencyId }, select: { code: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const byUser = new Map<
    string,
    {
      user: (typeof memberships)[number]["user"];
      active: boolean;
      validUntil: Date | null;
      roles: { code: string; name: string; sortOrder: number }[];
    }
  >();
  const now = new Date();
  for (const m of memberships) {
    const entry = byUser.get(m.user.id) ?? { user: m.user, active: false, validUntil: null, roles: [] };
    entry.active ||= m.active && m.user.active && (!m.validUntil || m.validUntil > now);
    if (m.validUntil && (!entry.validUntil || m.validUntil > entry.validUntil)) entry.validUntil = m.validUntil;
    entry.roles.push(m.role);
    byUser.set(m.user.id, entry);
  }
  const members = [...byUser.values()]
    .map((m) => ({ ...m, roles: m.roles.sort((a, b) => a.sortOrder - b.sortOrder) }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.user.name.localeCompare(b.user.name, "id"));
  return { members, roles };
}

export async function listGovernmentsWithAgencies() {
  return db.government.findMany({
    select: {
      id: true,
      level: true,
      name: true,
      agencies: { select: { id: true, slug: true, name: true, timeZone: true }, orderBy: { name: "asc" } },
    },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
}
