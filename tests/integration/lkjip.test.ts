/**
 * The LKjIP draft (lib/lkjip): built from a fresh agency's PK, realizations
 * and budget, written as docx, then read back from the file itself (unzipped,
 * the Word XML's tables read cell by cell): chapter III's numbers must equal
 * the recap's at triwulan IV, the earlier year's capaian sits beside them,
 * the notes written in the realizations are there, and Word has a chart part.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { createNode, createPeriod, saveIndicator } from "@/lib/cascade/service";
import { db } from "@/lib/db/client";
import { computeCapaian } from "@/lib/performance/capaian";
import { loadLkjip } from "@/lib/lkjip/build";
import { lkjipDocx } from "@/lib/lkjip/docx";
import { lkjipPdf } from "@/lib/lkjip/pdf";
import { ZAgreementInput } from "@/lib/performance/schemas";
import { saveAgreement } from "@/lib/performance/service";

import { pdfFonts, pdfToText } from "./pdf-text";
import { agreementInput, budget, recapOf, review, save, setup, YEAR, realizationOf, type World } from "./performance-world";

/** Every table row of the document as its cells' text ("|"-free, runs joined). */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => t[1]!)
        .join("")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    ),
  );
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join(""));
}

async function fillYear(w: World) {
  const values: Record<"A1" | "A2" | "B1" | "B2", string[]> = { A1: ["80", "81", "83", "84"], A2: ["9", "8", "7", "6"], B1: ["82", "84", "86", "88"], B2: ["2", "3", "4", "2"] };
  for (const quarter of [1, 2, 3, 4]) {
    for (const code of ["A1", "A2", "B1", "B2"] as const) {
      const who = code.startsWith("A") ? "BIDANG" : "BIDANG_B";
      const notes =
        code === "A1" && quarter === 2
          ? { faktorPendorong: "Pemeliharaan rutin tepat waktu", faktorPenghambat: "Curah hujan tinggi", tindakLanjut: "Percepat lelang Triwulan III" }
          : {};
      const saved = await save(w, who, { indicatorId: w.ind[code], quarter, value: values[code][quarter - 1], submit: true, confirmed: ["CAPAIAN_HIGH", "FAR_FROM_PREVIOUS"], ...notes });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
      // Tim SAKIP verifies everything except B2 of triwulan IV: the draft must say that value is not final.
      if (!(code === "B2" && quarter === 4)) {
        const row = await realizationOf(w.ind[code], quarter);
        expect((await review(w, { realizationId: row!.id, decision: "VERIFY" })).ok).toBe(true);
      }
    }
    expect((await budget(w, { programId: w.programId, quarter, realization: String(90_000_000 * quarter) })).ok).toBe(true);
  }
}

