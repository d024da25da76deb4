import { describe, expect, it } from "vitest";

import { SEED_AGENCIES } from "@/lib/seed/agencies";
import {
  matchRoleName,
  parseProcedureTable,
  parseTsv,
  parseWaktu,
  splitInlineNumberedList,
} from "@/lib/sop/paste-import";
import { SEED_SOP_TSV, SEED_SOPS, type TSeedSopSlug } from "@/lib/sop/seed-sops";
import { validateSop } from "@/lib/sop/validate";

import { KEPEGAWAIAN, PERIKANAN } from "../fixtures/fresh-agencies";

const rolesOf = (slug: string) => SEED_AGENCIES.find((a) => a.slug === slug)!.roles;
const SLUGS = Object.keys(SEED_SOPS) as TSeedSopSlug[];

/** Steps whose activity text names the executor; the rest need the admin's choice. */
const NAMED_EXECUTOR_STEPS: Record<TSeedSopSlug, number[]> = {
  "diskominfo-lumajang": [],
  "setwan-balangan": [5],
  "bmcktr-sumbar": [1, 2, 3, 4, 5, 6, 7, 8, 9],
};

const mutuBaku = (s: { number: number; kegiatan: string; kelengkapan: string; waktuJumlah: number; waktuSatuan: string; output: string; keterangan: string }) => ({
  number: s.number,
  kegiatan: s.kegiatan,
  kelengkapan: s.kelengkapan,
  waktuJumlah: s.waktuJumlah,
  waktuSatuan: s.waktuSatuan,
  output: s.output,
  keterangan: s.keterangan,
});

