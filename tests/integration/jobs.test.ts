/**
 * The job queue's task alerts on a real database (docs/decisions/015-job-queue.md):
 * opening a task queues its reminders, late flag and escalations in the same
 * commit; the worker's jobs deliver each exactly once, name the cycle and its
 * period, reach the unit head and the agency head; a done task settles its
 * notifications (doneAt) and silences the rest.
 */
import { Logger, runOnce } from "graphile-worker";
import { afterEach, describe, expect, inject, it, vi } from "vitest";

import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { runTaskAlert } from "@/lib/jobs/alerts";
import { taskList } from "@/lib/jobs/tasks";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { activateSop, createSop } from "@/lib/sop/service";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const wib = (local: string) => new Date(`${local}+07:00`);

const quiet = new Logger(() => (level, message) => {
  if (level === "error") console.error(message);
});

afterEach(() => {
  vi.useRealTimers();
});

/**
 * BMCKTR's roles and SOP; the Sekretaris works in the Sekretariat, whose head
 * position is held by another official (the Kasubbag Umum acting), so the unit
 * escalation goes to them and the 2x escalation to the Kepala Dinas.
 */
async function world() {
  const agency = await createAgencyLike(SUMBAR);
  const [kadis, sekretaris, admin, acting, tim] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  await addMembership(kadis.id, agency, "KADIS");
  const sekMembership = await addMembership(sekretaris.id, agency, "SEKRETARIS");
  await addMembership(admin.id, agency, "ADMIN");
  await addMembership(tim.id, agency, "TIM_SAKIP");
  await addMembership(acting.id, agency, "SUBBAG_PERENCANAAN");
  const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Sekretariat", kind: "SEKRETARIAT", headUserId: acting.id } });
  await db.membership.update({ where: { id: sekMembership.id }, data: { unitId: unit.id } });
  const { id: sopId } = await createSop(SEED_SOPS["bmcktr-sumbar"], { agencyId: agency.id, actor: actorOf(admin), meta: null });
  await activateSop(sopId, { agencyId: agency.id, actor: actorOf(kadis, ["KADIS"]), meta: null });
  // Monday 9 March 2026, 08:00 WIB: step 1 (10 menit, Kepala Dinas) done at 08:05; step 2 ("2 Jam", Sekretaris) opens.
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2026, period: "TW1" }), cycleActorOf(kadis, agency, ["KADIS"], wib("2026-03-09T08:00:00")));
  const step1 = await db.cycleTask.findFirstOrThrow({ where: { cycleId, stepNumber: 1 } });
  const work = { outputText: "Nota dinas: laksanakan pengukuran kinerja Triwulan I." };
  await actOnTask(ZTaskAction.parse({ cycleId, taskId: step1.id, event: "COMPLETE", ...work }), cycleActorOf(kadis, agency, ["KADIS"], wib("2026-03-09T08:05:00")));
  const step2 = await db.cycleTask.findFirstOrThrow({ where: { cycleId, stepNumber: 2 } });
  return { agency, kadis, sekretaris, acting, cycleId, step2 };
}

async function alertJobs(taskId: string) {
  const rows = await db.$queryRaw<{ key: string; run_at: Date }[]>`
    SELECT key, run_at FROM graphile_worker.jobs WHERE key LIKE ${`alert:${taskId}:%`} ORDER BY run_at, key`;
  return Object.fromEntries(rows.map((r) => [r.key.split(":")[2], r.run_at.toISOString()]));
}

async function notificationsOf(taskId: string) {
  return db.notification.findMany({ where: { taskId }, select: { userId: true, kind: true, title: true, doneAt: true }, orderBy: { createdAt: "asc" } });
}

/** Runs every job due at `at` with two workers at once, on Node's clock set to `at` (as the worker runs it). */
async function runWorkersAt(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    const options = {
      connectionString: process.env.DATABASE_URL!,
      taskList,
      useNodeTime: true,
      // As lib/cli/worker.ts does on the embedded database: its connections share one session.
      noPreparedStatements: inject("embeddedDatabase"),
      logger: quiet,
    } as const;
    await Promise.all([runOnce(options), runOnce(options)]);
  } finally {
    vi.useRealTimers();
  }
}

