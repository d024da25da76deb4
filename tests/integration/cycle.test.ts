/**
 * Measurement cycles end to end on a real database: the Sumatera Barat SOP
 * (Dinas BMCKTR, 9 steps, step 7 the Kepala Dinas's decision that returns to
 * step 4) run by one member per role, with what those members would notice:
 * who gets the task, what must be filled in, what is refused (and that a
 * refusal changes nothing), the audit trail, notifications, concurrent clicks,
 * SOP versions and due times.
 */
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { ZCancelCycle, ZStartCycle, ZTaskAction, type TStartCycle, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, cancelCycle, startCycle, type CycleActor } from "@/lib/cycle/service";
import { ZAgencyHoliday, ZSetOfficeHours } from "@/lib/calendar/schemas";
import { addAgencyHoliday, setOfficeHours } from "@/lib/calendar/service";
import { isLate } from "@/lib/cycle/working-time";
import { db } from "@/lib/db/client";
import { isoDateIn } from "@/lib/format";
import type { User } from "@/lib/generated/prisma/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createNewVersion, createSop, updateSopDraft } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgency, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type RoleCode = (typeof ROLE_CODES)[number];
type Work = Omit<TTaskAction, "cycleId" | "taskId" | "event">;
type Event = TTaskAction["event"];

const RETURN_REASON = "Data dukung Bidang Jalan belum dilampirkan; lengkapi realisasi TW I.";

const sopStep = (n: number) => SOP.steps.find((s) => s.number === n)!;
const executorOf = (n: number) => sopStep(n).executorRoleCode as RoleCode;

/** A Date from a local WIB (UTC+7) wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);

// ---------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------

/**
 * An agency with BMCKTR's roles (Kepala Dinas is the head) plus ADMIN, one
 * member per role, and the seed SOP created by ADMIN and activated by KADIS.
 */
async function setupAgency() {
  const agency = await createAgencyLike(SUMBAR);
  const users = {} as Record<RoleCode, User>;
  for (const code of ROLE_CODES) {
    const role = agency.roles.find((r) => r.code === code)!;
    users[code] = await createUser({ name: `${role.name} ${agency.slug}` });
    await addMembership(users[code].id, agency, code);
  }
  /** The CycleActor of a user acting under the given role(s), roleIds from the agency's roles. */
  const ctxFor = (user: User, roleCode: string | string[], now?: Date): CycleActor => cycleActorOf(user, agency, [roleCode].flat(), now);
  /** The member holding `code`, acting under it. */
  const as = (code: RoleCode, now?: Date) => ctxFor(users[code], code, now);
  const sopCtx = (code: RoleCode) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  return { agency, users, sopId, ctxFor, as, sopCtx };
}
type World = Awaited<ReturnType<typeof setupAgency>>;

/** The work a step's executor records, as the task form sends it: just what the step's kind requires. */
/** The archive step's record of the e-SAKIP upload: today (the acts without a clock run at the real time). */
const ESAKIP_UPLOAD = { esakipUploadedAt: isoDateIn(new Date(), "WIB"), esakipReference: "ESR-2026-TW1-001" };

