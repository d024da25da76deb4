/**
 * The realization of a unit PK row has the agency PK's lifecycle (decision 044): the unit's member
 * saves a draft and sends it (with or without data dukung), Tim SAKIP returns it with a reason, the
 * member fixes it, attaches evidence and sends it again, Tim SAKIP verifies it and it is frozen.
 * Refusals (another unit's member, another agency, a verified value, an archived quarter, a return
 * without a reason) change nothing. "Tugas saya" counts the unit's drafts and returned values and,
 * for Tim SAKIP, the values waiting; the recap marks what is not verified yet, rolled up included.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { loadLevelPks } from "@/lib/cascade/level-pk-queries";
import { generateLevelAgreements } from "@/lib/cascade/level-pk";
import { LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import { createNode, createPeriod, saveIndicator, type CascadeActor } from "@/lib/cascade/service";
import { ZReviewUnitRealization, ZSaveUnitRealization, type TReviewUnitRealization, type TSaveUnitRealization } from "@/lib/cascade/schemas";
import { reviewUnitRealization as reviewParsed, saveUnitRealization as saveParsed, type UnitRealizationActor } from "@/lib/cascade/unit-realization";
import { UNIT_REALIZATION_MESSAGES as UR } from "@/lib/cascade/unit-realization-messages";
import { db } from "@/lib/db/client";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { loadWorkCounters } from "@/lib/performance/work-queue";
import { REALIZATION_MESSAGES } from "@/lib/performance/workflow";
import { storeUpload } from "@/lib/storage/service";

import { setup, UNIT_A, YEAR, type World } from "./performance-world";
import { PDF } from "./upload-world";

async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A tree on the world's agency: a Sasaran, Bidang Bina Marga's Program (SUM of its Kegiatan) and a Kegiatan of unit B. */
async function tree(w: World) {
  const admin = await w.as("ADMIN");
  const who: CascadeActor = { agencyId: admin.agencyId, actor: admin.actor, meta: null };
  const period = await createPeriod({ startYear: YEAR }, who);
  const node = (level: "TUJUAN" | "SASARAN" | "PROGRAM" | "KEGIATAN", statement: string, parentId: string | null, unitId: string | null = null) =>
    createNode({ periodId: period.id, level, statement, parentId, unitId }, who).then((n) => n.id);
  const ind = (nodeId: string, name: string, rollUp: "SUM" | "OWN", target: string, parentIndicatorId: string | null = null) =>
    saveIndicator({ nodeId, name, unitOfMeasure: "km", polarity: "HIGHER", rollUp, parentIndicatorId, targets: [{ year: YEAR, value: target }] }, who).then((i) => i.id);
  const tujuan = await node("TUJUAN", "Meningkatnya konektivitas wilayah", null);
  const sasaran = await node("SASARAN", "Meningkatnya kemantapan jalan provinsi", tujuan);
  const program = await node("PROGRAM", "Meningkatnya kondisi jalan mantap", sasaran, w.units.A.id);
  const kegiatan = await node("KEGIATAN", "Terpeliharanya ruas jalan", program, w.units.B.id);
  const s = await ind(sasaran, "Panjang jalan mantap provinsi", "SUM", "1000");
  const p = await ind(program, "Panjang jalan direhabilitasi", "SUM", "100", s);
  const k = await ind(kegiatan, "Panjang jalan dipelihara", "OWN", "40", p);
  await generateLevelAgreements({ periodId: period.id, year: YEAR }, who);
  const rowOf = async (cascadeIndicatorId: string) => (await db.unitAgreementRow.findFirstOrThrow({ where: { agencyId: w.agency.id, cascadeIndicatorId } })).id;
  return { programRow: await rowOf(p), kegiatanRow: await rowOf(k) };
}

/** Like the actions: the shared schema parses the raw input once, then the service. */
const saveUnitRealization = (raw: TSaveUnitRealization, who: UnitRealizationActor) => saveParsed(ZSaveUnitRealization.parse(raw), who);
const reviewUnitRealization = (raw: TReviewUnitRealization, who: CascadeActor) => reviewParsed(ZReviewUnitRealization.parse(raw), who);

let w: World;
let other: World;
let rows: Awaited<ReturnType<typeof tree>>;

