import type { Metadata } from "next";

import { PrintButton } from "@/components/audit/print-button";
import { BudgetEntry } from "@/components/performance/lazy-budget";
import { quarterLabel } from "@/components/performance/format";
import { ShareWhatsApp } from "@/components/share/share-whatsapp";
import { appUrl } from "@/lib/notify/config";
import { SHARE_MESSAGES } from "@/lib/share/whatsapp";
import { FrozenNotice, NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { searchParam } from "@/components/performance/period";
import { PeriodPicker } from "@/components/performance/period-picker";
import { ExportLinks, PerformanceNav } from "@/components/performance/performance-nav";
import { RecapBody, RecapPrintStyle } from "@/components/performance/recap-view";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { htmlSender } from "@/lib/html-once";
import { loadAgreement, resolvePeriod } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

export const metadata: Metadata = { title: M.ui.tabs.recap };

/** The period's recap: capaian per sasaran and indicator, a chart, budget absorption; prints to A4 landscape. */
export default async function RecapPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const search = await searchParams;
  // The period and the agency's units (the unit filter) in one statement (decision 077); the member's units come with the agency context.
  const period = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, search, { allUnits: true });
  const units = period.units;
  const unitIds = ctx.unitIds;
  const { year, quarter } = period;
  const unit = units.find((u) => u.id === searchParam(search, "unit")) ?? null;
  const agreement = await loadAgreement(ctx.agency.id, year, unit ? [unit.id] : undefined);
  const goalOptions = agreement?.goals.map((g) => ({ value: g.code, label: `${g.code}. ${g.name}` })) ?? [];
  const goalCode = goalOptions.find((g) => g.value === searchParam(search, "sasaran"))?.value ?? "";
  const filtered = agreement && goalCode ? { ...agreement, goals: agreement.goals.filter((g) => g.code === goalCode) } : agreement;
  const settings = ctx.agency.settings.capaian;
  const recap = filtered ? buildRecap(filtered, quarter, settings) : null;
  const manage = ctx.can("performance.manage") && !ctx.readOnly;

  return (
    <div className="recap-print space-y-6">
      <RecapPrintStyle />
      <div className="hidden text-center print:block">
        <p className="text-sm font-semibold uppercase">{ctx.agency.governmentName}</p>
        <p className="text-sm font-semibold uppercase">{ctx.agency.name}</p>
        <p className="mt-2 text-base font-bold">{M.ui.recapPrintTitle}</p>
        <p className="text-sm">
          {M.ui.recapPeriod(quarterLabel(quarter), year)}
          {unit ? ` · ${M.ui.filterUnit}: ${unit.name}` : ""}
          {goalCode ? ` · ${M.ui.filterGoal} ${goalCode}` : ""}
        </p>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-2 print:hidden">
        <PageTitle title={M.ui.recapTitle(quarterLabel(quarter), year)} />
        <ShareWhatsApp
          baseUrl={appUrl()}
          message={{
            what: SHARE_MESSAGES.report,
            context: SHARE_MESSAGES.period(quarterLabel(quarter), year),
            path: `/a/${ctx.agency.slug}/kinerja/rekap?tahun=${year}&tw=${quarter}`,
          }}
        />
      </div>
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="recap"
        year={year}
        quarter={quarter}
        show={{ realization: ctx.can("realization.fill") && unitIds.length > 0, verification: ctx.can("realization.verify") }}
      />
      <PeriodPicker
        action={`/a/${ctx.agency.slug}/kinerja/rekap`}
        years={period.years}
        year={year}
        quarter={quarter}
        filters={[
          { name: "unit", label: M.ui.filterUnit, value: unit?.id ?? "", options: units.map((u) => ({ value: u.id, label: u.name })) },
          { name: "sasaran", label: M.ui.filterGoal, value: goalCode, options: goalOptions },
        ]}
      />
      {recap ? (
        <>
          <div className="no-print flex flex-wrap gap-2">
            <PrintButton label={M.ui.print} />
            <ExportLinks agencySlug={ctx.agency.slug} year={year} quarter={quarter} />
          </div>
          {period.frozen[quarter - 1] ? <FrozenNotice quarterLabel={quarterLabel(quarter)} year={year} /> : null}
          <RecapBody recap={recap} settings={settings} once={await htmlSender()} />
          {manage && filtered ? (
            <Card className="no-print scroll-mt-4" id="realisasi-anggaran">
              <CardHeader>
                <CardTitle>{M.ui.budgetEntryTitle}</CardTitle>
              </CardHeader>
              <CardBody>
                <BudgetEntry agencySlug={ctx.agency.slug} programs={filtered.programs} frozen={period.frozen} />
              </CardBody>
            </Card>
          ) : null}
        </>
      ) : (
        <NoAgreement year={year} />
      )}
    </div>
  );
}
