/**
 * The LKE workbench (lib/lke, decision 033) on a fresh agency shaped like Dinas BMCKTR
 * (performance-world): suggested evidence read from its real PK, realizations, cycle,
 * follow-ups and SOP; self-assessment by the performance manager, review and lock by an
 * Inspektorat auditor; the score follows the weights held as data, and a change of the
 * edition's weights afterwards leaves the locked year's score alone.
 */
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { closeFollowUp, createFollowUp } from "@/lib/followup/service";
import { EDITION_88, EDITION_88_NAME } from "@/lib/lke/edition-88";
import { suggestEvidence } from "@/lib/lke/evidence";
import { LKE_MESSAGES as M } from "@/lib/lke/messages";
import { criteriaOf, type TLkeStructure } from "@/lib/lke/structure";
import {
  completeLkeReview,
  createLkeEvaluation,
  ensureEdition,
  ensureEdition88,
  loadLke,
  lockLke,
  returnLke,
  saveReviewAnswer,
  saveSelfAssessment,
  submitLke,
  verifyLke,
  type LkeActor,
} from "@/lib/lke/service";

import { actorOf, addMembership, createUser, cycleActorOf } from "./factories";
import { realizationOf, review, type RoleCode, save, setup, SOP, YEAR, type World } from "./performance-world";

async function lkeWorld() {
  // The 88/2021 edition first: test editions of the same year come after it, so it stays the default.
  await ensureEdition88();
  const w = await setup();
  const auditor = await createUser({ name: `Auditor Inspektorat ${w.agency.slug}` });
  await addMembership(auditor.id, w.agency, AUDITOR_ROLE);
  const editor: LkeActor = { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null, edits: true, reviews: false };
  const reviewer: LkeActor = { agencyId: w.agency.id, actor: actorOf(auditor, [AUDITOR_ROLE]), meta: null, edits: false, reviews: true };
  // The review is completed by another auditor than the verifier (decision 046).
  const second = await createUser({ name: `Pengendali Teknis ${w.agency.slug}` });
  await addMembership(second.id, w.agency, AUDITOR_ROLE);
  const pengendali: LkeActor = { ...reviewer, actor: actorOf(second, [AUDITOR_ROLE]) };
  return { w, editor, reviewer, pengendali };
}

/** A service call, its refusal as a result (like agencyAction). */
async function run<T>(p: () => Promise<T>) {
  try {
    return { ok: true as const, data: await p() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, error: error.message };
  }
}

/** Runs the seed SOP's TW1 cycle up to its input step (three tasks done, on time). */
async function runCycleSteps(w: World) {
  const ctxFor = (code: string) => cycleActorOf(w.users[code as RoleCode], w.agency, [code]);
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW1" }), ctxFor("KADIS"));
  const work = (stepNumber: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> => {
    const step = SOP.steps.find((s) => s.number === stepNumber)!;
    const out: Omit<TTaskAction, "cycleId" | "taskId" | "event"> = {};
    if (step.output.trim()) out.outputText = `${step.output}: terlampir`;
    if (step.kind === "DISPOSITION") out.outputText = "Nota: laksanakan pengukuran kinerja Triwulan I.";
    if (step.kind === "MEETING") Object.assign(out, { outputText: "Notulen rapat.", attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Isi realisasi." });
    return out;
  };
  const openTask = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
  while ((await openTask()).stepNumber < 4) {
    const task = await openTask();
    const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event: "COMPLETE", ...work(task.stepNumber) }), ctxFor(step.executorRoleCode));
  }
  return cycleId;
}

