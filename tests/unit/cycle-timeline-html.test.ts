import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { CycleTimeline, TIMELINES, TimelineEntries, timelineHtml } from "@/components/audit/cycle-timeline";
import type { TCycleTimeline, TTimelineEntry } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";

/**
 * The timeline's rounds are sent as one string of HTML written by lib/static-markup.ts
 * (docs/decisions/071-cycle-timeline-cost.md). A reader (and the print view) must get exactly
 * what React wrote for the same rounds: the same bytes as react-dom/server.
 */
const HOSTILE = `<script>alert("x")</script> & 'kutip' "ganda" > <`;
const at = (iso: string) => new Date(iso);

function entry(over: Partial<TTimelineEntry>): TTimelineEntry {
  return {
    taskId: "t1",
    stepNumber: 1,
    round: 1,
    kegiatan: "Menyusun rencana aksi",
    stepKind: "PROCESS",
    roleName: "Kasubbag Program",
    status: "DONE",
    outcome: "COMPLETED",
    startedAt: at("2026-04-01T01:02:03Z"),
    completedAt: at("2026-04-01T03:04:05Z"),
    dueAt: at("2026-04-02T01:02:03Z"),
    actor: { name: "Budi Santoso", nip: "198001012005011001" },
    acting: null,
    durationMs: 7_322_000,
    standard: { amount: 1, unit: "HARI" },
    late: false,
    lateByMs: 0,
    returnedToStep: null,
    returnReason: null,
    reopenedReason: null,
    reopenedBy: null,
    outputText: null,
    comment: null,
    checklist: [],
    attendees: [],
    decisions: null,
    reference: null,
    esakip: null,
    fileVersion: null,
    ...over,
  };
}

