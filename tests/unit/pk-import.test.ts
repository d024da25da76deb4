/**
 * Reading a Perjanjian Kinerja from xlsx: workbooks generated here with
 * exceljs, laid out as agencies lay out the PK annex / Rencana Aksi table.
 * The demo PK of Dinas BMCKTR Sumatera Barat (lib/seed/demo-performance.ts)
 * must come back as exactly the input the PK form would send; bad cells must
 * be named by row, in Indonesian, and block saving; the app's own export must
 * read back to the PK it was made from.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { parsePkWorkbook, PK_IMPORT_MESSAGES as M, toAgreementInput, type TPkDraft } from "@/lib/performance/pk-import";
import { buildRecap, type RecapAgreement } from "@/lib/performance/recap";
import { buildPerformanceWorkbook } from "@/lib/performance/xlsx";

const UNITS = ["Sekretariat", "Bidang Bina Marga", "Bidang Cipta Karya", "Bidang Tata Ruang"];

type Q = number | [number, number];
type Ind = [code: string, name: string, unit: string, polarity: "HIGHER" | "LOWER", aggregation: "CUMULATIVE" | "LAST" | "AVERAGE", orgUnit: string, target: Q, quarters: Q[]];

/** The lead's demo PK of bmcktr-sumbar (lib/seed/demo-performance.ts). */
const DEMO = {
  goals: [
    {
      code: "S1",
      name: "Meningkatnya kemantapan jalan provinsi",
      indicators: [
        ["IKU-1", "Persentase kemantapan jalan provinsi", "%", "HIGHER", "LAST", "Bidang Bina Marga", 85, [80, 82, 84, 85]],
        ["IKU-2", "Panjang jalan provinsi dalam kondisi rusak berat", "km", "LOWER", "LAST", "Bidang Bina Marga", 120, [150, 140, 130, 120]],
      ] as Ind[],
    },
    {
      code: "S2",
      name: "Meningkatnya kualitas infrastruktur permukiman dan penataan ruang",
      indicators: [
        ["IKU-3", "Persentase rumah tangga dengan akses air minum layak", "%", "HIGHER", "LAST", "Bidang Cipta Karya", 92, [89, 90, 91, 92]],
        ["IKU-4", "Jumlah kawasan kumuh yang ditangani", "kawasan", "HIGHER", "CUMULATIVE", "Bidang Cipta Karya", 12, [2, 3, 4, 3]],
        ["IKU-5", "Indeks kepuasan masyarakat atas layanan penataan ruang", "indeks", "HIGHER", "AVERAGE", "Sekretariat", [80, 90], [[80, 90], [80, 90], [80, 90], [80, 90]]],
        ["IKU-6", "Nilai evaluasi SAKIP perangkat daerah", "nilai", "HIGHER", "LAST", "Sekretariat", 75, [70, 72, 74, 75]],
      ] as Ind[],
    },
  ],
  programs: [
    ["1.03.10", "Program Penyelenggaraan Jalan", [25e9, 60e9, 80e9, 35e9]],
    ["1.03.03", "Program Pengembangan Permukiman", [5e9, 12e9, 15e9, 8e9]],
    ["1.03.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi", [4e9, 4e9, 4e9, 4e9]],
  ] as [string, string, number[]][],
};

const target = (t: Q) =>
  typeof t === "number" ? { targetValue: String(t), targetMin: null, targetMax: null } : { targetValue: null, targetMin: String(t[0]), targetMax: String(t[1]) };

/** What the PK form would send for the demo (signatories aside). */
function expectedDraft(): Pick<TPkDraft, "goals" | "programs"> {
  return {
    goals: DEMO.goals.map((g) => ({
      code: g.code,
      name: g.name,
      indicators: g.indicators.map(([code, name, unit, polarity, aggregation, orgUnit, t, quarters]) => ({
        code,
        name,
        unit,
        polarity,
        targetType: Array.isArray(t) ? ("RANGE" as const) : ("SINGLE" as const),
        aggregation,
        orgUnit,
        ...target(t),
        quarters: quarters.map(target),
      })),
    })),
    programs: DEMO.programs.map(([code, name, pagu]) => ({ code, name, pagu: pagu.map(String) })),
  };
}

const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const POLARITY_WORD = { HIGHER: "naik", LOWER: "Turun" } as const;
const AGGREGATION_WORD = { CUMULATIVE: "Kumulatif", LAST: "terakhir", AVERAGE: "rata-rata" } as const;
/** Indonesian number text, as people type it into a text cell. */
const id = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 }).format(n);

