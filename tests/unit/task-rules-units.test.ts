/** Assignment modes in the task rules: a unit's sub-task is its unit's, the start names a unit without a role holder, a joint meeting wants its invitation and a full attendance. */
import { describe, expect, it } from "vitest";

import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import {
  checkWork,
  judgeTaskAction,
  resolveStepUnits,
  startRefusal,
  taskOptions,
  type TRuleFacts,
  type TRuleState,
  type TRuleStep,
} from "@/lib/cycle/task-rules";

const FACTS: TRuleFacts = { allowSelfApproval: false, pendingRealizations: null, archive: null, memberIsHead: false };
const base = { yesStepNumber: null, noStepNumber: null, output: "", kelengkapan: "" };

describe("every-unit sub-tasks", () => {
  const steps: TRuleStep[] = [{ ...base, number: 1, kind: "DRAFT", executorRoleId: "kabid", executorRoleName: "Kepala Bidang", assignment: "EVERY_UNIT", units: ["u1", "u2"] }];
  const state: TRuleState = {
    cycleStatus: "ACTIVE",
    steps,
    tasks: [
      { id: "a", stepNumber: 1, round: 1, status: "ACTIVE", assignedRoleId: "kabid", completedById: null, unitId: "u1", unitName: "Bidang Bina Marga" },
      { id: "b", stepNumber: 1, round: 1, status: "ACTIVE", assignedRoleId: "kabid", completedById: null, unitId: "u2", unitName: "Bidang Cipta Karya" },
    ],
  };
  const kabidU1 = { userId: "k1", roleIds: ["kabid"], roleUnits: [{ roleId: "kabid", unitId: "u1" }] };

  it("is offered to the role holder of its unit only", () => {
    expect(taskOptions(state, "a", kabidU1, FACTS).offers.map((o) => o.event)).toEqual(["COMPLETE"]);
    const other = taskOptions(state, "b", kabidU1, FACTS);
    expect(other.assignee).toBe(false);
    expect(other.refusal?.message).toBe(M.notYourUnitTask("Kepala Bidang", "Bidang Cipta Karya"));
  });

  it("closes one unit's sub-task without moving the flow on", () => {
    const verdict = judgeTaskAction(state, { taskId: "a", event: "COMPLETE", work: {} }, kabidU1, FACTS);
    expect(verdict.ok && verdict.plan.changes).toEqual([expect.objectContaining({ kind: "CLOSE_TASK", taskId: "a" })]);
  });
});

describe("starting a cycle", () => {
  const units = [
    { id: "u1", name: "Bidang Bina Marga", kind: "BIDANG", active: true },
    { id: "u2", name: "Bidang Cipta Karya", kind: "BIDANG", active: true },
    { id: "u3", name: "Bidang Lama", kind: "BIDANG", active: false },
    { id: "s", name: "Sekretariat", kind: "SEKRETARIAT", active: true },
  ];

  it("resolves the active units of the kind, or the chosen list", () => {
    expect(resolveStepUnits({ assignment: "EVERY_UNIT", unitKind: "BIDANG", unitIds: [] }, units)?.map((u) => u.id)).toEqual(["u1", "u2"]);
    expect(resolveStepUnits({ assignment: "EVERY_UNIT", unitKind: null, unitIds: ["s", "u2"] }, units)?.map((u) => u.id)).toEqual(["u2", "s"]);
    expect(resolveStepUnits({ assignment: "SINGLE", unitKind: null, unitIds: [] }, units)).toBeNull();
  });

  it("is refused, naming the unit and the role, when a unit has no holder of the step's role", () => {
    const steps = [{ number: 2, roleId: "kabid", roleName: "Kepala Bidang", units: units.slice(0, 2) }];
    expect(startRefusal(steps, (unit) => unit === "u1")).toBe(M.unitWithoutHolder(2, ["Bidang Cipta Karya"], "Kepala Bidang"));
    expect(M.unitWithoutHolder(2, ["Bidang Cipta Karya"], "Kepala Bidang")).toContain("Bidang Cipta Karya belum memiliki anggota aktif dengan peran Kepala Bidang");
    expect(startRefusal(steps, () => true)).toBeNull();
    expect(startRefusal([{ ...steps[0]!, units: [] }], () => true)).toBe(M.noUnitsForStep(2));
  });
});

describe("joint meeting", () => {
  const meeting: TRuleStep = { ...base, number: 1, kind: "MEETING", executorRoleId: "sek", executorRoleName: "Sekretaris", assignment: "JOINT" };
  const task = { id: "m", stepNumber: 1, round: 1, status: "ACTIVE" as const, assignedRoleId: "sek", completedById: null, invitedAt: null as Date | null };
  const facts: TRuleFacts = { ...FACTS, attendanceList: [{ userId: "k1", name: "Ani" }, { userId: "k2", name: "Budi" }] };
  const sek = { userId: "s", roleIds: ["sek"] };

  it("waits for the invitation", () => {
    const options = taskOptions({ cycleStatus: "ACTIVE", steps: [meeting], tasks: [task] }, "m", sek, facts);
    expect(options.refusal?.message).toBe(M.invitationFirst);
  });

  it("wants every participant ticked, and who represented", () => {
    const state: TRuleState = { cycleStatus: "ACTIVE", steps: [meeting], tasks: [{ ...task, invitedAt: new Date() }] };
    const offer = taskOptions(state, "m", sek, facts).offers[0]!;
    expect(offer.requires.attendees).toBeNull();
    const work = { outputText: "notulen", decisions: "keputusan" };
    expect(checkWork(offer.requires, { ...work, attendance: [{ userId: "k1", status: "ATTENDED" }] })?.fieldErrors?.attendance).toEqual([
      M.attendanceIncomplete(["Budi"]),
    ]);
    expect(
      checkWork(offer.requires, { ...work, attendance: [{ userId: "k1", status: "ATTENDED" }, { userId: "k2", status: "REPRESENTED" }] })?.fieldErrors?.attendance,
    ).toEqual([M.representedByRequired(["Budi"])]);
    expect(
      checkWork(offer.requires, {
        ...work,
        attendance: [
          { userId: "k1", status: "ABSENT" },
          { userId: "k2", status: "REPRESENTED", representedBy: "Citra (Kasi)" },
        ],
      }),
    ).toBeNull();
  });
});
