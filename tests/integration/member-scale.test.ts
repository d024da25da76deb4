import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { ZAddMember } from "@/lib/agency/schemas";
import { addMember } from "@/lib/agency/service";
import { resolveSessionAccount } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { db } from "@/lib/db/client";
import { readMemberWorkbook } from "@/lib/member/import";
import { ZMemberImport, ZResetMemberPassword, ZUpdateMember } from "@/lib/member/schemas";
import { importMembers, resetMemberPassword, updateMember } from "@/lib/member/service";

import { actorOf, addMembership, createAgency, createUser, uniqueNip } from "./factories";

/** An xlsx shaped like a SIASN export (its header names) with the app's PERAN and EMAIL columns. */
async function siasnFile(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Data");
  sheet.addRow(["DAFTAR PEGAWAI"]);
  sheet.addRow(["NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "JABATAN NAMA", "GOL AKHIR NAMA", "UNOR NAMA", "PERAN", "EMAIL"]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

async function world() {
  const agency = await createAgency(["KABID", "STAF"]);
  const admin = await createUser();
  await addMembership(admin.id, agency, "ADMIN");
  const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Irigasi" } });
  await db.role.updateMany({ where: { agencyId: agency.id, code: "KABID" }, data: { name: "Kepala Bidang Irigasi" } });
  await db.role.updateMany({ where: { agencyId: agency.id, code: "STAF" }, data: { name: "Pelaksana Irigasi" } });
  const ctx = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  return { agency, admin, unit, ctx };
}

const counts = async (agencyId: string) => ({
  users: await db.user.count(),
  memberships: await db.membership.count({ where: { agencyId } }),
  events: await db.auditEvent.count({ where: { agencyId } }),
});

describe("members at scale: xlsx import", () => {
  it("previews every row's problems (bad NIP, duplicate NIP in the file and in the agency, unknown unit and role) and writes nothing", async () => {
    const { agency, ctx } = await world();
    const member = await createUser();
    await addMembership(member.id, agency, "STAF");
    const dup = uniqueNip();
    const file = await siasnFile([
      ["1984 0518 2011", "Baris NIP Salah", null, null, "Analis", "Penata (III/c)", "Bidang Irigasi", "Pelaksana Irigasi", null],
      [dup, "Satu", null, null, null, null, "Bidang Irigasi", "Pelaksana Irigasi", null],
      [dup, "Dua", null, null, null, null, "Bidang Irigasi", "Pelaksana Irigasi", null],
      [member.nip, "Sudah Anggota", null, null, null, null, "Bidang Irigasi", "Pelaksana Irigasi", null],
      [uniqueNip(), "Unit Asing", null, null, null, null, "Bidang Antah", "Peran Antah", null],
    ]);
    const before = await counts(agency.id);
    const preview = await importMembers(ZMemberImport.parse({ fileBase64: file }), ctx);
    expect(preview.blocking).toBe(true);
    expect(preview.committed).toBe(false);
    const byRow = new Map(preview.rows.map((r) => [r.row, r.problems.join(" | ")]));
    expect(byRow.get(3)).toMatch(/NIP harus 18 digit/);
    expect(byRow.get(4)).toMatch(/NIP sama dengan baris 5/);
    expect(byRow.get(5)).toMatch(/NIP sama dengan baris 4/);
    expect(byRow.get(6)).toMatch(/sudah menjadi anggota/);
    expect(byRow.get(7)).toMatch(/Unit kerja "Bidang Antah" tidak ada/);
    expect(byRow.get(7)).toMatch(/Peran "Peran Antah" tidak ada/);
    // The commit re-checks and refuses, all or nothing.
    await expect(importMembers(ZMemberImport.parse({ fileBase64: file, commit: true }), ctx)).rejects.toThrow(/5 baris bermasalah/);
    expect(await counts(agency.id)).toEqual(before);
  });

  it("commits a clean file in one transaction: accounts, titles, unit, roles, a set-password link each, audited", async () => {
    const { agency, unit, ctx } = await world();
    const existing = await createUser();
    const nips = [uniqueNip(), uniqueNip()];
    const file = await siasnFile([
      [nips[0]!, "Rina Marlina", "Dr.", "M.T.", "Kepala Bidang Irigasi", "Pembina (IV/a)", "bidang  irigasi", "Kepala Bidang Irigasi, Pelaksana Irigasi", "rina@example.go.id"],
      [nips[1]!, "Yosef Wanggai", null, "S.T.", "Analis", "Penata (III/c)", "Bidang Irigasi", "Pelaksana Irigasi", null],
      [existing.nip, "", null, null, null, null, null, "Pelaksana Irigasi", null],
    ]);
    const preview = await importMembers(ZMemberImport.parse({ fileBase64: file }), ctx);
    expect(preview.rows.map((r) => r.problems)).toEqual([[], [], []]);
    const result = await importMembers(ZMemberImport.parse({ fileBase64: file, commit: true }), ctx);
    expect(result.committed).toBe(true);
    expect(result.imported.map((m) => Boolean(m.link))).toEqual([true, true, false]);
    const rina = await db.user.findUniqueOrThrow({ where: { nip: nips[0]! }, include: { memberships: { include: { role: true } } } });
    expect(rina).toMatchObject({ gelarDepan: "Dr.", gelarBelakang: "M.T.", pangkat: "Pembina (IV/a)", email: "rina@example.go.id", mustChangePassword: true });
    expect(rina.memberships.map((m) => m.role.code).sort()).toEqual(["KABID", "STAF"]);
    expect(rina.memberships.every((m) => m.unitId === unit.id)).toBe(true);
    expect(await db.passwordToken.count({ where: { userId: rina.id, usedAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, action: "member.import" } })).toBe(1);
    // The existing account joined with its own password.
    expect(await db.membership.count({ where: { agencyId: agency.id, userId: existing.id } })).toBe(1);
    // Importing the same file again: every row is now a member, nothing written.
    const before = await counts(agency.id);
    await expect(importMembers(ZMemberImport.parse({ fileBase64: file, commit: true }), ctx)).rejects.toThrow(AppError);
    expect(await counts(agency.id)).toEqual(before);
  });

  it("reads the app's own template header, and answers a file without NIP/Nama columns in Indonesian", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["Nomor", "Siapa"]);
    const bad = await readMemberWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.fileProblems[0]).toMatch(/kolom NIP dan Nama/);
    expect((await readMemberWorkbook(Buffer.from("bukan excel"))).fileProblems[0]).toMatch(/tidak dapat dibaca/);
  });
});