/**
 * The PK annex as agencies keep it: title rows, a two-row header (Target and
 * Pagu grouped over their quarters), sasaran as parent rows (the first a plain
 * row, the second merged across), indicators beneath, programs after them.
 * Values mix number cells, Indonesian number text and "80 - 90" ranges.
 */
async function demoAnnex(mutate?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Rencana Aksi");
  ws.getCell("A1").value = "RENCANA AKSI PERJANJIAN KINERJA TAHUN 2026";
  ws.mergeCells("A1:Q1");
  ws.getCell("A2").value = "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG PROVINSI SUMATERA BARAT";
  const top = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target  Tahunan", "Target Triwulan", "", "", "", "Polaritas", "Agregasi", "Unit kerja", "Program", "PAGU ANGGARAN (Rp)"];
  top.forEach((t, i) => (ws.getCell(4, i + 1).value = t || null));
  ["TW I", "TW II", "TW III", "TW IV"].forEach((t, i) => (ws.getCell(5, 6 + i).value = t));
  ["Tw-1", "tw 2", "TW 3", "Triwulan IV"].forEach((t, i) => (ws.getCell(5, 14 + i).value = t));
  ws.mergeCells(4, 6, 4, 9);
  ws.mergeCells(4, 14, 4, 17);
  for (const c of [1, 2, 3, 4, 5, 10, 11, 12, 13]) ws.mergeCells(4, c, 5, c);
  // The numbering row printed under many forms' headers.
  for (let c = 1; c <= 17; c++) ws.getCell(6, c).value = `(${c})`;

  let r = 7;
  DEMO.goals.forEach((g, gi) => {
    ws.getCell(r, 1).value = ["I", "II"][gi]!;
    ws.getCell(r, 2).value = gi === 0 ? g.name : `Sasaran 2: ${g.name}`;
    if (gi === 1) ws.mergeCells(r, 2, r, 13);
    r++;
    g.indicators.forEach(([, name, unit, polarity, aggregation, orgUnit, t, quarters], ii) => {
      const row = ws.getRow(r);
      row.getCell(1).value = `${gi + 1}.${ii + 1}`;
      row.getCell(3).value = `  ${name} `;
      row.getCell(4).value = unit;
      // Targets: ranges as text, the rest alternating number cells and Indonesian text.
      const cell = (v: Q, k: number) => (Array.isArray(v) ? `${v[0]} - ${v[1]}` : k % 2 === 0 ? v : id(v));
      row.getCell(5).value = cell(t, ii);
      quarters.forEach((v, q) => (row.getCell(6 + q).value = cell(v, q + ii)));
      row.getCell(10).value = POLARITY_WORD[polarity];
      row.getCell(11).value = AGGREGATION_WORD[aggregation];
      row.getCell(12).value = ii === 0 ? orgUnit.toUpperCase() : orgUnit;
      r++;
    });
  });
  DEMO.programs.forEach(([code, name, pagu], pi) => {
    const row = ws.getRow(r);
    row.getCell(13).value = `${code} ${name}`;
    pagu.forEach((v, q) => (row.getCell(14 + q).value = pi === 0 ? `Rp ${id(v)}` : v));
    r++;
  });
  ws.getCell(r, 13).value = "JUMLAH";
  ws.getCell(r, 14).value = 34e9;
  mutate?.(ws);
  return bytesOf(wb);
}

