import { randomInt } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { ADMIN_ROLE, AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomInt(1000)}`;

/** A well-formed NIP, random enough that tests never collide. */
export function uniqueNip(): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const birth = `19${60 + randomInt(40)}${pad(1 + randomInt(12))}${pad(1 + randomInt(28))}`;
  const appointment = `${2000 + randomInt(25)}${pad(1 + randomInt(12))}`;
  return `${birth}${appointment}${1 + randomInt(2)}${pad(randomInt(1000), 3)}`;
}

export const TEST_PASSWORD = "KataSandiUji123";
let passwordHash: Promise<string> | undefined;

export async function createUser(overrides: Partial<{ name: string; email: string; active: boolean; isPlatformAdmin: boolean }> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: { nip: uniqueNip(), name: overrides.name ?? `Pegawai ${unique()}`, passwordHash: await passwordHash, ...overrides },
  });
}

/** An agency with the reserved roles plus the given ones, in its own government. */
export async function createAgency(roleCodes: string[] = ["KADIS", "TIM_SAKIP"]) {
  const id = unique();
  const government = await db.government.create({ data: { level: "KABUPATEN", name: `Uji ${id}` } });
  return db.agency.create({
    data: {
      slug: `uji-${id}`,
      name: `Dinas Uji ${id}`,
      governmentId: government.id,
      roles: {
        create: [...roleCodes, ADMIN_ROLE, AUDITOR_ROLE].map((code, i) => ({ code, name: `Peran ${code}`, sortOrder: i, isHead: code === "KADIS" })),
      },
    },
    include: { roles: true },
  });
}

export async function addMembership(userId: string, agency: Awaited<ReturnType<typeof createAgency>>, code: string, extra: { active?: boolean; validUntil?: Date } = {}) {
  const role = agency.roles.find((r) => r.code === code);
  if (!role) throw new Error(`no role ${code}`);
  return db.membership.create({ data: { userId, agencyId: agency.id, roleId: role.id, ...extra } });
}

export function actorOf(user: { id: string; name: string; nip: string }, roles: string[] = [ADMIN_ROLE]) {
  return { id: user.id, name: user.name, nip: user.nip, roles };
}
