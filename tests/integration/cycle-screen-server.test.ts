/**
 * The cycle page offers exactly what the server accepts. A fresh agency with
 * roles nobody seeded runs the Sumatera Barat SOP (mapped onto its own roles)
 * through every step, a return from the decision and the revision; at every
 * state, for every member (one per role, the administrator, the auditor, and a
 * Plt. who holds two roles and made part of the reviewed work), the actions the
 * page's data function offers are compared with what the server does when
 * actually called through the same door, in a transaction that is rolled back:
 * - an offered action with exactly the work it says it requires is accepted;
 * - leaving out any one of those requirements is refused (nothing is required
 *   on the screen that the server does not require);
 * - an action not offered is refused even with every field filled in.
 * The archive gate is part of it: at the archive step of a quarter whose
 * realization is not verified, the step's executor is refused with the list,
 * the head (who does not hold the step) is offered to archive with a note and
 * refused without one, everyone else gets nothing; once verified, the step is
 * its executor's again and the head's takeover is gone.
 */
import { describe, expect, it } from "vitest";

import { buildAgencyContext, loadAgencyContext, type AgencyContext, type SessionUser } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import { loadCyclePage } from "@/lib/cycle/queries";
import { ZStartCycle, ZTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle, type CycleActor } from "@/lib/cycle/service";
import { kelengkapanItems, type TTaskOffer, type TTaskWork, type TWorkRequirements } from "@/lib/cycle/task-rules";
import type { TTaskEventType } from "@/lib/cycle/workflow";
import { db } from "@/lib/db/client";
import { isoDateIn, type TAgencyTimeZone } from "@/lib/format";
import type { User } from "@/lib/generated/prisma/client";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { createUser } from "./factories";

const SOP = SEED_SOPS["bmcktr-sumbar"];
const YEAR = 2031;
const EVENTS: TTaskEventType[] = ["COMPLETE", "APPROVE", "RETURN", "RESUBMIT"];

/** The agency's own roles (nobody seeded them), and the seed SOP's executor each stands in for. */
const ROLES = [
  { code: "KEPALA_BADAN", name: "Kepala Badan", isHead: true, sop: "KADIS" },
  { code: "SEKBAN", name: "Sekretaris Badan", isHead: false, sop: "SEKRETARIS" },
  { code: "KABID_DATA", name: "Kepala Bidang Data", isHead: false, sop: "BIDANG" },
  { code: "TIM_EVALUASI", name: "Tim Evaluasi Kinerja", isHead: false, sop: "TIM_SAKIP" },
  { code: "SUBBAG_PROGRAM", name: "Subbagian Program", isHead: false, sop: "SUBBAG_PERENCANAAN" },
] as const;
type RoleCode = (typeof ROLES)[number]["code"] | "ADMIN" | "AUDITOR";
const ownCode = (sopCode: string) => ROLES.find((r) => r.sop === sopCode)!.code;

type Member = { label: string; user: User; codes: RoleCode[] };

