import { describe, expect, it } from "vitest";

import { isOverdue, planFollowUp } from "@/lib/followup/workflow";

describe("follow-up lifecycle", () => {
  it("closes open items by the owner unit or a manager, reopens done ones by a manager only", () => {
    expect(planFollowUp("OPEN", "CLOSE", ["OWNER"])).toEqual({ ok: true, to: "DONE" });
    expect(planFollowUp("OPEN", "CLOSE", ["MANAGER"])).toEqual({ ok: true, to: "DONE" });
    expect(planFollowUp("OPEN", "CLOSE", [])).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(planFollowUp("DONE", "CLOSE", ["OWNER", "MANAGER"])).toEqual({ ok: false, code: "WRONG_STATUS" });
    expect(planFollowUp("DONE", "REOPEN", ["OWNER"])).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(planFollowUp("DONE", "REOPEN", ["MANAGER"])).toEqual({ ok: true, to: "OPEN" });
    expect(planFollowUp("OPEN", "REOPEN", ["MANAGER"])).toEqual({ ok: false, code: "WRONG_STATUS" });
    expect(planFollowUp("OPEN", "EDIT", ["OWNER"])).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(planFollowUp("DONE", "EDIT", ["MANAGER"])).toEqual({ ok: false, code: "WRONG_STATUS" });
  });

  it("is overdue only when open and the due day has ended", () => {
    expect(isOverdue({ status: "OPEN", dueDate: "2026-12-03" }, "2026-12-03")).toBe(false);
    expect(isOverdue({ status: "OPEN", dueDate: "2026-12-03" }, "2026-12-04")).toBe(true);
    expect(isOverdue({ status: "DONE", dueDate: "2026-12-03" }, "2026-12-04")).toBe(false);
  });
});
