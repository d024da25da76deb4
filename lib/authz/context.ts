import "server-only";

import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { authOptions } from "@/lib/auth/options";
import { readAgencySettings, type TAgencySettings } from "@/lib/agency/settings";
import { db } from "@/lib/db/client";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { can, isReadOnly, type TPermission } from "./permissions";

export interface SessionUser {
  id: string;
  nip: string;
  name: string;
  email: string | null;
  jabatan: string | null;
  isPlatformAdmin: boolean;
  /** The agencies the user is an active member of, by name: the agency switcher's list. */
  agencies: { slug: string; name: string }[];
}

export interface AgencyContext {
  user: SessionUser;
  agency: { id: string; slug: string; name: string; timeZone: "WIB" | "WITA" | "WIT"; governmentName: string; settings: TAgencySettings };
  roles: { id: string; code: string; name: string; isHead: boolean }[];
  roleCodes: string[];
  readOnly: boolean;
  /** The permission map applied to this member's roles and the agency's designations. */
  can: (permission: TPermission) => boolean;
}

/** The signed-in, active user, re-read from the database on every request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  // One statement (relation joins): the user and the agencies of their active memberships.
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      nip: true,
      name: true,
      email: true,
      jabatan: true,
      isPlatformAdmin: true,
      active: true,
      memberships: {
        where: { active: true, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
        select: { agency: { select: { slug: true, name: true } } },
      },
    },
  });
  if (!user?.active) return null;
  const { active: _active, memberships, ...rest } = user;
  // A member with several roles has several memberships in one agency.
  const agencies = [...new Map(memberships.map((m) => [m.agency.slug, m.agency])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, "id"),
  );
  return { ...rest, agencies };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/masuk");
  return user;
}

/**
 * Loads the agency and the user's active roles in it. Returns null when the
 * agency does not exist or the user is not an active member: callers answer
 * 404 either way, so existence is never revealed.
 */
export const loadAgencyContext = cache(async (userId: string, slug: string) => {
  // No slug holds a control character, and PostgreSQL answers a NUL with a database error, not "no row".
  if (hasControlCharacters(slug)) return null;
  const agency = await db.agency.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      settings: true,
      government: { select: { level: true, name: true } },
      memberships: {
        where: { userId, active: true, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
        select: { role: { select: { id: true, code: true, name: true, isHead: true, sortOrder: true } } },
      },
    },
  });
  if (!agency || agency.memberships.length === 0) return null;
  const roles = agency.memberships.map((m) => m.role).sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    agency: {
      id: agency.id,
      slug: agency.slug,
      name: agency.name,
      timeZone: agency.timeZone,
      settings: readAgencySettings(agency.settings),
      governmentName: `${agency.government.level === "PROVINSI" ? "Provinsi" : agency.government.level === "KOTA" ? "Kota" : "Kabupaten"} ${agency.government.name}`,
    },
    roles: roles.map(({ id, code, name, isHead }) => ({ id, code, name, isHead })),
  };
});

/**
 * The one door for agency pages: session + membership + roles. Anonymous
 * users go to sign-in; non-members and members lacking `permission` get 404.
 */
export async function requireAgencyContext(slug: string, permission: TPermission = "agency.view"): Promise<AgencyContext> {
  const user = await requireUser();
  const loaded = await loadAgencyContext(user.id, slug);
  if (!loaded) notFound();
  const ctx = buildAgencyContext(user, loaded);
  if (!ctx.can(permission)) notFound();
  return ctx;
}

export function buildAgencyContext(
  user: SessionUser,
  loaded: NonNullable<Awaited<ReturnType<typeof loadAgencyContext>>>,
): AgencyContext {
  const roleCodes = loaded.roles.map((r) => r.code);
  return {
    user,
    ...loaded,
    roleCodes,
    readOnly: isReadOnly(roleCodes),
    can: (permission) => can(loaded.roles, permission, loaded.agency.settings.permissions),
  };
}

export async function requirePlatformAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  return user;
}
