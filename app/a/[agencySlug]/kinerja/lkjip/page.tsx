import type { Metadata } from "next";
import type { ReactNode } from "react";

import { PrintButton } from "@/components/audit/print-button";
import { NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { PerformanceNav } from "@/components/performance/performance-nav";
import { PeriodPicker } from "@/components/performance/period-picker";
import { LatestSignedDocument } from "@/components/signing/latest-signed";
import { SignLkjipButton, WetScanUpload } from "@/components/signing/lazy-document-signing";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { loadLkjip } from "@/lib/lkjip/build";
import { memberUnitIds, resolvePeriod } from "@/lib/performance/queries";
import { SIGNING_MESSAGES as S } from "@/lib/signing/messages";
import { certificateSummary, latestSignedDocument } from "@/lib/signing/queries";
import { maxUploadLabel } from "@/lib/storage/validate";

export const metadata: Metadata = { title: "Draf LKjIP" };

function Region({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A wide table scrolls sideways on a phone inside a named, focusable region.
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto focus:outline-2 focus:outline-brand-600">
      {children}
    </div>
  );
}

const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left font-semibold";
const td = "border border-slate-300 px-2 py-1 align-top";
const num = `${td} text-right tabular-nums`;

/**
 * The year's Laporan Kinerja (LKjIP) drafted from the data: what the Word
 * download holds, to read before downloading and to print.
 */
export default async function LkjipPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const search = await searchParams;
  const [period, unitIds] = await Promise.all([resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search), memberUnitIds(ctx.agency.id, ctx.user.id)]);
  const { year } = period;
  // The head signs the LKjIP, or uploads the agency's signed final (decision 042); members see the latest.
  const canSign = ctx.can("document.sign");
  const [model, latest, certificate] = await Promise.all([
    loadLkjip(ctx.agency, year),
    latestSignedDocument(ctx.agency.id, "LKJIP", { year }),
    canSign ? certificateSummary(ctx.agency.id) : null,
  ]);
  const base = `/a/${ctx.agency.slug}/kinerja/lkjip`;

  return (
    <div className="space-y-6">
      <PageTitle title={`Draf Laporan Kinerja (LKjIP) Tahun ${year}`} subtitle="Disusun dari Perjanjian Kinerja, realisasi terverifikasi dan anggaran; bagian naratif dilengkapi di Word." />
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="lkjip"
        year={year}
        show={{ realization: ctx.can("realization.fill") && unitIds.length > 0, verification: ctx.can("realization.verify") }}
      />
      <PeriodPicker action={base} years={period.years} year={year} />
      {model ? (
        <>
          <div className="no-print flex flex-wrap gap-2">
            <a
              href={`${base}/unduh?tahun=${year}`}
              download
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
            >
              Unduh draf LKjIP (Word)
            </a>
            <a href={`${base}/unduh?tahun=${year}&format=pdf`} download className={buttonVariants({ variant: "secondary" })}>
              Unduh PDF
            </a>
            <PrintButton label="Cetak" />
          </div>
          {canSign || latest ? (
            <section aria-labelledby="lkjip-sign-title" className="no-print space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
              <h2 id="lkjip-sign-title" className="text-sm font-semibold">
                {S.ui.lkjipTitle}
              </h2>
              {latest ? <LatestSignedDocument agencySlug={ctx.agency.slug} timeZone={ctx.agency.timeZone} doc={latest} /> : null}
              {canSign ? (
                <>
                  <p className="text-sm text-slate-600">{certificate ? S.ui.lkjipHint : S.noCertificate}</p>
                  <SignLkjipButton agencySlug={ctx.agency.slug} year={year} disabled={!certificate} />
                  <div className="space-y-2 border-t border-slate-200 pt-3">
                    <h3 className="text-sm font-semibold">{S.ui.lkjipScanTitle}</h3>
                    <WetScanUpload
                      agencySlug={ctx.agency.slug}
                      target={{ kind: "LKJIP", year }}
                      label={S.ui.scanFinalLabel}
                      button={S.ui.scanFinalButton}
                      hint={S.ui.lkjipScanHint(maxUploadLabel())}
                      testId="scan-lkjip"
                    />
                  </div>
                </>
              ) : null}
            </section>
          ) : null}
          {model.coverage ? <p className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{model.coverage}</p> : null}
          {model.notices.map((n) => (
            <p key={n} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              {n}
            </p>
          ))}
          <Card>
            <CardHeader>
              <CardTitle>Ikhtisar</CardTitle>
            </CardHeader>
            <CardBody className="space-y-1 text-sm">
              <p>
                {model.summary.indicators} indikator kinerja; {model.summary.computed} dapat dihitung capaiannya, rata-rata{" "}
                <strong>{model.efficiency.averageCapaian}</strong>. {model.absorptionSentence}
              </p>
              <p>{model.efficiency.sentence}</p>
            </CardBody>
          </Card>
          <section aria-labelledby="bab3a" className="space-y-4">
            <h2 id="bab3a" className="text-lg font-semibold">
              Bab III A · Capaian kinerja organisasi
            </h2>
            {model.goals.map((goal) => (
              <Card key={goal.code}>
                <CardHeader>
                  <CardTitle>
                    Sasaran {goal.code}. {goal.name}
                  </CardTitle>
                </CardHeader>
                <CardBody className="space-y-3">
                  <Region label={`Capaian sasaran ${goal.code}`}>
                    <table className="w-full min-w-[44rem] border-collapse text-sm" data-testid={`lkjip-goal-${goal.code}`}>
                      <thead>
                        <tr>
                          <th className={th}>Indikator</th>
                          <th className={th}>Target</th>
                          <th className={th}>Realisasi</th>
                          <th className={th}>Capaian</th>
                          {goal.indicators[0]?.previous.map((p) => (
                            <th key={p.year} className={th}>
                              Capaian {p.year}
                            </th>
                          ))}
                          <th className={th}>Target akhir Renstra</th>
                          <th className={th}>Capaian thd. Renstra</th>
                        </tr>
                      </thead>
                      <tbody>
                        {goal.indicators.map((i) => (
                          <tr key={i.code}>
                            <td className={td}>
                              {i.code}. {i.name} <span className="text-slate-600">({i.unit})</span>
                            </td>
                            <td className={num}>{i.target}</td>
                            <td className={num}>{i.realization}</td>
                            <td className={num}>{i.capaian}</td>
                            {i.previous.map((p) => (
                              <td key={p.year} className={num}>
                                {p.capaian}
                              </td>
                            ))}
                            <td className={num}>{i.renstra ? `${i.renstra.target} (${i.renstra.endYear})` : "–"}</td>
                            <td className={num}>{i.renstra ? i.renstra.capaian : "Tidak terhubung ke pohon kinerja"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </Region>
                  {goal.indicators.map((i) =>
                    i.faktorPendorong.length + i.faktorPenghambat.length + i.tindakLanjut.length > 0 ? (
                      <div key={i.code} className="text-sm">
                        <p className="font-medium">
                          {i.code}. {i.name}
                        </p>
                        {i.faktorPendorong.length ? <p>Pendorong: {i.faktorPendorong.join("; ")}</p> : null}
                        {i.faktorPenghambat.length ? <p>Penghambat: {i.faktorPenghambat.join("; ")}</p> : null}
                        {i.tindakLanjut.length ? <p>Tindak lanjut: {i.tindakLanjut.join("; ")}</p> : null}
                      </div>
                    ) : null,
                  )}
                </CardBody>
              </Card>
            ))}
          </section>
          <section aria-labelledby="bab3b" className="space-y-2">
            <h2 id="bab3b" className="text-lg font-semibold">
              Bab III B · Realisasi anggaran
            </h2>
            <Region label="Realisasi anggaran per program">
              <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="lkjip-budget">
                <thead>
                  <tr>
                    <th className={th}>Program</th>
                    <th className={th}>Pagu</th>
                    <th className={th}>Realisasi</th>
                    <th className={th}>Penyerapan</th>
                  </tr>
                </thead>
                <tbody>
                  {model.programs.map((p) => (
                    <tr key={p.code}>
                      <td className={td}>
                        {p.code}. {p.name}
                      </td>
                      <td className={num}>{p.pagu}</td>
                      <td className={num}>{p.realization}</td>
                      <td className={num}>{p.absorption}</td>
                    </tr>
                  ))}
                  <tr className="font-semibold">
                    <td className={td}>Jumlah</td>
                    <td className={num}>{model.budget.pagu}</td>
                    <td className={num}>{model.budget.realization}</td>
                    <td className={num}>{model.budget.absorption}</td>
                  </tr>
                </tbody>
              </table>
            </Region>
          </section>
        </>
      ) : (
        <NoAgreement year={year} />
      )}
    </div>
  );
}
