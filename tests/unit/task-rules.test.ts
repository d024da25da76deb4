/**
 * The task rules (lib/cycle/task-rules.ts) as pure functions: what a member is
 * offered and what the judgement accepts are one answer, on a walk through the
 * Sumatera Barat SOP with a return; maker/checker goes by user id on the latest
 * round; the INPUT step's checklist gives way to submitted realizations.
 * tests/integration/cycle-screen-server.test.ts holds the page and the service
 * to the same answer on a real database.
 */
import { describe, expect, it } from "vitest";

import {
  checkWork,
  judgeTaskAction,
  taskOptions,
  type TRuleFacts,
  type TRuleMember,
  type TRuleState,
  type TRuleStep,
  type TTaskWork,
  type TWorkRequirements,
} from "@/lib/cycle/task-rules";
import { applyChanges, type TTaskEventType } from "@/lib/cycle/workflow";
import type { TStepKind } from "@/lib/sop/schemas";

const step = (number: number, kind: TStepKind, role: string, extra: Partial<TRuleStep> = {}): TRuleStep => ({
  number,
  kind,
  yesStepNumber: null,
  noStepNumber: null,
  output: kind === "INPUT" ? "Draf realisasi" : "",
  kelengkapan: kind === "INPUT" ? "Format realisasi\nData dukung" : "",
  executorRoleId: role,
  executorRoleName: `Peran ${role}`,
  ...extra,
});

/** Sumatera Barat, simplified: 7 (Kepala Dinas) approves to 8 or returns to 4 (Sekretaris' input). */
const STEPS: TRuleStep[] = [
  step(1, "DISPOSITION", "kadis"),
  step(2, "MEETING", "sekretaris"),
  step(3, "DRAFT", "tim"),
  step(4, "INPUT", "sekretaris"),
  step(5, "DRAFT", "tim"),
  step(6, "UPLOAD", "sekretaris"),
  step(7, "APPROVAL", "kadis", { yesStepNumber: 8, noStepNumber: 4 }),
  step(8, "ARCHIVE", "subbag"),
];

const EVENTS: TTaskEventType[] = ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"];
const NO_PK: TRuleFacts = { allowSelfApproval: false, pendingRealizations: null };

function started(): TRuleState {
  return { cycleStatus: "ACTIVE", steps: STEPS, tasks: [{ id: "1.1", stepNumber: 1, round: 1, status: "ACTIVE", assignedRoleId: "kadis", completedById: null }] };
}

const openTask = (s: TRuleState) => s.tasks.find((t) => t.status === "ACTIVE" || t.status === "RETURNED")!;

function workFor(requires: TWorkRequirements): TTaskWork {
  return {
    outputText: requires.outputText ? "isi" : null,
    attendees: requires.attendees ? ["Sekretaris"] : [],
    decisions: requires.decisions ? "keputusan" : null,
    checklist: requires.checklist,
    comment: requires.comment ? "alasan" : null,
  };
}
const everything: TTaskWork = { outputText: "isi", attendees: ["A"], decisions: "k", checklist: ["Format realisasi", "Data dukung"], comment: "alasan" };

/** Acts through the judgement; the applied state records who completed the task. */
function act(s: TRuleState, member: TRuleMember, event: TTaskEventType, facts = NO_PK): TRuleState {
  const task = openTask(s);
  const options = taskOptions(s, task.id, member, facts);
  const offer = options.offers.find((o) => o.event === event);
  if (!offer) throw new Error(`${member.userId} not offered ${event}: ${options.refusal?.message}`);
  const verdict = judgeTaskAction(s, { taskId: task.id, event, work: workFor(offer.requires) }, member, facts);
  if (!verdict.ok) throw new Error(verdict.refusal.message);
  // applyChanges reads the tasks and the cycle's status, not the steps.
  const next = applyChanges({ cycleStatus: s.cycleStatus, steps: [], tasks: s.tasks }, verdict.plan.changes);
  return {
    ...s,
    cycleStatus: next.cycleStatus ?? s.cycleStatus,
    tasks: next.tasks.map((t) => {
      const old = s.tasks.find((o) => o.id === t.id);
      const role = STEPS.find((st) => st.number === t.stepNumber)!.executorRoleId;
      return { assignedRoleId: role, completedById: old?.completedById ?? null, ...old, ...t, ...(t.id === task.id ? { completedById: member.userId } : {}) };
    }),
  };
}

