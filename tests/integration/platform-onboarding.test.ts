/**
 * Platform administration and first credentials, on a real database: an
 * agency created with a brand-new administrator (temporary password shown
 * once, or a set-password link), the forced password change behind the
 * door, links that work once and expire, agency names and slugs, and a
 * deactivated agency locking its members out. Every refusal changes nothing.
 */
import { randomInt } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZAppointAdmin, ZCreateAgency, ZSetAgencyLogo, ZUpdateAgency } from "@/lib/agency/schemas";
import {
  appointAgencyAdmin,
  createAgencyWithAdmin,
  isAgencyInUse,
  reissueAdminCredential,
  setAgencyActive,
  setAgencyLogo,
  updateAgency,
} from "@/lib/agency/platform-service";
import { getAgencyLogo } from "@/lib/agency/queries";
import { changeOwnPassword, lookupPasswordLink, setPasswordWithToken } from "@/lib/auth/account-service";
import { verifyPassword } from "@/lib/auth/password";
import { hashPasswordToken, issuePasswordToken, MAX_LINK_FAILURES_PER_IP } from "@/lib/auth/password-token";
import { ZChangePassword, ZSetPasswordWithToken } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { loadAgencyContext, resolveSessionAccount } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { createRole } from "@/lib/role/service";
import { ZCreateRole } from "@/lib/role/schemas";

import { setMemberActive } from "@/lib/agency/service";

import { actorOf, addMembership, createAgency, createUser, EMBEDDED_SKIP_REASON, onEmbeddedDatabase, TEST_PASSWORD, uniqueNip } from "./factories";

const embedded = await onEmbeddedDatabase();

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff0b8e8e0000000049454e44ae426082",
  "hex",
);

let filesDir: string;
const savedFilesDir = process.env.ALUR_FILES_DIR;
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "alur-onboarding-files-"));
  process.env.ALUR_FILES_DIR = filesDir;
});
afterAll(async () => {
  if (savedFilesDir === undefined) delete process.env.ALUR_FILES_DIR;
  else process.env.ALUR_FILES_DIR = savedFilesDir;
  await rm(filesDir, { recursive: true, force: true });
});

let seq = 0;
/** The test database outlives a run: a fresh address, so earlier runs' failures do not count against it. */
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
const stamp = () => `${Date.now().toString(36)}${seq++}`;

async function platformCtx() {
  const admin = await createUser({ isPlatformAdmin: true });
  return { actor: actorOf(admin, ["PLATFORM_ADMIN"]), meta: { ip: "10.9.8.7", userAgent: "vitest", requestId: null } };
}

async function government(name = `Uji ${stamp()}`) {
  return db.government.create({ data: { level: "PROVINSI", name } });
}

function agencyInput(governmentId: string, overrides: Partial<Record<string, unknown>> = {}) {
  const id = stamp();
  return ZCreateAgency.parse({
    governmentId,
    name: `Dinas Perhubungan ${id}`,
    slug: `dishub-${id}`,
    timeZone: "WIT",
    city: "Jayapura",
    admin: { nip: uniqueNip(), name: "Yohana Wenda", jabatan: "Analis Kebijakan", email: `yohana.${id}@papua.test`, credential: "temporary_password" },
    ...overrides,
  });
}

async function counts() {
  const [agencies, users, memberships, events, tokens, files] = await Promise.all([
    db.agency.count(),
    db.user.count(),
    db.membership.count(),
    db.auditEvent.count(),
    db.passwordToken.count(),
    db.storedFile.count(),
  ]);
  return { agencies, users, memberships, events, tokens, files };
}

