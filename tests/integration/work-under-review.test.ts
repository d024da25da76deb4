/**
 * Issue #18 item 1 on a real database: a decision that comes after a check decides on the work
 * the check checked. A fresh agency's own SOP (not the demo's): step 3 the Kasubag Program
 * drafts the SK and uploads it, step 4 the Sekretaris checks it (Tidak → 3), step 5 the Kepala
 * Dinas signs it (Tidak → 3). At step 5 the work under review is step 3's draft with its file,
 * never step 4's check with "Tidak ada output tertulis"; after a return and a revision, the
 * revised draft.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { buildDecisionSnapshot } from "@/lib/cycle/decision-snapshot";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { RESERVED_ROLES } from "@/lib/seed/agencies";
import { parseProcedureTable } from "@/lib/sop/paste-import";
import { activateSop, createSop } from "@/lib/sop/service";
import { storeUpload } from "@/lib/storage/service";

import { actorOf, createUser } from "./factories";
import { PDF } from "./upload-world";

const ROLES = [
  { code: "KEPALA_DINAS", name: "Kepala Dinas", isHead: true },
  { code: "SEKRETARIS", name: "Sekretaris" },
  { code: "KASUBAG_PROGRAM", name: "Kasubag Program" },
];
const row = (...cells: string[]) => cells.join("\t");
/** Step 5's "Tidak" goes back to the draft (3) or to the check (4), as SOPs write either. */
const table = (signReturnsTo: 3 | 4) => [
  row("No", "Kegiatan", "Pelaksana", "", "", "Mutu Baku", "", "", "Ket"),
  row("", "", "Kepala Dinas", "Sekretaris", "Kasubag Program", "Kelengkapan", "Waktu", "Output", ""),
  row("1.", "Mendisposisikan penyusunan SK Tim Pengukuran Kinerja kepada Sekretaris", "X", "", "", "Surat Edaran", "15 menit", "Disposisi", ""),
  row("2.", "Meneruskan disposisi kepada Kasubag Program", "", "X", "", "Disposisi", "30 menit", "Nota Dinas", ""),
  row("3.", "Menyusun draft SK Tim Pengukuran Kinerja", "", "", "X", "Nota Dinas", "1 hari", "Draft SK Tim", ""),
  row("4.", "Memeriksa draft SK; jika tidak sesuai dikembalikan ke langkah 3", "", "X", "", "Draft SK Tim", "2 jam", "Draft SK Tim yang diparaf", ""),
  row("5.", `Menandatangani SK Tim; jika tidak disetujui dikembalikan ke langkah ${signReturnsTo}`, "X", "", "", "Draft SK Tim", "1 hari", "SK Tim", ""),
  row("6.", "Mengarsipkan SK Tim", "", "", "X", "SK Tim", "1 hari", "Arsip", ""),
].join("\n");

let n = 0;