async function setup() {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const government = await db.government.create({ data: { level: "KOTA", name: `Kota Uji ${id}` } });
  const agency = await db.agency.create({
    data: {
      slug: `badan-uji-${id}`,
      name: `Badan Uji ${id}`,
      governmentId: government.id,
      timeZone: "WITA",
      roles: {
        create: [...ROLES.map((r, i) => ({ code: r.code, name: r.name, isHead: r.isHead, sortOrder: i })), { code: "ADMIN", name: "Administrator", sortOrder: 90 }, { code: "AUDITOR", name: "Auditor Inspektorat", sortOrder: 91 }],
      },
    },
    include: { roles: true },
  });
  const roleId = (code: RoleCode) => agency.roles.find((r) => r.code === code)!.id;
  const member = async (label: string, codes: RoleCode[]): Promise<Member> => {
    const user = await createUser({ name: `${label} ${id}` });
    await db.membership.createMany({ data: codes.map((code) => ({ userId: user.id, agencyId: agency.id, roleId: roleId(code) })) });
    return { label, user, codes };
  };
  const members: Member[] = [];
  for (const r of ROLES) members.push(await member(r.name, [r.code]));
  members.push(await member("Administrator", ["ADMIN"]));
  members.push(await member("Auditor", ["AUDITOR"]));
  // Plt. Kepala Badan who is also a Sekretaris Badan: a maker of step 4's work and a decider of step 7.
  members.push(await member("Plt. Kepala Badan merangkap Sekretaris", ["SEKBAN", "KEPALA_BADAN"]));
  const by = (label: string) => members.find((m) => m.label === label)!;

  // The seed SOP, written for this agency's roles.
  const sop = {
    ...SOP,
    steps: SOP.steps.map((s) => ({ ...s, executorRoleCode: ownCode(s.executorRoleCode), participantRoleCodes: s.participantRoleCodes.map(ownCode) })),
  };
  const sopActor = (m: Member) => ({ agencyId: agency.id, actor: { id: m.user.id, name: m.user.name, nip: m.user.nip, roles: m.codes }, meta: null });
  const { id: sopId } = await createSop(sop, sopActor(by("Administrator")));
  await activateSop(sopId, sopActor(by("Kepala Badan")));

  // A Perjanjian Kinerja for YEAR with one indicator: TW I's INPUT step waits for its realization.
  const unit = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Data" } });
  const agreement = await db.performanceAgreement.create({
    data: { agencyId: agency.id, year: YEAR, firstPartyName: "Kepala", firstPartyJabatan: "Kepala Badan", secondPartyName: "Wali Kota", secondPartyJabatan: "Wali Kota" },
  });
  const goal = await db.strategicGoal.create({ data: { agencyId: agency.id, agreementId: agreement.id, code: "S1", name: "Sasaran" } });
  const indicator = await db.indicator.create({ data: { agencyId: agency.id, goalId: goal.id, code: "I1", name: "Indikator", unit: "%", orgUnitId: unit.id, targetValue: "80" } });
  const submitRealization = (quarter = 1) =>
    db.realization.create({ data: { agencyId: agency.id, indicatorId: indicator.id, year: YEAR, quarter, value: "81", status: "SUBMITTED", submittedAt: new Date() } });
  const verifyRealization = (quarter: number) =>
    db.realization.updateMany({ where: { indicatorId: indicator.id, year: YEAR, quarter }, data: { status: "VERIFIED", verifiedAt: new Date() } });

  return { agency, members, by, sopId, submitRealization, verifyRealization };
}
type World = Awaited<ReturnType<typeof setup>>;