describe("parsePkWorkbook", () => {
  it("reads the demo PK of Dinas BMCKTR as the input the PK form would send", async () => {
    const parsed = await parsePkWorkbook(await demoAnnex(), { year: 2026, units: UNITS });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.blocking).toBe(false);
    expect(parsed.sheet).toBe("Rencana Aksi");
    expect({ goals: parsed.draft.goals, programs: parsed.draft.programs }).toEqual(expectedDraft());
    expect(parsed.draft.year).toBe(2026);
    expect(parsed.rows).toEqual({ "IKU-1": 8, "IKU-2": 9, "IKU-3": 11, "IKU-4": 12, "IKU-5": 13, "IKU-6": 14 });

    const saved = toAgreementInput(parsed, {
      signedAt: "2026-02-10",
      firstPartyName: "Kepala Dinas Bina Marga, Cipta Karya dan Tata Ruang",
      firstPartyJabatan: "Kepala Dinas",
      firstPartyNip: "",
      secondPartyName: "Gubernur Sumatera Barat",
      secondPartyJabatan: "Gubernur",
    });
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.data.goals[1]!.indicators[2]!.quarters[3]).toEqual({ targetValue: null, targetMin: "80", targetMax: "90" });
  });

  it("names bad cells by row in Indonesian and blocks saving", async () => {
    const bytes = await demoAnnex((ws) => {
      ws.getCell("G9").value = "delapan"; // IKU-2, TW II
      ws.getCell("L12").value = "Bidang Sumber Daya Air"; // IKU-4
      ws.getCell("K13").value = "sesekali"; // IKU-5 aggregation
      ws.getCell("D14").value = null; // IKU-6 satuan
      ws.getCell("N15").value = "dua puluh lima miliar"; // a pagu
    });
    const parsed = await parsePkWorkbook(bytes, { year: 2026, units: UNITS });
    const messages = parsed.warnings.map((w) => [w.row, w.level, w.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        [9, "error", M.notNumber(9, "G (TW II)", "delapan")],
        [12, "error", M.unknownUnit(12, "Bidang Sumber Daya Air")],
        [13, "warning", M.unknownAggregation(13, "sesekali")],
        [14, "error", M.satuanMissing(14)],
        [15, "warning", M.notNumber(15, "N (Pagu TW I)", "dua puluh lima miliar")],
      ]),
    );
    expect(M.notNumber(9, "G (TW II)", "delapan")).toBe('Baris 9, kolom G (TW II): "delapan" bukan angka; nilai dikosongkan.');
    expect(M.unknownUnit(12, "Bidang Sumber Daya Air")).toContain('Unit kerja "Bidang Sumber Daya Air" tidak dikenal di instansi ini.');
    expect(parsed.blocking).toBe(true);
    // The bad value is left empty, never a guess; the rest of the row is read.
    const iku2 = parsed.draft.goals[0]!.indicators[1]!;
    expect(iku2.quarters.map((q) => q.targetValue)).toEqual(["150", null, "130", "120"]);
    expect(parsed.draft.goals[1]!.indicators[2]!.aggregation).toBe("LAST");
    expect(parsed.draft.programs[0]!.pagu).toEqual([null, "60000000000", "80000000000", "35000000000"]);
    const refused = toAgreementInput(parsed, { signedAt: "", firstPartyName: "A", firstPartyJabatan: "B", firstPartyNip: "", secondPartyName: "C", secondPartyJabatan: "D" });
    expect(refused).toMatchObject({ ok: false, message: M.blocked });
  });

  it("reads the app's own Realisasi Rencana Aksi export back to the PK it came from", async () => {
    const agreement: RecapAgreement = {
      year: 2026,
      goals: expectedDraft().goals.map((g) => ({
        id: g.code,
        code: g.code,
        name: g.name,
        indicators: g.indicators.map((i) => ({
          ...i,
          id: i.code,
          orgUnit: { id: i.orgUnit, name: i.orgUnit },
          quarters: i.quarters.map((q, n) => ({ quarter: n + 1, ...q })),
          realizations: [],
        })),
      })),
      programs: expectedDraft().programs.map((p) => ({ id: p.code, code: p.code, name: p.name, quarters: p.pagu.map((v, n) => ({ quarter: n + 1, pagu: v!, realization: null })) })),
    };
    const exported = await buildPerformanceWorkbook({
      kind: "rencana-aksi",
      recap: buildRecap(agreement, 2, DEFAULT_CAPAIAN_SETTINGS),
      agency: { name: "Dinas Bina Marga, Cipta Karya dan Tata Ruang", governmentName: "Provinsi Sumatera Barat" },
      agreement: { signedAt: null, firstPartyName: "A", firstPartyJabatan: "B", firstPartyNip: null, secondPartyName: "C", secondPartyJabatan: "D" },
    });
    const parsed = await parsePkWorkbook(exported, { year: 2026, units: UNITS });
    expect(parsed.warnings).toEqual([]);
    expect({ goals: parsed.draft.goals, programs: parsed.draft.programs }).toEqual(expectedDraft());
  });

  it("reads a flat table: sasaran repeated or merged down, quarters named Triwulan 1-4, no aggregation column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PK");
    ws.addRow(["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET", "Triwulan 1", "Triwulan 2", "Triwulan 3", "Triwulan 4", "PENANGGUNG JAWAB"]);
    ws.addRow([1, "Meningkatnya akses air minum", "Rumah tangga terlayani SPAM", "sambungan", null, 100, 200, 300, 400, "Cipta Karya"]);
    ws.addRow([2, "Meningkatnya akses air minum", "Kawasan kumuh ditangani", "kawasan", 12, 2, 3, 4, 3, "Bidang Cipta Karya"]);
    ws.addRow([3, "Meningkatnya tata kelola", "Persentase dokumen tepat waktu", "%", 0.9, 0.9, 0.9, 0.9, 0.9, "sekretariat"]);
    ws.addRow([4, null, "Indeks kepuasan", "indeks", "80 s.d. 90", "80–90", "80 – 90", 85, "80-90", "Sekretariat"]);
    ws.mergeCells("B4:B5");
    for (const c of ["E4", "F4", "G4", "H4", "I4"]) ws.getCell(c).numFmt = "0%";
    const parsed = await parsePkWorkbook(await bytesOf(wb), { year: 2026, units: UNITS });
    expect(parsed.blocking).toBe(false);
    expect(parsed.draft.goals.map((g) => [g.code, g.name, g.indicators.map((i) => i.code)])).toEqual([
      ["S1", "Meningkatnya akses air minum", ["IKU-1", "IKU-2"]],
      ["S2", "Meningkatnya tata kelola", ["IKU-3", "IKU-4"]],
    ]);
    const [spam, kumuh] = parsed.draft.goals[0]!.indicators;
    // No annual target: the year's value of the quarters (last value, the default aggregation).
    expect(spam).toMatchObject({ targetValue: "400", aggregation: "LAST", orgUnit: "Bidang Cipta Karya" });
    // Quarters adding up to the annual target: cumulative.
    expect(kumuh).toMatchObject({ targetValue: "12", aggregation: "CUMULATIVE" });
    const [dokumen, indeks] = parsed.draft.goals[1]!.indicators;
    // A percent-formatted 0.9 is the 90 the user sees.
    expect(dokumen).toMatchObject({ targetValue: "90", orgUnit: "Sekretariat" });
    expect(indeks).toMatchObject({ targetType: "RANGE", targetMin: "80", targetMax: "90" });
    expect(indeks!.quarters[2]).toEqual({ targetValue: null, targetMin: "85", targetMax: "85" });
    expect(parsed.warnings.map((w) => [w.row, w.message])).toEqual([
      [2, M.annualFromQuarters(2, "nilai terakhir")],
      [2, M.unitGuessed(2, "Cipta Karya", "Bidang Cipta Karya")],
      [3, M.aggregationInferred(3, "kumulatif")],
      [5, M.rangeMixed(5)],
    ]);
  });

  it("keeps the code of an indicator already in the year's PK, so its realizations stay with it", async () => {
    const parsed = await parsePkWorkbook(await demoAnnex(), {
      year: 2026,
      units: UNITS,
      existing: [{ code: "IK-02", name: "Panjang jalan provinsi dalam kondisi  rusak berat" }],
    });
    expect(parsed.draft.goals[0]!.indicators.map((i) => i.code)).toEqual(["IKU-1", "IK-02"]);
  });

  it("says when the file names another year, is not a workbook, or has no indicator table", async () => {
    const other = await parsePkWorkbook(await demoAnnex(), { year: 2027, units: UNITS });
    expect(other.warnings).toEqual([{ row: null, sheet: "Rencana Aksi", level: "warning", message: M.yearMismatch(2026, 2027) }]);

    const junk = await parsePkWorkbook(Buffer.from("bukan berkas excel"), { year: 2026, units: UNITS });
    expect(junk.warnings).toEqual([{ row: null, sheet: null, level: "error", message: M.fileUnreadable }]);
    expect(junk.blocking).toBe(true);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Catatan").addRow(["Daftar hadir rapat", "Nama", "Jabatan"]);
    const empty = await parsePkWorkbook(await bytesOf(wb), { year: 2026, units: UNITS });
    expect(empty.warnings.map((w) => w.message)).toEqual([M.noTable]);
    expect(empty.draft.goals).toEqual([]);
  });

  it("asks for the signatories before the draft can be saved", async () => {
    const parsed = await parsePkWorkbook(await demoAnnex(), { year: 2026, units: UNITS });
    const result = toAgreementInput(parsed, { signedAt: "", firstPartyName: "", firstPartyJabatan: "Kepala Dinas", firstPartyNip: "123", secondPartyName: "Gubernur", secondPartyJabatan: "Gubernur" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toBe(M.headerInvalid);
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["firstPartyName", "firstPartyNip"]);
    }
  });
});