const kadis: TRuleMember = { userId: "u-kadis", roleIds: ["kadis"] };
const sekretaris: TRuleMember = { userId: "u-sek", roleIds: ["sekretaris"] };
const plt: TRuleMember = { userId: "u-plt", roleIds: ["sekretaris", "kadis"] };
const tim: TRuleMember = { userId: "u-tim", roleIds: ["tim"] };
const subbag: TRuleMember = { userId: "u-subbag", roleIds: ["subbag"] };
const MEMBERS = [kadis, sekretaris, plt, tim, subbag, { userId: "u-none", roleIds: [] }];

/** Offered (with its requirements) iff accepted, for every member and event at this state. */
function expectOffersEqualJudgement(s: TRuleState, facts = NO_PK) {
  const task = openTask(s);
  for (const member of MEMBERS) {
    const { offers } = taskOptions(s, task.id, member, facts);
    for (const event of EVENTS) {
      const offer = offers.find((o) => o.event === event);
      const verdict = judgeTaskAction(s, { taskId: task.id, event, work: offer ? workFor(offer.requires) : everything }, member, facts);
      expect(verdict.ok, `${member.userId} ${event} at step ${task.stepNumber}.${task.round}`).toBe(Boolean(offer));
    }
  }
}

describe("task rules: offered equals accepted", () => {
  it("on every state of a cycle with a return, for every member and event", () => {
    let s = started();
    const by = { 1: kadis, 2: sekretaris, 3: tim, 4: plt, 5: tim, 6: sekretaris } as Record<number, TRuleMember>;
    for (let n = 1; n <= 6; n++) {
      expectOffersEqualJudgement(s);
      s = act(s, by[n]!, "COMPLETE");
    }
    expectOffersEqualJudgement(s);
    s = act(s, kadis, "RETURN");
    expectOffersEqualJudgement(s);
    s = act(s, sekretaris, "RESUBMIT");
    s = act(s, tim, "COMPLETE");
    s = act(s, sekretaris, "COMPLETE");
    expectOffersEqualJudgement(s);
    s = act(s, plt, "APPROVE");
    expectOffersEqualJudgement(s);
  });
});

describe("task rules: maker/checker", () => {
  function atDecision(maker: TRuleMember, reviser?: TRuleMember) {
    let s = started();
    s = act(s, kadis, "COMPLETE");
    s = act(s, sekretaris, "COMPLETE");
    s = act(s, tim, "COMPLETE");
    s = act(s, maker, "COMPLETE");
    s = act(s, tim, "COMPLETE");
    s = act(s, sekretaris, "COMPLETE");
    if (!reviser) return s;
    s = act(s, kadis, "RETURN");
    s = act(s, reviser, "RESUBMIT");
    s = act(s, tim, "COMPLETE");
    return act(s, sekretaris, "COMPLETE");
  }

  it("refuses a decision to whoever made the latest round of a reviewed step, by user id", () => {
    const s = atDecision(plt);
    const options = taskOptions(s, openTask(s).id, plt, NO_PK);
    expect(options).toMatchObject({ assignee: true, offers: [], refusal: { code: "FORBIDDEN", message: expect.stringMatching(/pekerjaan sendiri/) } });
    // Another member holding the same roles but a different id is not the maker.
    expect(taskOptions(s, openTask(s).id, { userId: "u-other", roleIds: plt.roleIds }, NO_PK).offers.map((o) => o.event)).toEqual(["APPROVE", "RETURN"]);
    expect(taskOptions(s, openTask(s).id, plt, { ...NO_PK, allowSelfApproval: true }).offers).toHaveLength(2);
  });

  it("lets the maker of an earlier round decide once someone else made the latest one", () => {
    const s = atDecision(plt, sekretaris);
    expect(openTask(s)).toMatchObject({ stepNumber: 7, round: 2 });
    expect(taskOptions(s, openTask(s).id, plt, NO_PK).offers.map((o) => o.event)).toEqual(["APPROVE", "RETURN"]);
    // ...and refuses the one who made the latest round.
    const revisedByPlt = atDecision(sekretaris, plt);
    expect(taskOptions(revisedByPlt, openTask(revisedByPlt).id, plt, NO_PK).offers).toEqual([]);
  });
});

