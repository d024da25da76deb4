import type { Metadata } from "next";
import Link from "next/link";

import { DecideCrosscutButtons, EndCrosscutButton, ProposeCrosscutForm } from "@/components/cascade/crosscut-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { crosscutEventsFor } from "@/lib/cascade/crosscut-workflow";
import { loadCrosscutPage, type TCrosscutLinkView } from "@/lib/cascade/crosscut-queries";
import { CASCADE_MESSAGES, CROSSCUT_MESSAGES as M } from "@/lib/cascade/messages";
import { listPeriods } from "@/lib/cascade/queries";
import { formatDate, isoDateIn } from "@/lib/format";

export const metadata: Metadata = { title: M.title };

type TSearch = Promise<Record<string, string | string[] | undefined>>;

const TONE = { PROPOSED: "warning", ACCEPTED: "success", DECLINED: "danger", ENDED: "neutral" } as const;

/** One link in words: the indicator, the Tujuan/Sasaran it supports, the other agency. Nothing links into the other agency. */
function LinkText({ link }: { link: TCrosscutLinkView }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="font-medium break-words text-slate-900">{link.indicatorName}</p>
      <p className="text-sm break-words text-slate-700">{link.side === "SOURCE"
          ? M.supports(CASCADE_MESSAGES.level[link.targetLevel], link.targetStatement, link.otherAgency)
          : M.supportsOwn(CASCADE_MESSAGES.level[link.targetLevel], link.targetStatement)}</p>
      {link.side === "TARGET" ? <p className="text-xs text-slate-600">{M.fromAgency(link.otherAgency)}</p> : null}
    </div>
  );
}

/**
 * Crosscutting links of the agency's pohon kinerja (decision 045): proposals waiting for its
 * answer, its own proposals, the accepted links both ways, and the form to propose one. Everyone
 * reads it; the planning unit (performance.manage) acts.
 */
export default async function CrosscutPage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "performance.view");
  const canManage = ctx.can("performance.manage");
  const thisYear = Number(isoDateIn(new Date(), ctx.agency.timeZone).slice(0, 4));
  const periods = await listPeriods(ctx.agency.id);
  const asked = typeof search.periode === "string" ? Number(search.periode) : null;
  const period = periods.find((p) => p.startYear === asked) ?? periods.find((p) => p.startYear <= thisYear && thisYear <= p.endYear) ?? periods[0] ?? null;
  const data = period ? await loadCrosscutPage(ctx.agency.id, period) : null;
  const tree = `/a/${ctx.agency.slug}/pohon-kinerja${period ? `?periode=${period.startYear}` : ""}`;
  const when = (d: Date) => formatDate(d, ctx.agency.timeZone);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">
          {M.title}
          {period ? <span className="block text-base font-normal text-slate-700">{CASCADE_MESSAGES.periodLabel(period.startYear, period.endYear)}</span> : null}
        </h1>
        <p className="text-slate-600">{M.intro}</p>
        {!canManage ? <p className="text-sm text-slate-600">{CASCADE_MESSAGES.readOnly}</p> : null}
        <p className="text-sm">
          <Link href={tree} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {M.backToTree}
          </Link>
        </p>
      </div>

      {!data ? (
        <p className="text-sm text-slate-600">{CASCADE_MESSAGES.periodNone}</p>
      ) : (
        <>
          <Card>
            <CardHeader>
              <CardTitle>{M.incoming}</CardTitle>
            </CardHeader>
            <CardBody>
              {data.incoming.length === 0 ? (
                <p className="text-sm text-slate-600">{M.incomingNone}</p>
              ) : (
                <ul className="divide-y divide-slate-200" data-testid="crosscut-incoming">
                  {data.incoming.map((l) => (
                    <li key={l.id} className="space-y-2 py-3" data-testid="crosscut-link">
                      <LinkText link={l} />
                      <p className="text-xs text-slate-600">{when(l.at)}</p>
                      {canManage ? <DecideCrosscutButtons agencySlug={ctx.agency.slug} linkId={l.id} label={l.indicatorName} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{M.active}</CardTitle>
            </CardHeader>
            <CardBody>
              {data.active.length === 0 ? (
                <p className="text-sm text-slate-600">{M.activeNone}</p>
              ) : (
                <ul className="divide-y divide-slate-200" data-testid="crosscut-active">
                  {data.active.map((l) => (
                    <li key={l.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="crosscut-link">
                      <LinkText link={l} />
                      {canManage && crosscutEventsFor(l.status, l.side).includes("END") ? (
                        <EndCrosscutButton agencySlug={ctx.agency.slug} linkId={l.id} label={l.indicatorName} withdraw={false} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{M.outgoing}</CardTitle>
            </CardHeader>
            <CardBody>
              {data.outgoing.length === 0 ? (
                <p className="text-sm text-slate-600">{M.outgoingNone}</p>
              ) : (
                <ul className="divide-y divide-slate-200" data-testid="crosscut-outgoing">
                  {data.outgoing.map((l) => (
                    <li key={l.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="crosscut-link">
                      <div className="space-y-1">
                        <LinkText link={l} />
                        <p className="text-xs text-slate-600">
                          <Badge tone={TONE[l.status]}>{M.status[l.status]}</Badge> {when(l.at)}
                        </p>
                        {l.declineReason ? <p className="text-sm break-words text-slate-700">{M.declinedBecause(l.declineReason)}</p> : null}
                      </div>
                      {canManage && crosscutEventsFor(l.status, l.side).includes("END") ? (
                        <EndCrosscutButton agencySlug={ctx.agency.slug} linkId={l.id} label={l.indicatorName} withdraw />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>

          {canManage ? (
            <Card>
              <CardHeader>
                <CardTitle>{M.propose}</CardTitle>
              </CardHeader>
              <CardBody className="space-y-2">
                {data.indicators.length === 0 ? (
                  <p className="text-sm text-slate-600">{M.noIndicators}</p>
                ) : data.options.length === 0 ? (
                  <p className="text-sm text-slate-600">{M.noTargets}</p>
                ) : (
                  <ProposeCrosscutForm agencySlug={ctx.agency.slug} indicators={data.indicators} options={data.options} />
                )}
              </CardBody>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
