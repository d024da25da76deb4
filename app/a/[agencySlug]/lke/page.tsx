import type { Metadata } from "next";

import { LkeCreateButton, LkeFollowUpForm, LkePrintButton, LkeReturnForm, LkeReviewForm, LkeSelfForm, LkeStepButton, LkeSuggestions } from "@/components/lke/lke-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { FOLLOWUP_MESSAGES } from "@/lib/followup/messages";
import { listActiveUnits, todayIn } from "@/lib/followup/queries";
import { formatDate } from "@/lib/format";
import { EDITION_88 } from "@/lib/lke/edition-88";
import { suggestEvidence } from "@/lib/lke/evidence";
import { LKE_MESSAGES, LKE_STATUS_LABELS } from "@/lib/lke/messages";
import { lkeFollowUps } from "@/lib/lke/queries";
import { lkeTimeline, loadLke } from "@/lib/lke/service";

export const metadata: Metadata = { title: "Evaluasi SAKIP (LKE)" };

const M = LKE_MESSAGES.ui;
const STATUS_TONES = { DRAFT: "neutral", RETURNED: "warning", SUBMITTED: "info", VERIFIED: "info", REVIEWED: "warning", LOCKED: "success" } as const;
const fmt = (x: number) => x.toLocaleString("id-ID", { maximumFractionDigits: 2 });

type TSearch = Promise<Record<string, string | string[] | undefined>>;

/**
 * The year's LKE workbench (decisions 033, 036): the agency's performance managers answer
 * each criterion with the evidence the system suggests beside it and submit; the
 * Inspektorat auditor reviews each criterion, completes the review and locks; after the
 * lock everything is read only. Score, predikat and what would raise the score most stay
 * on top. The server checks every step again.
 */