/** The door, as a page or a server action of this member resolves it. */
async function doorOf(w: World, m: Member): Promise<AgencyContext> {
  const user: SessionUser = { id: m.user.id, nip: m.user.nip, name: m.user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  const loaded = await loadAgencyContext(m.user.id, w.agency.slug);
  if (!loaded) throw new Error(`${m.label} is not a member`);
  return buildAgencyContext(user, loaded);
}

/** What taskAction (lib/cycle/actions.ts) hands the service. */
function cycleActorOf(ctx: AgencyContext): CycleActor {
  return {
    agencyId: ctx.agency.id,
    actor: { id: ctx.user.id, name: ctx.user.name, nip: ctx.user.nip, roles: ctx.roleCodes },
    roleIds: ctx.roles.map((r) => r.id),
    roleCodes: ctx.roleCodes,
    meta: null,
  };
}

/** What the cycle page offers this member for the open task (its data function, lib/cycle/queries.ts). */
async function pageOffers(ctx: AgencyContext, cycleId: string): Promise<TTaskOffer[]> {
  return (await pageOptions(ctx, cycleId))?.offers ?? [];
}

async function pageOptions(ctx: AgencyContext, cycleId: string) {
  return (await loadCyclePage(ctx, cycleId))?.options ?? null;
}

class Rollback extends Error {}

/** Whether the server action accepts: the door's permission, then the service, in a transaction rolled back. */
async function serverAccepts(ctx: AgencyContext, cycleId: string, taskId: string, event: TTaskEventType, work: TTaskWork): Promise<boolean | string> {
  if (!ctx.can("cycle.act")) return false;
  const input = ZTaskAction.parse({ cycleId, taskId, event, ...work });
  try {
    await db.$transaction(async (tx) => {
      await actOnTask(input, cycleActorOf(ctx), tx);
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return true;
    if (error instanceof AppError) return false;
    throw error;
  }
  throw new Error("unreachable");
}

/** Exactly the work an offer says it requires. */
function workFor(requires: TWorkRequirements, timeZone: TAgencyTimeZone = "WIB"): TTaskWork {
  return {
    ...(requires.outputText ? { outputText: "Hasil kerja langkah ini." } : {}),
    ...(requires.attendees ? { attendees: ["Sekretaris Badan", "Tim Evaluasi Kinerja"] } : {}),
    ...(requires.decisions ? { decisions: "Format disiapkan besok." } : {}),
    ...(requires.checklist.length ? { checklist: [...requires.checklist] } : {}),
    ...(requires.comment ? { comment: "Data dukung belum lengkap." } : {}),
    ...(requires.archiveNote ? { archiveNote: "Tim Evaluasi berhalangan; verifikasi menyusul." } : {}),
    // Today in the agency's zone: the upload cannot be dated before the cycle started there.
    ...(requires.esakipUpload ? { esakipUploadedAt: isoDateIn(new Date(), timeZone), esakipReference: "ESR-2026-001" } : {}),
  };
}

/** Every field filled in: a refusal then is about who or when, never about missing work. */
function everything(kelengkapan: string, timeZone: TAgencyTimeZone = "WIB"): TTaskWork {
  return {
    outputText: "Hasil kerja langkah ini.",
    attendees: ["Sekretaris Badan"],
    decisions: "Keputusan rapat.",
    checklist: kelengkapanItems(kelengkapan),
    comment: "Catatan dan alasan.",
    archiveNote: "Catatan pengarsipan.",
    esakipUploadedAt: isoDateIn(new Date(), timeZone),
    esakipReference: "ESR-2026-001",
  };
}

/** The page's offers equal the server's acceptances, for every member and event, at the cycle's current state. */
async function expectScreenEqualsServer(w: World, cycleId: string, label: string) {
  const cycle = await db.measurementCycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { tasks: { select: { id: true, status: true, stepNumber: true, round: true, step: { select: { kelengkapan: true } } }, orderBy: { startedAt: "desc" } } },
  });
  // The open task, or (closed cycle) the last one handled.
  const task = cycle.tasks.find((t) => t.status === "ACTIVE" || t.status === "RETURNED") ?? cycle.tasks[0]!;
  const at = `${label} (step ${task.stepNumber}.${task.round} ${task.status})`;
  let offeredAnything = 0;
  for (const m of w.members) {
    const ctx = await doorOf(w, m);
    const offers = await pageOffers(ctx, cycleId);
    for (const event of EVENTS) {
      const offer = offers.find((o) => o.event === event);
      const who = `${at}: ${m.label} ${event}`;
      if (!offer) {
        expect.soft(await serverAccepts(ctx, cycleId, task.id, event, everything(task.step.kelengkapan, ctx.agency.timeZone)), `${who} is not offered, so the server must refuse it`).toBe(false);
        continue;
      }
      offeredAnything++;
      const work = workFor(offer.requires, ctx.agency.timeZone);
      expect.soft(await serverAccepts(ctx, cycleId, task.id, event, work), `${who} is offered with ${JSON.stringify(work)}, so the server must accept it`).toBe(true);
      for (const field of Object.keys(work) as (keyof TTaskWork)[]) {
        const { [field]: _left, ...without } = work;
        expect.soft(await serverAccepts(ctx, cycleId, task.id, event, without), `${who}: the screen requires ${field}, so the server must refuse without it`).toBe(false);
      }
    }
  }
  return offeredAnything;
}

async function openTask(cycleId: string) {
  return db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
}

/** A member acts for real on the open task, with what the page says the action requires. */
async function act(w: World, cycleId: string, m: Member, event: TTaskEventType) {
  const ctx = await doorOf(w, m);
  const offer = (await pageOffers(ctx, cycleId)).find((o) => o.event === event);
  if (!offer) throw new Error(`${m.label} is not offered ${event}`);
  const task = await openTask(cycleId);
  await actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event, ...workFor(offer.requires, ctx.agency.timeZone) }), cycleActorOf(ctx));
}