describe("LKjIP draft", () => {
  it("writes chapter III from the recap at triwulan IV, beside the earlier year, and reads back from the docx", async () => {
    const w = await setup();
    // The earlier year: the same indicators, A1 measured at 70 in triwulan IV.
    const earlier = { ...agreementInput(), year: YEAR - 1, signedAt: `${YEAR - 1}-02-10` };
    await saveAgreement(ZAgreementInput.parse(earlier), await w.as("ADMIN"));
    const a1Earlier = await db.indicator.findFirstOrThrow({ where: { agencyId: w.agency.id, code: "A1", goal: { agreement: { year: YEAR - 1 } } } });
    expect((await save(w, "BIDANG", { indicatorId: a1Earlier.id, year: YEAR - 1, quarter: 4, value: "70", submit: true, confirmed: ["CAPAIAN_HIGH", "FAR_FROM_PREVIOUS"] })).ok).toBe(true);
    await fillYear(w);

    const agency = await db.agency.findUniqueOrThrow({ where: { id: w.agency.id }, include: { government: true } });
    const settings = await w.settings();
    const model = await loadLkjip(
      { id: agency.id, name: agency.name, governmentName: agency.government.name, settings, timeZone: agency.timeZone as "WIB", city: "Padang" },
      YEAR,
      new Date("2026-01-20T03:00:00Z"),
    );
    expect(model).not.toBeNull();
    const file = unzipSync(new Uint8Array(await lkjipDocx(model!)));
    expect(Object.keys(file)).toContain("word/document.xml");
    expect(Object.keys(file).some((name) => /^word\/charts\/chart\d+\.xml$/.test(name))).toBe(true);
    const xml = strFromU8(file["word/document.xml"]!);
    const rows = tableRows(xml);
    const recap = await recapOf(w, 4);

    for (const goal of recap.goals) {
      for (const ind of goal.indicators) {
        // Chapter III A: [kode, indikator, satuan, target, realisasi, capaian, kategori].
        const row = rows.find((r) => r.length === 7 && r[0] === ind.code);
        expect(row, ind.code).toBeDefined();
        expect(row![5]).toBe(ind.capaian.status === "OK" ? ind.capaian.display : ind.capaian.message);
        expect(row![4]).toContain(new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 }).format(ind.realizationToDate!));
      }
    }
    // B2's triwulan IV value is not verified: the realization says so, and so does the notice.
    expect(rows.find((r) => r.length === 7 && r[0] === "B2")![4]).toContain("belum diverifikasi");
    expect(paragraphs(xml).some((p) => p.includes("1 nilai realisasi belum diverifikasi"))).toBe(true);

    // The earlier year beside it: A1 70 against 85 = 82,35%.
    // Columns: this year, then the two earlier years (realisasi, capaian); the agency had no PK two years back.
    const comparison = rows.find((r) => r[0] === "Persentase kemantapan jalan" && r.length === 7);
    const a1 = recap.goals[0]!.indicators[0]!.capaian;
    expect(comparison).toEqual(["Persentase kemantapan jalan", "84", a1.status === "OK" ? a1.display : "?", "70", "82,35%", "–", "–"]);

    // Notes collected from the year's realizations.
    const text = paragraphs(xml).join("\n");
    expect(text).toContain("Pemeliharaan rutin tepat waktu");
    expect(text).toContain("Curah hujan tinggi");
    expect(text).toContain("Percepat lelang Triwulan III");

    // Chapter III B: the program's budget to date, as the recap computes it.
    const program = recap.programs[0]!;
    const budgetRow = rows.find((r) => r.length === 5 && r[0] === program.code)!;
    expect(budgetRow[4]).toBe(program.absorption.status === "OK" ? program.absorption.display : "");
    expect(budgetRow[2]).toBe("Rp 1.000.000.000");
    expect(text).toContain("Padang, 20 Januari 2026");
    expect(text).toContain(`Penyerapan anggaran program ${program.absorption.status === "OK" ? program.absorption.display : "?"}.`);

    // The same draft as a PDF (the one PDF path): the chapters, chapter III's capaian equal to the
    // recap's, the budget, and the head's signature block; every font embedded.
    const pdf = await lkjipPdf(model!, { at: new Date("2026-01-20T03:00:00Z"), timeZone: "WIB" });
    const printed = (await pdfToText(pdf)).replace(/\s+/g, " ");
    for (const chapter of ["Ikhtisar Eksekutif", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja", "B. Realisasi Anggaran", "BAB IV Penutup"]) expect(printed).toContain(chapter);
    for (const goal of recap.goals) {
      for (const ind of goal.indicators) {
        if (ind.capaian.status === "OK") expect(printed, ind.code).toContain(ind.capaian.display);
      }
    }
    expect(printed).toContain("Rp 1.000.000.000");
    expect(printed).toContain("Pemeliharaan rutin tepat waktu");
    expect(printed).toContain("Padang, 20 Januari 2026");
    expect(printed).toContain(model!.signer!.name);
    expect((await pdfFonts(pdf)).every((f) => f.embedded)).toBe(true);
  });

  it("measures a year still running up to its last quarter with data, and is null for a year without a PK", async () => {
    const w = await setup();
    for (const quarter of [1, 2]) expect((await save(w, "BIDANG", { indicatorId: w.ind.A1, quarter, value: "81", confirmed: ["CAPAIAN_HIGH"] })).ok).toBe(true);
    const agency = await db.agency.findUniqueOrThrow({ where: { id: w.agency.id }, include: { government: true } });
    const place = { id: agency.id, name: agency.name, governmentName: agency.government.name, settings: await w.settings(), timeZone: "WIB" as const, city: "" };
    const model = (await loadLkjip(place, YEAR))!;
    expect(model.quarter).toBe(2);
    expect(model.coverage).toBe(`Data s.d. Triwulan II: tahun ${YEAR} belum lengkap.`);
    // No spending entered yet: said as such, not a bare error message inside the sentence.
    expect(model.absorptionSentence).toBe("Penyerapan anggaran program belum dapat dihitung: realisasi anggaran belum diisi.");
    const a1 = (await recapOf(w, 2)).goals[0]!.indicators[0]!.capaian;
    expect(model.goals[0]!.indicators[0]!.capaian).toBe(a1.status === "OK" ? a1.display : "?");
    expect(await loadLkjip(place, YEAR + 3)).toBeNull();
  });

  it("sets each indicator against the Renstra end target of the pohon kinerja, by the generated link or by name", async () => {
    const w = await setup();
    await fillYear(w);
    const admin = await w.as("ADMIN");
    const period = await createPeriod({ startYear: YEAR }, admin);
    const tujuan = await createNode({ periodId: period.id, level: "TUJUAN", statement: "Meningkatnya infrastruktur wilayah" }, admin);
    const sasaran = await createNode({ periodId: period.id, level: "SASARAN", parentId: tujuan.id, statement: "Meningkatnya kemantapan jalan" }, admin);
    const tree = (name: string, end: string) =>
      saveIndicator({ nodeId: sasaran.id, name, unitOfMeasure: "%", polarity: "HIGHER", rollUp: "OWN", targets: [{ year: YEAR + 4, value: end }] }, admin);
    // A1 matches by its name (a PK typed before the tree); B1 through the link a generated PK carries.
    await tree("persentase  KEMANTAPAN jalan", "95");
    const linked = await tree("Indeks permukiman layak (Renstra)", "90");
    await db.indicator.update({ where: { id: w.ind.B1 }, data: { cascadeIndicatorId: linked.id } });

    const agency = await db.agency.findUniqueOrThrow({ where: { id: w.agency.id }, include: { government: true } });
    const settings = await w.settings();
    const model = (await loadLkjip({ id: agency.id, name: agency.name, governmentName: agency.government.name, settings, timeZone: "WIB", city: "Padang" }, YEAR))!;
    const rows = tableRows(strFromU8(unzipSync(new Uint8Array(await lkjipDocx(model)))["word/document.xml"]!));
    const recap = await recapOf(w, 4);
    const all = recap.goals.flatMap((g) => g.indicators);
    const expected = (code: string, end: string) => {
      const ind = all.find((i) => i.code === code)!;
      const c = computeCapaian({ polarity: ind.polarity, target: { type: "SINGLE", value: end }, realization: ind.realizationToDate, settings: settings.capaian });
      return [ind.name, new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 }).format(ind.realizationToDate!), `${end} (${YEAR + 4})`, c.status === "OK" ? c.display : c.message];
    };
    // Columns: indikator, realisasi of the year, Renstra end target (its year), capaian against it.
    const renstraRows = rows.filter((r) => r.length === 4 && r[0] !== "Indikator Kinerja");
    expect(renstraRows).toContainEqual(expected("A1", "95"));
    expect(renstraRows).toContainEqual(expected("B1", "90"));
    expect(expected("A1", "95")[3]).toBe("88,42%");
    // An indicator with no tree counterpart says so instead of a number.
    const a2 = all.find((i) => i.code === "A2")!;
    expect(renstraRows.find((r) => r[0] === a2.name)![3]).toBe("Tidak terhubung ke pohon kinerja");
  });
});
