/**
 * Maker/checker on realizations (decision 055): whoever filled a realization value since its last
 * verification (saved a draft of it or sent it) may not verify it nor return it, for the agency PK
 * (lib/performance/service.ts) and a unit PK row (lib/cascade/unit-realization.ts), unless the
 * agency allows self-approval (the same setting as the cycle's steps). A refusal changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ZReviewUnitRealization, ZSaveUnitRealization } from "@/lib/cascade/schemas";
import { reviewUnitRealization, saveUnitRealization } from "@/lib/cascade/unit-realization";
import { db } from "@/lib/db/client";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";
import { memberUnitIds } from "@/lib/performance/queries";
import { realizationReviewRefusals, unitRealizationReviewRefusals } from "@/lib/performance/maker-checker-queries";
import { reviewRealization } from "@/lib/performance/service";
import { loadWorkCounters } from "@/lib/performance/work-queue";
import { PLAUSIBILITY_CODES } from "@/lib/performance/plausibility";
import { ZRealizationReview } from "@/lib/performance/schemas";
import { AppError } from "@/lib/authz/errors";

import { expectNothingChanged, realizationOf, save, setup, unitPkRow, YEAR, type World } from "./performance-world";

let w: World;

/** Tim SAKIP's member also works in unit A: they can fill unit A's values and hold the verifier's role. */
async function sakipInUnitA(world: World) {
  await db.membership.updateMany({ where: { userId: world.users.TIM_SAKIP.id, agencyId: world.agency.id }, data: { unitId: world.units.A.id } });
}

/** reviewRealization as `key` (the door, realization.verify, is the action's: here only the person counts). */
async function reviewAs(world: World, key: "BIDANG" | "TIM_SAKIP" | "SEKRETARIS", realizationId: string, decision: "VERIFY" | "RETURN", reason?: string) {
  const a = await world.as(key);
  try {
    await reviewRealization(ZRealizationReview.parse({ realizationId, decision, reason }), { agencyId: a.agencyId, actor: a.actor, meta: null });
    return { ok: true as const };
  } catch (error) {
    if (error instanceof AppError) return { ok: false as const, code: error.code, error: error.message };
    throw error;
  }
}

const allowSelfApproval = (world: World, on: boolean) => db.agency.update({ where: { id: world.agency.id }, data: { settings: { allowSelfApproval: on } } });

beforeAll(async () => {
  w = await setup();
  await sakipInUnitA(w);
}, 180_000);

describe("the agency PK: who filled a realization does not verify or return it", () => {
  it("refuses the sender and whoever saved a draft of it since the last verification; another verifier may; the setting lifts it", async () => {
    // Bidang saves a draft, Tim SAKIP's member (also of unit A) corrects it and sends it.
    expect((await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "10" })).ok).toBe(true);
    expect((await save(w, "TIM_SAKIP", { indicatorId: w.ind.A1, value: "12", submit: true })).ok).toBe(true);
    const r = (await realizationOf(w.ind.A1))!;
    expect(r.status).toBe("SUBMITTED");

    // The sender may neither verify nor return it; nor may the one who drafted it.
    for (const [key, decision] of [["TIM_SAKIP", "VERIFY"], ["TIM_SAKIP", "RETURN"], ["BIDANG", "VERIFY"]] as const) {
      const result = await expectNothingChanged(w, () => reviewAs(w, key, r.id, decision, decision === "RETURN" ? "Nilai perlu dicek ulang." : undefined));
      expect(result).toEqual({ ok: false, code: "FORBIDDEN", error: M.makerChecker });
    }

    // The verification page withholds the buttons with the same reason, for these two only.
    const pageFor = (key: "BIDANG" | "TIM_SAKIP" | "SEKRETARIS", allow = false) =>
      realizationReviewRefusals(db, { agencyId: w.agency.id, year: YEAR, quarter: 1, actorId: w.users[key].id, allowSelfApproval: allow });
    expect(await pageFor("TIM_SAKIP")).toEqual({ [r.id]: M.makerChecker });
    expect(await pageFor("BIDANG")).toEqual({ [r.id]: M.makerChecker });
    expect(await pageFor("SEKRETARIS")).toEqual({});
    expect(await pageFor("TIM_SAKIP", true)).toEqual({});

    // Someone else holding the verifier's role returns it; Bidang fixes and sends it again.
    expect(await reviewAs(w, "SEKRETARIS", r.id, "RETURN", "Data dukung belum dilampirkan.")).toEqual({ ok: true });
    expect((await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "13", submit: true })).ok).toBe(true);
    // Tim SAKIP's member still counts as a filler (their value was changed, not verified, since).
    expect(await reviewAs(w, "TIM_SAKIP", r.id, "VERIFY")).toEqual({ ok: false, code: "FORBIDDEN", error: M.makerChecker });
    expect(await reviewAs(w, "SEKRETARIS", r.id, "VERIFY")).toEqual({ ok: true });
    expect((await realizationOf(w.ind.A1))!.status).toBe("VERIFIED");
  });

  it("a value filled by someone else entirely is verified as before", async () => {
    expect((await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "5", submit: true })).ok).toBe(true);
    const r = (await realizationOf(w.ind.A2))!;
    expect(await reviewAs(w, "TIM_SAKIP", r.id, "VERIFY")).toEqual({ ok: true });
  });

  it("with allowSelfApproval, the filler may verify their own value", async () => {
    expect((await save(w, "TIM_SAKIP", { indicatorId: w.ind.A1, quarter: 2, value: "20", submit: true })).ok).toBe(true);
    const r = (await realizationOf(w.ind.A1, 2))!;
    await allowSelfApproval(w, true);
    try {
      expect(await reviewAs(w, "TIM_SAKIP", r.id, "VERIFY")).toEqual({ ok: true });
    } finally {
      await allowSelfApproval(w, false);
    }
  });
});