const executorLabel = (stepNumber: number) => ROLES.find((r) => r.sop === SOP.steps.find((s) => s.number === stepNumber)!.executorRoleCode)!.name;

describe("the cycle page and the server agree on who may do what, and with what", () => {
  it("for every member of a fresh agency at every step of a quarter's cycle, with a return, a revision and maker/checker", async () => {
    const w = await setup();
    const plt = w.by("Plt. Kepala Badan merangkap Sekretaris");
    const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW1" }), cycleActorOf(await doorOf(w, w.by("Kepala Badan"))));

    const runTo = async (stepNumber: number, label: string) => {
      for (;;) {
        const task = await openTask(cycleId);
        if (task.stepNumber === stepNumber) return;
        expect(await expectScreenEqualsServer(w, cycleId, label)).toBeGreaterThan(0);
        await act(w, cycleId, w.by(executorLabel(task.stepNumber)), task.status === "RETURNED" ? "RESUBMIT" : "COMPLETE");
      }
    };
    await runTo(4, "round 1");

    // Step 4 (INPUT) of TW I: the indicator's realization is not in yet, so nobody may complete it.
    expect(await expectScreenEqualsServer(w, cycleId, "realization pending")).toBe(0);
    // Once it is submitted, the realization replaces the Kelengkapan checklist: not required on either side.
    await w.submitRealization();
    expect(await expectScreenEqualsServer(w, cycleId, "realization submitted")).toBeGreaterThan(0);
    const [offer] = await pageOffers(await doorOf(w, plt), cycleId);
    expect(offer?.requires).toMatchObject({ checklist: [], dataEntryReplacesChecklist: true });
    // The Plt. makes step 4's work.
    await act(w, cycleId, plt, "COMPLETE");
    await runTo(7, "round 1");

    // Step 7: the Plt. made reviewed work and cannot decide; the Kepala Badan returns it to step 4.
    expect(await expectScreenEqualsServer(w, cycleId, "decision, round 1")).toBeGreaterThan(0);
    expect(await pageOffers(await doorOf(w, plt), cycleId)).toEqual([]);
    await act(w, cycleId, w.by("Kepala Badan"), "RETURN");

    // Step 4 round 2, returned: the other Sekretaris Badan revises it this time.
    expect(await expectScreenEqualsServer(w, cycleId, "returned")).toBeGreaterThan(0);
    await act(w, cycleId, w.by("Sekretaris Badan"), "RESUBMIT");
    await runTo(7, "round 2");

    // Step 7 round 2: the reviewed work's latest rounds are not the Plt.'s, so the Plt. may decide.
    expect(await expectScreenEqualsServer(w, cycleId, "decision, round 2")).toBeGreaterThan(0);
    expect((await pageOffers(await doorOf(w, plt), cycleId)).map((o) => o.event)).toEqual(["APPROVE", "RETURN"]);
    await act(w, cycleId, plt, "APPROVE");
    await runTo(9, "after approval");

    // Step 9 archives TW I, whose realization is submitted but not verified.
    expect(await expectScreenEqualsServer(w, cycleId, "archive, unverified")).toBeGreaterThan(0);
    const archiver = w.by(executorLabel(9));
    const executorSees = await pageOptions(await doorOf(w, archiver), cycleId);
    expect(executorSees).toMatchObject({
      assignee: true,
      offers: [],
      refusal: { code: "INVALID", archiveGate: { period: "Triwulan I", unverified: [{ code: "I1", unit: "Bidang Data", status: "SUBMITTED" }] } },
    });
    expect(executorSees?.refusal?.message).toMatch(/^Triwulan I belum dapat diarsipkan .*Bidang Data: I1 \(Dikirim\)/);
    for (const head of [w.by("Kepala Badan"), plt]) {
      const options = await pageOptions(await doorOf(w, head), cycleId);
      expect(options?.assignee, head.label).toBe(true);
      expect(options?.offers.map((o) => [o.event, o.requires.archiveNote]), head.label).toEqual([["COMPLETE", expect.stringMatching(/^Tulis catatan/)]]);
    }
    for (const other of w.members.filter((m) => !m.codes.includes("KEPALA_BADAN") && m !== archiver)) {
      expect(await pageOptions(await doorOf(w, other), cycleId), other.label).toMatchObject({ assignee: false, offers: [] });
    }

    // Verified: the step is its executor's again, with no note; the head's takeover is gone.
    await w.verifyRealization(1);
    expect(await expectScreenEqualsServer(w, cycleId, "archive, verified")).toBeGreaterThan(0);
    expect((await pageOffers(await doorOf(w, archiver), cycleId)).map((o) => [o.event, o.requires.archiveNote])).toEqual([["COMPLETE", null]]);
    expect(await pageOptions(await doorOf(w, w.by("Kepala Badan")), cycleId)).toMatchObject({ assignee: false, offers: [] });
    await act(w, cycleId, archiver, "COMPLETE");

    // Completed: nothing offered, nothing accepted.
    expect(await db.measurementCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: "COMPLETED", archiveNote: null });
    expect(await expectScreenEqualsServer(w, cycleId, "completed")).toBe(0);

    // TW II: its realization stays unverified, and the head archives it with the note the page asks for.
    const { id: tw2 } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW2" }), cycleActorOf(await doorOf(w, w.by("Kepala Badan"))));
    await w.submitRealization(2);
    for (let task = await openTask(tw2); task.stepNumber < 9; task = await openTask(tw2)) {
      const decision = task.stepNumber === 7;
      await act(w, tw2, decision ? w.by("Kepala Badan") : w.by(executorLabel(task.stepNumber)), decision ? "APPROVE" : "COMPLETE");
    }
    expect(await expectScreenEqualsServer(w, tw2, "TW II archive, unverified")).toBeGreaterThan(0);
    await act(w, tw2, w.by("Kepala Badan"), "COMPLETE");
    expect(await db.measurementCycle.findUniqueOrThrow({ where: { id: tw2 } })).toMatchObject({
      status: "COMPLETED",
      archiveNote: "Tim Evaluasi berhalangan; verifikasi menyusul.",
    });
    const completed = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cycle.complete", entityId: tw2 } });
    expect(completed).toMatchObject({
      actorId: w.by("Kepala Badan").user.id,
      data: { archiveNote: "Tim Evaluasi berhalangan; verifikasi menyusul.", unverified: [{ code: "I1", unit: "Bidang Data", status: "SUBMITTED" }] },
    });

    // A yearly cycle has no quarter's realizations to stand in: its INPUT step asks for the checklist, on both sides.
    const { id: yearly } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TAHUNAN" }), cycleActorOf(await doorOf(w, w.by("Administrator"))));
    for (let n = 1; n < 4; n++) await act(w, yearly, w.by(executorLabel(n)), "COMPLETE");
    expect(await expectScreenEqualsServer(w, yearly, "yearly input")).toBeGreaterThan(0);
    const [yearlyOffer] = await pageOffers(await doorOf(w, w.by("Sekretaris Badan")), yearly);
    expect(yearlyOffer?.requires.checklist).toEqual(kelengkapanItems(SOP.steps.find((s) => s.number === 4)!.kelengkapan));
  }, 600_000);
});
