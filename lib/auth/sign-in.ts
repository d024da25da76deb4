import "server-only";

import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { normalizeNip } from "@/lib/validation/nip";

import { dummyPasswordHash, verifyPassword } from "./password";
import { isThrottled, recordAttempt } from "./throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks NIP-or-email + password. Any failure looks the same to the caller
 * ("invalid"), whether the user is unknown, inactive or the password wrong,
 * and costs the same time; only throttling is reported separately.
 */
export async function signInWithPassword(
  rawIdentifier: string,
  password: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const identifier = rawIdentifier.trim().slice(0, 200);
  if (!identifier || !password) return { ok: false, reason: "invalid" };
  const auditMeta = { ...meta, requestId: null };

  if (await isThrottled(db, identifier, meta.ip)) {
    await db.$transaction(async (tx) => {
      await recordAttempt(tx, identifier, meta.ip, false);
      await recordAudit(
        tx,
        { action: "auth.sign_in_failed", entityType: "User", entityId: null, data: { identifier, reason: "throttled" } },
        { agencyId: null, actor: null, meta: auditMeta },
      );
    });
    return { ok: false, reason: "throttled" };
  }

  const user = identifier.includes("@")
    ? await db.user.findUnique({ where: { email: identifier.toLowerCase() } })
    : await db.user.findUnique({ where: { nip: normalizeNip(identifier) } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user && user.active && passwordOk);

  await db.$transaction(async (tx) => {
    await recordAttempt(tx, identifier, meta.ip, ok);
    await recordAudit(
      tx,
      ok
        ? { action: "auth.sign_in", entityType: "User", entityId: user!.id, data: { identifier } }
        : {
            action: "auth.sign_in_failed",
            entityType: "User",
            entityId: user?.id ?? null,
            data: { identifier, reason: user && passwordOk && !user.active ? "inactive" : "invalid" },
          },
      {
        agencyId: null,
        actor: ok ? { id: user!.id, name: user!.name, nip: user!.nip, roles: [] } : null,
        meta: auditMeta,
      },
    );
  });
  return ok ? { ok: true, userId: user!.id } : { ok: false, reason: "invalid" };
}