const unitRow = unitPkRow;

describe("a unit PK row: who filled the quarter's value does not verify or return it", () => {
  it("refuses the unit's member who sent it, lets another verifier verify; the setting lifts it", async () => {
    const rowId = await unitRow(w);
    const as = async (key: "TIM_SAKIP" | "SEKRETARIS") => {
      const a = await w.as(key);
      return { agencyId: a.agencyId, actor: a.actor, meta: null, unitIds: await memberUnitIds(w.agency.id, w.users[key].id), canManage: false };
    };
    const review = async (key: "TIM_SAKIP" | "SEKRETARIS", quarter: number, decision: "VERIFY" | "RETURN", reason?: string) => {
      try {
        return { ok: true as const, data: await reviewUnitRealization(ZReviewUnitRealization.parse({ rowId, quarter, decision, reason }), await as(key)) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false as const, code: error.code, error: error.message };
        throw error;
      }
    };
    await saveUnitRealization(ZSaveUnitRealization.parse({ rowId, quarter: 1, value: "25", submit: true }), await as("TIM_SAKIP"));
    const before = await db.unitAgreementQuarter.findUniqueOrThrow({ where: { rowId_quarter: { rowId, quarter: 1 } } });
    expect(await review("TIM_SAKIP", 1, "VERIFY")).toEqual({ ok: false, code: "FORBIDDEN", error: M.makerChecker });
    expect(await review("TIM_SAKIP", 1, "RETURN", "Cek ulang.")).toEqual({ ok: false, code: "FORBIDDEN", error: M.makerChecker });
    expect(await db.unitAgreementQuarter.findUniqueOrThrow({ where: { rowId_quarter: { rowId, quarter: 1 } } })).toEqual(before);
    const pageFor = (key: "TIM_SAKIP" | "SEKRETARIS", quarter: number) =>
      unitRealizationReviewRefusals(db, { agencyId: w.agency.id, year: YEAR, quarter, actorId: w.users[key].id, allowSelfApproval: false });
    expect(await pageFor("TIM_SAKIP", 1)).toEqual({ [rowId]: M.makerChecker });
    expect(await pageFor("SEKRETARIS", 1)).toEqual({});
        // The quarter is what counts: a value of another quarter filled by someone else is not theirs.
    expect(await review("SEKRETARIS", 1, "VERIFY")).toEqual({ ok: true, data: { status: "VERIFIED" } });

    await saveUnitRealization(ZSaveUnitRealization.parse({ rowId, quarter: 2, value: "30", submit: true }), await as("TIM_SAKIP"));
    await allowSelfApproval(w, true);
    try {
      expect(await review("TIM_SAKIP", 2, "VERIFY")).toEqual({ ok: true, data: { status: "VERIFIED" } });
    } finally {
      await allowSelfApproval(w, false);
    }
  });
});

