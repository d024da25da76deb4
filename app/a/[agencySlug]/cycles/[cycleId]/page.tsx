import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CycleDetail } from "@/components/cycle/cycle-detail";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { getCycle } from "@/lib/cycle/queries";

export const metadata: Metadata = { title: M.ui.listTitle };

export default async function CyclePage({ params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  // The id comes from the address bar: looked up only inside this agency.
  const cycle = cycleId.length <= 40 ? await getCycle(ctx.agency.id, cycleId) : null;
  if (!cycle) notFound();
  return <CycleDetail ctx={ctx} cycle={cycle} now={new Date()} />;
}
