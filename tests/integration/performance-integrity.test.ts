/**
 * Issue #12 on a real database, for the performance data: no data lost, no
 * archive that freezes numbers nobody verified, no official output that
 * prints them as verified, and the side paths (budget, upload, archive)
 * guarded like the cycle transitions.
 *
 * - A Perjanjian Kinerja save or re-import never deletes a program or an
 *   indicator holding realization data, never changes a target of an
 *   archived quarter, and its audit event says what changed, before and after.
 * - Completing (archiving) a quarter's cycle waits until every realization of
 *   the quarter is verified, naming the others by unit and indicator; the
 *   head alone may archive anyway, with a note that is kept on the cycle, in
 *   the audit event, on the timeline and in the official outputs.
 * - Races (PostgreSQL only: PGlite serves one query at a time): a budget save
 *   racing another never records a stale "before"; a save racing the archive
 *   of its period is refused as frozen.
 */

import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";

import { cycleTimeline } from "@/lib/audit/queries";
import { buildAgencyContext, loadAgencyContext } from "@/lib/authz/context";
import { ZReviewUnitRealization, ZSaveUnitRealization } from "@/lib/cascade/schemas";
import { reviewUnitRealization, saveUnitRealization } from "@/lib/cascade/unit-realization";
import { loadCyclePage } from "@/lib/cycle/queries";
import { ESAKIP_MESSAGES as ESAKIP } from "@/lib/cycle/messages";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import { parsePkWorkbook, toAgreementInput } from "@/lib/performance/pk-import";
import { loadAgreement, loadPeriodArchive, memberUnitIds } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { buildPerformanceReportPdf } from "@/lib/performance/report-pdf";
import { PERFORMANCE_MESSAGES as M, ZAgreementInput, type TAgreementInput } from "@/lib/performance/schemas";
import { saveAgreement } from "@/lib/performance/service";
import { seedDemo } from "@/lib/seed/demo";
import { buildManifest, prepareEsakipPackage } from "@/lib/performance/esakip-package";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { storeUpload } from "@/lib/storage/service";

import { actorOf, cycleActorOf } from "./factories";
import { pdfToText } from "./pdf-text";
import {
  agreementInput,
  attempt,
  budget,
  expectNothingChanged,
  readSheet,
  realizationOf,
  review,
  save,
  setup,
  SOP,
  UNIT_A,
  UNIT_B,
  unitPkRow,
  workbookOf,
  YEAR,
  type RoleCode,
  type World,
} from "./performance-world";

const onPostgres = !inject("embeddedDatabase");
const PGLITE_SKIP = "PGlite serves one query at a time: two transactions never interleave there, so a race cannot fail";

async function saveAs(w: World, input: TAgreementInput) {
  const ctx = await w.as("ADMIN");
  return attempt(ZAgreementInput, input, (parsed) => saveAgreement(parsed, ctx));
}

const budgetRows = async (w: World) =>
  (await db.programQuarter.findMany({ where: { program: { agencyId: w.agency.id } }, orderBy: [{ programId: "asc" }, { quarter: "asc" }], include: { program: { select: { code: true } } } })).map(
    (q) => ({ code: q.program.code, quarter: q.quarter, pagu: q.pagu.toString(), realization: q.realization?.toString() ?? null }),
  );

/** Marks the quarter archived the way a completed cycle does (its COMPLETED row). */
async function archiveQuarter(w: World, quarter: 1 | 2 | 3 | 4) {
  const sop = await db.sop.findUniqueOrThrow({ where: { id: w.sopId }, select: { seriesId: true } });
  return db.measurementCycle.create({
    data: { agencyId: w.agency.id, sopId: w.sopId, seriesId: sop.seriesId, year: YEAR, period: `TW${quarter}`, status: "COMPLETED", startedById: w.users.KADIS.id, completedAt: new Date() },
  });
}

