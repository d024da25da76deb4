import { describe, expect, it } from "vitest";

import { SEED_AGENCIES } from "@/lib/seed/agencies";
import {
  STEP_KIND_LABELS,
  STEP_KINDS,
  TIME_UNIT_LABELS,
  TIME_UNITS,
  ZSopHeader,
  ZSopInput,
  ZSopStep,
  type TSopInput,
} from "@/lib/sop/schemas";
import { SEED_SOPS } from "@/lib/sop/seed-sops";

const bmcktr = SEED_SOPS["bmcktr-sumbar"];
const header = (({ steps: _steps, ...rest }: TSopInput) => rest)(bmcktr);
const baseStep = bmcktr.steps[0]!;

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((i) => i.message);
}

function messagesAt(result: { error?: { issues: { message: string; path: PropertyKey[] }[] } }, path: string) {
  return (result.error?.issues ?? []).filter((i) => i.path.join(".") === path).map((i) => i.message);
}

describe("seed SOPs", () => {
  it("has one SOP for every demo agency", () => {
    expect(Object.keys(SEED_SOPS).sort()).toEqual(SEED_AGENCIES.map((a) => a.slug).sort());
  });

  it.each(Object.entries(SEED_SOPS))("%s passes the schema unchanged", (_slug, sop) => {
    const result = ZSopInput.safeParse(sop);
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(sop);
  });

  it("keeps the Nomor SOP and signatory exactly as printed", () => {
    expect(SEED_SOPS["diskominfo-lumajang"].nomor).toBe("427.50/1/2.40/2024");
    expect(SEED_SOPS["setwan-balangan"].nomor).toBe("175/188/SETWAN-BLG/2023");
    expect(SEED_SOPS["bmcktr-sumbar"].nomor).toBe("150/SOP-BMCKTR/2024");
    expect(SEED_SOPS["diskominfo-lumajang"].disahkanJabatan).toMatch(/^Plt\. KEPALA DINAS/);
    expect(SEED_SOPS["setwan-balangan"].disahkanNip).toBe("197312241994031007");
    expect(SEED_SOPS["bmcktr-sumbar"].steps[3]!.output).toBe(
      "1. Draf Realisasi Rencana Aksi Akuntabilitas Kinerja\n2. Lampiran Data Dukung",
    );
  });
});

describe("ZSopHeader", () => {
  it("accepts a NIP typed with spaces and stores 18 digits", () => {
    const result = ZSopHeader.safeParse({ ...header, disahkanNip: "19840518 201101 1 014" });
    expect(result.data?.disahkanNip).toBe("198405182011011014");
  });

  it("treats an empty NIP, pangkat or optional date as not printed", () => {
    const result = ZSopHeader.safeParse({ ...header, disahkanNip: "  ", disahkanPangkat: "", tanggalRevisi: "", tanggalEfektif: null });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ disahkanNip: null, disahkanPangkat: null, tanggalRevisi: null, tanggalEfektif: null });
  });

  it("refuses a NIP that is not 18 digits", () => {
    const result = ZSopHeader.safeParse({ ...header, disahkanNip: "1984 0518" });
    expect(messagesAt(result, "disahkanNip").join()).toMatch(/18 digit/);
  });

  it("trims the Nomor SOP and refuses an empty or overlong one", () => {
    expect(ZSopHeader.parse({ ...header, nomor: "  150/SOP-BMCKTR/2024 " }).nomor).toBe("150/SOP-BMCKTR/2024");
    expect(messagesAt(ZSopHeader.safeParse({ ...header, nomor: "   " }), "nomor")).toEqual(["Nomor SOP wajib diisi"]);
    expect(messagesAt(ZSopHeader.safeParse({ ...header, nomor: "1".repeat(101) }), "nomor")).toEqual([
      "Nomor SOP maksimal 100 karakter",
    ]);
  });

  it("asks for ISO dates and keeps revision and effective dates after creation", () => {
    expect(messagesAt(ZSopHeader.safeParse({ ...header, tanggalPembuatan: "11 Januari 2024" }), "tanggalPembuatan")[0]).toMatch(
      /format TTTT-BB-HH/,
    );
    expect(messagesAt(ZSopHeader.safeParse({ ...header, tanggalRevisi: "2023-12-31" }), "tanggalRevisi")).toEqual([
      "Tanggal revisi tidak boleh sebelum tanggal pembuatan",
    ]);
    expect(messagesAt(ZSopHeader.safeParse({ ...header, tanggalEfektif: "2023-12-31" }), "tanggalEfektif")).toEqual([
      "Tanggal efektif tidak boleh sebelum tanggal pembuatan",
    ]);
  });

  it("trims list items and refuses blank ones", () => {
    expect(ZSopHeader.parse({ ...header, peralatan: ["  Komputer "] }).peralatan).toEqual(["Komputer"]);
    expect(messagesAt(ZSopHeader.safeParse({ ...header, peralatan: ["Komputer", " "] }), "peralatan.1")).toEqual([
      "Butir daftar tidak boleh kosong",
    ]);
  });

  it("answers an empty form entirely in Indonesian", () => {
    const result = ZSopInput.safeParse({});
    const all = messages(result);
    expect(all.length).toBeGreaterThan(5);
    for (const message of all) expect(message).not.toMatch(/invalid|expected|received|required/i);
    expect(all).toContain("Nama SOP wajib diisi");
  });
});

