import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { TaskHistory, TaskHistoryList, type HistoryItem } from "@/components/cycle/task-history";

/**
 * The cycle page's history is sent as one string (components/cycle/task-history-html.ts,
 * docs/decisions/071-cycle-timeline-cost.md). A reader must get what React wrote for the same
 * tasks: the same bytes as react-dom/server's rendering of TaskHistory.
 */
const HOSTILE = `<script>alert("x")</script> & 'kutip' "ganda" > <`;

function item(over: Partial<HistoryItem>): HistoryItem {
  return {
    id: "t1",
    stepNumber: 1,
    round: 1,
    kegiatan: "Menyusun rencana aksi",
    roleName: "Kasubbag Program",
    status: "DONE",
    outcome: "COMPLETED",
    completedBy: "Budi (NIP 19800101 200501 1 001)",
    startedAt: "1 April 2026 08.02 WIB",
    completedAt: "1 April 2026 10.04 WIB",
    dueAt: "2 April 2026 08.02 WIB",
    duration: "2 jam 2 menit dari standar 1 hari kerja",
    late: false,
    returnedBy: null,
    returnReason: null,
    decisionReason: null,
    comment: null,
    outputText: null,
    checklist: [],
    attendees: [],
    decisions: null,
    reference: null,
    ...over,
  };
}

const ITEMS: HistoryItem[] = [
  item({}),
  // A returned decision, late, with every block and hostile text everywhere.
  item({
    id: "t2",
    stepNumber: 4,
    round: 2,
    kegiatan: HOSTILE,
    roleName: HOSTILE,
    outcome: "RETURNED",
    completedBy: HOSTILE,
    late: true,
    returnedBy: HOSTILE,
    returnReason: `baris satu\n${HOSTILE}`,
    decisionReason: HOSTILE,
    comment: HOSTILE,
    outputText: HOSTILE,
    checklist: [HOSTILE, "Lampiran"],
    attendees: ["Kepala Dinas (Hadir)", HOSTILE],
    decisions: HOSTILE,
    reference: HOSTILE,
  }),
  item({ id: "t3", returnReason: "Perbaiki", returnedBy: null }),
  item({ id: "t4", outcome: "APPROVED" }),
  item({ id: "t5", outcome: "RESUBMITTED" }),
  item({ id: "t6", outcome: "CANCELLED", status: "CANCELLED", completedBy: null, completedAt: null }),
  item({ id: "t7", outcome: null, status: "ACTIVE", completedBy: null, completedAt: null, late: true }),
  item({ id: "t8", outcome: null, status: "RETURNED", completedBy: null, completedAt: null }),
];

describe("the cycle page's history as one string", () => {
  it("is byte for byte React's rendering of the task cards", () => {
    expect(renderToStaticMarkup(h(TaskHistoryList, { items: ITEMS }))).toBe(renderToStaticMarkup(h(TaskHistory, { items: ITEMS })));
  });

  it("is so for every task alone too", () => {
    for (const one of ITEMS) expect(renderToStaticMarkup(h(TaskHistoryList, { items: [one] }))).toBe(renderToStaticMarkup(h(TaskHistory, { items: [one] })));
  });

  it("escapes every value and says so when nothing ran", () => {
    const page = renderToStaticMarkup(h(TaskHistoryList, { items: ITEMS }));
    expect(page).not.toContain("<script>");
    expect(page).toContain('data-testid="history-4-2"');
    expect(page).toContain('data-testid="return-reason"');
    expect(renderToStaticMarkup(h(TaskHistoryList, { items: [] }))).toBe(renderToStaticMarkup(h(TaskHistory, { items: [] })));
  });

  it("writes the cards' look once in the stylesheet, not as utility classes on every element (decision 086)", () => {
    // A plain finished task: its card was 1,643 bytes when every element carried its utility classes.
    const card = renderToStaticMarkup(h(TaskHistoryList, { items: [item({})] }));
    expect(card.length).toBeLessThan(1_200);
    // The short classes the stylesheet gives the look to (app/globals.css, .hist).
    expect(card).toContain('<ol class="hist" data-testid="history"');
    expect(card).not.toMatch(/text-slate-|min-\[480px\]/);
  });
});
