import { describe, expect, it } from "vitest";

import {
  applyChanges,
  availableTaskEvents,
  findTransition,
  planTransition,
  WORKFLOW_STEP_KINDS,
  TASK_STATUSES,
  TRANSITIONS,
  validateWorkflowSteps,
  type TTaskEventType,
  type TWorkflowEvent,
  type TWorkflowPlan,
  type TWorkflowState,
  type TWorkflowStep,
  type TWorkflowTask,
} from "@/lib/cycle/workflow";

/**
 * Pengukuran Kinerja, Dinas BMCKTR Sumatera Barat (seeds/sop-pengukuran-kinerja-bmcktr-sumbar.txt):
 * 9 steps; step 7 (Kadis, Sekretaris and Tim SAKIP analyse) approves, or returns to step 4
 * (Sekretaris and Bidang fill the realization) "untuk dilengkapi".
 */
const SUMBAR_STEPS: TWorkflowStep[] = [
  { number: 1, kind: "PROCESS" },
  { number: 2, kind: "PROCESS" },
  { number: 3, kind: "PROCESS" },
  { number: 4, kind: "PROCESS" },
  { number: 5, kind: "PROCESS" },
  { number: 6, kind: "PROCESS" },
  { number: 7, kind: "DECISION", yesStepNumber: 8, noStepNumber: 4 },
  { number: 8, kind: "PROCESS" },
  { number: 9, kind: "PROCESS" },
];

const fresh = (steps: TWorkflowStep[] = SUMBAR_STEPS): TWorkflowState => ({ cycleStatus: null, steps, tasks: [] });

function expectOk(plan: TWorkflowPlan): Extract<TWorkflowPlan, { ok: true }> {
  if (!plan.ok) throw new Error(`Expected ok, got ${plan.code}: ${plan.message}`);
  return plan;
}

/** Plans and applies an event; fails the test when it is refused. */
function step(state: TWorkflowState, event: TWorkflowEvent): TWorkflowState {
  return applyChanges(state, expectOk(planTransition(state, event)).changes);
}

function openTask(state: TWorkflowState): TWorkflowTask {
  const open = state.tasks.filter((t) => t.status === "ACTIVE" || t.status === "RETURNED");
  expect(open).toHaveLength(1);
  return open[0]!;
}

function act(state: TWorkflowState, type: TTaskEventType, comment?: string): TWorkflowState {
  return step(state, { type, taskId: openTask(state).id, comment });
}

/** Runs the open process steps with COMPLETE until the given step is open. */
function completeUntil(state: TWorkflowState, stepNumber: number): TWorkflowState {
  let s = state;
  while (openTask(s).stepNumber !== stepNumber) s = act(s, "COMPLETE");
  return s;
}

