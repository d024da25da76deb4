/**
 * Crosscutting links (lib/cascade/crosscut.ts, decision 045) on fresh agencies: A and B (and a
 * third, C) of one government, D of another. A's planning unit proposes that its indicator
 * supports B's Sasaran; B's planning unit is notified and accepts, declines, or either side ends
 * it. Refused: another government's or a third agency's ids (as not found), a non-planning role
 * (at the door), the wrong side's step. What B reads of A is exactly the listed fields.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { ACTION_REGISTRY } from "@/lib/authz/action";
import { buildAgencyContext, loadAgencyContext, type SessionUser } from "@/lib/authz/context";
import { AppError } from "@/lib/authz/errors";
import "@/lib/cascade/actions";
import { decideCrosscut, endCrosscut, proposeCrosscut } from "@/lib/cascade/crosscut";
import { loadCrosscutPage, loadTreeCrosscuts, waitingCrosscuts } from "@/lib/cascade/crosscut-queries";
import { CASCADE_MESSAGES, CROSSCUT_MESSAGES as M } from "@/lib/cascade/messages";
import { createNode, createPeriod, deleteIndicator, deleteNode, saveIndicator, type CascadeActor } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, code: error.code };
    // The action layer answers a schema refusal as INVALID with the field's message (lib/authz/action.ts).
    if (error instanceof ZodError) return { message: error.issues[0]!.message, code: "INVALID" };
    throw error;
  }
  throw new Error("expected a refusal");
}

const targets = (values: (string | null)[], start: number) => values.map((value, i) => ({ year: start + i, value }));

/** An agency with its planning unit (an administrator), a tree of period `start` with a Tujuan and a Sasaran. */
async function agencyWithTree(start: number, governmentId?: string) {
  const agency = await createAgency(["KADIS", "TIM_SAKIP"]);
  if (governmentId) await db.agency.update({ where: { id: agency.id }, data: { governmentId } });
  const admin = await createUser();
  await addMembership(admin.id, agency, "ADMIN");
  const who: CascadeActor = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  const period = await createPeriod({ startYear: start }, who);
  const tujuan = await createNode({ periodId: period.id, level: "TUJUAN", statement: `Tujuan ${agency.name}` }, who);
  const sasaran = await createNode({ periodId: period.id, level: "SASARAN", parentId: tujuan.id, statement: `Sasaran ${agency.name}` }, who);
  return { agency, admin, who, period, tujuan, sasaran };
}

async function contextOf(user: { id: string; nip: string; name: string }, slug: string) {
  const session: SessionUser = { id: user.id, nip: user.nip, name: user.name, email: null, jabatan: null, isPlatformAdmin: false, twoFactorEnabled: false, agencies: [] };
  return buildAgencyContext(session, (await loadAgencyContext(user.id, slug))!);
}

async function world() {
  const a = await agencyWithTree(2025);
  const governmentId = a.agency.governmentId;
  const b = await agencyWithTree(2026, governmentId);
  const c = await agencyWithTree(2025, governmentId);
  const d = await agencyWithTree(2025); // another government
  // A's indicator, with a target per year, on its Sasaran; a staff member who is not in the planning unit.
  const indicator = await saveIndicator(
    { nodeId: a.sasaran.id, name: "Produksi perikanan tangkap", unitOfMeasure: "ton", polarity: "HIGHER", rollUp: "OWN", targets: targets(["100", "120", null, "140", "150"], 2025) },
    a.who,
  );
  const staff = await createUser();
  await addMembership(staff.id, a.agency, "TIM_SAKIP");
  // B: Tim SAKIP is designated to manage the PK (planning unit), the head is not.
  await db.agency.update({ where: { id: b.agency.id }, data: { settings: { permissions: { "performance.manage": ["TIM_SAKIP"] } } } });
  const bPlanner = await createUser();
  await addMembership(bPlanner.id, b.agency, "TIM_SAKIP");
  const bHead = await createUser();
  await addMembership(bHead.id, b.agency, "KADIS");
  const bUnit = await db.orgUnit.create({ data: { agencyId: b.agency.id, name: "Bidang Pengendalian", kind: "BIDANG" } });
  const bProgram = await createNode({ periodId: b.period.id, level: "PROGRAM", parentId: b.sasaran.id, statement: "Program B yang bukan sasaran", unitId: bUnit.id }, b.who);
  // C's and B's own indicators (for the foreign-id refusals), and C's link to B.
  const cIndicator = await saveIndicator({ nodeId: c.sasaran.id, name: "Indikator C", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [] }, c.who);
  const bIndicator = await saveIndicator({ nodeId: b.sasaran.id, name: "Indikator B", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [] }, b.who);
  const cLink = await proposeCrosscut({ indicatorId: cIndicator.id, targetNodeId: b.sasaran.id }, c.who);
  return { a, b, c, d, indicator, staff, bPlanner, bHead, bProgram, bIndicator, cLink };
}

