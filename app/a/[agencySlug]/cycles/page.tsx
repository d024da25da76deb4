import { TZDate } from "@date-fns/tz";
import type { Metadata } from "next";

import { CycleList } from "@/components/cycle/cycle-list";
import { StartCycleForm } from "@/components/cycle/start-cycle-form";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { ADMIN_ROLE } from "@/lib/authz/permissions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { listCycles, listStartableSops } from "@/lib/cycle/queries";
import { CYCLE_PERIODS } from "@/lib/cycle/schemas";
import { mayStartCycle } from "@/lib/cycle/task-rules";
import { TIME_ZONE_IANA } from "@/lib/format";

export const metadata: Metadata = { title: M.ui.listTitle };

export default async function CyclesPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  const mayStart = ctx.can("cycle.start") && !ctx.readOnly;
  const [cycles, sops] = await Promise.all([listCycles(ctx.agency.id), mayStart ? listStartableSops(ctx.agency.id) : Promise.resolve([])]);
  // Only the SOPs the service lets this member start (the same rule, lib/cycle/task-rules.ts).
  const member = { userId: ctx.user.id, roleIds: ctx.roles.map((r) => r.id), isAdmin: ctx.roleCodes.includes(ADMIN_ROLE) };
  const startable = sops.filter((s) => s.steps.some((step) => mayStartCycle(step.executorRoleId, member)));
  const firstRoles = [...new Set(sops.flatMap((s) => s.steps.map((step) => step.executorRole.name)))].join(", ");
  const now = new Date();
  const local = new TZDate(now, TIME_ZONE_IANA[ctx.agency.timeZone]);
  const currentYear = local.getFullYear();
  // The quarter being measured now is the usual choice; Tahunan is one click away.
  const currentPeriod = CYCLE_PERIODS[Math.floor(local.getMonth() / 3)]!;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{M.ui.listTitle}</h1>
        <p className="text-slate-600">{M.ui.listSubtitle}</p>
      </div>
      {mayStart ? (
        <Card>
          <CardHeader>
            <CardTitle>{M.ui.startTitle}</CardTitle>
          </CardHeader>
          <CardBody>
            {startable.length > 0 ? (
              <StartCycleForm agencySlug={ctx.agency.slug} sops={startable} defaultYear={currentYear} defaultPeriod={currentPeriod} />
            ) : (
              <p className="text-sm text-slate-600">
                {M.ui.startNoSop} {firstRoles ? M.ui.startNotAllowed(firstRoles) : null}
              </p>
            )}
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{M.ui.listCount(cycles.length)}</CardTitle>
        </CardHeader>
        <CardBody className="px-2 py-1 sm:px-4">
          <CycleList agencySlug={ctx.agency.slug} cycles={cycles} timeZone={ctx.agency.timeZone} now={now} />
        </CardBody>
      </Card>
    </div>
  );
}
