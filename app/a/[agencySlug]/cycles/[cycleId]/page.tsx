import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CycleDetail } from "@/components/cycle/cycle-detail";
import { CycleFollowUps } from "@/components/followup/cycle-followups";
import { requireAgencyContext } from "@/lib/authz/context";
import { readFolds } from "@/lib/cycle/folds";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { loadCyclePage } from "@/lib/cycle/queries";
import { listActiveUnits, listFollowUps } from "@/lib/followup/queries";
import { htmlSender } from "@/lib/html-once";
import { appUrl } from "@/lib/notify/config";

export const metadata: Metadata = { title: M.ui.listTitle };

export default async function CyclePage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string; cycleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug, cycleId } = await params;
  // The folds the reader opened: under a task panel the others are rendered (and the recap read) only when opened.
  const folds = readFolds(await searchParams);
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  // The id comes from the address bar: looked up only inside this agency.
  const page = cycleId.length <= 40 ? await loadCyclePage(ctx, cycleId, { recapOpened: folds.opened.has("rekap") }) : null;
  if (!page) notFound();
  // An evaluation cycle (its SOP does not measure performance) lists the follow-ups recorded from it.
  const [followUps, units] = page.measuresPerformance
    ? [null, []]
    : await Promise.all([listFollowUps(ctx, { status: "all", unitId: null, cycleId: page.cycle.id }), listActiveUnits(ctx.agency.id)]);
  return (
    <div className="space-y-6">
      <CycleDetail ctx={ctx} page={page} now={new Date()} baseUrl={appUrl()} folds={folds} once={await htmlSender()} />
      {followUps ? (
        <CycleFollowUps ctx={ctx} cycleId={page.cycle.id} items={followUps.items} canCreate={followUps.canCreateForCycle} units={units} today={followUps.today} />
      ) : null}
    </div>
  );
}