describe("pasting each seed's procedure table", () => {
  it.each(SLUGS)("%s: same steps and Mutu Baku as the seed data", (slug) => {
    const result = parseProcedureTable(SEED_SOP_TSV[slug], rolesOf(slug));
    expect(result.steps.map(mutuBaku)).toEqual(SEED_SOPS[slug].steps.map(mutuBaku));
    expect(result.newRoles).toEqual([]);
  });

  it.each(SLUGS)("%s: same kinds as the seed data", (slug) => {
    const result = parseProcedureTable(SEED_SOP_TSV[slug], rolesOf(slug));
    expect(result.steps.map((s) => s.kind)).toEqual(SEED_SOPS[slug].steps.map((s) => s.kind));
  });

  it.each(SLUGS)("%s: executor taken from the text where named, else left for the admin with a warning", (slug) => {
    const result = parseProcedureTable(SEED_SOP_TSV[slug], rolesOf(slug));
    for (const step of result.steps) {
      const seed = SEED_SOPS[slug].steps[step.number - 1]!;
      const stepWarnings = result.warnings.filter((w) => w.stepNumber === step.number && w.field === "executorRoleCode");
      if (NAMED_EXECUTOR_STEPS[slug].includes(step.number)) {
        expect(step.executorRoleCode, `langkah ${step.number}`).toBe(seed.executorRoleCode);
        expect(stepWarnings).toEqual([]);
      } else {
        expect(step.executorRoleCode, `langkah ${step.number}`).toBe("");
        expect(stepWarnings.map((w) => w.message)).toEqual([
          `Langkah ${step.number}: pelaksana tidak disebutkan dalam uraian kegiatan dan tidak ada tanda pada kolom pelaksana. Pilih pelaksananya.`,
        ]);
      }
    }
  });

  it("maps every header column of the seeds to the agency's roles, aliases included", () => {
    expect(parseProcedureTable(SEED_SOP_TSV["bmcktr-sumbar"], rolesOf("bmcktr-sumbar")).columns.map((c) => c.roleCode)).toEqual([
      "KADIS",
      "SEKRETARIS",
      "BIDANG",
      "TIM_SAKIP",
      "SUBBAG_PERENCANAAN", // header "Subag Perencanaan"
    ]);
    expect(parseProcedureTable(SEED_SOP_TSV["diskominfo-lumajang"], rolesOf("diskominfo-lumajang")).columns.map((c) => c.roleCode)).toEqual([
      "KADIS", // header "Kadis"
      "SEKRETARIS",
      "KASUBAG_PK",
      "TIM_SAKIP",
      "STAFF",
    ]);
    expect(parseProcedureTable(SEED_SOP_TSV["setwan-balangan"], rolesOf("setwan-balangan")).columns.map((c) => c.roleCode)).toEqual([
      "SEKWAN",
      "KABAG", // header "Kabag/ Kasubag"
      "TIM_SAKIP",
      "STAF",
    ]);
  });

  it("keeps the other roles a BMCKTR step names as participants, not the recipients", () => {
    const steps = parseProcedureTable(SEED_SOP_TSV["bmcktr-sumbar"], rolesOf("bmcktr-sumbar")).steps;
    expect(steps.map((s) => s.participantRoleCodes)).toEqual(SEED_SOPS["bmcktr-sumbar"].steps.map((s) => s.participantRoleCodes));
    expect(steps[3]!.participantRoleCodes).toEqual(["BIDANG"]);
    expect(steps[6]!.participantRoleCodes).toEqual(["SEKRETARIS", "TIM_SAKIP"]);
    expect(steps[0]!.participantRoleCodes).toEqual([]); // "memerintahkan Sekretaris": recipient
  });

  it("proposes where the decisions' Tidak returns and says it needs checking", () => {
    const bmcktr = parseProcedureTable(SEED_SOP_TSV["bmcktr-sumbar"], rolesOf("bmcktr-sumbar"));
    expect(bmcktr.steps[6]).toMatchObject({ kind: "APPROVAL", noStepNumber: 4, yesStepNumber: null });
    expect(bmcktr.warnings.find((w) => w.stepNumber === 7 && w.field === "noStepNumber")?.message).toMatch(
      /periksa tujuan jika "Tidak" \(sementara kembali ke langkah 4\)/,
    );
    const lumajang = parseProcedureTable(SEED_SOP_TSV["diskominfo-lumajang"], rolesOf("diskominfo-lumajang"));
    expect(lumajang.steps[6]).toMatchObject({ kind: "APPROVAL", noStepNumber: 6 });
  });

  it.each(SLUGS)("%s: once the admin picks the missing executors, the draft validates", (slug) => {
    const result = parseProcedureTable(SEED_SOP_TSV[slug], rolesOf(slug));
    const steps = result.steps.map((s, i) => (s.executorRoleCode === "" ? { ...s, executorRoleCode: SEED_SOPS[slug].steps[i]!.executorRoleCode } : s));
    expect(validateSop({ ...SEED_SOPS[slug], steps }, rolesOf(slug).map((r) => r.code))).toEqual({ ok: true });
  });
});

