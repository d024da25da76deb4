/**
 * Performance data on a real database: a Perjanjian Kinerja with two units,
 * realization entry limited to the member's own unit, the number fields'
 * refusals, Tim SAKIP's return and verification, the freeze of an archived
 * period, the recap's capaian against hand-computed values, the xlsx export
 * read back, and the cycle's INPUT step waiting for every indicator.
 *
 * Server actions need a session, so the services are called the way the
 * actions call them: parse with the shared zod schema, then the service with
 * the member's units from memberUnitIds. A refusal must change nothing.
 */
import { describe, expect, it } from "vitest";

import { summarizeEvent } from "@/lib/audit/labels";
import { ZStartCycle, ZTaskAction, type TTaskAction } from "@/lib/cycle/schemas";
import { actOnTask, startCycle } from "@/lib/cycle/service";
import { db } from "@/lib/db/client";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { loadAgreement, memberUnitIds } from "@/lib/performance/queries";
import { PERFORMANCE_MESSAGES as M } from "@/lib/performance/schemas";

import { cycleActorOf } from "./factories";
import {
  budget,
  expectNothingChanged,
  percentOf,
  readSheet,
  realizationOf,
  recapOf,
  RETURN_REASON,
  review,
  save,
  setup,
  SOP,
  workbookOf,
  YEAR,
  type RoleCode,
  type World,
} from "./performance-world";

// ---------------------------------------------------------------------------

describe("performance: realization entry is limited to the member's own unit", () => {
  it("lets a Bidang save and submit its own indicator, refuses another unit's with nothing written", async () => {
    const w = await setup();
    expect(await memberUnitIds(w.agency.id, w.users.BIDANG.id)).toEqual([w.units.A.id]);

    const draft = await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80,5", faktorPendorong: "Pemeliharaan rutin" });
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(await realizationOf(w.ind.A1)).toMatchObject({ status: "DRAFT", faktorPendorong: "Pemeliharaan rutin", filledById: w.users.BIDANG.id });
    expect((await realizationOf(w.ind.A1))!.value!.toString()).toBe("80.5");

    // Unit B's indicator, by the Bidang of unit A: forbidden, and nothing written.
    for (const submit of [false, true]) {
      const refused = await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.B1, value: "85", submit }));
      expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN", error: M.notYourUnit });
      expect(refused.ok === false && refused.error).toMatch(/unit kerja lain/);
    }
    expect(await realizationOf(w.ind.B1)).toBeNull();
    // Tim SAKIP has no unit: it fills nothing.
    expect(await expectNothingChanged(w, () => save(w, "TIM_SAKIP", { indicatorId: w.ind.A1, value: "81" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    // The unit's own Bidang can; the submit is recorded in the audit trail.
    expect(await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true })).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const submitted = await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80,5", submit: true });
    expect(submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, entityType: "Realization" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["realization.save", "realization.submit", "realization.submit"]);
    expect(events[2]!.actorId).toBe(w.users.BIDANG.id);

    // The loaded PK of a Bidang holds only its unit's indicators.
    const mine = await loadAgreement(w.agency.id, YEAR, [w.units.A.id]);
    expect(mine!.goals.flatMap((g) => g.indicators.map((i) => i.code))).toEqual(["A1", "A2"]);
  });

  it("refuses an implausible value until its warnings are confirmed, naming them in Indonesian; the confirmed ones are in the audit event", async () => {
    const w = await setup();
    // "72.000" in a percentage indicator (target TW I 80%): read as 72000, a capaian of 90.000%.
    const refused = await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "72.000", submit: true }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.error).toMatch(/^Nilai perlu dikonfirmasi sebelum disimpan\. Pemisah ribuan meragukan: "72\.000" dibaca 72\.000 .* Capaian di atas 150%: nilai ini memberi capaian 90\.000,00%/);
    expect(refused.fieldErrors?.value?.[0]).toBe(refused.error);
    // Confirming one of two is not enough.
    const half = await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "72.000", submit: true, confirmed: ["AMBIGUOUS_SEPARATOR"] }));
    expect(half).toMatchObject({ ok: false, code: "INVALID" });
    if (half.ok) throw new Error("unreachable");
    expect(half.error).not.toContain("Pemisah ribuan");
    expect(half.error).toContain("Capaian di atas 150%");
    // 72 needs no confirmation.
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6" })).toMatchObject({ ok: true });
    // Both confirmed: saved and sent, and the audit event says what was confirmed.
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "72.000", submit: true, confirmed: ["AMBIGUOUS_SEPARATOR", "CAPAIAN_HIGH"] })).toMatchObject({ ok: true });
    const realization = await realizationOf(w.ind.A1);
    expect(realization!.value!.toString()).toBe("72000");
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, action: "realization.submit", entityId: realization!.id } });
    const data = event.data as { warnings?: { code: string; message: string }[] };
    expect(data.warnings?.map((x) => x.code)).toEqual(["AMBIGUOUS_SEPARATOR", "CAPAIAN_HIGH"]);
    expect(summarizeEvent(event)).toContain("peringatan dikonfirmasi: Pemisah ribuan meragukan; Capaian di atas 150%");
  });

  it("refuses text or an overflowing number in the value, and a negative budget, in Indonesian, storing nothing", async () => {
    const w = await setup();
    for (const value of ["abc", "1e400", "12,3,4", "Rp 5"]) {
      const result = await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value, submit: true }));
      expect(result, value).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { value: [M.number] } });
    }
    expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "1234567890123456789" }))).toMatchObject({
      ok: false,
      fieldErrors: { value: [M.tooLarge] },
    });
    // Submitting without a value is refused too; a draft without one is fine.
    expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "", submit: true }))).toMatchObject({
      ok: false,
      error: M.valueRequired,
      fieldErrors: { value: [M.valueRequired] },
    });
    // Indonesian notation is read as Indonesians write it (1.234,5% of a target of 80% has to be confirmed).
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "1.234,5", confirmed: ["CAPAIAN_HIGH"] })).toMatchObject({ ok: true });
    expect((await realizationOf(w.ind.A1))!.value!.toString()).toBe("1234.5");

    for (const realization of ["-5", "-1.000.000,00", "-0,5"]) {
      const result = await expectNothingChanged(w, () => budget(w, { programId: w.programId, quarter: 1, realization }));
      expect(result, realization).toMatchObject({ ok: false, fieldErrors: { realization: [M.negativeBudget] } });
    }
    expect(await expectNothingChanged(w, () => budget(w, { programId: w.programId, quarter: 1, realization: "seratus juta" }))).toMatchObject({
      ok: false,
      fieldErrors: { realization: [M.number] },
    });
    expect(await budget(w, { programId: w.programId, quarter: 1, realization: "95.500.000" })).toMatchObject({ ok: true });
    const row = await db.programQuarter.findUniqueOrThrow({ where: { programId_quarter: { programId: w.programId, quarter: 1 } } });
    expect(row.realization!.toString()).toBe("95500000");
  });
});

