import { randomInt } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { ADMIN_ROLE, AUDITOR_ROLE } from "@/lib/authz/permissions";
import type { CycleActor } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { RESERVED_ROLES, type SeedAgency } from "@/lib/seed/agencies";

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

/**
 * An agency shaped like a demo agency of lib/seed/agencies.ts: its role codes,
 * role names (the SOP's executor columns), head role and time zone, plus the
 * reserved ADMIN and AUDITOR roles. Same shape as {@link createAgency}.
 */
export async function createAgencyLike(seed: SeedAgency) {
  const id = unique();
  const government = await db.government.create({ data: { level: seed.government.level, name: `${seed.government.name} ${id}` } });
  return db.agency.create({
    data: {
      slug: `${seed.slug}-${id}`,
      name: `${seed.name} ${id}`,
      governmentId: government.id,
      timeZone: seed.timeZone,
      settings: { permissions: seed.designations },
      roles: {
        create: [...seed.roles, ...RESERVED_ROLES].map((r, i) => ({ code: r.code, name: r.name, sortOrder: i, isHead: Boolean(r.isHead) })),
      },
    },
    include: { roles: true },
  });
}

/** What the server actions pass to the cycle service for a member acting under the given roles. */
export function cycleActorOf(
  user: { id: string; name: string; nip: string },
  agency: Awaited<ReturnType<typeof createAgency>>,
  roleCodes: string[],
  now?: Date,
): CycleActor {
  const roleIds = roleCodes.map((code) => {
    const role = agency.roles.find((r) => r.code === code);
    if (!role) throw new Error(`no role ${code}`);
    return role.id;
  });
  return { agencyId: agency.id, actor: actorOf(user, roleCodes), roleIds, roleCodes, meta: null, ...(now ? { now } : {}) };
}

/**
 * Whether the tests run on the embedded PGlite, which serves one query at a
 * time: a race cannot happen there, so concurrency tests skip themselves.
 */
export async function onEmbeddedDatabase(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return /PGlite/i.test(row?.version ?? "");
}
export const EMBEDDED_SKIP_REASON = "PGlite serves one query at a time, so this race cannot happen there: run on PostgreSQL (TEST_DATABASE_URL)";
