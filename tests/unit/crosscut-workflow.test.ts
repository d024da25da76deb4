import { describe, expect, it } from "vitest";

import { crosscutEventsFor, planCrosscut } from "@/lib/cascade/crosscut-workflow";

/** The crosscutting link's lifecycle (decision 045): who may take which step from where. */
describe("crosscut workflow", () => {
  it("lets the target answer a proposal and the source withdraw it, nothing else", () => {
    expect(planCrosscut("PROPOSED", "ACCEPT", "TARGET")).toEqual({ ok: true, to: "ACCEPTED" });
    expect(planCrosscut("PROPOSED", "DECLINE", "TARGET")).toEqual({ ok: true, to: "DECLINED" });
    expect(planCrosscut("PROPOSED", "END", "SOURCE")).toEqual({ ok: true, to: "ENDED" });
    expect(planCrosscut("PROPOSED", "ACCEPT", "SOURCE")).toEqual({ ok: false, reason: "side" });
    expect(planCrosscut("PROPOSED", "DECLINE", "SOURCE")).toEqual({ ok: false, reason: "side" });
    expect(planCrosscut("PROPOSED", "END", "TARGET")).toEqual({ ok: false, reason: "side" });
  });

  it("lets either side end an accepted link, and closed links take no step", () => {
    expect(planCrosscut("ACCEPTED", "END", "SOURCE")).toEqual({ ok: true, to: "ENDED" });
    expect(planCrosscut("ACCEPTED", "END", "TARGET")).toEqual({ ok: true, to: "ENDED" });
    expect(planCrosscut("ACCEPTED", "ACCEPT", "TARGET")).toEqual({ ok: false, reason: "state" });
    for (const status of ["DECLINED", "ENDED"] as const) {
      for (const event of ["ACCEPT", "DECLINE", "END"] as const) expect(planCrosscut(status, event, "TARGET")).toEqual({ ok: false, reason: "state" });
      expect(crosscutEventsFor(status, "SOURCE")).toEqual([]);
    }
    expect(crosscutEventsFor("PROPOSED", "TARGET")).toEqual(["ACCEPT", "DECLINE"]);
    expect(crosscutEventsFor("ACCEPTED", "SOURCE")).toEqual(["END"]);
  });
});
