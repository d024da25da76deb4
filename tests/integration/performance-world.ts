/**
 * The world of the performance integration tests: a fresh agency shaped like
 * Dinas BMCKTR (two units, one member per role, a second Bidang in unit B),
 * its Perjanjian Kinerja and the seed SOP active, and the helpers that call
 * the services the way the actions do (parse with the shared schema, then the
 * service; refusals as results) and check that a refusal changed nothing.
 */
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { z } from "zod";

import { readAgencySettings } from "@/lib/agency/settings";
import { AppError } from "@/lib/authz/errors";
import { generateLevelAgreements } from "@/lib/cascade/level-pk";
import { createNode, createPeriod, saveIndicator, type CascadeActor } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { roundPercent, type TCapaianResult } from "@/lib/performance/capaian";
import { loadAgreement, memberUnitIds } from "@/lib/performance/queries";
import { buildRecap } from "@/lib/performance/recap";
import { ZAgreementInput, ZBudgetSave, ZRealizationReview, ZRealizationSave, type TAgreementInput } from "@/lib/performance/schemas";
import { reviewRealization, saveAgreement, saveBudgetRealization, saveRealization, type PerformanceActor } from "@/lib/performance/service";
import {
  buildPerformanceWorkbook,
  columnIndex,
  columnsOf,
  PERFORMANCE_EXPORT_KINDS,
  PERFORMANCE_HEADER_ROWS,
  type TPerformanceColumnKey,
  type TPerformanceExportKind,
} from "@/lib/performance/xlsx";
import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { activateSop, createSop } from "@/lib/sop/service";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

import { actorOf, addMembership, createAgencyLike, createUser } from "./factories";

export const SUMBAR = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;
export const SOP = SEED_SOPS["bmcktr-sumbar"];
export const YEAR = 2025;
export const UNIT_A = "Bidang Bina Marga";
export const UNIT_B = "Bidang Cipta Karya";
export const RETURN_REASON = "Data dukung foto ruas jalan belum dilampirkan; nilai TW I perlu dicek ulang.";

export type Q = [number, number] | number;
export const target = (t: Q) =>
  typeof t === "number" ? { targetValue: String(t), targetMin: null, targetMax: null } : { targetValue: null, targetMin: String(t[0]), targetMax: String(t[1]) };

/**
 * A1/A2 belong to unit A, B1/B2 to unit B:
 * A1 higher-is-better (last value), A2 lower-is-better T=8, B1 a range [80, 90]
 * (higher is better, last value), B2 cumulative with quarterly targets 2, 3, 4, 3.
 */
export function agreementInput(): TAgreementInput {
  const ind = (
    code: string,
    name: string,
    polarity: "HIGHER" | "LOWER",
    aggregation: "CUMULATIVE" | "LAST" | "AVERAGE",
    orgUnit: string,
    annual: Q,
    quarters: Q[],
  ) => ({
    code,
    name,
    unit: "%",
    polarity,
    aggregation,
    orgUnit,
    targetType: Array.isArray(annual) ? ("RANGE" as const) : ("SINGLE" as const),
    ...target(annual),
    quarters: quarters.map(target),
  });
  return {
    year: YEAR,
    signedAt: "2025-02-10",
    firstPartyName: "Ir. Kepala Dinas Uji",
    firstPartyJabatan: "Kepala Dinas",
    firstPartyNip: "197003102000011021",
    secondPartyName: "Gubernur Uji",
    secondPartyJabatan: "Gubernur",
    goals: [
      {
        code: "S1",
        name: "Meningkatnya kemantapan jalan",
        indicators: [
          ind("A1", "Persentase kemantapan jalan", "HIGHER", "LAST", UNIT_A, 85, [80, 82, 84, 85]),
          ind("A2", "Panjang jalan rusak berat", "LOWER", "LAST", UNIT_A, 8, [8, 8, 8, 8]),
        ],
      },
      {
        code: "S2",
        name: "Meningkatnya kualitas permukiman",
        indicators: [
          ind("B1", "Indeks kepuasan layanan", "HIGHER", "LAST", UNIT_B, [80, 90], [[80, 90], [80, 90], [80, 90], [80, 90]]),
          ind("B2", "Jumlah kawasan kumuh ditangani", "HIGHER", "CUMULATIVE", UNIT_B, 12, [2, 3, 4, 3]),
        ],
      },
    ],
    programs: [{ code: "1.03.10", name: "Program Penyelenggaraan Jalan", pagu: ["100000000", "200000000", "300000000", "400000000"] }],
  };
}