describe("ZSopStep", () => {
  it("fills defaults for participants, keterangan and branch targets", () => {
    const { participantRoleCodes: _p, keterangan: _k, yesStepNumber: _y, noStepNumber: _n, ...minimal } = baseStep;
    expect(ZSopStep.parse(minimal)).toMatchObject({ participantRoleCodes: [], keterangan: "", yesStepNumber: null, noStepNumber: null });
  });

  it.each([0, -5])("refuses a time of %s", (waktuJumlah) => {
    expect(messagesAt(ZSopStep.safeParse({ ...baseStep, waktuJumlah }), "waktuJumlah")).toEqual(["Waktu harus lebih dari 0"]);
  });

  it("refuses a time that is not a number", () => {
    expect(messagesAt(ZSopStep.safeParse({ ...baseStep, waktuJumlah: Number.NaN }), "waktuJumlah")).toEqual(["Waktu harus berupa angka"]);
    expect(messagesAt(ZSopStep.safeParse({ ...baseStep, waktuJumlah: Infinity }), "waktuJumlah")).toEqual(["Waktu harus berupa angka"]);
  });

  it("refuses an unknown time unit", () => {
    expect(messagesAt(ZSopStep.safeParse({ ...baseStep, waktuSatuan: "MINGGU" }), "waktuSatuan")).toEqual([
      "Satuan waktu harus menit, jam, atau hari",
    ]);
  });

  it("requires exactly one executor", () => {
    expect(messagesAt(ZSopStep.safeParse({ ...baseStep, executorRoleCode: "  " }), "executorRoleCode")).toEqual([
      "Setiap langkah harus memiliki tepat satu pelaksana",
    ]);
    const twice = ZSopStep.safeParse({ ...baseStep, participantRoleCodes: ["SEKRETARIS", "KADIS"] });
    expect(messagesAt(twice, "participantRoleCodes.1")[0]).toMatch(/^Setiap langkah harus memiliki tepat satu pelaksana: "KADIS"/);
  });

  it("requires a decision to say where Tidak returns, and only a decision", () => {
    const decision = { ...baseStep, kind: "APPROVAL", noStepNumber: null };
    expect(messagesAt(ZSopStep.safeParse(decision), "noStepNumber")[0]).toMatch(/jika "Tidak"/);
    const process = { ...baseStep, kind: "DRAFT", noStepNumber: 1 };
    expect(messagesAt(ZSopStep.safeParse(process), "noStepNumber")).toEqual([
      'Hanya langkah pemeriksaan/persetujuan yang memiliki alur "Tidak"',
    ]);
  });

  it("requires kegiatan and output", () => {
    const result = ZSopStep.safeParse({ ...baseStep, kegiatan: "", output: " " });
    expect(messagesAt(result, "kegiatan")).toEqual(["Uraian kegiatan wajib diisi"]);
    expect(messagesAt(result, "output")).toEqual(["Output kegiatan wajib diisi"]);
  });

  it("allows an empty Kelengkapan", () => {
    expect(ZSopStep.safeParse({ ...baseStep, kelengkapan: "" }).success).toBe(true);
  });

  it("refuses an SOP without steps", () => {
    expect(messagesAt(ZSopInput.safeParse({ ...bmcktr, steps: [] }), "steps")).toEqual(["SOP harus memiliki minimal satu langkah kegiatan"]);
  });
});

describe("labels", () => {
  it("has an Indonesian label for every step kind and time unit", () => {
    for (const kind of STEP_KINDS) expect(STEP_KIND_LABELS[kind]).toBeTruthy();
    for (const unit of TIME_UNITS) expect(TIME_UNIT_LABELS[unit]).toBeTruthy();
    expect(TIME_UNIT_LABELS.HARI).toBe("hari kerja");
  });
});