describe("Sumatera Barat SOP: one return at step 7, approved on the second pass", () => {
  it("runs every step, re-runs 4-7 as round 2, and completes the cycle", () => {
    let s = step(fresh(), { type: "START_CYCLE" });
    expect(s.cycleStatus).toBe("ACTIVE");
    expect(openTask(s)).toMatchObject({ stepNumber: 1, round: 1, status: "ACTIVE" });

    s = completeUntil(s, 7);
    expect(s.tasks.map((t) => t.stepNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Step 7: "Tidak" -> back to step 4 for completion, with the reason.
    const reviewer = openTask(s);
    const returned = expectOk(planTransition(s, { type: "RETURN", taskId: reviewer.id, comment: "  Data dukung Bidang Jalan belum lengkap  " }));
    expect(returned.transition).toMatchObject({ from: "ACTIVE", event: "RETURN", to: "DONE", requiresComment: true });
    expect(returned.cycleStatus).toBe("ACTIVE");
    expect(returned.changes).toEqual([
      {
        kind: "CLOSE_TASK",
        taskId: reviewer.id,
        stepNumber: 7,
        round: 1,
        from: "ACTIVE",
        to: "DONE",
        outcome: "RETURNED",
        comment: "Data dukung Bidang Jalan belum lengkap",
      },
      {
        kind: "OPEN_TASK",
        stepNumber: 4,
        round: 2,
        status: "RETURNED",
        unitId: null,
        returnedFromTaskId: reviewer.id,
        returnReason: "Data dukung Bidang Jalan belum lengkap",
      },
    ]);
    s = applyChanges(s, returned.changes);
    expect(openTask(s)).toMatchObject({ stepNumber: 4, round: 2, status: "RETURNED" });

    // The returned step's owner resubmits; 5 and 6 run again in order, then 7 decides again.
    s = act(s, "RESUBMIT");
    expect(openTask(s)).toMatchObject({ stepNumber: 5, round: 2, status: "ACTIVE" });
    s = act(s, "COMPLETE");
    expect(openTask(s)).toMatchObject({ stepNumber: 6, round: 2 });
    s = act(s, "COMPLETE");
    expect(openTask(s)).toMatchObject({ stepNumber: 7, round: 2, status: "ACTIVE" });

    // "Ya" -> step 8.
    const approved = expectOk(planTransition(s, { type: "APPROVE", taskId: openTask(s).id }));
    expect(approved.changes).toContainEqual(expect.objectContaining({ kind: "CLOSE_TASK", stepNumber: 7, round: 2, outcome: "APPROVED" }));
    expect(approved.changes).toContainEqual(expect.objectContaining({ kind: "OPEN_TASK", stepNumber: 8, round: 1, status: "ACTIVE" }));
    s = applyChanges(s, approved.changes);

    s = act(s, "COMPLETE");
    expect(openTask(s)).toMatchObject({ stepNumber: 9, round: 1 });

    // The last step completes the cycle.
    const last = expectOk(planTransition(s, { type: "COMPLETE", taskId: openTask(s).id }));
    expect(last.cycleStatus).toBe("COMPLETED");
    expect(last.changes).toContainEqual({ kind: "CYCLE", from: "ACTIVE", to: "COMPLETED" });
    expect(last.changes.some((c) => c.kind === "OPEN_TASK")).toBe(false);
    s = applyChanges(s, last.changes);

    expect(s.cycleStatus).toBe("COMPLETED");
    expect(s.tasks.every((t) => t.status === "DONE")).toBe(true);
    expect(s.tasks.map((t) => `${t.stepNumber}.${t.round}`)).toEqual([
      "1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "7.1",
      "4.2", "5.2", "6.2", "7.2",
      "8.1", "9.1",
    ]);
    // Every step of the SOP ran at least once.
    expect(new Set(s.tasks.map((t) => t.stepNumber))).toEqual(new Set(SUMBAR_STEPS.map((x) => x.number)));
  });

  it("numbers a second return as round 3", () => {
    let s = completeUntil(step(fresh(), { type: "START_CYCLE" }), 7);
    s = act(s, "RETURN", "Belum lengkap");
    s = act(s, "RESUBMIT");
    s = completeUntil(s, 7);
    s = act(s, "RETURN", "Masih belum lengkap");
    expect(openTask(s)).toMatchObject({ stepNumber: 4, round: 3, status: "RETURNED" });
    s = act(s, "RESUBMIT");
    s = completeUntil(s, 7);
    expect(openTask(s)).toMatchObject({ stepNumber: 7, round: 3 });
  });
});

describe("refusals", () => {
  const atDecision = () => completeUntil(step(fresh(), { type: "START_CYCLE" }), 7);

  it.each([undefined, null, "", "   \n "])("RETURN without a reason (%j) is refused", (comment) => {
    const s = atDecision();
    expect(planTransition(s, { type: "RETURN", taskId: openTask(s).id, comment })).toEqual({
      ok: false,
      code: "COMMENT_REQUIRED",
      message: "Alasan pengembalian wajib diisi",
    });
  });

  it("APPROVE on a task that is no longer ACTIVE is refused", () => {
    let s = atDecision();
    const decision = openTask(s);
    s = act(s, "APPROVE");
    // A second click, or a second reviewer acting on the same task.
    expect(planTransition(s, { type: "APPROVE", taskId: decision.id })).toEqual({ ok: false, code: "ALREADY_HANDLED", message: "Tugas ini sudah ditangani" });
    expect(planTransition(s, { type: "RETURN", taskId: decision.id, comment: "terlambat" })).toMatchObject({ code: "ALREADY_HANDLED" });
  });

  it("COMPLETE on a done task is refused", () => {
    const s = step(fresh(), { type: "START_CYCLE" });
    const first = openTask(s);
    const after = act(s, "COMPLETE");
    expect(planTransition(after, { type: "COMPLETE", taskId: first.id })).toMatchObject({ ok: false, code: "ALREADY_HANDLED", message: "Tugas ini sudah ditangani" });
  });

  it("nothing can be done on a completed cycle", () => {
    let s = completeUntil(step(fresh(), { type: "START_CYCLE" }), 7);
    s = act(s, "APPROVE");
    s = act(s, "COMPLETE");
    s = act(s, "COMPLETE");
    expect(s.cycleStatus).toBe("COMPLETED");
    const refusal = { ok: false, code: "CYCLE_CLOSED", message: "Siklus ini sudah selesai dan tidak dapat diubah" };
    const lastTask = s.tasks[s.tasks.length - 1]!;
    expect(planTransition(s, { type: "COMPLETE", taskId: lastTask.id })).toEqual(refusal);
    expect(planTransition(s, { type: "CANCEL_CYCLE", comment: "Salah periode" })).toEqual(refusal);
    expect(planTransition(s, { type: "START_CYCLE" })).toEqual(refusal);
  });

  it("nothing can be done on a cancelled cycle", () => {
    let s = completeUntil(step(fresh(), { type: "START_CYCLE" }), 4);
    const open = openTask(s);
    s = step(s, { type: "CANCEL_CYCLE", comment: "Periode salah dipilih" });
    const refusal = { ok: false, code: "CYCLE_CLOSED", message: "Siklus ini sudah dibatalkan dan tidak dapat diubah" };
    expect(planTransition(s, { type: "COMPLETE", taskId: open.id })).toEqual(refusal);
    expect(planTransition(s, { type: "CANCEL_CYCLE", comment: "lagi" })).toEqual(refusal);
  });

  it("a non-decision step cannot be returned or approved", () => {
    const s = completeUntil(step(fresh(), { type: "START_CYCLE" }), 5);
    const task = openTask(s);
    const refusal = { ok: false, code: "NOT_A_DECISION", message: "Langkah ini bukan keputusan" };
    expect(planTransition(s, { type: "RETURN", taskId: task.id, comment: "kurang" })).toEqual(refusal);
    expect(planTransition(s, { type: "APPROVE", taskId: task.id })).toEqual(refusal);
  });

  it("a decision cannot just be marked complete", () => {
    const s = atDecision();
    expect(planTransition(s, { type: "COMPLETE", taskId: openTask(s).id })).toMatchObject({ ok: false, code: "DECISION_REQUIRED" });
  });

  it("RESUBMIT is only for a returned task, and a returned task is resubmitted, not completed", () => {
    let s = atDecision();
    s = act(s, "RETURN", "Belum lengkap");
    const returned = openTask(s);
    expect(planTransition(s, { type: "COMPLETE", taskId: returned.id })).toMatchObject({ ok: false, code: "RESUBMIT_REQUIRED" });
    s = act(s, "RESUBMIT");
    expect(planTransition(s, { type: "RESUBMIT", taskId: openTask(s).id })).toMatchObject({ ok: false, code: "NOT_RETURNED" });
  });

  it("an unknown task id is refused", () => {
    const s = step(fresh(), { type: "START_CYCLE" });
    expect(planTransition(s, { type: "COMPLETE", taskId: "task-of-another-cycle" })).toMatchObject({ ok: false, code: "TASK_NOT_FOUND" });
  });

  it("a cycle cannot be started twice, and a task event needs a started cycle", () => {
    const s = step(fresh(), { type: "START_CYCLE" });
    expect(planTransition(s, { type: "START_CYCLE" })).toMatchObject({ ok: false, code: "CYCLE_ALREADY_STARTED" });
    expect(planTransition(fresh(), { type: "COMPLETE", taskId: "1.1" })).toMatchObject({ ok: false, code: "CYCLE_NOT_STARTED" });
  });
});

describe("CANCEL_CYCLE", () => {
  it("requires a reason", () => {
    const s = step(fresh(), { type: "START_CYCLE" });
    expect(planTransition(s, { type: "CANCEL_CYCLE", comment: " " })).toEqual({ ok: false, code: "COMMENT_REQUIRED", message: "Alasan pembatalan wajib diisi" });
  });

  it("cancels the open (returned) task and leaves done tasks alone", () => {
    let s = completeUntil(step(fresh(), { type: "START_CYCLE" }), 7);
    s = act(s, "RETURN", "Belum lengkap");
    const plan = expectOk(planTransition(s, { type: "CANCEL_CYCLE", comment: "Diganti siklus baru" }));
    expect(plan.cycleStatus).toBe("CANCELLED");
    expect(plan.changes).toEqual([
      { kind: "CLOSE_TASK", taskId: "4.2", stepNumber: 4, round: 2, from: "RETURNED", to: "CANCELLED", outcome: "CANCELLED", comment: "Diganti siklus baru" },
      { kind: "CYCLE", from: "ACTIVE", to: "CANCELLED" },
    ]);
    const after = applyChanges(s, plan.changes);
    expect(after.tasks.filter((t) => t.status === "DONE")).toHaveLength(7);
  });
});

describe("other SOP shapes", () => {
  it("a straight SOP without decisions (Setwan Balangan, 7 steps) runs to completion", () => {
    const steps: TWorkflowStep[] = Array.from({ length: 7 }, (_, i) => ({ number: i + 1, kind: "PROCESS" as const }));
    let s = step(fresh(steps), { type: "START_CYCLE" });
    for (let i = 0; i < 7; i++) s = act(s, "COMPLETE");
    expect(s.cycleStatus).toBe("COMPLETED");
    expect(s.tasks).toHaveLength(7);
  });

  it("approval goes to the next step by number when the decision has no yes-target, even with gaps", () => {
    const steps: TWorkflowStep[] = [
      { number: 10, kind: "PROCESS" },
      { number: 20, kind: "DECISION", noStepNumber: 10 },
      { number: 30, kind: "PROCESS" },
    ];
    let s = step(fresh(steps), { type: "START_CYCLE" });
    expect(openTask(s).stepNumber).toBe(10);
    s = act(s, "COMPLETE");
    s = act(s, "APPROVE");
    expect(openTask(s)).toMatchObject({ stepNumber: 30, round: 1, status: "ACTIVE" });
  });

  it("a decision as the last step completes the cycle on approval", () => {
    const steps: TWorkflowStep[] = [
      { number: 1, kind: "PROCESS" },
      { number: 2, kind: "DECISION", noStepNumber: 1 },
    ];
    let s = step(fresh(steps), { type: "START_CYCLE" });
    s = act(s, "COMPLETE");
    const plan = expectOk(planTransition(s, { type: "APPROVE", taskId: openTask(s).id }));
    expect(plan.cycleStatus).toBe("COMPLETED");
  });

  it("a return whose target is itself a decision re-opens it for a new decision", () => {
    const steps: TWorkflowStep[] = [
      { number: 1, kind: "PROCESS" },
      { number: 2, kind: "DECISION", noStepNumber: 1 },
      { number: 3, kind: "DECISION", noStepNumber: 2 },
    ];
    let s = completeUntil(step(fresh(steps), { type: "START_CYCLE" }), 2);
    s = act(s, "APPROVE");
    s = act(s, "RETURN", "Periksa ulang");
    expect(openTask(s)).toMatchObject({ stepNumber: 2, round: 2, status: "RETURNED" });
    expect(availableTaskEvents("DECISION", "RETURNED")).toEqual(["APPROVE", "RETURN"]);
    s = act(s, "APPROVE");
    expect(openTask(s)).toMatchObject({ stepNumber: 3, round: 2, status: "ACTIVE" });
  });

  it('a "Tidak" to a later step is a branch, opened ACTIVE rather than RETURNED', () => {
    const steps: TWorkflowStep[] = [
      { number: 1, kind: "DECISION", yesStepNumber: 2, noStepNumber: 3 },
      { number: 2, kind: "PROCESS" },
      { number: 3, kind: "PROCESS" },
    ];
    let s = step(fresh(steps), { type: "START_CYCLE" });
    s = act(s, "RETURN", "Tidak perlu revisi data");
    expect(openTask(s)).toMatchObject({ stepNumber: 3, round: 1, status: "ACTIVE" });
  });
});

describe("step definitions", () => {
  it("accepts the Sumatera Barat SOP", () => {
    expect(validateWorkflowSteps(SUMBAR_STEPS)).toBeNull();
  });

  it.each([
    ["no steps", [], "belum ada langkah"],
    ["duplicate number", [{ number: 1, kind: "PROCESS" }, { number: 1, kind: "PROCESS" }], "langkah 1 tercantum lebih dari sekali"],
    ["zero step number", [{ number: 0, kind: "PROCESS" }], "nomor langkah 0"],
    ["decision without a no-target", [{ number: 1, kind: "PROCESS" }, { number: 2, kind: "DECISION" }], 'tidak memiliki tujuan "Tidak"'],
    ["target that does not exist", [{ number: 1, kind: "PROCESS" }, { number: 2, kind: "DECISION", noStepNumber: 9 }], "langkah 9 yang tidak ada"],
    ["decision pointing to itself", [{ number: 1, kind: "DECISION", noStepNumber: 1 }], "dirinya sendiri"],
    ["process with a branch", [{ number: 1, kind: "PROCESS", noStepNumber: 2 }, { number: 2, kind: "PROCESS" }], "bukan keputusan"],
  ] as [string, TWorkflowStep[], string][])("refuses %s", (_name, steps, fragment) => {
    expect(validateWorkflowSteps(steps)).toContain(fragment);
    expect(planTransition(fresh(steps), { type: "START_CYCLE" })).toMatchObject({ ok: false, code: "INVALID_DEFINITION" });
  });

  it("still lets a cycle with a broken definition be cancelled", () => {
    const s: TWorkflowState = { cycleStatus: "ACTIVE", steps: [], tasks: [{ id: "x", stepNumber: 1, round: 1, status: "ACTIVE" }] };
    expect(planTransition(s, { type: "CANCEL_CYCLE", comment: "SOP dihapus" })).toMatchObject({ ok: true, cycleStatus: "CANCELLED" });
  });
});

describe("TRANSITIONS table", () => {
  it("has no duplicate (from, event, kind) rows", () => {
    const keys = TRANSITIONS.flatMap((t) => t.stepKinds.map((k) => `${t.from}|${t.event}|${k}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("requires a comment exactly for returning and cancelling", () => {
    for (const t of TRANSITIONS) expect(t.requiresComment).toBe(t.event === "RETURN" || t.event === "CANCEL_CYCLE");
  });

  it("is what planTransition enforces for every status x event x step kind", () => {
    const events: TTaskEventType[] = ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"];
    for (const kind of WORKFLOW_STEP_KINDS) {
      for (const status of TASK_STATUSES) {
        for (const type of events) {
          const steps: TWorkflowStep[] = [
            { number: 1, kind: "PROCESS" },
            kind === "DECISION" ? { number: 2, kind, noStepNumber: 1 } : { number: 2, kind },
            { number: 3, kind: "PROCESS" },
          ];
          const state: TWorkflowState = {
            cycleStatus: "ACTIVE",
            steps,
            tasks: [
              { id: "1.1", stepNumber: 1, round: 1, status: "DONE" },
              { id: "2.1", stepNumber: 2, round: 1, status },
            ],
          };
          const plan = planTransition(state, { type, taskId: "2.1", comment: "alasan" });
          const row = findTransition(status, type, kind);
          expect({ kind, status, type, ok: plan.ok }).toEqual({ kind, status, type, ok: row !== undefined });
          if (plan.ok) expect(plan.transition).toBe(row);
        }
      }
    }
  });

  it("offers the executor the buttons the table allows", () => {
    expect(availableTaskEvents("PROCESS", "ACTIVE")).toEqual(["COMPLETE"]);
    expect(availableTaskEvents("PROCESS", "RETURNED")).toEqual(["RESUBMIT"]);
    expect(availableTaskEvents("DECISION", "ACTIVE")).toEqual(["APPROVE", "RETURN"]);
    expect(availableTaskEvents("PROCESS", "DONE")).toEqual([]);
    expect(availableTaskEvents("DECISION", "CANCELLED")).toEqual([]);
  });
});