function workFor(stepNumber: number): Work {
  const step = sopStep(stepNumber);
  const work: Work = {};
  if (step.output.trim()) work.outputText = `${step.output}: terlampir (langkah ${stepNumber})`;
  if (step.kind === "DISPOSITION") work.outputText = "Nota: Sekretaris agar melaksanakan pengukuran kinerja Triwulan I.";
  if (step.kind === "MEETING") {
    work.outputText = "Notulen rapat arahan pengukuran kinerja.";
    work.attendees = ["Sekretaris", "Ketua Tim SAKIP", "Anggota Tim SAKIP"];
    work.decisions = "Format realisasi disiapkan Tim SAKIP paling lambat besok.";
  }
  if (step.kind === "INPUT") {
    work.checklist = step.kelengkapan
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (step.kind === "ARCHIVE") Object.assign(work, ESAKIP_UPLOAD);
  return work;
}

function start(world: World, period: TStartCycle["period"] = "TW1", ctx: CycleActor = world.as("KADIS"), sopId = world.sopId) {
  return startCycle(ZStartCycle.parse({ sopId, year: 2025, period }), ctx);
}

async function openTasks(cycleId: string) {
  return db.cycleTask.findMany({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
}

async function theOpenTask(cycleId: string) {
  const open = await openTasks(cycleId);
  expect(open).toHaveLength(1);
  return open[0]!;
}

/** The natural event for an open task: decide "Ya" on decisions, resubmit a returned step, else complete. */
function defaultEvent(task: { stepNumber: number; status: string }): Event {
  if (["REVIEW", "APPROVAL"].includes(sopStep(task.stepNumber).kind)) return "APPROVE";
  return task.status === "RETURNED" ? "RESUBMIT" : "COMPLETE";
}

/** The open task's executor acts on it (parsed by ZTaskAction, as the server action does). */
async function act(
  world: World,
  cycleId: string,
  options: { event?: Event; ctx?: CycleActor; work?: Work; comment?: string; now?: Date; taskId?: string } = {},
) {
  const task = options.taskId ? await db.cycleTask.findUniqueOrThrow({ where: { id: options.taskId } }) : await theOpenTask(cycleId);
  const event = options.event ?? defaultEvent(task);
  const work = options.work ?? (event === "COMPLETE" || event === "RESUBMIT" ? workFor(task.stepNumber) : {});
  const input = ZTaskAction.parse({ cycleId, taskId: task.id, event, ...work, ...(options.comment !== undefined ? { comment: options.comment } : {}) });
  return actOnTask(input, options.ctx ?? world.as(executorOf(task.stepNumber), options.now));
}

/** Each open step is done by its executor until step `until` is open (or, without it, the cycle completes). */
async function advance(world: World, cycleId: string, until?: number) {
  for (let guard = 0; guard < 30; guard++) {
    const open = await openTasks(cycleId);
    if (open.length === 0) {
      if (until !== undefined) throw new Error(`step ${until} never opened`);
      return null;
    }
    const task = open[0]!;
    if (task.stepNumber === until) return task;
    await act(world, cycleId);
  }
  throw new Error("cycle did not progress");
}

/** Everything a refusal must leave untouched. */
async function dbState(cycleId?: string) {
  const [tasks, events, cycles, notifications] = await Promise.all([
    db.cycleTask.count(),
    db.auditEvent.count(),
    db.measurementCycle.count(),
    db.notification.count(),
  ]);
  const cycle = cycleId
    ? await db.measurementCycle.findUnique({
        where: { id: cycleId },
        select: {
          status: true,
          completedAt: true,
          cancelledAt: true,
          tasks: { select: { id: true, status: true, outcome: true, completedAt: true, outputText: true }, orderBy: { id: "asc" } },
        },
      })
    : null;
  return { tasks, events, cycles, notifications, cycle };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to be refused");
}

/** Runs a call that must be refused with the given code and message, and checks nothing changed. */
async function expectRefused(run: () => Promise<unknown>, expected: { code: AppError["code"]; message: string | RegExp }, cycleId?: string) {
  const before = await dbState(cycleId);
  const error = await rejection(run());
  expect(error.code).toBe(expected.code);
  expect(error.message).toMatch(expected.message);
  expect(await dbState(cycleId)).toEqual(before);
  return error;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe("measurement cycle: the Sumatera Barat SOP from start to archive", () => {
  it("runs every step by its own member, with one return from step 7 to step 4, and keeps the whole history", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);

    // 1-6 in order, each by its executor with the required work.
    await advance(w, cycleId, 7);
    // 7: Kepala Dinas sends it back to step 4 with a reason.
    const returned = await act(w, cycleId, { event: "RETURN", comment: `  ${RETURN_REASON}  ` });
    expect(returned).toEqual({ cycleStatus: "ACTIVE", opened: [{ stepNumber: 4, round: 2, status: "RETURNED" }] });
    const task7r1 = await db.cycleTask.findFirstOrThrow({ where: { cycleId, stepNumber: 7, round: 1 } });
    const reopened = await theOpenTask(cycleId);
    expect(reopened).toMatchObject({ stepNumber: 4, round: 2, status: "RETURNED", returnReason: RETURN_REASON, returnedFromTaskId: task7r1.id });
    expect(reopened.assignedRoleId).toBe(w.agency.roles.find((r) => r.code === "SEKRETARIS")!.id);

    // Sekretaris resubmits; 5 and 6 run again (round 2); Kepala Dinas approves; 8 and 9.
    await act(w, cycleId, { event: "RESUBMIT" });
    for (const n of [5, 6]) {
      expect(await theOpenTask(cycleId)).toMatchObject({ stepNumber: n, round: 2, status: "ACTIVE" });
      await act(w, cycleId);
    }
    expect(await theOpenTask(cycleId)).toMatchObject({ stepNumber: 7, round: 2, status: "ACTIVE" });
    expect(await act(w, cycleId, { event: "APPROVE" })).toEqual({ cycleStatus: "ACTIVE", opened: [{ stepNumber: 8, round: 1, status: "ACTIVE" }] });
    await act(w, cycleId);
    expect(await theOpenTask(cycleId)).toMatchObject({ stepNumber: 9, round: 1 });
    expect(await act(w, cycleId)).toEqual({ cycleStatus: "COMPLETED", opened: [] });

    // The cycle is completed and archived; every task is done, one row per round.
    const cycle = await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId }, include: { tasks: true } });
    expect(cycle.status).toBe("COMPLETED");
    expect(cycle.completedAt).toBeInstanceOf(Date);
    expect(cycle.sopId).toBe(w.sopId);
    expect(cycle.startedById).toBe(w.users.KADIS.id);
    const tasks = cycle.tasks;
    expect(tasks.map((t) => `${t.stepNumber}.${t.round}`).sort()).toEqual(
      ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "7.1", "4.2", "5.2", "6.2", "7.2", "8.1", "9.1"].sort(),
    );
    expect(tasks.every((t) => t.status === "DONE")).toBe(true);
    const byKey = new Map(tasks.map((t) => [`${t.stepNumber}.${t.round}`, t]));
    for (const t of tasks) expect(t.completedById, `step ${t.stepNumber}.${t.round}`).toBe(w.users[executorOf(t.stepNumber)].id);
    expect(byKey.get("7.1")).toMatchObject({ outcome: "RETURNED", comment: RETURN_REASON });
    expect(byKey.get("7.2")).toMatchObject({ outcome: "APPROVED" });
    expect(byKey.get("4.1")).toMatchObject({ outcome: "COMPLETED", outputText: workFor(4).outputText, returnReason: null });
    expect(byKey.get("4.1")!.data).toMatchObject({ checklist: [sopStep(4).kelengkapan] });
    expect(byKey.get("4.2")).toMatchObject({ outcome: "RESUBMITTED", returnReason: RETURN_REASON });
    expect(byKey.get("2.1")!.data).toMatchObject({ attendees: workFor(2).attendees, decisions: workFor(2).decisions });
    expect(byKey.get("1.1")!.outputText).toBe(workFor(1).outputText);

    // The audit trail: one event per transition, by the member who made it.
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: { startsWith: "cycle." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["cycle.start", "cycle.complete"]);
    expect(events[0]).toMatchObject({ entityId: cycleId, actorId: w.users.KADIS.id });
    expect(events[0]!.data).toMatchObject({ sopId: w.sopId, nomor: SOP.nomor, version: 1, year: 2025, period: "TW1" });
    const taskEvents = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, entityType: "CycleTask" }, orderBy: { id: "asc" } });
    expect(taskEvents.map((e) => `${e.action} ${(e.data as { stepNumber: number }).stepNumber}`)).toEqual([
      "task.complete 1",
      "task.complete 2",
      "task.complete 3",
      "task.complete 4",
      "task.complete 5",
      "task.complete 6",
      "task.return 7",
      "task.resubmit 4",
      "task.complete 5",
      "task.complete 6",
      "task.approve 7",
      "task.complete 8",
      "task.complete 9",
    ]);
    for (const e of taskEvents) {
      const task = tasks.find((t) => t.id === e.entityId)!;
      expect(e.actorId).toBe(task.completedById);
      expect(e.data).toMatchObject({ cycleId, stepNumber: task.stepNumber, round: task.round });
    }
    const returnEvent = taskEvents.find((e) => e.action === "task.return")!;
    expect(returnEvent.entityId).toBe(task7r1.id);
    expect(returnEvent.data).toMatchObject({
      comment: RETURN_REASON,
      status: { before: "ACTIVE", after: "DONE" },
      opened: [{ stepNumber: 4, round: 2, status: "RETURNED" }],
    });
    expect(returnEvent.actorSnapshot).toMatchObject({ name: w.users.KADIS.name, nip: w.users.KADIS.nip, roles: ["KADIS"] });

    // Notifications: the members of each newly active step's role, a RETURNED one with the reason.
    const notifications = await db.notification.findMany({ where: { cycleId } });
    expect(notifications).toHaveLength(tasks.length);
    for (const t of tasks) {
      const forTask = notifications.filter((n) => n.taskId === t.id);
      const isReturn = t.stepNumber === 4 && t.round === 2;
      expect(forTask, `notifications of step ${t.stepNumber}.${t.round}`).toEqual([
        expect.objectContaining({ userId: w.users[executorOf(t.stepNumber)].id, kind: isReturn ? "RETURNED" : "NEW_TASK", agencyId: w.agency.id }),
      ]);
    }
    const returnNote = notifications.find((n) => n.kind === "RETURNED")!;
    // Every notification names the cycle and its period.
    expect(returnNote.title).toBe("Dikembalikan untuk perbaikan: langkah 4 (150/SOP-BMCKTR/2024 Pengukuran Kinerja · Triwulan I 2025)");
    expect(returnNote.body).toBe(RETURN_REASON);
    expect(notifications.find((n) => n.taskId === byKey.get("9.1")!.id)!.title).toMatch(/^Tugas baru: langkah 9\. Subbag Perencanaan mengunggah/);
    // The participant role (Bidang) and the administrator are not assignees: no notifications.
    expect(await db.notification.count({ where: { userId: { in: [w.users.BIDANG.id, w.users.ADMIN.id] } } })).toBe(0);
  });
});