describe("pasting from Word or Excel", () => {
  const roles = rolesOf("bmcktr-sumbar");

  it("reads Windows line endings, bare numbering and no header rows", () => {
    const text = [
      "1\tKepala Dinas memerintahkan Sekretaris\t\t\t\t\t\tNota\t10 menit\tNota Kepala Dinas\t",
      "2\tSekretaris melakukan rapat\t\t\t\t\t\tNota\t2 Jam\tNotulen\t",
    ].join("\r\n");
    const result = parseProcedureTable(`${text}\r\n`, roles);
    expect(result.steps.map((s) => [s.number, s.executorRoleCode, s.waktuJumlah, s.waktuSatuan, s.output])).toEqual([
      [1, "KADIS", 10, "MENIT", "Nota Kepala Dinas"],
      [2, "SEKRETARIS", 2, "JAM", "Notulen"],
    ]);
    expect(result.warnings.some((w) => w.row === null && /Baris judul tabel/.test(w.message))).toBe(true);
  });

  it("reads Excel's quoted cells with line breaks, tabs and quotes", () => {
    const text =
      "No\tKegiatan\tKadis\tSekretaris\tKelengkapan\tWaktu\tOutput\tKet\r\n" +
      '1.\t"Kepala Dinas\r\nmemerintahkan ""pengukuran"""\t\t\t"1. Nota\r\n2. Lampiran"\t10 menit\t"Nota\tKepala Dinas"\t\r\n';
    const [step] = parseProcedureTable(text, roles).steps;
    expect(step).toMatchObject({
      kegiatan: 'Kepala Dinas\nmemerintahkan "pengukuran"',
      kelengkapan: "1. Nota\n2. Lampiran",
      output: "Nota Kepala Dinas",
      executorRoleCode: "KADIS",
    });
  });

  it("glues back rows that Word cut at a line break inside a cell", () => {
    const slug = "bmcktr-sumbar";
    const text = SEED_SOP_TSV[slug]
      .replaceAll("Kinerja 2. Lampiran", "Kinerja\n2. Lampiran")
      .replace("Sekretaris dan Bidang mengisi", "Sekretaris dan Bidang\nmengisi");
    const result = parseProcedureTable(text, rolesOf(slug));
    const flat = (s: Parameters<typeof mutuBaku>[0]) => ({ ...mutuBaku(s), kegiatan: s.kegiatan.replace(/\s+/g, " ") });
    expect(result.steps.map(flat)).toEqual(SEED_SOPS[slug].steps.map(flat));
    // The cut was a line break inside the activity cell: kept.
    expect(result.steps[3]!.kegiatan).toContain("Sekretaris dan Bidang\nmengisi");
    expect(result.steps[3]).toMatchObject({ executorRoleCode: "SEKRETARIS", participantRoleCodes: ["BIDANG"] });
  });

  it("answers an empty paste with one clear warning", () => {
    const result = parseProcedureTable("  \n", roles);
    expect(result.steps).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "Tidak ada baris langkah yang dikenali. Salin tabel prosedur lengkap dengan kolom No dan Kegiatan.",
    ]);
  });

  it("takes the executor from a mark in its column", () => {
    for (const mark of ["X", "√", "v", "●"]) {
      const text = `No\tKegiatan\tKepala Dinas\tSekretaris\tKelengkapan\tWaktu\tOutput\tKet\n1\tMemeriksa draf\t\t${mark}\tDraf\t1 hari\tDraf\t`;
      const [step] = parseProcedureTable(text, roles).steps;
      expect(step?.executorRoleCode, mark).toBe("SEKRETARIS");
    }
  });

  it("with several marks, keeps one executor and the others as participants", () => {
    const text = "No\tKegiatan\tKepala Dinas\tSekretaris\tBidang\tKelengkapan\tWaktu\tOutput\n1\tBidang dan Sekretaris mengisi data\t\tX\tX\tFormat\t2 hari\tData";
    const result = parseProcedureTable(text, roles);
    expect(result.steps[0]).toMatchObject({ executorRoleCode: "BIDANG", participantRoleCodes: ["SEKRETARIS"] });
    expect(result.warnings.map((w) => w.message).join()).toMatch(/lebih dari satu kolom pelaksana bertanda/);
  });

  it("offers an executor column the agency does not have as a new role", () => {
    const text = "No\tKegiatan\tKepala Dinas\tKepala UPTD Jalan\tKelengkapan\tWaktu\tOutput\n1\tMemeriksa jalan\t\tX\tData\t1 hari\tLaporan";
    const result = parseProcedureTable(text, roles);
    expect(result.newRoles).toEqual([{ name: "Kepala UPTD Jalan", code: "KEPALA_UPTD_JALAN" }]);
    expect(result.steps[0]!.executorRoleCode).toBe("KEPALA_UPTD_JALAN");
    expect(result.warnings.map((w) => w.message)).toContain(
      'Pelaksana "Kepala UPTD Jalan" belum ada di daftar peran instansi. Buat perannya atau pilih peran yang ada di bagian "Peran yang tidak ditemukan".',
    );
  });

  it("matches role names written differently: Kadis, Subag, Kasubag / kabag", () => {
    expect(matchRoleName("Kadis", roles)?.code).toBe("KADIS");
    expect(matchRoleName("Subag Perencanaan", roles)?.code).toBe("SUBBAG_PERENCANAAN");
    expect(matchRoleName("Kasubag / kabag", rolesOf("setwan-balangan"))?.code).toBe("KABAG");
    expect(matchRoleName("Staf", rolesOf("diskominfo-lumajang"))?.code).toBe("STAFF");
    expect(matchRoleName("Inspektur", roles)).toBeNull();
  });

  it("skips a header repeated on a later page and renumbers with a warning", () => {
    const lines = SEED_SOP_TSV["setwan-balangan"].split("\n");
    const text = [...lines.slice(0, 5), ...lines.slice(0, 2), ...lines.slice(5)].join("\n").replace("\n4.\t", "\n40.\t");
    const result = parseProcedureTable(text, rolesOf("setwan-balangan"));
    expect(result.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.steps[3]!.kegiatan).toBe("Menghimpun data rencana kinerja dan menyusun konsep laporan");
    expect(result.warnings.find((w) => w.field === "number")?.message).toBe('Nomor "40." tidak berurutan; langkah ini dinomori ulang menjadi 4.');
  });

  it("warns about a time it cannot read", () => {
    const result = parseProcedureTable("1\tSekretaris menyusun laporan\t\tDraf\tsecepatnya\tLaporan", roles);
    expect(result.steps[0]!.waktuJumlah).toBe(0);
    expect(result.warnings.map((w) => w.message).join()).toMatch(/Waktu/);
  });
});

