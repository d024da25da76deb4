import { describe, expect, it } from "vitest";

import {
  availableRealizationEvents,
  fillEvent,
  isRealizationEditable,
  planRealization,
  REALIZATION_EVENTS,
  REALIZATION_MESSAGES,
  REALIZATION_STATUSES,
  REALIZATION_TRANSITIONS,
  type TRealizationEvent,
  type TRealizationStatus,
  type TRealizationTransition,
} from "@/lib/performance/workflow";

/**
 * The realization lifecycle as one table: a Bidang saves and submits, Tim
 * SAKIP verifies or returns with a reason, a returned value is fixed and
 * resubmitted, and nothing of an archived period moves.
 */
const FROM = ["NONE", ...REALIZATION_STATUSES] as const;

describe("realization lifecycle: the table", () => {
  it.each([
    ["NONE", "SAVE", "DRAFT"],
    ["NONE", "SUBMIT", "SUBMITTED"],
    ["DRAFT", "SAVE", "DRAFT"],
    ["DRAFT", "SUBMIT", "SUBMITTED"],
    ["DRAFT", "ATTACH", "DRAFT"],
    ["RETURNED", "SAVE", "RETURNED"],
    ["RETURNED", "RESUBMIT", "SUBMITTED"],
    ["RETURNED", "ATTACH", "RETURNED"],
    ["SUBMITTED", "VERIFY", "VERIFIED"],
  ] as const)("%s --%s--> %s in an open period", (from, event, to) => {
    expect(planRealization({ status: from, frozen: false }, event)).toMatchObject({ ok: true, from, to });
  });

  it("RETURN needs a reason; with one it sends the value back", () => {
    for (const comment of [undefined, null, "", "   "]) {
      expect(planRealization({ status: "SUBMITTED", frozen: false }, "RETURN", { comment })).toEqual({
        ok: false,
        code: "COMMENT_REQUIRED",
        message: REALIZATION_MESSAGES.reasonRequired,
      });
    }
    expect(planRealization({ status: "SUBMITTED", frozen: false }, "RETURN", { comment: "Lampirkan foto" })).toMatchObject({ ok: true, to: "RETURNED" });
  });

  it("an archived period refuses every event, whatever the status", () => {
    for (const status of FROM) {
      for (const event of REALIZATION_EVENTS) {
        expect(planRealization({ status, frozen: true }, event, { comment: "x" }), `${status} ${event}`).toEqual({
          ok: false,
          code: "FROZEN",
          message: REALIZATION_MESSAGES.frozen,
        });
      }
      expect(availableRealizationEvents(status, true, "UNIT_MEMBER")).toEqual([]);
      expect(availableRealizationEvents(status, true, "VERIFIER")).toEqual([]);
    }
    expect(REALIZATION_TRANSITIONS.every((t) => t.refusedWhenFrozen)).toBe(true);
  });

  it("a submitted or verified value cannot be changed by its unit, nor evidence added", () => {
    for (const status of ["SUBMITTED", "VERIFIED"] as const) {
      for (const event of ["SAVE", "SUBMIT", "RESUBMIT"] as const) {
        expect(planRealization({ status, frozen: false }, event)).toMatchObject({ ok: false, code: "NOT_EDITABLE", message: REALIZATION_MESSAGES.notEditable });
      }
      expect(planRealization({ status, frozen: false }, "ATTACH")).toMatchObject({ ok: false, code: "LOCKED" });
      expect(isRealizationEditable(status, false)).toBe(false);
    }
  });

  it("only a submitted value is reviewed: a draft, a returned or a verified one is not", () => {
    for (const status of ["DRAFT", "RETURNED", "VERIFIED"] as const) {
      for (const event of ["VERIFY", "RETURN"] as const) {
        expect(planRealization({ status, frozen: false }, event, { comment: "x" })).toMatchObject({ ok: false, code: "NOT_SUBMITTED", message: REALIZATION_MESSAGES.notSubmitted });
      }
    }
  });

  it("the form's two buttons map onto the events: submit of a returned value is its resubmit", () => {
    expect(fillEvent("NONE", false)).toBe("SAVE");
    expect(fillEvent("NONE", true)).toBe("SUBMIT");
    expect(fillEvent("DRAFT", true)).toBe("SUBMIT");
    expect(fillEvent("RETURNED", false)).toBe("SAVE");
    expect(fillEvent("RETURNED", true)).toBe("RESUBMIT");
    expect(fillEvent("SUBMITTED", true)).toBe("SUBMIT");
  });

  it("the buttons each side sees come from the same table", () => {
    expect(availableRealizationEvents("NONE", false, "UNIT_MEMBER")).toEqual(["SAVE", "SUBMIT"]);
    expect(availableRealizationEvents("RETURNED", false, "UNIT_MEMBER")).toEqual(["SAVE", "RESUBMIT", "ATTACH"]);
    expect(availableRealizationEvents("SUBMITTED", false, "UNIT_MEMBER")).toEqual([]);
    expect(availableRealizationEvents("SUBMITTED", false, "VERIFIER")).toEqual(["VERIFY", "RETURN"]);
    expect(availableRealizationEvents("VERIFIED", false, "VERIFIER")).toEqual([]);
    expect(isRealizationEditable(null, false)).toBe(true);
    expect(isRealizationEditable("RETURNED", false)).toBe(true);
    expect(isRealizationEditable("DRAFT", true)).toBe(false);
  });

  it("every status can be reached from NONE and VERIFIED is final", () => {
    const reached = new Set<string>(["NONE"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of REALIZATION_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...FROM].sort());
    expect((REALIZATION_TRANSITIONS as readonly TRealizationTransition[]).filter((t) => t.from === "VERIFIED")).toEqual([]);
  });

  it("has at most one row per (from, event)", () => {
    const keys = REALIZATION_TRANSITIONS.map((t) => `${t.from}:${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    const statuses = new Set<string>(FROM);
    const events = new Set<TRealizationEvent>(REALIZATION_EVENTS);
    for (const t of REALIZATION_TRANSITIONS) {
      expect(statuses.has(t.from)).toBe(true);
      expect(statuses.has(t.to as TRealizationStatus)).toBe(true);
      expect(events.has(t.event)).toBe(true);
    }
  });
});