describe("measurement cycle: refusals change nothing", () => {
  it("refuses a member without the step's role, naming the role", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    const step4 = await advance(w, cycleId, 4);
    // Bidang takes part in step 4, but Sekretaris executes it.
    await expectRefused(() => act(w, cycleId, { ctx: w.as("BIDANG") }), { code: "FORBIDDEN", message: "Tugas ini milik peran Sekretaris." }, cycleId);
    // The administrator manages cycles but does not do a step's work.
    await expectRefused(() => act(w, cycleId, { ctx: w.as("ADMIN") }), { code: "FORBIDDEN", message: /peran Sekretaris/ }, cycleId);
    expect((await db.cycleTask.findUniqueOrThrow({ where: { id: step4!.id } })).status).toBe("ACTIVE");
  });

  it("requires a reason to return, and the step's output, checklist, minutes or disposition to complete", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    await expectRefused(() => act(w, cycleId, { work: {} }), { code: "INVALID", message: "Tulis isi disposisi/nota untuk peran berikutnya." }, cycleId);
    await act(w, cycleId);
    const meeting = { outputText: "Notulen", attendees: ["Sekretaris"] };
    await expectRefused(() => act(w, cycleId, { work: meeting }), { code: "INVALID", message: "Isi notulen, daftar hadir, dan keputusan rapat." }, cycleId);
    await act(w, cycleId);
    await expectRefused(
      () => act(w, cycleId, { work: { outputText: "   " } }),
      { code: "INVALID", message: "Output langkah ini wajib diisi: Format Realisasi Rencana Aksi Akuntabilitas Kinerja." },
      cycleId,
    );
    await act(w, cycleId);
    // Step 4 (INPUT): every kelengkapan line checked, and the output.
    await expectRefused(
      () => act(w, cycleId, { work: { outputText: "Draf realisasi" } }),
      { code: "INVALID", message: "Centang semua kelengkapan sebelum menyelesaikan langkah ini." },
      cycleId,
    );
    const step4 = await expectRefused(
      () => act(w, cycleId, { work: { checklist: workFor(4).checklist } }),
      { code: "INVALID", message: /Output langkah ini wajib diisi: 1\. Draf Realisasi/ },
      cycleId,
    );
    expect(step4.fieldErrors).toHaveProperty("outputText");
    // APPROVE on a step that is not a decision.
    await expectRefused(() => act(w, cycleId, { event: "APPROVE" }), { code: "INVALID", message: "Langkah ini bukan keputusan" }, cycleId);
    await expectRefused(() => act(w, cycleId, { event: "RETURN", comment: "x" }), { code: "INVALID", message: "Langkah ini bukan keputusan" }, cycleId);
    await advance(w, cycleId, 7);
    // A decision is not "completed": Ya or Tidak.
    await expectRefused(() => act(w, cycleId, { event: "COMPLETE", work: workFor(7) }), { code: "INVALID", message: /pilih Ya \(setujui\) atau Tidak/ }, cycleId);
    // RETURN without a reason (blank after trimming).
    for (const comment of [undefined, "   "]) {
      const error = await expectRefused(
        () => act(w, cycleId, { event: "RETURN", ...(comment === undefined ? {} : { comment }) }),
        { code: "INVALID", message: "Alasan pengembalian wajib diisi" },
        cycleId,
      );
      expect(error.fieldErrors).toEqual({ comment: ["Alasan pengembalian wajib diisi"] });
    }
    expect(await theOpenTask(cycleId)).toMatchObject({ stepNumber: 7, round: 1, status: "ACTIVE" });
  });

  it("refuses acting on a task that was already handled", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    const step1 = await theOpenTask(cycleId);
    await act(w, cycleId);
    for (const event of ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"] as const) {
      await expectRefused(
        () => act(w, cycleId, { taskId: step1.id, event, comment: "alasan" }),
        { code: "CONFLICT", message: /sudah ditangani/ },
        cycleId,
      );
    }
    expect(await theOpenTask(cycleId)).toMatchObject({ stepNumber: 2, status: "ACTIVE" });
  });

  it("refuses any action on a completed cycle", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    const step9 = await advance(w, cycleId, 9);
    await act(w, cycleId);
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe("COMPLETED");
    for (const event of ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"] as const) {
      await expectRefused(
        () => act(w, cycleId, { taskId: step9!.id, event, comment: "alasan" }),
        { code: "INVALID", message: "Siklus ini sudah selesai dan tidak dapat diubah" },
        cycleId,
      );
    }
    await expectRefused(
      () => cancelCycle(ZCancelCycle.parse({ cycleId, reason: "Salah periode" }), w.as("ADMIN")),
      { code: "INVALID", message: "Siklus ini sudah selesai dan tidak dapat diubah" },
      cycleId,
    );
    // A completed cycle still holds its period.
    await expectRefused(() => start(w), { code: "INVALID", message: "Siklus Triwulan I 2025 untuk SOP ini sudah ada." });
  });

  it("cancels only with a reason; a cancelled cycle refuses actions and frees its period", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    await act(w, cycleId);
    const step2 = await theOpenTask(cycleId);

    // A second cycle for the same SOP and period is refused while the first lives.
    await expectRefused(() => start(w), { code: "INVALID", message: "Siklus Triwulan I 2025 untuk SOP ini sudah ada." });
    await expectRefused(() => start(w, "TW1", w.as("ADMIN")), { code: "INVALID", message: /sudah ada/ });

    const blank = ZCancelCycle.safeParse({ cycleId, reason: "   " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.message).toBe("Alasan pembatalan wajib diisi.");
    await expectRefused(
      () => cancelCycle({ cycleId, reason: "" }, w.as("ADMIN")),
      { code: "INVALID", message: "Alasan pembatalan wajib diisi" },
      cycleId,
    );

    await cancelCycle(ZCancelCycle.parse({ cycleId, reason: "  Dimulai dengan periode yang salah.  " }), w.as("KADIS"));
    const cancelled = await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId }, include: { tasks: true } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Dimulai dengan periode yang salah." });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled.tasks.find((t) => t.id === step2.id)).toMatchObject({ status: "CANCELLED", outcome: "CANCELLED", completedById: w.users.KADIS.id });
    expect(cancelled.tasks.find((t) => t.stepNumber === 1)).toMatchObject({ status: "DONE", outcome: "COMPLETED" });
    const cancelEvent = await db.auditEvent.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.cancel" } });
    expect(cancelEvent.data).toMatchObject({ reason: "Dimulai dengan periode yang salah.", status: { before: "ACTIVE", after: "CANCELLED" } });

    for (const event of ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"] as const) {
      await expectRefused(
        () => act(w, cycleId, { taskId: step2.id, event, comment: "alasan" }),
        { code: "INVALID", message: "Siklus ini sudah dibatalkan dan tidak dapat diubah" },
        cycleId,
      );
    }
    await expectRefused(
      () => cancelCycle(ZCancelCycle.parse({ cycleId, reason: "lagi" }), w.as("ADMIN")),
      { code: "INVALID", message: "Siklus ini sudah dibatalkan dan tidak dapat diubah" },
      cycleId,
    );

    // The period is free again after the cancellation.
    const restarted = await start(w);
    expect(restarted.id).not.toBe(cycleId);
    expect(await theOpenTask(restarted.id)).toMatchObject({ stepNumber: 1, round: 1, status: "ACTIVE" });
    expect(await db.measurementCycle.count({ where: { agencyId: w.agency.id, year: 2025, period: "TW1" } })).toBe(2);
  });

  it("lets only step 1's executor or the administrator start a cycle", async () => {
    const w = await setupAgency();
    // Former holders of the role (deactivated, or whose term ended) are not notified.
    const former = await createUser();
    await addMembership(former.id, w.agency, "KADIS", { active: false });
    const expired = await createUser();
    await addMembership(expired.id, w.agency, "KADIS", { validUntil: new Date(Date.now() - 86_400_000) });
    for (const code of ["SEKRETARIS", "TIM_SAKIP", "BIDANG"] as const) {
      await expectRefused(() => start(w, "TW2", w.as(code)), {
        code: "FORBIDDEN",
        message: "Siklus hanya dapat dimulai oleh Kepala Dinas (pelaksana langkah 1) atau administrator instansi.",
      });
    }
    const { id } = await start(w, "TW2", w.as("ADMIN"));
    const cycle = await db.measurementCycle.findUniqueOrThrow({ where: { id }, include: { tasks: true } });
    expect(cycle).toMatchObject({ status: "ACTIVE", startedById: w.users.ADMIN.id, period: "TW2", year: 2025 });
    // Step 1 still goes to its executor, the Kepala Dinas.
    expect(cycle.tasks).toEqual([expect.objectContaining({ stepNumber: 1, round: 1, status: "ACTIVE" })]);
    expect(await db.notification.findMany({ where: { cycleId: id }, select: { userId: true, kind: true } })).toEqual([
      { userId: w.users.KADIS.id, kind: "NEW_TASK" },
    ]);
    // A draft SOP cannot be started.
    const { id: draftId } = await createSop({ ...SOP, nomor: `${SOP.nomor}/DRAF` }, w.sopCtx("ADMIN"));
    await expectRefused(() => start(w, "TW1", w.as("KADIS"), draftId), {
      code: "INVALID",
      message: "Siklus hanya dapat dimulai dari SOP yang sedang berlaku.",
    });
  });

  it("does not find a cycle, task or SOP of another agency", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    const task = await theOpenTask(cycleId);
    const other = await createAgency(["KADIS"]);
    const stranger = await createUser();
    await addMembership(stranger.id, other, "KADIS");
    await addMembership(stranger.id, other, "ADMIN");
    // Holding a role with the same code in another agency grants nothing here.
    const strangerCtx = cycleActorOf(stranger, other, ["KADIS", "ADMIN"]);
    const input = ZTaskAction.parse({ cycleId, taskId: task.id, event: "COMPLETE", ...workFor(1) });
    await expectRefused(() => actOnTask(input, strangerCtx), { code: "NOT_FOUND", message: "Siklus tidak ditemukan." }, cycleId);
    await expectRefused(
      () => cancelCycle(ZCancelCycle.parse({ cycleId, reason: "iseng" }), strangerCtx),
      { code: "NOT_FOUND", message: "Siklus tidak ditemukan." },
      cycleId,
    );
    await expectRefused(() => start(w, "TW2", strangerCtx), { code: "NOT_FOUND", message: "SOP tidak ditemukan." });
    // Own cycle, but a task id of another cycle.
    const { id: otherCycleId } = await start(w, "TW2");
    await expectRefused(
      () => actOnTask({ ...input, cycleId: otherCycleId }, w.as("KADIS")),
      { code: "NOT_FOUND", message: "Tugas tidak ditemukan." },
      otherCycleId,
    );
    expect((await db.cycleTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("ACTIVE");
  });
});

