import { Badge } from "@/components/ui/badge";
import { HtmlOnce } from "@/components/ui/html-once";
import { RotateCcw } from "@/components/ui/icons";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { TASK_STATUS_LABELS, type TTaskOutcome, type TTaskStatus } from "@/lib/cycle/workflow";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { cn } from "@/lib/utils";

import { LateBadge } from "./status-badges";
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

function outcomeBadge(item: HistoryItem) {
  if (item.outcome) {
    const tone = ({ COMPLETED: "success", APPROVED: "success", RESUBMITTED: "success", RETURNED: "warning", CANCELLED: "neutral" } as const)[item.outcome];
    return <Badge tone={tone}>{M.ui.outcomes[item.outcome]}</Badge>;
  }
  return <Badge tone={item.status === "RETURNED" ? "warning" : "info"}>{TASK_STATUS_LABELS[item.status]}</Badge>;
}

/**
 * Every task of the cycle in the order it ran, as cards (they read the same on a phone and a laptop),
 * sent as one string of HTML (taskHistoryHtml, docs/decisions/071-cycle-timeline-cost.md): the same
 * markup as TaskHistory below without React's per-element cost.
 * `once`: how that string reaches the page (lib/html-once.ts): on a document request it is in the
 * markup only, not also in the RSC payload (docs/decisions/082-dashboard-and-cycle-page.md).
 */
export function TaskHistoryList({ items, once = inlineHtml }: { items: HistoryItem[]; once?: THtmlSender }) {
  if (items.length === 0) return <p className="text-slate-600">{M.ui.historyEmpty}</p>;
  return <HtmlOnce as="ol" className="space-y-3" data-testid="history" {...once(taskHistoryHtml(items))} />;
}

/** The cards as React elements: the reference the string must equal byte for byte (tests/unit/task-history-html.test.ts). */
export function TaskHistory({ items }: { items: HistoryItem[] }) {
  if (items.length === 0) return <p className="text-slate-600">{M.ui.historyEmpty}</p>;
  return (
    <ol className="space-y-3" data-testid="history">
      {items.map((item) => (
        <li
          key={item.id}
          data-testid={`history-${item.stepNumber}-${item.round}`}
          className={cn(
            "rounded-md border bg-white px-3 py-3 sm:px-4",
            item.outcome === "RETURNED" || item.status === "RETURNED" ? "border-amber-300" : "border-slate-200",
          )}
        >
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold text-slate-900">{M.ui.stepRound(item.stepNumber, item.round)}</h3>
            {outcomeBadge(item)}
            {item.late ? <LateBadge /> : null}
          </div>
          <p className="mt-1 text-sm text-slate-700">{item.kegiatan}</p>

          {item.returnReason ? (
            <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <p className="flex items-center gap-1.5 font-semibold">
                <RotateCcw aria-hidden className="size-4" />
                {M.ui.returnedBy(item.returnedBy ?? "-")}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap">{item.returnReason}</p>
            </div>
          ) : null}
          {item.decisionReason ? (
            <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <p className="font-semibold">{M.ui.returnReasonLabel}</p>
              <p className="mt-0.5 whitespace-pre-wrap" data-testid="return-reason">
                {item.decisionReason}
              </p>
            </div>
          ) : null}

          <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm min-[480px]:grid-cols-2 lg:grid-cols-3">
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
            <div className="mt-3 space-y-2 border-t border-slate-100 pt-3 text-sm">
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
    <div className="flex gap-2 min-[480px]:block">
      <dt className="shrink-0 text-slate-500 min-[480px]:text-xs">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-500">{label}</p>
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
          <li key={n}>{i}</li>
        ))}
      </ul>
    </div>
  );
}