describe("helpers", () => {
  it("parses the time standards used in SOPs", () => {
    expect(parseWaktu("10 menit")).toEqual({ jumlah: 10, satuan: "MENIT", note: null });
    expect(parseWaktu("2 Jam")).toEqual({ jumlah: 2, satuan: "JAM", note: null });
    expect(parseWaktu("1 hari")).toEqual({ jumlah: 1, satuan: "HARI", note: null });
    expect(parseWaktu("1,5 jam")).toMatchObject({ jumlah: 1.5, satuan: "JAM" });
    expect(parseWaktu("1 - 2 hari")).toMatchObject({ jumlah: 2, satuan: "HARI" });
    expect(parseWaktu("1 minggu")).toMatchObject({ jumlah: 5, satuan: "HARI" });
    expect(parseWaktu("0 menit")).toBeNull();
    expect(parseWaktu("segera")).toBeNull();
  });

  it("splits a flattened numbered list without breaking numbers inside items", () => {
    expect(splitInlineNumberedList("1. Draf No. 2 Tahun 2014 2. Lampiran")).toBe("1. Draf No. 2 Tahun 2014\n2. Lampiran");
    expect(splitInlineNumberedList("Nota Kepala Dinas")).toBe("Nota Kepala Dinas");
  });

  it("reads tab-separated text with quotes", () => {
    expect(parseTsv('a\t"b\nc"\td\r\ne')).toEqual([["a", "b\nc", "d"], ["e"]]);
    expect(parseTsv('a\t"unbalanced\tb')).toEqual([["a", '"unbalanced', "b"]]);
  });
});