describe("LKE workbench", () => {
  it("suggests evidence from the agency's real PK, realizations, cycle, follow-ups and SOP", async () => {
    const { w } = await lkeWorld();
    const empty = await suggestEvidence(w.agency, YEAR);
    expect(empty.find((e) => e.criterionCode === "2.b.3")).toMatchObject({ met: false, detail: `Belum ada siklus pengukuran tahun ${YEAR}.` });

    // Two realizations submitted, one verified.
    await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80", submit: true });
    await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true });
    await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
    const cycleId = await runCycleSteps(w);
    // Two follow-ups due in the year, one closed.
    const fuActor = (code: RoleCode) => ({
      agencyId: w.agency.id,
      actor: actorOf(w.users[code], [code]),
      meta: null,
      roleIds: [w.agency.roles.find((r) => r.code === code)!.id],
      manages: code === "ADMIN",
    });
    const fu1 = await createFollowUp({ recommendation: "Lengkapi data dukung kemantapan jalan.", unitId: w.units.A.id, dueDate: `${YEAR}-06-30` }, fuActor("ADMIN"));
    await createFollowUp({ recommendation: "Perbaiki definisi operasional indikator B1.", unitId: w.units.B.id, dueDate: `${YEAR}-09-30` }, fuActor("ADMIN"));
    await closeFollowUp({ followUpId: fu1.id, note: "Data dukung sudah dilengkapi.", noFile: true, noFileReason: "Data ada di aplikasi." }, fuActor("ADMIN"));

    const evidence = await suggestEvidence(w.agency, YEAR);
    const by = (code: string) => evidence.filter((e) => e.criterionCode === code);
    const base = `/a/${w.agency.slug}`;
    expect(by("1.a.5")).toEqual([expect.objectContaining({ met: true, href: `${base}/kinerja?tahun=${YEAR}`, detail: `Perjanjian Kinerja tahun ${YEAR} tercatat dengan 4 indikator.` })]);
    expect(by("1.b.1")).toEqual([expect.objectContaining({ met: true, detail: "Perjanjian Kinerja ditandatangani pada 2025-02-10." })]);
    expect(by("1.c.4")[0]).toMatchObject({ met: false, detail: "2 dari 16 realisasi triwulanan telah diisi dan diajukan (12,5%)." });
    expect(by("2.b.2")[0]).toMatchObject({ met: false, detail: "1 dari 2 realisasi yang diajukan telah diverifikasi (50%).", href: `${base}/kinerja/verifikasi?tahun=${YEAR}` });
    const done = await db.cycleTask.count({ where: { cycleId, status: "DONE" } });
    expect(done).toBeGreaterThanOrEqual(3);
    expect(by("2.b.3")[0]).toMatchObject({
      met: true,
      href: `${base}/cycles/${cycleId}`,
      detail: `1 siklus dijalankan (0 selesai); ${done} dari ${done} tugas selesai sebelum tenggat (100%).`,
    });
    expect(by("4.c.1")[0]).toMatchObject({ met: false, detail: "1 dari 2 tindak lanjut telah diselesaikan (50%).", href: `${base}/tindak-lanjut` });
    // The seed SOP is active; activated today, after the evaluated year: that date does not count for it.
    expect(by("2.a.1")).toHaveLength(1);
    expect(by("2.a.1")[0]!.href).toBe(`${base}/sops/${w.sopId}`);
    // Every suggestion names a criterion of the seeded edition.
    const codes = new Set(criteriaOf(EDITION_88).map((x) => x.criterion.code));
    for (const e of evidence) expect(codes.has(e.criterionCode)).toBe(true);

    // Another agency sees none of it.
    const other = await lkeWorld();
    const theirs = await suggestEvidence(other.w.agency, YEAR);
    expect(theirs.find((e) => e.criterionCode === "4.c.1")!.detail).toBe(`Tidak ada tindak lanjut bertenggat tahun ${YEAR}.`);
    expect(theirs.find((e) => e.criterionCode === "2.b.2")!.detail).toBe("0 dari 0 realisasi yang diajukan telah diverifikasi (0%).");
  });

  it("self-assessment, review and lock: the score follows the copied weights, and a locked year never changes", async () => {
    const { w, editor, reviewer, pengendali } = await lkeWorld();
    // Its own edition (so other tests never see its weights change), a copy of 88/2021.
    const editionName = `Uji LKE ${w.agency.slug}`;
    const editionId = await ensureEdition({ ...EDITION_88, editionName }, 2021);
    await createLkeEvaluation({ year: YEAR, editionId }, editor);
    expect(await run(() => createLkeEvaluation({ year: YEAR, editionId }, editor))).toMatchObject({ ok: false, error: M.exists(YEAR) });

    // The auditor cannot fill the self-assessment; the editor cannot review.
    expect(await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "Y", justification: "", evidenceLinks: [] }, reviewer))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: M.notEditor,
    });
    // Off-scale answer and unknown criterion refused.
    expect(await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "B", justification: "", evidenceLinks: [] }, editor))).toMatchObject({
      ok: false,
      error: M.answerOffScale("Y, T"),
    });
    expect(await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "9.z.9", answer: "Y", justification: "", evidenceLinks: [] }, editor))).toMatchObject({
      ok: false,
      error: M.unknownCriterion,
    });

    // Everything fully met except: 1.a.5 "T" (PK missing: 30×0.2/5 = 1.2 lost) and 4.c.1 "C" (12.5/2 × 0.5 = 3.125 lost).
    const all = criteriaOf(EDITION_88);
    for (const { criterion } of all.slice(0, -1)) {
      const answer = criterion.code === "1.a.5" ? "T" : criterion.code === "4.c.1" ? "C" : criterion.scale[0]!.code;
      await saveSelfAssessment(
        { year: YEAR, criterionCode: criterion.code, answer, justification: `Penjelasan ${criterion.code}`, evidenceLinks: [`/a/${w.agency.slug}/kinerja?tahun=${YEAR}`] },
        editor,
      );
    }
    // One criterion left: submitting is refused.
    expect(await run(() => submitLke({ year: YEAR }, editor))).toMatchObject({ ok: false, error: M.unanswered(1) });
    const last = all.at(-1)!.criterion;
    await saveSelfAssessment({ year: YEAR, criterionCode: last.code, answer: "A", justification: "", evidenceLinks: [] }, editor);
    expect((await loadLke(w.agency.id, YEAR))!.score).toMatchObject({ total: 95.68, predikat: "AA" });
    // Ranked: 4.c.1 (gain 3.125) before 1.a.5 (1.2).
    expect((await loadLke(w.agency.id, YEAR))!.gains.map((g) => [g.code, g.gain])).toEqual([
      ["4.c.1", 3.13],
      ["1.a.5", 1.2],
    ]);
    await submitLke({ year: YEAR }, editor);
    expect(await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.5", answer: "Y", justification: "", evidenceLinks: [] }, editor))).toMatchObject({
      ok: false,
      error: M.notDraft,
    });

    // The reviewer lowers 2.b.3 to "B" (9/4 × 0.25 = 0.5625 lost) with a note; the editor cannot review.
    expect(await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "2.b.3", answer: "B", note: "x" }, editor))).toMatchObject({ ok: false, error: M.notReviewer });
    await saveReviewAnswer({ year: YEAR, criterionCode: "2.b.3", answer: "B", note: "Satu siklus terlambat." }, reviewer);
    expect(await run(() => lockLke({ year: YEAR }, reviewer))).toMatchObject({ ok: false, error: M.notReviewed });
    await verifyLke({ year: YEAR }, reviewer);
    await completeLkeReview({ year: YEAR }, pengendali);
    const locked = await lockLke({ year: YEAR }, pengendali);
    // Sub-components rounded to 2 decimals: 1.a 6 × 4/5 = 4.8; 2.b 9 × 3.75/4 = 8.4375 → 8.44; 4.c 12.5 × 1.5/2 = 9.375 → 9.38;
    // total 28.8 + 29.44 + 15 + 21.88 = 95.12.
    expect(locked).toMatchObject({ total: 95.12, predikat: "AA" });
    const row = await db.lkeEvaluation.findUniqueOrThrow({ where: { agencyId_year: { agencyId: w.agency.id, year: YEAR } } });
    expect([row.status, row.lockedScore?.toString(), row.lockedPredikat]).toEqual(["LOCKED", "95.12", "AA"]);

    // Locked: every change refused, in Indonesian, nothing written.
    const events = await db.auditEvent.count({ where: { agencyId: w.agency.id } });
    const changes: (() => Promise<unknown>)[] = [
      () => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.5", answer: "Y", justification: "", evidenceLinks: [] }, editor),
      () => saveReviewAnswer({ year: YEAR, criterionCode: "1.a.5", answer: "Y", note: "" }, reviewer),
      () => submitLke({ year: YEAR }, editor),
      () => verifyLke({ year: YEAR }, reviewer),
      () => returnLke({ year: YEAR, reason: "Dikembalikan setelah dikunci." }, reviewer),
      () => completeLkeReview({ year: YEAR }, pengendali),
      () => lockLke({ year: YEAR }, pengendali),
    ];
    for (const attemptChange of changes)
      expect(await run(attemptChange)).toMatchObject({ ok: false, code: "CONFLICT", error: M.locked(YEAR) });
    expect(await db.auditEvent.count({ where: { agencyId: w.agency.id } })).toBe(events);

    // A new weighting of the edition (Pelaporan 15 → 30 at the expense of Evaluasi internal) leaves the locked year alone.
    const component = await db.lkeComponent.findFirstOrThrow({ where: { edition: { name: editionName }, code: "4" }, include: { subComponents: true } });
    await db.lkeSubComponent.updateMany({ where: { componentId: component.id, code: "4.c" }, data: { weight: 1 } });
    await db.lkeCriterion.updateMany({ where: { subComponent: { componentId: component.id }, code: "4.c.1" }, data: { weight: 10 } });
    expect((await loadLke(w.agency.id, YEAR))!.score).toMatchObject({ total: 95.12, predikat: "AA" });

    // A later year created afterwards takes the new weights: 4.c (1 point) with 4.c.1 "C" at 10/11 of it.
    await createLkeEvaluation({ year: YEAR + 1, editionId }, editor);
    const next = (await loadLke(w.agency.id, YEAR + 1))!;
    expect(next.structure.components[3]!.subComponents[2]!.weight).toBe(1);
    expect(next.evaluation.structure).not.toEqual(row.structure);

    // The audit trail has the steps.
    const actions = (await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: { startsWith: "lke." } }, select: { action: true } })).map((e) => e.action);
    expect(new Set(actions)).toEqual(new Set(["lke.create", "lke.answer", "lke.submit", "lke.review_answer", "lke.verify", "lke.review", "lke.lock"]));
  });

  it("opens a year with the 88/2021 edition by default and refuses another agency's year", async () => {
    const { w, editor } = await lkeWorld();
    await createLkeEvaluation({ year: YEAR }, editor);
    const lke = (await loadLke(w.agency.id, YEAR))!;
    expect(lke.evaluation.edition.name).toBe(EDITION_88_NAME);
    expect((lke.structure as TLkeStructure).components.map((c) => c.weight)).toEqual([30, 30, 15, 25]);
    expect(lke.score).toMatchObject({ total: 0, predikat: "D", answered: 0 });

    const other = await lkeWorld();
    expect(await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "Y", justification: "", evidenceLinks: [] }, other.editor))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: M.notFound(YEAR),
    });
    await expect(createLkeEvaluation({ year: 1999 }, editor)).rejects.toThrow();
    expect(await run(() => createLkeEvaluation({ year: 2020 }, editor))).toMatchObject({ ok: false, error: M.noEdition(2020) });
  });
});