describe("job queue: task alerts", () => {
  it("queues the step's reminders at 50% and 75% of the standard, the late flag and escalations in office time when the task opens", async () => {
    const w = await world();
    expect(w.step2.dueAt).toEqual(wib("2026-03-09T10:05:00"));
    expect(await alertJobs(w.step2.id)).toEqual({
      DUE_SOON_50: wib("2026-03-09T09:05:00").toISOString(),
      DUE_SOON_75: wib("2026-03-09T09:35:00").toISOString(),
      ESCALATED: wib("2026-03-09T10:05:00").toISOString(),
      LATE: wib("2026-03-09T10:05:00").toISOString(),
      // Two more office hours from 10:05: 115 minutes to the 12:00 break, 5 after 13:00.
      ESCALATED_HEAD: wib("2026-03-09T13:05:00").toISOString(),
    });
  });

  it("delivers a reminder, the late flag and each escalation exactly once, to the right people, naming the cycle and period", async () => {
    const w = await world();
    // Before 50%: nothing yet.
    await runWorkersAt(wib("2026-03-09T09:00:00"));
    expect((await notificationsOf(w.step2.id)).map((n) => n.kind)).toEqual(["NEW_TASK"]);

    await runWorkersAt(wib("2026-03-09T09:06:00"));
    await runWorkersAt(wib("2026-03-09T09:06:30"));
    let got = await notificationsOf(w.step2.id);
    expect(got.filter((n) => n.kind === "DUE_SOON_50")).toEqual([
      expect.objectContaining({ userId: w.sekretaris.id, title: expect.stringContaining("Pengingat: 50% waktu standar langkah 2") }),
    ]);
    expect(got.find((n) => n.kind === "DUE_SOON_50")!.title).toContain("Triwulan I 2026");

    // Past twice the standard: 75%, late, unit head, agency head; each once, even when run again.
    await runWorkersAt(wib("2026-03-09T13:10:00"));
    await runWorkersAt(wib("2026-03-09T13:11:00"));
    got = await notificationsOf(w.step2.id);
    const count = (kind: string) => got.filter((n) => n.kind === kind).map((n) => n.userId);
    expect(count("DUE_SOON_50")).toEqual([w.sekretaris.id]);
    expect(count("DUE_SOON_75")).toEqual([w.sekretaris.id]);
    expect(count("LATE")).toEqual([w.sekretaris.id]);
    expect(count("ESCALATED")).toEqual([w.acting.id]);
    expect(count("ESCALATED_HEAD")).toEqual([w.kadis.id]);
    for (const n of got) expect(n.title).toMatch(/Triwulan I 2026\)$/);
    expect(await db.taskAlert.count({ where: { taskId: w.step2.id } })).toBe(5);
    // A job run again by hand (a retry, a second worker) is a no-op.
    expect(await runTaskAlert(w.step2.id, "LATE", wib("2026-03-09T13:12:00"))).toBe("duplicate");
    expect(await db.notification.count({ where: { taskId: w.step2.id, kind: "LATE" } })).toBe(1);
  });

  it("the same alert run by two workers at once is delivered once", async () => {
    const w = await world();
    const outcomes = await Promise.all([1, 2, 3].map(() => runTaskAlert(w.step2.id, "DUE_SOON_50", wib("2026-03-09T09:06:00")).catch((e: unknown) => e)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(await db.notification.count({ where: { taskId: w.step2.id, kind: "DUE_SOON_50" } })).toBe(1);
  });

  it("escalates to the agency head when the owner's unit has no other head", async () => {
    const w = await world();
    await db.orgUnit.updateMany({ where: { agencyId: w.agency.id }, data: { headUserId: w.sekretaris.id } });
    expect(await runTaskAlert(w.step2.id, "ESCALATED", wib("2026-03-09T10:06:00"))).toBe("sent");
    expect((await notificationsOf(w.step2.id)).filter((n) => n.kind === "ESCALATED").map((n) => n.userId)).toEqual([w.kadis.id]);
  });

  it("a done task settles its notifications (doneAt) and its later alerts send nothing", async () => {
    const w = await world();
    await runWorkersAt(wib("2026-03-09T09:06:00"));
    const sekretaris = cycleActorOf(w.sekretaris, w.agency, ["SEKRETARIS"], wib("2026-03-09T09:30:00"));
    await actOnTask(
      ZTaskAction.parse({
        cycleId: w.cycleId,
        taskId: w.step2.id,
        event: "COMPLETE",
        outputText: "Notulen rapat arahan.",
        attendees: ["Sekretaris", "Ketua Tim SAKIP"],
        decisions: "Tim SAKIP menyiapkan format realisasi.",
      }),
      sekretaris,
    );
    const got = await notificationsOf(w.step2.id);
    expect(got.map((n) => n.kind)).toEqual(["NEW_TASK", "DUE_SOON_50"]);
    expect(got.every((n) => n.doneAt?.getTime() === wib("2026-03-09T09:30:00").getTime())).toBe(true);
    await runWorkersAt(wib("2026-03-09T14:00:00"));
    expect(await db.notification.count({ where: { taskId: w.step2.id } })).toBe(2);
    expect(await runTaskAlert(w.step2.id, "LATE")).toBe("settled");
  });
});
