import "server-only";

import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { parseSignInIdentifier } from "./identifier";
import { dummyPasswordHash, verifyPassword } from "./password";
import { isThrottled, recordAttempt, type ThrottleSubject } from "./throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" | "nip_format" };

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
 */
export async function signInWithPassword(
  rawIdentifier: string,
  password: string,
  meta: { ip: string | null; userAgent: string | null },
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

  const fail = async (reason: "throttled" | "invalid" | "inactive" | "nip_format") => {
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

  await db.$transaction(async (tx) => {
    await recordAttempt(tx, subject, meta.ip, true);
    await recordAudit(
      tx,
      { action: "auth.sign_in", entityType: "User", entityId: user.id, data: { identifier } },
      { agencyId: null, actor: { id: user.id, name: user.name, nip: user.nip, roles: [] }, meta: auditMeta },
    );
  });
  return { ok: true, userId: user.id };
}
