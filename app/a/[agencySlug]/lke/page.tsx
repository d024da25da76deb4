import type { Metadata } from "next";

import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { suggestEvidence } from "@/lib/lke/evidence";
import { EDITION_88 } from "@/lib/lke/edition-88";
import { loadLke } from "@/lib/lke/service";

export const metadata: Metadata = { title: "Evaluasi SAKIP (LKE)" };

const STATUS_LABELS = { DRAFT: "Penilaian mandiri", SUBMITTED: "Diajukan, menunggu reviu", REVIEWED: "Selesai direviu", LOCKED: "Dikunci" } as const;
const fmt = (x: number) => x.toLocaleString("id-ID", { maximumFractionDigits: 2 });

type TSearch = Promise<Record<string, string | string[] | undefined>>;

/**
 * The year's LKE, read only (docs/decisions/033-lke.md): status, score and predikat per
 * component, the answers per criterion, what would raise the score most, and the evidence
 * the system suggests. Filling and reviewing are not on this page yet (no server actions).
 */
export default async function LkePage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "lke.view");
  const raw = typeof search.tahun === "string" ? Number(search.tahun) : NaN;
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getUTCFullYear() - 1;
  const [lke, evidence] = await Promise.all([loadLke(ctx.agency.id, year), suggestEvidence(ctx.agency, year)]);
  const structure = lke?.structure ?? EDITION_88;
  const evidenceOf = (code: string) => evidence.filter((e) => e.criterionCode === code);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Evaluasi SAKIP (LKE) tahun {year}</h1>
        <p className="text-slate-600">
          {lke
            ? `${lke.evaluation.edition.name} · ${STATUS_LABELS[lke.evaluation.status]}`
            : `Evaluasi LKE tahun ${year} belum dibuat. Di bawah ini kriteria ${structure.editionName} dan bukti yang sudah ada di aplikasi.`}
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Tahun
            <input name="tahun" type="number" min={2000} max={2100} defaultValue={year} className="min-h-11 w-32 rounded-md border border-slate-300 px-3" />
          </label>
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100">
            Tampilkan
          </button>
        </form>
      </div>

      {lke ? (
        <Card>
          <CardHeader>
            <CardTitle>
              Nilai {fmt(lke.score.total)} · predikat {lke.score.predikat} ({lke.score.predikatLabel})
            </CardTitle>
          </CardHeader>
          <CardBody>
            <ul className="space-y-1 text-sm" data-testid="lke-scores">
              {lke.score.components.map((c) => (
                <li key={c.code}>
                  {c.code}. {c.name}: {fmt(c.score)} dari {fmt(c.weight)} (
                  {c.subComponents.map((s) => `${s.code} ${fmt(s.score)}/${fmt(s.weight)}`).join("; ")})
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-700">
              {lke.score.answered} dari {lke.score.criteria} kriteria terjawab. Nilai penilaian mandiri: {fmt(lke.selfScore.total)} ({lke.selfScore.predikat}).
            </p>
          </CardBody>
        </Card>
      ) : null}

      {lke && lke.gains.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Yang paling menaikkan nilai</CardTitle>
          </CardHeader>
          <CardBody>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {lke.gains.slice(0, 5).map((g) => (
                <li key={g.code}>
                  {g.code} {g.text} (+{fmt(g.gain)})
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
            {component.subComponents.map((sub) => (
              <section key={sub.code} aria-label={sub.name} className="space-y-2">
                <h3 className="font-medium">
                  {sub.code} {sub.name} (bobot {fmt(sub.weight)})
                </h3>
                <ul className="space-y-3">
                  {sub.criteria.map((criterion) => {
                    const answer = lke?.answers.get(criterion.code);
                    const label = (code: string | null | undefined) => (code ? (criterion.scale.find((o) => o.code === code)?.label ?? code) : "belum dijawab");
                    return (
                      <li key={criterion.code} className="rounded-md border border-slate-200 p-3 text-sm">
                        <p>
                          <span className="font-medium">{criterion.code}</span> {criterion.text}
                        </p>
                        {lke ? (
                          <p className="text-slate-700">
                            Jawaban instansi: {label(answer?.selfAnswer)}
                            {answer?.reviewerAnswer ? ` · Jawaban reviu: ${label(answer.reviewerAnswer)}` : ""}
                          </p>
                        ) : null}
                        {answer?.justification ? <p className="text-slate-700">Penjelasan: {answer.justification}</p> : null}
                        {answer?.reviewerNote ? <p className="text-slate-700">Catatan reviu: {answer.reviewerNote}</p> : null}
                        {evidenceOf(criterion.code).length > 0 ? (
                          <ul className="mt-1 space-y-1">
                            {evidenceOf(criterion.code).map((e, i) => (
                              <li key={i}>
                                <a href={e.href} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
                                  {e.title}
                                </a>
                                : {e.detail}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
