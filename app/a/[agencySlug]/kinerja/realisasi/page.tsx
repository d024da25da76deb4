import type { Metadata } from "next";

import { quarterLabel } from "@/components/performance/format";
import { FrozenNotice, NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { PeriodPicker } from "@/components/performance/period-picker";
import { PerformanceNav } from "@/components/performance/performance-nav";
import { RealizationCard } from "@/components/performance/realization-card";
import { Alert } from "@/components/ui/alert";
import { requireAgencyContext } from "@/lib/authz/context";
import { appUrl } from "@/lib/notify/config";
import { listOrgUnits, loadAgreement, memberUnitIds, resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

export const metadata: Metadata = { title: M.ui.tabs.realization };

/**
 * The realization form of a Bidang: only the indicators of the member's own
 * unit(s) are loaded (the service refuses the others anyway).
 */
export default async function RealizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "realization.fill");
  const [period, unitIds, units] = await Promise.all([
    searchParams.then((s) => resolvePeriod(ctx.agency.id, ctx.agency.timeZone, s)),
    memberUnitIds(ctx.agency.id, ctx.user.id),
    listOrgUnits(ctx.agency.id),
  ]);
  const { year, quarter } = period;
  const frozen = period.frozen[quarter - 1]!;
  const agreement = unitIds.length ? await loadAgreement(ctx.agency.id, year, unitIds) : null;
  const unitNames = units.filter((u) => unitIds.includes(u.id)).map((u) => u.name);

  return (
    <div className="space-y-6">
      <PageTitle title={M.ui.realizationTitle(quarterLabel(quarter), year)} subtitle={M.ui.realizationSubtitle}>
        {unitNames.length ? <p className="text-sm font-medium text-slate-800">{M.ui.yourUnits(unitNames.join(", "))}</p> : null}
      </PageTitle>
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="realization"
        year={year}
        quarter={quarter}
        show={{ realization: true, verification: ctx.can("realization.verify") }}
      />
      <PeriodPicker action={`/a/${ctx.agency.slug}/kinerja/realisasi`} years={period.years} year={year} quarter={quarter} />
      {unitIds.length === 0 ? (
        <Alert tone="info" data-testid="no-unit">
          {M.ui.noUnit}
        </Alert>
      ) : agreement === null ? (
        period.hasAgreement ? (
          <Alert tone="info">{M.ui.noIndicators}</Alert>
        ) : (
          <NoAgreement year={year} />
        )
      ) : (
        <>
          {frozen ? <FrozenNotice quarterLabel={quarterLabel(quarter)} year={year} /> : null}
          {agreement.goals.map((goal) => (
            <section key={goal.id} className="space-y-3" aria-labelledby={`goal-${goal.id}`}>
              <h2 id={`goal-${goal.id}`} className="text-lg font-semibold text-slate-900">
                {M.ui.goalHeading(goal.code, goal.name)}
              </h2>
              {goal.indicators.map((ind) => (
                <RealizationCard
                  key={ind.id}
                  agencySlug={ctx.agency.slug}
                  year={year}
                  quarter={quarter}
                  indicator={ind}
                  settings={ctx.agency.settings.capaian}
                  frozen={frozen}
                  baseUrl={appUrl()}
                />
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