describe("measurement cycle: maker/checker", () => {
  it("a member who did reviewed work cannot decide on it, unless the agency allows self-approval", async () => {
    const w = await setupAgency();
    const dual = await createUser({ name: "Sekretaris merangkap Plt. Kepala Dinas" });
    await addMembership(dual.id, w.agency, "SEKRETARIS");
    await addMembership(dual.id, w.agency, "KADIS");
    const dualCtx = w.ctxFor(dual, ["SEKRETARIS", "KADIS"]);

    const { id: cycleId } = await start(w, "TW1", dualCtx);
    await act(w, cycleId, { ctx: dualCtx }); // step 1, outside the reviewed steps (4-6)
    await act(w, cycleId); // 2 by the other Sekretaris
    await act(w, cycleId); // 3 Tim SAKIP
    await act(w, cycleId, { ctx: dualCtx }); // 4: the reviewed work
    await act(w, cycleId); // 5
    await act(w, cycleId); // 6 by the other Sekretaris
    const step7 = await theOpenTask(cycleId);
    expect(step7.stepNumber).toBe(7);

    const own = "Anda ikut mengerjakan langkah yang sedang diperiksa, sehingga tidak dapat memberi keputusan atas pekerjaan sendiri.";
    await expectRefused(() => act(w, cycleId, { ctx: dualCtx, event: "APPROVE" }), { code: "FORBIDDEN", message: own }, cycleId);
    await expectRefused(() => act(w, cycleId, { ctx: dualCtx, event: "RETURN", comment: "kurang" }), { code: "FORBIDDEN", message: own }, cycleId);

    await db.agency.update({ where: { id: w.agency.id }, data: { settings: { allowSelfApproval: true } } });
    expect(await act(w, cycleId, { ctx: dualCtx, event: "APPROVE" })).toMatchObject({ opened: [{ stepNumber: 8, round: 1, status: "ACTIVE" }] });
    const decided = await db.cycleTask.findUniqueOrThrow({ where: { id: step7.id } });
    expect(decided).toMatchObject({ status: "DONE", outcome: "APPROVED", completedById: dual.id });
    await db.agency.update({ where: { id: w.agency.id }, data: { settings: {} } });

    // Work outside the reviewed steps (step 1) does not disqualify the decider.
    const { id: second } = await start(w, "TW2", dualCtx);
    await act(w, second, { ctx: dualCtx });
    await advance(w, second, 7);
    expect(await act(w, second, { ctx: dualCtx, event: "APPROVE" })).toMatchObject({ opened: [{ stepNumber: 8 }] });
  });
});

