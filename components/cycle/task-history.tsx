import { HtmlOnce } from "@/components/ui/html-once";
import { AlertTriangle, RotateCcw } from "@/components/ui/icons";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { TASK_STATUS_LABELS, type TTaskOutcome, type TTaskStatus } from "@/lib/cycle/workflow";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";

import { taskHistoryHtml } from "./task-history-html";

export interface HistoryItem {
  id: string;
  stepNumber: number;
  round: number;
  kegiatan: string;
  roleName: string;
  status: TTaskStatus;
  outcome: TTaskOutcome | null;
  completedBy: string | null;
  startedAt: string;
  completedAt: string | null;
  dueAt: string;
  duration: string;
  late: boolean;
  /** This round was re-opened by a return: who sent it back and why. */
  returnedBy: string | null;
  returnReason: string | null;
  /** This (decision) task returned the work: its reason. */
  decisionReason: string | null;
  comment: string | null;
  outputText: string | null;
  checklist: string[];
  attendees: string[];
  decisions: string | null;
  reference: string | null;
}

const OUTCOME_TONES = { COMPLETED: "ok", APPROVED: "ok", RESUBMITTED: "ok", RETURNED: "warn", CANCELLED: "neutral" } as const;

function outcomeBadge(item: HistoryItem) {
  if (item.outcome) return <span className={`hb ${OUTCOME_TONES[item.outcome]}`}>{M.ui.outcomes[item.outcome]}</span>;
  return <span className={`hb ${item.status === "RETURNED" ? "warn" : "info"}`}>{TASK_STATUS_LABELS[item.status]}</span>;
}

/**
 * Every task of the cycle in the order it ran, as cards (they read the same on a phone and a laptop),
 * sent as one string of HTML (taskHistoryHtml, docs/decisions/071-cycle-timeline-cost.md): the same
 * markup as TaskHistory below without React's per-element cost. The cards' look is in
 * app/globals.css (`.hist`, decision 086), not on every element.
 * `once`: how that string reaches the page (lib/html-once.ts): on a document request it is in the
 * markup only, not also in the RSC payload (docs/decisions/082-dashboard-and-cycle-page.md).
 */
export function TaskHistoryList({ items, once = inlineHtml }: { items: HistoryItem[]; once?: THtmlSender }) {
  if (items.length === 0) return <p className="text-slate-600">{M.ui.historyEmpty}</p>;
  return <HtmlOnce as="ol" className="hist" data-testid="history" {...once(taskHistoryHtml(items))} />;
}

/** The cards as React elements: the reference the string must equal byte for byte (tests/unit/task-history-html.test.ts). */
export function TaskHistory({ items }: { items: HistoryItem[] }) {
  if (items.length === 0) return <p className="text-slate-600">{M.ui.historyEmpty}</p>;
  return (
    <ol className="hist" data-testid="history">
      {items.map((item) => (
        <li
          key={item.id}
          data-testid={`history-${item.stepNumber}-${item.round}`}
          className={item.outcome === "RETURNED" || item.status === "RETURNED" ? "hw" : undefined}
        >
          <div>
            <h3>{M.ui.stepRound(item.stepNumber, item.round)}</h3>
            {outcomeBadge(item)}
            {item.late ? (
              <span className="hb late">
                <AlertTriangle aria-hidden className="size-3.5" />
                {M.ui.late}
              </span>
            ) : null}
          </div>
          <p>{item.kegiatan}</p>

          {item.returnReason ? (
            <div className="hr">
              <p className="hri">
                <RotateCcw aria-hidden className="size-4" />
                {M.ui.returnedBy(item.returnedBy ?? "-")}
              </p>
              <p>{item.returnReason}</p>
            </div>
          ) : null}
          {item.decisionReason ? (
            <div className="hr">
              <p>{M.ui.returnReasonLabel}</p>
              <p data-testid="return-reason">{item.decisionReason}</p>
            </div>
          ) : null}

          <dl>
            <Row label={M.ui.role} value={item.roleName} />
            <Row
              label={
                item.outcome === "CANCELLED"
                  ? M.ui.cancelledBy
                  : item.outcome === "APPROVED" || item.outcome === "RETURNED"
                    ? M.ui.decidedBy
                    : M.ui.completedBy
              }
              value={item.completedBy ?? "-"}
            />
            <Row label={M.ui.startedAtLabel} value={item.startedAt} />
            <Row label={M.ui.completedAtLabel} value={item.completedAt ?? "-"} />
            <Row label={M.ui.dueAtLabel} value={item.dueAt} />
            <Row label={M.ui.duration} value={item.duration} />
          </dl>

          {item.outputText || item.checklist.length || item.attendees.length || item.decisions || item.reference || item.comment ? (
            <div className="hbk">
              {item.outputText ? <Block label={M.ui.output} text={item.outputText} /> : null}
              {item.checklist.length ? <ListBlock label={M.ui.checklist} items={item.checklist} /> : null}
              {item.attendees.length ? <ListBlock label={M.ui.attendees} items={item.attendees} /> : null}
              {item.decisions ? <Block label={M.ui.decisions} text={item.decisions} /> : null}
              {item.reference ? <Block label={M.ui.reference} text={item.reference} /> : null}
              {item.comment ? <Block label={M.ui.comment} text={item.comment} /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <div>
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
