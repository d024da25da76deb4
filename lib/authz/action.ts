import "server-only";

import { z } from "zod";

import type { TAuditAction } from "@/lib/audit/events";
import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { TWO_FACTOR_MESSAGES } from "@/lib/auth/two-factor-messages";
import { BUSY_MESSAGE, isDatabaseBusy, logBusy } from "@/lib/http/busy";
import { t } from "@/lib/i18n";
import { controlCharacterFieldErrors, findControlCharacters } from "@/lib/validation/control-characters";
import "@/lib/validation/zod-locale";

import {
  actingOf,
  buildAgencyContext,
  getPasswordChangeAccount,
  getSessionUser,
  loadAgencyContext,
  oneAccessRead,
  type AgencyContext,
  type PasswordChangeAccount,
  type SessionUser,
} from "./context";
import { AppError } from "./errors";
import type { TPermission } from "./permissions";
import { getRequestMeta } from "./request-meta";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: AppError["code"] | "UNEXPECTED" | "BUSY"; fieldErrors?: Record<string, string[]> };

export interface ActionContext extends AgencyContext {
  actor: AuditActor;
  meta: AuditRequestMeta;
}

export interface PlatformActionContext {
  user: SessionUser;
  actor: AuditActor;
  meta: AuditRequestMeta;
}

export interface AccountActionContext {
  /** The signed-in account (also one that must change its password first), or null. */
  account: PasswordChangeAccount | null;
  meta: AuditRequestMeta;
}

/**
 * What an action leaves in the audit trail: the event types it writes, or
 * why it writes none (it changes nothing of the agency's record).
 */
export type ActionAudit = { events: readonly TAuditAction[] } | { none: string };

export interface RegisteredAction {
  name: string;
  scope: "agency" | "platform" | "account";
  permission: TPermission | "platform.admin" | "account.self";
  audit: ActionAudit;
  /** The input schema: the proof suite generates invalid payloads from it. */
  schema: z.ZodType;
}

/**
 * Every server action, by name: the proof suite and the audit test walk this
 * registry, so an action that bypasses these wrappers, or declares no audit
 * events, is noticed.
 */
export const ACTION_REGISTRY = new Map<string, RegisteredAction>();

/** Registered actions carry their definition, so tests can map exports to it. */
export const ACTION_META = Symbol.for("alur.action");

function register<F extends object>(fn: F, entry: RegisteredAction): F {
  // Re-registering is normal when a module is evaluated again (hot reload);
  // the registry test checks that names are unique across modules.
  ACTION_REGISTRY.set(entry.name, entry);
  Object.defineProperty(fn, ACTION_META, { value: entry });
  return fn;
}

function failure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
  }
  if (isDatabaseBusy(error)) {
    // No connection in time: the transaction never began or was rolled back, so nothing was written.
    logBusy("action", error);
    return { ok: false, error: BUSY_MESSAGE, code: "BUSY" };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, error: t.errors.unexpected, code: "UNEXPECTED" };
}

/** No usable session: signed out, or signed in but still owing a password change. */
async function signedOut(): Promise<Extract<ActionResult<never>, { ok: false }>> {
  const pending = await getPasswordChangeAccount();
  return { ok: false, error: pending ? t.errors.passwordChangeRequired : t.errors.unauthenticated, code: "UNAUTHENTICATED" };
}

function invalid(error: z.ZodError): Extract<ActionResult<never>, { ok: false }> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: t.errors.invalidInput, code: "INVALID", fieldErrors };
}

/**
 * Every string of every action's raw input, before zod: a control character
 * (NUL above all, which PostgreSQL refuses with a database error) gets a
 * field message at its exact path, for every action at once.
 */
function screen(raw: unknown): Extract<ActionResult<never>, { ok: false }> | null {
  const paths = findControlCharacters(raw);
  if (paths.length === 0) return null;
  return { ok: false, error: t.errors.invalidInput, code: "INVALID", fieldErrors: controlCharacterFieldErrors(paths) };
}

