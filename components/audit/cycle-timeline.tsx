import { AlertTriangle, Check, CircleDot, Clock, FileText, RotateCcw, X } from "lucide-react";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { AUDIT_MESSAGES, esakipText, formatAuditTime, formatStandard, stepRoundLabel } from "@/lib/audit/labels";
import type { TCycleTimeline, TTimelineEntry } from "@/lib/audit/queries";
import { FILE_VERSION_MESSAGES as V } from "@/lib/cycle/file-versions";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { formatDuration } from "@/lib/cycle/working-time";
import type { TAgencyTimeZone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { withCapacity } from "@/lib/role/acting";
import { formatNip } from "@/lib/validation/nip";

const M = AUDIT_MESSAGES.timeline;
const OUTCOMES = CYCLE_MESSAGES.ui.outcomes;

function marker(e: TTimelineEntry) {
  if (e.outcome === "RETURNED") return { Icon: RotateCcw, cls: "border-amber-500 bg-amber-50 text-amber-800" };
  if (e.status === "CANCELLED") return { Icon: X, cls: "border-slate-400 bg-slate-100 text-slate-600" };
  if (e.status === "DONE") return { Icon: Check, cls: "border-green-600 bg-green-50 text-green-800" };
  return { Icon: CircleDot, cls: "border-brand-600 bg-brand-50 text-brand-800" };
}

/** On time, late by how much, or still running: always in words, the colour only repeats it. */
function TimeVerdict({ e }: { e: TTimelineEntry }) {
  if (e.status === "CANCELLED") return null;
  if (e.late) {
    return (
      <Badge tone="danger" className="gap-1" data-testid="late">
        <AlertTriangle aria-hidden className="size-3.5" />
        {e.completedAt ? M.lateBy(formatDuration(e.lateByMs)) : M.lateRunning(formatDuration(e.lateByMs))}
      </Badge>
    );
  }
  return (
    <Badge tone={e.completedAt ? "success" : "info"} className="gap-1">
      <Clock aria-hidden className="size-3.5" />
      {e.completedAt ? M.onTime : M.running}
    </Badge>
  );
}

function outcomeText(e: TTimelineEntry) {
  return e.outcome ? OUTCOMES[e.outcome] : e.status === "RETURNED" ? CYCLE_MESSAGES.ui.stepStates.returned : M.notDone;
}

/**
 * Every run of every step in the order it happened: who, when, how long
 * against the SOP's standard, what it produced, and every return with its
 * reason set apart so it cannot be missed (on paper too).
 */
/** `agencySlug`: the files' links (the agency's file route); without it the names are listed only. */
export function CycleTimeline({ timeline, timeZone, agencySlug }: { timeline: TCycleTimeline; timeZone: TAgencyTimeZone; agencySlug?: string }) {
  const { entries } = timeline;
  if (entries.length === 0) return <p className="text-slate-600">{M.empty}</p>;
  return (
    <ol className="relative ml-3 space-y-4 border-l-2 border-slate-300 pl-6 sm:pl-8 print:ml-2 print:pl-5" data-testid="timeline">
      {entries.map((e) => {
        const { Icon, cls } = marker(e);
        const returned = e.outcome === "RETURNED";
        return (
          <li
            key={e.taskId}
            className="relative break-inside-avoid"
            data-testid={`timeline-${e.stepNumber}-${e.round}`}
          >
            <span
              aria-hidden
              className={cn(
                "absolute top-3 -left-[calc(1.5rem+0.875rem+1px)] flex size-7 items-center justify-center rounded-full border-2 sm:-left-[calc(2rem+0.875rem+1px)] print:-left-[calc(1.25rem+0.875rem+1px)]",
                cls,
              )}
            >
              <Icon className="size-4" />
            </span>
            <article className={cn("rounded-md border bg-white px-4 py-3 print:px-3 print:py-2", returned || e.reopenedReason ? "border-amber-400" : "border-slate-200")}>
              <header className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-slate-900">{stepRoundLabel(e.stepNumber, e.round)}</h3>
                  <Badge tone={returned ? "warning" : e.status === "DONE" ? "success" : e.status === "CANCELLED" ? "neutral" : "info"}>{outcomeText(e)}</Badge>
                  <TimeVerdict e={e} />
                </div>
                <p className="text-sm text-slate-700">{e.kegiatan}</p>
              </header>

              {e.reopenedReason ? (
                <Reason
                  icon={<RotateCcw aria-hidden className="size-4" />}
                  title={e.reopenedBy ? M.reopenedFrom(e.reopenedBy.stepNumber, e.reopenedBy.round, e.reopenedBy.actorName) : M.reopenedBecause}
                  text={e.reopenedReason}
                  testId="reopened-reason"
                />
              ) : null}
              {returned ? (
                <Reason
                  icon={<RotateCcw aria-hidden className="size-4" />}
                  title={e.returnedToStep ? M.returnedTo(e.returnedToStep) : OUTCOMES.RETURNED}
                  text={e.returnReason ?? "-"}
                  testId="return-reason"
                  strong
                />
              ) : null}

              <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm min-[480px]:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
                <Row label={M.start} value={formatAuditTime(e.startedAt, timeZone)} />
                <Row label={M.end} value={e.completedAt ? formatAuditTime(e.completedAt, timeZone) : M.running} />
                <Row label={M.actor} value={e.actor ? withCapacity(`${e.actor.name} · NIP ${formatNip(e.actor.nip)}`, e.acting) : "-"} />
                <Row label={M.role} value={e.roleName} />
                <Row
                  label={M.duration}
                  value={`${formatDuration(e.durationMs)}${e.completedAt ? "" : ` (${M.running.toLowerCase()})`} · ${M.standard.toLowerCase()} ${formatStandard(e.standard.amount, e.standard.unit)}`}
                />
                <Row label={M.due} value={formatAuditTime(e.dueAt, timeZone)} />
              </dl>

              {e.outputText || e.checklist.length || e.attendees.length || e.decisions || e.reference || e.comment || e.esakip ? (
                <div className="mt-3 grid gap-x-6 gap-y-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
                  {e.outputText ? <Block label={M.output} icon text={e.outputText} className="col-span-full" /> : null}
                  {e.checklist.length ? <ListBlock label={M.checklist} items={e.checklist} /> : null}
                  {e.attendees.length ? <ListBlock label={M.attendees} items={e.attendees} /> : null}
                  {e.decisions ? <Block label={M.decisions} text={e.decisions} /> : null}
                  {e.reference ? <Block label={M.reference} text={e.reference} /> : null}
                  {e.esakip ? <Block label={M.esakip} text={esakipText(e.esakip)} className="col-span-full" testId="timeline-esakip" /> : null}
                  {e.comment ? <Block label={M.comment} text={e.comment} /> : null}
                </div>
              ) : null}
              {e.fileVersion ? <VersionFiles version={e.fileVersion} timeZone={timeZone} agencySlug={agencySlug} /> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

function Reason({ icon, title, text, testId, strong = false }: { icon: ReactNode; title: string; text: string; testId: string; strong?: boolean }) {
  return (
    <div
      className={cn(
        "mt-3 rounded-md border border-l-4 border-amber-400 border-l-amber-600 bg-amber-50 px-3 py-2 text-amber-950 print:bg-white",
        strong ? "text-base" : "text-sm",
      )}
    >
      <p className="flex items-center gap-1.5 font-semibold">
        {icon}
        {title}
      </p>
      <p className={cn("mt-0.5 whitespace-pre-wrap break-words", strong && "font-medium")} data-testid={testId}>
        {text}
      </p>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-2 min-[480px]:block print:block">
      <dt className="w-24 shrink-0 text-slate-500 min-[480px]:w-auto min-[480px]:text-xs print:text-xs">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{value}</dd>
    </div>
  );
}

function Block({ label, text, icon = false, className, testId }: { label: string; text: string; icon?: boolean; className?: string; testId?: string }) {
  return (
    <div className={className} data-testid={testId}>
      <p className="flex items-center gap-1 text-xs font-medium text-slate-500">
        {icon ? <FileText aria-hidden className="size-3.5" /> : null}
        {label}
      </p>
      <p className="break-words whitespace-pre-wrap text-slate-900">{text}</p>
    </div>
  );
}

function ListBlock({ label, items }: { label: string; items: string[] }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <ul className="list-disc pl-5 text-slate-900">
        {items.map((i, n) => (
          <li key={n} className="break-words">
            {i}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A round's files, as the version of its step's output they are, and the version they replace. */
function VersionFiles({ version, timeZone, agencySlug }: { version: NonNullable<TTimelineEntry["fileVersion"]>; timeZone: TAgencyTimeZone; agencySlug?: string }) {
  return (
    <div className="mt-3 border-t border-slate-100 pt-3 text-sm" data-testid="timeline-files">
      <p className="flex flex-wrap items-center gap-x-2 text-xs font-medium text-slate-500">
        <span data-testid="timeline-file-version">{V.timelineFiles(version.version)}</span>
        {version.replaces ? <span>· {V.replaces(version.replaces.version, version.replaces.round)}</span> : null}
      </p>
      <ul className="mt-1 space-y-1">
        {version.files.map((f) => (
          <li key={f.id} className="break-words">
            {agencySlug ? (
              <a
                href={f.mimeType === "application/pdf" ? `/a/${agencySlug}/files/${f.id}?lihat=1` : `/a/${agencySlug}/files/${f.id}`}
                {...(f.mimeType === "application/pdf" ? { target: "_blank", rel: "noopener" } : {})}
                className="inline-flex min-h-11 items-center gap-1 font-medium break-all text-brand-800 underline print:min-h-0 print:no-underline"
              >
                <FileText aria-hidden className="size-4 shrink-0" />
                {f.name}
              </a>
            ) : (
              <span className="font-medium text-slate-900">{f.name}</span>
            )}
            <span className="block text-xs text-slate-600">{f.uploadedBy ? V.uploaded(f.uploadedBy, formatAuditTime(f.uploadedAt, timeZone)) : V.uploadedAt(formatAuditTime(f.uploadedAt, timeZone))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
