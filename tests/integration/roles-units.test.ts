/**
 * Roles and units of an agency that nobody seeded, on a real database: role
 * codes from names, one head per agency, renaming that keeps history,
 * deletion refused while anything uses the role (saying what), capabilities
 * as designations; units in a tree without cycles, deactivation refused while
 * something active depends on the unit, members in one unit; the first-steps
 * checklist. Every refusal changes nothing.
 */
import { describe, expect, it } from "vitest";

import { addMember, setMemberRoles } from "@/lib/agency/service";
import { ZAddMember } from "@/lib/agency/schemas";
import { readAgencySettings } from "@/lib/agency/settings";
import { cycleTimeline } from "@/lib/audit/queries";
import { can } from "@/lib/authz/permissions";
import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { TASK_HISTORY_SELECT } from "@/lib/cycle/selects";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { getFirstSteps } from "@/lib/onboarding/queries";
import { saveAgreement } from "@/lib/performance/service";
import { ZAgreementInput } from "@/lib/performance/schemas";
import { ZCreateRole } from "@/lib/role/schemas";
import { createRole, deleteRole, renameRole, reorderRoles, setHeadRole, setRoleCapabilities } from "@/lib/role/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import type { TSopInput } from "@/lib/sop/schemas";
import { activateSop, createSop } from "@/lib/sop/service";
import { ZCreateUnit, ZUpdateUnit } from "@/lib/unit/schemas";
import { createUnit, setMemberUnit, setUnitActive, updateUnit } from "@/lib/unit/service";

import { actorOf, createUser, uniqueNip } from "./factories";

let seq = 0;

/** A fresh agency as the platform creates it: only ADMIN and AUDITOR, one administrator. */
async function freshAgency() {
  const id = `${Date.now().toString(36)}${seq++}`;
  const government = await db.government.create({ data: { level: "KOTA", name: `Ambon ${id}` } });
  const agency = await db.agency.create({
    data: {
      slug: `dispar-${id}`,
      name: `Dinas Pariwisata ${id}`,
      governmentId: government.id,
      timeZone: "WIT",
      roles: { create: [{ code: "ADMIN", name: "Administrator", sortOrder: 90 }, { code: "AUDITOR", name: "Auditor Inspektorat", sortOrder: 91 }] },
    },
    include: { roles: true },
  });
  const admin = await createUser({ name: `Admin ${id}` });
  await db.membership.create({ data: { userId: admin.id, agencyId: agency.id, roleId: agency.roles.find((r) => r.code === "ADMIN")!.id } });
  const ctx = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  return { agency, admin, ctx };
}

const role = (ctx: Awaited<ReturnType<typeof freshAgency>>["ctx"], name: string, isHead = false, capabilities: string[] = []) =>
  createRole(ZCreateRole.parse({ name, isHead, capabilities }), ctx);

async function state(agencyId: string) {
  const [roles, units, memberships, events, agency] = await Promise.all([
    db.role.findMany({ where: { agencyId }, orderBy: { id: "asc" } }),
    db.orgUnit.findMany({ where: { agencyId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { agencyId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { agencyId } }),
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { settings: true } }),
  ]);
  return { roles, units, memberships, events, settings: agency.settings };
}

/** A three-step SOP run by the given role codes: the head disposes, `worker` records the data, `archivist` archives. */
function smallSop(nomor: string, head: string, worker: string, archivist: string): TSopInput {
  const base = SEED_SOPS["bmcktr-sumbar"];
  const step = (n: number, code: string, kind: TSopInput["steps"][number]["kind"], kegiatan: string) => ({
    number: n,
    kegiatan,
    executorRoleCode: code,
    participantRoleCodes: [],
    kind,
    kelengkapan: "",
    waktuJumlah: 1,
    waktuSatuan: "HARI" as const,
    output: "Dokumen",
    keterangan: "",
    yesStepNumber: null,
    noStepNumber: null,
    assignment: "SINGLE" as const,
    unitKind: null,
    unitNames: [],
  });
  return {
    ...base,
    nomor,
    nama: "PENGUKURAN KINERJA DINAS PARIWISATA",
    steps: [step(1, head, "DISPOSITION", "Memerintahkan pengukuran"), step(2, worker, "INPUT", "Mengisi realisasi"), step(3, archivist, "ARCHIVE", "Mengarsipkan")],
  };
}