describe("performance: verification by Tim SAKIP", () => {
  it("returns with a reason (never without), the Bidang fixes and resubmits, Tim SAKIP verifies; sent values stay as sent", async () => {
    const w = await setup();
    await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "79", submit: true });
    const first = (await realizationOf(w.ind.A1))!;
    expect(first.status).toBe("SUBMITTED");

    // A submitted value cannot be edited or resubmitted by the Bidang.
    for (const submit of [false, true]) {
      expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "82", submit }))).toMatchObject({
        ok: false,
        code: "INVALID",
        error: M.notEditable,
      });
    }

    // Returning needs a reason.
    for (const reason of [undefined, "", "   "]) {
      const refused = await expectNothingChanged(w, () => review(w, { realizationId: first.id, decision: "RETURN", reason }));
      expect(refused).toMatchObject({ ok: false, error: M.reasonRequired, fieldErrors: { reason: [M.reasonRequired] } });
    }
    expect(await review(w, { realizationId: first.id, decision: "RETURN", reason: `  ${RETURN_REASON} ` })).toMatchObject({ ok: true });
    expect(await realizationOf(w.ind.A1)).toMatchObject({ status: "RETURNED", returnReason: RETURN_REASON, verifiedById: w.users.TIM_SAKIP.id });

    // The Bidang sees the reason with its indicator...
    const seen = await loadAgreement(w.agency.id, YEAR, await memberUnitIds(w.agency.id, w.users.BIDANG.id));
    const a1 = seen!.goals[0]!.indicators.find((i) => i.code === "A1")!;
    expect(a1.realizations.find((r) => r.quarter === 1)).toMatchObject({ status: "RETURNED", returnReason: RETURN_REASON });
    // ...a returned value cannot be reviewed again until resubmitted...
    expect(await expectNothingChanged(w, () => review(w, { realizationId: first.id, decision: "VERIFY" }))).toMatchObject({
      ok: false,
      error: M.notSubmitted,
    });
    // ...fixes it and resubmits.
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80,25", faktorPenghambat: "Curah hujan tinggi" })).toMatchObject({
      ok: true,
      data: { status: "RETURNED" },
    });
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80,25", faktorPenghambat: "Curah hujan tinggi", submit: true })).toMatchObject({
      ok: true,
      data: { id: first.id, status: "SUBMITTED" },
    });

    expect(await review(w, { realizationId: first.id, decision: "VERIFY" })).toMatchObject({ ok: true });
    const verified = (await realizationOf(w.ind.A1))!;
    expect(verified).toMatchObject({ status: "VERIFIED", returnReason: null, verifiedById: w.users.TIM_SAKIP.id, faktorPenghambat: "Curah hujan tinggi" });
    expect(verified.value!.toString()).toBe("80.25");
    // Verified: the Bidang cannot change it, Tim SAKIP cannot review it twice.
    expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A1, value: "90" }))).toMatchObject({ error: M.notEditable });
    expect(await expectNothingChanged(w, () => review(w, { realizationId: first.id, decision: "RETURN", reason: "lagi" }))).toMatchObject({
      error: M.notSubmitted,
    });

    const events = await db.auditEvent.findMany({ where: { agencyId: w.agency.id, entityId: first.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["realization.submit", "realization.return", "realization.save", "realization.submit", "realization.verify"]);
    expect(events[1]!.data).toMatchObject({ reason: RETURN_REASON, status: { before: "SUBMITTED", after: "RETURNED" } });
  });
});