describe("tables of agencies that are not in the demo (tests/fixtures/fresh-agencies.ts)", () => {
  const perikanan = parseProcedureTable(PERIKANAN.table, PERIKANAN.roles);
  const kepegawaian = parseProcedureTable(KEPEGAWAIAN.table, KEPEGAWAIAN.roles);
  const guessOf = (r: typeof perikanan, n: number, field: string) => r.guesses.find((g) => g.stepNumber === n && g.field === field);

  it("a team named inside the activity's object is not an executor", () => {
    expect(perikanan.steps.map((s) => [s.number, s.executorRoleCode, s.participantRoleCodes])).toEqual([
      [1, "KEPALA_DINAS", []],
      [2, "SEKRETARIS", []],
      [3, "KASUBAG_PROGRAM", []],
      [4, "KASUBAG_UMUM", []],
      [5, "SEKRETARIS", []],
      [6, "KEPALA_DINAS", []],
      [7, "TIM_PENGUKURAN", []],
      [8, "KASUBAG_PROGRAM", []],
    ]);
    // No "the text names another executor" warning for a team inside the object.
    expect(perikanan.warnings.filter((w) => w.field === "executorRoleCode")).toEqual([]);
    expect(guessOf(perikanan, 3, "executorRoleCode")?.because).toBe(
      "tanda “X” di kolom “Kasubag Program”; “tim pengukuran kinerja” disebut di dalam uraian kegiatan, bukan sebagai pelaksananya",
    );
  });

  it("without a mark, an object naming a role does not make it the executor", () => {
    const text = "1\tMenyusun draft SK Tim Pengukuran Kinerja\t\t\tNota\t1 hari\tDraft SK\t";
    expect(parseProcedureTable(text, PERIKANAN.roles).steps[0]!.executorRoleCode).toBe("");
  });

  it("decisions: two steps back to another role, with the words that said so", () => {
    expect(perikanan.steps.map((s) => [s.kind, s.noStepNumber])).toEqual([
      ["DISPOSITION", null],
      ["DISPOSITION", null],
      ["DRAFT", null],
      ["REVIEW", 3],
      ["REVIEW", 3],
      ["APPROVAL", 5],
      ["INPUT", null],
      ["ARCHIVE", null],
    ]);
    expect(guessOf(perikanan, 5, "noStepNumber")).toEqual({ stepNumber: 5, field: "noStepNumber", value: "3", because: "kata “kembali ke langkah 3”" });
  });

  it("keeps the line breaks of a pasted activity", () => {
    expect(perikanan.steps[2]!.kegiatan).toBe("Menyusun draft SK Tim Pengukuran Kinerja:\n- susunan keanggotaan\n- uraian tugas");
  });

  it("an invitation to a meeting is not the meeting; the meeting follows", () => {
    expect(kepegawaian.steps.map((s) => s.kind)).toEqual(["DISPOSITION", "UPLOAD", "MEETING", "DRAFT", "REVIEW", "ARCHIVE"]);
    expect(guessOf(kepegawaian, 2, "kind")?.because).toBe("kata “menginformasikan … untuk menghadiri rapat”");
    expect(guessOf(kepegawaian, 3, "kind")?.because).toBe("kata “rapat”");
    expect(kepegawaian.steps[2]).toMatchObject({ executorRoleCode: "SEKRETARIS", participantRoleCodes: ["KABID"] });
  });

  it("every step has a guessed executor and kind with its reason", () => {
    for (const r of [perikanan, kepegawaian]) {
      for (const s of r.steps) {
        expect(guessOf(r, s.number, "executorRoleCode")?.value).toBe(s.executorRoleCode);
        expect(guessOf(r, s.number, "kind")?.value).toBe(s.kind);
      }
    }
  });

  it("reads a semicolon-separated table (a CSV export) with quoted line breaks", () => {
    const csv = 'No;Kegiatan;Kepala Badan;Sekretaris;Kelengkapan;Waktu;Output\n1;"Kepala Badan menugaskan\nSekretaris";;;Renja;15 menit;Disposisi\n';
    expect(parseProcedureTable(csv, KEPEGAWAIAN.roles).steps[0]).toMatchObject({
      kegiatan: "Kepala Badan menugaskan\nSekretaris",
      executorRoleCode: "KEPALA_BADAN",
      waktuJumlah: 15,
    });
  });
});
