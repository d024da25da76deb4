import type { Metadata } from "next";

import { PrintButton } from "@/components/audit/print-button";
import { AddTopNode, PeriodForm } from "@/components/cascade/cascade-forms";
import { CascadeTree } from "@/components/cascade/cascade-tree";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { periodYears } from "@/lib/cascade/levels";
import { loadTreeCrosscuts, waitingCrosscuts } from "@/lib/cascade/crosscut-queries";
import { CASCADE_MESSAGES as M, CROSSCUT_MESSAGES, LEVEL_PK_MESSAGES } from "@/lib/cascade/messages";
import { listPeriods, loadTree } from "@/lib/cascade/queries";
import { listActiveUnits } from "@/lib/followup/queries";
import { isoDateIn } from "@/lib/format";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: M.title };

type TSearch = Promise<Record<string, string | string[] | undefined>>;

export default async function CascadePage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const canManage = ctx.can("performance.manage");
  const thisYear = Number(isoDateIn(new Date(), ctx.agency.timeZone).slice(0, 4));
  const periods = await listPeriods(ctx.agency.id);
  const asked = typeof search.periode === "string" ? Number(search.periode) : null;
  // The period asked for, else the one holding this year, else the latest.
  const period =
    periods.find((p) => p.startYear === asked) ?? periods.find((p) => p.startYear <= thisYear && thisYear <= p.endYear) ?? periods[0] ?? null;
  // Crosscutting links show the figures of this year, or the period's nearest year (decision 045).
  const year = period ? Math.min(Math.max(thisYear, period.startYear), period.endYear) : thisYear;
  const [tree, units, crosscut, waiting] = period
    ? await Promise.all([
        loadTree(ctx.agency.id, period),
        canManage ? listActiveUnits(ctx.agency.id) : [],
        loadTreeCrosscuts(ctx.agency.id, period.id, year),
        canManage ? waitingCrosscuts(ctx.agency.id) : 0,
      ])
    : [[], [], undefined, 0];
  const base = `/a/${ctx.agency.slug}/pohon-kinerja`;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">
            {M.title}
            {period ? <span className="block text-base font-normal text-slate-700">{M.periodLabel(period.startYear, period.endYear)}</span> : null}
          </h1>
          {period ? <PrintButton label={M.print} /> : null}
        </div>
        <p className="text-slate-600">{M.intro}</p>
        {!canManage ? <p className="no-print text-sm text-slate-600">{M.readOnly}</p> : null}
        {period ? (
          <p className="no-print text-sm">
            <a href={`${base}/pk`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {LEVEL_PK_MESSAGES.openPk}
            </a>
            <span aria-hidden="true"> · </span>
            <a href={`${base}/lintas?periode=${period.startYear}`} className="inline-flex min-h-11 items-center text-brand-700 underline" data-testid="crosscut-open">
              {CROSSCUT_MESSAGES.open}
              {waiting ? ` (${CROSSCUT_MESSAGES.waiting(waiting)})` : ""}
            </a>
          </p>
        ) : null}
      </div>

      {periods.length > 1 ? (
        <nav aria-label={M.period} className="no-print flex flex-wrap gap-2">
          {periods.map((p) => (
            <a
              key={p.id}
              href={`${base}?periode=${p.startYear}`}
              aria-current={p.id === period?.id ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center rounded-md border px-4 text-sm font-medium",
                p.id === period?.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
              )}
            >
              {M.periodLabel(p.startYear, p.endYear)}
            </a>
          ))}
        </nav>
      ) : null}

      {period ? (
        <section aria-label={M.title} className="space-y-4">
          {canManage ? <AddTopNode agencySlug={ctx.agency.slug} periodId={period.id} units={units} /> : null}
          <CascadeTree tree={tree} agencySlug={ctx.agency.slug} periodId={period.id} years={periodYears(period)} units={units} canManage={canManage} crosscut={crosscut ? { year, ...crosscut } : undefined} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">{M.periodNone}</p>
      )}

      {canManage ? (
        <Card className="no-print">
          <CardHeader>
            <CardTitle>{M.periodAdd}</CardTitle>
          </CardHeader>
          <CardBody>
            <PeriodForm agencySlug={ctx.agency.slug} defaultStart={periods.length ? periods[0]!.endYear + 1 : thisYear - (thisYear % 5)} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
