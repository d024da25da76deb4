import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CycleDetail } from "@/components/cycle/cycle-detail";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { quarterArchivedByOpenTask } from "@/lib/cycle/archive-gate";
import { getCycle } from "@/lib/cycle/queries";
import { listUnverifiedRealizations } from "@/lib/performance/queries";

export const metadata: Metadata = { title: M.ui.listTitle };

export default async function CyclePage({ params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  // The id comes from the address bar: looked up only inside this agency.
  const cycle = cycleId.length <= 40 ? await getCycle(ctx.agency.id, cycleId) : null;
  if (!cycle) notFound();
  // The step that archives a quarter lists what is not verified yet (and the service refuses on it).
  const quarter = quarterArchivedByOpenTask(cycle);
  const unverified = quarter ? await listUnverifiedRealizations(ctx.agency.id, cycle.year, quarter) : [];
  return <CycleDetail ctx={ctx} cycle={cycle} now={new Date()} unverified={unverified} />;
}
