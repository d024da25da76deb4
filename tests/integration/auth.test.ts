import { describe, expect, it } from "vitest";

import { signInWithPassword } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_IDENTIFIER, MAX_FAILURES_PER_IP } from "@/lib/auth/throttle";
import { loadAgencyContext } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { formatNip } from "@/lib/validation/nip";

import { addMembership, createAgency, createUser, TEST_PASSWORD } from "./factories";

const meta = (ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest" });

describe("sign-in", () => {
  it("accepts the NIP as printed (with spaces) or the e-mail, and records the sign-in", async () => {
    const user = await createUser({ email: `u${Date.now()}@uji.demo` });
    expect(await signInWithPassword(formatNip(user.nip), TEST_PASSWORD, meta())).toEqual({ ok: true, userId: user.id });
    expect(await signInWithPassword(user.email!.toUpperCase(), TEST_PASSWORD, meta())).toEqual({ ok: true, userId: user.id });
    const events = await db.auditEvent.count({ where: { action: "auth.sign_in", entityId: user.id } });
    expect(events).toBe(2);
  });

  it("answers a wrong password, an unknown user and an inactive user the same way", async () => {
    const user = await createUser();
    const inactive = await createUser({ active: false });
    expect(await signInWithPassword(user.nip, "salah", meta())).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword("199901012020011999", TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(inactive.nip, TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "invalid" });
    const failed = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", entityId: inactive.id } });
    expect(failed?.data).toMatchObject({ reason: "inactive" });
  });

  it("throttles repeated failures per NIP, even with the right password afterwards", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES_PER_IDENTIFIER; i++) {
      expect((await signInWithPassword(user.nip, "salah", meta())).ok).toBe(false);
    }
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "throttled" });
  });

  it("throttles repeated failures from one IP across many identifiers", async () => {
    const ip = meta().ip;
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await signInWithPassword(`tebakan${i}@uji.demo`, "salah", { ip, userAgent: "vitest" });
    }
    const user = await createUser();
    expect(await signInWithPassword(user.nip, TEST_PASSWORD, { ip, userAgent: "vitest" })).toEqual({ ok: false, reason: "throttled" });
    expect((await signInWithPassword(user.nip, TEST_PASSWORD, meta())).ok).toBe(true);
  });
});

describe("the tenancy door (loadAgencyContext)", () => {
  it("gives members their roles and non-members nothing, so pages answer 404", async () => {
    const agency = await createAgency();
    const other = await createAgency();
    const user = await createUser();
    await addMembership(user.id, agency, "KADIS");
    await addMembership(user.id, agency, "TIM_SAKIP");
    const ctx = await loadAgencyContext(user.id, agency.slug);
    expect(ctx?.roles.map((r) => r.code).sort()).toEqual(["KADIS", "TIM_SAKIP"]);
    expect(await loadAgencyContext(user.id, other.slug)).toBeNull();
    expect(await loadAgencyContext(user.id, "tidak-ada")).toBeNull();
  });

  it("refuses deactivated memberships and expired auditor grants", async () => {
    const agency = await createAgency();
    const deactivated = await createUser();
    await addMembership(deactivated.id, agency, "KADIS", { active: false });
    const expired = await createUser();
    await addMembership(expired.id, agency, "AUDITOR", { validUntil: new Date(Date.now() - 1000) });
    const current = await createUser();
    await addMembership(current.id, agency, "AUDITOR", { validUntil: new Date(Date.now() + 86_400_000) });
    expect(await loadAgencyContext(deactivated.id, agency.slug)).toBeNull();
    expect(await loadAgencyContext(expired.id, agency.slug)).toBeNull();
    expect((await loadAgencyContext(current.id, agency.slug))?.roles.map((r) => r.code)).toEqual(["AUDITOR"]);
  });
});
