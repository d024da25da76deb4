import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { EDITION_88 } from "@/lib/lke/edition-88";
import { scoreLke } from "@/lib/lke/score";
import { criteriaOf } from "@/lib/lke/structure";
import { buildLkeWorkbook, LKE_HEADER_ROW, lkeCol } from "@/lib/lke/xlsx";

/** The evaluators' sheet, read back: every row, the values the page shows, totals and predikat. */
describe("LKE sheet (xlsx)", () => {
  it("has a row per component, sub-component and criterion with the score's figures and the review", async () => {
    const criteria = criteriaOf(EDITION_88);
    const self = Object.fromEntries(criteria.map(({ criterion }) => [criterion.code, criterion.scale[0]!.code]));
    self["1.b.4"] = "C";
    const answers = new Map(
      criteria.map(({ criterion }) => [
        criterion.code,
        {
          selfAnswer: self[criterion.code]!,
          justification: criterion.code === "1.a.5" ? "PK ditandatangani." : "",
          evidenceLinks: criterion.code === "1.a.5" ? ["/a/dinas/kinerja?tahun=2025", "https://jdih.example.go.id/pk.pdf"] : [],
          reviewerAnswer: criterion.code === "1.a.1" ? "T" : null,
          reviewerNote: criterion.code === "1.a.1" ? "Tetapkan pedoman." : "",
        },
      ]),
    );
    const final = { ...self, "1.a.1": "T" };
    const score = scoreLke(EDITION_88, final);
    const body = await buildLkeWorkbook({ agencyName: "Dinas Uji", year: 2025, editionName: EDITION_88.editionName, statusLabel: "Dikunci", structure: EDITION_88, answers, score, origin: "https://alur.example.go.id" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("LKE")!;
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > LKE_HEADER_ROW) rows.set(String(row.getCell(lkeCol("code")).value ?? row.getCell(lkeCol("name")).value), row);
    });
    const structureRows = EDITION_88.components.reduce((n, c) => n + 1 + c.subComponents.reduce((m, s) => m + 1 + s.criteria.length, 0), 0);
    expect(rows.size).toBe(structureRows + 2);
    const cell = (code: string, key: Parameters<typeof lkeCol>[0]) => rows.get(code)!.getCell(lkeCol(key)).value;
    // 1.a: 6 points over five Y/T criteria; the reviewer's "T" on 1.a.1 counts, the agency's "Y" stays visible.
    expect([cell("1.a.1", "weight"), cell("1.a.1", "self"), cell("1.a.1", "selfValue"), cell("1.a.1", "reviewer"), cell("1.a.1", "note"), cell("1.a.1", "value")]).toEqual([1.2, "Y", 1, "T", "Tetapkan pedoman.", 0]);
    expect(cell("1.a.5", "evidence")).toBe("https://alur.example.go.id/a/dinas/kinerja?tahun=2025\nhttps://jdih.example.go.id/pk.pdf");
    // 1.b: 9 points over four A..E criteria; "C" is worth half.
    expect([cell("1.b.4", "weight"), cell("1.b.4", "selfValue"), cell("1.b.4", "value")]).toEqual([2.25, 0.5, 1.13]);
    expect(cell("1.a", "value")).toBe(score.components[0]!.subComponents[0]!.score);
    expect(cell("1", "value")).toBe(score.components[0]!.score);
    expect(cell("NILAI AKHIR", "value")).toBe(score.total);
    expect(score.total).toBe(97.68);
    expect(cell("PREDIKAT", "value")).toBe("AA (Sangat Memuaskan)");
  });
});