const member = async (world: World, key: "BIDANG" | "BIDANG_B" | "ADMIN" | "TIM_SAKIP", canManage = false): Promise<UnitRealizationActor> => ({ ...(await world.as(key)), canManage });
const sakip = async (world: World): Promise<CascadeActor> => {
  const a = await world.as("TIM_SAKIP");
  return { agencyId: a.agencyId, actor: a.actor, meta: null };
};
const quarterOf = (rowId: string, quarter: number) => db.unitAgreementQuarter.findUniqueOrThrow({ where: { rowId_quarter: { rowId, quarter } } });
/** What a refusal must leave as it was: the quarter rows of the agency's unit PKs, their files and the audit trail. */
const snapshot = async (world: World) => ({
  quarters: await db.unitAgreementQuarter.findMany({ where: { row: { agencyId: world.agency.id } }, orderBy: [{ rowId: "asc" }, { quarter: "asc" }] }),
  files: await db.storedFile.count({ where: { agencyId: world.agency.id } }),
  events: await db.auditEvent.count({ where: { agencyId: world.agency.id } }),
});
const counters = async (world: World, key: "BIDANG" | "BIDANG_B" | "TIM_SAKIP" | "KADIS", grants: { canVerify?: boolean; canVerifyUnits?: boolean } = {}) =>
  (
    await loadWorkCounters({
      agencyId: world.agency.id,
      agencySlug: world.agency.slug,
      userId: world.users[key].id,
      canFill: true,
      canVerify: grants.canVerify ?? false,
      canVerifyUnits: grants.canVerifyUnits ?? false,
      allowSelfApproval: false,
    })
  ).filter((c) => c.scope === "UNIT");
const upload = async (world: World, key: "BIDANG" | "BIDANG_B", rowId: string, quarter: number) => {
  const a = await world.as(key);
  return storeUpload({
    agencyId: world.agency.id,
    uploadedBy: a.actor,
    roleIds: [],
    unitIds: a.unitIds,
    bytes: PDF,
    originalName: "Foto ruas jalan.pdf",
    declaredType: "application/pdf",
    target: { unitRowId: rowId, quarter },
  });
};

beforeAll(async () => {
  w = await setup();
  rows = await tree(w);
  other = await setup();
}, 180_000);