export const ROLE_CODES = ["KADIS", "SEKRETARIS", "BIDANG", "TIM_SAKIP", "SUBBAG_PERENCANAAN", "ADMIN"] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** An agency like Dinas BMCKTR: one member per role, a second Bidang in unit B, the PK and the seed SOP active. */
export async function setup() {
  const agency = await createAgencyLike(SUMBAR);
  const [unitA, unitB] = await Promise.all([
    db.orgUnit.create({ data: { agencyId: agency.id, name: UNIT_A, sortOrder: 0 } }),
    db.orgUnit.create({ data: { agencyId: agency.id, name: UNIT_B, sortOrder: 1 } }),
  ]);
  const users = {} as Record<RoleCode | "BIDANG_B", User>;
  for (const code of ROLE_CODES) {
    users[code] = await createUser({ name: `${code} ${agency.slug}` });
    const m = await addMembership(users[code].id, agency, code);
    if (code === "BIDANG") await db.membership.update({ where: { id: m.id }, data: { unitId: unitA.id } });
  }
  users.BIDANG_B = await createUser({ name: `Bidang Cipta Karya ${agency.slug}` });
  const mB = await addMembership(users.BIDANG_B.id, agency, "BIDANG");
  await db.membership.update({ where: { id: mB.id }, data: { unitId: unitB.id } });

  /** What saveRealizationAction passes to the service: the member's units from their memberships. */
  const as = async (key: RoleCode | "BIDANG_B"): Promise<PerformanceActor> => ({
    agencyId: agency.id,
    actor: actorOf(users[key], [key === "BIDANG_B" ? "BIDANG" : key]),
    meta: null,
    unitIds: await memberUnitIds(agency.id, users[key].id),
  });
  await saveAgreement(ZAgreementInput.parse(agreementInput()), await as("ADMIN"));
  const indicators = await db.indicator.findMany({ where: { agencyId: agency.id }, select: { id: true, code: true } });
  const ind = Object.fromEntries(indicators.map((i) => [i.code, i.id])) as Record<"A1" | "A2" | "B1" | "B2", string>;
  const program = await db.program.findFirstOrThrow({ where: { agencyId: agency.id }, select: { id: true } });

  const sopCtx = (code: RoleCode) => ({ agencyId: agency.id, actor: actorOf(users[code], [code]), meta: null });
  const { id: sopId } = await createSop(SOP, sopCtx("ADMIN"));
  await activateSop(sopId, sopCtx("KADIS"));
  const settings = async () => readAgencySettings((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).settings);
  return { agency, units: { A: unitA, B: unitB }, users, as, ind, programId: program.id, sopId, settings };
}
export type World = Awaited<ReturnType<typeof setup>>;

/** Like agencyAction: parse the untrusted input with the shared schema, then the service; refusals as results. */
export async function attempt<S extends z.ZodType>(schema: S, raw: z.input<S>, run: (input: z.output<S>) => Promise<unknown>) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false as const, code: "INVALID", error: "", fieldErrors };
  }
  try {
    return { ok: true as const, data: await run(parsed.data) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, error: error.message, fieldErrors: error.fieldErrors ?? {} };
  }
}

export async function save(w: World, who: RoleCode | "BIDANG_B", raw: Partial<z.input<typeof ZRealizationSave>> & { indicatorId: string }) {
  const ctx = await w.as(who);
  return attempt(ZRealizationSave, { year: YEAR, quarter: 1, ...raw }, (input) => saveRealization(input, ctx));
}

export async function review(w: World, raw: z.input<typeof ZRealizationReview>) {
  const ctx = await w.as("TIM_SAKIP");
  return attempt(ZRealizationReview, raw, (input) => reviewRealization(input, ctx));
}

export async function budget(w: World, raw: z.input<typeof ZBudgetSave>) {
  const ctx = await w.as("TIM_SAKIP");
  return attempt(ZBudgetSave, raw, (input) => saveBudgetRealization(input, ctx));
}

/** Everything a refusal must leave untouched. */
export async function snapshot(agencyId: string) {
  const [realizations, budgetRows, events] = await Promise.all([
    db.realization.findMany({ where: { agencyId }, orderBy: { id: "asc" } }),
    db.programQuarter.findMany({ where: { program: { agencyId } }, orderBy: [{ programId: "asc" }, { quarter: "asc" }] }),
    db.auditEvent.count({ where: { agencyId } }),
  ]);
  return { realizations, budgetRows: budgetRows.map((b) => ({ ...b, pagu: b.pagu.toString(), realization: b.realization?.toString() ?? null })), events };
}

