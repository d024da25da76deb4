/**
 * Issue #15 item 3: the inbox lists the Kinerja work waiting for the person
 * (lib/performance/work-queue.ts), each counter a link to the filtered page:
 * their unit's drafts to send, their unit's values returned to fix, and, for
 * holders of realization.verify, the values waiting for verification. Other
 * units, other agencies and archived quarters are not counted, and the count
 * takes the same few statements however many values there are.
 */
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db/client";
import { loadWorkCounters } from "@/lib/performance/work-queue";

import { review, save, setup, YEAR, type World } from "./performance-world";

let w: World;
let other: World;

const countersOf = (world: World, key: keyof World["users"], grants: { canFill?: boolean; canVerify?: boolean } = {}) =>
  loadWorkCounters({
    agencyId: world.agency.id,
    agencySlug: world.agency.slug,
    userId: world.users[key].id,
    canFill: grants.canFill ?? true,
    canVerify: grants.canVerify ?? false,
    allowSelfApproval: false,
  });

beforeAll(async () => {
  w = await setup();
  // Unit A (Bina Marga): A1 a draft, A2 sent. Unit B (Cipta Karya): B1 sent and returned, B2 sent.
  expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "81" })).toMatchObject({ ok: true });
  expect(await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "8", submit: true })).toMatchObject({ ok: true });
  const b1 = await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true });
  expect(b1).toMatchObject({ ok: true });
  expect(await save(w, "BIDANG_B", { indicatorId: w.ind.B2, value: "2", submit: true })).toMatchObject({ ok: true });
  const b1Id = (await db.realization.findFirstOrThrow({ where: { indicatorId: w.ind.B1 } })).id;
  expect(await review(w, { realizationId: b1Id, decision: "RETURN", reason: "Data dukung belum dilampirkan." })).toMatchObject({ ok: true });
  // Another agency with work of its own: never counted here.
  other = await setup();
  expect(await save(other, "BIDANG", { indicatorId: other.ind.A1, value: "70", submit: true })).toMatchObject({ ok: true });
}, 120_000);

afterEach(() => vi.restoreAllMocks());

describe("the Kinerja work in the inbox", () => {
  it("a Bidang member sees their own unit's draft, linked to the realization form filtered to drafts", async () => {
    expect(await countersOf(w, "BIDANG")).toEqual([
      { kind: "DRAFT", year: YEAR, quarter: 1, count: 1, href: `/a/${w.agency.slug}/kinerja/realisasi?tahun=${YEAR}&tw=1&status=DRAFT` },
    ]);
  });

  it("the other Bidang sees the value returned to fix, not unit A's draft nor its own sent value", async () => {
    expect(await countersOf(w, "BIDANG_B")).toEqual([
      { kind: "RETURNED", year: YEAR, quarter: 1, count: 1, href: `/a/${w.agency.slug}/kinerja/realisasi?tahun=${YEAR}&tw=1&status=RETURNED` },
    ]);
  });

  it("Tim SAKIP sees every unit's values waiting for verification, of this agency only, linked to the verification page", async () => {
    expect(await countersOf(w, "TIM_SAKIP", { canVerify: true })).toEqual([
      { kind: "SUBMITTED", year: YEAR, quarter: 1, count: 2, href: `/a/${w.agency.slug}/kinerja/verifikasi?tahun=${YEAR}&tw=1#menunggu-verifikasi` },
    ]);
    expect(await countersOf(other, "TIM_SAKIP", { canVerify: true })).toMatchObject([{ kind: "SUBMITTED", count: 1 }]);
  });

  it("without the grants, or without a unit, there is nothing to count", async () => {
    expect(await countersOf(w, "TIM_SAKIP", { canVerify: false })).toEqual([]);
    expect(await countersOf(w, "KADIS")).toEqual([]);
    expect(await countersOf(w, "BIDANG", { canFill: false })).toEqual([]);
  });

  it("takes at most four statements (the unit PK rows' work is one of them), however many values wait", async () => {
    const spy = vi.spyOn(pg.Client.prototype, "query");
    await countersOf(w, "BIDANG", { canVerify: true });
    const few = spy.mock.calls.length;
    spy.mockClear();
    // Twice the work: the other quarter filled too.
    for (const [who, ind, value] of [["BIDANG", w.ind.A1, "82"], ["BIDANG", w.ind.A2, "8"], ["BIDANG_B", w.ind.B2, "3"]] as const) {
      expect(await save(w, who, { indicatorId: ind, value, quarter: 2, submit: ind !== w.ind.A1 })).toMatchObject({ ok: true });
    }
    spy.mockClear();
    const more = await countersOf(w, "BIDANG", { canVerify: true });
    expect(more.length).toBeGreaterThan(2);
    expect(spy.mock.calls.length).toBe(few);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(4);
  });

  it("an archived quarter's values are no longer work", async () => {
    const sop = await db.sop.findUniqueOrThrow({ where: { id: w.sopId }, select: { seriesId: true } });
    await db.measurementCycle.create({
      data: { agencyId: w.agency.id, sopId: w.sopId, seriesId: sop.seriesId, year: YEAR, period: "TW1", status: "COMPLETED", startedById: w.users.KADIS.id, completedAt: new Date() },
    });
    const counters = await countersOf(w, "BIDANG", { canVerify: true });
    expect(counters.every((c) => c.quarter === 2)).toBe(true);
    // Of quarter 2's two sent values, A2 is Bidang's own (maker/checker, decision 061): one to verify.
    expect(counters.map((c) => `${c.kind} ${c.count}`)).toEqual(["DRAFT 1", "SUBMITTED 1"]);
  });
});