describe("measurement cycle: concurrency", () => {
  it("fifty simultaneous approvals: exactly one wins, the rest are told it was already handled", async () => {
    const w = await setupAgency();
    const { id: cycleId } = await start(w);
    const step7 = (await advance(w, cycleId, 7))!;
    const input = ZTaskAction.parse({ cycleId, taskId: step7.id, event: "APPROVE" });
    const eventsBefore = await db.auditEvent.count();

    const results = await Promise.allSettled(Array.from({ length: 50 }, () => actOnTask(input, w.as("KADIS"))));

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe("CONFLICT");
      expect((r.reason as AppError).message).toMatch(/^Tugas ini sudah ditangani\.?$/);
    }
    expect(await db.auditEvent.count({ where: { action: "task.approve", entityId: step7.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(eventsBefore + 1);
    const step8 = await db.cycleTask.findMany({ where: { cycleId, stepNumber: 8 } });
    expect(step8).toHaveLength(1);
    expect(step8[0]).toMatchObject({ round: 1, status: "ACTIVE" });
    expect(await openTasks(cycleId)).toHaveLength(1);
    expect(await db.notification.count({ where: { taskId: step8[0]!.id } })).toBe(1);
    expect(await db.cycleTask.findUniqueOrThrow({ where: { id: step7.id } })).toMatchObject({ status: "DONE", outcome: "APPROVED" });
  });

  it("two simultaneous starts for the same period create exactly one cycle", async () => {
    const w = await setupAgency();
    const results = await Promise.allSettled([start(w, "TW3", w.as("KADIS")), start(w, "TW3", w.as("ADMIN"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure!.reason).toBeInstanceOf(AppError);
    expect((failure!.reason as AppError).message).toBe("Siklus Triwulan III 2025 untuk SOP ini sudah ada.");
    expect(await db.measurementCycle.count({ where: { agencyId: w.agency.id } })).toBe(1);
    expect(await db.cycleTask.count({ where: { agencyId: w.agency.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { agencyId: w.agency.id, action: "cycle.start" } })).toBe(1);
  });
});

describe("measurement cycle: SOP versions", () => {
  it("a running cycle stays on the version it started with; new cycles take the new version", async () => {
    const w = await setupAgency();
    const v1 = w.sopId;
    const { id: cycleId } = await start(w);
    await advance(w, cycleId, 3);

    // Revise: step 4 now takes 3 working days instead of 2; Kepala Dinas activates version 2.
    const { id: v2, existing } = await createNewVersion(v1, w.sopCtx("ADMIN"));
    expect(existing).toBe(false);
    const revised = { ...SOP, steps: SOP.steps.map((s) => (s.number === 4 ? { ...s, waktuJumlah: 3 } : s)) };
    await updateSopDraft(v2, revised, w.sopCtx("ADMIN"));
    await activateSop(v2, w.sopCtx("KADIS"));
    const versions = await db.sop.findMany({ where: { id: { in: [v1, v2] } }, select: { id: true, version: true, status: true } });
    expect(versions.sort((a, b) => a.version - b.version)).toEqual([
      { id: v1, version: 1, status: "SUPERSEDED" },
      { id: v2, version: 2, status: "ACTIVE" },
    ]);
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId } })).sopId).toBe(v1);

    // Step 4 opens from version 1: 2 working days (Friday 10:00 -> Tuesday 10:00 WIB), not 3.
    const friday = wib("2025-01-10T10:00:00");
    await act(w, cycleId, { now: friday });
    const step4 = await theOpenTask(cycleId);
    expect(step4.dueAt).toEqual(wib("2025-01-14T10:00:00"));
    const v1Steps = new Set((await db.sopStep.findMany({ where: { sopId: v1 }, select: { id: true } })).map((s) => s.id));
    expect(v1Steps.has(step4.stepId)).toBe(true);
    await advance(w, cycleId);
    const done = await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId }, include: { tasks: true } });
    expect(done.status).toBe("COMPLETED");
    expect(done.sopId).toBe(v1);
    expect(done.tasks.every((t) => v1Steps.has(t.stepId))).toBe(true);

    // The superseded version cannot be started; the series still holds TW I; TW II pins version 2.
    await expectRefused(() => start(w, "TW2", w.as("KADIS"), v1), { code: "INVALID", message: "Siklus hanya dapat dimulai dari SOP yang sedang berlaku." });
    await expectRefused(() => start(w, "TW1", w.as("KADIS"), v2), { code: "INVALID", message: "Siklus Triwulan I 2025 untuk SOP ini sudah ada." });
    const { id: next } = await start(w, "TW2", w.as("KADIS"), v2);
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: next } })).sopId).toBe(v2);
    await advance(w, next, 3);
    await act(w, next, { now: friday });
    const nextStep4 = await theOpenTask(next);
    expect(nextStep4.dueAt).toEqual(wib("2025-01-15T10:00:00"));
    expect((await db.sopStep.findUniqueOrThrow({ where: { id: nextStep4.stepId } })).sopId).toBe(v2);
  });
});

