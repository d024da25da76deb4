import type { Metadata } from "next";
import Link from "next/link";

import { quarterLabel } from "@/components/performance/format";
import { FrozenNotice, NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { PeriodPicker } from "@/components/performance/period-picker";
import { PerformanceNav } from "@/components/performance/performance-nav";
import { RealizationCard } from "@/components/performance/realization-card";
import { Alert } from "@/components/ui/alert";
import { requireAgencyContext } from "@/lib/authz/context";
import { appUrl } from "@/lib/notify/config";
import { loadAgreement, resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

const STATUS_FILTERS = ["DRAFT", "RETURNED"] as const;

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
  const search = await searchParams;
  // The member's units come with the agency context; their names with the period (one statement).
  const unitIds = ctx.unitIds;
  const period = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search, { unitIds });
  const { year, quarter } = period;
  const frozen = period.frozen[quarter - 1]!;
  const loaded = unitIds.length ? await loadAgreement(ctx.agency.id, year, unitIds) : null;
  // ?status=DRAFT|RETURNED: the inbox's link to one kind of waiting work (lib/performance/work-queue.ts).
  const status = STATUS_FILTERS.find((s) => s === search.status) ?? null;
  const agreement =
    loaded && status
      ? { ...loaded, goals: loaded.goals.map((g) => ({ ...g, indicators: g.indicators.filter((i) => i.realizations.some((r) => r.quarter === quarter && r.status === status)) })).filter((g) => g.indicators.length > 0) }
      : loaded;
  const shown = agreement ? agreement.goals.reduce((n, g) => n + g.indicators.length, 0) : 0;
  const unitNames = period.units.map((u) => u.name);

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
          {status ? (
            <Alert tone="info" data-testid="status-filter">
              {shown ? M.ui.filteredBy(M.ui.status[status], shown) : M.ui.nothingFiltered(M.ui.status[status])}{" "}
              <Link href={`/a/${ctx.agency.slug}/kinerja/realisasi?tahun=${year}&tw=${quarter}`} className="font-medium text-brand-800 underline">
                {M.ui.showAll}
              </Link>
            </Alert>
          ) : null}
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
