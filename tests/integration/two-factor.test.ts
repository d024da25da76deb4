import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_IDENTIFIER } from "@/lib/auth/throttle";
import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  resetMemberTwoFactor,
  setTwoFactorPolicy,
  twoFactorStatus,
} from "@/lib/auth/two-factor";
import { buildAgencyContext, loadAgencyContext, resolveSessionAccount } from "@/lib/authz/context";
import { db } from "@/lib/db/client";

import { actorOf, addMembership, createAgency, createUser, TEST_PASSWORD } from "./factories";

const meta = () => ({ ip: `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });
const T0 = new Date("2026-12-03T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** What the user's phone shows at `when`, computed from the key the page showed. */
function codeAt(manualKey: string, when: Date): string {
  return new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s/g, "")), digits: 6, period: 30 }).generate({ timestamp: when.getTime() });
}
const wrongFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function enrolled() {
  const user = await createUser();
  const shown = await beginTwoFactorEnrolment(user);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(user, codeAt(shown.manualKey, T0), null, T0);
  return { user, manualKey: shown.manualKey, recoveryCodes };
}

describe("two-factor sign-in: enrolment", () => {
  it("shows a QR code and a key, turns on only after a right code, and returns 10 recovery codes once (stored hashed, the secret encrypted)", async () => {
    const user = await createUser();
    const shown = await beginTwoFactorEnrolment(user);
    expect(shown.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(shown.uri).toMatch(/^otpauth:\/\/totp\/Alur%20Kinerja:/);
    expect(await twoFactorStatus(user.id)).toEqual({ enabled: false, remainingRecoveryCodes: 0 });
    // Not yet in force: the password alone still signs in.
    expect((await signInWithPassword(user.nip, TEST_PASSWORD, meta())).ok).toBe(true);

    await expect(confirmTwoFactorEnrolment(user, wrongFor(codeAt(shown.manualKey, T0)), null, T0)).rejects.toThrow(/Kode verifikasi salah/);
    expect((await twoFactorStatus(user.id)).enabled).toBe(false);

    const { recoveryCodes } = await confirmTwoFactorEnrolment(user, codeAt(shown.manualKey, T0), null, T0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await twoFactorStatus(user.id)).toEqual({ enabled: true, remainingRecoveryCodes: 10 });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    expect(row.totpSecret).not.toContain(shown.manualKey.replace(/\s/g, ""));
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.every((r) => r.codeHash.startsWith("$argon2id$"))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_enable", entityId: user.id } })).toBe(1);
  });

  it("turning it off needs the password and a current code", async () => {
    const { user, manualKey } = await enrolled();
    await expect(disableTwoFactor(user, { password: "salah-sekali", code: codeAt(manualKey, at(60)) }, null, at(60))).rejects.toThrow(/Kata sandi salah/);
    await expect(disableTwoFactor(user, { password: TEST_PASSWORD, code: wrongFor(codeAt(manualKey, at(60))) }, null, at(60))).rejects.toThrow(/Kode verifikasi salah/);
    expect((await twoFactorStatus(user.id)).enabled).toBe(true);
    await disableTwoFactor(user, { password: TEST_PASSWORD, code: codeAt(manualKey, at(60)) }, null, at(60));
    expect(await twoFactorStatus(user.id)).toEqual({ enabled: false, remainingRecoveryCodes: 0 });
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_disable", entityId: user.id } })).toBe(1);
  });
});

describe("two-factor sign-in: the second step", () => {
  it("gives no session for the right password alone, nor with a wrong code; a wrong code counts toward the lockout", async () => {
    const { user, manualKey } = await enrolled();
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), null, at(60))).toEqual({ ok: false, reason: "two_factor_required" });
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), wrongFor(codeAt(manualKey, at(60))), at(60))).toEqual({ ok: false, reason: "two_factor_invalid" });
    // A wrong password with a right code is still a wrong password.
    expect(await signInWithPassword(user.nip, "salah", meta(), codeAt(manualKey, at(60)), at(60))).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", entityId: user.id } })).toBe(0);
    const failed = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", entityId: user.id, data: { path: ["reason"], equals: "two_factor_invalid" } } });
    expect(failed).not.toBeNull();

    for (let i = 2; i < MAX_FAILURES_PER_IDENTIFIER; i++) {
      expect((await signInWithPassword(user.nip, TEST_PASSWORD, meta(), "000000", at(60))).ok).toBe(false);
    }
    // Five failures (two above, three here): now even the right code is refused.
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), codeAt(manualKey, at(90)), at(90))).toEqual({ ok: false, reason: "throttled" });
  });

  it("next-auth's authorize makes no user of a 2FA account's right password alone: it answers TWO_FACTOR_REQUIRED", async () => {
    const { user, manualKey } = await enrolled();
    // What the sign-in endpoint calls with the posted form (lib/auth/options.ts).
    const { authorize } = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } }).options;
    const req = { headers: { "user-agent": "vitest" } };
    await expect(authorize({ identifier: user.nip, password: TEST_PASSWORD }, req)).rejects.toThrow("TWO_FACTOR_REQUIRED");
    await expect(authorize({ identifier: user.nip, password: TEST_PASSWORD, code: "" }, req)).rejects.toThrow("TWO_FACTOR_REQUIRED");
    await expect(authorize({ identifier: user.nip, password: TEST_PASSWORD, code: "123456x" }, req)).rejects.toThrow("TWO_FACTOR_INVALID");
    // A code of the current time step (the enrolment used T0's; this is now).
    await expect(authorize({ identifier: user.nip, password: TEST_PASSWORD, code: codeAt(manualKey, new Date()) }, req)).resolves.toEqual({ id: user.id });
  });

  it("accepts a code once: the same code again is refused (replay), the next step's code works", async () => {
    const { user, manualKey } = await enrolled();
    const code = codeAt(manualKey, at(60));
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), code, at(60))).toEqual({ ok: true, userId: user.id });
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), code, at(65))).toEqual({ ok: false, reason: "two_factor_invalid" });
    // The code confirming enrolment was used too.
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), codeAt(manualKey, T0), at(10))).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), codeAt(manualKey, at(120)), at(120))).toEqual({ ok: true, userId: user.id });
  });

  it("a recovery code signs in once, typed in any case with or without its dash, and is then used up", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first] = recoveryCodes;
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), ` ${first!.toUpperCase().replace("-", "")} `, at(60))).toEqual({ ok: true, userId: user.id });
    const used = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.two_factor_recovery_used", entityId: user.id } });
    expect(used.data).toMatchObject({ remaining: 9 });
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), first!, at(90))).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect((await twoFactorStatus(user.id)).remainingRecoveryCodes).toBe(9);
  });
});

describe("two-factor sign-in: the agency's requirement and the administrator's reset", () => {
  async function door(userId: string, slug: string) {
    const account = await resolveSessionAccount(userId);
    if (account?.kind !== "user") throw new Error("not a user");
    const loaded = await loadAgencyContext(userId, slug);
    return buildAgencyContext(account.user, loaded!);
  }

  it("blocks an administrator and a head without 2FA at the door (every permission refused), not other members nor those with 2FA", async () => {
    const agency = await createAgency();
    const [admin, head, member] = [await createUser(), await createUser(), await createUser()];
    await addMembership(admin.id, agency, "ADMIN");
    await addMembership(head.id, agency, "KADIS");
    await addMembership(member.id, agency, "TIM_SAKIP");
    const secured = await enrolled();
    await addMembership(secured.user.id, agency, "ADMIN");

    expect((await door(admin.id, agency.slug)).twoFactorMissing).toBe(false);
    // An administrator without 2FA cannot require it (it would shut them out): refused, nothing changes.
    await expect(setTwoFactorPolicy({ required: true }, { agencyId: agency.id, actor: actorOf(admin), meta: null })).rejects.toThrow(/Aktifkan dulu verifikasi dua langkah/);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, action: "agency.two_factor_policy_set" } })).toBe(0);
    expect((await door(admin.id, agency.slug)).twoFactorMissing).toBe(false);
    await setTwoFactorPolicy({ required: true }, { agencyId: agency.id, actor: actorOf(secured.user), meta: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "agency.two_factor_policy_set" } });
    expect(event.data).toEqual({ requireTwoFactor: { before: false, after: true } });

    const asAdmin = await door(admin.id, agency.slug);
    expect(asAdmin.twoFactorMissing).toBe(true);
    expect(asAdmin.can("member.manage")).toBe(false);
    expect(asAdmin.can("agency.view")).toBe(false);
    expect((await door(head.id, agency.slug)).twoFactorMissing).toBe(true);
    const asMember = await door(member.id, agency.slug);
    expect(asMember.twoFactorMissing).toBe(false);
    expect(asMember.can("agency.view")).toBe(true);
    const asSecured = await door(secured.user.id, agency.slug);
    expect(asSecured.twoFactorMissing).toBe(false);
    expect(asSecured.can("member.manage")).toBe(true);

    // Enrolling lets the administrator back in.
    const shown = await beginTwoFactorEnrolment(admin);
    await confirmTwoFactorEnrolment(admin, codeAt(shown.manualKey, T0), null, T0);
    expect((await door(admin.id, agency.slug)).can("member.manage")).toBe(true);
  });

  it("an administrator resets a member's 2FA (audited in the agency); another agency's administrator cannot", async () => {
    const [agency, other] = [await createAgency(), await createAgency()];
    const admin = await createUser();
    const stranger = await createUser();
    await addMembership(admin.id, agency, "ADMIN");
    await addMembership(stranger.id, other, "ADMIN");
    const { user } = await enrolled();
    await addMembership(user.id, agency, "TIM_SAKIP");

    await expect(resetMemberTwoFactor({ userId: user.id }, { agencyId: other.id, actor: actorOf(stranger), meta: null })).rejects.toThrow(/Anggota tidak ditemukan/);
    expect((await twoFactorStatus(user.id)).enabled).toBe(true);

    await resetMemberTwoFactor({ userId: user.id }, { agencyId: agency.id, actor: actorOf(admin), meta: null });
    expect(await twoFactorStatus(user.id)).toEqual({ enabled: false, remainingRecoveryCodes: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.two_factor_reset", entityId: user.id } });
    expect(event).toMatchObject({ agencyId: agency.id, actorId: admin.id });
    // The password alone signs in again; the old app's codes mean nothing.
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta(), null, at(60))).toEqual({ ok: true, userId: user.id });
    await expect(resetMemberTwoFactor({ userId: user.id }, { agencyId: agency.id, actor: actorOf(admin), meta: null })).rejects.toThrow(/belum mengaktifkan/);
  });
});
