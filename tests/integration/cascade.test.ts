/**
 * Pohon kinerja (lib/cascade, decision 029) on a fresh agency: the level order, units per
 * level, indicator links only to the parent node's indicators, yearly targets inside the
 * period, refused deletes, tenant isolation, audit rows, and the targets rolled up by rule.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { CASCADE_MESSAGES as M } from "@/lib/cascade/messages";
import { listPeriods, loadTree } from "@/lib/cascade/queries";
import { createNode, createPeriod, deleteIndicator, deleteNode, saveIndicator, updateNode, type CascadeActor } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

async function world() {
  const agency = await createAgency();
  const admin = await createUser();
  await addMembership(admin.id, agency, "ADMIN");
  const sekretariat = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Sekretariat", kind: "SEKRETARIAT" } });
  const bidang = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Aplikasi Informatika", kind: "BIDANG" } });
  const seksi = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Seksi Layanan E-Government", kind: "SEKSI", parentId: bidang.id } });
  const closed = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Lama", kind: "BIDANG", active: false } });
  const who: CascadeActor = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  return { agency, who, units: { sekretariat, bidang, seksi, closed } };
}

/** The message of what `promise` refused with, and its code. */
async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

const targets = (values: (string | null)[], start = 2025) => values.map((value, i) => ({ year: start + i, value }));

