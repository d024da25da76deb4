import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { REQUEST_PATH_HEADER, signInUrl } from "@/lib/auth/callback";
import { authOptions } from "@/lib/auth/options";
import { readAgencySettings, type TAgencySettings } from "@/lib/agency/settings";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  activeMembershipWhere,
  appointmentInForceWhere,
  combineHoldings,
  HOLDING_APPOINTMENT_SELECT,
  HOLDING_MEMBERSHIP_SELECT,
  type TActingCapacity,
} from "@/lib/role/holders";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { ADMIN_ROLE, can, isReadOnly, type TPermission } from "./permissions";
import { getRequestMeta } from "./request-meta";

export interface SessionUser {
  id: string;
  nip: string;
  name: string;
  email: string | null;
  jabatan: string | null;
  isPlatformAdmin: boolean;
  /** Two-factor sign-in is on (an agency may require it of its administrators and heads). */
  twoFactorEnabled: boolean;
  /** The agencies the user is an active member of, by name: the agency switcher's list. */
  agencies: { slug: string; name: string }[];
}

export interface AgencyContext {
  user: SessionUser;
  agency: {
    id: string;
    slug: string;
    name: string;
    timeZone: "WIB" | "WITA" | "WIT";
    governmentName: string;
    settings: TAgencySettings;
    /** Printed on documents: the unit line, the signature city, the logo (lib/agency/format.ts). */
    unitName: string;
    city: string;
    logoFileId: string | null;
  };
  /**
   * The roles the user holds now (lib/role/holders.ts): through memberships,
   * and as an acting official (Plt./Plh.) with `acting` set to the appointment.
   */
  roles: { id: string; code: string; name: string; isHead: boolean; acting: TActingCapacity | null; unitId: string | null }[];
  roleCodes: string[];
  /**
   * The units the user works in here (those of their active memberships), read with the context:
   * a role's `unitId` is its membership's unit, an acting role's the user's own (first) unit.
   */
  unitIds: string[];
  readOnly: boolean;
  /**
   * A platform administrator looking at the agency's administration without
   * being a member (audited each time): no roles, read only, administration
   * pages only (see {@link OVERSIGHT_PERMISSIONS}).
   */
  oversight: boolean;
  /**
   * The agency requires two-factor sign-in of administrators and heads, this
   * member is one and has not turned it on: every door refuses them (pages
   * send them to /profil to enrol, actions and routes answer with the reason)
   * and `can` answers false to everything.
   */
  twoFactorMissing: boolean;
  /** The permission map applied to this member's roles and the agency's designations. */
  can: (permission: TPermission) => boolean;
}

/** A signed-in account that must choose its own password before anything else. */
export interface PasswordChangeAccount {
  id: string;
  nip: string;
  name: string;
}

export type TSessionAccount = { kind: "user"; user: SessionUser } | { kind: "mustChangePassword"; account: PasswordChangeAccount } | null;

// ---------------------------------------------------------------------------
// The instance cache of the frame (docs/decisions/028-cached-frame.md)
// ---------------------------------------------------------------------------

/**
 * What this server instance knows of a user, valid while their `accessVersion`
 * (bumped by triggers in the transaction of every change the context is built
 * from: prisma/migrations/*_access_version) is `version` and until `validUntil`
 * (the next membership expiry or acting appointment start/end: time changes
 * holdings without any write).
 */
interface TAccessEntry {
  version: number;
  validUntil: number;
  account?: TSessionAccount;
  agencies: Map<string, { loaded: TLoadedContext | null; validUntil: number }>;
}
type TLoadedContext = ReturnType<typeof contextOf>;

const MAX_USERS = 20_000;
const MAX_AGENCIES_PER_USER = 16;
// One map per process, whichever bundle layer (pages, actions, routes) imports this module.
const accessCache: Map<string, TAccessEntry> = ((globalThis as { __alurAccessCache?: Map<string, TAccessEntry> }).__alurAccessCache ??= new Map());

