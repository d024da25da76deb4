/**
 * The LKE workbench's actions (lib/lke/actions.ts, decisions 033 and 036) on a fresh
 * agency: who the door lets through for each action, then the server's rules with the
 * actor the action computes from the member's real context (lib/lke/actor.ts): only the
 * performance managers answer and submit, only the Inspektorat auditor reviews and locks,
 * a locked year refuses every change with nothing written, bad input gets an Indonesian
 * message and no write; a reviewer's note becomes a tracked follow-up that next year's
 * "evaluasi internal" evidence counts.
 */
import { describe, expect, it } from "vitest";

import { ACTION_REGISTRY, type ActionContext } from "@/lib/authz/action";
import { buildAgencyContext, loadAgencyContext, type SessionUser } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { AUDITOR_ROLE, type TPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/followup/service";
import "@/lib/lke/actions";
import { lkeActorOf, lkeFollowUpActorOf } from "@/lib/lke/actor";
import { suggestEvidence } from "@/lib/lke/evidence";
import { LKE_MESSAGES as M } from "@/lib/lke/messages";
import { ZLkeFollowUp, ZLkeSelfAnswer } from "@/lib/lke/schemas";
import {
  completeLkeReview,
  createLkeEvaluation,
  createLkeFollowUp,
  ensureEdition88,
  loadLke,
  lockLke,
  saveReviewAnswer,
  saveSelfAssessment,
  submitLke,
  verifyLke,
} from "@/lib/lke/service";
import { criteriaOf } from "@/lib/lke/structure";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

const YEAR = 2025;

async function contextOf(user: { id: string; nip: string; name: string }, slug: string): Promise<ActionContext> {
  const session: SessionUser = { id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  const loaded = await loadAgencyContext(user.id, slug);
  const ctx = buildAgencyContext(session, loaded!);
  return { ...ctx, actor: actorOf(user, ctx.roleCodes), meta: { ip: null, userAgent: null, requestId: null } };
}

/** A service call's refusal as the action returns it. */
async function run<T>(p: () => Promise<T>) {
  try {
    return { ok: true as const, data: await p() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, error: error.message };
  }
}

async function world() {
  await ensureEdition88();
  const agency = await createAgency(["KADIS", "TIM_SAKIP"]);
  const [admin, member, head, auditor, second] = [await createUser(), await createUser(), await createUser(), await createUser({ name: "Auditor Inspektorat" }), await createUser({ name: "Pengendali Teknis" })];
  await addMembership(admin.id, agency, "ADMIN");
  await addMembership(member.id, agency, "TIM_SAKIP");
  await addMembership(head.id, agency, "KADIS");
  await addMembership(auditor.id, agency, AUDITOR_ROLE);
  await addMembership(second.id, agency, AUDITOR_ROLE);
  const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Sekretariat" }, select: { id: true } });
  const [asAdmin, asMember, asHead, asAuditor, asPengendali] = await Promise.all([
    contextOf(admin, agency.slug),
    contextOf(member, agency.slug),
    contextOf(head, agency.slug),
    contextOf(auditor, agency.slug),
    contextOf(second, agency.slug),
  ]);
  return { agency, unit, asAdmin, asMember, asHead, asAuditor, asPengendali };
}

const answersOf = (evaluationId: string) => db.lkeAnswer.findMany({ where: { evaluationId }, orderBy: { criterionCode: "asc" } });
const auditCount = (agencyId: string) => db.auditEvent.count({ where: { agencyId } });

describe("LKE workbench actions", () => {
  it("the door: the performance manager answers and submits, the auditor reviews and locks, nobody else", async () => {
    const { asAdmin, asMember, asHead, asAuditor } = await world();
    const door = (name: string) => ACTION_REGISTRY.get(name)!.permission as TPermission;
    for (const name of ["lke.create", "lke.answer", "lke.submit"]) {
      expect(asAdmin.can(door(name)), `${name}: administrator`).toBe(true);
      expect(asMember.can(door(name)), `${name}: Tim SAKIP without designation`).toBe(false);
      expect(asHead.can(door(name)), `${name}: head`).toBe(false);
      expect(asAuditor.can(door(name)), `${name}: auditor`).toBe(false);
    }
    for (const name of ["lke.reviewAnswer", "lke.verify", "lke.return", "lke.review", "lke.lock"]) {
      expect(asAuditor.can(door(name)), `${name}: auditor`).toBe(true);
      expect(asAdmin.can(door(name)), `${name}: administrator`).toBe(false);
      expect(asHead.can(door(name)), `${name}: head`).toBe(false);
    }
    // A review note becomes a follow-up by the agency's follow-up managers; the auditor stays read only there.
    expect(asAuditor.can(door("lke.followUp"))).toBe(false);
    expect(asAdmin.can(door("lke.followUp"))).toBe(true);
  });

  it("answers, submit, review and lock with the server's rules; the locked year refuses every change and writes nothing", async () => {
    const { agency, unit, asAdmin, asMember, asAuditor, asPengendali } = await world();
    const editor = lkeActorOf(asAdmin);
    const reviewer = lkeActorOf(asAuditor);
    expect(editor).toMatchObject({ edits: true, reviews: false });
    expect(reviewer).toMatchObject({ edits: false, reviews: true });
    // A member past a door by another route is still refused by the service.
    expect((await run(() => createLkeEvaluation({ year: YEAR }, lkeActorOf(asMember)))).error).toBe(M.notEditor);
    await createLkeEvaluation({ year: YEAR }, editor);
    const { id: evaluationId } = await db.lkeEvaluation.findUniqueOrThrow({ where: { agencyId_year: { agencyId: agency.id, year: YEAR } }, select: { id: true } });

    // Bad input: an answer off the scale, a link that is neither an app page nor http(s).
    const before = await auditCount(agency.id);
    const off = await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "Z", justification: "", evidenceLinks: [] }, editor));
    expect(off).toMatchObject({ ok: false, code: "INVALID", error: "Jawaban harus salah satu dari: Y, T." });
    const badLink = ZLkeSelfAnswer.safeParse({ year: YEAR, criterionCode: "1.a.1", answer: "Y", evidenceLinks: ["javascript:alert(1)"] });
    expect(badLink.success).toBe(false);
    expect(badLink.error!.issues[0]!.message).toBe(M.linkInvalid);
    expect(await answersOf(evaluationId)).toHaveLength(0);
    expect(await auditCount(agency.id)).toBe(before);
    // The auditor cannot fill the agency's answers.
    expect((await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "Y", justification: "", evidenceLinks: [] }, reviewer))).error).toBe(M.notEditor);

    // Submitting with criteria unanswered is refused; the status stays.
    const criteria = criteriaOf((await loadLke(agency.id, YEAR))!.structure);
    await saveSelfAssessment({ year: YEAR, criterionCode: criteria[0]!.criterion.code, answer: criteria[0]!.criterion.scale[0]!.code, justification: "Ada dokumen.", evidenceLinks: [`/a/${agency.slug}/kinerja`] }, editor);
    const early = await run(() => submitLke({ year: YEAR }, editor));
    expect(early).toMatchObject({ ok: false, code: "INVALID", error: M.unanswered(criteria.length - 1) });
    expect((await loadLke(agency.id, YEAR))!.evaluation.status).toBe("DRAFT");
    // The auditor cannot review a draft.
    expect((await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "1.a.1", answer: null, note: "x" }, reviewer))).error).toBe(M.notSubmitted);

    for (const { criterion } of criteria.slice(1))
      await saveSelfAssessment({ year: YEAR, criterionCode: criterion.code, answer: criterion.scale[0]!.code, justification: "", evidenceLinks: [] }, editor);
    await submitLke({ year: YEAR }, editor);
    // Submitted: the agency's answers are final.
    expect((await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "T", justification: "", evidenceLinks: [] }, editor))).error).toBe(M.notDraft);
    // Only the auditor reviews.
    expect((await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "1.a.1", answer: "T", note: "Dokumen belum lengkap." }, editor))).error).toBe(M.notReviewer);
    await saveReviewAnswer({ year: YEAR, criterionCode: "1.a.1", answer: "T", note: "Lengkapi dokumen Renstra yang telah ditetapkan." }, reviewer);
    expect((await run(() => lockLke({ year: YEAR }, reviewer))).error).toBe(M.notReviewed);
    await verifyLke({ year: YEAR }, reviewer);
    // The review is completed by another auditor than the verifier (decision 046).
    expect((await run(() => completeLkeReview({ year: YEAR }, reviewer))).error).toBe(M.sameAsVerifier);
    await completeLkeReview({ year: YEAR }, lkeActorOf(asPengendali));
    const score = await lockLke({ year: YEAR }, reviewer);
    // 1.a.1 lowered to "T" by the review: the first of five criteria of a 6-point sub-component.
    expect(score.total).toBe(98.8);
    expect(score.predikat).toBe("AA");

    // Locked: every change is refused, nothing is written.
    const snapshot = await answersOf(evaluationId);
    const audits = await auditCount(agency.id);
    const locked = M.locked(YEAR);
    expect((await run(() => saveSelfAssessment({ year: YEAR, criterionCode: "1.a.1", answer: "Y", justification: "", evidenceLinks: [] }, editor))).error).toBe(locked);
    expect((await run(() => saveReviewAnswer({ year: YEAR, criterionCode: "1.a.1", answer: "Y", note: "" }, reviewer))).error).toBe(locked);
    expect((await run(() => submitLke({ year: YEAR }, editor))).error).toBe(locked);
    expect((await run(() => completeLkeReview({ year: YEAR }, reviewer))).error).toBe(locked);
    expect((await run(() => lockLke({ year: YEAR }, reviewer))).error).toBe(locked);
    expect(await answersOf(evaluationId)).toEqual(snapshot);
    expect(await auditCount(agency.id)).toBe(audits);

    // The reviewer's note becomes a tracked follow-up (owner unit, due date), once.
    const fuActor = lkeFollowUpActorOf(asAdmin);
    const noNote = await run(() => createLkeFollowUp({ year: YEAR, criterionCode: "1.a.2", recommendation: "Tidak ada catatan", unitId: unit.id, dueDate: "2026-06-30" }, fuActor));
    expect(noNote).toMatchObject({ ok: false, error: M.followUpNoNote });
    const badDue = ZLkeFollowUp.safeParse({ year: YEAR, criterionCode: "1.a.1", recommendation: "Lengkapi Renstra", unitId: unit.id, dueDate: "30-06-2026" });
    expect(badDue.error!.issues[0]!.message).toBe(M.followUpDue);
    const notManager = await run(() => createLkeFollowUp({ year: YEAR, criterionCode: "1.a.1", recommendation: "Lengkapi Renstra", unitId: unit.id, dueDate: "2026-06-30" }, lkeFollowUpActorOf(asMember)));
    expect(notManager).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.followUp.count({ where: { agencyId: agency.id } })).toBe(0);
    const made = await createLkeFollowUp({ year: YEAR, criterionCode: "1.a.1", recommendation: "Lengkapi dokumen Renstra yang telah ditetapkan.", unitId: unit.id, dueDate: "2026-06-30" }, fuActor);
    const row = await db.followUp.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ source: "LKE", lkeEvaluationId: evaluationId, lkeCriterionCode: "1.a.1", unitId: unit.id, status: "OPEN" });
    expect((await run(() => createLkeFollowUp({ year: YEAR, criterionCode: "1.a.1", recommendation: "Lengkapi lagi dokumennya", unitId: unit.id, dueDate: "2026-06-30" }, fuActor))).error).toBe(M.followUpExists);

    // Next year's "evaluasi internal" evidence counts it, open then closed.
    const lkeEvidence = async () => (await suggestEvidence(agency, YEAR + 1)).find((e) => e.criterionCode === "4.c.1" && e.title.includes("reviu LKE"));
    expect(await lkeEvidence()).toMatchObject({ met: false, detail: `0 dari 1 rekomendasi reviu LKE tahun ${YEAR} telah ditindaklanjuti (0%).` });
    await closeFollowUp({ followUpId: made.id, note: "Renstra ditetapkan dengan Perbup.", noFile: true, noFileReason: "Dokumen di JDIH daerah." }, fuActor);
    expect(await lkeEvidence()).toMatchObject({ met: true, detail: `1 dari 1 rekomendasi reviu LKE tahun ${YEAR} telah ditindaklanjuti (100%).` });
  });
});
