/**
 * Issue #15 item 2, "Approve a snapshot", on a real database: a decision is taken on a
 * frozen snapshot of what it decides on (the work under review and the period's values,
 * statuses and capaian), identified by the sha256 of its canonical JSON.
 *
 * - Approving records the snapshot (DecisionSnapshot), its hash on the task and in the audit
 *   event; a realization changed afterwards leaves the recorded snapshot and hash as they were.
 * - A decision carrying the hash of a snapshot the data no longer matches is refused with an
 *   Indonesian message and changes nothing; the new snapshot can then be decided on.
 * - Unverified values are counted in the snapshot (the approver's warning); the agency's setting
 *   "Tolak persetujuan bila ada nilai belum terverifikasi" turns the warning into a refusal.
 */
import { describe, expect, it } from "vitest";

import { SNAPSHOT_MESSAGES as S, snapshotApprovalRefusal } from "@/lib/cycle/decision-snapshot-shared";
import { buildDecisionSnapshot, hashSnapshotContent, rehashStoredSnapshot, setApprovalPolicy } from "@/lib/cycle/decision-snapshot";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { summarizeEvent } from "@/lib/audit/labels";
import { db } from "@/lib/db/client";

import { actorOf, cycleActorOf } from "./factories";
import { realizationOf, review, save, setup, SOP, YEAR, type RoleCode, type World } from "./performance-world";

/** The work each step kind of the Sumatera Barat SOP asks for. */
const work = (stepNumber: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> => {
  const step = SOP.steps.find((s) => s.number === stepNumber)!;
  const w: Omit<TTaskAction, "cycleId" | "taskId" | "event"> = {};
  if (step.output.trim()) w.outputText = `${step.output}: terlampir (langkah ${stepNumber})`;
  if (step.kind === "DISPOSITION") w.outputText = "Nota: laksanakan pengukuran kinerja Triwulan I.";
  if (step.kind === "MEETING") Object.assign(w, { outputText: "Notulen rapat.", attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Isi realisasi." });
  return w;
};

/** TW I with every value submitted and only A1 verified, run up to step 7 (APPROVAL, Kepala Dinas). */
async function atApproval(w: World) {
  const ctxFor = (code: RoleCode) => cycleActorOf(w.users[code], w.agency, [code]);
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW1" }), ctxFor("KADIS"));
  const openTask = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
  await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80", submit: true });
  await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6", submit: true });
  await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true });
  await save(w, "BIDANG_B", { indicatorId: w.ind.B2, value: "2", submit: true });
  await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
  for (let task = await openTask(); task.stepNumber < 7; task = await openTask()) {
    const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
    await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event: "COMPLETE", ...work(task.stepNumber) }), ctxFor(step.executorRoleCode as RoleCode));
  }
  const decision = await openTask();
  expect(SOP.steps.find((s) => s.number === decision.stepNumber)!.kind).toBe("APPROVAL");
  const decide = (event: "APPROVE" | "RETURN", extra: Partial<TTaskAction> = {}) =>
    actOnTask(ZTaskAction.parse({ cycleId, taskId: decision.id, event, ...extra }), ctxFor("KADIS"));
  const current = async () => (await buildDecisionSnapshot(db, w.agency.id, cycleId, decision.id))!;
  /** Everything a refused decision must leave as it was. */
  const state = async () => {
    const [task, tasks, snapshots, events] = await Promise.all([
      db.cycleTask.findUniqueOrThrow({ where: { id: decision.id }, select: { status: true, outcome: true, decisionSnapshotHash: true } }),
      db.cycleTask.count({ where: { cycleId } }),
      db.decisionSnapshot.count({ where: { cycleId } }),
      db.auditEvent.count({ where: { agencyId: w.agency.id } }),
    ]);
    return { task, tasks, snapshots, events };
  };
  return { cycleId, decision, decide, current, state };
}

// Each test runs a cycle through six steps first: minutes on a loaded machine.
const SLOW = { timeout: 180_000 };

