import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { SEED_AGENCIES } from "@/lib/seed/agencies";
import { diffSops, type TSopChange } from "@/lib/sop/mapping";
import type { TSopInput } from "@/lib/sop/schemas";
import { SEED_SOPS } from "@/lib/sop/seed-sops";
import {
  buildSopWorkbook,
  contentDisposition,
  decisionNote,
  rolesUsedBySop,
  SOP_MARKS,
  sopExportFilename,
  type TSopExport,
} from "@/lib/sop/xlsx";

const bmcktr = SEED_SOPS["bmcktr-sumbar"];
const bmcktrAgency = SEED_AGENCIES.find((a) => a.slug === "bmcktr-sumbar")!;

describe("diffSops", () => {
  it("finds nothing between a version and its copy", () => {
    expect(diffSops(bmcktr, structuredClone(bmcktr))).toEqual([]);
  });

  it("reports a header change, a changed step field by field, an added and a removed step", () => {
    const after: TSopInput = structuredClone(bmcktr);
    after.nama = "Pengukuran Kinerja Triwulanan";
    after.tanggalRevisi = "2025-01-10";
    after.steps[1]!.waktuJumlah = 3;
    after.steps[1]!.kegiatan = "Sekretaris memimpin rapat dengan Tim SAKIP";
    after.steps.push({ ...after.steps[8]!, number: 10, kegiatan: "Mengirim salinan ke Inspektorat" });

    const changes = diffSops(bmcktr, after);
    const headers = changes.filter((c) => c.kind === "header");
    expect(headers).toEqual([
      { kind: "header", field: "nama", label: "Nama SOP", before: "Pengukuran Kinerja", after: "Pengukuran Kinerja Triwulanan" },
      { kind: "header", field: "tanggalRevisi", label: "Tanggal Revisi", before: null, after: "2025-01-10" },
    ]);
    const changed = changes.find((c): c is Extract<TSopChange, { kind: "step-changed" }> => c.kind === "step-changed");
    expect(changed?.number).toBe(2);
    expect(changed?.fields.map((f) => f.field).sort()).toEqual(["kegiatan", "waktuJumlah"]);
    expect(changed?.fields.find((f) => f.field === "waktuJumlah")).toEqual({ field: "waktuJumlah", before: 2, after: 3 });
    expect(changes.filter((c) => c.kind === "step-added")).toEqual([
      { kind: "step-added", number: 10, after: after.steps[9] },
    ]);

    // The other way round, the added step is a removed one.
    const back = diffSops(after, bmcktr);
    expect(back.filter((c) => c.kind === "step-removed")).toEqual([{ kind: "step-removed", number: 10, before: after.steps[9] }]);
    expect(back.filter((c) => c.kind === "step-added")).toEqual([]);
  });

  it("sees a changed participant list and a changed Tidak target", () => {
    const after: TSopInput = structuredClone(bmcktr);
    after.steps[6]!.participantRoleCodes = ["SEKRETARIS"];
    after.steps[6]!.noStepNumber = 5;
    const changed = diffSops(bmcktr, after);
    expect(changed).toEqual([
      {
        kind: "step-changed",
        number: 7,
        fields: [
          { field: "participantRoleCodes", before: ["SEKRETARIS", "TIM_SAKIP"], after: ["SEKRETARIS"] },
          { field: "noStepNumber", before: 4, after: 5 },
        ],
      },
    ]);
  });

  // Skipped until diffSops compares participants as a set (proposed fix in the helper's report).
  it("does not report participants listed in another order as a change", () => {
    const after: TSopInput = structuredClone(bmcktr);
    after.steps[6]!.participantRoleCodes = ["TIM_SAKIP", "SEKRETARIS"];
    expect(diffSops(bmcktr, after)).toEqual([]);
  });
});