describe("performance: an archived period cannot change", () => {
  it("refuses save, submit, review and budget once the period's cycle is completed; the xlsx still builds", async () => {
    const w = await setup();
    await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "81", submit: true });
    await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6" });
    await budget(w, { programId: w.programId, quarter: 1, realization: "90000000" });
    const a1 = (await realizationOf(w.ind.A1))!;

    const sop = await db.sop.findUniqueOrThrow({ where: { id: w.sopId }, select: { seriesId: true } });
    await db.measurementCycle.create({
      data: { agencyId: w.agency.id, sopId: w.sopId, seriesId: sop.seriesId, year: YEAR, period: "TW1", status: "COMPLETED", startedById: w.users.KADIS.id, completedAt: new Date() },
    });

    const frozen = { ok: false, code: "INVALID", error: M.frozen };
    expect(M.frozen).toMatch(/sudah diarsipkan/);
    expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A2, value: "5" }))).toMatchObject(frozen);
    expect(await expectNothingChanged(w, () => save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6", submit: true }))).toMatchObject(frozen);
    expect(await expectNothingChanged(w, () => save(w, "BIDANG_B", { indicatorId: w.ind.B2, value: "2" }))).toMatchObject(frozen);
    expect(await expectNothingChanged(w, () => review(w, { realizationId: a1.id, decision: "VERIFY" }))).toMatchObject(frozen);
    expect(await expectNothingChanged(w, () => review(w, { realizationId: a1.id, decision: "RETURN", reason: "Perbaiki" }))).toMatchObject(frozen);
    expect(await expectNothingChanged(w, () => budget(w, { programId: w.programId, quarter: 1, realization: "1" }))).toMatchObject(frozen);

    // The next quarter is still open.
    expect(await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "82", quarter: 2 })).toMatchObject({ ok: true });
    expect(await budget(w, { programId: w.programId, quarter: 2, realization: "150000000" })).toMatchObject({ ok: true });

    // The archived period still exports, with its numbers.
    const recap = await recapOf(w, 1);
    const sheet = await readSheet(await workbookOf(w, recap, "rencana-aksi"));
    expect(sheet.row("A1").get("r1")).toBe(81);
    expect(sheet.row("A1").get("capaian")).toBe(percentOf(recap.goals[0]!.indicators[0]!.capaian));
    expect(sheet.row("A2").get("r1")).toBe(6);
  });
});