describe("measurement cycle: due times", () => {
  it("takes each step's time standard from when it opens: minutes and hours elapsed, days as working days (WIB)", async () => {
    const w = await setupAgency();
    const thursday = wib("2025-01-09T08:00:00");
    const { id: cycleId } = await start(w, "TW1", w.as("KADIS", thursday));
    const step1 = await theOpenTask(cycleId);
    expect(step1.startedAt).toEqual(thursday);
    expect(step1.dueAt).toEqual(wib("2025-01-09T08:10:00")); // "10 menit"
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId } })).startedAt).toEqual(thursday);

    await act(w, cycleId, { now: wib("2025-01-09T08:05:00") });
    expect((await theOpenTask(cycleId)).dueAt).toEqual(wib("2025-01-09T10:05:00")); // "2 Jam"
    await act(w, cycleId, { now: wib("2025-01-09T13:00:00") });
    expect((await theOpenTask(cycleId)).dueAt).toEqual(wib("2025-01-09T14:00:00")); // "1 Jam"

    // Step 4 ("2 Hari") opens on Friday 10:00 WIB: due the next Tuesday at 10:00 WIB.
    const friday = wib("2025-01-10T10:00:00");
    expect(friday.getUTCDay()).toBe(5);
    await act(w, cycleId, { now: friday });
    const step4 = await theOpenTask(cycleId);
    expect(step4).toMatchObject({ stepNumber: 4, startedAt: friday });
    expect(step4.dueAt.toISOString()).toBe("2025-01-14T03:00:00.000Z");
    // Overdue is the caller's reading of dueAt.
    expect(isLate(step4.dueAt, wib("2025-01-13T16:00:00"))).toBe(false);
    expect(isLate(step4.dueAt, wib("2025-01-14T10:01:00"))).toBe(true);
    // The step's completion keeps its own clock.
    await act(w, cycleId, { now: wib("2025-01-14T09:00:00") });
    const done4 = await db.cycleTask.findUniqueOrThrow({ where: { id: step4.id } });
    expect(done4.completedAt).toEqual(wib("2025-01-14T09:00:00"));
    expect(isLate(done4.dueAt, done4.completedAt!)).toBe(false);
  });

  it("counts minutes in office hours and days in working days of the agency's calendar: national holidays, cuti bersama, its own holidays and office hours", async () => {
    const w = await setupAgency();
    // "10 menit" started Friday 16:25 WIB: 5 minutes before closing, 5 after Monday's opening.
    const { id: cycleId } = await start(w, "TW1", w.as("KADIS", wib("2026-03-06T16:25:00")));
    expect((await theOpenTask(cycleId)).dueAt).toEqual(wib("2026-03-09T07:35:00"));
    await act(w, cycleId, { now: wib("2026-03-09T08:00:00") });
    await act(w, cycleId, { now: wib("2026-03-09T09:00:00") });
    // Step 4 ("2 Hari") opens Tuesday 17 March 2026, the working day before Nyepi and the Idul Fitri
    // cuti bersama (18-24 March, shipped in the migration): due Thursday 26 March at the same time.
    await act(w, cycleId, { now: wib("2026-03-17T10:00:00") });
    const step4 = await theOpenTask(cycleId);
    expect(step4.stepNumber).toBe(4);
    expect(step4.dueAt).toEqual(wib("2026-03-26T10:00:00"));

    // The agency adds its own holiday and changes its office hours: tasks opened from then on follow them.
    const admin = { agencyId: w.agency.id, actor: actorOf(w.users.ADMIN, ["ADMIN"]), meta: null };
    await addAgencyHoliday(ZAgencyHoliday.parse({ date: "2026-04-06", name: "Hari Jadi Kota" }), admin);
    const days = Array.from({ length: 7 }, (_, i) => ({ open: i < 5, start: "08:00", end: "16:00", breakStart: "", breakEnd: "" }));
    await setOfficeHours(ZSetOfficeHours.parse({ days }), admin);
    const { id: next } = await start(w, "TW2", w.as("KADIS", wib("2026-04-02T15:55:00")));
    // Thursday 15:55 + 10 menit: 5 minutes Thursday; Friday 3 April is Good Friday (national), Monday 6 April
    // the agency's own holiday; Tuesday opens at 08:00 now.
    expect((await theOpenTask(next)).dueAt).toEqual(wib("2026-04-07T08:05:00"));
    // Another agency does not get that holiday.
    const other = await setupAgency();
    const { id: third } = await start(other, "TW2", other.as("KADIS", wib("2026-04-02T15:55:00")));
    expect((await theOpenTask(third)).dueAt).toEqual(wib("2026-04-06T07:35:00"));
    // Bad office hours are refused in Indonesian, nothing changed.
    expect(() => ZSetOfficeHours.parse({ days: days.map((d) => ({ ...d, end: "07:00" })) })).toThrow("Senin: jam tutup harus setelah jam buka.");
  });
});

