import "server-only";

import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { TASK_STATUS_LABELS } from "@/lib/cycle/workflow";
import { escapeHtml as e } from "@/lib/static-markup";

import type { HistoryItem } from "./task-history";

/*
 * The cycle page's history as one string of HTML, for `<ol dangerouslySetInnerHTML>`
 * (docs/decisions/071-cycle-timeline-cost.md, the technique of 064). Its ~40 elements a task were
 * most of the page's elements, and React's per-element work (into the RSC payload, parsed back,
 * written as HTML) most of its cost; nothing in a task card is interactive. The markup is byte for
 * byte what `TaskHistory` (task-history.tsx, kept as the reference) renders:
 * tests/unit/task-history-html.test.ts compares the two with hostile text. Every value from the
 * data goes through escapeHtml; the rest is constant markup, the two icons included (lucide's SVG
 * as lucide-react writes it: the test fails when the icons change there and not here).
 */

const BADGE = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const TONES = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-brand-50 text-brand-800 ring-brand-100",
  success: "bg-green-50 text-green-800 ring-green-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
} as const;
const OUTCOME_TONES = { COMPLETED: "success", APPROVED: "success", RESUBMITTED: "success", RETURNED: "warning", CANCELLED: "neutral" } as const;

const SVG_OPEN =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
/** components/cycle/status-badges.tsx LateBadge: AlertTriangle, size-3.5. */
const LATE_BADGE =
  `<span class="${BADGE} ${TONES.danger} gap-1">${SVG_OPEN} class="lucide lucide-triangle-exclamation-point lucide-alert-triangle lucide-triangle-alert size-3.5" aria-hidden="true">` +
  '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"></path><path d="M12 9v4"></path><path d="M12 17h.01"></path></svg>' +
  `${e(M.ui.late)}</span>`;
/** RotateCcw, size-4. */
const RETURN_ICON =
  `${SVG_OPEN} class="lucide lucide-rotate-ccw size-4" aria-hidden="true"><path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8"></path><path d="M3 3v5h5"></path></svg>`;
const REASON_BOX = '<div class="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">';

function badge(item: HistoryItem): string {
  if (item.outcome) return `<span class="${BADGE} ${TONES[OUTCOME_TONES[item.outcome]]}">${e(M.ui.outcomes[item.outcome])}</span>`;
  return `<span class="${BADGE} ${item.status === "RETURNED" ? TONES.warning : TONES.info}">${e(TASK_STATUS_LABELS[item.status])}</span>`;
}

const row = (label: string, value: string) =>
  `<div class="flex gap-2 min-[480px]:block"><dt class="shrink-0 text-slate-500 min-[480px]:text-xs">${e(label)}</dt><dd class="text-slate-900">${e(value)}</dd></div>`;
const block = (label: string, text: string) =>
  `<div><p class="text-xs font-medium text-slate-500">${e(label)}</p><p class="break-words whitespace-pre-wrap text-slate-900">${e(text)}</p></div>`;
const listBlock = (label: string, items: string[]) =>
  `<div><p class="text-xs font-medium text-slate-500">${e(label)}</p><ul class="list-disc pl-5 text-slate-900">${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul></div>`;

/** The `<li>`s of TaskHistory's `<ol>` for `items` (not empty). */
export function taskHistoryHtml(items: HistoryItem[]): string {
  let out = "";
  for (const item of items) {
    const warned = item.outcome === "RETURNED" || item.status === "RETURNED";
    out +=
      `<li data-testid="history-${item.stepNumber}-${item.round}" class="rounded-md border bg-white px-3 py-3 sm:px-4 ${warned ? "border-amber-300" : "border-slate-200"}">` +
      `<div class="flex flex-wrap items-center gap-2"><h3 class="font-semibold text-slate-900">${e(M.ui.stepRound(item.stepNumber, item.round))}</h3>${badge(item)}${item.late ? LATE_BADGE : ""}</div>` +
      `<p class="mt-1 text-sm text-slate-700">${e(item.kegiatan)}</p>`;
    if (item.returnReason) {
      out +=
        `${REASON_BOX}<p class="flex items-center gap-1.5 font-semibold">${RETURN_ICON}${e(M.ui.returnedBy(item.returnedBy ?? "-"))}</p>` +
        `<p class="mt-0.5 whitespace-pre-wrap">${e(item.returnReason)}</p></div>`;
    }
    if (item.decisionReason) {
      out +=
        `${REASON_BOX}<p class="font-semibold">${e(M.ui.returnReasonLabel)}</p>` +
        `<p class="mt-0.5 whitespace-pre-wrap" data-testid="return-reason">${e(item.decisionReason)}</p></div>`;
    }
    const by = item.outcome === "CANCELLED" ? M.ui.cancelledBy : item.outcome === "APPROVED" || item.outcome === "RETURNED" ? M.ui.decidedBy : M.ui.completedBy;
    out +=
      '<dl class="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm min-[480px]:grid-cols-2 lg:grid-cols-3">' +
      row(M.ui.role, item.roleName) +
      row(by, item.completedBy ?? "-") +
      row(M.ui.startedAtLabel, item.startedAt) +
      row(M.ui.completedAtLabel, item.completedAt ?? "-") +
      row(M.ui.dueAtLabel, item.dueAt) +
      row(M.ui.duration, item.duration) +
      "</dl>";
    if (item.outputText || item.checklist.length || item.attendees.length || item.decisions || item.reference || item.comment) {
      out += '<div class="mt-3 space-y-2 border-t border-slate-100 pt-3 text-sm">';
      if (item.outputText) out += block(M.ui.output, item.outputText);
      if (item.checklist.length) out += listBlock(M.ui.checklist, item.checklist);
      if (item.attendees.length) out += listBlock(M.ui.attendees, item.attendees);
      if (item.decisions) out += block(M.ui.decisions, item.decisions);
      if (item.reference) out += block(M.ui.reference, item.reference);
      if (item.comment) out += block(M.ui.comment, item.comment);
      out += "</div>";
    }
    out += "</li>";
  }
  return out;
}
