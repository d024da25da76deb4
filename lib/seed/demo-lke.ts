import type { Db } from "@/lib/db/client";
import { createLkeEvaluation, createLkeFollowUp, completeLkeReview, lockLke, returnLke, saveReviewAnswer, saveSelfAssessment, submitLke, verifyLke, type LkeActor } from "@/lib/lke/service";
import { criteriaOf, ZLkeStructure, type TLkeStructure } from "@/lib/lke/structure";

import type { DemoLogin } from "./demo";

/** The demo's current year (its PK and cycles are of 2026): the LKE of 2025 is locked, 2026 is being filled. */
const CURRENT = 2026;
const PREVIOUS = CURRENT - 1;

/** A self-assessment that reads like a real one: mostly met, a few gaps where 88/2021 asks most. */
const SELF_2025: Record<string, string> = {
  "1.b.2": "B",
  "1.b.4": "C",
  "1.c.3": "B",
  "2.a.2": "T",
  "2.b.1": "B",
  "2.c.2": "C",
  "3.b.2": "B",
  "3.c.1": "B",
  "4.b.1": "B",
  "4.c.1": "C",
  "4.c.2": "C",
};
/** The Inspektorat's corrections and recommendations on 2025. */
const REVIEW_2025: { code: string; answer: string | null; note: string }[] = [
  { code: "1.b.4", answer: "D", note: "Sebagian indikator sasaran belum memenuhi kriteria SMART: susun ulang definisi operasional dan cara pengukurannya." },
  { code: "2.a.2", answer: null, note: "Tetapkan pedoman pengumpulan data kinerja dengan keputusan kepala dinas." },
  { code: "4.c.1", answer: "D", note: "Rekomendasi evaluasi internal triwulan III belum seluruhnya ditindaklanjuti: tuntaskan dan dokumentasikan." },
];

const at = (iso: string) => new Date(`${iso}T03:00:00.000Z`);

/**
 * The demo agency's LKE (issue 17): the year before the current one self-assessed,
 * reviewed by its Inspektorat auditor and locked, one recommendation made a follow-up of the
 * Sekretariat; the current year opened with a few answers backed by the system's evidence.
 * Through the services, so the audit trail tells the same story. Idempotent.
 */
export async function seedDemoLke(db: Db, logins: DemoLogin[], slug: string) {
  if (slug !== "bmcktr-sumbar") return;
  const agency = await db.agency.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  if (await db.lkeEvaluation.count({ where: { agencyId: agency.id } })) return;
  const userOf = async (roleCode: string, key?: string) => {
    const login = logins.find((l) => l.agencySlug === slug && l.roleCode === roleCode && l.key === key)!;
    return db.user.findUniqueOrThrow({ where: { nip: login.nip }, select: { id: true, name: true, nip: true } });
  };
  const [admin, auditor, pengendali] = [await userOf("ADMIN"), await userOf("AUDITOR"), await userOf("AUDITOR", "AUDITOR_PENGENDALI")];
  const editorAt = (now: Date): LkeActor => ({ agencyId: agency.id, actor: { ...admin, roles: ["ADMIN"] }, meta: null, edits: true, reviews: false, now });
  const reviewerAt = (now: Date): LkeActor => ({ agencyId: agency.id, actor: { ...auditor, roles: ["AUDITOR"] }, meta: null, edits: false, reviews: true, now });
  const pengendaliAt = (now: Date): LkeActor => ({ ...reviewerAt(now), actor: { ...pengendali, roles: ["AUDITOR"] } });
  const base = `/a/${slug}`;

  // 2025: filled in January 2026, reviewed in February, locked in March.
  await createLkeEvaluation({ year: PREVIOUS }, editorAt(at("2026-01-12")));
  const structure: TLkeStructure = ZLkeStructure.parse((await db.lkeEvaluation.findUniqueOrThrow({ where: { agencyId_year: { agencyId: agency.id, year: PREVIOUS } } })).structure);
  for (const { criterion } of criteriaOf(structure)) {
    const answer = SELF_2025[criterion.code] ?? criterion.scale[0]!.code;
    await saveSelfAssessment(
      {
        year: PREVIOUS,
        criterionCode: criterion.code,
        answer,
        justification: answer === criterion.scale[0]!.code ? "Dokumen tersedia dan telah ditetapkan." : "Sebagian dokumen masih dalam penyusunan.",
        evidenceLinks: criterion.code.startsWith("1.") ? [`${base}/kinerja?tahun=${PREVIOUS}`] : [],
      },
      editorAt(at("2026-01-20")),
    );
  }
  await submitLke({ year: PREVIOUS }, editorAt(at("2026-01-30")));
  // The verifier returns it once (decision 046): the SMART note first, the agency resubmits.
  await saveReviewAnswer({ year: PREVIOUS, criterionCode: REVIEW_2025[0]!.code, answer: REVIEW_2025[0]!.answer, note: REVIEW_2025[0]!.note }, reviewerAt(at("2026-02-05")));
  await returnLke({ year: PREVIOUS, reason: "Lampirkan definisi operasional indikator sasaran (kriteria 1.b.4) sebelum verifikasi dilanjutkan." }, reviewerAt(at("2026-02-06")));
  await saveSelfAssessment(
    { year: PREVIOUS, criterionCode: "1.b.4", answer: "C", justification: "Definisi operasional indikator dilampirkan; sebagian masih direvisi.", evidenceLinks: [`${base}/kinerja?tahun=${PREVIOUS}`] },
    editorAt(at("2026-02-10")),
  );
  await submitLke({ year: PREVIOUS }, editorAt(at("2026-02-10")));
  for (const r of REVIEW_2025) await saveReviewAnswer({ year: PREVIOUS, criterionCode: r.code, answer: r.answer, note: r.note }, reviewerAt(at("2026-02-16")));
  await verifyLke({ year: PREVIOUS }, reviewerAt(at("2026-02-17")));
  await completeLkeReview({ year: PREVIOUS }, pengendaliAt(at("2026-02-20")));
  await lockLke({ year: PREVIOUS }, pengendaliAt(at("2026-03-02")));

  const unit = await db.orgUnit.findFirst({ where: { agencyId: agency.id, name: "Sekretariat" }, select: { id: true } });
  if (unit)
    await createLkeFollowUp(
      { year: PREVIOUS, criterionCode: "2.a.2", recommendation: REVIEW_2025[1]!.note, unitId: unit.id, dueDate: "2026-06-30" },
      { agencyId: agency.id, actor: { ...admin, roles: ["ADMIN"] }, meta: null, roleIds: [], manages: true, now: at("2026-03-05") },
    );

  // 2026: opened, the first answers backed by the PK the system holds.
  await createLkeEvaluation({ year: CURRENT }, editorAt(at("2026-11-16")));
  for (const code of ["1.a.5", "1.b.1"])
    await saveSelfAssessment(
      {
        year: CURRENT,
        criterionCode: code,
        answer: code === "1.a.5" ? "Y" : "A",
        justification: "Perjanjian Kinerja 2026 ditandatangani Februari 2026.",
        evidenceLinks: [`${base}/kinerja?tahun=${CURRENT}`],
      },
      editorAt(at("2026-11-16")),
    );
}