describe("export helpers", () => {
  it("names the executor columns after the agency's roles, in the agency's order", () => {
    const roles = rolesUsedBySop(bmcktr, bmcktrAgency.roles);
    expect(roles.map((r) => r.name)).toEqual(["Kepala Dinas", "Sekretaris", "Bidang", "Tim SAKIP", "Subbag Perencanaan"]);
    expect(rolesUsedBySop(bmcktr, []).map((r) => r.code)).toContain("SUBBAG_PERENCANAAN");
  });

  it("writes where a decision's exits go", () => {
    expect(decisionNote(bmcktr.steps[6]!)).toBe("Ya → langkah 8; Tidak → kembali ke langkah 4");
    expect(decisionNote(bmcktr.steps[0]!)).toBe("");
  });

  it("gives a safe ASCII file name and an RFC 6266 filename* for other letters", () => {
    const plain = sopExportFilename("150/SOP-BMCKTR/2024", 2, "json");
    expect(plain.ascii).toBe("SOP-150-SOP-BMCKTR-2024-v2.json");
    expect(contentDisposition(plain)).toBe('attachment; filename="SOP-150-SOP-BMCKTR-2024-v2.json"');

    const odd = sopExportFilename('Ñomor "7"/Ä\r\n', 1, "xlsx");
    expect(odd.ascii).toMatch(/^SOP-[A-Za-z0-9._-]+-v1\.xlsx$/);
    expect(odd.ascii).toBe("SOP-Nomor-7-A-v1.xlsx");
    const header = contentDisposition(odd);
    expect(header).toBe(`attachment; filename="SOP-Nomor-7-A-v1.xlsx"; filename*=UTF-8''SOP-%C3%91omor%20-7-%C3%84-v1.xlsx`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe("buildSopWorkbook", () => {
  const data: TSopExport = { sop: bmcktr, version: 2, status: "ACTIVE", roles: rolesUsedBySop(bmcktr, bmcktrAgency.roles) };
  const header = { name: bmcktrAgency.name, government: bmcktrAgency.government };

  async function readBack() {
    const buffer = await buildSopWorkbook(data, header);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  }

  const text = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? "" : String(cell.value));

  it("writes the identity sheet: government, agency, label/value rows and numbered boxes", async () => {
    const ws = (await readBack()).getWorksheet("Identitas")!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(text(cell))));
    expect(cells).toContain("PEMERINTAH PROVINSI SUMATERA BARAT");
    expect(cells).toContain(bmcktrAgency.name.toUpperCase());
    const valueOf = (label: string) => {
      let value: string | undefined;
      ws.eachRow((row) => {
        if (text(row.getCell(1)) === label) value = text(row.getCell(2));
      });
      return value;
    };
    expect(valueOf("Nomor SOP")).toBe("150/SOP-BMCKTR/2024");
    expect(valueOf("Tanggal Pembuatan")).toBe("11 Januari 2024");
    expect(valueOf("Tanggal Revisi")).toBe("-");
    expect(valueOf("Disahkan oleh (NIP)")).toBe("NIP. 19720925 199803 1 003");
    expect(valueOf("Versi")).toBe("2 (Berlaku)");
    expect(cells).toContain("1. Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah");
    expect(cells).toContain("3. Bisa mengoperasikan komputer");
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it("lays the procedure out like the paper table, one row per step with the executor's mark", async () => {
    const ws = (await readBack()).getWorksheet("Prosedur")!;
    // Header: NO | KEGIATAN | PELAKSANA (5 roles, merged) | MUTU BAKU (3, merged) | KET.
    expect(text(ws.getCell("A1"))).toBe("NO");
    expect(text(ws.getCell("B1"))).toBe("KEGIATAN");
    expect(text(ws.getCell("C1"))).toBe("PELAKSANA");
    expect(ws.getCell("G1").isMerged).toBe(true);
    expect(ws.getCell("G1").master.address).toBe("C1");
    expect(["C2", "D2", "E2", "F2", "G2"].map((a) => text(ws.getCell(a)))).toEqual([
      "Kepala Dinas",
      "Sekretaris",
      "Bidang",
      "Tim SAKIP",
      "Subbag Perencanaan",
    ]);
    expect(text(ws.getCell("H1"))).toBe("MUTU BAKU");
    expect(["H2", "I2", "J2"].map((a) => text(ws.getCell(a)))).toEqual(["Kelengkapan", "Waktu", "Output"]);
    expect(text(ws.getCell("K1"))).toBe("KET");

    bmcktr.steps.forEach((step, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(1).value).toBe(step.number);
      expect(text(row.getCell(2))).toBe(step.kegiatan);
      expect(text(row.getCell(8))).toBe(step.kelengkapan);
      expect(text(row.getCell(10))).toBe(step.output);
    });
    // Step 1: Kepala Dinas executes; step 4: Sekretaris with Bidang taking part; step 7: the head decides.
    expect(["C3", "D3", "E3", "F3", "G3"].map((a) => text(ws.getCell(a)))).toEqual([SOP_MARKS.executor, "", "", "", ""]);
    expect(["C6", "D6", "E6"].map((a) => text(ws.getCell(a)))).toEqual(["", SOP_MARKS.executor, SOP_MARKS.participant]);
    expect(text(ws.getCell("C9"))).toBe(SOP_MARKS.decision);
    expect(text(ws.getCell("K9"))).toBe("Ya → langkah 8; Tidak → kembali ke langkah 4");
    expect(text(ws.getCell("I4"))).toBe("2 jam");
    expect(text(ws.getCell("I6"))).toBe("2 hari kerja");
    expect(text(ws.getCell("G11"))).toBe(SOP_MARKS.executor);

    // Values, not formulas; every table cell bordered and wrapped.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
      }),
    );
    expect(ws.getCell("B5").border?.left?.style).toBe("thin");
    expect(ws.getCell("B5").alignment?.wrapText).toBe(true);

    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(1).width!);
  });
});