const linkCount = () => db.crosscutLink.count();
const auditCount = () => db.auditEvent.count();

describe("crosscutting links", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("a proposal reaches B's planning unit and both audit trails, and shows in neither tree until accepted", async () => {
    const { a, b } = w;
    const link = await proposeCrosscut({ indicatorId: w.indicator.id, targetNodeId: b.sasaran.id }, a.who);

    const notified = await db.notification.findMany({ where: { agencyId: b.agency.id, kind: "CROSSCUT_PROPOSED" }, select: { userId: true, title: true, body: true } });
    // B's administrator and its designated Tim SAKIP, not its head; C's earlier proposal notified them too.
    expect(new Set(notified.map((n) => n.userId))).toEqual(new Set([b.admin.id, w.bPlanner.id]));
    expect(notified.filter((n) => n.title === M.notifyTitle(a.agency.name))).toHaveLength(2);
    expect(notified.find((n) => n.title === M.notifyTitle(a.agency.name))!.body).toBe(M.notifyBody("Produksi perikanan tangkap", "Sasaran Strategis", `Sasaran ${b.agency.name}`));
    expect(await db.notification.count({ where: { agencyId: a.agency.id } })).toBe(0);

    const events = await db.auditEvent.findMany({ where: { action: "cascade.crosscut_propose", entityId: link.id }, select: { agencyId: true, actorId: true, data: true } });
    expect(events).toHaveLength(2);
    // The acting side with its person; the other side with none: only the agency's name.
    expect(events.find((e) => e.agencyId === a.agency.id)!.actorId).toBe(a.admin.id);
    expect(events.find((e) => e.agencyId === b.agency.id)!.actorId).toBeNull();
    expect(events[0]!.data).toMatchObject({ sourceAgency: a.agency.name, targetAgency: b.agency.name, byAgency: a.agency.name, indicatorName: "Produksi perikanan tangkap" });

    expect((await loadTreeCrosscuts(b.agency.id, b.period.id, 2026)).contributions.size).toBe(0);
    expect((await loadTreeCrosscuts(a.agency.id, a.period.id, 2026)).supports.size).toBe(0);
    expect(await waitingCrosscuts(b.agency.id)).toBe(2);
    const pageB = await loadCrosscutPage(b.agency.id, b.period);
    expect(pageB.incoming.map((l) => [l.otherAgency, l.indicatorName])).toEqual(
      expect.arrayContaining([
        [a.agency.name, "Produksi perikanan tangkap"],
        [w.c.agency.name, "Indikator C"],
      ]),
    );
    // Proposing the same pair again while open: refused, nothing written.
    const [links, audits] = [await linkCount(), await auditCount()];
    expect(await refusal(proposeCrosscut({ indicatorId: w.indicator.id, targetNodeId: b.sasaran.id }, a.who))).toEqual({ message: M.exists, code: "CONFLICT" });
    expect([await linkCount(), await auditCount()]).toEqual([links, audits]);
  });

  it("refuses other governments, non-statements, own and foreign ids, the wrong side and non-planning roles, changing nothing", async () => {
    const { a, b, c, d } = w;
    const [links, audits] = [await linkCount(), await auditCount()];
    const propose = (targetNodeId: string, indicatorId = w.indicator.id) => refusal(proposeCrosscut({ indicatorId, targetNodeId }, a.who));
    expect(await propose(d.sasaran.id)).toEqual({ message: M.targetNotFound, code: "NOT_FOUND" }); // another government
    expect(await propose(w.bProgram.id)).toEqual({ message: M.targetNotFound, code: "NOT_FOUND" }); // not a Tujuan/Sasaran
    expect(await propose("tidak-ada")).toEqual({ message: M.targetNotFound, code: "NOT_FOUND" });
    expect(await propose(a.tujuan.id)).toEqual({ message: M.ownAgency, code: "INVALID" });
    // Another agency's indicator named as one's own.
    expect(await propose(b.tujuan.id, w.bIndicator.id)).toEqual({ message: CASCADE_MESSAGES.indicatorNotFound, code: "NOT_FOUND" });

    const aLink = await db.crosscutLink.findFirstOrThrow({ where: { sourceAgencyId: a.agency.id, status: "PROPOSED" } });
    // A third agency's link (C -> B) is not A's to answer or end; D's government sees none of them.
    expect(await refusal(decideCrosscut({ linkId: w.cLink.id, decision: "ACCEPT" }, a.who))).toEqual({ message: M.notFound, code: "NOT_FOUND" });
    expect(await refusal(endCrosscut({ linkId: w.cLink.id }, a.who))).toEqual({ message: M.notFound, code: "NOT_FOUND" });
    expect(await refusal(decideCrosscut({ linkId: aLink.id, decision: "DECLINE", reason: "Bukan sasaran kami sama sekali." }, d.who))).toEqual({ message: M.notFound, code: "NOT_FOUND" });
    expect(await refusal(endCrosscut({ linkId: aLink.id }, c.who))).toEqual({ message: M.notFound, code: "NOT_FOUND" });
    // The wrong side: A cannot accept its own proposal, B cannot withdraw it (it declines instead).
    expect(await refusal(decideCrosscut({ linkId: aLink.id, decision: "ACCEPT" }, a.who))).toEqual({ message: M.targetOnly, code: "FORBIDDEN" });
    expect(await refusal(endCrosscut({ linkId: aLink.id }, b.who))).toEqual({ message: M.sourceOnly, code: "FORBIDDEN" });
    expect([await linkCount(), await auditCount()]).toEqual([links, audits]);

    // The door: proposing, answering and ending are the planning unit's (performance.manage).
    for (const name of ["cascade.proposeCrosscut", "cascade.decideCrosscut", "cascade.endCrosscut"]) expect(ACTION_REGISTRY.get(name)?.permission, name).toBe("performance.manage");
    expect((await contextOf(w.staff, a.agency.slug)).can("performance.manage")).toBe(false);
    expect((await contextOf(w.bHead, b.agency.slug)).can("performance.manage")).toBe(false);
    expect((await contextOf(w.bPlanner, b.agency.slug)).can("performance.manage")).toBe(true);

    // The picker: other agencies of the same government, their Tujuan and Sasaran only.
    const page = await loadCrosscutPage(a.agency.id, a.period);
    const statements = page.options.map((o) => o.statement);
    expect(statements).toEqual(expect.arrayContaining([`Tujuan ${b.agency.name}`, `Sasaran ${b.agency.name}`, `Sasaran ${c.agency.name}`]));
    expect(statements).not.toContain(`Sasaran ${d.agency.name}`);
    expect(statements).not.toContain(`Sasaran ${a.agency.name}`);
    expect(statements).not.toContain("Program B yang bukan sasaran");
    expect(page.indicators.map((i) => i.name)).toEqual(["Produksi perikanan tangkap"]);
  });

  it("once B accepts, both trees show it: B reads A's indicator name, satuan, target and realization to date, nothing else", async () => {
    const { a, b } = w;
    const aLink = await db.crosscutLink.findFirstOrThrow({ where: { sourceAgencyId: a.agency.id, status: "PROPOSED" } });
    // A's agency PK of 2026 copied from the tree indicator: two verified quarters, a third still a draft.
    const agreement = await db.performanceAgreement.create({
      data: { agencyId: a.agency.id, year: 2026, firstPartyName: "Kepala A", firstPartyJabatan: "Kepala Dinas", secondPartyName: "Bupati", secondPartyJabatan: "Bupati" },
    });
    const goal = await db.strategicGoal.create({ data: { agencyId: a.agency.id, agreementId: agreement.id, code: "SS1", name: "Sasaran A" } });
    const unit = await db.orgUnit.create({ data: { agencyId: a.agency.id, name: "Bidang Tangkap", kind: "BIDANG" } });
    const pkIndicator = await db.indicator.create({
      data: { agencyId: a.agency.id, goalId: goal.id, code: "IK1.1", name: "Produksi perikanan tangkap", unit: "ton", aggregation: "CUMULATIVE", orgUnitId: unit.id, targetValue: "120", cascadeIndicatorId: w.indicator.id },
    });
    await db.realization.createMany({
      data: [
        { agencyId: a.agency.id, indicatorId: pkIndicator.id, year: 2026, quarter: 1, value: "30", status: "VERIFIED" },
        { agencyId: a.agency.id, indicatorId: pkIndicator.id, year: 2026, quarter: 2, value: "25", status: "VERIFIED" },
        { agencyId: a.agency.id, indicatorId: pkIndicator.id, year: 2026, quarter: 3, value: "99", status: "DRAFT" },
      ],
    });

    await decideCrosscut({ linkId: aLink.id, decision: "ACCEPT" }, b.who);
    const bTree = await loadTreeCrosscuts(b.agency.id, b.period.id, 2026);
    // Exactly these fields: no id of A's tree, node, unit, PK or people.
    expect(bTree.contributions.get(b.sasaran.id)).toEqual([
      { linkId: aLink.id, agencyName: a.agency.name, indicatorName: "Produksi perikanan tangkap", unitOfMeasure: "ton", target: "120", realization: 55, quarter: 2 },
    ]);
    expect([...bTree.contributions.keys()]).toEqual([b.sasaran.id]);
    const aTree = await loadTreeCrosscuts(a.agency.id, a.period.id, 2026);
    expect(aTree.supports.get(w.indicator.id)).toEqual([{ linkId: aLink.id, agencyName: b.agency.name, level: "SASARAN", statement: `Sasaran ${b.agency.name}` }]);
    const accepted = await db.auditEvent.findMany({ where: { action: "cascade.crosscut_accept", entityId: aLink.id }, select: { agencyId: true, actorId: true } });
    expect(accepted).toEqual(expect.arrayContaining([{ agencyId: b.agency.id, actorId: b.admin.id }, { agencyId: a.agency.id, actorId: null }]));

    // What the link hangs on cannot be deleted while it is open.
    expect(await refusal(deleteIndicator({ indicatorId: w.indicator.id }, a.who))).toEqual({ message: M.hasOpenLinks(1), code: "CONFLICT" });
    const lone = await createNode({ periodId: b.period.id, level: "SASARAN", parentId: b.tujuan.id, statement: "Sasaran B kedua tanpa indikator" }, b.who);
    await proposeCrosscut({ indicatorId: w.indicator.id, targetNodeId: lone.id }, a.who);
    expect(await refusal(deleteNode({ nodeId: lone.id }, b.who))).toEqual({ message: M.hasOpenLinks(1), code: "CONFLICT" });
    // A withdraws that second proposal; then the node goes.
    const second = await db.crosscutLink.findFirstOrThrow({ where: { targetNodeId: lone.id, status: "PROPOSED" } });
    await endCrosscut({ linkId: second.id }, a.who);
    await deleteNode({ nodeId: lone.id }, b.who);
  });

  it("either side ends an accepted link; B may decline a new proposal; a closed link takes no further step", async () => {
    const { a, b } = w;
    const aLink = await db.crosscutLink.findFirstOrThrow({ where: { sourceAgencyId: a.agency.id, status: "ACCEPTED" } });
    await endCrosscut({ linkId: aLink.id }, b.who);
    expect(await db.crosscutLink.findUniqueOrThrow({ where: { id: aLink.id }, select: { status: true, endedByAgencyId: true } })).toEqual({ status: "ENDED", endedByAgencyId: b.agency.id });
    expect((await loadTreeCrosscuts(b.agency.id, b.period.id, 2026)).contributions.size).toBe(0);
    expect((await loadTreeCrosscuts(a.agency.id, a.period.id, 2026)).supports.size).toBe(0);
    expect(await refusal(endCrosscut({ linkId: aLink.id }, a.who))).toEqual({ message: M.notOpen, code: "CONFLICT" });

    const again = await proposeCrosscut({ indicatorId: w.indicator.id, targetNodeId: b.sasaran.id }, a.who);
    // A decline says why: without a reason it is refused and nothing changes.
    const [audits, notes] = [await auditCount(), await db.notification.count()];
    for (const reason of [undefined, "", "   ", "ok"]) {
      expect(await refusal(decideCrosscut({ linkId: again.id, decision: "DECLINE", reason }, b.who))).toEqual({ message: M.declineReasonRequired, code: "INVALID" });
    }
    expect(await refusal(decideCrosscut({ linkId: again.id, decision: "DECLINE", reason: "x".repeat(1001) }, b.who))).toEqual({ message: M.declineReasonTooLong, code: "INVALID" });
    expect(await db.crosscutLink.findUniqueOrThrow({ where: { id: again.id }, select: { status: true } })).toEqual({ status: "PROPOSED" });
    expect([await auditCount(), await db.notification.count()]).toEqual([audits, notes]);

    const reason = "Indikator ini belum mengukur produksi yang menjadi sasaran kami; usulkan indikator hasil.";
    await decideCrosscut({ linkId: again.id, decision: "DECLINE", reason: `  ${reason}  ` }, b.who);
    expect(await refusal(decideCrosscut({ linkId: again.id, decision: "ACCEPT" }, b.who))).toEqual({ message: M.notOpen, code: "CONFLICT" });
    const pageA = await loadCrosscutPage(a.agency.id, a.period);
    // A sees the answer and why, on its page and in its notifications (its planning unit: the administrator).
    expect(pageA.outgoing.find((l) => l.id === again.id)).toMatchObject({ status: "DECLINED", otherAgency: b.agency.name, declineReason: reason });
    const answered = await db.notification.findMany({ where: { agencyId: a.agency.id, kind: "CROSSCUT_ANSWERED" }, select: { userId: true, title: true, body: true } });
    expect(answered.filter((n) => n.title === M.notifyAnsweredTitle("DECLINE", b.agency.name))).toContainEqual({
      userId: a.admin.id,
      title: M.notifyAnsweredTitle("DECLINE", b.agency.name),
      body: M.notifyAnsweredBody("DECLINE", "Produksi perikanan tangkap", reason),
    });
    const declined = await db.auditEvent.findMany({ where: { action: "cascade.crosscut_decline", entityId: again.id }, select: { data: true } });
    expect(declined).toHaveLength(2);
    for (const e of declined) expect(e.data).toMatchObject({ reason });

    // Accepted once more, then ended by A this time.
    const third = await proposeCrosscut({ indicatorId: w.indicator.id, targetNodeId: b.sasaran.id }, a.who);
    await decideCrosscut({ linkId: third.id, decision: "ACCEPT" }, b.who);
    // A hears of the acceptance; B's planning unit (administrator and its Tim SAKIP) hears when A ends it.
    // (the first acceptance, in the test above, and this one)
    expect(await db.notification.count({ where: { userId: a.admin.id, kind: "CROSSCUT_ANSWERED", title: M.notifyAnsweredTitle("ACCEPT", b.agency.name) } })).toBe(2);
    await endCrosscut({ linkId: third.id }, a.who);
    expect(await db.crosscutLink.findUniqueOrThrow({ where: { id: third.id }, select: { status: true, endedByAgencyId: true } })).toEqual({ status: "ENDED", endedByAgencyId: a.agency.id });
    expect(await db.auditEvent.count({ where: { action: "cascade.crosscut_end", entityId: third.id } })).toBe(2);
    const ended = await db.notification.findMany({ where: { agencyId: b.agency.id, kind: "CROSSCUT_ANSWERED", title: M.notifyAnsweredTitle("END", a.agency.name) }, select: { userId: true, body: true } });
    expect(new Set(ended.map((n) => n.userId))).toEqual(new Set([b.admin.id, w.bPlanner.id]));
    expect(ended[0]!.body).toBe(M.notifyAnsweredBody("END", "Produksi perikanan tangkap", null));
  });
  it("B sees only verified realizations of A's unit PK rows: a value A's unit still drafts or has sent is not shown across agencies", async () => {
    const { a, b } = w;
    const indicator = await saveIndicator(
      { nodeId: a.sasaran.id, name: "Nelayan terlatih", unitOfMeasure: "orang", polarity: "HIGHER", rollUp: "OWN", targets: targets([null, "40"], 2025) },
      a.who,
    );
    const unit = await db.orgUnit.create({ data: { agencyId: a.agency.id, name: "Bidang Pelatihan", kind: "BIDANG" } });
    const pk = await db.unitAgreement.create({
      data: { agencyId: a.agency.id, year: 2026, periodId: a.period.id, level: "PROGRAM", unitId: unit.id, unitName: unit.name, officialTitle: "Kepala Bidang Pelatihan", superiorTitle: "Kepala Dinas" },
    });
    await db.unitAgreementRow.create({
      data: {
        agencyId: a.agency.id, agreementId: pk.id, cascadeIndicatorId: indicator.id, statement: "Sasaran A", name: "Nelayan terlatih", unitOfMeasure: "orang", aggregation: "CUMULATIVE", target: "40",
        quarters: { create: [{ quarter: 1, realization: "10", status: "VERIFIED" }, { quarter: 2, realization: "15", status: "SUBMITTED" }, { quarter: 3, realization: "99", status: "DRAFT" }] },
      },
    });
    const link = await proposeCrosscut({ indicatorId: indicator.id, targetNodeId: b.sasaran.id }, a.who);
    await decideCrosscut({ linkId: link.id, decision: "ACCEPT" }, b.who);
    const seen = (await loadTreeCrosscuts(b.agency.id, b.period.id, 2026)).contributions.get(b.sasaran.id)?.find((c) => c.linkId === link.id);
    expect(seen).toMatchObject({ indicatorName: "Nelayan terlatih", target: "40", realization: 10, quarter: 1 });
  });
});