describe("creating an agency with its first administrator", () => {
  it("creates a new account with a temporary password shown once, that must be changed at first sign-in", async () => {
    const ctx = await platformCtx();
    const gov = await government();
    const input = agencyInput(gov.id);
    const result = await createAgencyWithAdmin(input, ctx);

    expect(result.admin.existing).toBe(false);
    expect(result.admin.credential?.mode).toBe("temporary_password");
    const password = result.admin.credential!.mode === "temporary_password" ? result.admin.credential!.password : "";
    const user = await db.user.findUniqueOrThrow({ where: { nip: input.admin.nip } });
    expect(user).toMatchObject({ name: "Yohana Wenda", jabatan: "Analis Kebijakan", mustChangePassword: true });
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    const agency = await db.agency.findUniqueOrThrow({ where: { id: result.id }, include: { roles: true } });
    expect(agency).toMatchObject({ timeZone: "WIT", city: "Jayapura", active: true });
    expect(agency.roles.map((r) => r.code).sort()).toEqual(["ADMIN", "AUDITOR"]);
    const memberships = await db.membership.findMany({ where: { userId: user.id }, include: { role: true } });
    expect(memberships.map((m) => [m.agencyId, m.role.code])).toEqual([[result.id, "ADMIN"]]);

    const events = await db.auditEvent.findMany({ where: { agencyId: result.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["agency.create", "user.create", "user.credential_issue", "membership.roles_set"]);
    // The secret is nowhere but in the answer: not in the audit trail, not in the database.
    expect(JSON.stringify(events.map((e) => [e.data, e.actorSnapshot]))).not.toContain(password);
    expect(await db.passwordToken.count({ where: { userId: user.id } })).toBe(0);

    // Sign-in works; the door then knows them only as "must change password".
    const signedIn = await signInWithPassword(input.admin.nip, password, { ip: randomIp(), userAgent: null });
    expect(signedIn).toEqual({ ok: true, userId: user.id });
    expect(await resolveSessionAccount(user.id)).toEqual({ kind: "mustChangePassword", account: { id: user.id, nip: user.nip, name: user.name } });
  });

  it("issues a set-password link instead: only its hash is stored, it works once, and the account opens with the new password", async () => {
    const ctx = await platformCtx();
    const gov = await government();
    const input = agencyInput(gov.id, { admin: { nip: uniqueNip(), name: "Markus Kogoya", jabatan: "Kepala Subbagian Umum", credential: "link" } });
    const result = await createAgencyWithAdmin(input, ctx);
    const credential = result.admin.credential!;
    expect(credential.mode).toBe("link");
    const token = credential.mode === "link" ? credential.path.replace("/atur-sandi/", "") : "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.passwordToken.findFirstOrThrow({ where: { user: { nip: input.admin.nip } } });
    expect(stored.tokenHash).toBe(hashPasswordToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored).toMatchObject({ purpose: "ONBOARDING", agencyId: result.id, usedAt: null });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(72 * 3600 * 1000);

    expect(await lookupPasswordLink(token, randomIp())).toEqual({ name: "Markus Kogoya" });
    const newPassword = "JayapuraBaru2026!";
    await setPasswordWithToken(ZSetPasswordWithToken.parse({ token, newPassword, confirmPassword: newPassword }), { ip: randomIp(), userAgent: null, requestId: null });
    const user = await db.user.findUniqueOrThrow({ where: { nip: input.admin.nip } });
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword(user.passwordHash, newPassword)).toBe(true);
    expect((await resolveSessionAccount(user.id))?.kind).toBe("user");
    const changed = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.password_change", entityId: user.id } });
    expect(changed.data).toEqual({ via: "link" });

    // Single use: the same link again is refused with the one message, and changes nothing.
    const before = await counts();
    const hash = user.passwordHash;
    await expect(
      setPasswordWithToken(ZSetPasswordWithToken.parse({ token, newPassword: "LainLagi2026!!", confirmPassword: "LainLagi2026!!" }), { ip: randomIp(), userAgent: null, requestId: null }),
    ).rejects.toThrow("Tautan tidak berlaku");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hash);
    expect(await lookupPasswordLink(token, randomIp())).toBeNull();
    expect((await counts()).events).toBe(before.events);
  });

  it("refuses an expired link, a link retired by a newer one, and an unknown one alike", async () => {
    const user = await createUser();
    const agency = await createAgency();
    const longAgo = new Date(Date.now() - 73 * 3600 * 1000);
    const expired = await db.$transaction((tx) => issuePasswordToken(tx, { userId: user.id, agencyId: agency.id, purpose: "ONBOARDING", issuedById: null, now: longAgo }));
    const first = await db.$transaction((tx) => issuePasswordToken(tx, { userId: user.id, agencyId: agency.id, purpose: "RESET", issuedById: null }));
    const second = await db.$transaction((tx) => issuePasswordToken(tx, { userId: user.id, agencyId: agency.id, purpose: "RESET", issuedById: null }));
    const unknown = "A".repeat(43);
    const ip = randomIp();
    for (const token of [expired.token, first.token, unknown]) {
      expect(await lookupPasswordLink(token, ip)).toBeNull();
      await expect(
        setPasswordWithToken(ZSetPasswordWithToken.parse({ token, newPassword: "SandiBaruSekali1", confirmPassword: "SandiBaruSekali1" }), { ip, userAgent: null, requestId: null }),
      ).rejects.toThrow("Tautan tidak berlaku");
    }
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await lookupPasswordLink(second.token, ip)).not.toBeNull();
  });

  it("stops trying links from an IP that failed too often, even a valid one", async () => {
    const user = await createUser({ name: "Pemilik Tautan" });
    const valid = await db.$transaction((tx) => issuePasswordToken(tx, { userId: user.id, agencyId: null, purpose: "RESET", issuedById: null }));
    const ip = randomIp();
    for (let i = 0; i < MAX_LINK_FAILURES_PER_IP; i++) expect(await lookupPasswordLink(`${"b".repeat(42)}${i % 10}`, ip)).toBeNull();
    expect(await lookupPasswordLink(valid.token, ip)).toBeNull();
    await expect(
      setPasswordWithToken(ZSetPasswordWithToken.parse({ token: valid.token, newPassword: "SandiBaruSekali1", confirmPassword: "SandiBaruSekali1" }), { ip, userAgent: null, requestId: null }),
    ).rejects.toThrow(/Terlalu banyak percobaan/);
    expect(await lookupPasswordLink(valid.token, randomIp())).toEqual({ name: "Pemilik Tautan" });
  });

  it("names an existing account by NIP without touching its password, and refuses inactive accounts and missing names", async () => {
    const ctx = await platformCtx();
    const gov = await government();
    const existing = await createUser({ name: "Budi Lama" });
    const result = await createAgencyWithAdmin(agencyInput(gov.id, { admin: { nip: existing.nip, credential: "link" } }), ctx);
    expect(result.admin).toMatchObject({ existing: true, credential: null, name: "Budi Lama" });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(existing.passwordHash);

    const inactive = await createUser({ active: false });
    const before = await counts();
    await expect(createAgencyWithAdmin(agencyInput(gov.id, { admin: { nip: inactive.nip } }), ctx)).rejects.toThrow("Akun dengan NIP ini nonaktif");
    const missing = createAgencyWithAdmin(agencyInput(gov.id, { admin: { nip: uniqueNip() } }), ctx);
    await expect(missing).rejects.toMatchObject({ code: "INVALID", fieldErrors: { "admin.name": ["Wajib diisi."], "admin.jabatan": ["Wajib diisi."] } });
    expect(await counts()).toEqual(before);
  });

  it("keeps agency names unique within a government (ignoring case) but not across governments, and slugs unique", async () => {
    const ctx = await platformCtx();
    const [papua, maluku] = [await government(), await government()];
    const first = await createAgencyWithAdmin(agencyInput(papua.id, { name: "Dinas Kesehatan" }), ctx);
    const before = await counts();
    await expect(createAgencyWithAdmin(agencyInput(papua.id, { name: "dinas  KESEHATAN" }), ctx)).rejects.toThrow("Nama ini sudah dipakai instansi lain");
    await expect(createAgencyWithAdmin(agencyInput(papua.id, { slug: first.slug }), ctx)).rejects.toThrow("Alamat singkat ini sudah dipakai");
    expect(await counts()).toEqual(before);
    await createAgencyWithAdmin(agencyInput(maluku.id, { name: "Dinas Kesehatan" }), ctx);
    // The database holds the rule too (two creations at once both pass the check).
    await expect(db.agency.create({ data: { slug: `x-${stamp()}`, name: "DINAS KESEHATAN", governmentId: papua.id } })).rejects.toThrow();
  });
});