describe("task rules: the INPUT step", () => {
  function atInput() {
    let s = started();
    s = act(s, kadis, "COMPLETE");
    s = act(s, sekretaris, "COMPLETE");
    return act(s, tim, "COMPLETE");
  }

  it("asks for every Kelengkapan line when there is no Perjanjian Kinerja for the period", () => {
    const s = atInput();
    const [offer] = taskOptions(s, openTask(s).id, sekretaris, NO_PK).offers;
    expect(offer?.requires).toMatchObject({ checklist: ["Format realisasi", "Data dukung"], dataEntryReplacesChecklist: false, outputText: expect.stringMatching(/Draf realisasi/) });
    expect(checkWork(offer!.requires, { outputText: "isi", checklist: ["Format realisasi"] })).toMatchObject({
      message: "Centang semua kelengkapan sebelum menyelesaikan langkah ini.",
      fieldErrors: { checklist: ["Centang semua kelengkapan sebelum menyelesaikan langkah ini."] },
    });
  });

  it("waits for realizations still due, then lets them stand in for the checklist", () => {
    const s = atInput();
    const waiting = taskOptions(s, openTask(s).id, sekretaris, { allowSelfApproval: false, pendingRealizations: 2 });
    expect(waiting).toMatchObject({ assignee: true, offers: [], refusal: { code: "INVALID", message: "Masih ada 2 indikator yang realisasinya belum dikirim untuk periode ini." } });
    const done = taskOptions(s, openTask(s).id, sekretaris, { allowSelfApproval: false, pendingRealizations: 0 });
    expect(done.offers[0]?.requires).toMatchObject({ checklist: [], dataEntryReplacesChecklist: true });
    expect(judgeTaskAction(s, { taskId: openTask(s).id, event: "COMPLETE", work: { outputText: "isi" } }, sekretaris, { allowSelfApproval: false, pendingRealizations: 0 }).ok).toBe(true);
  });
});

describe("task rules: who and what", () => {
  it("names the step's role to a member who does not hold it, and is not theirs to show", () => {
    const s = started();
    expect(taskOptions(s, "1.1", tim, NO_PK)).toEqual({
      taskId: "1.1",
      assignee: false,
      offers: [],
      refusal: { code: "FORBIDDEN", message: "Tugas ini milik peran Peran kadis. Anda tidak memegang peran tersebut." },
    });
  });

  it("requires a reason to return and the meeting's three parts, one message for the meeting", () => {
    let s = started();
    s = act(s, kadis, "COMPLETE");
    const [meeting] = taskOptions(s, openTask(s).id, sekretaris, NO_PK).offers;
    expect(checkWork(meeting!.requires, { outputText: "Notulen", attendees: ["Sekretaris"] })).toEqual({
      code: "INVALID",
      message: "Isi notulen, daftar hadir, dan keputusan rapat.",
      fieldErrors: { decisions: ["Keputusan rapat wajib diisi."] },
    });
    for (let n = 2; n <= 6; n++) s = act(s, n === 3 || n === 5 ? tim : sekretaris, "COMPLETE");
    const ret = taskOptions(s, openTask(s).id, kadis, NO_PK).offers.find((o) => o.event === "RETURN")!;
    expect(checkWork(ret.requires, { comment: "   " })).toMatchObject({ message: "Alasan pengembalian wajib diisi", fieldErrors: { comment: ["Alasan pengembalian wajib diisi"] } });
  });

  it("offers nothing on a closed task, and says it was already handled", () => {
    const s = act(started(), kadis, "COMPLETE");
    expect(taskOptions(s, "1.1", kadis, NO_PK)).toMatchObject({ offers: [], refusal: { code: "CONFLICT", message: "Tugas ini sudah ditangani." } });
  });
});
