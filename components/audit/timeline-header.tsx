import Link from "next/link";

import { CycleStatusBadge } from "@/components/cycle/status-badges";
import { buttonVariants } from "@/components/ui/button";
import { Archive, ArrowLeft, Download, FileText } from "@/components/ui/icons";
import { AUDIT_MESSAGES, formatAuditTime, periodLabel } from "@/lib/audit/labels";
import type { TCycleTimeline } from "@/lib/audit/queries";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import type { TAgencyTimeZone } from "@/lib/format";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { formatNip } from "@/lib/validation/nip";

import { PrintButton } from "./print-button";

const M = AUDIT_MESSAGES.timeline;

/** Which SOP (nomor, name, version), which period, who started it and when: the first thing on screen and on paper. */
export function TimelineHeader({
  timeline,
  agency,
  now,
}: {
  timeline: TCycleTimeline;
  agency: { slug: string; name: string; governmentName: string; timeZone: TAgencyTimeZone };
  now: Date;
}) {
  const { cycle, sop, entries } = timeline;
  const tz = agency.timeZone;
  const base = `/a/${agency.slug}/cycles/${cycle.id}`;
  const returns = entries.filter((e) => e.outcome === "RETURNED").length;
  const late = entries.filter((e) => e.late).length;
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={base} className="inline-flex min-h-10 items-center gap-1 text-sm text-brand-800 hover:underline">
          <ArrowLeft aria-hidden className="size-4" />
          {M.back}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`${base}/timeline/export`} className={buttonVariants({ variant: "secondary" })} download>
            <Download aria-hidden className="size-4" />
            {M.export}
          </a>
          <a href={`${base}/timeline/pdf`} className={buttonVariants({ variant: "secondary" })} download>
            <FileText aria-hidden className="size-4" />
            {M.exportPdf}
          </a>
          {cycle.status === "COMPLETED" ? (
            <a href={`${base}/arsip`} className={buttonVariants({ variant: "secondary" })} download>
              <Archive aria-hidden className="size-4" />
              {M.archiveRecord}
            </a>
          ) : null}
          <PrintButton label={M.print} />
        </div>
      </div>
      <div className="space-y-1">
        <p className="hidden text-xs font-medium tracking-wide text-slate-600 uppercase print:block">
          {agency.governmentName} · {agency.name}
        </p>
        <p className="text-sm font-medium text-slate-600">{M.title}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{sop.nama}</h1>
        <p className="text-sm text-slate-700">
          <span className="font-medium">
            {M.sop} {sop.nomor}
          </span>{" "}
          · {CYCLE_MESSAGES.ui.version(sop.version)}
          {sop.unit ? ` · ${sop.unit}` : ""}
        </p>
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <span className="text-lg font-medium text-slate-800" data-testid="timeline-period">
            {periodLabel(cycle.period, cycle.year)}
          </span>
          <CycleStatusBadge status={cycle.status} />
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
        <div>
          <dt className="inline text-slate-500">{M.startedBy}:</dt>{" "}
          <dd className="inline">
            {cycle.startedBy.name} · NIP {formatNip(cycle.startedBy.nip)}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{M.start}:</dt>{" "}
          <dd className="inline">{formatAuditTime(cycle.startedAt, tz)}</dd>
        </div>
        {cycle.completedAt ? (
          <div>
            <dt className="inline text-slate-500">{M.end}:</dt>{" "}
            <dd className="inline">{formatAuditTime(cycle.completedAt, tz)}</dd>
          </div>
        ) : null}
        {cycle.cancelledAt ? (
          <div>
            <dt className="inline text-slate-500">{CYCLE_MESSAGES.ui.stepStates.cancelled}:</dt>{" "}
            <dd className="inline">
              {formatAuditTime(cycle.cancelledAt, tz)}
              {cycle.cancelReason ? ` · ${cycle.cancelReason}` : ""}
            </dd>
          </div>
        ) : null}
        {cycle.archiveNote ? (
          <div className="sm:col-span-2 print:col-span-2" data-testid="timeline-archive-note">
            <dt className="sr-only">{PERFORMANCE_MESSAGES.ui.archiveGate.noteLabel}</dt>
            <dd className="font-medium text-amber-900">{PERFORMANCE_MESSAGES.ui.archiveGate.archivedWithNote(cycle.archiveNote)}</dd>
          </div>
        ) : null}
        <div className="sm:col-span-2 print:col-span-2">
          <dt className="sr-only">Ringkasan</dt>
          <dd className="font-medium text-slate-800" data-testid="timeline-summary">
            {M.summary(entries.length, returns, late)}
          </dd>
        </div>
      </dl>
      <p className="hidden text-xs text-slate-500 print:block">{M.printedAt(formatAuditTime(now, tz))}</p>
    </div>
  );
}

/** The cycle's own audit events (start, completion, cancellation). */
export function CycleEvents({ events, timeZone }: { events: TCycleTimeline["events"]; timeZone: TAgencyTimeZone }) {
  if (events.length === 0) return null;
  return (
    <ul className="space-y-2 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
          <span className="shrink-0 text-slate-600 sm:w-56">{formatAuditTime(e.createdAt, timeZone)}</span>
          <span className="min-w-0">
            <span className="font-medium">{e.actionLabel}</span>
            {e.actor ? ` · ${e.actor.name} (NIP ${formatNip(e.actor.nip)})` : ""}
            <span className="block text-slate-600">{e.summary}</span>
            <span className="block text-xs text-slate-500">
              id {e.id} · {e.seq === null ? AUDIT_MESSAGES.log.details.unchained : `#${e.seq}`}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
