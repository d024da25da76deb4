import { describe, expect, it } from "vitest";

import { SOP_SERVICE_MESSAGES } from "@/lib/sop/messages";
import { availableSopEvents, planSopEvent, SOP_EVENTS, SOP_STATUSES, SOP_TRANSITIONS, SOP_WORKFLOW_MESSAGES } from "@/lib/sop/workflow";

/** The SOP lifecycle as one table: draft -> active -> superseded or archived; active versions are revised, never edited. */
describe("SOP lifecycle: the table", () => {
  it.each([
    ["DRAFT", "EDIT", "DRAFT"],
    ["DRAFT", "ACTIVATE", "ACTIVE"],
    ["ACTIVE", "SUPERSEDE", "SUPERSEDED"],
    ["ACTIVE", "REVISE", "ACTIVE"],
    ["ACTIVE", "ARCHIVE", "ARCHIVED"],
  ] as const)("%s --%s--> %s", (from, event, to) => {
    expect(planSopEvent(from, event)).toMatchObject({ ok: true, from, to });
  });

  it("refuses everything else with the message users know", () => {
    const allowed = new Set(SOP_TRANSITIONS.map((t) => `${t.from}:${t.event}`));
    for (const status of SOP_STATUSES) {
      for (const event of SOP_EVENTS) {
        if (allowed.has(`${status}:${event}`)) continue;
        expect(planSopEvent(status, event), `${status} ${event}`).toEqual({ ok: false, message: SOP_WORKFLOW_MESSAGES[event] });
      }
    }
    // The service's wording did not change for users.
    expect(SOP_WORKFLOW_MESSAGES.EDIT).toBe(SOP_SERVICE_MESSAGES.onlyDraftEditable);
    expect(SOP_WORKFLOW_MESSAGES.ACTIVATE).toBe(SOP_SERVICE_MESSAGES.alreadyActivated);
    expect(SOP_WORKFLOW_MESSAGES.ARCHIVE).toBe(SOP_SERVICE_MESSAGES.onlyActiveArchivable);
    expect(SOP_WORKFLOW_MESSAGES.REVISE).toBe(SOP_SERVICE_MESSAGES.onlyActiveRevisable);
  });

  it("superseded and archived versions are final; an active one is never edited in place", () => {
    expect(availableSopEvents("SUPERSEDED")).toEqual([]);
    expect(availableSopEvents("ARCHIVED")).toEqual([]);
    expect(planSopEvent("ACTIVE", "EDIT")).toMatchObject({ ok: false });
  });

  it("gives each side its buttons; superseding is the system's, never a button", () => {
    expect(availableSopEvents("DRAFT", "EDITOR")).toEqual(["EDIT"]);
    expect(availableSopEvents("DRAFT", "ACTIVATOR")).toEqual(["ACTIVATE"]);
    expect(availableSopEvents("ACTIVE", "EDITOR")).toEqual(["REVISE"]);
    expect(availableSopEvents("ACTIVE", "ACTIVATOR")).toEqual(["ARCHIVE"]);
    expect(availableSopEvents("ACTIVE")).not.toContain("SUPERSEDE");
  });
});
