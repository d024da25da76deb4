import type { Metadata } from "next";
import Link from "next/link";

import { quarterOfPeriod } from "@/components/cycle/step-recap";
import { MyFollowUps } from "@/components/followup/my-followups";
import { FirstSteps } from "@/components/onboarding/first-steps";
import { quarterShort } from "@/components/performance/format";
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
import { canReviewUnitRealizations } from "@/lib/cascade/unit-realization-access";
import { loadWorkCounters } from "@/lib/performance/work-queue";
import { STEP_UNIT_KIND_LABELS } from "@/lib/sop/schemas";

export const metadata: Metadata = { title: t.nav.dashboard };

export default async function AgencyDashboard({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug);
  const canFill = !ctx.readOnly && ctx.can("realization.fill");
  const [tasks, work, firstSteps, followUps] = await Promise.all([
    ctx.readOnly ? Promise.resolve([]) : listMyTasks(ctx.agency.id, ctx.user.id, ctx.roles),
    // The Kinerja work waiting for this person: a constant number of statements.
    ctx.readOnly
      ? Promise.resolve([])
      : loadWorkCounters({
          agencyId: ctx.agency.id,
          agencySlug: ctx.agency.slug,
          userId: ctx.user.id,
          unitIds: ctx.unitIds,
          canFill,
          canVerify: ctx.can("realization.verify"),
          canVerifyUnits: !ctx.readOnly && canReviewUnitRealizations(ctx.can),
          allowSelfApproval: ctx.agency.settings.allowSelfApproval,
        }),
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
            {t.dashboard.myTasks} {tasks.length + work.length ? `(${tasks.length + work.length})` : ""}
          </CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          {work.length ? (
            <section aria-labelledby="work-title" className="space-y-2">
              <h2 id="work-title" className="text-sm font-semibold text-slate-900">
                {t.dashboard.workTitle}
              </h2>
              <ul className="grid gap-2 sm:grid-cols-2" data-testid="my-work">
                {work.map((w) => (
                  <li key={`${w.scope ?? "PK"}-${w.kind}-${w.year}-${w.quarter}`}>
                    <Link
                      href={w.href}
                      data-kind={w.kind}
                      data-scope={w.scope ?? "PK"}
                      className="flex min-h-11 items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-slate-50"
                    >
                      <span
                        aria-hidden
                        className={`size-2.5 shrink-0 rounded-full ${w.kind === "RETURNED" ? "bg-amber-500" : w.kind === "SUBMITTED" ? "bg-brand-600" : "bg-slate-400"}`}
                      />
                      <span>{(w.scope === "UNIT" ? t.dashboard.unitWork : t.dashboard.work)[w.kind](w.count, `${quarterShort(w.quarter)} ${w.year}`)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {tasks.length === 0 && work.length === 0 ? (
            <p className="text-slate-600">{t.dashboard.noTasks}</p>
          ) : tasks.length === 0 ? null : (
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
                    {task.step.kind === "INPUT" && !task.participant && canFill ? (
                      // The work of a data-input task is the unit's realization form: one tap from the inbox.
                      <Link
                        href={`/a/${ctx.agency.slug}/kinerja/realisasi?tahun=${task.cycle.year}&tw=${quarterOfPeriod(task.cycle.period)}`}
                        className="mb-3 inline-flex min-h-11 items-center rounded-md border border-brand-600 px-3 text-sm font-medium text-brand-800 hover:bg-brand-50"
                        data-testid="task-fill-realization"
                      >
                        {t.dashboard.fillRealization}
                      </Link>
                    ) : null}
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