/** The PK annex as many agencies keep it: sasaran rows, indicators, targets per quarter; no Program or Pagu columns. */
async function annexWithoutPrograms(input: TAgreementInput) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Rencana Aksi");
  ws.getCell("A1").value = `RENCANA AKSI PERJANJIAN KINERJA TAHUN ${input.year}`;
  ["No", "Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Polaritas", "Agregasi", "Unit Kerja"].forEach(
    (h, i) => (ws.getCell(3, i + 1).value = h),
  );
  const cell = (t: { targetValue?: string | number | null; targetMin?: string | number | null; targetMax?: string | number | null }) =>
    t.targetValue != null ? Number(t.targetValue) : `${t.targetMin} - ${t.targetMax}`;
  let r = 4;
  input.goals.forEach((g, gi) => {
    ws.getCell(r, 1).value = gi + 1;
    ws.getCell(r, 3).value = g.name;
    r++;
    g.indicators.forEach((ind, ii) => {
      const row = ws.getRow(r++);
      row.getCell(1).value = `${gi + 1}.${ii + 1}`;
      row.getCell(2).value = ind.code;
      row.getCell(4).value = ind.name;
      row.getCell(5).value = ind.unit;
      row.getCell(6).value = cell(ind);
      ind.quarters.forEach((q, n) => (row.getCell(7 + n).value = cell(q)));
      row.getCell(11).value = ind.polarity === "HIGHER" ? "naik" : "turun";
      row.getCell(12).value = { CUMULATIVE: "kumulatif", LAST: "terakhir", AVERAGE: "rata-rata" }[ind.aggregation!];
      row.getCell(13).value = ind.orgUnit;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------

describe("Perjanjian Kinerja: saving never loses budget or realization data", () => {
  it("re-importing a PK annex without Program/Pagu columns keeps every program and its budget realizations", async () => {
    const w = await setup();
    await budget(w, { programId: w.programId, quarter: 1, realization: "95.500.000" });
    await budget(w, { programId: w.programId, quarter: 2, realization: "150.000.000" });
    const before = await budgetRows(w);
    expect(before.filter((b) => b.realization !== null)).toHaveLength(2);

    const parsed = await parsePkWorkbook(await annexWithoutPrograms(agreementInput()), {
      year: YEAR,
      units: [UNIT_A, UNIT_B],
      existing: agreementInput().goals.flatMap((g) => g.indicators.map((i) => ({ code: i.code, name: i.name }))),
    });
    expect(parsed.blocking).toBe(false);
    expect(parsed.draft.programs).toEqual([]);
    const checked = toAgreementInput(parsed, {
      signedAt: "2025-02-10",
      firstPartyName: "Ir. Kepala Dinas Uji",
      firstPartyJabatan: "Kepala Dinas",
      firstPartyNip: "",
      secondPartyName: "Gubernur Uji",
      secondPartyJabatan: "Gubernur",
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    await saveAgreement(checked.data, await w.as("ADMIN"));

    // The programs, their pagu and their quarterly budget realization are all still there.
    expect(await budgetRows(w)).toEqual(before);
  });

  it("refuses to drop a program that holds budget realization, naming it, and changes nothing; a program without any can go", async () => {
    const w = await setup();
    const input = agreementInput();
    input.programs = [...input.programs!, { code: "1.03.03", name: "Program Pengembangan Permukiman", pagu: ["5", "5", "5", "5"] }];
    expect(await saveAs(w, input)).toMatchObject({ ok: true });
    await budget(w, { programId: w.programId, quarter: 1, realization: "90000000" });

    const refused = await expectNothingChanged(w, () => saveAs(w, { ...agreementInput(), programs: [] }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    expect(refused.ok === false && refused.error).toBe(M.programsInUse("1.03.10 Program Penyelenggaraan Jalan"));
    expect(await db.program.count({ where: { agencyId: w.agency.id } })).toBe(2);

    // The program without realization data may be removed; the one with data stays, untouched.
    expect(await saveAs(w, agreementInput())).toMatchObject({ ok: true });
    expect((await db.program.findMany({ where: { agencyId: w.agency.id }, select: { code: true } })).map((p) => p.code)).toEqual(["1.03.10"]);
    expect((await budgetRows(w))[0]).toMatchObject({ quarter: 1, realization: "90000000" });
  });

  it("refuses to change a target or pagu of an archived quarter, naming it; open quarters still change", async () => {
    const w = await setup();
    await archiveQuarter(w, 1);

    const changedTarget = agreementInput();
    changedTarget.goals[0]!.indicators[0]!.quarters[0] = { targetValue: "70", targetMin: null, targetMax: null };
    const refused = await expectNothingChanged(w, () => saveAs(w, changedTarget));
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    expect(refused.ok === false && refused.error).toBe(M.frozenTargets("A1 Triwulan I (80 → 70)"));

    const changedPagu = agreementInput();
    changedPagu.programs![0]!.pagu[0] = "1";
    const refusedPagu = await expectNothingChanged(w, () => saveAs(w, changedPagu));
    expect(refusedPagu.ok === false && refusedPagu.error).toBe(M.frozenTargets("pagu 1.03.10 Triwulan I (100000000 → 1)"));
    const quarterOne = await db.quarterTarget.findUniqueOrThrow({ where: { indicatorId_quarter: { indicatorId: w.ind.A1, quarter: 1 } } });
    expect(quarterOne.targetValue!.toString()).toBe("80");

    // Triwulan II is still open: its target changes.
    const open = agreementInput();
    open.goals[0]!.indicators[0]!.quarters[1] = { targetValue: "83", targetMin: null, targetMax: null };
    expect(await saveAs(w, open)).toMatchObject({ ok: true });
    const quarterTwo = await db.quarterTarget.findUniqueOrThrow({ where: { indicatorId_quarter: { indicatorId: w.ind.A1, quarter: 2 } } });
    expect(quarterTwo.targetValue!.toString()).toBe("83");
  });

  it("refuses to empty the target of a quarter that already has a realization", async () => {
    const w = await setup();
    await save(w, "BIDANG", { indicatorId: w.ind.A1, quarter: 2, value: "81" });
    const cleared = agreementInput();
    cleared.goals[0]!.indicators[0]!.quarters[1] = { targetValue: null, targetMin: null, targetMax: null };
    const refused = await expectNothingChanged(w, () => saveAs(w, cleared));
    expect(refused.ok === false && refused.error).toBe(M.targetsInUse("A1 Triwulan II"));
  });

  it("records the old and new value of every changed field in the audit event, and no personal data", async () => {
    const w = await setup();
    const input = agreementInput();
    input.goals[0]!.indicators[0]!.quarters[1] = { targetValue: "83", targetMin: null, targetMax: null };
    input.goals[0]!.indicators[1]!.name = "Panjang jalan provinsi rusak berat";
    input.goals[1]!.indicators[0]!.targetMax = "95";
    input.programs![0]!.pagu[2] = "350000000";
    input.firstPartyName = "Dr. Kepala Dinas Baru";
    input.goals[1]!.indicators.pop(); // B2, no realization: removed
    expect(await saveAs(w, input)).toMatchObject({ ok: true });

    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "agreement.save" }, orderBy: { id: "desc" } });
    const data = event.data as { changes: { item: string; field: string; before?: unknown; after?: unknown }[] };
    expect(data.changes).toEqual(
      expect.arrayContaining([
        { item: "indikator A1", field: "target Triwulan II", before: "82", after: "83" },
        { item: "indikator A2", field: "nama", before: "Panjang jalan rusak berat", after: "Panjang jalan provinsi rusak berat" },
        { item: "indikator B1", field: "target tahunan (batas atas)", before: "90", after: "95" },
        { item: "program 1.03.10", field: "pagu Triwulan III", before: "300000000", after: "350000000" },
        { item: "indikator B2", field: "dihapus", before: "Jumlah kawasan kumuh ditangani", after: null },
        { item: "Perjanjian Kinerja", field: "nama pihak pertama", before: "(diubah)", after: "(diubah)" },
      ]),
    );
    expect(data.changes).toHaveLength(6);
    // People's names and NIPs stay out of the hash-chained payload (DOMAIN.md, UU 27/2022).
    expect(JSON.stringify(event.data)).not.toContain("Kepala Dinas Baru");
    expect(JSON.stringify(event.data)).not.toContain("Ir. Kepala Dinas Uji");

    // Saving the same PK again changes nothing, and says so.
    expect(await saveAs(w, input)).toMatchObject({ ok: true });
    const again = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "agreement.save" }, orderBy: { id: "desc" } });
    expect((again.data as { changes: unknown[] }).changes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

/** The work each step kind of the Sumatera Barat SOP asks for. */
const work = (stepNumber: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> => {
  const step = SOP.steps.find((s) => s.number === stepNumber)!;
  const w: Omit<TTaskAction, "cycleId" | "taskId" | "event"> = {};
  if (step.output.trim()) w.outputText = `${step.output}: terlampir`;
  if (step.kind === "DISPOSITION") w.outputText = "Nota: laksanakan pengukuran kinerja Triwulan I.";
  if (step.kind === "MEETING") Object.assign(w, { outputText: "Notulen rapat.", attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Isi realisasi." });
  if (step.kind === "ARCHIVE") Object.assign(w, { esakipUploadedAt: isoDateIn(new Date(), "WIB"), esakipReference: "ESR-2026-TW1-001" });
  return w;
};

/** Starts the TW I cycle, has every indicator submitted, and runs it to its last step (9, ARCHIVE, Subbag Perencanaan). */
async function cycleAtArchiveStep(w: World) {
  const ctxFor = (code: RoleCode) => cycleActorOf(w.users[code], w.agency, [code]);
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW1" }), ctxFor("KADIS"));
  const openTask = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
  await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80", submit: true });
  await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6", submit: true });
  await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true });
  await save(w, "BIDANG_B", { indicatorId: w.ind.B2, value: "2", submit: true });
  for (let task = await openTask(); task.stepNumber < 9; task = await openTask()) {
    const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
    const event = step.kind === "APPROVAL" ? "APPROVE" : "COMPLETE";
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, ...work(task.stepNumber) }), ctxFor(step.executorRoleCode as RoleCode));
  }
  const archiveTask = await openTask();
  expect(SOP.steps.find((s) => s.number === 9)!.kind).toBe("ARCHIVE");
  const archive = (who: RoleCode, extra: Partial<TTaskAction> = {}) =>
    actOnTask(ZTaskAction.parse({ cycleId, taskId: archiveTask.id, event: "COMPLETE", ...work(9), ...extra }), ctxFor(who));
  const cycleState = async () => {
    const [cycle, task, events] = await Promise.all([
      db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId } }),
      db.cycleTask.findUniqueOrThrow({ where: { id: archiveTask.id } }),
      db.auditEvent.count({ where: { agencyId: w.agency.id } }),
    ]);
    return { status: cycle.status, archiveNote: cycle.archiveNote, task: task.status, events };
  };
  return { cycleId, archiveTask, archive, cycleState, ctxFor };
}

const ARCHIVE_NOTE = "Tim SAKIP berhalangan hingga batas unggah e-SAKIP; nilai A2 dan B1 diverifikasi menyusul pada Triwulan II.";

describe("the archive step records the upload to the national e-SAKIP application", () => {
  it("requires the date and reference, refuses a future date or another task's receipt, and keeps the record on the cycle, the task and the audit event", async () => {
    const w = await setup();
    const c = await cycleAtArchiveStep(w);
    for (const code of ["A1", "A2", "B1", "B2"] as const) await review(w, { realizationId: (await realizationOf(w.ind[code]))!.id, decision: "VERIFY" });
    const before = await c.cycleState();
    const today = isoDateIn(new Date(), w.agency.timeZone);

    // Missing, malformed, in the future: refused in Indonesian, naming the field, nothing changed.
    await expect(c.archive("SUBBAG_PERENCANAAN", { esakipUploadedAt: "", esakipReference: "" })).rejects.toMatchObject({
      code: "INVALID",
      message: ESAKIP.dateRequired,
      fieldErrors: { esakipUploadedAt: [ESAKIP.dateRequired], esakipReference: [ESAKIP.referenceRequired] },
    });
    expect(() => ZTaskAction.parse({ cycleId: c.cycleId, taskId: c.archiveTask.id, event: "COMPLETE", esakipUploadedAt: "2026-02-30" })).toThrow(ESAKIP.dateInvalid);
    await expect(c.archive("SUBBAG_PERENCANAAN", { esakipUploadedAt: "2999-01-01", esakipReference: "ESR-1" })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { esakipUploadedAt: [ESAKIP.dateInFuture] },
    });
    // A receipt that is not a file of this task (here: evidence of a realization).
    const realization = (await realizationOf(w.ind.A1))!;
    const foreign = await db.storedFile.create({
      data: { agencyId: w.agency.id, storageKey: `${w.agency.id}/asing-${Date.now()}`, originalName: "asing.pdf", mimeType: "application/pdf", size: 3, sha256: "b".repeat(64), realizationId: realization.id, uploadedById: w.users.BIDANG.id },
    });
    await expect(c.archive("SUBBAG_PERENCANAAN", { esakipUploadedAt: today, esakipReference: "ESR-1", esakipReceiptFileId: foreign.id })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { esakipReceiptFileId: [ESAKIP.receiptNotFound] },
    });
    expect(await c.cycleState()).toEqual(before);

    // The receipt uploaded to the archive task, then the archive.
    const receipt = await storeUpload({
      agencyId: w.agency.id,
      uploadedBy: actorOf(w.users.SUBBAG_PERENCANAAN, ["SUBBAG_PERENCANAAN"]),
      roleIds: c.ctxFor("SUBBAG_PERENCANAAN").roleIds,
      unitIds: [],
      bytes: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
      originalName: "tanda-terima-esakip.pdf",
      target: { taskId: c.archiveTask.id },
    });
    expect(await c.archive("SUBBAG_PERENCANAAN", { esakipUploadedAt: today, esakipReference: "  ESR/2026/TW1/0042 ", esakipReceiptFileId: receipt.id })).toMatchObject({ cycleStatus: "COMPLETED" });
    const cycle = await db.measurementCycle.findUniqueOrThrow({ where: { id: c.cycleId } });
    expect(cycle.esakipUploadedAt!.toISOString().slice(0, 10)).toBe(today);
    expect(cycle.esakipReference).toBe("ESR/2026/TW1/0042");
    expect(cycle.esakipReceiptFileId).toBe(receipt.id);
    const task = await db.cycleTask.findUniqueOrThrow({ where: { id: c.archiveTask.id } });
    expect(task.data).toMatchObject({ esakip: { uploadedAt: today, reference: "ESR/2026/TW1/0042", receipt: { id: receipt.id, name: "tanda-terima-esakip.pdf", sha256: receipt.sha256 } } });
    // The timeline (from the audit trail) says it in words.
    const timeline = (await cycleTimeline(w.agency.id, c.cycleId))!;
    const done = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "task.complete", entityId: c.archiveTask.id } });
    expect(done.data).toMatchObject({ esakip: { reference: "ESR/2026/TW1/0042" } });
    expect(timeline.entries.find((e) => e.stepNumber === 9)!.esakip).toMatchObject({ uploadedAt: today, reference: "ESR/2026/TW1/0042", receipt: { id: receipt.id } });
    // The archive package names the upload, and explains its checksum list in words, with no command to type.
    const pkg = await prepareEsakipPackage({
      agency: { id: w.agency.id, slug: w.agency.slug, name: w.agency.name, governmentName: "Provinsi Uji", timeZone: w.agency.timeZone },
      year: YEAR,
      quarter: 1,
      settings: DEFAULT_CAPAIAN_SETTINGS,
      generatedBy: { name: "Penguji", nip: "198001012005011001" },
    });
    const manifest = buildManifest(pkg!, []);
    expect(manifest).toContain("CATATAN UNGGAH KE e-SAKIP");
    expect(manifest).toMatch(/Diunggah pada \d{1,2} \w+ \d{4}, nomor referensi ESR\/2026\/TW1\/0042/);
    expect(manifest).toContain(`Bukti unggah: tanda-terima-esakip.pdf (sidik ${receipt.sha256})`);
    expect(manifest).toContain("DAFTAR SIDIK BERKAS");
    expect(manifest).not.toMatch(/sha256sum|\s-c\s/);
  });
});

