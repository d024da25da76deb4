import "server-only";

import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { parseSignInIdentifier } from "./identifier";
import { dummyPasswordHash, verifyPassword } from "./password";
import { isThrottled, recordAttempt, type ThrottleSubject } from "./throttle";
import { consumeSecondFactor } from "./two-factor";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "throttled" | "nip_format" | "two_factor_required" | "two_factor_invalid" };

/**
 * Checks NIP-or-email + password. Any failure looks the same to the caller
 * ("invalid"), whether the user is unknown, inactive or the password wrong,
 * and costs the same time; only throttling is reported separately, and a
 * NIP of the wrong length gets its format hint (it says nothing about who
 * exists: no account has such a NIP).
 *
 * The identifier is resolved to the account first, so the failure counter is
 * the account's whatever spelling was typed (lib/auth/throttle.ts). Control
 * characters never reach a query: they are dropped from the identifier used
 * for lookup and counting, and an attempt that carried any fails.
 *
 * A user with two-factor sign-in on gets no session for the password alone:
 * the right password without a code answers "two_factor_required" (not a
 * failure: the form then asks for the code), a wrong or replayed code is a
 * failure like a wrong password (it counts toward the lockout), and a
 * recovery code is used up (docs/decisions/021-two-factor.md).
 */
export async function signInWithPassword(
  rawIdentifier: string,
  password: string,
  meta: { ip: string | null; userAgent: string | null },
  secondFactor?: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = parseSignInIdentifier(rawIdentifier);
  if (!parsed.key || !password) return { ok: false, reason: "invalid" };
  const auditMeta = { ...meta, requestId: null };
  const tainted = hasControlCharacters(rawIdentifier) || hasControlCharacters(password);

  const user =
    parsed.kind === "email"
      ? await db.user.findUnique({ where: { email: parsed.email } })
      : parsed.kind === "nip"
        ? await db.user.findUnique({ where: { nip: parsed.nip } })
        : null;
  const subject: ThrottleSubject = user ? { userId: user.id } : { identifier: parsed.key };
  // What the audit row shows of the attempt: what was typed, minus control characters.
  const identifier = parsed.key;

  const fail = async (reason: "throttled" | "invalid" | "inactive" | "nip_format" | "two_factor_invalid") => {
    await db.$transaction(async (tx) => {
      await recordAttempt(tx, subject, meta.ip, false);
      await recordAudit(
        tx,
        { action: "auth.sign_in_failed", entityType: "User", entityId: user?.id ?? null, data: { identifier, reason } },
        { agencyId: null, actor: null, meta: auditMeta },
      );
    });
  };

  if (await isThrottled(db, subject, meta.ip)) {
    await fail("throttled");
    return { ok: false, reason: "throttled" };
  }
  if (parsed.kind === "nipMalformed") {
    await fail("nip_format");
    return { ok: false, reason: "nip_format" };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.active || !passwordOk || tainted) {
    await fail(user && passwordOk && !user.active && !tainted ? "inactive" : "invalid");
    return { ok: false, reason: "invalid" };
  }

  const code = secondFactor?.trim() ?? "";
  if (user.totpEnabledAt && !code) return { ok: false, reason: "two_factor_required" };

  const signedIn = !hasControlCharacters(code) && await db.$transaction(async (tx) => {
    if (user.totpEnabledAt) {
      const factor = await consumeSecondFactor(tx, user.id, code, now);
      if (!factor.ok) return false;
      if (factor.via === "recovery") {
        await recordAudit(
          tx,
          { action: "auth.two_factor_recovery_used", entityType: "User", entityId: user.id, data: { remaining: factor.remaining } },
          { agencyId: null, actor: { id: user.id, name: user.name, nip: user.nip, roles: [] }, meta: auditMeta },
        );
      }
    }
    await recordAttempt(tx, subject, meta.ip, true);
    await recordAudit(
      tx,
      { action: "auth.sign_in", entityType: "User", entityId: user.id, data: { identifier } },
      { agencyId: null, actor: { id: user.id, name: user.name, nip: user.nip, roles: [] }, meta: auditMeta },
    );
    return true;
  });
  if (!signedIn) {
    await fail("two_factor_invalid");
    return { ok: false, reason: "two_factor_invalid" };
  }
  return { ok: true, userId: user.id };
}
