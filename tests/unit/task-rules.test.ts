/**
 * The task rules (lib/cycle/task-rules.ts) as pure functions: what a member is
 * offered and what the judgement accepts are one answer, on a walk through the
 * Sumatera Barat SOP with a return; maker/checker goes by user id on the latest
 * round; the INPUT step's checklist gives way to submitted realizations; the
 * action that archives a quarter waits for its realizations to be verified,
 * unless the head archives with a note.
 * tests/integration/cycle-screen-server.test.ts holds the page and the service
 * to the same answer on a real database.
 */
import { describe, expect, it } from "vitest";

import {
  checkWork,
  judgeTaskAction,
  quarterArchivedBy,
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
const NO_PK: TRuleFacts = { allowSelfApproval: false, pendingRealizations: null, archive: null, memberIsHead: false };

function started(): TRuleState {
  return { cycleStatus: "ACTIVE", steps: STEPS, tasks: [{ id: "1.1", stepNumber: 1, round: 1, status: "ACTIVE", assignedRoleId: "kadis", completedById: null }] };
}

const openTask = (s: TRuleState) => s.tasks.find((t) => t.status === "ACTIVE" || t.status === "RETURNED")!;

const ESAKIP = { esakipUploadedAt: "2026-04-10", esakipReference: "ESR-001" };

function workFor(requires: TWorkRequirements): TTaskWork {
  return {
    outputText: requires.outputText ? "isi" : null,
    attendees: requires.attendees ? ["Sekretaris"] : [],
    decisions: requires.decisions ? "keputusan" : null,
    checklist: requires.checklist,
    comment: requires.comment ? "alasan" : null,
    archiveNote: requires.archiveNote ? "catatan" : null,
    esakipUploadedAt: requires.esakipUpload ? "2026-04-10" : null,
    esakipReference: requires.esakipUpload ? "ESR-001" : null,
  };
}
const everything: TTaskWork = { outputText: "isi", attendees: ["A"], decisions: "k", checklist: ["Format realisasi", "Data dukung"], comment: "alasan", archiveNote: "catatan", esakipUploadedAt: "2026-04-10", esakipReference: "ESR-001" };

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
    const waiting = taskOptions(s, openTask(s).id, sekretaris, { ...NO_PK, pendingRealizations: 2 });
    expect(waiting).toMatchObject({ assignee: true, offers: [], refusal: { code: "INVALID", message: "Masih ada 2 indikator yang realisasinya belum dikirim untuk periode ini." } });
    const done = taskOptions(s, openTask(s).id, sekretaris, { ...NO_PK, pendingRealizations: 0 });
    expect(done.offers[0]?.requires).toMatchObject({ checklist: [], dataEntryReplacesChecklist: true });
    expect(judgeTaskAction(s, { taskId: openTask(s).id, event: "COMPLETE", work: { outputText: "isi" } }, sekretaris, { ...NO_PK, pendingRealizations: 0 }).ok).toBe(true);
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
      withheld: [{ event: "COMPLETE", refusal: { code: "FORBIDDEN", message: "Tugas ini milik peran Peran kadis. Anda tidak memegang peran tersebut." } }],
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

describe("task rules: the archive gate", () => {
  // kadis and the Plt. hold the head role; the archive step (8) is subbag's.
  const HEADS = new Set(["u-kadis", "u-plt"]);
  const UNVERIFIED = [
    { code: "A2", name: "Indeks kepuasan", unit: "Bidang Data", status: "SUBMITTED" as const },
    { code: "B1", name: "Persentase layanan", unit: "Sekretariat", status: "RETURNED" as const },
  ];
  const LISTED = "Triwulan I belum dapat diarsipkan karena realisasi berikut belum diverifikasi: Bidang Data: A2 (Dikirim); Sekretariat: B1 (Dikembalikan). Verifikasi atau kembalikan dahulu (Tim SAKIP; realisasi PK unit juga oleh pengelola Perjanjian Kinerja); bila periode harus diarsipkan sekarang, Kepala instansi dapat mengarsipkannya dengan catatan.";
  const factsFor = (member: TRuleMember, unverified = UNVERIFIED): TRuleFacts => ({
    ...NO_PK,
    archive: { period: "TW1", unverified },
    memberIsHead: HEADS.has(member.userId),
  });

  function atArchive() {
    let s = started();
    const by = { 1: kadis, 2: sekretaris, 3: tim, 4: sekretaris, 5: tim, 6: sekretaris } as Record<number, TRuleMember>;
    for (let n = 1; n <= 6; n++) s = act(s, by[n]!, "COMPLETE");
    s = act(s, kadis, "APPROVE");
    return s;
  }

  it("asks the planner which task archives a quarter: the last step of a quarter's cycle, never a yearly one", () => {
    const s = atArchive();
    expect(openTask(s).stepNumber).toBe(8);
    expect(quarterArchivedBy(s, openTask(s).id, "TW3")).toBe(3);
    expect(quarterArchivedBy(s, openTask(s).id, "TAHUNAN")).toBeNull();
    expect(quarterArchivedBy(started(), "1.1", "TW1")).toBeNull();
  });

  it("refuses the step's executor while values are unverified, listing them; a note from them changes nothing", () => {
    const s = atArchive();
    const options = taskOptions(s, openTask(s).id, subbag, factsFor(subbag));
    expect(options).toMatchObject({ assignee: true, offers: [], refusal: { code: "INVALID", message: LISTED, archiveGate: { period: "Triwulan I", unverified: UNVERIFIED } } });
    const withNote = judgeTaskAction(s, { taskId: openTask(s).id, event: "COMPLETE", work: everything }, subbag, factsFor(subbag));
    expect(withNote).toMatchObject({ ok: false, refusal: { code: "INVALID", message: expect.stringMatching(/^Hanya Kepala instansi/) } });
  });

  it("offers the head, who does not hold the step, to archive with a required note; nobody else", () => {
    const s = atArchive();
    const options = taskOptions(s, openTask(s).id, kadis, factsFor(kadis));
    expect(options.assignee).toBe(true);
    expect(options.offers.map((o) => o.event)).toEqual(["COMPLETE"]);
    const requires = options.offers[0]!.requires;
    expect(requires).toMatchObject({ archiveNote: expect.stringMatching(/^Tulis catatan/), archiveGate: { period: "Triwulan I", unverified: UNVERIFIED } });
    // Without the note: why one is needed (the list), and the field.
    expect(checkWork(requires, { outputText: "Arsip", archiveNote: "  ", ...ESAKIP })).toEqual({
      code: "INVALID",
      message: LISTED,
      fieldErrors: { archiveNote: [requires.archiveNote] },
    });
    const verdict = judgeTaskAction(s, { taskId: openTask(s).id, event: "COMPLETE", work: { outputText: "Arsip", archiveNote: "Tim SAKIP diklat.", ...ESAKIP } }, kadis, factsFor(kadis));
    expect(verdict).toMatchObject({ ok: true, plan: { cycleStatus: "COMPLETED" }, archive: { period: "Triwulan I", unverified: UNVERIFIED } });
    // Neither a member without the head role nor one without any role.
    for (const member of [tim, sekretaris, { userId: "u-none", roleIds: [] }]) {
      expect(taskOptions(s, openTask(s).id, member, factsFor(member)), member.userId).toMatchObject({ assignee: false, offers: [], refusal: { code: "FORBIDDEN" } });
    }
  });

  it("once every value is verified, the step is its executor's again, without a note, and the head's takeover is gone", () => {
    const s = atArchive();
    const [offer] = taskOptions(s, openTask(s).id, subbag, factsFor(subbag, [])).offers;
    expect(offer?.requires).toMatchObject({ archiveNote: null, archiveGate: null });
    expect(judgeTaskAction(s, { taskId: openTask(s).id, event: "COMPLETE", work: { outputText: "Arsip", ...ESAKIP } }, subbag, factsFor(subbag, []))).toMatchObject({ ok: true, archive: null });
    // The archive step records the e-SAKIP upload: without its date and reference, nothing is archived.
    expect(offer?.requires.esakipUpload).toBe(true);
    expect(checkWork(offer!.requires, { outputText: "Arsip" })).toEqual({
      code: "INVALID",
      message: "Isi tanggal dokumen diunggah ke aplikasi e-SAKIP.",
      fieldErrors: { esakipUploadedAt: ["Isi tanggal dokumen diunggah ke aplikasi e-SAKIP."], esakipReference: ["Isi nomor referensi atau tanda terima dari aplikasi e-SAKIP."] },
    });
    expect(checkWork(offer!.requires, { outputText: "Arsip", esakipUploadedAt: "2026-04-10", esakipReference: "ab" })?.fieldErrors).toEqual({
      esakipReference: ["Nomor referensi e-SAKIP terlalu pendek (minimal 3 karakter)."],
    });
    expect(taskOptions(s, openTask(s).id, kadis, factsFor(kadis, []))).toMatchObject({ assignee: false, offers: [], refusal: { code: "FORBIDDEN" } });
  });

  it("offers equal judgement for every member and event, with and without unverified values", () => {
    const s = atArchive();
    for (const unverified of [UNVERIFIED, []]) {
      for (const member of MEMBERS) {
        const facts = factsFor(member, unverified);
        const { offers } = taskOptions(s, openTask(s).id, member, facts);
        for (const event of EVENTS) {
          const offer = offers.find((o) => o.event === event);
          const verdict = judgeTaskAction(s, { taskId: openTask(s).id, event, work: offer ? workFor(offer.requires) : everything }, member, facts);
          expect(verdict.ok, `${member.userId} ${event} (${unverified.length} unverified)`).toBe(Boolean(offer));
        }
      }
    }
  });

  it("on a decision that ends the cycle, holds back only \"Ya\" from its executor and offers the head \"Ya\" with a note", () => {
    // 1 (tim) drafts, 2 (sekretaris) approves, and "Ya" ends the cycle; "Tidak" returns to 1.
    const steps: TRuleStep[] = [step(1, "DRAFT", "tim"), step(2, "APPROVAL", "sekretaris", { noStepNumber: 1 })];
    const s: TRuleState = {
      cycleStatus: "ACTIVE",
      steps,
      tasks: [
        { id: "1.1", stepNumber: 1, round: 1, status: "DONE", assignedRoleId: "tim", completedById: "u-tim" },
        { id: "2.1", stepNumber: 2, round: 1, status: "ACTIVE", assignedRoleId: "sekretaris", completedById: null },
      ],
    };
    expect(quarterArchivedBy(s, "2.1", "TW1")).toBe(1);
    const executor = taskOptions(s, "2.1", sekretaris, factsFor(sekretaris));
    expect(executor.offers.map((o) => o.event)).toEqual(["RETURN"]);
    expect(executor.offers[0]!.requires.archiveNote).toBeNull();
    expect(executor.withheld).toEqual([{ event: "APPROVE", refusal: expect.objectContaining({ code: "INVALID", message: LISTED, archiveGate: expect.anything() }) }]);
    const head = taskOptions(s, "2.1", kadis, factsFor(kadis));
    expect(head.offers.map((o) => o.event)).toEqual(["APPROVE"]);
    expect(head.offers[0]!.requires.archiveNote).toMatch(/^Tulis catatan/);
    expect(head.withheld.map((w) => [w.event, w.refusal.code])).toEqual([["RETURN", "FORBIDDEN"]]);
  });
});
