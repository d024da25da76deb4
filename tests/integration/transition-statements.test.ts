import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";

import { loadAgencyContext } from "@/lib/authz/context";
import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db, type DbTx } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import { activateSop, createSop } from "@/lib/sop/service";

import { actorOf, addMembership, createAgencyLike, createUser, cycleActorOf } from "./factories";

// Issue 16 item 4: a transition in few round trips. Counts the statements one
// transition sends inside its transaction (a client of its own that logs them).

const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
const SOP = SEED_SOPS["bmcktr-sumbar"];
const CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;

const statements: string[] = [];
const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
logged.$on("query", (e) => statements.push(e.query));
afterAll(() => logged.$disconnect());

describe("transition round trips", () => {
  it("applies a step transition (close, open the next task with its alerts and notifications, audit) in a handful of statements", async () => {
    const agency = await createAgencyLike(SUMBAR);
    const users = {} as Record<(typeof CODES)[number], { id: string; name: string; nip: string }>;
    for (const code of CODES) {
      users[code] = await createUser({ name: `${code} ${agency.slug}` });
      await addMembership(users[code].id, agency, code);
    }
    const sopCtx = (code: (typeof CODES)[number]) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
    const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
    await activateSop(sopId, sopCtx("KADIS"));
    const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId, year: 2025, period: "TW1" }), cycleActorOf(users.KADIS, agency, ["KADIS"]));
    const open = await db.cycleTask.findFirstOrThrow({ where: { cycleId, status: "ACTIVE" } });
    const step = SOP.steps.find((s) => s.number === open.stepNumber)!;
    const input = ZTaskAction.parse({ cycleId, taskId: open.id, event: "COMPLETE", outputText: "Nota disposisi." });
    statements.length = 0;
    await logged.$transaction((tx) => actOnTask(input, cycleActorOf(users[step.executorRoleCode as (typeof CODES)[number]], agency, [step.executorRoleCode]), tx as unknown as DbTx));
    const sent = statements.filter((s) => !/^(BEGIN|COMMIT)/i.test(s.trim()));
    console.info(`statements per transition (step ${open.stepNumber} COMPLETE): ${sent.length}\n  ${sent.map((s) => s.replace(/\s+/g, " ").slice(0, 140)).join("\n  ")}`);
    expect(await db.cycleTask.count({ where: { cycleId, stepNumber: open.stepNumber + 1, status: "ACTIVE" } })).toBe(1);
    // A service called outside a request reads the actor's role units itself (3 statements, decision 049).
    expect(sent.length).toBeLessThanOrEqual(11);

    // Through the action, the actor's roles and their units come from the request's agency context
    // (lib/cycle/actions.ts): the transition reads no holdings of the actor (decision 049).
    // The same step of another cycle.
    const { id: cycleId2 } = await startCycle(ZStartCycle.parse({ sopId, year: 2025, period: "TW2" }), cycleActorOf(users.KADIS, agency, ["KADIS"]));
    const next = await db.cycleTask.findFirstOrThrow({ where: { cycleId: cycleId2, status: "ACTIVE" } });
    const nextCode = step.executorRoleCode as (typeof CODES)[number];
    const loaded = await loadAgencyContext(users[nextCode].id, agency.slug);
    expect(loaded).not.toBeNull();
    const ctx = { ...cycleActorOf(users[nextCode], agency, [nextCode]), roleUnits: loaded!.roles.map((r) => ({ roleId: r.id, unitId: r.unitId })) };
    statements.length = 0;
    await logged.$transaction((tx) => actOnTask(ZTaskAction.parse({ cycleId: cycleId2, taskId: next.id, event: "COMPLETE", outputText: "Nota disposisi." }), ctx, tx as unknown as DbTx));
    const viaAction = statements.filter((s) => !/^(BEGIN|COMMIT)/i.test(s.trim()));
    console.info(`statements per transition (step ${next.stepNumber} COMPLETE, the action's context): ${viaAction.length}\n  ${viaAction.map((s) => s.replace(/\s+/g, " ").slice(0, 140)).join("\n  ")}`);
    expect(await db.cycleTask.count({ where: { cycleId: cycleId2, stepNumber: next.stepNumber + 1, status: "ACTIVE" } })).toBe(1);
    // Lock (with the holidays), cycle, close, open, its holders, notification, jobs, audit.
    expect(viaAction.length).toBeLessThanOrEqual(8);
  });
});
