import Link from "next/link";

import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { AgencyContext } from "@/lib/authz/context";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";
import type { TFollowUpView } from "@/lib/followup/queries";

import { FollowUpForm } from "./lazy";
import { FollowUpList } from "./followup-list";

/**
 * "Tindak lanjut dari siklus ini": on an Evaluasi Kinerja Internal cycle's page, the
 * follow-ups recorded from it, and (for its meeting's leader and the managers) a form
 * to add one bound to the cycle.
 */
export function CycleFollowUps({
  ctx,
  cycleId,
  items,
  canCreate,
  units,
  today,
}: {
  ctx: AgencyContext;
  cycleId: string;
  items: TFollowUpView[];
  canCreate: boolean;
  units: { id: string; name: string }[];
  today: string;
}) {
  return (
    <Card data-testid="cycle-followups">
      <CardHeader>
        <CardTitle>{M.cyclePanel}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4">
        {items.length ? <FollowUpList ctx={ctx} items={items} testId="cycle-followup-list" /> : <p className="text-slate-600">{M.cyclePanelEmpty}</p>}
        {canCreate ? (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-800">{M.add}</summary>
            <div className="pt-3">
              <FollowUpForm agencySlug={ctx.agency.slug} units={units} cycleId={cycleId} defaultDue={today} />
            </div>
          </details>
        ) : null}
        <Link href={`/a/${ctx.agency.slug}/tindak-lanjut`} className="inline-flex min-h-11 items-center text-sm text-brand-800 underline underline-offset-2">
          {M.openAll}
        </Link>
      </CardBody>
    </Card>
  );
}
