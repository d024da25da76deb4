import "server-only";

import { ADMIN_ROLE } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { getStorage, StorageNotFoundError } from "@/lib/storage";

import { isAgencyInUse } from "./platform-service";

export async function listMembers(agencyId: string) {
  const [memberships, roles] = await Promise.all([
    db.membership.findMany({
      where: { agencyId },
      select: {
        active: true,
        validUntil: true,
        unitId: true,
        role: { select: { code: true, name: true, sortOrder: true } },
        user: { select: { id: true, nip: true, name: true, email: true, jabatan: true, gelarDepan: true, gelarBelakang: true, pangkat: true, active: true, totpEnabledAt: true } },
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
      /** The unit the member works in (the same on all their memberships). */
      unitId: string | null;
      roles: { code: string; name: string; sortOrder: number }[];
    }
  >();
  const now = new Date();
  for (const m of memberships) {
    const entry = byUser.get(m.user.id) ?? { user: m.user, active: false, validUntil: null, unitId: null, roles: [] };
    entry.unitId ??= m.unitId;
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
      agencies: { select: { id: true, slug: true, name: true, timeZone: true, active: true }, orderBy: { name: "asc" } },
    },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
}

/** One agency as the platform administrator manages it: profile, status, administrators, whether its slug is fixed. */
export async function getAgencyForPlatform(agencyId: string) {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      unitName: true,
      address: true,
      city: true,
      active: true,
      logoFileId: true,
      government: { select: { level: true, name: true } },
      memberships: {
        where: { role: { code: ADMIN_ROLE } },
        select: { active: true, user: { select: { id: true, name: true, nip: true, email: true, jabatan: true, active: true, mustChangePassword: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!agency) return null;
  const { memberships, ...rest } = agency;
  return {
    ...rest,
    inUse: await isAgencyInUse(db, agency.id),
    admins: memberships.map((m) => ({ ...m.user, active: m.active && m.user.active })),
  };
}

/** The agency's logo as a data: URL (for the platform page; members get it from /a/<slug>/logo), or null. */
export async function agencyLogoDataUrl(agencyId: string): Promise<string | null> {
  const logo = await getAgencyLogo(agencyId);
  return logo ? `data:${logo.mimeType};base64,${logo.bytes.toString("base64")}` : null;
}

/** The agency's logo bytes and type, or null when it has none (or its bytes are gone). */
export async function getAgencyLogo(agencyId: string): Promise<{ id: string; mimeType: string; bytes: Buffer } | null> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { logoFile: { select: { id: true, storageKey: true, mimeType: true } } } });
  const file = agency?.logoFile;
  if (!file) return null;
  try {
    const body = await getStorage().get(file.storageKey);
    if (Buffer.isBuffer(body)) return { id: file.id, mimeType: file.mimeType, bytes: body };
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return { id: file.id, mimeType: file.mimeType, bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof StorageNotFoundError) return null;
    throw error;
  }
}
