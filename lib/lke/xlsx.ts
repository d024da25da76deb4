import ExcelJS from "exceljs";

import { answerValue, round2, type TLkeScore } from "./score";
import type { TLkeStructure } from "./structure";

/**
 * The year's LKE as the sheet evaluators keep (decision 036): one row per component,
 * sub-component and criterion with its weight (points), the agency's answer, its value, the
 * justification and evidence, the reviewer's answer and note, and the value that counts;
 * component and sub-component rows carry their score; the total and predikat close it.
 * Plain values, no formulas: every figure is the one the page shows (lib/lke/score.ts).
 */
export interface TLkeSheetInput {
  agencyName: string;
  year: number;
  editionName: string;
  statusLabel: string;
  structure: TLkeStructure;
  answers: ReadonlyMap<string, { selfAnswer: string | null; justification: string; evidenceLinks: string[]; reviewerAnswer: string | null; reviewerNote: string }>;
  score: TLkeScore;
  /** Absolute base for the app's own links ("/a/..."), so they open from the file. */
  origin: string;
}

export const LKE_COLUMNS = [
  { key: "code", header: "No", width: 9 },
  { key: "name", header: "Komponen / Sub-komponen / Kriteria", width: 60 },
  { key: "weight", header: "Bobot", width: 8 },
  { key: "self", header: "Jawaban instansi", width: 12 },
  { key: "selfValue", header: "Nilai instansi", width: 10 },
  { key: "justification", header: "Penjelasan", width: 40 },
  { key: "evidence", header: "Bukti", width: 40 },
  { key: "reviewer", header: "Jawaban reviu", width: 12 },
  { key: "note", header: "Catatan reviu", width: 40 },
  { key: "value", header: "Nilai akhir", width: 10 },
] as const;
export type TLkeColumnKey = (typeof LKE_COLUMNS)[number]["key"];
export const lkeCol = (key: TLkeColumnKey) => LKE_COLUMNS.findIndex((c) => c.key === key) + 1;
/** The header row; data starts below it. */
export const LKE_HEADER_ROW = 5;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export async function buildLkeWorkbook(input: TLkeSheetInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Alur Kinerja";
  const ws = wb.addWorksheet("LKE", { views: [{ state: "frozen", xSplit: 2, ySplit: LKE_HEADER_ROW }], pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = LKE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = LKE_COLUMNS.length;
  const titles = [`LEMBAR KERJA EVALUASI SAKIP TAHUN ${input.year}`, input.agencyName, `${input.editionName} · ${input.statusLabel}`];
  titles.forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, last);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: "Arial", bold: i < 2, size: i === 0 ? 13 : 11 };
  });
  const header = ws.getRow(LKE_HEADER_ROW);
  LKE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: "Arial", bold: true, size: 9 };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = BORDER;
  });

  const link = (l: string) => (l.startsWith("/") ? `${input.origin}${l}` : l);
  const style = (row: ExcelJS.Row, level: 0 | 1 | 2) => {
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      cell.font = { name: "Arial", size: 9, bold: level < 2 };
      if (level === 0) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
    }
  };
  for (const [ci, component] of input.structure.components.entries()) {
    const cs = input.score.components[ci]!;
    style(ws.addRow({ code: component.code, name: component.name, weight: component.weight, value: cs.score }), 0);
    for (const [si, sub] of component.subComponents.entries()) {
      style(ws.addRow({ code: sub.code, name: sub.name, weight: sub.weight, value: cs.subComponents[si]!.score }), 1);
      const sumW = sub.criteria.reduce((s, c) => s + c.weight, 0);
      for (const criterion of sub.criteria) {
        const a = input.answers.get(criterion.code);
        const points = sumW > 0 ? (sub.weight * criterion.weight) / sumW : 0;
        const final = a?.reviewerAnswer ?? a?.selfAnswer ?? null;
        style(
          ws.addRow({
            code: criterion.code,
            name: criterion.text,
            weight: round2(points),
            self: a?.selfAnswer ?? "",
            selfValue: a?.selfAnswer ? answerValue(criterion.scale, a.selfAnswer) : "",
            justification: a?.justification ?? "",
            evidence: (a?.evidenceLinks ?? []).map(link).join("\n"),
            reviewer: a?.reviewerAnswer ?? "",
            note: a?.reviewerNote ?? "",
            value: round2(points * answerValue(criterion.scale, final)),
          }),
          2,
        );
      }
    }
  }
  const total = ws.addRow({ name: "NILAI AKHIR", weight: 100, value: input.score.total });
  style(total, 0);
  const predikat = ws.addRow({ name: "PREDIKAT", value: `${input.score.predikat} (${input.score.predikatLabel})` });
  style(predikat, 0);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const lkeExportFilename = (agencySlug: string, year: number) => `lke-${agencySlug}-${year}.xlsx`;
