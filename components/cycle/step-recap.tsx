import Link from "next/link";

import { CapaianValue } from "@/components/performance/capaian-display";
import { formatTarget, formatValue, quarterLabel, quarterShort, STATUS_TONE } from "@/components/performance/format";
import { cellCls, HeadCell, headCls, NumberCell, stickyCls, stickyHeadCls, TableScroll } from "@/components/performance/table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ArrowRight, CloudUpload, FileArchive, FileSpreadsheet, FileText } from "@/components/ui/icons";
import type { CYCLE_PERIODS } from "@/lib/cycle/schemas";
import { formatRupiah } from "@/lib/format";
import { budgetAbsorption, type TCapaianResult, type TCapaianSettings } from "@/lib/performance/capaian";
import type { TLoadedAgreement } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import type { TStepKind } from "@/lib/sop/schemas";
import { cn } from "@/lib/utils";

const UI = PERFORMANCE_MESSAGES.ui;

/** Strings of the recap shown on a cycle step (Bahasa Indonesia). */
export const STEP_RECAP_MESSAGES = {
  title: (period: string, year: number) => `Hasil pengukuran kinerja ${period} ${year}`,
  annualPeriod: "Tahunan (s.d. Triwulan IV)",
  subtitle: "Dihimpun dari Perjanjian Kinerja, realisasi yang diisi bidang, dan realisasi anggaran. Dokumen di bawah selalu memuat data terkini.",
  downloads: "Dokumen periode ini",
  rencanaAksi: "Realisasi Rencana Aksi (xlsx)",
  pengukuran: "Pengukuran Kinerja (xlsx)",
  laporan: "Laporan Pengukuran Kinerja (PDF)",
  paket: "Paket unggah e-SAKIP (zip)",
  paketHint: "Berisi kedua berkas xlsx, laporan PDF, seluruh data dukung per indikator, dan MANIFEST.txt berisi SHA-256 tiap berkas.",
  statusSummary: "Status realisasi",
  pendingWarning: (n: number) =>
    `${n} indikator belum terverifikasi Tim SAKIP pada periode ini: angka dan capaiannya masih dapat berubah.`,
  target: (q: string) => `Target ${q}`,
  realization: (q: string) => `Realisasi ${q}`,
  capaian: (q: string) => `Capaian s.d. ${q}`,
  status: "Status",
  goal: (code: string, name: string) => `Sasaran ${code}. ${name}`,
  budget: (q: string) => `Penyerapan anggaran s.d. ${q}`,
  program: "Program",
  pagu: (q: string) => `Pagu s.d. ${q}`,
  realized: (q: string) => `Realisasi s.d. ${q}`,
  absorption: "Penyerapan",
  total: "Jumlah",
  notYet: "Belum diisi",
  fullRecap: "Buka rekap lengkap",
  uploadTitle: "Unggah ke e-SAKIP",
  uploadInstruction:
    "Unggah paket ini ke aplikasi e-SAKIP (esr.menpan.go.id), lalu catat tanggal dan nomor referensi unggahan pada isian di bawah; lampirkan bukti unggah bila ada.",
} as const;
const S = STEP_RECAP_MESSAGES;

type TCyclePeriod = (typeof CYCLE_PERIODS)[number];

/**
 * Whether a step is the one that sends the package to e-SAKIP: an ARCHIVE
 * step, or an UPLOAD step whose activity names the application (several SOPs
 * use UPLOAD for "melaporkan kepada Kepala Dinas", which is not it).
 */
export function isEsakipUploadStep(kind: TStepKind | undefined, kegiatan = ""): boolean {
  if (kind === "ARCHIVE") return true;
  return kind === "UPLOAD" && /e-?sakip|esr\.menpan|menpan|aplikasi|unggah/i.test(kegiatan);
}

/** The quarter a cycle period reports: TW1-TW4, and the year's (cumulative to TW IV) for TAHUNAN. */
export const quarterOfPeriod = (period: TCyclePeriod) => (period === "TAHUNAN" ? 4 : Number(period.slice(2)));

export interface StepRecapProps {
  /** The year's Perjanjian Kinerja, loaded by the page (lib/cycle/queries.ts loadCyclePage). */
  agreement: TLoadedAgreement;
  agencySlug: string;
  /** The agency's capaian settings (ctx.agency.settings.capaian). */
  settings: TCapaianSettings;
  year: number;
  period: TCyclePeriod;
  /** The open step: an e-SAKIP upload step adds the upload instruction. */
  stepKind?: TStepKind;
  kegiatan?: string;
}

