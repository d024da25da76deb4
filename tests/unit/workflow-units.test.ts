import { describe, expect, it } from "vitest";

import {
  applyChanges,
  planTransition,
  rerunUnits,
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

/**
 * Steps between a one-unit return and its decision: 1 order, 2 every unit drafts,
 * 3 the Sekretaris collects (one task), 4 every unit checks, 5 only two units
 * upload, 6 the Kasubbag decides (Tidak: back to 2), 7 archive.
 */
const LONG: TWorkflowStep[] = [
  { number: 1, kind: "PROCESS" },
  { number: 2, kind: "PROCESS", units: UNITS },
  { number: 3, kind: "PROCESS" },
  { number: 4, kind: "PROCESS", units: UNITS },
  { number: 5, kind: "PROCESS", units: ["bina-marga", "tata-ruang"] },
  { number: 6, kind: "DECISION", noStepNumber: 2 },
  { number: 7, kind: "PROCESS" },
];

/** Runs every open task of the cycle until the decision (step 6) is open. */
function untilDecision(s: TWorkflowState, decisionStep = 6): TWorkflowState {
  for (let guard = 0; guard < 50; guard++) {
    const next = open(s)[0];
    if (!next || next.stepNumber === decisionStep) return s;
    s = run(s, { type: next.status === "RETURNED" ? "RESUBMIT" : "COMPLETE", taskId: next.id });
  }
  throw new Error("no decision reached");
}
const opened = (plan: TWorkflowPlan) => ok(plan).changes.flatMap((c) => (c.kind === "OPEN_TASK" ? [[c.stepNumber, c.round, c.unitId, c.status]] : []));

describe("a one-unit return re-runs the steps up to the decision for that unit only", () => {
  function returned(unitId?: string) {
    let s = run({ cycleStatus: null, steps: LONG, tasks: [] }, { type: "START_CYCLE" });
    s = untilDecision(s);
    const decision = open(s)[0]!;
    return { s: run(s, { type: "RETURN", taskId: decision.id, comment: "Perbaiki", unitId }), decision };
  }

  it("re-opens only that unit's sub-tasks of the every-unit steps between, runs a one-task step again, and reaches the decision", () => {
    let { s } = returned("cipta-karya");
    expect(open(s).map((t) => [t.stepNumber, t.round, t.unitId, t.status])).toEqual([[2, 2, "cipta-karya", "RETURNED"]]);
    expect(rerunUnits(LONG, s.tasks, 4)).toEqual(new Set(["cipta-karya"]));

    // Step 2 done again (the others' round 1 stands): the one-task step 3 runs again.
    expect(opened(planTransition(s, { type: "RESUBMIT", taskId: open(s)[0]!.id }))).toEqual([[3, 2, null, "ACTIVE"]]);
    s = run(s, { type: "RESUBMIT", taskId: open(s)[0]!.id });
    // Step 4: only Cipta Karya checks again.
    expect(opened(planTransition(s, { type: "COMPLETE", taskId: open(s)[0]!.id }))).toEqual([[4, 2, "cipta-karya", "ACTIVE"]]);
    s = run(s, { type: "COMPLETE", taskId: open(s)[0]!.id });
    // Step 5 is not Cipta Karya's: nothing to redo there, the decision comes back.
    expect(opened(planTransition(s, { type: "COMPLETE", taskId: open(s)[0]!.id }))).toEqual([[6, 2, null, "ACTIVE"]]);
    s = run(s, { type: "COMPLETE", taskId: open(s)[0]!.id });
    // The other units' sub-tasks were neither re-opened nor re-created.
    const others = s.tasks.filter((t) => t.unitId && t.unitId !== "cipta-karya");
    expect(others.map((t) => [t.stepNumber, t.round, t.status])).toEqual([
      [2, 1, "DONE"],
      [2, 1, "DONE"],
      [4, 1, "DONE"],
      [4, 1, "DONE"],
      [5, 1, "DONE"],
      [5, 1, "DONE"],
    ]);
    // Decided again: the pass is over, a later return of every unit re-runs them all.
    expect(rerunUnits(LONG, s.tasks, 4)).toBeNull();
    s = run(s, { type: "RETURN", taskId: open(s)[0]!.id, comment: "Semua ulangi" });
    s = run(s, { type: "RESUBMIT", taskId: unitTask(s, "bina-marga").id });
    s = run(s, { type: "RESUBMIT", taskId: unitTask(s, "cipta-karya").id });
    s = run(s, { type: "RESUBMIT", taskId: unitTask(s, "tata-ruang").id });
    s = run(s, { type: "COMPLETE", taskId: open(s)[0]!.id });
    expect(open(s).map((t) => [t.stepNumber, t.unitId])).toEqual(UNITS.map((u) => [4, u]));
  });

  it("a unit of every step between re-runs each of them, and approving the decision moves on", () => {
    let { s } = returned("tata-ruang");
    s = untilDecision(s);
    expect(s.tasks.filter((t) => t.stepNumber === 5).map((t) => [t.round, t.unitId])).toEqual([
      [1, "bina-marga"],
      [1, "tata-ruang"],
      [2, "tata-ruang"],
    ]);
    s = run(s, { type: "APPROVE", taskId: open(s)[0]!.id });
    expect(open(s).map((t) => [t.stepNumber, t.unitId ?? null])).toEqual([[7, null]]);
  });

  it("a return of every unit's work re-runs every unit's sub-tasks", () => {
    const { s } = returned();
    expect(rerunUnits(LONG, s.tasks, 4)).toBeNull();
    let t = s;
    for (const u of UNITS) t = run(t, { type: "RESUBMIT", taskId: unitTask(t, u).id });
    t = run(t, { type: "COMPLETE", taskId: open(t)[0]!.id });
    expect(open(t).map((x) => [x.stepNumber, x.round, x.unitId])).toEqual(UNITS.map((u) => [4, 2, u]));
  });

  it("where returns nest, the nearer decision's unit re-runs up to it, then the outer return's unit up to its decision", () => {
    // 1 order, 2 every unit drafts, 3 the Kasubbag checks (Tidak: 2), 4 every unit signs, 5 the Sekretaris decides (Tidak: 2).
    const steps: TWorkflowStep[] = [
      { number: 1, kind: "PROCESS" },
      { number: 2, kind: "PROCESS", units: UNITS },
      { number: 3, kind: "DECISION", noStepNumber: 2 },
      { number: 4, kind: "PROCESS", units: UNITS },
      { number: 5, kind: "DECISION", noStepNumber: 2 },
    ];
    let s = run({ cycleStatus: null, steps, tasks: [] }, { type: "START_CYCLE" });
    s = untilDecision(s, 3);
    s = run(s, { type: "APPROVE", taskId: open(s)[0]!.id });
    s = untilDecision(s, 5);
    s = run(s, { type: "RETURN", taskId: open(s)[0]!.id, comment: "Bina Marga", unitId: "bina-marga" });
    s = run(s, { type: "RESUBMIT", taskId: open(s)[0]!.id });
    // The check (3) returns Tata Ruang's draft this time.
    s = run(s, { type: "RETURN", taskId: open(s)[0]!.id, comment: "Tata Ruang", unitId: "tata-ruang" });
    expect(open(s).map((t) => [t.stepNumber, t.unitId])).toEqual([[2, "tata-ruang"]]);
    s = run(s, { type: "RESUBMIT", taskId: open(s)[0]!.id });
    s = run(s, { type: "APPROVE", taskId: open(s)[0]!.id });
    // Past the check, the outer return (Bina Marga) decides who signs again.
    expect(open(s).map((t) => [t.stepNumber, t.round, t.unitId])).toEqual([[4, 2, "bina-marga"]]);
  });
});
