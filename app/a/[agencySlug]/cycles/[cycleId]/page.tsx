import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CycleDetail } from "@/components/cycle/cycle-detail";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { loadCyclePage } from "@/lib/cycle/queries";
import { appUrl } from "@/lib/notify/config";

export const metadata: Metadata = { title: M.ui.listTitle };

export default async function CyclePage({ params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  // The id comes from the address bar: looked up only inside this agency.
  const page = cycleId.length <= 40 ? await loadCyclePage(ctx, cycleId) : null;
  if (!page) notFound();
  return <CycleDetail ctx={ctx} page={page} now={new Date()} baseUrl={appUrl()} />;
}
