/**
 * Tindak Lanjut Rekomendasi (lib/followup): follow-ups from an Evaluasi Kinerja Internal
 * cycle, against a real database. Who may create, close and reopen; what closing needs;
 * tenant isolation; overdue measured by the agency's own calendar day.
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { AgencyContext } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";
import { listFollowUps, listMyFollowUps } from "@/lib/followup/queries";
import { ZCloseFollowUp, ZReopenFollowUp } from "@/lib/followup/schemas";
import { closeFollowUp, createFollowUp, reopenFollowUp, updateFollowUp, type FollowUpActor } from "@/lib/followup/service";
import { RESERVED_ROLES } from "@/lib/seed/agencies";
import { parseProcedureTable } from "@/lib/sop/paste-import";
import { activateSop, createSop } from "@/lib/sop/service";
import { storeUpload } from "@/lib/storage/service";

import { KEPEGAWAIAN } from "../fixtures/fresh-agencies";
import { actorOf, createUser } from "./factories";
import { PDF } from "./upload-world";

let n = 0;

/** An agency shaped like the BKPSDM Bitung: its EKI SOP, a cycle of it, two Bidang with a Kepala Bidang each. */
async function world(timeZone: "WIB" | "WITA" | "WIT" = "WITA") {
  const id = `${Date.now().toString(36)}${++n}`;
  const government = await db.government.create({ data: { level: "KOTA", name: `Bitung ${id}` } });
  const agency = await db.agency.create({
    data: {
      slug: `bkpsdm-${id}`,
      name: `BKPSDM ${id}`,
      governmentId: government.id,
      timeZone,
      roles: { create: [...KEPEGAWAIAN.roles, ...RESERVED_ROLES].map((r, i) => ({ code: r.code, name: r.name, sortOrder: i, isHead: "isHead" in r ? Boolean(r.isHead) : false })) },
    },
    include: { roles: true },
  });
  const role = (code: string) => agency.roles.find((r) => r.code === code)!;
  const mutasi = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Mutasi" } });
  const pengembangan = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Pengembangan" } });
  const member = async (code: string, unitId: string | null = null) => {
    const user = await createUser({ name: `${role(code).name} ${id}` });
    await db.membership.create({ data: { userId: user.id, agencyId: agency.id, roleId: role(code).id, unitId } });
    return user;
  };
  const users = {
    admin: await member("ADMIN"),
    head: await member("KEPALA_BADAN"),
    sekretaris: await member("SEKRETARIS"),
    kabidMutasi: await member("KABID", mutasi.id),
    kabidPengembangan: await member("KABID", pengembangan.id),
  };
  const codes = { admin: "ADMIN", head: "KEPALA_BADAN", sekretaris: "SEKRETARIS", kabidMutasi: "KABID", kabidPengembangan: "KABID" } as const;
  const sopActor = (who: keyof typeof users) => ({ agencyId: agency.id, actor: actorOf(users[who], [codes[who]]), meta: null });
  const who = (key: keyof typeof users, now?: Date): FollowUpActor => ({
    agencyId: agency.id,
    actor: actorOf(users[key], [codes[key]]),
    meta: null,
    roleIds: [role(codes[key]).id],
    // ADMIN holds performance.manage; nobody else here does.
    manages: key === "admin",
    ...(now ? { now } : {}),
  });

  const parsed = parseProcedureTable(KEPEGAWAIAN.table, KEPEGAWAIAN.roles);
  const { id: sopId } = await createSop(
    {
      nomor: "800/07/SOP/BKPSDM/2026",
      nama: "Evaluasi Kinerja Internal Triwulanan",
      unit: "Sekretariat",
      tanggalPembuatan: "2026-01-05",
      tanggalRevisi: null,
      tanggalEfektif: "2026-01-12",
      disahkanJabatan: "Kepala Badan",
      disahkanNama: users.head.name,
      disahkanPangkat: "Pembina Utama Muda (IV/c)",
      disahkanNip: users.head.nip,
      dasarHukum: ["Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP"],
      kualifikasiPelaksana: ["Memahami SAKIP"],
      keterkaitan: [],
      peralatan: ["Komputer"],
      pencatatan: ["Arsip"],
      peringatan: "",
      steps: parsed.steps,
    },
    sopActor("admin"),
  );
  await activateSop(sopId, sopActor("head"));
  const first = await db.sopStep.findFirstOrThrow({ where: { sopId, number: 1 }, select: { executorRole: { select: { id: true, code: true } } } });
  const starter = Object.entries(users).find(([k]) => codes[k as keyof typeof codes] === first.executorRole.code)!;
  const { id: cycleId } = await startCycle(
    { sopId, year: 2026, period: "TW2" },
    { agencyId: agency.id, actor: actorOf(starter[1], [first.executorRole.code]), roleIds: [first.executorRole.id], roleCodes: [first.executorRole.code], meta: null, now: new Date("2026-04-07T01:00:00Z") },
  );
  const upload = (key: keyof typeof users, followUpId: string) =>
    storeUpload({
      agencyId: agency.id,
      uploadedBy: actorOf(users[key], [codes[key]]),
      roleIds: [role(codes[key]).id],
      unitIds: [],
      manages: key === "admin",
      bytes: PDF,
      originalName: "Bukti tindak lanjut.pdf",
      declaredType: "application/pdf",
      target: { followUpId },
    });
  // The agency context carries the units of the member's active memberships (lib/authz/context.ts).
  const unitRows = await db.membership.findMany({ where: { agencyId: agency.id, active: true, unitId: { not: null } }, select: { userId: true, unitId: true } });
  const unitsOf = (userId: string) => [...new Set(unitRows.filter((m) => m.userId === userId).map((m) => m.unitId!))];
  const ctxOf = (key: keyof typeof users, tz = timeZone) =>
    ({
      agency: { id: agency.id, slug: agency.slug, timeZone: tz },
      user: { id: users[key].id, name: users[key].name },
      roles: [{ id: role(codes[key]).id, code: codes[key], name: role(codes[key]).name, isHead: false, acting: null, unitId: unitsOf(users[key].id)[0] ?? null }],
      unitIds: unitsOf(users[key].id),
      roleCodes: [codes[key]],
      readOnly: false,
      can: (p: string) => key === "admin" || p !== "performance.manage",
    }) as unknown as AgencyContext;
  return { agency, users, units: { mutasi, pengembangan }, cycleId, sopId, who, upload, ctxOf };
}