export default async function LkePage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "lke.view");
  const raw = typeof search.tahun === "string" ? Number(search.tahun) : NaN;
  // The evaluation of year N is done in N+1: the previous year by default.
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getUTCFullYear() - 1;
  const [lke, evidence] = await Promise.all([loadLke(ctx.agency.id, year), suggestEvidence(ctx.agency, year)]);
  const edits = ctx.can("performance.manage");
  const reviews = ctx.can("lke.review");
  const status = lke?.evaluation.status ?? null;
  const followUpsShown = lke !== null && (status === "REVIEWED" || status === "LOCKED");
  const [followUps, units] = followUpsShown ? await Promise.all([lkeFollowUps(ctx.agency.id, lke.evaluation.id), edits ? listActiveUnits(ctx.agency.id) : []]) : [new Map(), []];
  const structure = lke?.structure ?? EDITION_88;
  const evidenceOf = (code: string) => evidence.filter((e) => e.criterionCode === code).map(({ title, detail, href, met }) => ({ title, detail, href, met }));
  const base = `/a/${ctx.agency.slug}`;
  const today = todayIn(ctx);
  // Decision 046: the verifier (an auditor) checks in SUBMITTED and finishes the verification; another
  // auditor (the pengendali teknis) reviews in VERIFIED and completes; either returns it to the agency.
  const isVerifier = lke?.evaluation.verifiedById === ctx.user.id;
  const reviewing = reviews && (status === "SUBMITTED" || (status === "VERIFIED" && !isVerifier));
  const step =
    lke === null
      ? null
      : status === "DRAFT" && edits
        ? "submit"
        : status === "SUBMITTED" && reviews
          ? "verify"
          : status === "VERIFIED" && reviewing
            ? "complete"
            : status === "REVIEWED" && reviews
              ? "lock"
              : null;
  const statusKey = status === "DRAFT" && (lke?.evaluation.round ?? 1) > 1 ? "RETURNED" : status;
  const lastReturn = status === "DRAFT" ? (lke?.evaluation.returns[0] ?? null) : null;
  const timeline = lke ? await lkeTimeline(ctx.agency.id, lke.evaluation.id) : [];

  return (
    <div className="space-y-6 lke-page">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Evaluasi SAKIP (LKE) tahun {year}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          {lke ? (
            <>
              <span>{lke.evaluation.edition.name}</span>
              <Badge tone={STATUS_TONES[statusKey!]} data-testid="lke-status">
                {LKE_STATUS_LABELS[statusKey!]}
              </Badge>
            </>
          ) : (
            `Evaluasi LKE tahun ${year} belum dibuat. Di bawah ini kriteria ${structure.editionName} dan bukti yang sudah ada di aplikasi.`
          )}
        </p>
        <div className="flex flex-wrap items-end gap-2 print:hidden">
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
              Tahun
              <input name="tahun" type="number" min={2000} max={2100} defaultValue={year} className="min-h-11 w-32 rounded-md border border-slate-300 px-3" />
            </label>
            <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100">
              Tampilkan
            </button>
          </form>
          {lke ? (
            <a href={`${base}/lke/ekspor?tahun=${year}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100">
              {M.export}
            </a>
          ) : null}
          <LkePrintButton />
        </div>
        {!lke && edits ? (
          <div className="print:hidden">
            <LkeCreateButton agencySlug={ctx.agency.slug} year={year} />
          </div>
        ) : null}
        {status === "LOCKED" ? <Alert tone="info">{M.readOnlyLocked}</Alert> : null}
        {lastReturn ? (
          <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p data-testid="lke-returned">{M.returnedBanner(lastReturn.round, lastReturn.returnedBy.name, formatDate(lastReturn.returnedAt, ctx.agency.timeZone))}</p>
            <p className="mt-1 font-medium" data-testid="lke-return-reason">
              {lastReturn.reason}
            </p>
            <p className="mt-1">{M.reviewNotesHint}</p>
          </div>
        ) : null}
        {status === "VERIFIED" && reviews && isVerifier ? <Alert tone="info">{M.waitingOtherAuditor}</Alert> : null}
      </div>

      {lke ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <span data-testid="lke-total">
                Nilai {fmt(lke.score.total)} · predikat {lke.score.predikat} ({lke.score.predikatLabel})
              </span>
            </CardTitle>
          </CardHeader>
          <CardBody className="space-y-3">
            <ul className="space-y-1 text-sm" data-testid="lke-scores">
              {lke.score.components.map((c) => (
                <li key={c.code}>
                  {c.code}. {c.name}: {fmt(c.score)} dari {fmt(c.weight)} (
                  {c.subComponents.map((s) => `${s.code} ${fmt(s.score)}/${fmt(s.weight)}`).join("; ")})
                </li>
              ))}
            </ul>
            <p className="text-sm text-slate-700">
              {lke.score.answered} dari {lke.score.criteria} kriteria terjawab. Nilai penilaian mandiri: {fmt(lke.selfScore.total)} ({lke.selfScore.predikat}).
            </p>
            {step || reviewing ? (
              <div className="flex flex-wrap items-start gap-2 print:hidden">
                {step ? <LkeStepButton agencySlug={ctx.agency.slug} year={year} step={step} /> : null}
                {reviewing ? <LkeReturnForm agencySlug={ctx.agency.slug} year={year} /> : null}
              </div>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      {timeline.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{M.timeline}</CardTitle>
          </CardHeader>
          <CardBody>
            <ol className="space-y-2 text-sm" data-testid="lke-timeline">
              {timeline.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <span className="font-medium">{M.timelineEvents[e.action]}</span> · {M.round(e.round)} · {e.actorName} · {formatDate(e.at, ctx.agency.timeZone)}
                  {e.reason ? <span className="block text-slate-700">{e.reason}</span> : null}
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : null}

      {lke && lke.gains.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Yang paling menaikkan nilai</CardTitle>
          </CardHeader>
          <CardBody>
            <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="lke-gains">
              {lke.gains.slice(0, 5).map((g) => (
                <li key={g.code}>
                  <a href={`#k-${g.code}`} className="text-brand-800 underline underline-offset-2">
                    {g.code}
                  </a>{" "}
                  {g.text} (+{fmt(g.gain)})
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : null}

      {structure.components.map((component) => (
        <Card key={component.code}>
          <CardHeader>
            <CardTitle>
              {component.code}. {component.name} (bobot {fmt(component.weight)})
            </CardTitle>
          </CardHeader>
          <CardBody className="space-y-4">
            {component.subComponents.map((sub) => {
              const sumW = sub.criteria.reduce((s, c) => s + c.weight, 0);
              return (
                <section key={sub.code} aria-label={sub.name} className="space-y-2">
                  <h3 className="font-medium">
                    {sub.code} {sub.name} (bobot {fmt(sub.weight)})
                  </h3>
                  <ul className="space-y-3">
                    {sub.criteria.map((criterion) => {
                      const answer = lke?.answers.get(criterion.code);
                      const label = (code: string | null | undefined) => (code ? (criterion.scale.find((o) => o.code === code)?.label ?? code) : M.unanswered);
                      const selfForm = status === "DRAFT" && edits;
                      const reviewForm = reviewing;
                      const followUp = followUps.get(criterion.code);
                      const note = answer?.reviewerNote.trim() ?? "";
                      const points = sumW > 0 ? (sub.weight * criterion.weight) / sumW : 0;
                      return (
                        <li key={criterion.code} id={`k-${criterion.code}`} className="scroll-mt-4 space-y-2 rounded-md border border-slate-200 p-3 text-sm break-inside-avoid" data-testid={`lke-criterion-${criterion.code}`}>
                          <p>
                            <span className="font-medium">{criterion.code}</span> {criterion.text} <span className="text-slate-500">({fmt(points)} poin)</span>
                          </p>
                          {selfForm && note ? (
                            // Returned to the agency (decision 046): the Inspektorat's note and answer above the form to revise.
                            <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950" data-testid="lke-review-note">
                              {M.reviewerNote}: {note}
                              {answer?.reviewerAnswer ? ` (${M.reviewerAnswer}: ${label(answer.reviewerAnswer)})` : ""}
                            </p>
                          ) : null}
                          <div className={selfForm ? "hidden print:block" : "space-y-1"}>
                            {lke ? (
                              <p className="text-slate-700">
                                {M.answer}: <span data-testid="lke-self-answer">{label(answer?.selfAnswer)}</span>
                                {answer?.reviewerAnswer ? ` · ${M.reviewerAnswer}: ${label(answer.reviewerAnswer)}` : ""}
                              </p>
                            ) : null}
                            {answer?.justification ? (
                              <p className="text-slate-700">
                                {M.justification}: {answer.justification}
                              </p>
                            ) : null}
                            {answer && answer.evidenceLinks.length > 0 ? (
                              <ul className="text-slate-700">
                                {answer.evidenceLinks.map((l) => (
                                  <li key={l}>
                                    <a href={l} className="break-all text-brand-800 underline underline-offset-2">
                                      {l}
                                    </a>
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </div>
                          {selfForm ? (
                            <div className="print:hidden">
                              <LkeSelfForm
                                agencySlug={ctx.agency.slug}
                                year={year}
                                code={criterion.code}
                                scale={criterion.scale}
                                answer={answer?.selfAnswer ?? null}
                                justification={answer?.justification ?? ""}
                                links={answer?.evidenceLinks ?? []}
                                suggestions={evidenceOf(criterion.code)}
                              />
                            </div>
                          ) : (
                            <div className="print:hidden">
                              <LkeSuggestions suggestions={evidenceOf(criterion.code)} />
                            </div>
                          )}
                          {reviewForm ? (
                            <>
                              {note ? <p className="hidden text-slate-700 print:block">{M.reviewerNote}: {note}</p> : null}
                              <div className="print:hidden">
                                <LkeReviewForm agencySlug={ctx.agency.slug} year={year} code={criterion.code} scale={criterion.scale} answer={answer?.reviewerAnswer ?? null} note={answer?.reviewerNote ?? ""} />
                              </div>
                            </>
                          ) : note && !selfForm ? (
                            <p className="text-slate-700" data-testid="lke-review-note">
                              {M.reviewerNote}: {note}
                            </p>
                          ) : null}
                          {followUp ? (
                            <p>
                              <a href={`${base}/tindak-lanjut#fu-${followUp.id}`} className="text-brand-800 underline underline-offset-2">
                                {M.followUpOf(followUp.unitName, followUp.dueDate, FOLLOWUP_MESSAGES.status[followUp.status as "OPEN" | "DONE"])}
                              </a>
                            </p>
                          ) : followUpsShown && note && edits ? (
                            <div className="print:hidden">
                              <LkeFollowUpForm agencySlug={ctx.agency.slug} year={year} code={criterion.code} note={note} units={units} defaultDue={today} />
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