describe("pohon kinerja", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("makes five-year periods that never overlap", async () => {
    const period = await createPeriod({ startYear: 2025 }, w.who);
    expect(period).toMatchObject({ startYear: 2025, endYear: 2029 });
    expect((await refusal(createPeriod({ startYear: 2025 }, w.who))).message).toBe(M.periodExists);
    expect((await refusal(createPeriod({ startYear: 2027 }, w.who))).message).toBe(M.periodOverlaps("Renstra 2025–2029"));
    expect((await listPeriods(w.agency.id)).map((p) => p.startYear)).toEqual([2025]);
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, action: "cascade.period_create" } });
    expect(events).toHaveLength(1);
  });

  it("lets only one of two overlapping periods created at the same moment through", async () => {
    const other = await world();
    // The first one stays uncommitted a moment; the second, meanwhile, must wait for it and then see it.
    const first = db.$transaction(
      async (tx) => {
        await createPeriod({ startYear: 2030 }, other.who, tx);
        await new Promise((resolve) => setTimeout(resolve, 700));
      },
      { timeout: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    const second = createPeriod({ startYear: 2032 }, other.who).then(
      () => null,
      (error: unknown) => error,
    );
    await first;
    const refused = await second;
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(M.periodOverlaps("Renstra 2030–2034"));
    expect(await db.renstraPeriod.count({ where: { agencyId: other.agency.id } })).toBe(1);
  });

  it("builds Tujuan > Sasaran > Program > Kegiatan in order, with units only below the agency level", async () => {
    const [period] = await listPeriods(w.agency.id);
    const base = { periodId: period!.id };
    const tujuan = await createNode({ ...base, level: "TUJUAN", statement: "Meningkatnya tata kelola pemerintahan berbasis elektronik" }, w.who);
    // A Sasaran Kegiatan straight under a Tujuan, a Sasaran with no parent: refused, with the level named.
    expect((await refusal(createNode({ ...base, level: "KEGIATAN", parentId: tujuan.id, statement: "Layanan aplikasi berjalan", unitId: w.units.seksi.id }, w.who))).message).toBe(
      M.wrongParent("Sasaran Kegiatan", "Sasaran Program"),
    );
    expect((await refusal(createNode({ ...base, level: "SASARAN", statement: "Sasaran tanpa induk" }, w.who))).message).toBe(M.wrongParent("Sasaran Strategis", "Tujuan"));
    // The head's level takes no unit.
    expect((await refusal(createNode({ ...base, level: "SASARAN", parentId: tujuan.id, statement: "Meningkatnya indeks SPBE", unitId: w.units.bidang.id }, w.who))).message).toBe(
      M.unitAgencyLevel("Sasaran Strategis"),
    );
    const sasaran = await createNode({ ...base, level: "SASARAN", parentId: tujuan.id, statement: "Meningkatnya indeks SPBE" }, w.who);
    // A program needs an active unit of the agency.
    expect((await refusal(createNode({ ...base, level: "PROGRAM", parentId: sasaran.id, statement: "Meningkatnya layanan aplikasi" }, w.who))).message).toBe(M.unitRequired("Sasaran Program"));
    expect((await refusal(createNode({ ...base, level: "PROGRAM", parentId: sasaran.id, statement: "Meningkatnya layanan aplikasi", unitId: w.units.closed.id }, w.who))).message).toBe(M.unitNotFound);
    const program = await createNode({ ...base, level: "PROGRAM", parentId: sasaran.id, statement: "Meningkatnya layanan aplikasi", unitId: w.units.bidang.id }, w.who);
    const kegiatan = await createNode({ ...base, level: "KEGIATAN", parentId: program.id, statement: "Tersedianya layanan e-government", unitId: w.units.seksi.id }, w.who);

    const tree = await loadTree(w.agency.id, period!);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children[0]!.children[0]!.children[0]).toMatchObject({ id: kegiatan.id, level: "KEGIATAN", unit: { name: "Seksi Layanan E-Government" } });

    await updateNode({ nodeId: program.id, statement: "Meningkatnya kualitas layanan aplikasi", unitId: w.units.sekretariat.id }, w.who);
    const update = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cascade.node_update", entityId: program.id } });
    expect(update.data).toMatchObject({ changes: { unit: { before: "Bidang Aplikasi Informatika", after: "Sekretariat" } } });
  });

  it("rolls targets up by rule, links only to the parent's indicators, and refuses deletes that would orphan anything", async () => {
    const [period] = await listPeriods(w.agency.id);
    const base = { periodId: period!.id };
    const tujuan = await createNode({ ...base, level: "TUJUAN", statement: "Tujuan kedua untuk roll-up" }, w.who);
    const sasaran = await createNode({ ...base, level: "SASARAN", parentId: tujuan.id, statement: "Sasaran rata-rata program" }, w.who);
    const p1 = await createNode({ ...base, level: "PROGRAM", parentId: sasaran.id, statement: "Program yang dijumlah", unitId: w.units.bidang.id }, w.who);
    const p2 = await createNode({ ...base, level: "PROGRAM", parentId: sasaran.id, statement: "Program yang diukur sendiri", unitId: w.units.sekretariat.id }, w.who);
    const k1 = await createNode({ ...base, level: "KEGIATAN", parentId: p1.id, statement: "Kegiatan satu", unitId: w.units.seksi.id }, w.who);
    const k2 = await createNode({ ...base, level: "KEGIATAN", parentId: p1.id, statement: "Kegiatan dua", unitId: w.units.seksi.id }, w.who);

    const ind = (nodeId: string, name: string, rollUp: "SUM" | "AVERAGE" | "OWN", values: (string | null)[], parentIndicatorId: string | null = null) =>
      saveIndicator({ nodeId, name, unitOfMeasure: "%", polarity: "HIGHER", rollUp, parentIndicatorId, targets: targets(values) }, w.who);
    const s = await ind(sasaran.id, "Indeks layanan", "AVERAGE", ["1", "1", "1", "1", "1"]);
    const i1 = await ind(p1.id, "Layanan terintegrasi", "SUM", [null, null, null, null, null], s.id);
    await ind(p2.id, "Kepuasan layanan", "OWN", ["60", "65", "70", "75", "80"], s.id);
    await ind(k1.id, "Aplikasi A", "OWN", ["30", "30", "35", "40", null], i1.id);
    const a2 = await ind(k2.id, "Aplikasi B", "OWN", ["50", "55", "55", "60", "60"], i1.id);

    // Linking to an indicator that is not the parent node's (here, the Tujuan's level skipped) is refused.
    expect((await refusal(ind(k2.id, "Aplikasi C", "OWN", [], s.id))).message).toBe(M.parentIndicatorNotFound);
    // A year outside the period is refused.
    expect((await refusal(saveIndicator({ nodeId: k2.id, name: "Aplikasi D", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [{ year: 2030, value: "1" }] }, w.who))).message).toBe(
      M.targetYearOutside(2030),
    );

    const tree = await loadTree(w.agency.id, period!);
    const sasaranView = tree.find((n) => n.id === tujuan.id)!.children[0]!;
    const sView = sasaranView.indicators[0]!;
    const p1View = sasaranView.children.find((n) => n.id === p1.id)!.indicators[0]!;
    // P1 = K1 + K2; S = average(P1, P2); 2029: K1 has no target, so both are incomplete, not a partial sum.
    expect(p1View.rolledUp![2025]).toEqual({ value: 80, from: "children" });
    expect(p1View.rolledUp![2028]).toEqual({ value: 100, from: "children" });
    expect(sView.rolledUp![2025]).toEqual({ value: 70, from: "children" });
    expect(sView.rolledUp![2029]).toEqual({ value: null, reason: "incomplete" });
    expect(sasaranView.children.find((n) => n.id === p2.id)!.indicators[0]!.rolledUp).toBeNull();

    // Editing targets records what changed.
    await saveIndicator({ indicatorId: a2.id, nodeId: k2.id, name: "Aplikasi B", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", parentIndicatorId: i1.id, targets: targets(["50", "55", "55", "60", "65"]) }, w.who);
    const edit = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cascade.indicator_update", entityId: a2.id } });
    expect(edit.data).toMatchObject({ changes: { "target 2029": { before: "60", after: "65" } } });

    // Deletes that would orphan something are refused, in Indonesian, and change nothing.
    expect(await refusal(deleteNode({ nodeId: p1.id }, w.who))).toEqual({ message: M.nodeHasChildren(2), code: "CONFLICT" });
    expect(await refusal(deleteNode({ nodeId: k2.id }, w.who))).toEqual({ message: M.nodeHasIndicators(1), code: "CONFLICT" });
    expect(await refusal(deleteIndicator({ indicatorId: i1.id }, w.who))).toEqual({ message: M.indicatorHasContributors(2), code: "CONFLICT" });
    expect(await db.cascadeIndicator.count({ where: { nodeId: { in: [p1.id, k2.id] } } })).toBe(2);

    // Bottom up, they go.
    await deleteIndicator({ indicatorId: a2.id }, w.who);
    await deleteNode({ nodeId: k2.id }, w.who);
    expect(await db.cascadeNode.count({ where: { id: k2.id } })).toBe(0);
    expect(await db.cascadeTarget.count({ where: { indicatorId: a2.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { agencyId: w.agency.id, action: { in: ["cascade.indicator_delete", "cascade.node_delete"] } } })).toBe(2);
  });

  it("sees nothing of another agency: its period, node, unit and indicator are not found", async () => {
    const other = await world();
    const period = await createPeriod({ startYear: 2025 }, other.who);
    const node = await createNode({ periodId: period.id, level: "TUJUAN", statement: "Tujuan instansi lain" }, other.who);
    const indicator = await saveIndicator({ nodeId: node.id, name: "Indikator lain", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [] }, other.who);
    const [mine] = await listPeriods(w.agency.id);
    const mineTujuan = await createNode({ periodId: mine!.id, level: "TUJUAN", statement: "Tujuan ketiga" }, w.who);

    expect((await refusal(createNode({ periodId: period.id, level: "TUJUAN", statement: "Menyusup ke periode lain" }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(createNode({ periodId: mine!.id, level: "SASARAN", parentId: node.id, statement: "Menyusup ke simpul lain" }, w.who))).code).toBe("NOT_FOUND");
    const sasaran = await createNode({ periodId: mine!.id, level: "SASARAN", parentId: mineTujuan.id, statement: "Sasaran ketiga" }, w.who);
    expect((await refusal(createNode({ periodId: mine!.id, level: "PROGRAM", parentId: sasaran.id, statement: "Unit instansi lain", unitId: other.units.bidang.id }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(updateNode({ nodeId: node.id, statement: "Mengubah milik orang lain" }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteNode({ nodeId: node.id }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteIndicator({ indicatorId: indicator.id }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(saveIndicator({ indicatorId: indicator.id, nodeId: node.id, name: "Ambil alih", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [] }, w.who))).code).toBe(
      "NOT_FOUND",
    );
    expect(await db.cascadeNode.findUniqueOrThrow({ where: { id: node.id } })).toMatchObject({ statement: "Tujuan instansi lain" });
  });
});