describe("a decision is taken on a frozen snapshot", SLOW, () => {
  it("records the snapshot it approved; a realization changed afterwards leaves it as approved", async () => {
    const w = await setup();
    const c = await atApproval(w);
    const shown = await c.current();

    // What the Kepala Dinas is shown: step 6's output, the four values with their statuses and capaian.
    expect(shown.content.work.map((x) => [x.stepNumber, x.outputText])).toEqual([[6, `${SOP.steps[5]!.output}: terlampir (langkah 6)`]]);
    expect(shown.content.performance?.indicators.map((i) => [i.code, i.value, i.status])).toEqual([
      ["A1", "80", "VERIFIED"],
      ["A2", "6", "SUBMITTED"],
      ["B1", "85", "SUBMITTED"],
      ["B2", "2", "SUBMITTED"],
    ]);
    expect(shown.content.performance?.indicators.find((i) => i.code === "A1")?.capaian).toBe("100,00%");
    expect(shown.hash).toBe(hashSnapshotContent(shown.content));
    // The same data, the same hash.
    expect((await c.current()).hash).toBe(shown.hash);

    await c.decide("APPROVE", { snapshotHash: shown.hash });

    const task = await db.cycleTask.findUniqueOrThrow({ where: { id: c.decision.id } });
    expect(task).toMatchObject({ status: "DONE", outcome: "APPROVED", decisionSnapshotHash: shown.hash });
    const stored = await db.decisionSnapshot.findUniqueOrThrow({ where: { taskId: c.decision.id } });
    expect(stored).toMatchObject({ hash: shown.hash, outcome: "APPROVED", unverified: 3, decidedById: w.users.KADIS.id, agencyId: w.agency.id });
    expect(rehashStoredSnapshot(stored.content)).toBe(shown.hash);
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "task.approve", entityId: c.decision.id } });
    expect(event.data).toMatchObject({ snapshotHash: shown.hash, snapshotUnverified: 3 });

    // After the approval, Tim SAKIP returns B1 and the Bidang sends another value.
    expect(await review(w, { realizationId: (await realizationOf(w.ind.B1))!.id, decision: "RETURN", reason: "Lampirkan hasil survei." })).toMatchObject({ ok: true });
    expect(await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "88", submit: true })).toMatchObject({ ok: true });
    expect((await realizationOf(w.ind.B1))!.value!.toString()).toBe("88");

    // The data now gives another snapshot; the approved one is untouched.
    expect((await c.current()).hash).not.toBe(shown.hash);
    const after = await db.decisionSnapshot.findUniqueOrThrow({ where: { taskId: c.decision.id } });
    expect(after).toEqual(stored);
    expect(after.hash).toBe((await db.cycleTask.findUniqueOrThrow({ where: { id: c.decision.id } })).decisionSnapshotHash);
    expect(rehashStoredSnapshot(after.content)).toBe(shown.hash);
    expect(JSON.parse(after.content).performance.indicators.find((i: { code: string }) => i.code === "B1")).toMatchObject({ value: "85", status: "SUBMITTED" });
  });

  it("refuses a pending decision whose snapshot went stale, changing nothing; the new snapshot can be decided on", async () => {
    const w = await setup();
    const c = await atApproval(w);
    const shown = await c.current();
    // While the decision is pending, Tim SAKIP verifies A2.
    expect(await review(w, { realizationId: (await realizationOf(w.ind.A2))!.id, decision: "VERIFY" })).toMatchObject({ ok: true });

    const before = await c.state();
    const refused = c.decide("APPROVE", { snapshotHash: shown.hash });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: S.stale(shown.hash), fieldErrors: { snapshotHash: [S.stale(shown.hash)] } });
    expect(S.stale(shown.hash)).toMatch(/^Data berubah sejak Anda membuka halaman ini/);
    // A return on the stale snapshot is refused the same way.
    await expect(c.decide("RETURN", { snapshotHash: shown.hash, comment: "Perbaiki." })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await c.state()).toEqual(before);
    expect(before.task).toMatchObject({ status: "ACTIVE", decisionSnapshotHash: null });

    // The page shows the new snapshot (A2 now verified); deciding on it is recorded with its hash.
    const fresh = await c.current();
    expect(fresh.hash).not.toBe(shown.hash);
    expect(fresh.content.performance?.unverified).toBe(2);
    await c.decide("APPROVE", { snapshotHash: fresh.hash });
    expect((await db.cycleTask.findUniqueOrThrow({ where: { id: c.decision.id } })).decisionSnapshotHash).toBe(fresh.hash);
  });

  it("refuses a snapshot code that is not a sha256", () => {
    expect(ZTaskAction.safeParse({ cycleId: "c", taskId: "t", event: "APPROVE", snapshotHash: "abc" }).success).toBe(false);
  });
});