describe("the lifecycle of a unit PK row's realization", () => {
  it("the unit's member saves a draft, which 'Tugas saya' lists as to send, then sends it without data dukung", async () => {
    expect(await saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "24" }, await member(w, "BIDANG"))).toEqual({ status: "DRAFT" });
    expect(await counters(w, "BIDANG")).toEqual([
      { kind: "DRAFT", year: YEAR, quarter: 1, count: 1, scope: "UNIT", href: `/a/${w.agency.slug}/pohon-kinerja/pk?tahun=${YEAR}&tw=1&status=DRAFT#realisasi-unit` },
    ]);
    // Unit B's member has nothing of unit A's to do; Tim SAKIP has nothing to verify yet.
    expect(await counters(w, "BIDANG_B")).toEqual([]);
    expect(await counters(w, "TIM_SAKIP", { canVerifyUnits: true })).toEqual([]);

    expect(await saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "25", submit: true }, await member(w, "BIDANG"))).toEqual({ status: "SUBMITTED" });
    const q = await quarterOf(rows.programRow, 1);
    expect({ status: q.status, value: q.realization?.toString(), sent: q.submittedAt !== null }).toEqual({ status: "SUBMITTED", value: "25", sent: true });
    expect(await counters(w, "BIDANG")).toEqual([]);
    expect(await counters(w, "TIM_SAKIP", { canVerifyUnits: true })).toEqual([
      { kind: "SUBMITTED", year: YEAR, quarter: 1, count: 1, scope: "UNIT", href: `/a/${w.agency.slug}/pohon-kinerja/pk?tahun=${YEAR}&tw=1&status=SUBMITTED#realisasi-unit` },
    ]);
    // Without the right to verify unit rows, the sent value is nobody's work.
    expect(await counters(w, "TIM_SAKIP")).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cascade.unit_realization_submit" } });
    expect(event.data).toMatchObject({ unitName: UNIT_A, changes: { "realisasi TW 1": { before: "24", after: "25" }, "status TW 1": { before: "DRAFT", after: "SUBMITTED" } } });
  });

  it("refuses a sent value's edit, another unit's member, another agency, a return without a reason, and evidence on a sent value: nothing changes", async () => {
    const before = await snapshot(w);
    expect(await refusal(saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "30" }, await member(w, "BIDANG")))).toEqual({ code: "INVALID", message: REALIZATION_MESSAGES.notEditable });
    expect(await refusal(saveUnitRealization({ rowId: rows.programRow, quarter: 2, value: "30" }, await member(w, "BIDANG_B")))).toEqual({ code: "FORBIDDEN", message: M.notUnitMember });
    expect((await refusal(saveUnitRealization({ rowId: rows.programRow, quarter: 2, value: "30" }, await member(other, "ADMIN", true)))).code).toBe("NOT_FOUND");
    expect((await refusal(reviewUnitRealization({ rowId: rows.programRow, quarter: 1, decision: "VERIFY" }, await sakip(other)))).code).toBe("NOT_FOUND");
    expect(await refusal(reviewUnitRealization({ rowId: rows.programRow, quarter: 1, decision: "RETURN", reason: "  " }, await sakip(w)))).toEqual({ code: "INVALID", message: UR.reasonRequired });
    // Nothing sent in TW II: nothing to verify.
    expect(await refusal(reviewUnitRealization({ rowId: rows.programRow, quarter: 2, decision: "VERIFY" }, await sakip(w)))).toEqual({ code: "INVALID", message: REALIZATION_MESSAGES.notSubmitted });
    expect(await refusal(upload(w, "BIDANG", rows.programRow, 1))).toEqual({ code: "CONFLICT", message: UR.lockedNote });
    expect((await refusal(upload(w, "BIDANG_B", rows.programRow, 2))).code).toBe("FORBIDDEN");
    expect((await refusal(upload(other, "BIDANG", rows.programRow, 2))).code).toBe("NOT_FOUND");
    expect(await snapshot(w)).toEqual(before);
  });

  it("Tim SAKIP returns it with a reason; the member fixes it, attaches data dukung and sends it again; Tim SAKIP verifies it, and it is frozen", async () => {
    expect(await reviewUnitRealization({ rowId: rows.programRow, quarter: 1, decision: "RETURN", reason: "Lampirkan foto ruas jalan." }, await sakip(w))).toEqual({ status: "RETURNED" });
    expect(await quarterOf(rows.programRow, 1)).toMatchObject({ status: "RETURNED", returnReason: "Lampirkan foto ruas jalan." });
    expect(await counters(w, "BIDANG")).toMatchObject([{ kind: "RETURNED", quarter: 1, count: 1, href: `/a/${w.agency.slug}/pohon-kinerja/pk?tahun=${YEAR}&tw=1&status=RETURNED#realisasi-unit` }]);
    expect(await counters(w, "TIM_SAKIP", { canVerifyUnits: true })).toEqual([]);

    // A save while fixing keeps it returned (and the reason visible) until it is sent again.
    expect(await saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "26" }, await member(w, "BIDANG"))).toEqual({ status: "RETURNED" });
    const file = await upload(w, "BIDANG", rows.programRow, 1);
    expect(file).toMatchObject({ unitRowId: rows.programRow, unitQuarter: 1, name: "Foto ruas jalan.pdf" });
    expect(await saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "26", submit: true }, await member(w, "BIDANG"))).toEqual({ status: "SUBMITTED" });

    let pk = (await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS)).units.find((u) => u.unitName === UNIT_A)!;
    expect(pk.rows[0]).toMatchObject({ statuses: ["SUBMITTED", null, null, null], files: [{ id: file.id, originalName: "Foto ruas jalan.pdf" }], own: 26, ownVerified: false });

    expect(await reviewUnitRealization({ rowId: rows.programRow, quarter: 1, decision: "VERIFY" }, await sakip(w))).toEqual({ status: "VERIFIED" });
    const verified = await quarterOf(rows.programRow, 1);
    expect({ status: verified.status, by: verified.verifiedById, reason: verified.returnReason }).toEqual({ status: "VERIFIED", by: w.users.TIM_SAKIP.id, reason: null });
    pk = (await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS)).units.find((u) => u.unitName === UNIT_A)!;
    expect(pk.rows[0]).toMatchObject({ statuses: ["VERIFIED", null, null, null], own: 26, ownVerified: true });

    // Frozen: changing it needs a return, by the member or the planning unit alike.
    const before = await snapshot(w);
    expect(await refusal(saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "27" }, await member(w, "BIDANG")))).toEqual({ code: "INVALID", message: REALIZATION_MESSAGES.notEditable });
    expect(await refusal(saveUnitRealization({ rowId: rows.programRow, quarter: 1, value: "27", submit: true }, await member(w, "ADMIN", true)))).toEqual({ code: "INVALID", message: REALIZATION_MESSAGES.notEditable });
    expect(await refusal(reviewUnitRealization({ rowId: rows.programRow, quarter: 1, decision: "RETURN", reason: "Ubah" }, await sakip(w)))).toEqual({ code: "INVALID", message: REALIZATION_MESSAGES.notSubmitted });
    expect(await refusal(upload(w, "BIDANG", rows.programRow, 1))).toEqual({ code: "CONFLICT", message: UR.lockedNote });
    expect(await snapshot(w)).toEqual(before);
    const actions = (await db.auditEvent.findMany({ where: { agencyId: w.agency.id, entityId: rows.programRow }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(["cascade.unit_realization_save", "cascade.unit_realization_submit", "cascade.unit_realization_return", "cascade.unit_realization_save", "cascade.unit_realization_submit", "cascade.unit_realization_verify"]);
  });

  it("rolls unverified values up, marked: the Program's sum of its Kegiatan is unverified until the Kegiatan's value is", async () => {
    expect(await saveUnitRealization({ rowId: rows.kegiatanRow, quarter: 1, value: "10", submit: true }, await member(w, "BIDANG_B"))).toEqual({ status: "SUBMITTED" });
    const programOf = async () => (await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS)).units.find((u) => u.unitName === UNIT_A)!.rows[0]!;
    // The sum shows the sent 10 (not hidden), marked as resting on an unverified value.
    expect(await programOf()).toMatchObject({ own: 26, ownVerified: true, rolledUp: { value: 10 }, rolledUpVerified: false });
    await reviewUnitRealization({ rowId: rows.kegiatanRow, quarter: 1, decision: "VERIFY" }, await sakip(w));
    expect(await programOf()).toMatchObject({ rolledUp: { value: 10 }, rolledUpVerified: true });
  });

  it("refuses every change of an archived quarter, and its values are no longer anybody's work", async () => {
    expect(await saveUnitRealization({ rowId: rows.programRow, quarter: 2, value: "50", submit: true }, await member(w, "BIDANG"))).toEqual({ status: "SUBMITTED" });
    expect(await saveUnitRealization({ rowId: rows.kegiatanRow, quarter: 2, value: "20" }, await member(w, "BIDANG_B"))).toEqual({ status: "DRAFT" });
    expect(await counters(w, "TIM_SAKIP", { canVerifyUnits: true })).toMatchObject([{ kind: "SUBMITTED", quarter: 2, count: 1 }]);
    const sop = await db.sop.findUniqueOrThrow({ where: { id: w.sopId }, select: { seriesId: true } });
    await db.measurementCycle.create({
      data: { agencyId: w.agency.id, sopId: w.sopId, seriesId: sop.seriesId, year: YEAR, period: "TW2", status: "COMPLETED", startedById: w.users.KADIS.id, completedAt: new Date() },
    });
    const before = await snapshot(w);
    expect(await refusal(reviewUnitRealization({ rowId: rows.programRow, quarter: 2, decision: "VERIFY" }, await sakip(w)))).toEqual({ code: "INVALID", message: M.quarterFrozen(2) });
    expect(await refusal(saveUnitRealization({ rowId: rows.kegiatanRow, quarter: 2, value: "21", submit: true }, await member(w, "BIDANG_B")))).toEqual({ code: "INVALID", message: M.quarterFrozen(2) });
    expect(await refusal(upload(w, "BIDANG_B", rows.kegiatanRow, 2))).toEqual({ code: "CONFLICT", message: M.quarterFrozen(2) });
    expect(await snapshot(w)).toEqual(before);
    expect(await counters(w, "TIM_SAKIP", { canVerifyUnits: true })).toEqual([]);
    expect(await counters(w, "BIDANG_B")).toEqual([]);
    expect((await loadLevelPks(w.agency.id, YEAR, 2, DEFAULT_CAPAIAN_SETTINGS)).frozen).toEqual([false, true, false, false]);
  });
});
