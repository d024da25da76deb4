import type { Metadata } from "next";
import Link from "next/link";

import { PrintButton } from "@/components/audit/print-button";
import { GenerateLevelPkForm } from "@/components/cascade/level-pk-forms";
import { LevelPkCard } from "@/components/cascade/level-pk-view";
import { UnitPkSignature } from "@/components/cascade/unit-pk-signature";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { periodYears } from "@/lib/cascade/levels";
import { loadLevelPks } from "@/lib/cascade/level-pk-queries";
import { CASCADE_MESSAGES, LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import { listPeriods } from "@/lib/cascade/queries";
import { isoDateIn } from "@/lib/format";
import { db } from "@/lib/db/client";
import { unitRealizationReviewRefusals } from "@/lib/performance/maker-checker-queries";
import { canReviewUnitRealizations } from "@/lib/cascade/unit-realization-access";
import { UNIT_REALIZATION_MESSAGES as UR } from "@/lib/cascade/unit-realization-messages";
import { memberUnitIds } from "@/lib/performance/queries";
import { REALIZATION_STATUSES, type TRealizationStatus } from "@/lib/performance/workflow";
import { certificateSummary } from "@/lib/signing/queries";
import { unitPkSignatures } from "@/lib/signing/unit-agreement";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: M.title };

type TSearch = Promise<Record<string, string | string[] | undefined>>;

const navClass = (current: boolean) =>
  cn(
    "inline-flex min-h-11 items-center rounded-md border px-4 text-sm font-medium",
    current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
  );

/** The PK per level of a year, generated from the pohon kinerja (decision 035), with the recap of a quarter. */
export default async function LevelPkPage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const canManage = ctx.can("performance.manage");
  const thisYear = Number(isoDateIn(new Date(), ctx.agency.timeZone).slice(0, 4));
  const askedYear = typeof search.tahun === "string" && /^\d{4}$/.test(search.tahun) ? Number(search.tahun) : thisYear;
  const askedQuarter = typeof search.tw === "string" && /^[1-4]$/.test(search.tw) ? Number(search.tw) : 4;
  const periods = await listPeriods(ctx.agency.id);
  const period = periods.find((p) => p.startYear <= askedYear && askedYear <= p.endYear) ?? periods.find((p) => p.startYear <= thisYear && thisYear <= p.endYear) ?? periods[0] ?? null;
  const year = period && period.startYear <= askedYear && askedYear <= period.endYear ? askedYear : (period?.startYear ?? askedYear);
  const canSign = ctx.can("document.sign");
  const [pks, myUnits, signatures, certificate] = await Promise.all([
    loadLevelPks(ctx.agency.id, year, askedQuarter, ctx.agency.settings.capaian),
    memberUnitIds(ctx.agency.id, ctx.user.id),
    unitPkSignatures(ctx.agency.id, year),
    canSign ? certificateSummary(ctx.agency.id) : null,
  ]);
  const canReview = !ctx.readOnly && canReviewUnitRealizations(ctx.can);
  // Maker/checker (decision 055): the sent values this member filled, with the service's reason.
  const reviewRefusals = canReview
    ? await unitRealizationReviewRefusals(db, { agencyId: ctx.agency.id, year, quarter: askedQuarter, actorId: ctx.user.id, allowSelfApproval: ctx.agency.settings.allowSelfApproval })
    : {};
  // "Tugas saya" links here filtered to one status of the quarter (decision 044).
  const statusFilter = (REALIZATION_STATUSES as readonly string[]).includes(String(search.status)) ? (search.status as TRealizationStatus) : null;
  const base = `/a/${ctx.agency.slug}/pohon-kinerja/pk`;
  const all = [...(pks.head ? [pks.head] : []), ...pks.units];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">
            {M.title}
            <span className="block text-base font-normal text-slate-700">{`${M.year} ${year} · ${M.quarter} ${["I", "II", "III", "IV"][askedQuarter - 1]}`}</span>
          </h1>
          <PrintButton label={M.print} />
        </div>
        <p className="text-slate-600">{M.intro}</p>
        <p className="no-print text-sm">
          <Link href={`/a/${ctx.agency.slug}/pohon-kinerja${period ? `?periode=${period.startYear}` : ""}`} className="text-brand-700 underline">
            {M.backToTree}
          </Link>
        </p>
      </div>

      {period ? (
        <nav aria-label={M.year} className="no-print flex flex-wrap gap-2">
          {periodYears(period).map((y) => (
            <a key={y} href={`${base}?tahun=${y}&tw=${askedQuarter}`} aria-current={y === year ? "page" : undefined} className={navClass(y === year)}>
              {y}
            </a>
          ))}
        </nav>
      ) : null}
      <nav aria-label={M.quarter} className="no-print flex flex-wrap gap-2">
        {[1, 2, 3, 4].map((q) => (
          <a key={q} href={`${base}?tahun=${year}&tw=${q}`} aria-current={q === askedQuarter ? "page" : undefined} className={navClass(q === askedQuarter)}>
            {M.colQuarter(q)}
          </a>
        ))}
      </nav>

      {canManage && period ? (
        <Card className="no-print">
          <CardHeader>
            <CardTitle>{M.generate}</CardTitle>
          </CardHeader>
          <CardBody>
            <GenerateLevelPkForm agencySlug={ctx.agency.slug} periodId={period.id} year={year} needsHead={!pks.head} />
          </CardBody>
        </Card>
      ) : null}

      {!period ? <p className="text-sm text-slate-600">{M.noPeriod}</p> : null}
      {period && all.length === 0 ? <p className="text-sm text-slate-600">{M.none}</p> : null}
      {pks.head && pks.head.rows.some((r) => !r.linked) ? <p className="text-sm text-slate-600">{M.headKept}</p> : null}

      {statusFilter ? (
        <p className="no-print text-sm text-slate-700" role="status">
          {UR.filterNote(UR.statusOf(statusFilter))}{" "}
          <a href={`${base}?tahun=${year}&tw=${askedQuarter}`} className="text-brand-700 underline">
            {UR.showAll}
          </a>
        </p>
      ) : null}
      <div className="space-y-6" id="realisasi-unit">
        {(statusFilter ? all.filter((pk) => pk.rows.some((r) => r.statuses[askedQuarter - 1] === statusFilter)) : all).map((pk) => (
          <LevelPkCard
            key={pk.key}
            pk={pk}
            year={year}
            quarter={askedQuarter}
            agencySlug={ctx.agency.slug}
            canPlan={canManage}
            canManage={canManage}
            fillableUnitIds={ctx.can("realization.fill") ? myUnits : []}
            canReview={canReview}
            reviewRefusals={reviewRefusals}
            frozen={pks.frozen[askedQuarter - 1] ?? false}
            statusFilter={statusFilter}
          >
            {pk.level !== "HEAD" ? (
              <UnitPkSignature
                agencySlug={ctx.agency.slug}
                unitAgreementId={pk.key}
                label={`PK ${CASCADE_MESSAGES.level[pk.level]} ${pk.unitName} ${year}`}
                signature={signatures.get(pk.key)}
                canSign={canSign}
                hasCertificate={Boolean(certificate)}
                timeZone={ctx.agency.timeZone}
              />
            ) : null}
          </LevelPkCard>
        ))}
      </div>
      <p className="text-xs text-slate-600">{CASCADE_MESSAGES.rollUpHint}</p>
      <p className="text-xs text-slate-600">{UR.legend}</p>
    </div>
  );
}
