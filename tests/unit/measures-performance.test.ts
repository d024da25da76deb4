import { describe, expect, it } from "vitest";

import { quarterArchivedBy, type TRuleState } from "@/lib/cycle/task-rules";
import { measuresPerformance } from "@/lib/sop/measures-performance";
import { parseProcedureTable } from "@/lib/sop/paste-import";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { KEPEGAWAIAN, PERIKANAN } from "../fixtures/fresh-agencies";

describe("an SOP measures performance: its own setting, else its steps", () => {
  it("defaults from the steps: a data input step is a Pengukuran Kinerja; an Evaluasi Kinerja Internal has none", () => {
    for (const sop of Object.values(SEED_SOPS)) expect(measuresPerformance(sop), sop.nomor).toBe(true);
    expect(measuresPerformance(parseProcedureTable(PERIKANAN.table, PERIKANAN.roles))).toBe(true);
    expect(measuresPerformance(parseProcedureTable(KEPEGAWAIAN.table, KEPEGAWAIAN.roles))).toBe(false);
  });

  it("the SOP's own setting wins over the default", () => {
    const eki = parseProcedureTable(KEPEGAWAIAN.table, KEPEGAWAIAN.roles);
    expect(measuresPerformance({ ...eki, measuresPerformance: true })).toBe(true);
    expect(measuresPerformance({ ...SEED_SOPS["bmcktr-sumbar"], measuresPerformance: false })).toBe(false);
  });

  it("a cycle of an SOP that does not measure performance archives no quarter", () => {
    const state: TRuleState = {
      cycleStatus: "ACTIVE",
      steps: [
        { number: 1, kind: "DRAFT", yesStepNumber: null, noStepNumber: null, output: "", kelengkapan: "", executorRoleId: "r", executorRoleName: "R" },
        { number: 2, kind: "ARCHIVE", yesStepNumber: null, noStepNumber: null, output: "", kelengkapan: "", executorRoleId: "r", executorRoleName: "R" },
      ],
      tasks: [
        { id: "t1", stepNumber: 1, round: 1, status: "DONE", assignedRoleId: "r", completedById: "u" },
        { id: "t2", stepNumber: 2, round: 1, status: "ACTIVE", assignedRoleId: "r", completedById: null },
      ],
    };
    expect(quarterArchivedBy(state, "t2", "TW1")).toBe(1);
    expect(quarterArchivedBy({ ...state, measuresPerformance: false }, "t2", "TW1")).toBeNull();
  });
});