describe("archiving a quarter waits for verification", () => {
  it("refuses to complete the cycle while realizations are not verified, listing them by unit and indicator; completes once all are", async () => {
    const w = await setup();
    const c = await cycleAtArchiveStep(w);
    await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
    await review(w, { realizationId: (await realizationOf(w.ind.B1))!.id, decision: "RETURN", reason: "Lampirkan hasil survei." });

    const before = await c.cycleState();
    const refused = c.archive("SUBBAG_PERENCANAAN");
    await expect(refused).rejects.toMatchObject({ code: "INVALID" });
    const message = await refused.catch((e: Error) => e.message);
    expect(message).toBe(M.unverifiedAtArchive("Triwulan I", `${UNIT_A}: A2 (Dikirim); ${UNIT_B}: B1 (Dikembalikan), B2 (Dikirim)`));
    expect(await c.cycleState()).toEqual(before);

    // The period is still open: the returned value is fixed and resubmitted, the sent ones verified.
    expect(await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "86", submit: true })).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    for (const code of ["A2", "B1", "B2"] as const) {
      expect(await review(w, { realizationId: (await realizationOf(w.ind[code]))!.id, decision: "VERIFY" }), code).toMatchObject({ ok: true });
    }
    await c.archive("SUBBAG_PERENCANAAN");
    expect(await c.cycleState()).toMatchObject({ status: "COMPLETED", archiveNote: null, task: "DONE" });
    // Frozen now, with only verified numbers.
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "1" })).toMatchObject({ ok: false, error: M.frozen });
  });

  it("lets the head archive with unverified values only with a note, kept on the cycle, in the audit event and on the timeline", async () => {
    const w = await setup();
    const c = await cycleAtArchiveStep(w);
    await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
    await review(w, { realizationId: (await realizationOf(w.ind.B2))!.id, decision: "VERIFY" });
    const before = await c.cycleState();

    // Not the head: a note changes nothing.
    await expect(c.archive("SUBBAG_PERENCANAAN", { archiveNote: ARCHIVE_NOTE })).rejects.toMatchObject({ code: "INVALID", message: M.archiveNoteHeadOnly });
    // The head, without a note: told to write one, with the list.
    await expect(c.archive("KADIS")).rejects.toMatchObject({
      code: "INVALID",
      message: M.unverifiedAtArchive("Triwulan I", `${UNIT_A}: A2 (Dikirim); ${UNIT_B}: B1 (Dikirim)`),
      fieldErrors: { archiveNote: [M.archiveNoteRequired] },
    });
    expect(await c.cycleState()).toEqual(before);

    const result = await c.archive("KADIS", { archiveNote: `  ${ARCHIVE_NOTE} ` });
    expect(result).toMatchObject({ cycleStatus: "COMPLETED" });
    expect(await c.cycleState()).toMatchObject({ status: "COMPLETED", archiveNote: ARCHIVE_NOTE, task: "DONE" });
    const task = await db.cycleTask.findUniqueOrThrow({ where: { id: c.archiveTask.id } });
    expect(task.completedById).toBe(w.users.KADIS.id);

    const completed = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cycle.complete", entityId: c.cycleId } });
    expect(completed.actorId).toBe(w.users.KADIS.id);
    expect(completed.data).toMatchObject({
      status: { before: "ACTIVE", after: "COMPLETED" },
      archiveNote: ARCHIVE_NOTE,
      unverified: [
        { code: "A2", unit: UNIT_A, status: "SUBMITTED" },
        { code: "B1", unit: UNIT_B, status: "SUBMITTED" },
      ],
    });

    const timeline = (await cycleTimeline(w.agency.id, c.cycleId))!;
    expect(timeline.cycle.archiveNote).toBe(ARCHIVE_NOTE);
    expect(timeline.events.find((e) => e.action === "cycle.complete")!.summary).toContain(ARCHIVE_NOTE);

    expect(await loadPeriodArchive(w.agency.id, YEAR, 1)).toMatchObject({ note: ARCHIVE_NOTE, by: { name: w.users.KADIS.name } });
    expect(await loadPeriodArchive(w.agency.id, YEAR, 2)).toBeNull();
  });

  it("marks every unverified value in the xlsx and the PDF, with a note on the document and the head's archive note", async () => {
    const w = await setup();
    const c = await cycleAtArchiveStep(w);
    await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
    await review(w, { realizationId: (await realizationOf(w.ind.B2))!.id, decision: "VERIFY" });
    await c.archive("KADIS", { archiveNote: ARCHIVE_NOTE });

    const agreement = (await loadAgreement(w.agency.id, YEAR))!;
    const archive = await loadPeriodArchive(w.agency.id, YEAR, 1);
    const recap = buildRecap(agreement, 1, (await w.settings()).capaian, archive);
    expect(recap.unverifiedValues).toBe(2);

    const sheet = await readSheet(await workbookOf(w, recap, "pengukuran"));
    expect(sheet.row("A2").get("status")).toBe("Dikirim (belum diverifikasi)");
    expect(sheet.row("B1").get("status")).toBe("Dikirim (belum diverifikasi)");
    expect(sheet.row("A1").get("status")).toBe("Terverifikasi");
    // The number stays a number; its cell says it is not verified (to date on the measurement, per quarter on the working file).
    expect(sheet.row("A2").get("toDate")).toBe(6);
    expect(sheet.row("A2").cell("toDate").note).toMatch(/belum diverifikasi/i);
    expect(sheet.row("A1").cell("toDate").note).toBeUndefined();
    const working = await readSheet(await workbookOf(w, recap, "rencana-aksi"));
    expect(working.row("A2").get("r1")).toBe(6);
    expect(working.row("A2").cell("r1").note).toMatch(/belum diverifikasi/i);
    expect(working.row("A1").cell("r1").note).toBeUndefined();
    const note = String(sheet.ws.getCell(5, 1).value);
    expect(note).toContain("2 nilai realisasi belum diverifikasi");
    expect(note).toContain(ARCHIVE_NOTE);
    expect(note).toContain(w.users.KADIS.name);

    const pdf = await pdfToText(
      await buildPerformanceReportPdf({ recap, agency: { name: w.agency.name, governmentName: "Provinsi Uji" }, agreement, settings: (await w.settings()).capaian }),
    );
    expect(pdf).toContain("2 nilai realisasi belum diverifikasi");
    // Under A2's and B1's value, realization to date and capaian (wrapped in the narrow cells), and in the notice.
    expect(pdf.match(/belum\s+diverifikasi/g)!.length).toBeGreaterThanOrEqual(7);
    expect(pdf).toContain(w.users.KADIS.name);
    expect(pdf.replace(/\s+/g, " ")).toContain("nilai A2 dan B1 diverifikasi menyusul");
  });
});