describe("members at scale: one member, edit, reset", () => {
  it("a member added with an initial password must change it at first sign-in", async () => {
    const { ctx } = await world();
    const { userId } = await addMember(ZAddMember.parse({ nip: uniqueNip(), name: "Baru", password: "AwalSekali123", roleCodes: ["STAF"] }), ctx);
    expect((await resolveSessionAccount(userId))?.kind).toBe("mustChangePassword");
  });

  it("edits name, titles and e-mail (audited) and refuses an e-mail another account uses", async () => {
    const { agency, ctx } = await world();
    const member = await createUser();
    await addMembership(member.id, agency, "STAF");
    const other = await createUser({ email: `lain-${Date.now()}@example.go.id` });
    await updateMember(ZUpdateMember.parse({ userId: member.id, name: "Nama Baru", gelarDepan: "Ir.", email: "" }), ctx);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ name: "Nama Baru", gelarDepan: "Ir." });
    await expect(updateMember(ZUpdateMember.parse({ userId: member.id, name: "X", email: other.email! }), ctx)).rejects.toThrow(/sudah dipakai/);
    expect(await db.auditEvent.count({ where: { agencyId: agency.id, action: "user.update", entityId: member.id } })).toBe(1);
  });

  it("resets a member's password (temporary, forced change; or a link), never a member of another agency", async () => {
    const { agency, ctx } = await world();
    const member = await createUser();
    await addMembership(member.id, agency, "STAF");
    const result = await resetMemberPassword(ZResetMemberPassword.parse({ userId: member.id, mode: "temporary_password" }), ctx);
    expect(result.mode).toBe("temporary_password");
    expect((await resolveSessionAccount(member.id))?.kind).toBe("mustChangePassword");
    const link = await resetMemberPassword(ZResetMemberPassword.parse({ userId: member.id, mode: "link" }), ctx);
    expect(link.mode === "link" && link.path).toMatch(/^\/atur-sandi\//);

    const shared = await createUser();
    await addMembership(shared.id, agency, "STAF");
    const elsewhere = await createAgency();
    await addMembership(shared.id, elsewhere, "KADIS");
    const hash = (await db.user.findUniqueOrThrow({ where: { id: shared.id } })).passwordHash;
    await expect(resetMemberPassword({ userId: shared.id, mode: "temporary_password" }, ctx)).rejects.toThrow(/instansi lain/);
    await expect(resetMemberPassword({ userId: ctx.actor.id, mode: "temporary_password" }, ctx)).rejects.toThrow(/Profil/);
    expect((await db.user.findUniqueOrThrow({ where: { id: shared.id } })).passwordHash).toBe(hash);
  });
});
