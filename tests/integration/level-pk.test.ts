/**
 * The PK per level generated from the pohon kinerja (decision 035) on a fresh agency with its own
 * units: a three-level tree gives the head's PK (the agency PK), one PK per Bidang (Sasaran
 * Program) and one per Seksi (Sasaran Kegiatan) whose indicators, targets and officials match
 * the tree; the rows are copies (a later tree edit does not rewrite them); generating again keeps
 * what exists; realizations roll up by the tree's rule (SUM, AVERAGE, OWN) and a target due in a
 * later quarter is "Belum dapat dinilai".
 */
import { beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/authz/errors";
import { loadLevelPks, type TLevelPk } from "@/lib/cascade/level-pk-queries";
import { generateLevelAgreements, saveActionPlan, saveUnitRealization as saveParsed } from "@/lib/cascade/level-pk";
import { ZSaveUnitRealization, type TSaveUnitRealization } from "@/lib/cascade/schemas";
import { CASCADE_MESSAGES, LEVEL_PK_MESSAGES as M } from "@/lib/cascade/messages";
import { createNode, createPeriod, saveIndicator, type CascadeActor } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";

import { actorOf, addMembership, createAgency, createUser } from "./factories";

const YEAR = 2026;
/** Like the action: the shared schema parses the raw input once (decision 044). */
const saveUnitRealization = (raw: TSaveUnitRealization, who: Parameters<typeof saveParsed>[1]) => saveParsed(ZSaveUnitRealization.parse(raw), who);
const parties = { firstPartyName: "Ir. Kepala Dinas", firstPartyJabatan: "Kepala Dinas Uji", secondPartyName: "Gubernur Uji", secondPartyJabatan: "Gubernur" };

async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function world() {
  const agency = await createAgency();
  const admin = await createUser();
  const kabid = await createUser({ name: "Budi Kabid" });
  await addMembership(admin.id, agency, "ADMIN");
  const bidangA = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Aplikasi", kind: "BIDANG", headTitle: "Kepala Bidang Aplikasi", headUserId: kabid.id, sortOrder: 1 } });
  const bidangB = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Bidang Statistik", kind: "BIDANG", sortOrder: 2 } });
  const seksiA1 = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Seksi Layanan", kind: "SEKSI", parentId: bidangA.id, sortOrder: 3 } });
  const seksiA2 = await db.orgUnit.create({ data: { agencyId: agency.id, name: "Seksi Integrasi", kind: "SEKSI", parentId: bidangA.id, sortOrder: 4 } });
  const who: CascadeActor = { agencyId: agency.id, actor: actorOf(admin), meta: null };
  const period = await createPeriod({ startYear: 2025 }, who);
  const node = (level: "TUJUAN" | "SASARAN" | "PROGRAM" | "KEGIATAN", statement: string, parentId: string | null, unitId: string | null = null) =>
    createNode({ periodId: period.id, level, statement, parentId, unitId }, who).then((n) => n.id);
  const ind = (nodeId: string, name: string, rollUp: "SUM" | "AVERAGE" | "OWN", target: string | null, parentIndicatorId: string | null = null) =>
    saveIndicator({ nodeId, name, unitOfMeasure: "%", polarity: "HIGHER", rollUp, parentIndicatorId, targets: [{ year: YEAR, value: target }, { year: 2029, value: "99" }] }, who).then((i) => i.id);

  const tujuan = await node("TUJUAN", "Meningkatnya tata kelola digital", null);
  const sasaran = await node("SASARAN", "Meningkatnya kualitas layanan digital", tujuan);
  const pa = await node("PROGRAM", "Meningkatnya layanan aplikasi", sasaran, bidangA.id);
  const pb = await node("PROGRAM", "Meningkatnya data statistik sektoral", sasaran, bidangB.id);
  const ka1 = await node("KEGIATAN", "Tersedianya layanan aplikasi", pa, seksiA1.id);
  const ka2 = await node("KEGIATAN", "Terintegrasinya aplikasi", pa, seksiA2.id);

  const s1 = await ind(sasaran, "Indeks kepuasan layanan digital", "AVERAGE", "80");
  const s2 = await ind(sasaran, "Jumlah layanan digital", "SUM", "100");
  const pa1 = await ind(pa, "Jumlah layanan terintegrasi", "SUM", "60", s2);
  const pa2 = await ind(pa, "Kepuasan pengguna aplikasi", "OWN", "85", s1);
  const pb1 = await ind(pb, "Kepuasan pengguna data", "OWN", "75", s1);
  const pb2 = await ind(pb, "Jumlah set data terbit", "OWN", "40", s2);
  const ka1a = await ind(ka1, "Aplikasi layanan aktif", "OWN", "25", pa1);
  const ka1b = await ind(ka1, "Hasil survei seksi", "OWN", "90", pa2);
  const ka2a = await ind(ka2, "Aplikasi terintegrasi", "OWN", "35", pa1);
  return { agency, admin, who, period, units: { bidangA, bidangB, seksiA1, seksiA2 }, nodes: { sasaran, pa, ka1, ka2 }, ind: { s1, s2, pa1, pa2, pb1, pb2, ka1a, ka1b, ka2a } };
}

const rowsOf = (pk: TLevelPk | null | undefined) => (pk?.rows ?? []).map((r) => ({ statement: r.statement, name: r.name, target: r.target }));

describe("PK per jenjang from the pohon kinerja", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("refuses a year outside the period, another agency's period, and a missing head party", async () => {
    expect((await refusal(generateLevelAgreements({ periodId: w.period.id, year: 2031, ...parties }, w.who))).message).toBe(M.yearOutside(2031, "Renstra 2025–2029"));
    const other = await world();
    expect((await refusal(generateLevelAgreements({ periodId: other.period.id, year: YEAR, ...parties }, w.who))).code).toBe("NOT_FOUND");
    expect((await refusal(generateLevelAgreements({ periodId: w.period.id, year: YEAR, ...parties, secondPartyName: "" }, w.who))).message).toBe(M.headPartiesRequired);
    // An agreement is not made on an empty target: the indicator without one for the year is named.
    expect((await refusal(generateLevelAgreements({ periodId: w.period.id, year: 2027, ...parties }, w.who))).message).toBe(
      M.targetsMissing(2027, "Indeks kepuasan layanan digital; Jumlah layanan digital"),
    );
    expect(await db.performanceAgreement.count({ where: { agencyId: w.agency.id } })).toBe(0);
    expect(await db.unitAgreement.count({ where: { agencyId: w.agency.id } })).toBe(0);
  });

  it("generates the PK of every level for the year, matching the tree", async () => {
    const result = await generateLevelAgreements({ periodId: w.period.id, year: YEAR, ...parties }, w.who);
    expect(result).toEqual({
      head: "created",
      created: ["Sasaran Program – Bidang Aplikasi", "Sasaran Program – Bidang Statistik", "Sasaran Kegiatan – Seksi Layanan", "Sasaran Kegiatan – Seksi Integrasi"],
      kept: [],
    });
    const { head, units } = await loadLevelPks(w.agency.id, YEAR, 4, DEFAULT_CAPAIAN_SETTINGS);
    // The head: the agency PK, from the Sasaran Strategis, signed by the parties given.
    expect(head).toMatchObject({ officialTitle: "Kepala Dinas Uji", officialName: "Ir. Kepala Dinas", superiorTitle: "Gubernur" });
    expect(rowsOf(head)).toEqual([
      { statement: "Meningkatnya kualitas layanan digital", name: "Indeks kepuasan layanan digital", target: "80" },
      { statement: "Meningkatnya kualitas layanan digital", name: "Jumlah layanan digital", target: "100" },
    ]);
    // Each head indicator is filled by the unit of a supporting program.
    expect(head!.rows.map((r) => r.filler)).toEqual(["Bidang Statistik", "Bidang Aplikasi"]);

    expect(units.map((u) => [CASCADE_MESSAGES.level[u.level as "PROGRAM"], u.unitName, u.officialTitle, u.officialName, u.superiorTitle])).toEqual([
      ["Sasaran Program", "Bidang Aplikasi", "Kepala Bidang Aplikasi", "Budi Kabid", "Kepala Dinas Uji"],
      ["Sasaran Program", "Bidang Statistik", "Kepala Bidang Statistik", "", "Kepala Dinas Uji"],
      ["Sasaran Kegiatan", "Seksi Layanan", "Kepala Seksi Layanan", "", "Kepala Bidang Aplikasi"],
      ["Sasaran Kegiatan", "Seksi Integrasi", "Kepala Seksi Integrasi", "", "Kepala Bidang Aplikasi"],
    ]);
    expect(rowsOf(units[0])).toEqual([
      { statement: "Meningkatnya layanan aplikasi", name: "Jumlah layanan terintegrasi", target: "60" },
      { statement: "Meningkatnya layanan aplikasi", name: "Kepuasan pengguna aplikasi", target: "85" },
    ]);
    expect(rowsOf(units[1])).toEqual([
      { statement: "Meningkatnya data statistik sektoral", name: "Kepuasan pengguna data", target: "75" },
      { statement: "Meningkatnya data statistik sektoral", name: "Jumlah set data terbit", target: "40" },
    ]);
    expect(rowsOf(units[2])).toEqual([
      { statement: "Tersedianya layanan aplikasi", name: "Aplikasi layanan aktif", target: "25" },
      { statement: "Tersedianya layanan aplikasi", name: "Hasil survei seksi", target: "90" },
    ]);
    expect(rowsOf(units[3])).toEqual([{ statement: "Terintegrasinya aplikasi", name: "Aplikasi terintegrasi", target: "35" }]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "cascade.pk_generate" } });
    expect(event.data).toMatchObject({ year: YEAR, head: "created" });
  });

  it("keeps copies: a later tree edit does not rewrite a PK, it is shown beside it; generating again keeps what exists", async () => {
    await saveIndicator({ indicatorId: w.ind.pa1, nodeId: w.nodes.pa, name: "Jumlah layanan terintegrasi", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "SUM", parentIndicatorId: w.ind.s2, targets: [{ year: YEAR, value: "70" }] }, w.who);
    await saveIndicator({ indicatorId: w.ind.s1, nodeId: w.nodes.sasaran, name: "Indeks kepuasan layanan digital", unitOfMeasure: "%", polarity: "HIGHER", rollUp: "AVERAGE", targets: [{ year: YEAR, value: "82" }] }, w.who);
    // A head PK holding a realization: generating again must not touch it.
    const s1Row = await db.indicator.findFirstOrThrow({ where: { agencyId: w.agency.id, cascadeIndicatorId: w.ind.s1 } });
    await db.realization.create({ data: { agencyId: w.agency.id, indicatorId: s1Row.id, year: YEAR, quarter: 1, value: "77" } });
    // A new Kegiatan of Bidang Statistik appears in the tree.
    const kb = await createNode({ periodId: w.period.id, level: "KEGIATAN", parentId: w.nodes.pa, statement: "Kegiatan baru bidang statistik", unitId: w.units.bidangB.id }, w.who);
    await saveIndicator({ nodeId: kb.id, name: "Dokumen baru", unitOfMeasure: "dokumen", polarity: "HIGHER", rollUp: "OWN", targets: [{ year: YEAR, value: "2" }] }, w.who);

    const again = await generateLevelAgreements({ periodId: w.period.id, year: YEAR }, w.who);
    expect(again.head).toBe("kept");
    expect(again.created).toEqual(["Sasaran Kegiatan – Bidang Statistik"]);
    expect(again.kept).toHaveLength(4);

    const { head, units } = await loadLevelPks(w.agency.id, YEAR, 4, DEFAULT_CAPAIAN_SETTINGS);
    expect(head!.rows[0]).toMatchObject({ target: "80", treeTarget: "82", realizations: ["77", null, null, null] });
    expect(units[0]!.rows[0]).toMatchObject({ target: "60", treeTarget: "70" });
    expect(units[0]!.rows[1]!.treeTarget).toBeUndefined();
    expect(await db.realization.count({ where: { indicatorId: s1Row.id } })).toBe(1);
  });

  it("rolls realization up by the tree's rule: sum, average, measured on its own; incomplete stays incomplete", async () => {
    const rowOf = async (indicatorId: string) => (await db.unitAgreementRow.findFirstOrThrow({ where: { agencyId: w.agency.id, cascadeIndicatorId: indicatorId } })).id;
    const fill = async (indicatorId: string, value: string) => saveUnitRealization({ rowId: await rowOf(indicatorId), quarter: 1, value }, { ...w.who, unitIds: [], canManage: true });
    await fill(w.ind.ka1a, "20");
    await fill(w.ind.ka1b, "88");
    await fill(w.ind.pa1, "48");
    await fill(w.ind.pa2, "86");
    await fill(w.ind.pb1, "70");
    await fill(w.ind.pb2, "35");

    let { head, units } = await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS);
    const bidangA = () => units.find((u) => u.unitName === "Bidang Aplikasi" && u.level === "PROGRAM")!;
    // Seksi Integrasi has not filled yet: the sum is incomplete, never a partial 20.
    expect(bidangA().rows[0]).toMatchObject({ own: 48, rolledUp: { value: null, reason: "incomplete" } });
    await fill(w.ind.ka2a, "30");
    ({ head, units } = await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS));
    // SUM: 20 + 30 beside the Bidang's own 48.
    expect(bidangA().rows[0]).toMatchObject({ own: 48, rolledUp: { value: 50, from: "children" } });
    // OWN ("diukur sendiri"): its own 86 stays, nothing rolled up in its place.
    expect(bidangA().rows[1]).toMatchObject({ own: 86, rolledUp: null });
    // AVERAGE: (86 + 70) / 2 beside the head's own 77.
    expect(head!.rows[0]).toMatchObject({ own: 77, rolledUp: { value: 78, from: "children" } });
    // SUM through two levels: the program's rolled-up 50 (not its own 48) + 35.
    expect(head!.rows[1]).toMatchObject({ own: null, rolledUp: { value: 85, from: "children" } });

    // Only an annual target: TW I cannot be judged yet, not a red flag.
    expect(bidangA().rows[1]!.capaian).toMatchObject({ status: "CANNOT_COMPUTE", reason: "NOT_YET_DUE", dueQuarter: 4 });
    // With a Rencana Aksi target from TW II: still "Belum dapat dinilai" at TW I, judged at TW II.
    await saveActionPlan({ rowId: await rowOf(w.ind.pa2), aggregation: "LAST", quarters: [null, "80", null, "85"] }, w.who);
    ({ units } = await loadLevelPks(w.agency.id, YEAR, 1, DEFAULT_CAPAIAN_SETTINGS));
    expect(bidangA().rows[1]!.capaian).toMatchObject({ reason: "NOT_YET_DUE", dueQuarter: 2, message: "Belum dapat dinilai: target jatuh pada Triwulan II" });
    expect(bidangA().rows[1]!.quarterTargets).toEqual([null, "80", null, "85"]);
    ({ units } = await loadLevelPks(w.agency.id, YEAR, 2, DEFAULT_CAPAIAN_SETTINGS));
    expect(bidangA().rows[1]!.capaian).toMatchObject({ status: "OK", display: "107,50%" });
  });

  it("lets only the unit's members and the planning unit fill a unit's realization, and never another agency's", async () => {
    const row = await db.unitAgreementRow.findFirstOrThrow({ where: { agencyId: w.agency.id, cascadeIndicatorId: w.ind.pb1 } });
    const bidangB = w.units.bidangB.id;
    expect(await refusal(saveUnitRealization({ rowId: row.id, quarter: 2, value: "71" }, { ...w.who, unitIds: [w.units.bidangA.id], canManage: false }))).toEqual({
      message: M.notUnitMember,
      code: "FORBIDDEN",
    });
    await saveUnitRealization({ rowId: row.id, quarter: 2, value: "71" }, { ...w.who, unitIds: [bidangB], canManage: false });
    const other = await world();
    expect((await refusal(saveUnitRealization({ rowId: row.id, quarter: 2, value: "1" }, { ...other.who, unitIds: [], canManage: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(saveActionPlan({ rowId: row.id, aggregation: "LAST", quarters: [null, null, null, "1"] }, other.who))).code).toBe("NOT_FOUND");
    expect((await db.unitAgreementQuarter.findUniqueOrThrow({ where: { rowId_quarter: { rowId: row.id, quarter: 2 } } })).realization?.toString()).toBe("71");
  });
});
