import type { Metadata } from "next";
import Link from "next/link";

import { MyFollowUps } from "@/components/followup/my-followups";
import { FirstSteps } from "@/components/onboarding/first-steps";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { listMyTasks } from "@/lib/cycle/queries";
import { isLate } from "@/lib/cycle/working-time";
import { formatDateTime } from "@/lib/format";
import { listMyFollowUps } from "@/lib/followup/queries";
import { t } from "@/lib/i18n";
import { actingTitle } from "@/lib/role/acting";
import { getFirstSteps } from "@/lib/onboarding/queries";
import { STEP_UNIT_KIND_LABELS } from "@/lib/sop/schemas";

export const metadata: Metadata = { title: t.nav.dashboard };

export default async function AgencyDashboard({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug);
  const [tasks, firstSteps, followUps] = await Promise.all([
    ctx.readOnly ? Promise.resolve([]) : listMyTasks(ctx.agency.id, ctx.user.id, ctx.roles.map((r) => r.id)),
    // The administrator's checklist until the agency is set up (one statement, administrators only).
    ctx.can("member.manage") ? getFirstSteps(ctx.agency.id) : Promise.resolve(null),
    listMyFollowUps(ctx),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t.dashboard.welcome(ctx.user.name)}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2" aria-label={t.dashboard.yourRoles}>
          {ctx.roles.map((r) => (
            <Badge key={r.code} tone="info">
              {r.acting ? actingTitle(r.acting.kind, r.name) : r.name}
            </Badge>
          ))}
        </div>
      </div>
      {firstSteps ? <FirstSteps agencySlug={ctx.agency.slug} steps={firstSteps} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>
            {t.dashboard.myTasks} {tasks.length ? `(${tasks.length})` : ""}
          </CardTitle>
        </CardHeader>
        <CardBody>
          {tasks.length === 0 ? (
            <p className="text-slate-600">{t.dashboard.noTasks}</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="my-tasks">
              {tasks.map((task) => {
                const late = isLate(task.dueAt, now);
                return (
                  <li key={task.id}>
                    <Link href={`/a/${ctx.agency.slug}/cycles/${task.cycle.id}`} className="block space-y-1 py-3 hover:bg-slate-50">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-brand-800">
                          {t.dashboard.step(task.stepNumber)}
                          {task.round > 1 ? ` (${t.dashboard.round(task.round)})` : ""}: {task.step.kegiatan}
                        </span>
                        {task.participant ? <Badge tone="info">{CYCLE_MESSAGES.ui.participantBadge}</Badge> : null}
                        {task.status === "RETURNED" ? <Badge tone="warning">{t.dashboard.returned}</Badge> : null}
                        {late ? <Badge tone="danger">{t.dashboard.late}</Badge> : null}
                      </div>
                      <p className="text-sm text-slate-600">
                        {task.cycle.sop.nama} · {CYCLE_MESSAGES.periods[task.cycle.period]} {task.cycle.year} · {task.assignedRoleName}
                        {task.unitName ? ` · ${task.unitName}` : ""}
                      </p>
                      {task.progress ? (
                        <p className="text-sm text-slate-700" data-testid="task-progress">
                          {CYCLE_MESSAGES.ui.unitProgress(task.progress.done, task.progress.total, task.progress.kind ? STEP_UNIT_KIND_LABELS[task.progress.kind] : "unit")}
                          {task.progress.missing.length ? ` · ${CYCLE_MESSAGES.ui.unitMissing(task.progress.missing.join(", "))}` : ""}
                        </p>
                      ) : null}
                      {task.meetingAt ? (
                        <p className="text-sm text-slate-700">
                          {CYCLE_MESSAGES.ui.invitationSent(formatDateTime(task.meetingAt, ctx.agency.timeZone), task.meetingPlace ?? "")}
                        </p>
                      ) : null}
                      <p className="text-sm text-slate-700">
                        {t.dashboard.due}: {formatDateTime(task.dueAt, ctx.agency.timeZone)}
                      </p>
                      {task.returnReason ? <p className="text-sm text-amber-900">“{task.returnReason}”</p> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </CardBody>
      </Card>
      <MyFollowUps agencySlug={ctx.agency.slug} items={followUps} />
    </div>
  );
}
