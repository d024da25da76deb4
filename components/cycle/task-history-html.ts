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

/*
 * The look is written once in app/globals.css (`.hist`, decision 086), as the timeline's is
 * (`.tl`, decision 050): an element carries a short class where its place does not say what it
 * is, and none where it does. The same utilities, the same look.
 */
const OUTCOME_TONES = { COMPLETED: "ok", APPROVED: "ok", RESUBMITTED: "ok", RETURNED: "warn", CANCELLED: "neutral" } as const;

const SVG_OPEN =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
/** The late badge with lucide's AlertTriangle, size-3.5 (components/cycle/status-badges.tsx LateBadge). */
const LATE_BADGE =
  `<span class="hb late">${SVG_OPEN} class="lucide lucide-triangle-exclamation-point lucide-alert-triangle lucide-triangle-alert size-3.5" aria-hidden="true">` +
  '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"></path><path d="M12 9v4"></path><path d="M12 17h.01"></path></svg>' +
  `${e(M.ui.late)}</span>`;
/** RotateCcw, size-4. */
const RETURN_ICON =
  `${SVG_OPEN} class="lucide lucide-rotate-ccw size-4" aria-hidden="true"><path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8"></path><path d="M3 3v5h5"></path></svg>`;
const REASON_BOX = '<div class="hr">';

function badge(item: HistoryItem): string {
  if (item.outcome) return `<span class="hb ${OUTCOME_TONES[item.outcome]}">${e(M.ui.outcomes[item.outcome])}</span>`;
  return `<span class="hb ${item.status === "RETURNED" ? "warn" : "info"}">${e(TASK_STATUS_LABELS[item.status])}</span>`;
}

const row = (label: string, value: string) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
const block = (label: string, text: string) => `<div><p>${e(label)}</p><p>${e(text)}</p></div>`;
const listBlock = (label: string, items: string[]) => `<div><p>${e(label)}</p><ul>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul></div>`;

/** The `<li>`s of TaskHistory's `<ol>` for `items` (not empty). */
export function taskHistoryHtml(items: HistoryItem[]): string {
  let out = "";
  for (const item of items) {
    const warned = item.outcome === "RETURNED" || item.status === "RETURNED";
    out +=
      `<li data-testid="history-${item.stepNumber}-${item.round}"${warned ? ' class="hw"' : ""}>` +
      `<div><h3>${e(M.ui.stepRound(item.stepNumber, item.round))}</h3>${badge(item)}${item.late ? LATE_BADGE : ""}</div>` +
      `<p>${e(item.kegiatan)}</p>`;
    if (item.returnReason) {
      out +=
        `${REASON_BOX}<p class="hri">${RETURN_ICON}${e(M.ui.returnedBy(item.returnedBy ?? "-"))}</p>` +
        `<p>${e(item.returnReason)}</p></div>`;
    }
    if (item.decisionReason) {
      out +=
        `${REASON_BOX}<p>${e(M.ui.returnReasonLabel)}</p>` +
        `<p data-testid="return-reason">${e(item.decisionReason)}</p></div>`;
    }
    const by = item.outcome === "CANCELLED" ? M.ui.cancelledBy : item.outcome === "APPROVED" || item.outcome === "RETURNED" ? M.ui.decidedBy : M.ui.completedBy;
    out +=
      '<dl>' +
      row(M.ui.role, item.roleName) +
      row(by, item.completedBy ?? "-") +
      row(M.ui.startedAtLabel, item.startedAt) +
      row(M.ui.completedAtLabel, item.completedAt ?? "-") +
      row(M.ui.dueAtLabel, item.dueAt) +
      row(M.ui.duration, item.duration) +
      "</dl>";
    if (item.outputText || item.checklist.length || item.attendees.length || item.decisions || item.reference || item.comment) {
      out += '<div class="hbk">';
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
