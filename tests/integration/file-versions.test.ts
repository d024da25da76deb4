/**
 * Issue #15 item 4, "Files as outputs", on a real database and an agency nobody seeded
 * (the Dinas Perikanan's procedure table of tests/fixtures/fresh-agencies.ts, run for a
 * new agency): the draft step (3) uploads the Draft SK, the Sekretaris' check (5) returns
 * it, the draft is re-done with a new file. Then
 * - the reviewer's view model (lib/cycle/file-versions.ts, what the cycle page renders)
 *   lists the current version 2 (round 2) beside the previous version 1 (round 1), with
 *   who uploaded each and when, and the PDF opening inline;
 * - the decision snapshot (decision 022) covers the current work only: version 2's file,
 *   not version 1's;
 * - the timeline lists both rounds' files with their version, version 2 replacing 1;
 * - a version once sent is fixed (no file can be added to the done round), and the
 *   type is still checked by content on the server.
 */
import { describe, expect, it } from "vitest";

import { cycleTimeline } from "@/lib/audit/queries";
import { buildDecisionSnapshot } from "@/lib/cycle/decision-snapshot";
import { FILE_VERSION_MESSAGES as V, reviewFileVersions } from "@/lib/cycle/file-versions";
import { getCycle } from "@/lib/cycle/queries";
import { ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle, type CycleActor } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { parseProcedureTable } from "@/lib/sop/paste-import";
import { activateSop, createSop } from "@/lib/sop/service";
import { storeUpload } from "@/lib/storage/service";

import { PERIKANAN } from "../fixtures/fresh-agencies";
import { createUser } from "./factories";
import { EXE, PDF } from "./upload-world";

const PDF_V2 = Buffer.concat([PDF, Buffer.from("% revisi: susunan keanggotaan diperbaiki\n", "latin1")]);

async function setup() {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const government = await db.government.create({ data: { level: "KABUPATEN", name: `Kabupaten Uji ${id}` } });
  const roles = [...PERIKANAN.roles, { code: "ADMIN", name: "Administrator" }];
  const agency = await db.agency.create({
    data: {
      slug: `diskan-uji-${id}`,
      name: `Dinas Perikanan Uji ${id}`,
      governmentId: government.id,
      timeZone: "WITA",
      roles: { create: roles.map((r, i) => ({ code: r.code, name: r.name, isHead: "isHead" in r ? Boolean(r.isHead) : false, sortOrder: i })) },
    },
    include: { roles: true },
  });
  const users = new Map<string, Awaited<ReturnType<typeof createUser>>>();
  for (const r of roles) {
    const user = await createUser({ name: `${r.name} ${id}` });
    await db.membership.create({ data: { userId: user.id, agencyId: agency.id, roleId: agency.roles.find((x) => x.code === r.code)!.id } });
    users.set(r.code, user);
  }
  const actor = (code: string) => {
    const u = users.get(code)!;
    return { agencyId: agency.id, actor: { id: u.id, name: u.name, nip: u.nip, roles: [code] }, meta: null };
  };
  const cycleActor = (code: string): CycleActor => ({ ...actor(code), roleIds: [agency.roles.find((r) => r.code === code)!.id], roleCodes: [code] });
  const parsed = parseProcedureTable(PERIKANAN.table, PERIKANAN.roles);
  const head = users.get("KEPALA_DINAS")!;
  const { id: sopId } = await createSop(
    {
      nomor: `800/${id}/SOP/DISKAN`,
      nama: "Pengukuran Kinerja dengan SK Tim",
      unit: "Sekretariat",
      tanggalPembuatan: "2026-01-05",
      tanggalRevisi: null,
      tanggalEfektif: "2026-01-12",
      disahkanJabatan: "Kepala Dinas",
      disahkanNama: head.name,
      disahkanPangkat: "Pembina Utama Muda (IV/c)",
      disahkanNip: head.nip,
      dasarHukum: ["Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP"],
      kualifikasiPelaksana: ["Memahami SAKIP"],
      keterkaitan: [],
      peralatan: ["Komputer"],
      pencatatan: ["Arsip"],
      peringatan: "",
      steps: parsed.steps,
    },
    actor("ADMIN"),
  );
  await activateSop(sopId, actor("KEPALA_DINAS"));
  const steps = await db.sopStep.findMany({ where: { sopId }, select: { number: true, kind: true, executorRole: { select: { code: true } } } });
  const { id: cycleId } = await startCycle({ sopId, year: 2026, period: "TW4" }, cycleActor("KEPALA_DINAS"));
  const open = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } }, select: { id: true, stepNumber: true, round: true, status: true } });
  const codeOf = (n: number) => steps.find((s) => s.number === n)!.executorRole.code;
  const act = async (event: "COMPLETE" | "APPROVE" | "RETURN" | "RESUBMIT", extra: Record<string, unknown> = {}) => {
    const task = await open();
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, ...extra }), cycleActor(codeOf(task.stepNumber)));
  };
  const upload = async (bytes: Buffer, originalName: string, taskId?: string) => {
    const task = taskId ?? (await open()).id;
    return storeUpload({
      agencyId: agency.id,
      uploadedBy: actor(codeOf(3)).actor,
      roleIds: [agency.roles.find((r) => r.code === codeOf(3))!.id],
      unitIds: [],
      bytes,
      originalName,
      target: { taskId: task },
    });
  };
  return { agency, users, steps, cycleId, open, act, upload, codeOf };
}