describe("roles of a fresh agency", () => {
  it("generates codes from names, refuses a name twice (ignoring case), and records each change", async () => {
    const { agency, ctx } = await freshAgency();
    const kepala = await role(ctx, "Kepala Dinas Pariwisata", true);
    const evaluator = await role(ctx, "Tim Evaluator Kinerja", false, ["realization.verify", "performance.manage"]);
    expect([kepala.code, evaluator.code]).toEqual(["KEPALA_DINAS_PARIWISATA", "TIM_EVALUATOR_KINERJA"]);
    const before = await state(agency.id);
    await expect(role(ctx, "tim  evaluator KINERJA")).rejects.toThrow("Sudah ada peran bernama “tim evaluator KINERJA”");
    expect(await state(agency.id)).toEqual(before);

    // The capabilities are the agency's designations: a fresh agency needs no seeded code.
    const designations = readAgencySettings(before.settings).permissions;
    expect(designations).toEqual({ "performance.manage": ["TIM_EVALUATOR_KINERJA"], "realization.verify": ["TIM_EVALUATOR_KINERJA"] });
    expect(can([evaluator], "realization.verify", designations)).toBe(true);
    expect(can([kepala], "realization.verify", designations)).toBe(false);
    expect(can([kepala], "sop.activate", designations)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { agencyId: agency.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["role.create", "role.create", "role.update"]);
  });

  it("keeps one head per agency: naming another head moves the flag, and the database refuses two", async () => {
    const { agency, ctx } = await freshAgency();
    const first = await role(ctx, "Kepala Badan", true);
    const second = await role(ctx, "Plt. Kepala Badan", true);
    const heads = async () => (await db.role.findMany({ where: { agencyId: agency.id, isHead: true } })).map((r) => r.code);
    expect(await heads()).toEqual([second.code]);
    await setHeadRole({ roleId: first.id }, ctx);
    expect(await heads()).toEqual([first.code]);
    await expect(setHeadRole({ roleId: first.id }, ctx)).rejects.toThrow("sudah menjadi kepala instansi");
    await expect(db.role.update({ where: { id: second.id }, data: { isHead: true } })).rejects.toThrow();
    const admin = agency.roles.find((r) => r.code === "ADMIN")!;
    await expect(setHeadRole({ roleId: admin.id }, ctx)).rejects.toThrow("Peran bawaan");
  });

  it("renames a role without touching its code, and tasks keep the name they opened with", async () => {
    const { agency, admin, ctx } = await freshAgency();
    const kepala = await role(ctx, "Kepala Dinas", true);
    const pengelola = await role(ctx, "Pengelola Data Kinerja");
    const arsiparis = await role(ctx, "Arsiparis");
    const head = await createUser({ name: "Kepala Uji" });
    const worker = await createUser({ name: "Pengelola Uji" });
    for (const [user, r] of [[head, kepala], [worker, pengelola]] as const) await db.membership.create({ data: { userId: user.id, agencyId: agency.id, roleId: r.id } });
    const { id: sopId } = await createSop(smallSop(`050/${seq}/DISPAR/2026`, kepala.code, pengelola.code, arsiparis.code), ctx);
    await activateSop(sopId, { agencyId: agency.id, actor: actorOf(head, [kepala.code]), meta: null });
    const headActor = { agencyId: agency.id, actor: actorOf(head, [kepala.code]), roleIds: [kepala.id], roleCodes: [kepala.code], meta: null };
    const cycle = await startCycle(ZStartCycle.parse({ sopId, year: 2026, period: "TW1" }), headActor);
    const first = await db.cycleTask.findFirstOrThrow({ where: { cycleId: cycle.id, stepNumber: 1 } });
    await actOnTask(ZTaskAction.parse({ cycleId: cycle.id, taskId: first.id, event: "COMPLETE", outputText: "Nota dinas pengukuran" }), headActor);

    await renameRole({ roleId: pengelola.id, name: "Analis Kinerja" }, ctx);
    await renameRole({ roleId: kepala.id, name: "Kepala Dinas Pariwisata dan Kebudayaan" }, ctx);
    expect((await db.role.findUniqueOrThrow({ where: { id: pengelola.id } })).code).toBe(pengelola.code);
    const tasks = await db.cycleTask.findMany({ where: { cycleId: cycle.id }, select: TASK_HISTORY_SELECT, orderBy: { stepNumber: "asc" } });
    expect(tasks.map((t) => t.assignedRoleName)).toEqual(["Kepala Dinas", "Pengelola Data Kinerja"]);
    const timeline = await cycleTimeline(agency.id, cycle.id);
    expect(timeline!.entries.map((e) => e.roleName)).toEqual(["Kepala Dinas", "Pengelola Data Kinerja"]);
    await expect(deleteRole({ roleId: pengelola.id }, ctx)).rejects.toThrow(/1 langkah SOP .*; 1 tugas siklus .*; 1 anggota \(Pengelola Uji\)/);
    const rename = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "role.update", entityId: pengelola.id } });
    expect(rename.data).toEqual({ code: pengelola.code, changes: { name: { before: "Pengelola Data Kinerja", after: "Analis Kinerja" } } });
    void admin;
  });

  it("refuses to delete a role a step, a task or a member uses, saying which, and changes nothing", async () => {
    const { agency, ctx } = await freshAgency();
    const kepala = await role(ctx, "Kepala Dinas", true);
    const analis = await role(ctx, "Analis Kinerja", false, ["realization.verify"]);
    const arsiparis = await role(ctx, "Arsiparis");
    const nomor = `060/${seq}/DISPAR/2026`;
    await createSop(smallSop(nomor, kepala.code, analis.code, arsiparis.code), ctx);
    const member = await createUser({ name: "Rina Latuconsina" });
    await db.membership.create({ data: { userId: member.id, agencyId: agency.id, roleId: arsiparis.id } });

    const before = await state(agency.id);
    await expect(deleteRole({ roleId: analis.id }, ctx)).rejects.toThrow(
      `Peran “Analis Kinerja” tidak dapat dihapus karena masih dipakai: 1 langkah SOP (${nomor} v1 langkah 2).`,
    );
    await expect(deleteRole({ roleId: arsiparis.id }, ctx)).rejects.toThrow(/1 langkah SOP .*; 1 anggota \(Rina Latuconsina\)/);
    const admin = agency.roles.find((r) => r.code === "ADMIN")!;
    await expect(deleteRole({ roleId: admin.id }, ctx)).rejects.toThrow("Peran bawaan");
    const other = await freshAgency();
    await expect(deleteRole({ roleId: analis.id }, other.ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await state(agency.id)).toEqual(before);

    // Unused: deleted, with its designations, in one audited change.
    const spare = await role(ctx, "Peran Cadangan", false, ["sop.edit"]);
    await deleteRole({ roleId: spare.id }, ctx);
    expect(await db.role.count({ where: { id: spare.id } })).toBe(0);
    const settings = readAgencySettings((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).settings);
    expect(settings.permissions).toEqual({ "realization.verify": [analis.code] });
    const deleted = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "role.delete" } });
    expect(deleted.data).toEqual({ code: spare.code, name: "Peran Cadangan", isHead: false });
  });

  it("reorders exactly the agency's own roles, and sets capabilities only on them", async () => {
    const { agency, ctx } = await freshAgency();
    const a = await role(ctx, "Kepala Dinas", true);
    const b = await role(ctx, "Sekretaris");
    const c = await role(ctx, "Kepala Bidang Destinasi");
    await reorderRoles({ roleIds: [c.id, a.id, b.id] }, ctx);
    const order = (await db.role.findMany({ where: { agencyId: agency.id }, orderBy: { sortOrder: "asc" } })).map((r) => r.code);
    expect(order).toEqual([c.code, a.code, b.code, "ADMIN", "AUDITOR"]);
    await expect(reorderRoles({ roleIds: [a.id, b.id] }, ctx)).rejects.toThrow("Daftar peran berubah");
    const other = await freshAgency();
    const foreign = await role(other.ctx, "Peran Lain");
    await expect(reorderRoles({ roleIds: [a.id, b.id, foreign.id] }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setRoleCapabilities({ roleId: foreign.id, capabilities: ["sop.edit"] }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const auditor = agency.roles.find((r) => r.code === "AUDITOR")!;
    await expect(setRoleCapabilities({ roleId: auditor.id, capabilities: ["sop.edit"] }, ctx)).rejects.toThrow("Hak peran bawaan");
    expect(await setRoleCapabilities({ roleId: b.id, capabilities: ["sop.edit"] }, ctx)).toEqual({ changed: true });
    expect(await setRoleCapabilities({ roleId: b.id, capabilities: ["sop.edit"] }, ctx)).toEqual({ changed: false });
  });
});

describe("units of a fresh agency", () => {
  const unit = (ctx: Awaited<ReturnType<typeof freshAgency>>["ctx"], input: Record<string, unknown>) => createUnit(ZCreateUnit.parse(input), ctx);

  it("builds a tree, and refuses cycles, itself as parent, foreign parents and duplicate names", async () => {
    const { agency, ctx } = await freshAgency();
    const sek = await unit(ctx, { name: "Sekretariat", kind: "SEKRETARIAT", headTitle: "Sekretaris" });
    const perencanaan = await unit(ctx, { name: "Subbagian Perencanaan", kind: "SUBBAGIAN", parentId: sek.id });
    const seksi = await unit(ctx, { name: "Seksi Data", kind: "SEKSI", parentId: perencanaan.id });
    const edit = (u: { id: string; name: string }, overrides: Record<string, unknown>) =>
      updateUnit(ZUpdateUnit.parse({ unitId: u.id, name: u.name, kind: "SUBBAGIAN", ...overrides }), ctx);

    const before = await state(agency.id);
    await expect(edit(sek, { kind: "SEKRETARIAT", headTitle: "Sekretaris", parentId: seksi.id })).rejects.toThrow("“Seksi Data” berada di bawah unit ini");
    await expect(edit(perencanaan, { parentId: perencanaan.id })).rejects.toThrow("induk dirinya sendiri");
    const other = await freshAgency();
    const foreign = await unit(other.ctx, { name: "Bidang Lain", kind: "BIDANG" });
    await expect(unit(ctx, { name: "Bidang Pemasaran", kind: "BIDANG", parentId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unit(ctx, { name: "sekretariat", kind: "SEKRETARIAT" })).rejects.toThrow("Sudah ada unit bernama “sekretariat”");
    expect(await state(agency.id)).toEqual(before);

    // Moving a whole branch is fine; so is renaming.
    const bidang = await unit(ctx, { name: "Bidang Destinasi", kind: "BIDANG" });
    await edit(perencanaan, { parentId: bidang.id, name: "Subbagian Program" });
    const moved = await db.orgUnit.findUniqueOrThrow({ where: { id: perencanaan.id } });
    expect(moved).toMatchObject({ parentId: bidang.id, name: "Subbagian Program" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "unit.update" } });
    expect(event.data).toEqual({ name: "Subbagian Program", changes: { name: { before: "Subbagian Perencanaan", after: "Subbagian Program" }, parentId: { before: sek.id, after: bidang.id } } });
  });

  it("refuses a tree deeper than five levels", async () => {
    const { ctx } = await freshAgency();
    let parentId: string | null = null;
    for (let level = 1; level <= 5; level++) parentId = (await unit(ctx, { name: `Tingkat ${level}`, kind: "LAINNYA", parentId })).id;
    await expect(unit(ctx, { name: "Tingkat 6", kind: "LAINNYA", parentId })).rejects.toThrow("paling banyak 5 tingkat");
  });

  it("takes as head only an active member of the agency", async () => {
    const { agency, admin, ctx } = await freshAgency();
    const stranger = await createUser();
    await expect(unit(ctx, { name: "Bidang Pemasaran", kind: "BIDANG", headUserId: stranger.id })).rejects.toThrow("anggota aktif");
    const u = await unit(ctx, { name: "Bidang Pemasaran", kind: "BIDANG", headTitle: "Kepala Bidang Pemasaran", headUserId: admin.id });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).headUserId).toBe(admin.id);
    void agency;
  });

  it("refuses to deactivate a unit with active sub-units, members or this year's indicators, naming them; allows it once moved", async () => {
    const { agency, ctx } = await freshAgency();
    const kepala = await role(ctx, "Kepala Dinas", true);
    const staf = await role(ctx, "Staf Pemasaran");
    const bidang = await unit(ctx, { name: "Bidang Pemasaran", kind: "BIDANG" });
    const seksi = await unit(ctx, { name: "Seksi Promosi", kind: "SEKSI", parentId: bidang.id });
    const { userId } = await addMember(
      ZAddMember.parse({ nip: uniqueNip(), name: "Stevi Pattiasina", password: "RahasiaStevi123", roleCodes: [staf.code], unitId: bidang.id }),
      ctx,
    );
    const now = new Date("2026-06-15T03:00:00Z");
    const pk2026 = ZAgreementInput.parse({
        year: 2026,
        signedAt: "2026-02-01",
        firstPartyName: "Kepala Dinas Pariwisata",
        firstPartyJabatan: "Kepala Dinas",
        firstPartyNip: null,
        secondPartyName: "Wali Kota Ambon",
        secondPartyJabatan: "Wali Kota",
        goals: [
          {
            code: "S1",
            name: "Meningkatnya kunjungan wisata",
            indicators: [
              { code: "IKU-1", name: "Jumlah wisatawan", unit: "orang", polarity: "HIGHER", aggregation: "CUMULATIVE", orgUnit: "Bidang Pemasaran", targetType: "SINGLE", targetValue: "1000", targetMin: null, targetMax: null, quarters: [{ targetValue: "250", targetMin: null, targetMax: null }, { targetValue: "250", targetMin: null, targetMax: null }, { targetValue: "250", targetMin: null, targetMax: null }, { targetValue: "250", targetMin: null, targetMax: null }] },
            ],
          },
        ],
        programs: [],
      });
    await saveAgreement(pk2026, ctx);
    const before = await state(agency.id);
    const refusal = setUnitActive({ unitId: bidang.id, active: false }, { ...ctx, now });
    await expect(refusal).rejects.toThrow(
      "Unit “Bidang Pemasaran” belum dapat dinonaktifkan: 1 unit di bawahnya masih aktif (Seksi Promosi); 1 anggota aktif masih bekerja di unit ini (Stevi Pattiasina); 1 indikator Perjanjian Kinerja tahun 2026 atau sesudahnya menjadi tanggung jawabnya. Pindahkan terlebih dahulu.",
    );
    expect(await state(agency.id)).toEqual(before);

    // A year later the indicator is history; move the member and the sub-unit away.
    const other = await unit(ctx, { name: "Bidang Destinasi", kind: "BIDANG" });
    await setMemberUnit({ userId, unitId: other.id }, ctx);
    await updateUnit(ZUpdateUnit.parse({ unitId: seksi.id, name: "Seksi Promosi", kind: "SEKSI", parentId: other.id }), ctx);
    await setUnitActive({ unitId: bidang.id, active: false }, { ...ctx, now: new Date("2027-01-05T03:00:00Z") });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: bidang.id } })).active).toBe(false);
    // Nothing new goes to an inactive unit, and nothing lives under one.
    await expect(setMemberUnit({ userId, unitId: bidang.id }, ctx)).rejects.toThrow("Unit ini nonaktif");
    await expect(unit(ctx, { name: "Seksi Baru", kind: "SEKSI", parentId: bidang.id })).rejects.toThrow("Unit induk sedang nonaktif");
    // A PK assigns indicators only to active units; the 2026 PK keeps what it already held.
    await expect(saveAgreement({ ...pk2026, year: 2027 }, ctx)).rejects.toThrow('Unit kerja "Bidang Pemasaran" sudah nonaktif');
    await saveAgreement(pk2026, ctx);
    void kepala;
  });

  it("keeps a member in one unit across all their roles", async () => {
    const { agency, ctx } = await freshAgency();
    const a = await role(ctx, "Kepala Seksi Promosi");
    const b = await role(ctx, "Bendahara");
    const bidang = await unit(ctx, { name: "Bidang Pemasaran", kind: "BIDANG" });
    const { userId } = await addMember(ZAddMember.parse({ nip: uniqueNip(), name: "Yosef Talakua", password: "RahasiaYosef123", roleCodes: [a.code], unitId: bidang.id }), ctx);
    await setMemberRoles({ userId, roleCodes: [a.code, b.code] }, ctx);
    const units = async () => (await db.membership.findMany({ where: { agencyId: agency.id, userId } })).map((m) => m.unitId);
    expect(await units()).toEqual([bidang.id, bidang.id]);
    const other = await unit(ctx, { name: "Sekretariat", kind: "SEKRETARIAT" });
    await setMemberUnit({ userId, unitId: other.id }, ctx);
    expect(await units()).toEqual([other.id, other.id]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, action: "membership.unit_set" } });
    expect(event.data).toEqual({ unitId: { before: bidang.id, after: other.id } });
    const foreign = await unit((await freshAgency()).ctx, { name: "Bidang Luar", kind: "BIDANG" });
    await expect(setMemberUnit({ userId, unitId: foreign.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the first-steps checklist", () => {
  it("follows a fresh agency from nothing to done", async () => {
    const { agency, ctx } = await freshAgency();
    const done = async () => (await getFirstSteps(agency.id)).filter((s) => s.done).map((s) => s.key);
    expect(await done()).toEqual([]);
    const kepala = await role(ctx, "Kepala Dinas");
    expect(await done()).toEqual([]); // no head yet
    await setHeadRole({ roleId: kepala.id }, ctx);
    const analis = await role(ctx, "Analis Kinerja");
    await role(ctx, "Arsiparis");
    expect(await done()).toEqual(["roles"]);
    const bidang = await createUnit(ZCreateUnit.parse({ name: "Bidang Destinasi", kind: "BIDANG" }), ctx);
    expect(await done()).toEqual(["roles", "units"]);
    const head = await createUser();
    await db.membership.create({ data: { userId: head.id, agencyId: agency.id, roleId: kepala.id, unitId: bidang.id } });
    expect(await done()).toEqual(["roles", "units", "members"]);
    const { id } = await createSop(smallSop(`070/${seq}/DISPAR/2026`, kepala.code, analis.code, analis.code), ctx);
    expect(await done()).toEqual(["roles", "units", "members"]);
    await activateSop(id, { agencyId: agency.id, actor: actorOf(head, [kepala.code]), meta: null });
    expect(await done()).toEqual(["roles", "units", "members", "sop"]);
  });
});
