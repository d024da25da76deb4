import type { Metadata } from "next";
import Link from "next/link";

import { ApprovalPolicyForm } from "@/components/cycle/approval-policy-form";
import { AgreementHeader, GoalTables, ProgramTable } from "@/components/performance/agreement-view";
import { NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { PeriodPicker } from "@/components/performance/period-picker";
import { ExportLinks, PerformanceNav } from "@/components/performance/performance-nav";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { SNAPSHOT_MESSAGES } from "@/lib/cycle/decision-snapshot-shared";
import { loadAgreement, resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

export const metadata: Metadata = { title: M.ui.tabs.overview };

export default async function PerformanceOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const period = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, await searchParams);
  const agreement = await loadAgreement(ctx.agency.id, period.year);
  // The member's units come with the agency context.
  const unitIds = ctx.unitIds;
  const base = `/a/${ctx.agency.slug}/kinerja`;

  return (
    <div className="space-y-6">
      <PageTitle title={M.ui.overviewTitle(period.year)} subtitle={M.ui.overviewSubtitle} />
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="overview"
        year={period.year}
        quarter={period.quarter}
        show={{ realization: ctx.can("realization.fill") && unitIds.length > 0, verification: ctx.can("realization.verify") }}
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PeriodPicker action={base} years={period.years} year={period.year} />
        <div className="no-print flex flex-wrap gap-2">
          {agreement ? <ExportLinks agencySlug={ctx.agency.slug} year={period.year} quarter={period.quarter} /> : null}
          {ctx.can("performance.manage") && !ctx.readOnly ? (
            <Link
              href={`/a/${ctx.agency.slug}/kinerja/impor?tahun=${period.year}`}
              className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-100"
            >
              {M.ui.importPk}
            </Link>
          ) : null}
        </div>
      </div>
      {agreement ? (
        <>
          <AgreementHeader agreement={agreement} timeZone={ctx.agency.timeZone} />
          <GoalTables agreement={agreement} />
          <ProgramTable agreement={agreement} />
        </>
      ) : (
        <NoAgreement year={period.year} />
      )}
      <Card className="no-print">
        <CardHeader>
          <CardTitle>{SNAPSHOT_MESSAGES.settingTitle}</CardTitle>
        </CardHeader>
        <CardBody>
          <ApprovalPolicyForm
            agencySlug={ctx.agency.slug}
            blockUnverifiedApproval={ctx.agency.settings.blockUnverifiedApproval}
            canManage={ctx.can("performance.manage") && !ctx.readOnly}
          />
        </CardBody>
      </Card>
    </div>
  );
}