/**
 * "Tugas saya" (lib/performance/work-queue.ts) counts, for a verifier, only the sent values they
 * may verify: the same rule as the services' refusal (decision 061), agency PK and unit PK rows.
 */
describe("Tugas saya: a verifier's desk counts only the sent values the server lets them verify", () => {
  const deskOf = (key: "TIM_SAKIP" | "SEKRETARIS") =>
    loadWorkCounters({
      agencyId: w.agency.id,
      agencySlug: w.agency.slug,
      userId: w.users[key].id,
      canFill: false,
      canVerify: true,
      canVerifyUnits: true,
      allowSelfApproval: false,
    });
  const sent = (counters: Awaited<ReturnType<typeof deskOf>>, quarter: number, scope?: "UNIT") =>
    counters.find((c) => c.kind === "SUBMITTED" && c.quarter === quarter && c.scope === scope)?.count ?? 0;

  it("leaves out what they filled themselves since the last verification, counts it for another verifier, and counts it again with allowSelfApproval", async () => {
    // Quarter 3: Tim SAKIP's member sends A1 (theirs), Bidang sends A2 (not theirs).
    expect(await save(w, "TIM_SAKIP", { indicatorId: w.ind.A1, quarter: 3, value: "82", submit: true, confirmed: [...PLAUSIBILITY_CODES] })).toMatchObject({ ok: true });
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A2, quarter: 3, value: "8", submit: true, confirmed: [...PLAUSIBILITY_CODES] })).toMatchObject({ ok: true });
    // A unit row's quarter 3, sent by Tim SAKIP's member.
    const rowId = (await db.unitAgreementRow.findFirst({ where: { agencyId: w.agency.id } }))?.id ?? (await unitRow(w));
    const a = await w.as("TIM_SAKIP");
    await saveUnitRealization(ZSaveUnitRealization.parse({ rowId, quarter: 3, value: "40", submit: true }), {
      agencyId: a.agencyId,
      actor: a.actor,
      meta: null,
      unitIds: await memberUnitIds(w.agency.id, w.users.TIM_SAKIP.id),
      canManage: false,
    });

    const sakip = await deskOf("TIM_SAKIP");
    const sekretaris = await deskOf("SEKRETARIS");
    // The desk equals what the verification pages offer: sent values minus the refusals.
    const refused = await realizationReviewRefusals(db, { agencyId: w.agency.id, year: YEAR, quarter: 3, actorId: w.users.TIM_SAKIP.id, allowSelfApproval: false });
    const sentTotal = await db.realization.count({ where: { agencyId: w.agency.id, year: YEAR, quarter: 3, status: "SUBMITTED" } });
    expect(sent(sakip, 3)).toBe(sentTotal - Object.keys(refused).length);
    expect(sent(sakip, 3)).toBe(1);
    expect(sent(sekretaris, 3)).toBe(2);
    expect(sent(sakip, 3, "UNIT")).toBe(0);
    expect(sent(sekretaris, 3, "UNIT")).toBe(1);

    await allowSelfApproval(w, true);
    try {
      const self = await loadWorkCounters({
        agencyId: w.agency.id,
        agencySlug: w.agency.slug,
        userId: w.users.TIM_SAKIP.id,
        canFill: false,
        canVerify: true,
        canVerifyUnits: true,
        allowSelfApproval: true,
      });
      expect(sent(self, 3)).toBe(2);
      expect(sent(self, 3, "UNIT")).toBe(1);
    } finally {
      await allowSelfApproval(w, false);
    }

    // A return does not make it someone else's work: Bidang fixes and sends A1 again, still not Tim SAKIP's.
    const a1 = (await realizationOf(w.ind.A1, 3))!;
    expect(await reviewAs(w, "SEKRETARIS", a1.id, "RETURN", "Cek ulang.")).toEqual({ ok: true });
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, quarter: 3, value: "83", submit: true, confirmed: [...PLAUSIBILITY_CODES] })).toMatchObject({ ok: true });
    expect(sent(await deskOf("TIM_SAKIP"), 3)).toBe(1);
    expect(sent(await deskOf("SEKRETARIS"), 3)).toBe(2);
  });
});