/** What the e-SAKIP upload step asks (shown with the recap, or alone while the recap is folded). */
export function EsakipInstruction() {
  return (
    <Alert tone="info" className="flex gap-2" data-testid="esakip-instruction">
      <CloudUpload aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>
        <span className="font-semibold">{S.uploadTitle}: </span>
        {S.uploadInstruction}
      </span>
    </Alert>
  );
}

/**
 * The period's measurement on a cycle step (compiling, reviewing, approving,
 * uploading, archiving): capaian per sasaran and indicator, budget absorption,
 * and the four documents to download, built from the same recap as the rekap
 * page. The page shows it only when the year has a Perjanjian Kinerja.
 */
export function StepRecap({ agreement, agencySlug, settings, year, period, stepKind, kegiatan }: StepRecapProps) {
  const quarter = quarterOfPeriod(period);
  const recap = buildRecap(agreement, quarter, settings);
  const q = quarterShort(quarter);
  const periodName = period === "TAHUNAN" ? S.annualPeriod : quarterLabel(quarter);
  const base = `/a/${agencySlug}/kinerja`;
  const query = `tahun=${year}&tw=${quarter}`;
  const indicators = recap.goals.flatMap((g) => g.indicators);
  const statusOf = (i: (typeof indicators)[number]) => i.quarterStatus[quarter - 1] ?? "EMPTY";
  const counts = (["VERIFIED", "SUBMITTED", "RETURNED", "DRAFT", "EMPTY"] as const)
    .map((s) => ({ status: s, n: indicators.filter((i) => statusOf(i) === s).length }))
    .filter((c) => c.n > 0);
  const pending = indicators.filter((i) => statusOf(i) !== "VERIFIED").length;

  const totalPagu = recap.programs.reduce((s, p) => s + p.paguToDate, 0);
  const anyRealized = recap.programs.some((p) => p.realizationToDate !== null);
  const totalRealized = anyRealized ? recap.programs.reduce((s, p) => s + (p.realizationToDate ?? 0), 0) : null;
  const totalAbsorption = budgetAbsorption(totalRealized, totalPagu, settings);

  const links = [
    { href: `${base}/ekspor?${query}&jenis=rencana-aksi`, label: S.rencanaAksi, Icon: FileSpreadsheet, testId: "recap-download-rencana-aksi" },
    { href: `${base}/ekspor?${query}&jenis=pengukuran`, label: S.pengukuran, Icon: FileSpreadsheet, testId: "recap-download-pengukuran" },
    { href: `${base}/laporan?${query}`, label: S.laporan, Icon: FileText, testId: "recap-download-laporan" },
  ];
  const linkCls =
    "inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-100";

  return (
    <Card data-testid="step-recap">
      <CardHeader>
        <CardTitle>{S.title(periodName, year)}</CardTitle>
        <p className="mt-1 text-sm text-slate-600">{S.subtitle}</p>
      </CardHeader>
      <CardBody className="space-y-5">
        {isEsakipUploadStep(stepKind, kegiatan) ? <EsakipInstruction /> : null}

        <section aria-labelledby="step-recap-downloads" className="space-y-2">
          <h3 id="step-recap-downloads" className="text-sm font-semibold text-slate-900">
            {S.downloads}
          </h3>
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/paket?${query}`} download className={cn(linkCls, "border-brand-600 text-brand-800 ring-1 ring-brand-600")} data-testid="recap-download-paket">
              <FileArchive aria-hidden className="size-4" />
              {S.paket}
            </a>
            {links.map(({ href, label, Icon, testId }) => (
              <a key={testId} href={href} download className={linkCls} data-testid={testId}>
                <Icon aria-hidden className="size-4" />
                {label}
              </a>
            ))}
          </div>
          <p className="text-xs text-slate-600">{S.paketHint}</p>
        </section>

        {counts.length ? (
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="step-recap-status">
            <span className="text-slate-600">{S.statusSummary}:</span>
            {counts.map((c) => (
              <Badge key={c.status} tone={c.status === "EMPTY" ? "neutral" : STATUS_TONE[c.status]}>
                {UI.status[c.status]}: {c.n}
              </Badge>
            ))}
          </div>
        ) : null}
        {pending > 0 ? <p className="text-sm text-amber-900">{S.pendingWarning(pending)}</p> : null}

        <TableScroll label={S.title(periodName, year)}>
          <table className="w-full min-w-[720px] border-separate border-spacing-0 text-sm" data-testid="step-recap-table">
            <thead>
              <tr>
                <th scope="col" className={`${headCls} ${stickyHeadCls}`}>
                  {UI.col.indicator}
                </th>
                <HeadCell align="right">
                  {S.target(q)}
                </HeadCell>
                <HeadCell align="right">
                  {S.realization(q)}
                </HeadCell>
                <th scope="col" className={headCls}>
                  {S.capaian(q)}
                </th>
                <th scope="col" className={headCls}>
                  {S.status}
                </th>
              </tr>
            </thead>
            {recap.goals.map((goal) => (
              <tbody key={goal.id}>
                <tr>
                  <th scope="colgroup" colSpan={5} className={`${cellCls} bg-slate-50 text-left text-xs font-semibold text-slate-700`}>
                    {S.goal(goal.code, goal.name)}
                  </th>
                </tr>
                {goal.indicators.map((ind) => {
                  const status = statusOf(ind);
                  return (
                    <tr key={ind.id} data-testid={`step-recap-${ind.code}`}>
                      <th scope="row" className={`${cellCls} ${stickyCls} max-w-64 min-w-40 text-left font-normal`}>
                        <span className="font-semibold text-slate-900">{ind.code}</span> <span className="text-slate-800">{ind.name}</span>
                        <span className="block text-xs text-slate-500">
                          {ind.orgUnit} · {ind.unit}
                        </span>
                      </th>
                      <NumberCell>{formatTarget(ind.quarterTargets[quarter - 1] ?? "-")}</NumberCell>
                      <NumberCell>{formatValue(ind.quarterValues[quarter - 1] ?? null)}</NumberCell>
                      <td className={cellCls}>
                        <CapaianValue result={ind.capaian} className="text-sm" cause />
                      </td>
                      <td className={cellCls}>
                        <Badge tone={status === "EMPTY" ? "neutral" : STATUS_TONE[status]}>{UI.status[status]}</Badge>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </TableScroll>

        {recap.programs.length ? (
          <section aria-labelledby="step-recap-budget" className="space-y-2">
            <h3 id="step-recap-budget" className="text-sm font-semibold text-slate-900">
              {S.budget(q)}
            </h3>
            <TableScroll label={S.budget(q)}>
              <table className="w-full min-w-[640px] border-separate border-spacing-0 text-sm" data-testid="step-recap-budget">
                <thead>
                  <tr>
                    <th scope="col" className={`${headCls} ${stickyHeadCls}`}>
                      {S.program}
                    </th>
                    <HeadCell align="right">
                      {S.pagu(q)}
                    </HeadCell>
                    <HeadCell align="right">
                      {S.realized(q)}
                    </HeadCell>
                    <th scope="col" className={headCls}>
                      {S.absorption}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {recap.programs.map((p) => (
                    <BudgetRow key={p.id} name={`${p.code} ${p.name}`} pagu={p.paguToDate} realized={p.realizationToDate} absorption={p.absorption} />
                  ))}
                  {recap.programs.length > 1 ? <BudgetRow name={S.total} pagu={totalPagu} realized={totalRealized} absorption={totalAbsorption} strong /> : null}
                </tbody>
              </table>
            </TableScroll>
          </section>
        ) : null}

        <Link href={`${base}/rekap?${query}`} className="inline-flex min-h-10 items-center gap-1 text-sm text-brand-800 hover:underline">
          <ArrowRight aria-hidden className="size-4" />
          {S.fullRecap}
        </Link>
      </CardBody>
    </Card>
  );
}

function BudgetRow({ name, pagu, realized, absorption, strong = false }: { name: string; pagu: number; realized: number | null; absorption: TCapaianResult; strong?: boolean }) {
  return (
    <tr className={strong ? "font-semibold" : undefined}>
      <th scope="row" className={`${cellCls} ${stickyCls} max-w-64 min-w-40 text-left ${strong ? "" : "font-normal"}`}>
        {name}
      </th>
      <NumberCell>{formatRupiah(pagu)}</NumberCell>
      <NumberCell>{realized === null ? S.notYet : formatRupiah(realized)}</NumberCell>
      <td className={cellCls}>
        {absorption.status === "OK" ? (
          <CapaianValue result={absorption} className="text-sm" />
        ) : (
          <span className="text-sm text-slate-600 italic">{absorption.message.split(":")[0]}</span>
        )}
      </td>
    </tr>
  );
}