async function world(signReturnsTo: 3 | 4) {
  const id = `${Date.now().toString(36)}${++n}`;
  const government = await db.government.create({ data: { level: "KABUPATEN", name: `Uji Wur ${id}` } });
  const agency = await db.agency.create({
    data: {
      slug: `wur-${id}`,
      name: `Dinas Uji Wur ${id}`,
      governmentId: government.id,
      roles: { create: [...ROLES, ...RESERVED_ROLES].map((r, i) => ({ code: r.code, name: r.name, sortOrder: i, isHead: "isHead" in r ? Boolean(r.isHead) : false })) },
    },
    include: { roles: true },
  });
  const role = (code: string) => agency.roles.find((r) => r.code === code)!;
  const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  for (const code of ["ADMIN", ...ROLES.map((r) => r.code)]) {
    users[code] = await createUser({ name: `${role(code).name} ${id}` });
    await db.membership.create({ data: { userId: users[code]!.id, agencyId: agency.id, roleId: role(code).id } });
  }
  const ctx = (code: string) => ({ agencyId: agency.id, actor: actorOf(users[code]!, [code]), roleIds: [role(code).id], roleCodes: [code], meta: null });

  const parsed = parseProcedureTable(table(signReturnsTo), ROLES);
  expect(parsed.steps.map((s) => [s.number, s.kind, s.noStepNumber])).toEqual([
    [1, "DISPOSITION", null],
    [2, expect.any(String), null],
    [3, expect.any(String), null],
    [4, "REVIEW", 3],
    [5, "APPROVAL", signReturnsTo],
    [6, expect.any(String), null],
  ]);
  const { id: sopId } = await createSop(
    {
      nomor: `800/${id}/SOP/2026`,
      nama: "Penyusunan SK Tim Pengukuran Kinerja",
      unit: "Sekretariat",
      tanggalPembuatan: "2026-01-05",
      tanggalRevisi: null,
      tanggalEfektif: "2026-01-12",
      disahkanJabatan: "Kepala Dinas",
      disahkanNama: users.KEPALA_DINAS!.name,
      disahkanPangkat: "Pembina Utama Muda (IV/c)",
      disahkanNip: users.KEPALA_DINAS!.nip,
      dasarHukum: ["Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP"],
      kualifikasiPelaksana: ["Memahami SAKIP"],
      keterkaitan: [],
      peralatan: ["Komputer"],
      pencatatan: ["Arsip"],
      peringatan: "",
      steps: parsed.steps,
    },
    { agencyId: agency.id, actor: actorOf(users.ADMIN!, ["ADMIN"]), meta: null },
  );
  await activateSop(sopId, { agencyId: agency.id, actor: actorOf(users.KEPALA_DINAS!, ["KEPALA_DINAS"]), meta: null });
  const steps = await db.sopStep.findMany({ where: { sopId }, select: { number: true, executorRole: { select: { code: true } } } });
  const executor = (stepNumber: number) => steps.find((s) => s.number === stepNumber)!.executorRole.code;

  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2026, period: "TW2" }), ctx(executor(1)));
  const openTask = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
  const act = async (event: TTaskAction["event"], extra: Partial<TTaskAction> = {}) => {
    const task = await openTask();
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, ...extra }), ctx(executor(task.stepNumber)));
    return task;
  };
  const upload = async (name: string) => {
    const task = await openTask();
    const code = executor(task.stepNumber);
    return storeUpload({ agencyId: agency.id, uploadedBy: actorOf(users[code]!, [code]), roleIds: [role(code).id], unitIds: [], bytes: PDF, originalName: name, declaredType: "application/pdf", target: { taskId: task.id } });
  };
  const underReview = async () => {
    const task = await openTask();
    const snapshot = await buildDecisionSnapshot(db, agency.id, cycleId, task.id);
    return { task, work: snapshot!.content.work.map((w) => ({ step: w.stepNumber, round: w.round, outputText: w.outputText, files: w.files.map((f) => f.name) })) };
  };
  return { act, upload, underReview, openTask };
}

type W = Awaited<ReturnType<typeof world>>;

/** Steps 1 and 2, then the draft of step 3 with its file (as the Kasubag Program sends it: the file is the draft). */
async function toDraft(w: W, draft: { outputText?: string; file: string }) {
  await w.act("COMPLETE", { outputText: "Disposisi: susun SK Tim." });
  await w.act("COMPLETE", { outputText: "Nota Dinas kepada Kasubag Program." });
  expect((await w.openTask()).stepNumber).toBe(3);
  await w.upload(draft.file);
  await w.act("COMPLETE", { outputText: draft.outputText ?? "Draft SK Tim terlampir." });
}

describe("a decision after a check decides on the draft the check checked", { timeout: 180_000 }, () => {
  for (const signReturnsTo of [3, 4] as const) {
    describe(`the head's "Tidak" goes back to step ${signReturnsTo}`, () => {
      let w: W;
      beforeAll(async () => {
        w = await world(signReturnsTo);
      }, 120_000);

      it("at step 5, after the Sekretaris's check: step 3's draft with its file, not step 4's empty check", async () => {
        await toDraft(w, { file: "Draft SK Tim v1.pdf" });
        // The Sekretaris checks and approves without writing anything (a decision asks for no output).
        expect((await w.act("APPROVE")).stepNumber).toBe(4);
        const at5 = await w.underReview();
        expect(at5.task.stepNumber).toBe(5);
        expect(at5.work).toEqual([{ step: 3, round: 1, outputText: "Draft SK Tim terlampir.", files: ["Draft SK Tim v1.pdf"] }]);
      });

      it("after the check returned the draft once and the head returns it again: the latest revised draft", async () => {
        // The head returns; the work goes back (to 3, or to the Sekretaris's check who returns it to 3).
        await w.act("RETURN", { comment: "Uraian tugas belum lengkap." });
        if (signReturnsTo === 4) {
          expect((await w.openTask()).stepNumber).toBe(4);
          await w.act("RETURN", { comment: "Lengkapi uraian tugas." });
        }
        expect((await w.openTask()).stepNumber).toBe(3);
        await w.upload("Draft SK Tim v2.pdf");
        await w.act("RESUBMIT", { outputText: "Draft SK Tim revisi: uraian tugas dilengkapi." });
        while ((await w.openTask()).stepNumber === 4) await w.act("APPROVE");
        const again = await w.underReview();
        expect(again.task.stepNumber).toBe(5);
        expect(again.work).toEqual([{ step: 3, round: 2, outputText: "Draft SK Tim revisi: uraian tugas dilengkapi.", files: ["Draft SK Tim v2.pdf"] }]);
      });
    });
  }
});
