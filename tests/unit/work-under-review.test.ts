import { describe, expect, it } from "vitest";

import { reviewChain, workUnderReview, type TReviewStep, type TReviewTask } from "@/lib/cycle/work-under-review";
import { parseProcedureTable } from "@/lib/sop/paste-import";

import { KEPEGAWAIAN, PERIKANAN } from "../fixtures/fresh-agencies";

const stepsOf = (table: string, roles: { code: string; name: string }[]): TReviewStep[] =>
  parseProcedureTable(table, roles).steps.map((s) => ({ number: s.number, kind: s.kind, yesStepNumber: s.yesStepNumber, noStepNumber: s.noStepNumber }));
const PERIKANAN_STEPS = stepsOf(PERIKANAN.table, PERIKANAN.roles);

const task = (stepNumber: number, round: number, hasOutput: boolean, status = "DONE"): TReviewTask => ({
  id: `${stepNumber}.${round}`,
  stepNumber,
  round,
  status,
  hasOutput,
});

describe("the work a decision decides on", () => {
  it("follows the chain from the 'Tidak' target forward to the decision", () => {
    expect(reviewChain(PERIKANAN_STEPS, 4)).toEqual([3]);
    expect(reviewChain(PERIKANAN_STEPS, 5)).toEqual([3, 4]);
    expect(reviewChain(PERIKANAN_STEPS, 6)).toEqual([5]);
  });

  it("step 5 decides on step 3's Draft SK, not on step 4's check, which wrote nothing", () => {
    const tasks = [task(1, 1, true), task(2, 1, true), task(3, 1, true), task(4, 1, false)];
    expect(workUnderReview(PERIKANAN_STEPS, tasks, 5)?.id).toBe("3.1");
  });

  it("after a return, the latest round of the draft is the work under review", () => {
    const tasks = [task(3, 1, true), task(4, 1, false), task(3, 2, true), task(4, 2, false)];
    expect(workUnderReview(PERIKANAN_STEPS, tasks, 5)?.id).toBe("3.2");
  });

  it("the head's signature, whose 'Tidak' goes back to the Sekretaris's check, decides on the draft the checks passed on", () => {
    expect(reviewChain(PERIKANAN_STEPS, 6)).toEqual([5]);
    const tasks = [task(1, 1, true), task(2, 1, true), task(3, 1, true), task(4, 1, false), task(5, 1, false)];
    expect(workUnderReview(PERIKANAN_STEPS, tasks, 6)?.id).toBe("3.1");
    // After a return from the signature to the check and from the check to the draft: the revised draft.
    const again = [...tasks, task(6, 1, false), task(5, 2, false), task(3, 2, true), task(4, 2, false), task(5, 3, false)];
    expect(workUnderReview(PERIKANAN_STEPS, again, 6)?.id).toBe("3.2");
    // A check that wrote a paraf note is the work itself.
    expect(workUnderReview(PERIKANAN_STEPS, [...tasks.slice(0, 4), task(5, 1, true)], 6)?.id).toBe("5.1");
  });

  it("checks that pass work on to each other in a loop end on the last one done, never loop", () => {
    const steps: TReviewStep[] = [
      { number: 1, kind: "REVIEW", yesStepNumber: 2, noStepNumber: 2 },
      { number: 2, kind: "REVIEW", yesStepNumber: 3, noStepNumber: 1 },
      { number: 3, kind: "APPROVAL", yesStepNumber: null, noStepNumber: 2 },
    ];
    expect(workUnderReview(steps, [task(1, 1, false), task(2, 1, false)], 3)?.id).toBe("1.1");
  });

  it("a check that did write something (a paraf note) is the latest output", () => {
    const tasks = [task(3, 1, true), task(4, 1, true)];
    expect(workUnderReview(PERIKANAN_STEPS, tasks, 5)?.id).toBe("4.1");
  });

  it("with no 'Tidak' target, the step before; with nothing done, none", () => {
    const steps: TReviewStep[] = [
      { number: 1, kind: "DRAFT", yesStepNumber: null, noStepNumber: null },
      { number: 2, kind: "REVIEW", yesStepNumber: null, noStepNumber: null },
    ];
    expect(reviewChain(steps, 2)).toEqual([1]);
    expect(workUnderReview(steps, [task(1, 1, false)], 2)?.id).toBe("1.1");
    expect(workUnderReview(steps, [task(1, 1, true, "ACTIVE")], 2)).toBeNull();
  });

  it("the Evaluasi Kinerja Internal review decides on the follow-up plan of step 4", () => {
    const steps = stepsOf(KEPEGAWAIAN.table, KEPEGAWAIAN.roles);
    expect(workUnderReview(steps, [task(3, 1, true), task(4, 1, true)], 5)?.id).toBe("4.1");
  });
});