describe("performance: the recap's capaian", () => {
  /** Fills and submits the given values quarter by quarter through the service. */
  async function fill(w: World, values: Partial<Record<"A1" | "A2" | "B1" | "B2", (string | null)[]>>) {
    for (const [code, quarters] of Object.entries(values)) {
      const who = code.startsWith("A") ? "BIDANG" : "BIDANG_B";
      for (const [i, value] of quarters.entries()) {
        if (value === null) continue;
        const result = await save(w, who, { indicatorId: w.ind[code as "A1"], quarter: i + 1, value, submit: true });
        expect(result, `${code} TW${i + 1}`).toMatchObject({ ok: true });
      }
    }
  }

  it("equals the hand-computed capaian: R=T, lower-is-better, a range below/inside/above, cumulative quarters", async () => {
    const w = await setup();
    await fill(w, {
      A1: ["80", "82", null], // higher is better, R = T -> 100%
      A2: ["4", "8", "10"], // lower is better, T = 8: (2T - R)/T -> 150%, 100%, 75%
      B1: ["75", "85", "99"], // range [80, 90]: below -> R/a = 93,75%; inside -> 100%; above -> R/b = 110%
      B2: ["1", "3", "5"], // cumulative: TW I 1/2 = 50%, TW II 4/5 = 80%, TW III 9/9 = 100%
    });
    const recap = await recapOf(w, 3);
    const byCode = new Map(recap.goals.flatMap((g) => g.indicators).map((i) => [i.code, i]));
    const quarterPercents = (code: string) => byCode.get(code)!.quarterCapaian.map(percentOf);

    expect(quarterPercents("A1").slice(0, 2)).toEqual([100, 100]);
    expect(byCode.get("A1")!.quarterCapaian[0]).toMatchObject({ status: "OK", display: "100,00%", category: "Sangat Baik" });
    // A1 has no TW III value: its capaian to date cannot be computed, never NaN or 0%.
    expect(byCode.get("A1")!.capaian).toMatchObject({ status: "CANNOT_COMPUTE", reason: "REALIZATION_MISSING" });
    expect(byCode.get("A1")!.realizationToDate).toBeNull();

    expect(quarterPercents("A2").slice(0, 3)).toEqual([150, 100, 75]);
    expect(byCode.get("A2")!.quarterCapaian[0]).toMatchObject({ display: "150,00%", category: "Sangat Baik" });
    expect(byCode.get("A2")!.capaian).toMatchObject({ display: "75,00%", category: "Cukup" });

    expect(quarterPercents("B1").slice(0, 3)).toEqual([93.75, 100, 110]);
    expect(byCode.get("B1")!.quarterCapaian[2]).toMatchObject({ display: "110,00%" });
    expect(byCode.get("B1")!.quarterTargets).toEqual(["80 - 90", "80 - 90", "80 - 90", "80 - 90"]);

    expect(quarterPercents("B2").slice(0, 3)).toEqual([50, 80, 100]);
    expect(byCode.get("B2")!.realizationToDate).toBe(9);
    expect(byCode.get("B2")!.quarterCapaian[1]).toMatchObject({ display: "80,00%", category: "Baik" });
    expect(byCode.get("B2")!.quarterCapaian[0]).toMatchObject({ category: "Sangat Kurang" });
    // A quarter not reached yet cannot be computed.
    expect(byCode.get("B2")!.quarterCapaian[3]).toMatchObject({ status: "CANNOT_COMPUTE" });

    // Budget absorption to date: 90 + 150 of 100 + 200 (+ 300 pagu of TW III, not realized).
    await budget(w, { programId: w.programId, quarter: 1, realization: "90000000" });
    // Until TW II spending is entered, TW II absorption cannot be computed (not 30%).
    expect((await recapOf(w, 2)).programs[0]!.absorption).toMatchObject({ status: "CANNOT_COMPUTE" });
    await budget(w, { programId: w.programId, quarter: 2, realization: "150000000" });
    const tw2 = await recapOf(w, 2);
    expect(tw2.programs[0]).toMatchObject({ paguToDate: 300_000_000, realizationToDate: 240_000_000, absorption: { status: "OK", percent: 80 } });

    // A cap set by the agency applies to every indicator, and the category follows the capped value.
    await db.agency.update({ where: { id: w.agency.id }, data: { settings: { capaian: { ...DEFAULT_CAPAIAN_SETTINGS, cap: 120 } } } });
    const capped = await recapOf(w, 1);
    expect(capped.goals[0]!.indicators.find((i) => i.code === "A2")!.capaian).toMatchObject({ percent: 120, capped: true, display: "120,00%" });
  });

  it("the xlsx export (read back) shows the numbers buildRecap gives, as values, on A4 landscape", async () => {
    const w = await setup();
    await fill(w, { A1: ["80", "82,5"], A2: ["4", "9"], B1: ["75", "85"], B2: ["1", "3"] });
    await save(w, "BIDANG", { indicatorId: w.ind.A1, quarter: 3, value: "99", faktorPendorong: "belum dikirim" });
    await budget(w, { programId: w.programId, quarter: 1, realization: "90000000" });
    await budget(w, { programId: w.programId, quarter: 2, realization: "60000000" });
    const recap = await recapOf(w, 2);

    for (const kind of ["rencana-aksi", "pengukuran"] as const) {
      const wb = await workbookOf(w, recap, kind);
      const sheet = await readSheet(wb);
      expect(sheet.ws.name).toBe(kind === "rencana-aksi" ? "Realisasi Rencana Aksi" : "Pengukuran Kinerja");
      expect(sheet.ws.getCell(1, 1).value).toBe(kind === "rencana-aksi" ? "REALISASI RENCANA AKSI" : "PENGUKURAN KINERJA");
      expect(sheet.ws.getCell(4, 1).value).toBe(`Triwulan II Tahun ${YEAR}`);
      expect(sheet.ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
      // Sasaran rows first, their indicators beneath.
      expect(sheet.codes).toEqual(["S1", "A1", "A2", "S2", "B1", "B2"]);

      for (const ind of recap.goals.flatMap((g) => g.indicators)) {
        const row = sheet.row(ind.code);
        expect(row.get("name")).toBe(ind.name);
        expect(row.get("toDate")).toBe(ind.realizationToDate);
        expect(row.get("capaian"), ind.code).toBe(percentOf(ind.capaian));
        expect(row.get("category")).toBe(ind.capaian.status === "OK" ? ind.capaian.category : null);
      }
      // Hand-checked: A2 lower-is-better T=8, R=9 -> 87,5%; B2 cumulative 1+3 of 2+3 -> 80%; B1 range, 85 inside -> 100%.
      expect(sheet.row("A2").get("capaian")).toBe(87.5);
      expect(sheet.row("B2").get("capaian")).toBe(80);
      expect(sheet.row("B2").get("toDate")).toBe(4);
      expect(sheet.row("B1").get("capaian")).toBe(100);
      expect(sheet.row("A1").get("annualTarget")).toBe(85);
      expect(sheet.row("B1").get("annualTarget")).toBe("80 – 90");
      // Drafts count in the recap, so the file says which values Tim SAKIP has not verified yet.
      expect(sheet.row("A1").get("status")).toBe("Dikirim (belum diverifikasi)");
      expect(sheet.formulas).toBe(0);
    }

    // The working document: every quarter's target and realization, the factors, and the budget per quarter.
    const working = await readSheet(await workbookOf(w, recap, "rencana-aksi"));
    for (const ind of recap.goals.flatMap((g) => g.indicators)) {
      [1, 2].forEach((n) => expect(working.row(ind.code).get(`r${n}` as "r1"), `${ind.code} TW${n}`).toBe(ind.quarterValues[n - 1]));
      // Later quarters are not part of the TW II report, even where a draft exists (A1 TW III).
      expect(working.row(ind.code).get("r3")).toBeNull();
    }
    expect(working.row("A1").get("r2")).toBe(82.5);
    expect(working.row("B2").get("t3")).toBe(4);
    const budgetSheet = (await workbookOf(w, recap, "rencana-aksi")).getWorksheet("Realisasi Anggaran")!;
    const programRow = budgetSheet.getRow(8);
    expect(programRow.getCell(2).value).toBe("1.03.10");
    expect(programRow.getCell(12).value).toBe(recap.programs[0]!.paguToDate);
    expect(programRow.getCell(13).value).toBe(recap.programs[0]!.realizationToDate);
    expect(programRow.getCell(14).value).toBe(percentOf(recap.programs[0]!.absorption));
    expect(programRow.getCell(14).value).toBe(50);

    // The measurement the head signs: to date only (no quarter to fill in, no factors), one sheet, the
    // target to date beside the realization, the budget to date under the table, and the signature.
    const measurement = await workbookOf(w, recap, "pengukuran");
    const signed = await readSheet(measurement);
    expect(measurement.worksheets.map((ws) => ws.name)).toEqual(["Pengukuran Kinerja"]);
    expect(() => signed.row("A1").get("r1")).toThrow(/no column r1/);
    expect(() => signed.row("A1").get("pendorong")).toThrow(/no column pendorong/);
    for (const ind of recap.goals.flatMap((g) => g.indicators)) {
      expect(String(signed.row(ind.code).get("targetToDate") ?? "-"), ind.code).toBe(
        ind.targetToDate.includes(" - ") ? ind.targetToDate.replace(" - ", " – ") : ind.targetToDate,
      );
    }
    // B2 cumulative: 2 + 3 by TW II.
    expect(signed.row("B2").get("targetToDate")).toBe(5);
    const texts: string[] = [];
    signed.ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ""))));
    expect(texts).toContain("Program");
    expect(texts.some((t) => t.startsWith("Anggaran s.d. TW II"))).toBe(true);
    expect(texts).toContain(recap.programs[0]!.paguToDate.toString());
    expect(texts).toContain("Mengetahui,");
  });
});

