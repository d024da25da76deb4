import type { Metadata } from "next";

import { VerificationView } from "@/components/performance/verification-view";
import { quarterLabel } from "@/components/performance/format";
import { FrozenNotice, NoAgreement, PageTitle } from "@/components/performance/page-parts";
import { PeriodPicker } from "@/components/performance/period-picker";
import { PerformanceNav } from "@/components/performance/performance-nav";
import { requireAgencyContext } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { realizationReviewRefusals } from "@/lib/performance/maker-checker-queries";
import { listOrgUnits, loadAgreement, memberUnitIds, resolvePeriod } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

export const metadata: Metadata = { title: M.ui.tabs.verification };

/** Tim SAKIP: every submitted realization of the period, grouped by unit kerja. */
export default async function VerificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "realization.verify");
  const period = await resolvePeriod(ctx.agency.id, ctx.agency.timeZone, await searchParams);
  const { year, quarter } = period;
  const frozen = period.frozen[quarter - 1]!;
  const [agreement, units, unitIds, refusals] = await Promise.all([
    loadAgreement(ctx.agency.id, year),
    listOrgUnits(ctx.agency.id),
    memberUnitIds(ctx.agency.id, ctx.user.id),
    // Maker/checker (decision 055): the values this member filled, with the services' reason.
    realizationReviewRefusals(db, { agencyId: ctx.agency.id, year, quarter, actorId: ctx.user.id, allowSelfApproval: ctx.agency.settings.allowSelfApproval }),
  ]);

  return (
    <div className="space-y-6">
      <PageTitle title={M.ui.verificationTitle(quarterLabel(quarter), year)} subtitle={M.ui.verificationSubtitle} />
      <PerformanceNav
        agencySlug={ctx.agency.slug}
        active="verification"
        year={year}
        quarter={quarter}
        show={{ realization: ctx.can("realization.fill") && unitIds.length > 0, verification: true }}
      />
      <PeriodPicker action={`/a/${ctx.agency.slug}/kinerja/verifikasi`} years={period.years} year={year} quarter={quarter} />
      {frozen ? <FrozenNotice quarterLabel={quarterLabel(quarter)} year={year} /> : null}
      {agreement ? (
        <VerificationView
          agencySlug={ctx.agency.slug}
          agreement={agreement}
          units={units}
          quarter={quarter}
          frozen={frozen}
          settings={ctx.agency.settings.capaian}
          refusals={refusals}
        />
      ) : (
        <NoAgreement year={year} />
      )}
    </div>
  );
}
