import { describe, expect, it } from "vitest";

import { signInWithPassword } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_IDENTIFIER, MAX_FAILURES_PER_IP } from "@/lib/auth/throttle";
import { loadAgencyContext } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { formatNip } from "@/lib/validation/nip";

import { addMembership, createAgency, createUser, TEST_PASSWORD, uniqueNip } from "./factories";

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
    expect(await signInWithPassword(uniqueNip(), TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "invalid" });
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

  it("locks one account whatever spelling of its NIP or e-mail was typed (13 failures, one lockout)", async () => {
    const user = await createUser({ email: `akun${Date.now()}@uji.demo` });
    const n = user.nip;
    // The same NIP with dots and dashes in other places, spaces, and the e-mail in other cases.
    const spellings = [
      `${n[0]}.${n.slice(1)}`,
      `${n.slice(0, 8)}-${n.slice(8, 14)}-${n[14]}-${n.slice(15)}`,
      `${n.slice(0, 4)}.${n.slice(4, 8)}.${n.slice(8)}`,
      ` ${formatNip(n)} `,
      `${n.slice(0, 9)}-${n.slice(9)}`,
      user.email!.toUpperCase(),
      ` ${user.email} `,
      `${n.slice(0, 2)}.${n.slice(2, 5)}-${n.slice(5)}`,
      `${n.slice(0, 17)}.${n[17]}`,
      n,
      `${n.slice(0, 6)}--${n.slice(6)}`,
      user.email!,
      `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}.${n.slice(9, 12)}.${n.slice(12, 15)}.${n.slice(15)}`,
    ];
    const answers: string[] = [];
    for (const spelling of spellings) {
      const result = await signInWithPassword(spelling, "salah", meta());
      answers.push(result.ok ? "ok" : result.reason);
    }
    expect(answers.filter((a) => a === "invalid")).toHaveLength(MAX_FAILURES_PER_IDENTIFIER);
    expect(answers.slice(MAX_FAILURES_PER_IDENTIFIER).every((a) => a === "throttled")).toBe(true);
    // Locked for the right password too, from a fresh address, in every spelling.
    expect(await signInWithPassword(`${n.slice(0, 5)}-${n.slice(5)}`, TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "throttled" });
    expect(await signInWithPassword(user.email!, TEST_PASSWORD, meta())).toEqual({ ok: false, reason: "throttled" });
  });

  it("counts unknown identifiers per normalized spelling, with the same answer as a known one", async () => {
    const unknownNip = uniqueNip(); // nobody's
    const answers: string[] = [];
    for (const spelling of [unknownNip, `${unknownNip.slice(0, 8)}.${unknownNip.slice(8)}`, `1-${unknownNip.slice(1)}`, formatNip(unknownNip), `${unknownNip.slice(0, 12)} ${unknownNip.slice(12)}`, unknownNip]) {
      const result = await signInWithPassword(spelling, "salah", meta());
      answers.push(result.ok ? "ok" : result.reason);
    }
    expect(answers).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled"]);
  });

  it("answers control characters in the identifier or password as a failed sign-in, never a database error", async () => {
    const user = await createUser({ email: `nul${Date.now()}@uji.demo` });
    for (const [identifier, password] of [
      [`${user.email}\u0000`, TEST_PASSWORD],
      [`\u0000${user.nip}`, TEST_PASSWORD],
      [`\u0007${user.email}\u001b`, TEST_PASSWORD],
      [user.email!, `${TEST_PASSWORD}\u0000`],
      ["\u0000", "\u0000"],
    ] as const) {
      expect(await signInWithPassword(identifier, password, meta())).toEqual({ ok: false, reason: "invalid" });
    }
    // Recorded against the account, with the characters removed from the audit row.
    const failed = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", entityId: user.id } });
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(failed.map((f) => f.data))).not.toMatch(/\\u0000|\\u0007/);
  });

  it("tells a NIP of the wrong length by its format, whether or not it exists", async () => {
    expect(await signInWithPassword("19730213200304101", "salah", meta())).toEqual({ ok: false, reason: "nip_format" });
    expect(await signInWithPassword("1973 0213 2003 0410 14 5", "salah", meta())).toEqual({ ok: false, reason: "nip_format" });
    // 18 digits of nobody: the generic answer.
    expect(await signInWithPassword("199901012020011998", "salah", meta())).toEqual({ ok: false, reason: "invalid" });
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