export async function expectNothingChanged<T>(w: World, run: () => Promise<T>): Promise<T> {
  const before = await snapshot(w.agency.id);
  const result = await run();
  expect(await snapshot(w.agency.id)).toEqual(before);
  return result;
}

export const realizationOf = (indicatorId: string, quarter = 1) =>
  db.realization.findUnique({ where: { indicatorId_year_quarter: { indicatorId, year: YEAR, quarter } } });

export async function recapOf(w: World, quarter: number) {
  const agreement = await loadAgreement(w.agency.id, YEAR);
  const settings = readAgencySettings((await db.agency.findUniqueOrThrow({ where: { id: w.agency.id } })).settings).capaian;
  return buildRecap(agreement!, quarter, settings);
}

export const percentOf = (r: TCapaianResult) => (r.status === "OK" ? roundPercent(r.percent) : r.message);

// ---------------------------------------------------------------------------
// xlsx helpers
// ---------------------------------------------------------------------------

export async function workbookOf(w: World, recap: Awaited<ReturnType<typeof recapOf>>, kind: TPerformanceExportKind) {
  const agreement = (await loadAgreement(w.agency.id, YEAR))!;
  const buffer = await buildPerformanceWorkbook({ kind, recap, agency: { name: w.agency.name, governmentName: "Provinsi Uji" }, agreement });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The indicator sheet read back: rows by the code column, cells by column key (of the sheet's own kind). */
export async function readSheet(wb: ExcelJS.Workbook) {
  const ws = wb.worksheets[0]!;
  const kind: TPerformanceExportKind = ws.name === PERFORMANCE_EXPORT_KINDS.pengukuran.sheet ? "pengukuran" : "rencana-aksi";
  const col = (key: TPerformanceColumnKey) => {
    const n = columnIndex(key, kind);
    if (n === 0) throw new Error(`the ${kind} sheet has no column ${key}`);
    return n;
  };
  const rows = new Map<string, ExcelJS.Row>();
  const codes: string[] = [];
  let formulas = 0;
  ws.eachRow((row, n) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
    });
    if (n <= PERFORMANCE_HEADER_ROWS.last) return;
    const code = row.getCell(col("code")).value;
    if (typeof code === "string" && code) {
      rows.set(code, row);
      codes.push(code);
    }
  });
  expect(ws.getRow(PERFORMANCE_HEADER_ROWS.last).cellCount).toBeGreaterThan(0);
  expect(columnsOf(kind).length).toBe(ws.columnCount);
  return {
    ws,
    kind,
    codes,
    formulas,
    row: (code: string) => {
      const row = rows.get(code);
      if (!row) throw new Error(`no row ${code}`);
      return {
        get: (key: TPerformanceColumnKey) => row.getCell(col(key)).value ?? null,
        cell: (key: TPerformanceColumnKey) => row.getCell(col(key)),
      };
    },
  };
}

/** A unit PK row of unit A (a Program), generated from a small tree. */
export async function unitPkRow(world: World) {
  const admin = await world.as("ADMIN");
  const who: CascadeActor = { agencyId: admin.agencyId, actor: admin.actor, meta: null };
  const period = await createPeriod({ startYear: YEAR }, who);
  const node = (level: "TUJUAN" | "SASARAN" | "PROGRAM", statement: string, parentId: string | null, unitId: string | null = null) =>
    createNode({ periodId: period.id, level, statement, parentId, unitId }, who).then((n) => n.id);
  const tujuan = await node("TUJUAN", "Meningkatnya konektivitas wilayah", null);
  const sasaran = await node("SASARAN", "Meningkatnya kemantapan jalan provinsi", tujuan);
  const program = await node("PROGRAM", "Meningkatnya kondisi jalan mantap", sasaran, world.units.A.id);
  const s = await saveIndicator({ nodeId: sasaran, name: "Panjang jalan mantap", unitOfMeasure: "km", polarity: "HIGHER", rollUp: "OWN", parentIndicatorId: null, targets: [{ year: YEAR, value: "1000" }] }, who);
  const p = await saveIndicator({ nodeId: program, name: "Panjang jalan direhabilitasi", unitOfMeasure: "km", polarity: "HIGHER", rollUp: "OWN", parentIndicatorId: s.id, targets: [{ year: YEAR, value: "100" }] }, who);
  await generateLevelAgreements({ periodId: period.id, year: YEAR }, who);
  return (await db.unitAgreementRow.findFirstOrThrow({ where: { agencyId: world.agency.id, cascadeIndicatorId: p.id } })).id;
}