describe("measurement cycle: an SOP version's effective date bounds the periods it runs", () => {
  it("refuses a period that ended before the version took effect, unless a reason is given, which is recorded", async () => {
    const world = await setupAgency();
    await db.sop.update({ where: { id: world.sopId }, data: { tanggalEfektif: new Date("2025-05-01T00:00:00Z") } });
    const refused = await start(world, "TW1").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(
      "Triwulan I 2025 berakhir sebelum SOP versi ini berlaku (1 Mei 2025). Periode itu berjalan dengan SOP sebelumnya; jika tetap ingin memakai versi ini, tulis alasannya.",
    );
    expect((refused as AppError).fieldErrors?.overrideReason).toHaveLength(1);
    expect(await db.measurementCycle.count({ where: { agencyId: world.agency.id } })).toBe(0);

    // Triwulan II straddles the effective date: no reason needed.
    const tw2 = await start(world, "TW2");
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: tw2.id } })).startOverrideReason).toBeNull();

    const reason = "Pengukuran susulan Triwulan I atas permintaan Inspektorat";
    const tw1 = await startCycle(ZStartCycle.parse({ sopId: world.sopId, year: 2025, period: "TW1", overrideReason: ` ${reason} ` }), world.as("KADIS"));
    expect((await db.measurementCycle.findUniqueOrThrow({ where: { id: tw1.id } })).startOverrideReason).toBe(reason);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: world.agency.id, action: "cycle.start", entityId: tw1.id } });
    expect(audit.data).toMatchObject({ startOverrideReason: reason, sopEffectiveDay: "2025-05-01" });
  });
});
