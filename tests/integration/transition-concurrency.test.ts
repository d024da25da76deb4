import { describe, expect, inject, it } from "vitest";

import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db, type DbTx } from "@/lib/db/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { activateSop, createSop } from "@/lib/sop/service";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

// Issue 16: one agency's step transition must not wait for another agency's. A
// transition used to upsert the one debounced e-mail job row (graphile-worker job
// key "deliver_emails") inside its transaction, so every transition of every
// agency queued behind the row lock of the one before it until that one
// committed: 30 transitions/s on the benchmark, the server idle 40 % of the time.

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
type Code = (typeof CODES)[number];

async function agencyWithOpenTask() {
  const agency = await createAgencyLike(SUMBAR);
  const users = {} as Record<Code, { id: string; name: string; nip: string }>;
  for (const code of CODES) {
    users[code] = await createUser({ name: `${code} ${agency.slug}` });
    await addMembership(users[code].id, agency, code);
  }
  const sopCtx = (code: Code) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2025, period: "TW1" }), cycleActorOf(users.KADIS, agency, ["KADIS"]));
  const open = await db.cycleTask.findFirstOrThrow({ where: { cycleId, status: "ACTIVE" } });
  const code = SOP.steps.find((s) => s.number === open.stepNumber)!.executorRoleCode as Code;
  return {
    cycleId,
    stepNumber: open.stepNumber,
    act: (tx?: DbTx) =>
      actOnTask(ZTaskAction.parse({ cycleId, taskId: open.id, event: "COMPLETE", outputText: "Nota disposisi." }), cycleActorOf(users[code], agency, [code]), tx),
  };
}

const PGLITE_SKIP = "PGlite serves one query at a time: two transactions never interleave there";

describe("transitions of different agencies", () => {
  it.skipIf(inject("embeddedDatabase"))(`do not wait for each other's commit (${PGLITE_SKIP})`, async () => {
    const first = await agencyWithOpenTask();
    const second = await agencyWithOpenTask();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstApplied!: () => void;
    const applied = new Promise<void>((resolve) => (firstApplied = resolve));
    // The first agency's transition is applied and its transaction held open (a slow request).
    const slow = db.$transaction(
      async (tx) => {
        await first.act(tx as unknown as DbTx);
        firstApplied();
        await held;
      },
      { timeout: 30_000 },
    );
    await applied;
    const outcome = await Promise.race([
      second.act().then(() => "done" as const),
      new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000)),
    ]);
    release();
    await slow;

    expect(outcome).toBe("done");
    for (const { cycleId, stepNumber } of [first, second]) {
      expect(await db.cycleTask.count({ where: { cycleId, stepNumber: stepNumber + 1, status: "ACTIVE" } })).toBe(1);
      // The next step's holders are told (the e-mails follow from these rows: the worker's delivery job reads them).
      expect(await db.notification.count({ where: { cycleId, kind: "NEW_TASK" } })).toBeGreaterThan(0);
    }
  });
});
