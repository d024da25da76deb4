import type { Metadata } from "next";

import { quarterLabel } from "@/components/performance/format";
import { PageTitle } from "@/components/performance/page-parts";
import { PeriodPicker } from "@/components/performance/period-picker";
import { PerformanceNav } from "@/components/performance/performance-nav";
import { PkImportForm } from "@/components/performance/pk-import-form";
import { requireAgencyContext } from "@/lib/authz/context";
import { importAgreementAction } from "@/lib/performance/actions";
import { PK_IMPORT_MESSAGES as M } from "@/lib/performance/pk-import";
import { loadAgreement, memberUnitIds, resolvePeriod } from "@/lib/performance/queries";

export const metadata: Metadata = { title: "Impor Perjanjian Kinerja" };

/** Import of the year's Perjanjian Kinerja from the xlsx annex (Tim SAKIP, administrators). */
export default async function PerformanceImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "performance.manage");
  const period = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, await searchParams);
  const [agreement, unitIds] = await Promise.all([loadAgreement(ctx.agency.id, period.year), memberUnitIds(ctx.agency.id, ctx.user.id)]);
  const frozen = period.frozen.flatMap((f, i) => (f ? [quarterLabel(i + 1)] : [])).join(", ");
  // Next year's PK is prepared before it starts: offer that year too.
  const years = [...new Set([...period.years, Math.max(...period.years) + 1])].sort((a, b) => b - a);

  return (
    <div className="space-y-6">
      <PageTitle title={M.ui.title(period.year)} subtitle={M.ui.subtitle} />
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="overview"
        year={period.year}
        show={{ realization: ctx.can("realization.fill") && unitIds.length > 0, verification: ctx.can("realization.verify") }}
      />
      <PeriodPicker action={`/a/${ctx.agency.slug}/kinerja/impor`} years={years} year={period.year} />
      <PkImportForm
        key={period.year}
        agencySlug={ctx.agency.slug}
        year={period.year}
        action={importAgreementAction}
        initialHeader={{
          signedAt: agreement?.signedAt ? agreement.signedAt.toISOString().slice(0, 10) : "",
          firstPartyName: agreement?.firstPartyName ?? "",
          firstPartyJabatan: agreement?.firstPartyJabatan ?? "",
          firstPartyNip: agreement?.firstPartyNip ?? "",
          secondPartyName: agreement?.secondPartyName ?? "",
          secondPartyJabatan: agreement?.secondPartyJabatan ?? "",
        }}
        existingIndicators={agreement ? agreement.goals.reduce((n, g) => n + g.indicators.length, 0) : null}
        frozenQuarters={frozen}
      />
    </div>
  );
}
