/**
 * Decision 046: the Inspektorat's two steps (verifier → reviewer/pengendali, two different
 * auditors), returning the evaluation to the agency with a reason (notes kept, the next
 * round), the agency revising and resubmitting, then the lock; and the platform
 * administrator's edition editor: copy, edit with validation, refusal once an evaluation
 * uses the edition, and a locked year whose score and sheet stay when a newer edition's
 * weights change.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { ACTION_REGISTRY, type ActionContext } from "@/lib/authz/action";
import { buildAgencyContext, loadAgencyContext, type SessionUser } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import "@/lib/lke/actions";
import { lkeActorOf } from "@/lib/lke/actor";
import "@/lib/lke/edition-actions";
import { copyEdition, loadEdition, updateEditionCriterion, updateEditionGroup, updateEditionMeta } from "@/lib/lke/editions";
import { EDITION_88_NAME } from "@/lib/lke/edition-88";
import { LKE_MESSAGES as M } from "@/lib/lke/messages";
import { ZLkeEditionCriterion, ZLkeReturn } from "@/lib/lke/schemas";
import {
  completeLkeReview,
  createLkeEvaluation,
  ensureEdition88,
  lkeTimeline,
  loadLke,
  lockLke,
  returnLke,
  saveReviewAnswer,
  saveSelfAssessment,
  submitLke,
  verifyLke,
  type LkeActor,
} from "@/lib/lke/service";
import { criteriaOf } from "@/lib/lke/structure";
import { buildLkeWorkbook } from "@/lib/lke/xlsx";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

async function contextOf(user: { id: string; nip: string; name: string }, slug: string): Promise<ActionContext> {
  const session: SessionUser = { id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  const loaded = await loadAgencyContext(user.id, slug);
  const ctx = buildAgencyContext(session, loaded!);
  return { ...ctx, actor: actorOf(user, ctx.roleCodes), meta: { ip: null, userAgent: null, requestId: null } };
}

async function run<T>(p: () => Promise<T>) {
  try {
    return { ok: true as const, data: await p() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
  }
}

/** Far-future first years, one per edition this file makes: no other test's year picks them by default. */
let nextYear = 2060 + Math.floor(Math.random() * 30) * 1;
const freshYear = async () => {
  for (;;) {
    const y = nextYear++;
    if (!(await db.lkeEdition.findFirst({ where: { validFromYear: y } }))) return y;
  }
};

async function world() {
  await ensureEdition88();
  const agency = await createAgency(["KADIS", "TIM_SAKIP"]);
  const [admin, verifier, pengendali] = [await createUser(), await createUser({ name: "Auditor Verifikator" }), await createUser({ name: "Pengendali Teknis" })];
  await addMembership(admin.id, agency, "ADMIN");
  await addMembership(verifier.id, agency, AUDITOR_ROLE);
  await addMembership(pengendali.id, agency, AUDITOR_ROLE);
  const [asAdmin, asVerifier, asPengendali] = await Promise.all([contextOf(admin, agency.slug), contextOf(verifier, agency.slug), contextOf(pengendali, agency.slug)]);
  return { agency, editor: lkeActorOf(asAdmin), verifier: lkeActorOf(asVerifier), pengendali: lkeActorOf(asPengendali) };
}

const platform = async () => {
  const user = await createUser({ isPlatformAdmin: true, name: "Administrator Platform" });
  return { actor: { id: user.id, name: user.name, nip: user.nip, roles: ["PLATFORM_ADMIN"] }, meta: null };
};

async function answerAll(year: number, editor: LkeActor, override: Record<string, string> = {}) {
  const lke = (await loadLke(editor.agencyId, year))!;
  for (const { criterion } of criteriaOf(lke.structure))
    await saveSelfAssessment({ year, criterionCode: criterion.code, answer: override[criterion.code] ?? criterion.scale[0]!.code, justification: "Dokumen ada.", evidenceLinks: [] }, editor);
}