type TWorld = Awaited<ReturnType<typeof world>>;

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const events = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, select: { action: true, actorId: true }, orderBy: { id: "asc" } });

describe("follow-ups of an Evaluasi Kinerja Internal", () => {
  let w: TWorld;
  beforeAll(async () => {
    w = await world();
  });

  async function newItem(dueDate = "2026-12-31", unitId = w.units.mutasi.id) {
    return createFollowUp({ recommendation: "Percepat penyusunan analisis jabatan Bidang Mutasi", unitId, dueDate, cycleId: w.cycleId }, w.who("sekretaris"));
  }

  it("the meeting's leader (Sekretaris) creates one bound to the cycle; a Kepala Bidang cannot", async () => {
    const { id } = await newItem();
    const row = await db.followUp.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: "CYCLE", cycleId: w.cycleId, status: "OPEN", unitId: w.units.mutasi.id, createdById: w.users.sekretaris.id });
    expect(row.dueDate.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(await events(id)).toEqual([{ action: "followup.create", actorId: w.users.sekretaris.id }]);

    const before = await db.followUp.count({ where: { agencyId: w.agency.id } });
    const error = await rejects(
      createFollowUp({ recommendation: "Rekomendasi dari yang bukan pemimpin rapat", unitId: w.units.mutasi.id, dueDate: "2026-12-31", cycleId: w.cycleId }, w.who("kabidMutasi")),
      "FORBIDDEN",
    );
    expect(error.message).toBe(M.notManager);
    expect(await db.followUp.count({ where: { agencyId: w.agency.id } })).toBe(before);

    // The cycle page's panel lists it; the owner unit's member sees it among their open items.
    const panel = await listFollowUps(w.ctxOf("sekretaris"), { status: "all", unitId: null, cycleId: w.cycleId });
    expect(panel.items.map((i) => i.id)).toContain(id);
    expect(panel.canCreateForCycle).toBe(true);
    expect((await listMyFollowUps(w.ctxOf("kabidMutasi"))).map((i) => i.id)).toContain(id);
    expect((await listMyFollowUps(w.ctxOf("kabidPengembangan"))).map((i) => i.id)).not.toContain(id);
  });

  it("a member of another unit can neither attach evidence nor close it: nothing changes", async () => {
    const { id } = await newItem();
    await rejects(w.upload("kabidPengembangan", id), "FORBIDDEN");
    const error = await rejects(closeFollowUp({ followUpId: id, note: "Sudah dikerjakan", noFile: true, noFileReason: "Tidak ada dokumen" }, w.who("kabidPengembangan")), "FORBIDDEN");
    expect(error.message).toBe(M.notOwner("Bidang Mutasi"));
    const row = await db.followUp.findUniqueOrThrow({ where: { id }, include: { files: true } });
    expect(row).toMatchObject({ status: "OPEN", closedAt: null, closedById: null, closeNote: null });
    expect(row.files).toHaveLength(0);
    expect((await events(id)).map((e) => e.action)).toEqual(["followup.create"]);
  });

  it("closing needs a note and an evidence file, or an explicit reason for none", async () => {
    const { id } = await newItem();
    // No note: refused by the schema, in Indonesian.
    const noNote = ZCloseFollowUp.safeParse({ followUpId: id, note: " " });
    expect(noNote.success).toBe(false);
    expect(noNote.error?.issues[0]?.message).toBe(M.noteRequired);
    // "Tanpa berkas" without a reason: refused.
    const noReason = ZCloseFollowUp.safeParse({ followUpId: id, note: "Analisis jabatan selesai", noFile: true, noFileReason: "" });
    expect(noReason.error?.issues.map((i) => i.message)).toEqual([M.noFileReasonRequired]);
    // A note but no file and no reason: refused by the server, nothing changes.
    const error = await rejects(closeFollowUp({ followUpId: id, note: "Analisis jabatan selesai" }, w.who("kabidMutasi")), "INVALID");
    expect(error.message).toBe(M.evidenceRequired);
    expect((await db.followUp.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    // The owner unit's member attaches a file, then closes.
    const file = await w.upload("kabidMutasi", id);
    expect(file.followUpId).toBe(id);
    await closeFollowUp({ followUpId: id, note: "Analisis jabatan selesai disusun", noFile: false }, w.who("kabidMutasi"));
    const row = await db.followUp.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DONE", closeNote: "Analisis jabatan selesai disusun", noFileReason: null, closedById: w.users.kabidMutasi.id });
    expect(row.closedAt).toBeInstanceOf(Date);
    expect((await events(id)).map((e) => e.action)).toEqual(["followup.create", "followup.close"]);
    // Closed: no more evidence, no second closing.
    await rejects(w.upload("kabidMutasi", id), "CONFLICT");
    await rejects(closeFollowUp({ followUpId: id, note: "Sekali lagi", noFile: true, noFileReason: "Tidak ada" }, w.who("kabidMutasi")), "CONFLICT");

    // Another one closed without a file, with the reason recorded.
    const other = await newItem();
    await closeFollowUp({ followUpId: other.id, note: "Dibahas dalam rapat pimpinan", noFile: true, noFileReason: "Hasilnya lisan, tidak ada dokumen" }, w.who("kabidMutasi"));
    expect(await db.followUp.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "DONE", noFileReason: "Hasilnya lisan, tidak ada dokumen" });
  });

  it("reopening needs a reason and a manager; the owner unit cannot reopen its own item", async () => {
    const { id } = await newItem();
    await closeFollowUp({ followUpId: id, note: "Sudah dikerjakan", noFile: true, noFileReason: "Tidak ada dokumen" }, w.who("kabidMutasi"));
    const noReason = ZReopenFollowUp.safeParse({ followUpId: id, reason: "" });
    expect(noReason.error?.issues[0]?.message).toBe(M.reasonRequired);
    await rejects(reopenFollowUp({ followUpId: id, reason: "Saya ingin mengubahnya" }, w.who("kabidMutasi")), "FORBIDDEN");
    expect((await db.followUp.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");

    await reopenFollowUp({ followUpId: id, reason: "Bukti belum memuat SK penetapan" }, w.who("sekretaris"));
    const row = await db.followUp.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "OPEN", reopenReason: "Bukti belum memuat SK penetapan", reopenedById: w.users.sekretaris.id, closedAt: null });
    expect((await events(id)).map((e) => e.action)).toEqual(["followup.create", "followup.close", "followup.reopen"]);
    // Open again: the agency administrator (performance.manage) edits the due date.
    await updateFollowUp({ followUpId: id, recommendation: row.recommendation, unitId: w.units.mutasi.id, dueDate: "2027-01-15" }, w.who("admin"));
    expect((await db.followUp.findUniqueOrThrow({ where: { id } })).dueDate.toISOString().slice(0, 10)).toBe("2027-01-15");
  });

  it("another agency's ids are not found, and nothing of theirs changes", async () => {
    const { id } = await newItem();
    const other = await world("WIB");
    await rejects(closeFollowUp({ followUpId: id, note: "Dari instansi lain", noFile: true, noFileReason: "Percobaan" }, other.who("admin")), "NOT_FOUND");
    await rejects(reopenFollowUp({ followUpId: id, reason: "Dari instansi lain" }, other.who("admin")), "NOT_FOUND");
    await rejects(updateFollowUp({ followUpId: id, recommendation: "Diubah instansi lain", unitId: other.units.mutasi.id, dueDate: "2026-12-31" }, other.who("admin")), "NOT_FOUND");
    await rejects(other.upload("admin", id), "NOT_FOUND");
    // Their cycle or their unit in a new item of one's own agency: not found.
    await rejects(createFollowUp({ recommendation: "Rekomendasi lintas instansi", unitId: other.units.mutasi.id, dueDate: "2026-12-31", cycleId: w.cycleId }, other.who("admin")), "NOT_FOUND");
    await rejects(createFollowUp({ recommendation: "Rekomendasi lintas instansi", unitId: w.units.mutasi.id, dueDate: "2026-12-31", cycleId: null }, other.who("admin")), "NOT_FOUND");
    expect(await db.followUp.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", closeNote: null });
    expect((await events(id)).map((e) => e.action)).toEqual(["followup.create"]);
    expect(await db.followUp.count({ where: { agencyId: other.agency.id } })).toBe(0);
  });

  it("overdue is measured by the agency's own calendar day", async () => {
    const tz = await world("WITA");
    const { id } = await createFollowUp(
      { recommendation: "Lengkapi data dukung IKU triwulan II", unitId: tz.units.mutasi.id, dueDate: "2026-12-03", cycleId: tz.cycleId },
      tz.who("sekretaris"),
    );
    // 23.30 WITA on the due day: not yet overdue. 00.30 WITA the next day (16.30 UTC, still the 3rd in UTC and in WIB): overdue.
    const evening = new Date("2026-12-03T15:30:00Z");
    const nextDay = new Date("2026-12-03T16:30:00Z");
    const at = async (now: Date, zone: "WIB" | "WITA") => {
      const list = await listFollowUps(tz.ctxOf("sekretaris", zone), { status: "overdue", unitId: null }, now);
      return { ids: list.items.map((i) => i.id), overdue: list.counts.overdue };
    };
    expect(await at(evening, "WITA")).toEqual({ ids: [], overdue: 0 });
    expect(await at(nextDay, "WITA")).toEqual({ ids: [id], overdue: 1 });
    // The same instant in a WIB agency is still 23.30 on the due day.
    expect(await at(nextDay, "WIB")).toEqual({ ids: [], overdue: 0 });
    const mine = await listMyFollowUps(tz.ctxOf("kabidMutasi"), nextDay);
    expect(mine).toEqual([expect.objectContaining({ id, overdue: true })]);
  });
});
