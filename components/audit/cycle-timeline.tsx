import { HtmlOnce } from "@/components/ui/html-once";
import { AUDIT_MESSAGES, esakipText, formatAuditTime, formatStandard, stepRoundLabel } from "@/lib/audit/labels";
import type { TCycleTimeline, TTimelineEntry } from "@/lib/audit/queries";
import { FILE_VERSION_MESSAGES as V } from "@/lib/cycle/file-versions";
import { contentCache } from "@/lib/content-cache";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { formatDuration } from "@/lib/cycle/working-time";
import type { TAgencyTimeZone } from "@/lib/format";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { withCapacity } from "@/lib/role/acting";
import { staticMarkup } from "@/lib/static-markup";
import { formatNip } from "@/lib/validation/nip";

const M = AUDIT_MESSAGES.timeline;
const OUTCOMES = CYCLE_MESSAGES.ui.outcomes;

/*
 * Lean rows (docs/decisions/050-lean-timeline.md): plain elements with the short `.tl-*` classes of
 * app/globals.css, the round's marker drawn by CSS (no SVG per row), the time formatted by one cached
 * Intl.DateTimeFormat. Every word an auditor reads is still here, on screen and on paper.
 * The rows are sent as one string of HTML (lib/static-markup.ts, docs/decisions/071-cycle-timeline-cost.md):
 * nothing in them is interactive, and React's per-element work (into the RSC payload, parsed back, written
 * as HTML) was most of the page's cost. tests/unit/cycle-timeline-html.test.ts requires React's bytes.
 */

/** The marker's state: returned, cancelled, done or running (its glyph and colour live in CSS). */
function state(e: TTimelineEntry) {
  if (e.outcome === "RETURNED") return "ret";
  if (e.status === "CANCELLED") return "cxl";
  if (e.status === "DONE") return "done";
  return "run";
}

/** On time, late by how much, or still running: always in words, the colour only repeats it. */
function TimeVerdict({ e }: { e: TTimelineEntry }) {
  if (e.status === "CANCELLED") return null;
  if (e.late) {
    return (
      <span className="tl-badge tl-late" data-testid="late">
        {e.completedAt ? M.lateBy(formatDuration(e.lateByMs)) : M.lateRunning(formatDuration(e.lateByMs))}
      </span>
    );
  }
  return <span className={e.completedAt ? "tl-badge tl-ok tl-clock" : "tl-badge tl-info tl-clock"}>{e.completedAt ? M.onTime : M.running}</span>;
}

function outcomeText(e: TTimelineEntry) {
  return e.outcome ? OUTCOMES[e.outcome] : e.status === "RETURNED" ? CYCLE_MESSAGES.ui.stepStates.returned : M.notDone;
}

function outcomeTone(e: TTimelineEntry, returned: boolean) {
  return returned ? "tl-badge tl-warn" : e.status === "DONE" ? "tl-badge tl-ok" : e.status === "CANCELLED" ? "tl-badge" : "tl-badge tl-info";
}

/**
 * Every run of every step in the order it happened: who, when, how long
 * against the SOP's standard, what it produced, and every return with its
 * reason set apart so it cannot be missed (on paper too).
 */
/** `agencySlug`: the files' links (the agency's file route); without it the names are listed only. */
/** `once`: how the rows' HTML reaches the page (lib/html-once.ts, decision 075); in the props when not given. */
export function CycleTimeline({
  timeline,
  timeZone,
  agencySlug,
  once = inlineHtml,
}: {
  timeline: TCycleTimeline;
  timeZone: TAgencyTimeZone;
  agencySlug?: string;
  once?: THtmlSender;
}) {
  const { entries } = timeline;
  if (entries.length === 0) return <p className="text-slate-600">{M.empty}</p>;
  return <HtmlOnce as="ol" className="tl" data-testid="timeline" {...once(timelineHtml(entries, timeZone, agencySlug))} />;
}

/*
 * The rows of a timeline whose every round has ended are the same on every request (nothing in them
 * depends on the time of the request): rendered once per content and kept in-process, as the recap
 * (072) and the SOP document (065). The key is the rows' data itself (every date, name, text and file
 * shown), the zone and the agency, so an edited or reopened round gives a new key and nothing has to be
 * invalidated. A round still running (or cancelled unfinished) is measured against now: such a
 * timeline is rendered on every request, as before. Bounded in entries and in characters
 * (lib/content-cache.ts, decision 081): the oldest entry goes first.
 */
export const TIMELINES = contentCache<string>(100, 3_000_000, (html) => html.length);

/** TimelineEntries as HTML; cached per content when every round has ended (docs/decisions/077). */
export function timelineHtml(entries: TTimelineEntry[], timeZone: TAgencyTimeZone, agencySlug?: string): string {
  const render = () => staticMarkup(<TimelineEntries entries={entries} timeZone={timeZone} agencySlug={agencySlug} />);
  if (!entries.every((e) => e.completedAt !== null)) return render();
  const key = JSON.stringify([entries, timeZone, agencySlug ?? null]);
  const cached = TIMELINES.get(key);
  if (cached !== undefined) return cached;
  const html = render();
  TIMELINES.set(key, html);
  return html;
}

