import { describe, expect, it } from "vitest";

import {
  applyChanges,
  planTransition,
  unitProgress,
  validateWorkflowSteps,
  WORKFLOW_MESSAGES,
  type TWorkflowEvent,
  type TWorkflowPlan,
  type TWorkflowState,
  type TWorkflowStep,
} from "@/lib/cycle/workflow";

/**
 * Evaluasi triwulanan: 1 the Sekretaris orders it, 2 every Bidang fills its data
 * ("setiap Bidang"), 3 the Kasubbag checks (Tidak: back to 2), 4 archive.
 */
const UNITS = ["bina-marga", "cipta-karya", "tata-ruang"];
const STEPS: TWorkflowStep[] = [
  { number: 1, kind: "PROCESS" },
  { number: 2, kind: "PROCESS", units: UNITS },
  { number: 3, kind: "DECISION", noStepNumber: 2 },
  { number: 4, kind: "PROCESS" },
];

function ok(plan: TWorkflowPlan): Extract<TWorkflowPlan, { ok: true }> {
  if (!plan.ok) throw new Error(`Expected ok, got ${plan.code}: ${plan.message}`);
  return plan;
}
const run = (state: TWorkflowState, event: TWorkflowEvent) => applyChanges(state, ok(planTransition(state, event)).changes);
const open = (state: TWorkflowState) => state.tasks.filter((t) => t.status === "ACTIVE" || t.status === "RETURNED");
const unitTask = (state: TWorkflowState, unitId: string) => open(state).find((t) => t.unitId === unitId)!;

function atStep2(): TWorkflowState {
  let s = run({ cycleStatus: null, steps: STEPS, tasks: [] }, { type: "START_CYCLE" });
  s = run(s, { type: "COMPLETE", taskId: open(s)[0]!.id });
  return s;
}

describe("every-unit steps (setiap Bidang)", () => {
  it("open one sub-task per unit, and the flow waits for the third unit", () => {
    let s = atStep2();
    expect(open(s).map((t) => [t.stepNumber, t.round, t.unitId])).toEqual(UNITS.map((u) => [2, 1, u]));

    s = run(s, { type: "COMPLETE", taskId: unitTask(s, "cipta-karya").id });
    expect(unitProgress(STEPS[1]!, s.tasks)).toEqual({ done: ["cipta-karya"], missing: ["bina-marga", "tata-ruang"] });
    s = run(s, { type: "COMPLETE", taskId: unitTask(s, "bina-marga").id });
    expect(open(s).map((t) => t.unitId)).toEqual(["tata-ruang"]);

    s = run(s, { type: "COMPLETE", taskId: unitTask(s, "tata-ruang").id });
    expect(open(s).map((t) => [t.stepNumber, t.unitId ?? null])).toEqual([[3, null]]);
  });

  it("a decision returns one unit's work: only that sub-task re-opens, and the step is done again when it is resubmitted", () => {
    let s = atStep2();
    for (const u of UNITS) s = run(s, { type: "COMPLETE", taskId: unitTask(s, u).id });
    const decision = open(s)[0]!;
    const plan = ok(planTransition(s, { type: "RETURN", taskId: decision.id, comment: "Data Cipta Karya kurang", unitId: "cipta-karya" }));
    expect(plan.changes.filter((c) => c.kind === "OPEN_TASK")).toEqual([
      {
        kind: "OPEN_TASK",
        stepNumber: 2,
        round: 2,
        status: "RETURNED",
        unitId: "cipta-karya",
        returnedFromTaskId: decision.id,
        returnReason: "Data Cipta Karya kurang",
      },
    ]);
    s = applyChanges(s, plan.changes);
    expect(unitProgress(STEPS[1]!, s.tasks)).toEqual({ done: ["bina-marga", "tata-ruang"], missing: ["cipta-karya"] });

    s = run(s, { type: "RESUBMIT", taskId: unitTask(s, "cipta-karya").id });
    expect(open(s).map((t) => [t.stepNumber, t.round])).toEqual([[3, 2]]);
  });

  it("a return without a unit re-opens every unit's sub-task; a unit outside the step is refused", () => {
    let s = atStep2();
    for (const u of UNITS) s = run(s, { type: "COMPLETE", taskId: unitTask(s, u).id });
    const decision = open(s)[0]!;
    expect(planTransition(s, { type: "RETURN", taskId: decision.id, comment: "x", unitId: "sekretariat" })).toMatchObject({
      ok: false,
      code: "UNIT_NOT_IN_STEP",
      message: WORKFLOW_MESSAGES.UNIT_NOT_IN_STEP(2),
    });
    s = run(s, { type: "RETURN", taskId: decision.id, comment: "Semua ulangi" });
    expect(open(s).map((t) => [t.unitId, t.round, t.status])).toEqual(UNITS.map((u) => [u, 2, "RETURNED"]));
  });

  it("an every-unit step that starts the SOP opens all its sub-tasks at the start", () => {
    const s = run({ cycleStatus: null, steps: [{ number: 1, kind: "PROCESS", units: ["a", "b"] }], tasks: [] }, { type: "START_CYCLE" });
    expect(open(s).map((t) => t.unitId)).toEqual(["a", "b"]);
  });

  it("refuses a decision done by every unit, and an every-unit step without units", () => {
    expect(validateWorkflowSteps([{ number: 1, kind: "PROCESS" }, { number: 2, kind: "DECISION", noStepNumber: 1, units: ["a"] }])).toBe(
      WORKFLOW_MESSAGES.DECISION_EVERY_UNIT(2),
    );
    expect(validateWorkflowSteps([{ number: 1, kind: "PROCESS", units: [] }])).toBe(WORKFLOW_MESSAGES.NO_UNITS(1));
  });
});