describe("unverified values in the snapshot", SLOW, () => {
  it("warns with the count by default and records it; a return records its snapshot too", async () => {
    const w = await setup();
    const c = await atApproval(w);
    const shown = await c.current();
    expect(shown.content.performance?.unverified).toBe(3);
    expect(S.unverified(3)).toBe("3 nilai belum diverifikasi");
    expect(snapshotApprovalRefusal(shown.content, await w.settings())).toBeNull();

    await c.decide("RETURN", { snapshotHash: shown.hash, comment: "Nilai A2, B1, B2 belum diverifikasi." });
    expect(await db.decisionSnapshot.findUniqueOrThrow({ where: { taskId: c.decision.id } })).toMatchObject({ outcome: "RETURNED", hash: shown.hash, unverified: 3 });
  });

  it("refuses the approval when the agency's setting says so, changing nothing; approves once every value is verified", async () => {
    const w = await setup();
    const capaianBefore = (await w.settings()).capaian;
    await setApprovalPolicy({ blockUnverifiedApproval: true }, { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null });
    // The other settings stay; the change is audited.
    expect(await w.settings()).toMatchObject({ blockUnverifiedApproval: true, capaian: capaianBefore });
    const set = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "agency.approval_policy_set" } });
    expect(set.data).toEqual({ blockUnverifiedApproval: { before: false, after: true } });
    const c = await atApproval(w);
    const shown = await c.current();
    expect(snapshotApprovalRefusal(shown.content, await w.settings())).toBe(S.blocked(3));

    const before = await c.state();
    await expect(c.decide("APPROVE", { snapshotHash: shown.hash })).rejects.toMatchObject({ code: "INVALID", message: S.blocked(3) });
    // Without a snapshot code (a script, not the page), the setting holds all the same.
    await expect(c.decide("APPROVE")).rejects.toMatchObject({ code: "INVALID", message: S.blocked(3) });
    expect(await c.state()).toEqual(before);

    for (const code of ["A2", "B1", "B2"] as const) {
      expect(await review(w, { realizationId: (await realizationOf(w.ind[code]))!.id, decision: "VERIFY" }), code).toMatchObject({ ok: true });
    }
    const verified = await c.current();
    expect(verified.content.performance?.unverified).toBe(0);
    await c.decide("APPROVE", { snapshotHash: verified.hash });
    expect(await db.decisionSnapshot.findUniqueOrThrow({ where: { taskId: c.decision.id } })).toMatchObject({ outcome: "APPROVED", hash: verified.hash, unverified: 0 });
  });

  it("names the snapshot and its unverified values in the approval's audit summary", async () => {
    const w = await setup();
    const c = await atApproval(w);
    const shown = await c.current();
    await c.decide("APPROVE", { snapshotHash: shown.hash, comment: "Lanjutkan." });
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "task.approve", entityId: c.decision.id } });
    expect(summarizeEvent(event)).toBe(`Langkah 7 putaran 1 disetujui atas snapshot ${shown.hash.slice(0, 12)} (3 nilai belum diverifikasi): Lanjutkan.`);
  });
});