describe("administrators of an existing agency", () => {
  it("replaces the administrator: the old one loses the role but keeps their other roles", async () => {
    const ctx = await platformCtx();
    const agency = await createAgency(["KADIS"]);
    const old = await createUser();
    await addMembership(old.id, agency, "ADMIN");
    await addMembership(old.id, agency, "KADIS");
    const result = await appointAgencyAdmin(
      ZAppointAdmin.parse({ agencyId: agency.id, replace: true, admin: { nip: uniqueNip(), name: "Admin Baru", jabatan: "Pranata Komputer", credential: "link" } }),
      ctx,
    );
    const roles = async (userId: string) => (await db.membership.findMany({ where: { agencyId: agency.id, userId }, include: { role: true } })).map((m) => m.role.code).sort();
    expect(await roles(old.id)).toEqual(["KADIS"]);
    expect(await roles(result.userId)).toEqual(["ADMIN"]);
    const events = await db.auditEvent.findMany({ where: { agencyId: agency.id, action: "membership.roles_set" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.entityId, (e.data as { roles: unknown }).roles])).toEqual([
      [result.userId, { before: [], after: ["ADMIN"] }],
      [old.id, { before: ["ADMIN", "KADIS"], after: ["KADIS"] }],
    ]);
    await expect(appointAgencyAdmin(ZAppointAdmin.parse({ agencyId: agency.id, admin: { nip: result.nip } }), ctx)).rejects.toThrow("sudah menjadi administrator");
  });

  it("reissues a first credential only while the administrator has not chosen a password; the old one stops working", async () => {
    const ctx = await platformCtx();
    const gov = await government();
    const created = await createAgencyWithAdmin(agencyInput(gov.id), ctx);
    const firstPassword = created.admin.credential!.mode === "temporary_password" ? created.admin.credential!.password : "";
    const again = await reissueAdminCredential({ agencyId: created.id, userId: created.admin.userId, credential: "temporary_password" }, ctx);
    const secondPassword = again.credential!.mode === "temporary_password" ? again.credential!.password : "";
    expect(secondPassword).not.toBe(firstPassword);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.admin.userId } });
    expect(await verifyPassword(user.passwordHash, firstPassword)).toBe(false);
    expect(await verifyPassword(user.passwordHash, secondPassword)).toBe(true);

    await changeOwnPassword(user, ZChangePassword.parse({ currentPassword: secondPassword, newPassword: "PilihanSendiri2026", confirmPassword: "PilihanSendiri2026" }), null);
    await expect(reissueAdminCredential({ agencyId: created.id, userId: user.id, credential: "link" }, ctx)).rejects.toThrow("sudah memilih kata sandinya sendiri");
    const other = await createAgency();
    await expect(reissueAdminCredential({ agencyId: other.id, userId: user.id, credential: "link" }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("replacing administrators, under concurrency", () => {
  /** Active administrators of the agency (active membership of an active user). */
  const activeAdmins = async (agencyId: string) =>
    (await db.membership.findMany({ where: { agencyId, active: true, role: { code: "ADMIN" }, user: { active: true } }, select: { userId: true } })).map((m) => m.userId);

  it.skipIf(embedded)(
    `replacing the administrator while a member deactivation is under way never leaves the agency without an active administrator (${EMBEDDED_SKIP_REASON})`,
    async () => {
      const ctx = await platformCtx();
      const agency = await createAgency(["KADIS"]);
      const admin = await createUser();
      const named = await createUser();
      await addMembership(admin.id, agency, "ADMIN");
      await addMembership(named.id, agency, "KADIS");

      // The worst moment, made certain: the agency's administrator deactivates a member, and the service has read the
      // member's roles (no administrator among them) but not yet written, when the platform administrator names that
      // member as the agency's administrator in place of the current one.
      let readDone!: () => void;
      const hasRead = new Promise<void>((resolve) => (readDone = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const paused = db.$extends({
        query: {
          membership: {
            async updateMany({ args, query }) {
              if ((args.data as { active?: unknown }).active === false) {
                readDone();
                await gate;
              }
              return query(args);
            },
          },
        },
      });
      const deactivation = paused.$transaction(
        (tx) => setMemberActive({ userId: named.id, active: false }, { agencyId: agency.id, actor: actorOf(admin), meta: null }, tx as unknown as DbTx),
        { timeout: 20_000 },
      );
      await hasRead;
      let replaced = false;
      const replacement = appointAgencyAdmin(ZAppointAdmin.parse({ agencyId: agency.id, replace: true, admin: { nip: named.nip } }), ctx).then(() => {
        replaced = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The replacement waits for the agency's administrator lock the deactivation holds...
      expect(replaced, "the replacement must wait for the member change in progress").toBe(false);
      release();
      await deactivation;
      await replacement;
      // ...and then names the (now deactivated) member with a new, active administrator membership. Without the lock,
      // the deactivation's write would also have caught that new membership: no active administrator at all.
      expect(await activeAdmins(agency.id)).toEqual([named.id]);
    },
  );
});

describe("the forced password change", () => {
  it("lets the account in only after it chose its own password, audited as forced", async () => {
    const ctx = await platformCtx();
    const created = await createAgencyWithAdmin(agencyInput((await government()).id), ctx);
    const temporary = created.admin.credential!.mode === "temporary_password" ? created.admin.credential!.password : "";
    const user = await db.user.findUniqueOrThrow({ where: { id: created.admin.userId } });
    expect((await resolveSessionAccount(user.id))?.kind).toBe("mustChangePassword");

    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changeOwnPassword(user, ZChangePassword.parse({ currentPassword, newPassword, confirmPassword }), null);
    await expect(change("salah-sekali", "SandiSendiri2026")).rejects.toThrow("Kata sandi saat ini salah");
    await expect(change(temporary, temporary)).rejects.toThrow("harus berbeda");
    await expect(change(temporary, `abc${user.nip}`)).rejects.toThrow("tidak boleh memuat NIP");
    expect(ZChangePassword.safeParse({ currentPassword: temporary, newPassword: "SandiSendiri2026", confirmPassword: "SandiLain2026" }).error?.issues[0]?.message).toBe(
      "Kedua isian kata sandi baru tidak sama.",
    );
    expect((await resolveSessionAccount(user.id))?.kind).toBe("mustChangePassword");

    await change(temporary, "SandiSendiri2026");
    const account = await resolveSessionAccount(user.id);
    expect(account?.kind).toBe("user");
    expect(account?.kind === "user" ? account.user.agencies.map((a) => a.slug) : []).toEqual([created.slug]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.password_change", entityId: user.id } });
    expect(event).toMatchObject({ agencyId: null, data: { via: "forced" }, actorId: user.id });
  });

  it("throttles wrong current passwords per account", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(user, ZChangePassword.parse({ currentPassword: `salah-${i}`, newPassword: "SandiBaru20261", confirmPassword: "SandiBaru20261" }), null)).rejects.toThrow(AppError);
    }
    await expect(
      changeOwnPassword(user, ZChangePassword.parse({ currentPassword: TEST_PASSWORD, newPassword: "SandiBaru20261", confirmPassword: "SandiBaru20261" }), null),
    ).rejects.toThrow(/Terlalu banyak percobaan/);
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
  });
});

describe("editing, deactivating and the logo", () => {
  it("lets the slug change until the agency is first used, then refuses and changes nothing", async () => {
    const ctx = await platformCtx();
    const created = await createAgencyWithAdmin(agencyInput((await government()).id), ctx);
    const edit = (overrides: Record<string, unknown>) =>
      updateAgency(
        ZUpdateAgency.parse({ agencyId: created.id, name: created.name, slug: created.slug, timeZone: "WIT", city: "Jayapura", ...overrides }),
        ctx,
      );
    const renamed = `${created.slug}-baru`;
    expect(await edit({ slug: renamed, address: "Jl. Soa Siu Dok II" })).toEqual({ changed: true, slug: renamed });
    expect(await isAgencyInUse(db, created.id)).toBe(false);

    // The administrator creates a role: the agency is in use.
    const admin = await db.user.findUniqueOrThrow({ where: { id: created.admin.userId } });
    await createRole(ZCreateRole.parse({ name: "Kepala Dinas", isHead: true }), { agencyId: created.id, actor: actorOf(admin), meta: null });
    expect(await isAgencyInUse(db, created.id)).toBe(true);
    const before = await db.agency.findUniqueOrThrow({ where: { id: created.id } });
    await expect(edit({ slug: `${created.slug}-lagi`, city: "Sentani" })).rejects.toThrow("tidak dapat diubah lagi");
    expect(await db.agency.findUniqueOrThrow({ where: { id: created.id } })).toEqual(before);
    expect(await edit({ slug: renamed, city: "Sentani", unitName: "Sekretariat", address: "Jl. Soa Siu Dok II" })).toEqual({ changed: true, slug: renamed });
    const change = await db.auditEvent.findFirstOrThrow({ where: { agencyId: created.id, action: "agency.update" }, orderBy: { id: "desc" } });
    expect(change.data).toEqual({ changes: { city: { before: "Jayapura", after: "Sentani" }, unitName: { before: "", after: "Sekretariat" } } });
  });

  it("counts a member's sign-in as first use too", async () => {
    const ctx = await platformCtx();
    const created = await createAgencyWithAdmin(agencyInput((await government()).id), ctx);
    const password = created.admin.credential!.mode === "temporary_password" ? created.admin.credential!.password : "";
    expect(await isAgencyInUse(db, created.id)).toBe(false);
    await signInWithPassword(created.admin.nip, password, { ip: randomIp(), userAgent: null });
    expect(await isAgencyInUse(db, created.id)).toBe(true);
  });

  it("deactivating locks members out on their next request, deletes nothing, and reactivating restores access", async () => {
    const ctx = await platformCtx();
    const agency = await createAgency();
    const member = await createUser();
    await addMembership(member.id, agency, "KADIS");
    expect(await loadAgencyContext(member.id, agency.slug)).not.toBeNull();
    const before = await counts();

    await setAgencyActive({ agencyId: agency.id, active: false }, ctx);
    expect(await loadAgencyContext(member.id, agency.slug)).toBeNull();
    const account = await resolveSessionAccount(member.id);
    expect(account?.kind === "user" ? account.user.agencies : null).toEqual([]);
    expect(await db.membership.count({ where: { agencyId: agency.id, active: true } })).toBe(1);
    await expect(setAgencyActive({ agencyId: agency.id, active: false }, ctx)).rejects.toThrow("sudah nonaktif");

    await setAgencyActive({ agencyId: agency.id, active: true }, ctx);
    expect((await loadAgencyContext(member.id, agency.slug))?.roles.map((r) => r.code)).toEqual(["KADIS"]);
    const after = await counts();
    expect({ ...after, events: after.events - 2 }).toEqual(before);
    const events = await db.auditEvent.findMany({ where: { agencyId: agency.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["agency.deactivate", "agency.reactivate"]);
  });

  it("takes a PNG or JPEG logo recognised by its content, and refuses anything else without storing it", async () => {
    const ctx = await platformCtx();
    const agency = await createAgency();
    const logo = (fileName: string, bytes: Buffer) => setAgencyLogo(ZSetAgencyLogo.parse({ agencyId: agency.id, fileName, fileBase64: bytes.toString("base64") }), ctx);
    const before = await counts();
    await expect(logo("lambang.png", Buffer.from("bukan gambar sama sekali"))).rejects.toThrow("Isi berkas bukan PNG");
    await expect(logo("lambang.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"))).rejects.toThrow("Logo harus berupa gambar PNG atau JPG");
    await expect(logo("besar.png", Buffer.concat([PNG, Buffer.alloc(512 * 1024 + 1 - PNG.length)]))).rejects.toThrow("melebihi 512 KB");
    const huge = ZSetAgencyLogo.safeParse({ agencyId: agency.id, fileName: "besar.png", fileBase64: Buffer.alloc(600 * 1024).toString("base64") });
    expect(huge.error?.issues[0]?.message).toBe("Ukuran logo melebihi 512 KB. Perkecil gambarnya.");
    expect(await counts()).toEqual(before);

    const { fileId } = await logo("Lambang Papua.png", PNG);
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).logoFileId).toBe(fileId);
    const stored = await getAgencyLogo(agency.id);
    expect(stored).toMatchObject({ id: fileId, mimeType: "image/png" });
    expect(stored!.bytes.equals(PNG)).toBe(true);
  });
});