describe("files as outputs: a version per round", { timeout: 180_000 }, () => {
  it("shows the reviewer version 2 beside version 1 after a return, snapshots only version 2, and keeps both on the timeline", async () => {
    const w = await setup();
    expect(w.steps.find((s) => s.number === 3)!.kind).toBe("DRAFT");
    expect(w.steps.find((s) => s.number === 5)!.kind).toBe("REVIEW");

    await w.act("COMPLETE", { outputText: "Disposisi pengukuran kinerja Triwulan IV" });
    await w.act("COMPLETE", { outputText: "Nota Dinas penyusunan SK Tim" });
    // Step 3, round 1: the draft as a PDF.
    const round1 = await w.open();
    expect(round1).toMatchObject({ stepNumber: 3, round: 1 });
    const v1 = await w.upload(PDF, "Draft SK Tim.pdf");
    await w.act("COMPLETE", { outputText: "Draft SK Tim Pengukuran Kinerja" });
    await w.act("APPROVE"); // step 4, the format check
    // Step 5 returns the draft to step 3.
    expect((await w.open()).stepNumber).toBe(5);
    await w.act("RETURN", { comment: "Susunan keanggotaan belum lengkap." });
    const round2 = await w.open();
    expect(round2).toMatchObject({ stepNumber: 3, round: 2, status: "RETURNED" });

    // The sent version is fixed: nothing can be added to round 1 any more.
    await expect(w.upload(PDF, "Tambahan.pdf", round1.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // The type is read from the content, on the server: an executable named .pdf is refused.
    await expect(w.upload(EXE, "Draft SK Tim.pdf")).rejects.toMatchObject({ message: expect.stringMatching(/^Isi berkas bukan PDF/) });

    const v2 = await w.upload(PDF_V2, "Draft SK Tim revisi.pdf");
    await w.act("RESUBMIT", { outputText: "Draft SK Tim Pengukuran Kinerja (revisi keanggotaan)" });
    await w.act("APPROVE"); // step 4 again
    const decision = await w.open();
    expect(decision.stepNumber).toBe(5);

    // The reviewer's view model, as the cycle page builds it.
    const cycle = (await getCycle(w.agency.id, w.cycleId))!;
    const view = reviewFileVersions(cycle.sop.steps, cycle.tasks, decision.stepNumber, { slug: w.agency.slug, timeZone: "WITA" })!;
    const drafter = w.users.get(w.codeOf(3))!.name;
    expect(view.stepNumber).toBe(3);
    expect(view.current).toMatchObject({ version: 2, round: 2, uploadedBy: drafter, files: [{ id: v2.id, name: "Draft SK Tim revisi.pdf", viewHref: `/a/${w.agency.slug}/files/${v2.id}?lihat=1` }] });
    expect(view.previous).toMatchObject({ version: 1, round: 1, uploadedBy: drafter, files: [{ id: v1.id, name: "Draft SK Tim.pdf", viewHref: `/a/${w.agency.slug}/files/${v1.id}?lihat=1` }] });
    expect(view.previous!.uploadedAt).toMatch(/^\d{1,2} \w+ \d{4} \d{2}\.\d{2} WITA$/);
    expect(V.previous(view.previous!.round)).toBe("Versi sebelumnya (putaran 1)");
    expect(V.current(view.current!.version, view.current!.round)).toBe("Versi terkini: Versi 2 (putaran 2)");

    // The snapshot decided on is the current work only: version 2's file with its hash.
    const snapshot = (await buildDecisionSnapshot(db, w.agency.id, w.cycleId, decision.id))!;
    expect(snapshot.content.work.map((x) => [x.stepNumber, x.round, x.files.map((f) => f.id)])).toEqual([[3, 2, [v2.id]]]);
    expect(snapshot.content.work[0]!.files[0]!.sha256).toBe(v2.sha256);

    // The timeline keeps both, each with its version.
    const timeline = (await cycleTimeline(w.agency.id, w.cycleId))!;
    const draftRounds = timeline.entries.filter((e) => e.stepNumber === 3).map((e) => [e.round, e.fileVersion?.version, e.fileVersion?.replaces, e.fileVersion?.files.map((f) => [f.id, f.uploadedBy])]);
    expect(draftRounds).toEqual([
      [1, 1, null, [[v1.id, drafter]]],
      [2, 2, { version: 1, round: 1 }, [[v2.id, drafter]]],
    ]);
    // Steps without files carry no version.
    expect(timeline.entries.filter((e) => e.stepNumber !== 3).every((e) => e.fileVersion === null)).toBe(true);
  });

  it("a round that sends no new file keeps the last version as the previous one and shows no current file", async () => {
    const w = await setup();
    await w.act("COMPLETE", { outputText: "Disposisi" });
    await w.act("COMPLETE", { outputText: "Nota Dinas" });
    const v1 = await w.upload(PDF, "Draft SK Tim.pdf");
    await w.act("COMPLETE", { outputText: "Draft SK Tim" });
    await w.act("APPROVE");
    await w.act("RETURN", { comment: "Uraian tugas kurang." });
    await w.act("RESUBMIT", { outputText: "Draft SK Tim, uraian tugas dilengkapi di teks" });
    await w.act("APPROVE");
    const decision = await w.open();
    const cycle = (await getCycle(w.agency.id, w.cycleId))!;
    const view = reviewFileVersions(cycle.sop.steps, cycle.tasks, decision.stepNumber, { slug: w.agency.slug, timeZone: "WITA" })!;
    expect(view.current).toBeNull();
    expect(view.previous).toMatchObject({ version: 1, round: 1, files: [{ id: v1.id }] });
    const snapshot = (await buildDecisionSnapshot(db, w.agency.id, w.cycleId, decision.id))!;
    expect(snapshot.content.work.map((x) => [x.round, x.files.length])).toEqual([[2, 0]]);
  });
});