/** The sheet's cells as plain values (the file's own timestamps aside). */
async function sheetValues(agencyId: string, year: number) {
  const lke = (await loadLke(agencyId, year))!;
  const buffer = await buildLkeWorkbook({ agencyName: "Dinas Uji", year, editionName: lke.evaluation.edition.name, statusLabel: lke.evaluation.status, structure: lke.structure, answers: lke.answers, score: lke.score, origin: "https://contoh.go.id" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push(row.values));
  return rows;
}

describe("LKE: verifier, reviewer, return to the agency (decision 046)", () => {
  it("the door: verify and return are the auditor's; the editor's actions are the platform administrator's", () => {
    for (const name of ["lke.verify", "lke.return"]) expect(ACTION_REGISTRY.get(name)!.permission).toBe("lke.review");
    for (const name of ["platform.copyLkeEdition", "platform.updateLkeEdition", "platform.updateLkeEditionGroup", "platform.updateLkeEditionCriterion"])
      expect(ACTION_REGISTRY.get(name), name).toMatchObject({ scope: "platform", permission: "platform.admin" });
  });

  it("return → revise → resubmit → verify → review by another auditor → lock; the agency cannot review, another agency's year is not found", async () => {
    const { agency, editor, verifier, pengendali } = await world();
    const YEAR = 2025;
    await createLkeEvaluation({ year: YEAR }, editor);
    await answerAll(YEAR, editor, { "1.b.4": "B" });
    await submitLke({ year: YEAR }, editor);

    // The agency cannot verify, review or return its own evaluation.
    for (const step of [() => verifyLke({ year: YEAR }, editor), () => returnLke({ year: YEAR, reason: "Dokumen pendukung belum lengkap." }, editor), () => completeLkeReview({ year: YEAR }, editor)])
      expect(await run(step)).toMatchObject({ ok: false, code: "FORBIDDEN", error: M.notReviewer });
    // Another agency's auditor finds no such year here.
    const other = await world();
    expect(await run(() => returnLke({ year: YEAR, reason: "Dokumen pendukung belum lengkap." }, other.verifier))).toMatchObject({ ok: false, code: "NOT_FOUND", error: M.notFound(YEAR) });
    // The review cannot be completed before the verification.
    expect(await run(() => completeLkeReview({ year: YEAR }, pengendali))).toMatchObject({ ok: false, code: "CONFLICT", error: M.notVerified });
    // A reason is required.
    expect(ZLkeReturn.safeParse({ year: YEAR, reason: "  kurang " }).error!.issues[0]!.message).toBe(M.returnReasonShort);

    // Round 1: the verifier notes 1.b.4 and returns it.
    await saveReviewAnswer({ year: YEAR, criterionCode: "1.b.4", answer: "C", note: "Indikator belum SMART: lengkapi definisi operasional." }, verifier);
    await returnLke({ year: YEAR, reason: "Lengkapi bukti kriteria 1.b.4 sebelum diverifikasi ulang." }, verifier);
    let lke = (await loadLke(agency.id, YEAR))!;
    expect([lke.evaluation.status, lke.evaluation.round]).toEqual(["DRAFT", 2]);
    expect(lke.evaluation.returns[0]).toMatchObject({ round: 1, fromStatus: "SUBMITTED", reason: "Lengkapi bukti kriteria 1.b.4 sebelum diverifikasi ulang." });
    // The notes stay, shown to the agency per criterion.
    expect(lke.answers.get("1.b.4")).toMatchObject({ reviewerAnswer: "C", reviewerNote: "Indikator belum SMART: lengkapi definisi operasional." });
    // Returned: no more review until resubmitted.
    expect(await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "1.b.4", answer: null, note: "" }, verifier))).toMatchObject({ ok: false, error: M.notSubmitted });
    expect(await run(() => returnLke({ year: YEAR, reason: "Dikembalikan lagi tanpa diajukan." }, verifier))).toMatchObject({ ok: false, error: M.notReturnable });

    // The agency revises and resubmits.
    await saveSelfAssessment({ year: YEAR, criterionCode: "1.b.4", answer: "A", justification: "Definisi operasional ditetapkan.", evidenceLinks: [`/a/${agency.slug}/kinerja`] }, editor);
    await submitLke({ year: YEAR }, editor);

    // Round 2: verified by the verifier; the verifier cannot also complete the review.
    await saveReviewAnswer({ year: YEAR, criterionCode: "1.b.4", answer: null, note: "Sudah dilengkapi." }, verifier);
    await verifyLke({ year: YEAR }, verifier);
    expect(await run(() => completeLkeReview({ year: YEAR }, verifier))).toMatchObject({ ok: false, code: "FORBIDDEN", error: M.sameAsVerifier });
    expect(await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "1.b.4", answer: "B", note: "x" }, verifier))).toMatchObject({ ok: false, error: M.sameAsVerifier });
    // The pengendali returns it once more from VERIFIED; the agency resubmits unchanged.
    await returnLke({ year: YEAR, reason: "Kriteria 2.a.1: unggah SK pedoman yang ditandatangani." }, pengendali);
    lke = (await loadLke(agency.id, YEAR))!;
    expect([lke.evaluation.status, lke.evaluation.round, lke.evaluation.verifiedById]).toEqual(["DRAFT", 3, null]);
    expect(lke.evaluation.returns[0]).toMatchObject({ round: 2, fromStatus: "VERIFIED" });
    await submitLke({ year: YEAR }, editor);
    await verifyLke({ year: YEAR }, verifier);
    // The pengendali adjusts one answer, completes and locks.
    await saveReviewAnswer({ year: YEAR, criterionCode: "1.a.1", answer: "T", note: "Renstra belum ditetapkan." }, pengendali);
    await completeLkeReview({ year: YEAR }, pengendali);
    const score = await lockLke({ year: YEAR }, pengendali);
    expect(score.total).toBe(98.8);

    // The timeline shows the rounds.
    const timeline = await lkeTimeline(agency.id, lke.evaluation.id);
    expect(timeline.map((e) => [e.action, e.round, e.actorName])).toEqual([
      ["lke.create", 1, expect.any(String)],
      ["lke.submit", 1, expect.any(String)],
      ["lke.return", 1, "Auditor Verifikator"],
      ["lke.submit", 2, expect.any(String)],
      ["lke.verify", 2, "Auditor Verifikator"],
      ["lke.return", 2, "Pengendali Teknis"],
      ["lke.submit", 3, expect.any(String)],
      ["lke.verify", 3, "Auditor Verifikator"],
      ["lke.review", 3, "Pengendali Teknis"],
      ["lke.lock", 3, "Pengendali Teknis"],
    ]);
    expect(timeline.find((e) => e.action === "lke.return")!.reason).toBe("Lengkapi bukti kriteria 1.b.4 sebelum diverifikasi ulang.");
    // Locked: no return any more.
    expect(await run(() => returnLke({ year: YEAR, reason: "Dikembalikan setelah dikunci." }, pengendali))).toMatchObject({ ok: false, code: "CONFLICT", error: M.locked(YEAR) });
  });
});