describe("performance: the cycle's INPUT step waits for every indicator", () => {
  const work = (stepNumber: number): Omit<TTaskAction, "cycleId" | "taskId" | "event"> => {
    const step = SOP.steps.find((s) => s.number === stepNumber)!;
    const w: Omit<TTaskAction, "cycleId" | "taskId" | "event"> = {};
    if (step.output.trim()) w.outputText = `${step.output}: terlampir`;
    if (step.kind === "DISPOSITION") w.outputText = "Nota: laksanakan pengukuran kinerja Triwulan I.";
    if (step.kind === "MEETING") Object.assign(w, { outputText: "Notulen rapat.", attendees: ["Sekretaris", "Tim SAKIP"], decisions: "Isi realisasi." });
    return w;
  };

  it("refuses to complete the input step while an indicator is unsubmitted, and completes once all are", async () => {
    const w = await setup();
    const ctxFor = (code: string) => cycleActorOf(w.users[code as RoleCode], w.agency, [code]);
    const { id: cycleId } = await startCycle(ZStartCycle.parse({ sopId: w.sopId, year: YEAR, period: "TW1" }), ctxFor("KADIS"));
    const openTask = () => db.cycleTask.findFirstOrThrow({ where: { cycleId, status: { in: ["ACTIVE", "RETURNED"] } } });
    const act = async () => {
      const task = await openTask();
      const step = SOP.steps.find((s) => s.number === task.stepNumber)!;
      return actOnTask(ZTaskAction.parse({ cycleId, taskId: task.id, event: "COMPLETE", ...work(task.stepNumber) }), ctxFor(step.executorRoleCode));
    };
    while ((await openTask()).stepNumber < 4) await act();
    const step4 = await openTask();
    expect(SOP.steps.find((s) => s.number === 4)!.kind).toBe("INPUT");

    // Nothing submitted; then a draft and a return do not count either.
    await expect(act()).rejects.toMatchObject({ code: "INVALID", message: M.inputIncomplete(4) });
    await save(w, "BIDANG", { indicatorId: w.ind.A1, value: "80", submit: true });
    await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6" });
    await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "85", submit: true });
    const b1 = (await realizationOf(w.ind.B1))!;
    await review(w, { realizationId: b1.id, decision: "RETURN", reason: "Lampirkan hasil survei." });
    await expect(act()).rejects.toMatchObject({ code: "INVALID", message: M.inputIncomplete(3) });
    expect(await db.cycleTask.findUniqueOrThrow({ where: { id: step4.id } })).toMatchObject({ status: "ACTIVE" });

    // All four submitted (one of them already verified): the step completes and step 5 opens.
    await review(w, { realizationId: (await realizationOf(w.ind.A1))!.id, decision: "VERIFY" });
    await save(w, "BIDANG", { indicatorId: w.ind.A2, value: "6", submit: true });
    await save(w, "BIDANG_B", { indicatorId: w.ind.B1, value: "86", submit: true });
    await expect(act()).rejects.toMatchObject({ message: M.inputIncomplete(1) });
    await save(w, "BIDANG_B", { indicatorId: w.ind.B2, value: "2", submit: true });
    await act();
    expect(await db.cycleTask.findUniqueOrThrow({ where: { id: step4.id } })).toMatchObject({ status: "DONE", outcome: "COMPLETED" });
    expect(await openTask()).toMatchObject({ stepNumber: 5 });
  });
});