/** The rounds, one `<li>` each: plain server elements only (static markup refuses anything else). */
export function TimelineEntries({ entries, timeZone, agencySlug }: { entries: TTimelineEntry[]; timeZone: TAgencyTimeZone; agencySlug?: string }) {
  const time = (d: Date) => formatAuditTime(d, timeZone);
  return (
    <>
      {entries.map((e) => {
        const returned = e.outcome === "RETURNED";
        const hasBlocks = e.outputText || e.checklist.length || e.attendees.length || e.decisions || e.reference || e.comment || e.esakip;
        return (
          <li key={e.taskId} className={`tl-item tl-${state(e)}`} data-testid={`timeline-${e.stepNumber}-${e.round}`}>
            <article className={returned || e.reopenedReason ? "tl-card tl-warned" : "tl-card"}>
              <header className="tl-head">
                <h3>{stepRoundLabel(e.stepNumber, e.round)}</h3>
                <span className={outcomeTone(e, returned)}>{outcomeText(e)}</span>
                <TimeVerdict e={e} />
                <p>{e.kegiatan}</p>
              </header>

              {e.reopenedReason ? (
                <div className="tl-reason">
                  <p>{e.reopenedBy ? M.reopenedFrom(e.reopenedBy.stepNumber, e.reopenedBy.round, e.reopenedBy.actorName) : M.reopenedBecause}</p>
                  <p data-testid="reopened-reason">{e.reopenedReason}</p>
                </div>
              ) : null}
              {returned ? (
                <div className="tl-reason tl-strong">
                  <p>{e.returnedToStep ? M.returnedTo(e.returnedToStep) : OUTCOMES.RETURNED}</p>
                  <p data-testid="return-reason">{e.returnReason ?? "-"}</p>
                </div>
              ) : null}

              <dl className="tl-facts">
                <div>
                  <dt>{M.start}</dt>
                  <dd>{time(e.startedAt)}</dd>
                </div>
                <div>
                  <dt>{M.end}</dt>
                  <dd>{e.completedAt ? time(e.completedAt) : M.running}</dd>
                </div>
                <div>
                  <dt>{M.actor}</dt>
                  <dd>{e.actor ? withCapacity(`${e.actor.name} · NIP ${formatNip(e.actor.nip)}`, e.acting) : "-"}</dd>
                </div>
                <div>
                  <dt>{M.role}</dt>
                  <dd>{e.roleName}</dd>
                </div>
                <div>
                  <dt>{M.duration}</dt>
                  <dd>{`${formatDuration(e.durationMs)}${e.completedAt ? "" : ` (${M.running.toLowerCase()})`} · ${M.standard.toLowerCase()} ${formatStandard(e.standard.amount, e.standard.unit)}`}</dd>
                </div>
                <div>
                  <dt>{M.due}</dt>
                  <dd>{time(e.dueAt)}</dd>
                </div>
              </dl>

              {hasBlocks ? (
                <div className="tl-blocks">
                  {e.outputText ? <Block label={M.output} text={e.outputText} className="tl-wide" /> : null}
                  {e.checklist.length ? <ListBlock label={M.checklist} items={e.checklist} /> : null}
                  {e.attendees.length ? <ListBlock label={M.attendees} items={e.attendees} /> : null}
                  {e.decisions ? <Block label={M.decisions} text={e.decisions} /> : null}
                  {e.reference ? <Block label={M.reference} text={e.reference} /> : null}
                  {e.esakip ? <Block label={M.esakip} text={esakipText(e.esakip)} className="tl-wide" testId="timeline-esakip" /> : null}
                  {e.comment ? <Block label={M.comment} text={e.comment} /> : null}
                </div>
              ) : null}
              {e.fileVersion ? <VersionFiles version={e.fileVersion} time={time} agencySlug={agencySlug} /> : null}
            </article>
          </li>
        );
      })}
    </>
  );
}

/*
 * A block is its label (the first <p>) and its text (the <p> after it) or list: their styling comes from
 * their place in `.tl-blocks` (app/globals.css, decision 077), not from a class on each of them.
 */
function Block({ label, text, className, testId }: { label: string; text: string; className?: string; testId?: string }) {
  return (
    <div className={className} data-testid={testId}>
      <p>{label}</p>
      <p>{text}</p>
    </div>
  );
}

function ListBlock({ label, items }: { label: string; items: string[] }) {
  return (
    <div>
      <p>{label}</p>
      <ul>
        {items.map((i, n) => (
          <li key={n}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

/** A round's files, as the version of its step's output they are, and the version they replace. */
function VersionFiles({ version, time, agencySlug }: { version: NonNullable<TTimelineEntry["fileVersion"]>; time: (d: Date) => string; agencySlug?: string }) {
  return (
    <div className="tl-files" data-testid="timeline-files">
      <p className="tl-label">
        <span data-testid="timeline-file-version">{V.timelineFiles(version.version)}</span>
        {version.replaces ? <span> · {V.replaces(version.replaces.version, version.replaces.round)}</span> : null}
      </p>
      <ul>
        {version.files.map((f) => {
          const pdf = f.mimeType === "application/pdf";
          return (
            <li key={f.id}>
              {agencySlug ? (
                <a href={`/a/${agencySlug}/files/${f.id}${pdf ? "?lihat=1" : ""}`} {...(pdf ? { target: "_blank", rel: "noopener" } : {})} className="tl-file">
                  {f.name}
                </a>
              ) : (
                <span className="tl-file">{f.name}</span>
              )}
              <span className="tl-sub">{f.uploadedBy ? V.uploaded(f.uploadedBy, time(f.uploadedAt)) : V.uploadedAt(time(f.uploadedAt))}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