// ---------------------------------------------------------------------------

describe("side paths are guarded like the cycle transitions", () => {
  it.skipIf(!onPostgres)(`a budget save racing another never records a stale "before" (${PGLITE_SKIP} on PGlite)`, async () => {
    const w = await setup();
    await budget(w, { programId: w.programId, quarter: 1, realization: "100" });
    // Another session changes the value and holds its transaction open.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const other = db.$transaction(
      async (tx) => {
        await tx.programQuarter.update({ where: { programId_quarter: { programId: w.programId, quarter: 1 } }, data: { realization: "200" } });
        locked();
        await held;
      },
      { timeout: 15_000 },
    );
    await isLocked;
    const mine = budget(w, { programId: w.programId, quarter: 1, realization: "300" });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await other;
    const result = await mine;

    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: "budget.save" }, orderBy: { id: "asc" } });
    const stored = (await db.programQuarter.findUniqueOrThrow({ where: { programId_quarter: { programId: w.programId, quarter: 1 } } })).realization!.toString();
    if (result.ok) {
      // Applied after the other write: its "before" is what it replaced.
      expect(stored).toBe("300");
      expect(events.at(-1)!.data).toMatchObject({ realization: { before: "200", after: "300" } });
    } else {
      expect(result).toMatchObject({ code: "CONFLICT" });
      expect(stored).toBe("200");
      expect(events).toHaveLength(1);
    }
  });

  it.skipIf(!onPostgres)(`a realization save racing the archive of its period is refused as frozen (${PGLITE_SKIP} on PGlite)`, async () => {
    const w = await setup();
    await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80" });
    const sop = await db.sop.findUniqueOrThrow({ where: { id: w.sopId }, select: { seriesId: true } });
    const cycle = await db.measurementCycle.create({
      data: { agencyId: w.agency.id, sopId: w.sopId, seriesId: sop.seriesId, year: YEAR, period: "TW1", status: "ACTIVE", startedById: w.users.KADIS.id },
    });
    // The archive: its transaction has completed the cycle and not committed yet.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const archive = db.$transaction(
      async (tx) => {
        await tx.measurementCycle.update({ where: { id: cycle.id }, data: { status: "COMPLETED", completedAt: new Date() } });
        locked();
        await held;
      },
      { timeout: 15_000 },
    );
    await isLocked;
    const saving = save(w, "BIDANG", { indicatorId: w.ind.A1, value: "99" });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await archive;
    expect(await saving).toMatchObject({ ok: false, error: M.frozen });
    expect((await realizationOf(w.ind.A1))!.value!.toString()).toBe("80");
  });
});