/** The agency slug of this request's page (`/a/<slug>/…`, the proxy's path header); null elsewhere or outside a request. */
async function requestAgencySlug(): Promise<string | null> {
  try {
    const path = (await headers()).get(REQUEST_PATH_HEADER);
    const match = path ? /^\/a\/([^/?#]+)/.exec(path) : null;
    const slug = match ? decodeURIComponent(match[1]!) : null;
    return slug && slug.length <= 200 && !hasControlCharacters(slug) ? slug : null;
  } catch {
    return null; // no request (a script, a test) or a malformed escape: nothing to prefetch
  }
}

interface TFrameRead {
  version: number;
  /** The user's unread notifications in the agency of this request's path, counted in the same statement. */
  unread: { agencyId: string; count: number } | null;
}

/**
 * A server action's door (lib/authz/action.ts): React's cache does not memoise outside a render, so
 * the session check and the agency context would each read the version. Within `oneAccessRead`
 * they read it once (decision 049); the handler runs outside it, so a write it makes is seen by
 * whatever reads the frame after it.
 */
const doorVersions = new AsyncLocalStorage<Map<string, Promise<TFrameRead | null>>>();
export function oneAccessRead<T>(fn: () => Promise<T>): Promise<T> {
  return doorVersions.run(new Map(), fn);
}

/**
 * The user's access version now, once per request (React's cache); null when
 * no such user. On an agency page (`/a/<slug>/…`) the same statement also
 * counts the user's unread notifications there, which the agency layout shows
 * in its navigation: one statement instead of two on every agency page
 * (docs/decisions/053-near-miss-pages.md).
 */
const frameRead = cache(async (userId: string): Promise<TFrameRead | null> => {
  const door = doorVersions.getStore();
  if (!door) return readAccessFrame(userId, await requestAgencySlug());
  let read = door.get(userId);
  if (!read) door.set(userId, (read = readAccessFrame(userId, null)));
  return read;
});

/** {@link frameRead} for a given agency slug (or none): exported for its test (tests/integration/access-cache.test.ts). */
export async function readAccessFrame(userId: string, slug: string | null): Promise<TFrameRead | null> {
  // No id holds a control character, and PostgreSQL answers a NUL with a database error, not "no row".
  if (hasControlCharacters(userId)) return null;
  if (slug === null || hasControlCharacters(slug)) {
    const row = await db.user.findUnique({ where: { id: userId }, select: { accessVersion: true } });
    return row ? { version: row.accessVersion, unread: null } : null;
  }
  const rows = await db.$queryRaw<{ version: number; agencyId: string | null; unread: number }[]>`
    SELECT u."accessVersion" AS "version", a."id" AS "agencyId",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."agencyId" = a."id" AND n."readAt" IS NULL) AS "unread"
    FROM "User" u LEFT JOIN "Agency" a ON a."slug" = ${slug}
    WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row) return null;
  return { version: Number(row.version), unread: row.agencyId ? { agencyId: row.agencyId, count: Number(row.unread) } : null };
}

const currentAccessVersion = async (userId: string): Promise<number | null> => (await frameRead(userId))?.version ?? null;

/**
 * The user's unread notifications in this agency as read with this request's
 * access version (the same statement), or null when that read did not count
 * them (another path, no session check yet): the caller then counts itself.
 */
export async function unreadCountFromFrame(userId: string, agencyId: string): Promise<number | null> {
  const read = await frameRead(userId);
  return read?.unread?.agencyId === agencyId ? read.unread.count : null;
}

/**
 * The user's cache entry valid for the version read in this request, emptied
 * when the version moved or a time boundary passed. What is stored in it is
 * read after the version was (each statement sees at least what the version
 * read saw), so an entry is never older than its version.
 */
async function accessEntry(userId: string): Promise<TAccessEntry | null> {
  const version = await currentAccessVersion(userId);
  if (version === null) return null;
  let entry = accessCache.get(userId);
  if (!entry || entry.version !== version || Date.now() >= entry.validUntil) {
    if (entry && entry.version > version) return { version, validUntil: 0, agencies: new Map() }; // another request saw a newer one: use nothing cached, store nothing
    accessCache.delete(userId);
    if (accessCache.size >= MAX_USERS) accessCache.delete(accessCache.keys().next().value!);
    entry = { version, validUntil: Number.POSITIVE_INFINITY, agencies: new Map() };
    accessCache.set(userId, entry);
  }
  return entry;
}

/** Forgets every cached frame of this instance (tests; nothing else needs it: versions decide). */
export function clearAccessCache() {
  accessCache.clear();
}

const earliest = (dates: Iterable<Date | null | undefined>, now: number) => {
  let min = Number.POSITIVE_INFINITY;
  for (const d of dates) if (d && d.getTime() > now && d.getTime() < min) min = d.getTime();
  return min;
};

/**
 * The account behind a session's user id, checked against the database on
 * every request (its access version) and re-read whenever anything it is
 * built from changed: an active user, an active user who must first change
 * the password someone else chose (the door lets them reach only
 * /ganti-sandi), or nobody.
 */
export async function resolveSessionAccount(userId: string): Promise<TSessionAccount> {
  const entry = await accessEntry(userId);
  if (!entry) return null;
  if (entry.account !== undefined) return entry.account;
  const { account, validUntil } = await readSessionAccount(userId);
  entry.account = account;
  entry.validUntil = Math.min(entry.validUntil, validUntil);
  return account;
}

async function readSessionAccount(userId: string): Promise<{ account: TSessionAccount; validUntil: number }> {
  const now = new Date();
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
      mustChangePassword: true,
      totpEnabledAt: true,
      memberships: {
        // A deactivated agency is gone for its members until it is reactivated.
        where: { active: true, agency: { active: true }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        select: { validUntil: true, agency: { select: { slug: true, name: true } } },
      },
    },
  });
  if (!user?.active) return { account: null, validUntil: Number.POSITIVE_INFINITY };
  if (user.mustChangePassword) {
    return { account: { kind: "mustChangePassword", account: { id: user.id, nip: user.nip, name: user.name } }, validUntil: Number.POSITIVE_INFINITY };
  }
  const { active: _active, mustChangePassword: _must, totpEnabledAt, memberships, ...rest } = user;
  // A member with several roles has several memberships in one agency.
  const agencies = [...new Map(memberships.map((m) => [m.agency.slug, m.agency])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, "id"),
  );
  return {
    account: { kind: "user", user: { ...rest, twoFactorEnabled: totpEnabledAt !== null, agencies } },
    validUntil: earliest(memberships.map((m) => m.validUntil), now.getTime()),
  };
}

const getSessionAccount = cache(async (): Promise<TSessionAccount> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  return userId ? resolveSessionAccount(userId) : null;
});

/**
 * The signed-in, active user, re-read from the database on every request.
 * Null for a user who must change their password first: to every page,
 * action and route they are not signed in (requireUser sends them to /ganti-sandi).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSessionAccount();
  return account?.kind === "user" ? account.user : null;
});

/** The signed-in account that must change its password, or null (not signed in, or no change due). */
export async function getPasswordChangeAccount(): Promise<PasswordChangeAccount | null> {
  const account = await getSessionAccount();
  return account?.kind === "mustChangePassword" ? account.account : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect((await getPasswordChangeAccount()) ? "/ganti-sandi" : signInUrl((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

/**
 * Loads the agency and the user's active roles in it. Returns null when the
 * agency does not exist or the user is not an active member: callers answer
 * 404 either way, so existence is never revealed.
 */
export const loadAgencyContext = cache(async (userId: string, slug: string) => {
  const entry = await accessEntry(userId);
  if (!entry) return null;
  const now = Date.now();
  const cached = entry.agencies.get(slug);
  if (cached && now < cached.validUntil) return cached.loaded;
  const { loaded, validUntil } = await readAgencyContext(userId, slug, new Date(now));
  if (entry.agencies.size >= MAX_AGENCIES_PER_USER) entry.agencies.clear();
  entry.agencies.set(slug, { loaded, validUntil });
  return loaded;
});

async function readAgencyContext(userId: string, slug: string, at: Date): Promise<{ loaded: TLoadedContext | null; validUntil: number }> {
  const agency = await loadAgencyRow(userId, slug, at);
  // A deactivated agency refuses its members on their next request (nothing is deleted).
  if (!agency || !agency.active || agency.memberships.length === 0) return { loaded: null, validUntil: Number.POSITIVE_INFINITY };
  // Appointments not yet started are read too (not held yet): their start is when this context expires.
  const inForce = agency.actingAppointments.filter((a) => a.startsAt <= at);
  const validUntil = earliest(
    [...agency.memberships.map((m) => m.validUntil), ...agency.actingAppointments.flatMap((a) => [a.startsAt, a.endsAt])],
    at.getTime(),
  );
  // The roles come from the one source of role holdings (memberships and acting appointments in
  // force now), read in the same statement as the agency and combined by the same function.
  const holdings = combineHoldings(agency.memberships, inForce);
  const ownUnit = agency.memberships.find((m) => m.unitId)?.unitId ?? null;
  const unitOf = (roleId: string, acting: boolean) => (acting ? ownUnit : (agency.memberships.find((m) => m.role.id === roleId)?.unitId ?? null));
  const loaded = contextOf(agency, holdings.map((h) => ({ ...h.role, acting: h.acting, unitId: unitOf(h.role.id, h.acting !== null) })));
  const unitIds = [...new Set(agency.memberships.flatMap((m) => (m.unitId ? [m.unitId] : [])))];
  return { loaded: { ...loaded, unitIds }, validUntil };
}

const AGENCY_CONTEXT_SELECT = (userId: string, at: Date) =>
  ({
    id: true,
    slug: true,
    name: true,
    timeZone: true,
    settings: true,
    active: true,
    unitName: true,
    city: true,
    logoFileId: true,
    government: { select: { level: true, name: true } },
    // The user is active (the session check re-read them), so their active memberships here are
    // their holdings by membership; an appointment counts only beside one (checked by the caller).
    memberships: { where: { userId, ...activeMembershipWhere(at) }, select: { ...HOLDING_MEMBERSHIP_SELECT, validUntil: true, unitId: true }, orderBy: { createdAt: "asc" } },
    // In force now or later (the caller keeps those started): a later start ends the cached context.
    actingAppointments: {
      where: { userId, endedAt: null, endsAt: appointmentInForceWhere(at).endsAt },
      select: { ...HOLDING_APPOINTMENT_SELECT, startsAt: true, endsAt: true },
      orderBy: { startsAt: "asc" },
    },
  }) satisfies Prisma.AgencySelect;

type TLoadedAgency = NonNullable<Awaited<ReturnType<typeof loadAgencyRow>>>;
async function loadAgencyRow(userId: string, slug: string, at: Date) {
  // No slug holds a control character, and PostgreSQL answers a NUL with a database error, not "no row".
  if (hasControlCharacters(slug)) return null;
  return db.agency.findUnique({ where: { slug }, select: AGENCY_CONTEXT_SELECT(userId, at) });
}

type THeldRole = AgencyContext["roles"][number] & { sortOrder: number };
function contextOf(agency: TLoadedAgency, held: THeldRole[]) {
  const roles = [...held].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    agency: {
      id: agency.id,
      slug: agency.slug,
      name: agency.name,
      timeZone: agency.timeZone,
      settings: readAgencySettings(agency.settings),
      governmentName: `${agency.government.level === "PROVINSI" ? "Provinsi" : agency.government.level === "KOTA" ? "Kota" : "Kabupaten"} ${agency.government.name}`,
      unitName: agency.unitName,
      city: agency.city,
      logoFileId: agency.logoFileId,
    },
    roles: roles.map(({ id, code, name, isHead, acting, unitId }) => ({ id, code, name, isHead, acting, unitId })),
    unitIds: [] as string[],
  };
}

/**
 * What a platform administrator may see of an agency they are not a member
 * of: its administration (members, roles, units), never its SOP runs or
 * performance data. A page admits them only when it opts in with an
 * `oversight` label (requireAgencyContext), and each visit is audited.
 */
export const OVERSIGHT_PERMISSIONS: readonly TPermission[] = ["member.view"];

/** The agency for a platform administrator's oversight, deactivated or not; null when it does not exist. */
const loadOversightAgency = cache(async (userId: string, slug: string) => {
  const agency = await loadAgencyRow(userId, slug, new Date());
  return agency ? contextOf({ ...agency, memberships: [], actingAppointments: [] }, []) : null;
});

function oversightContext(user: SessionUser, loaded: NonNullable<Awaited<ReturnType<typeof loadOversightAgency>>>): AgencyContext {
  return {
    user,
    ...loaded,
    roles: [],
    roleCodes: [],
    readOnly: true,
    oversight: true,
    twoFactorMissing: false,
    can: (permission) => OVERSIGHT_PERMISSIONS.includes(permission),
  };
}

/** One audit event per oversight page view (the page may resolve its context more than once). */
const recordOversightView = cache(async (user: SessionUser, agencyId: string, page: string) => {
  const meta = await getRequestMeta();
  await db.$transaction((tx) =>
    recordAudit(
      tx,
      { action: "agency.oversight_view", entityType: "Agency", entityId: agencyId, data: { page } },
      { agencyId, actor: { id: user.id, name: user.name, nip: user.nip, roles: ["PLATFORM_ADMIN"] }, meta },
    ),
  );
});

/**
 * The one door for agency pages: session + membership + roles. Anonymous
 * users go to sign-in; non-members and members lacking `permission` get 404.
 * A page of the agency's administration may pass `oversight` (its name in
 * the audit trail) to admit a platform administrator who is not a member,
 * read only; the visit is recorded in the agency's audit trail.
 */
export async function requireAgencyContext(
  slug: string,
  permission: TPermission = "agency.view",
  options: { oversight?: string } = {},
): Promise<AgencyContext> {
  const user = await requireUser();
  const loaded = await loadAgencyContext(user.id, slug);
  if (!loaded) {
    if (options.oversight && user.isPlatformAdmin && OVERSIGHT_PERMISSIONS.includes(permission)) {
      const agency = await loadOversightAgency(user.id, slug);
      if (agency) {
        await recordOversightView(user, agency.agency.id, options.oversight);
        return oversightContext(user, agency);
      }
    }
    notFound();
  }
  const ctx = buildAgencyContext(user, loaded);
  if (ctx.twoFactorMissing) redirect(twoFactorEnrolPath(ctx.agency.slug));
  if (!ctx.can(permission)) notFound();
  return ctx;
}

/** Where a member the agency requires two-factor sign-in of is sent first. */
export const twoFactorEnrolPath = (slug: string) => `/profil?wajib=${encodeURIComponent(slug)}#verifikasi-dua-langkah`;

/**
 * The agency layout's door: members, and platform administrators (oversight,
 * not audited here: the page they open decides whether they may see it and
 * records the visit).
 */
export async function requireAgencyShellContext(slug: string): Promise<AgencyContext> {
  const user = await requireUser();
  const loaded = await loadAgencyContext(user.id, slug);
  if (loaded) {
    const ctx = buildAgencyContext(user, loaded);
    if (ctx.twoFactorMissing) redirect(twoFactorEnrolPath(ctx.agency.slug));
    return ctx;
  }
  const agency = user.isPlatformAdmin ? await loadOversightAgency(user.id, slug) : null;
  if (!agency) notFound();
  return oversightContext(user, agency);
}

/** The agency requires 2FA of administrators and heads (acting ones too), and this member holds such a role. */
export function requiresTwoFactor(loaded: Pick<AgencyContext, "agency" | "roles">): boolean {
  return loaded.agency.settings.requireTwoFactor && loaded.roles.some((r) => r.code === ADMIN_ROLE || r.isHead);
}

export function buildAgencyContext(
  user: SessionUser,
  loaded: NonNullable<Awaited<ReturnType<typeof loadAgencyContext>>>,
): AgencyContext {
  const roleCodes = loaded.roles.map((r) => r.code);
  const twoFactorMissing = requiresTwoFactor(loaded) && !user.twoFactorEnabled;
  return {
    user,
    ...loaded,
    roleCodes,
    readOnly: isReadOnly(roleCodes),
    oversight: false,
    twoFactorMissing,
    can: (permission) => !twoFactorMissing && can(loaded.roles, permission, loaded.agency.settings.permissions),
  };
}

export async function requirePlatformAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  return user;
}

/** The roles the user holds as an acting official, for the audit actor snapshot. */
export function actingOf(ctx: Pick<AgencyContext, "roles">): { appointmentId: string; roleCode: string; kind: "PLT" | "PLH" }[] {
  return ctx.roles.flatMap((r) => (r.acting ? [{ appointmentId: r.acting.appointmentId, roleCode: r.code, kind: r.acting.kind }] : []));
}