const ENTRIES: TTimelineEntry[] = [
  entry({}),
  // Every block, hostile text in each, an acting actor, files (a PDF opens in a new tab), a replaced version.
  entry({
    taskId: "t2",
    stepNumber: 2,
    round: 2,
    kegiatan: HOSTILE,
    roleName: HOSTILE,
    actor: { name: HOSTILE, nip: "198001012005011002" },
    acting: { appointmentId: "a1", kind: "PLT", title: `Plt. ${HOSTILE}`, decreeNumber: "800/1" },
    late: true,
    lateByMs: 3_600_000,
    reopenedReason: HOSTILE,
    reopenedBy: { stepNumber: 3, round: 1, actorName: HOSTILE },
    outputText: `baris satu\nbaris dua ${HOSTILE}`,
    comment: HOSTILE,
    checklist: [HOSTILE, "Lampiran lengkap"],
    attendees: ["Kepala Dinas", HOSTILE],
    decisions: HOSTILE,
    reference: HOSTILE,
    esakip: { uploadedAt: "2026-04-10", reference: HOSTILE, receipt: { id: "f9", name: HOSTILE } },
    fileVersion: {
      version: 2,
      replaces: { version: 1, round: 1 },
      files: [
        { id: "f1", name: HOSTILE, size: 10, mimeType: "application/pdf", uploadedBy: HOSTILE, uploadedAt: at("2026-04-01T02:00:00Z") },
        { id: "f2", name: "naskah.docx", size: 10, mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", uploadedBy: null, uploadedAt: at("2026-04-01T02:30:00Z") },
      ],
    },
  }),
  // A decision that returned the work, late; one whose step is unknown; a reopen without its decision.
  entry({ taskId: "t3", stepNumber: 3, outcome: "RETURNED", status: "DONE", returnedToStep: 2, returnReason: HOSTILE, late: true, lateByMs: 90_000 }),
  entry({ taskId: "t4", stepNumber: 3, round: 2, outcome: "RETURNED", returnedToStep: null, returnReason: null, reopenedReason: "Perbaiki", reopenedBy: null }),
  // Running (on time and late), returned without outcome, cancelled, no actor.
  entry({ taskId: "t5", stepNumber: 4, status: "ACTIVE", outcome: null, completedAt: null, actor: null }),
  entry({ taskId: "t6", stepNumber: 4, round: 2, status: "ACTIVE", outcome: null, completedAt: null, late: true, lateByMs: 86_400_000 }),
  entry({ taskId: "t7", stepNumber: 5, status: "RETURNED", outcome: null, completedAt: null }),
  entry({ taskId: "t8", stepNumber: 6, status: "CANCELLED", outcome: "CANCELLED", standard: { amount: 30, unit: "MENIT" } }),
  entry({ taskId: "t9", stepNumber: 7, fileVersion: { version: 1, replaces: null, files: [] } }),
];

const timeline = (entries: TTimelineEntry[]) => ({ entries }) as unknown as TCycleTimeline;

describe("the cycle timeline's rounds as one string", () => {
  for (const tz of ["WIB", "WITA", "WIT"] as TAgencyTimeZone[]) {
    for (const slug of ["dinas-contoh", undefined]) {
      it(`is byte for byte React's rendering (${tz}, ${slug ? "with" : "without"} file links)`, () => {
        const react = renderToStaticMarkup(h("ol", { className: "tl", "data-testid": "timeline" }, h(TimelineEntries, { entries: ENTRIES, timeZone: tz, agencySlug: slug })));
        const page = renderToStaticMarkup(h(CycleTimeline, { timeline: timeline(ENTRIES), timeZone: tz, agencySlug: slug }));
        expect(page).toBe(react);
      });
    }
  }

  it("escapes every value from the data and keeps the words a reader sees", () => {
    const page = renderToStaticMarkup(h(CycleTimeline, { timeline: timeline(ENTRIES), timeZone: "WIB", agencySlug: "dinas-contoh" }));
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;");
    expect(page).toContain('data-testid="timeline-2-2"');
    expect(page).toContain('data-testid="return-reason"');
    expect(page).toContain('href="/a/dinas-contoh/files/f1?lihat=1" target="_blank" rel="noopener"');
    expect(page).toContain("1 April 2026 08.02.03 WIB");
  });

  it("says so when the cycle has no round", () => {
    expect(renderToStaticMarkup(h(CycleTimeline, { timeline: timeline([]), timeZone: "WIB" }))).toContain("<p");
  });

  // Decision 077: the rows of a timeline whose every round has ended are kept per content.
  const ENDED = ENTRIES.filter((e) => e.completedAt !== null);
  const react = (entries: TTimelineEntry[]) => renderToStaticMarkup(h(TimelineEntries, { entries, timeZone: "WIB", agencySlug: "dinas-contoh" }));

  it("serves an ended timeline from its cache, and any changed word as new rows", () => {
    const first = timelineHtml(ENDED, "WIB", "dinas-contoh");
    expect(first).toBe(react(ENDED));
    // The same content again (a new request, new objects): the very string kept the first time.
    expect(timelineHtml(structuredClone(ENDED), "WIB", "dinas-contoh")).toBe(first);
    // An edited round, another zone, another agency's links: never the kept rows.
    const edited = ENDED.map((e, i) => (i === 0 ? { ...e, outputText: "Nota dinas (perbaikan)" } : e));
    expect(timelineHtml(edited, "WIB", "dinas-contoh")).toBe(react(edited));
    expect(timelineHtml(edited, "WIB", "dinas-contoh")).toContain("Nota dinas (perbaikan)");
    expect(timelineHtml(ENDED, "WIT", "dinas-contoh")).toBe(renderToStaticMarkup(h(TimelineEntries, { entries: ENDED, timeZone: "WIT", agencySlug: "dinas-contoh" })));
    expect(timelineHtml(ENDED, "WIB", "dinas-lain")).toContain('href="/a/dinas-lain/files/f1?lihat=1"');
  });

  it("renders a timeline with a running round on every request (its duration follows the clock)", () => {
    const running = ENTRIES.filter((e) => e.completedAt === null).slice(0, 1);
    expect(timelineHtml(running, "WIB")).toBe(renderToStaticMarkup(h(TimelineEntries, { entries: running, timeZone: "WIB" })));
    const later = running.map((e) => ({ ...e, durationMs: e.durationMs + 3_600_000 }));
    expect(timelineHtml(later, "WIB")).toBe(renderToStaticMarkup(h(TimelineEntries, { entries: later, timeZone: "WIB" })));
    expect(timelineHtml(later, "WIB")).not.toBe(timelineHtml(running, "WIB"));
  });
});

describe("the ended timelines kept in-process (docs/decisions/081-rss-peak.md)", () => {
  it("hold at most 3 million characters however long the timelines are, not only 100 of them", () => {
    // 100 ended timelines with a 40,000-character activity each: ~80,000 characters an entry (key + HTML), 8 million in all.
    const long = "Menyusun rencana aksi dan laporan kinerja – ".repeat(910);
    for (let n = 0; n < 100; n++) timelineHtml([entry({ taskId: `long-${n}`, kegiatan: `${n} ${long}` })], "WIB", "dinas-contoh");
    expect(TIMELINES.calculatedSize).toBeGreaterThan(2_000_000);
    expect(TIMELINES.calculatedSize).toBeLessThanOrEqual(3_000_000);
    expect(TIMELINES.size).toBeLessThan(100);
  });
});