describe("LKE edition editor (decision 046)", () => {
  it("copies an edition, edits it with Indonesian validation, refuses a taken name or year, and refuses an edition in use", async () => {
    const admin = await platform();
    const source = await ensureEdition88();
    const year = await freshYear();
    const name = `Edisi uji ${year} ${Math.random().toString(36).slice(2, 8)}`;
    expect(await run(() => copyEdition({ sourceId: source, name: EDITION_88_NAME, validFromYear: year }, admin))).toMatchObject({ ok: false, code: "CONFLICT", error: M.edition.nameTaken });
    expect(await run(() => copyEdition({ sourceId: source, name, validFromYear: 2021 }, admin))).toMatchObject({ ok: false, code: "CONFLICT", error: M.edition.yearTaken(2021) });
    expect(await run(() => copyEdition({ sourceId: "tidak-ada", name, validFromYear: year }, admin))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const { id } = await copyEdition({ sourceId: source, name, validFromYear: year }, admin);
    const copy = (await loadEdition(id))!;
    const original = (await loadEdition(source))!;
    expect(copy.components.map((c) => [c.code, c.weight])).toEqual(original.components.map((c) => [c.code, c.weight]));
    expect(criteriaCount(copy)).toBe(criteriaCount(original));

    // Validation: weights positive, at least two answers, values in [0, 1], codes unique; nothing written.
    const criterion = copy.components[0]!.subComponents[0]!.criteria[0]!;
    const bad = ZLkeEditionCriterion.safeParse({
      editionId: id,
      criterionId: criterion.id,
      text: " ",
      weight: 0,
      scale: [
        { code: "Y", label: "Ya", value: 1.5 },
        { code: "T", label: "Tidak", value: 0 },
      ],
    });
    const messages = bad.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["text", M.edition.textEmpty],
        ["weight", M.edition.weight],
        ["scale.0.value", M.edition.scaleValue],
      ]),
    );
    const duplicate = ZLkeEditionCriterion.safeParse({
      editionId: id,
      criterionId: criterion.id,
      text: "Renstra",
      weight: 1,
      scale: [
        { code: "Y", label: "Ya", value: 1 },
        { code: "y", label: "Ya juga", value: 0 },
      ],
    });
    expect(duplicate.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["scale.1.code", M.edition.scaleCodeDuplicate("Y")]]);
    expect(ZLkeEditionCriterion.safeParse({ editionId: id, criterionId: criterion.id, text: "x", weight: 1, scale: [{ code: "Y", label: "Ya", value: 1 }] }).error!.issues[0]!.message).toBe(M.edition.scaleMin);
    await expect(updateEditionCriterion({ editionId: id, criterionId: criterion.id, text: "x", weight: -1, scale: [] }, admin)).rejects.toThrow();
    expect((await loadEdition(id))!.components[0]!.subComponents[0]!.criteria[0]).toEqual(criterion);

    // A valid edit: text, weight, a three-answer scale; a component's name and weight; the edition's name.
    const scale = [
      { code: "A", label: "Lengkap", value: 1 },
      { code: "B", label: "Sebagian", value: 0.5 },
      { code: "C", label: "Tidak ada", value: 0 },
    ];
    await updateEditionCriterion({ editionId: id, criterionId: criterion.id, text: "Renstra telah ditetapkan dan dipublikasikan", weight: 2, scale }, admin);
    await updateEditionGroup({ editionId: id, kind: "component", id: copy.components[0]!.id, name: "Perencanaan Kinerja (uji)", weight: 35 }, admin);
    await updateEditionMeta({ editionId: id, name: `${name} (revisi)`, validFromYear: year }, admin);
    const edited = (await loadEdition(id))!;
    expect(edited.name).toBe(`${name} (revisi)`);
    expect(edited.components[0]).toMatchObject({ name: "Perencanaan Kinerja (uji)", weight: 35 });
    expect(edited.components[0]!.subComponents[0]!.criteria[0]).toMatchObject({ text: "Renstra telah ditetapkan dan dipublikasikan", weight: 2, scale });
    // A part of another edition is not found through this one.
    expect(await run(() => updateEditionGroup({ editionId: id, kind: "component", id: original.components[0]!.id, name: "Bukan milik edisi ini", weight: 30 }, admin))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: M.edition.partNotFound,
    });
    const audits = await db.auditEvent.findMany({ where: { entityType: "LkeEdition", entityId: id }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["lke.edition_copy", "lke.edition_update", "lke.edition_update", "lke.edition_update"]);

    // In use by an evaluation: every edit is refused, nothing changes; copying it is the way.
    const { agency, editor } = await world();
    await createLkeEvaluation({ year, editionId: id }, editor);
    const events = await db.auditEvent.count({ where: { entityType: "LkeEdition", entityId: id } });
    const inUse = M.edition.inUse(1);
    expect(await run(() => updateEditionCriterion({ editionId: id, criterionId: criterion.id, text: "Diubah", weight: 1, scale }, admin))).toMatchObject({ ok: false, code: "CONFLICT", error: inUse });
    expect(await run(() => updateEditionGroup({ editionId: id, kind: "component", id: copy.components[0]!.id, name: "Diubah", weight: 30 }, admin))).toMatchObject({ ok: false, error: inUse });
    expect(await run(() => updateEditionMeta({ editionId: id, name: "Diubah", validFromYear: year }, admin))).toMatchObject({ ok: false, error: inUse });
    expect(await loadEdition(id)).toEqual({ ...edited, evaluations: 1 });
    expect(await db.auditEvent.count({ where: { entityType: "LkeEdition", entityId: id } })).toBe(events);
    // The year took the edited structure.
    expect((await loadLke(agency.id, year))!.structure.components[0]).toMatchObject({ name: "Perencanaan Kinerja (uji)", weight: 35 });
  });

  it("a locked year's score and sheet stay when a newer edition's weights and scales change", async () => {
    const admin = await platform();
    const { agency, editor, verifier, pengendali } = await world();
    const year = await freshYear();
    const first = await copyEdition({ sourceId: await ensureEdition88(), name: `Edisi terkunci ${year} ${Math.random().toString(36).slice(2, 8)}`, validFromYear: year }, admin);
    await createLkeEvaluation({ year, editionId: first.id }, editor);
    await answerAll(year, editor, { "4.c.1": "C" });
    await submitLke({ year }, editor);
    await verifyLke({ year }, verifier);
    await completeLkeReview({ year }, pengendali);
    const locked = await lockLke({ year }, pengendali);
    const sheet = await sheetValues(agency.id, year);

    // The next edition: a copy, Evaluasi internal re-weighted and 4.c.1's scale made harsher.
    const next = await copyEdition({ sourceId: first.id, name: `Edisi berikut ${year} ${Math.random().toString(36).slice(2, 8)}`, validFromYear: await freshYear() }, admin);
    const edition = (await loadEdition(next.id))!;
    const evaluasi = edition.components.find((c) => c.code === "4")!;
    await updateEditionGroup({ editionId: next.id, kind: "subComponent", id: evaluasi.subComponents.find((s) => s.code === "4.c")!.id, name: "Pemanfaatan hasil evaluasi", weight: 1 }, admin);
    const c41 = evaluasi.subComponents.find((s) => s.code === "4.c")!.criteria.find((k) => k.code === "4.c.1")!;
    await updateEditionCriterion(
      { editionId: next.id, criterionId: c41.id, text: c41.text, weight: 10, scale: c41.scale.map((o) => ({ ...o, value: o.value === 1 ? 1 : 0 })) },
      admin,
    );
    // The first edition, used by the locked year, cannot be edited.
    expect(await run(() => updateEditionCriterion({ editionId: first.id, criterionId: c41.id, text: c41.text, weight: 10, scale: c41.scale }, admin))).toMatchObject({ ok: false, code: "CONFLICT" });

    const after = (await loadLke(agency.id, year))!;
    expect(after.score).toMatchObject({ total: locked.total, predikat: locked.predikat });
    expect(after.evaluation.lockedScore!.toNumber()).toBe(locked.total);
    expect(await sheetValues(agency.id, year)).toEqual(sheet);
  });
});

const criteriaCount = (e: NonNullable<Awaited<ReturnType<typeof loadEdition>>>) => e.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria)).length;