/**
 * The one door for agency server actions: session, membership (non-members
 * get "not found", never a hint that the agency exists), permission, then
 * screening for control characters and zod parsing of the untrusted input,
 * then the handler. Errors become
 * Indonesian messages; nothing unexpected reaches the browser.
 */
export function agencyAction<TSchema extends z.ZodType, TResult>(
  def: { name: string; permission: TPermission; schema: TSchema; audit: ActionAudit },
  handler: (ctx: ActionContext, input: z.output<TSchema>) => Promise<TResult>,
): (agencySlug: string, input: z.input<TSchema>) => Promise<ActionResult<TResult>> {
  const action = async (agencySlug: string, raw: z.input<TSchema>): Promise<ActionResult<TResult>> => {
    try {
      // The session and the agency context with one read of the access version (decision 049).
      const { user, loaded } = await oneAccessRead(async () => {
        const user = await getSessionUser();
        return { user, loaded: user && typeof agencySlug === "string" ? await loadAgencyContext(user.id, agencySlug) : null };
      });
      if (!user) return signedOut();
      if (!loaded) return { ok: false, error: t.errors.notFound, code: "NOT_FOUND" };
      const agencyCtx = buildAgencyContext(user, loaded);
      if (agencyCtx.twoFactorMissing) return { ok: false, error: TWO_FACTOR_MESSAGES.requiredAction, code: "FORBIDDEN" };
      if (!agencyCtx.can(def.permission)) return { ok: false, error: t.errors.forbidden, code: "FORBIDDEN" };
      const refused = screen(raw);
      if (refused) return refused;
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const ctx: ActionContext = {
        ...agencyCtx,
        actor: { id: user.id, name: user.name, nip: user.nip, roles: agencyCtx.roleCodes, acting: actingOf(agencyCtx) },
        meta: await getRequestMeta(),
      };
      return { ok: true, data: await handler(ctx, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
  return register(action, { name: def.name, scope: "agency", permission: def.permission, audit: def.audit, schema: def.schema });
}

/** Platform administration (governments, agencies): platform administrators only. */
export function platformAction<TSchema extends z.ZodType, TResult>(
  def: { name: string; schema: TSchema; audit: ActionAudit },
  handler: (ctx: PlatformActionContext, input: z.output<TSchema>) => Promise<TResult>,
): (input: z.input<TSchema>) => Promise<ActionResult<TResult>> {
  const action = async (raw: z.input<TSchema>): Promise<ActionResult<TResult>> => {
    try {
      const user = await getSessionUser();
      if (!user) return signedOut();
      if (!user.isPlatformAdmin) return { ok: false, error: t.errors.notFound, code: "NOT_FOUND" };
      const refused = screen(raw);
      if (refused) return refused;
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const actor = { id: user.id, name: user.name, nip: user.nip, roles: ["PLATFORM_ADMIN"] };
      return { ok: true, data: await handler({ user, actor, meta: await getRequestMeta() }, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
  return register(action, { name: def.name, scope: "platform", permission: "platform.admin", audit: def.audit, schema: def.schema });
}

/**
 * Actions on the caller's own account, outside any agency: changing one's
 * password (the session's account, including one that must change it before
 * anything else) or setting it through a set-password link (the token is the
 * credential). The input is screened for control characters and parsed first
 * (as every other scope's is); the handler decides what identifies the caller
 * and refuses otherwise.
 */
export function accountAction<TSchema extends z.ZodType, TResult>(
  def: { name: string; schema: TSchema; audit: ActionAudit },
  handler: (ctx: AccountActionContext, input: z.output<TSchema>) => Promise<TResult>,
): (input: z.input<TSchema>) => Promise<ActionResult<TResult>> {
  const action = async (raw: z.input<TSchema>): Promise<ActionResult<TResult>> => {
    try {
      const refused = screen(raw);
      if (refused) return refused;
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const user = await getSessionUser();
      const account = user ? { id: user.id, nip: user.nip, name: user.name } : await getPasswordChangeAccount();
      return { ok: true, data: await handler({ account, meta: await getRequestMeta() }, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
  return register(action, { name: def.name, scope: "account", permission: "account.self", audit: def.audit, schema: def.schema });
}