// ---------------------------------------------------------------------------

describe("the demo data respects the rules", () => {
  it("loads, and every completed demo quarter holds only verified realizations (or a head's archive note)", { timeout: 240_000 }, async () => {
    await seedDemo(db);
    const completed = await db.measurementCycle.findMany({
      where: { agency: { slug: { in: ["diskominfo-lumajang", "setwan-balangan", "bmcktr-sumbar"] } }, status: "COMPLETED", period: { not: "TAHUNAN" } },
      select: { agencyId: true, year: true, period: true, archiveNote: true },
    });
    expect(completed.length).toBeGreaterThanOrEqual(3);
    for (const c of completed) {
      if (c.archiveNote) continue;
      const quarter = Number(c.period.slice(2));
      const [indicators, verified] = await Promise.all([
        db.indicator.count({ where: { agencyId: c.agencyId, goal: { agreement: { year: c.year } } } }),
        db.realization.count({ where: { agencyId: c.agencyId, year: c.year, quarter, status: "VERIFIED" } }),
      ]);
      expect(verified, `${c.agencyId} ${c.period}`).toBe(indicators);
    }
  });
});

describe("archiving a quarter waits for the unit PK rows too (decision 061)", () => {
  it("refuses while a unit PK row's value of the quarter is not verified, naming the unit, on the server and on the cycle page alike; archives once it is", async () => {
    const w = await setup();
    const rowId = await unitPkRow(w);
    const c = await cycleAtArchiveStep(w);
    for (const code of ["A1", "A2", "B1", "B2"] as const) await review(w, { realizationId: (await realizationOf(w.ind[code]))!.id, decision: "VERIFY" });
    // Bidang Bina Marga sends its Program row's TW I value; nobody verifies it.
    const bidang = await w.as("BIDANG");
    await saveUnitRealization(ZSaveUnitRealization.parse({ rowId, quarter: 1, value: "25", submit: true }), {
      agencyId: bidang.agencyId,
      actor: bidang.actor,
      meta: null,
      unitIds: await memberUnitIds(w.agency.id, w.users.BIDANG.id),
      canManage: false,
    });
    const expected = M.unverifiedAtArchive("Triwulan I", `PK unit ${UNIT_A}: Panjang jalan direhabilitasi (Dikirim)`);

    const before = await c.cycleState();
    await expect(c.archive("SUBBAG_PERENCANAAN")).rejects.toMatchObject({ code: "INVALID", message: expected });
    // The head is told the same, and may archive over it only with a note (the waiver, as for the agency PK).
    await expect(c.archive("KADIS")).rejects.toMatchObject({ code: "INVALID", message: expected, fieldErrors: { archiveNote: [M.archiveNoteRequired] } });
    expect(await c.cycleState()).toEqual(before);

    // The cycle page shows the same gate, from the same facts.
    const user = w.users.SUBBAG_PERENCANAAN;
    const loaded = (await loadAgencyContext(user.id, w.agency.slug))!;
    const ctx = buildAgencyContext({ id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] }, loaded);
    const page = (await loadCyclePage(ctx, c.cycleId))!.options;
    expect(page).toMatchObject({
      offers: [],
      refusal: { code: "INVALID", message: expected, archiveGate: { period: "Triwulan I", unverified: [{ scope: "UNIT", unit: UNIT_A, name: "Panjang jalan direhabilitasi", status: "SUBMITTED" }] } },
    });

    // Tim SAKIP verifies it: the quarter archives.
    const sakip = await w.as("TIM_SAKIP");
    await reviewUnitRealization(ZReviewUnitRealization.parse({ rowId, quarter: 1, decision: "VERIFY" }), { agencyId: sakip.agencyId, actor: sakip.actor, meta: null });
    await c.archive("SUBBAG_PERENCANAAN");
    expect(await c.cycleState()).toMatchObject({ status: "COMPLETED", archiveNote: null, task: "DONE" });
  });
});
