import { z } from "zod";

import { ZNip } from "@/lib/validation/nip";

import { PLAUSIBILITY_CODES, ZPlausibilityCode } from "./plausibility";
import { REALIZATION_MESSAGES } from "./workflow";

/** Messages of performance data (Bahasa Indonesia). */
export const PERFORMANCE_MESSAGES = {
  number: "Isi dengan angka, misalnya 1234,5.",
  negativeBudget: "Anggaran tidak boleh negatif.",
  tooLarge: "Angka terlalu besar.",
  required: "Wajib diisi.",
  quarter: "Triwulan harus I, II, III, atau IV.",
  year: "Tahun tidak valid.",
  rangeOrder: "Batas bawah rentang tidak boleh lebih besar dari batas atas.",
  targetNeeded: "Isi target (nilai tunggal atau rentang).",
  duplicateCode: (code: string) => `Kode ${code} dipakai lebih dari sekali.`,
  unknownUnit: (name: string) => `Unit kerja "${name}" tidak dikenal di instansi ini.`,
  inactiveUnit: (name: string) => `Unit kerja "${name}" sudah nonaktif: pilih unit kerja yang aktif.`,
  notFound: "Data kinerja tidak ditemukan.",
  notYourUnit: "Indikator ini menjadi tanggung jawab unit kerja lain.",
  frozen: REALIZATION_MESSAGES.frozen,
  notEditable: REALIZATION_MESSAGES.notEditable,
  valueRequired: "Isi nilai realisasi sebelum mengirim.",
  notSubmitted: REALIZATION_MESSAGES.notSubmitted,
  reasonRequired: REALIZATION_MESSAGES.reasonRequired,
  noAgreement: (year: number) => `Perjanjian Kinerja tahun ${year} belum ada.`,
  indicatorsInUse: (codes: string) => `Indikator berikut sudah memiliki realisasi dan tidak dapat dihapus: ${codes}.`,
  programsInUse: (programs: string) =>
    `Program berikut sudah memiliki realisasi anggaran dan tidak dapat dihapus: ${programs}. Cantumkan kembali program tersebut (kolom Program dan Pagu), atau kosongkan dahulu realisasi anggarannya.`,
  frozenTargets: (items: string) =>
    `Target pada triwulan yang sudah diarsipkan tidak dapat diubah: ${items}. Kembalikan nilainya seperti semula; target triwulan yang belum diarsipkan tetap dapat diubah.`,
  targetsInUse: (items: string) => `Target berikut tidak dapat dikosongkan karena triwulannya sudah memiliki realisasi: ${items}.`,
  unverifiedAtArchive: (period: string, list: string) =>
    `${period} belum dapat diarsipkan karena realisasi berikut belum diverifikasi Tim SAKIP: ${list}. Verifikasi atau kembalikan dahulu; bila periode harus diarsipkan sekarang, Kepala instansi dapat mengarsipkannya dengan catatan.`,
  archiveNoteRequired: "Tulis catatan mengapa periode diarsipkan dengan realisasi yang belum diverifikasi. Catatan ini dicantumkan pada lini masa dan dokumen resmi.",
  archiveNoteHeadOnly:
    "Hanya Kepala instansi yang dapat mengarsipkan periode yang realisasinya belum seluruhnya diverifikasi, dengan catatan. Minta Tim SAKIP memverifikasinya dahulu.",
  inputIncomplete: (n: number) => `Masih ada ${n} indikator yang realisasinya belum dikirim untuk periode ini.`,
  saved: "Disimpan sebagai draf.",
  submitted: "Realisasi dikirim ke Tim SAKIP.",
  verified: "Realisasi diverifikasi.",
  returned: "Realisasi dikembalikan dengan alasan.",
  budgetSaved: (quarter: string) => `Realisasi anggaran ${quarter} disimpan.`,
  // The performance pages (app/a/[agencySlug]/kinerja, components/performance).
  ui: {
    title: "Kinerja",
    confirmSubmit: {
      title: (code: string, quarter: string) => `Kirim realisasi ${code} ${quarter} ke Tim SAKIP?`,
      body: (value: string, unit: string) =>
        `Nilai ${value} ${unit} beserta faktor pendorong, penghambat, tindak lanjut, dan data dukungnya dikirim untuk diverifikasi. Setelah dikirim, Anda tidak dapat mengubahnya lagi kecuali Tim SAKIP mengembalikannya.`,
      noEvidence: "Belum ada data dukung yang dilampirkan. Tim SAKIP dapat mengembalikan realisasi tanpa bukti; lampirkan dahulu bila ada.",
      confirm: "Ya, kirim",
      cancel: "Batal",
    },
    quarters: ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
    quarterShort: ["TW I", "TW II", "TW III", "TW IV"],
    toDate: (q: string) => `s.d. ${q}`,
    year: "Tahun",
    quarter: "Triwulan",
    show: "Tampilkan",
    tabs: { overview: "Perjanjian Kinerja", realization: "Realisasi", verification: "Verifikasi", recap: "Rekap", lkjip: "LKjIP", export: "Ekspor" },
    exportRencanaAksi: "Unduh Realisasi Rencana Aksi (xlsx)",
    exportPengukuran: "Unduh Pengukuran Kinerja (xlsx)",
    exportLaporan: "Unduh Laporan Pengukuran Kinerja (PDF)",
    exportPaket: "Unduh paket unggah e-SAKIP (zip)",
    importPk: "Impor Perjanjian Kinerja dari Excel",
    print: "Cetak (A4 mendatar)",
    // Overview
    overviewTitle: (year: number) => `Perjanjian Kinerja Tahun ${year}`,
    overviewSubtitle: "Sasaran strategis, indikator kinerja dengan target tahunan dan triwulanan (Rencana Aksi), serta program dan pagu anggaran.",
    noAgreementHint: "Perjanjian Kinerja disusun oleh Tim SAKIP atau administrator instansi. Pilih tahun lain bila tersedia.",
    signedAt: "Tanggal penandatanganan",
    notSigned: "Belum diisi",
    firstParty: "Pihak Pertama",
    secondParty: "Pihak Kedua",
    nip: (nip: string) => `NIP ${nip}`,
    goal: "Sasaran strategis",
    goalHeading: (code: string, name: string) => `${code}. ${name}`,
    indicatorCount: (n: number) => `${n} indikator`,
    col: {
      no: "No",
      code: "Kode",
      indicator: "Indikator kinerja",
      unit: "Satuan",
      polarity: "Polaritas",
      aggregation: "Agregasi",
      orgUnit: "Unit kerja",
      annualTarget: "Target tahunan",
      target: "Target",
      realization: "Realisasi",
      capaian: "Capaian",
      category: "Kategori",
      program: "Program",
      pagu: "Pagu",
      totalPagu: "Jumlah pagu",
      status: "Status",
      paguToDate: (q: string) => `Pagu s.d. ${q}`,
      realizationToDate: (q: string) => `Realisasi s.d. ${q}`,
      absorption: "Penyerapan",
      total: "Jumlah",
    },
    programsTitle: "Program dan pagu anggaran",
    noPrograms: "Belum ada program pada Perjanjian Kinerja ini.",
    polarity: { HIGHER: "Semakin tinggi semakin baik", LOWER: "Semakin rendah semakin baik" },
    aggregation: { CUMULATIVE: "Kumulatif (jumlah)", LAST: "Nilai terakhir", AVERAGE: "Rata-rata" },
    targetRange: "rentang",
    // Statuses
    status: { DRAFT: "Draf", SUBMITTED: "Dikirim", VERIFIED: "Terverifikasi", RETURNED: "Dikembalikan", EMPTY: "Belum diisi" },
    // Realization form
    realizationTitle: (q: string, year: number) => `Realisasi ${q} ${year}`,
    realizationSubtitle: "Isi realisasi indikator unit kerja Anda, lampirkan data dukung, lalu kirim ke Tim SAKIP untuk diverifikasi.",
    yourUnits: (names: string) => `Unit kerja Anda: ${names}`,
    /** The inbox's link to one kind of waiting work (?status= on the realization page). */
    filteredBy: (status: string, shown: number) => `Menampilkan ${shown} indikator berstatus ${status}.`,
    showAll: "Tampilkan semua indikator",
    nothingFiltered: (status: string) => `Tidak ada lagi indikator berstatus ${status} pada periode ini.`,
    noUnit: "Anda belum tercatat pada unit kerja (bidang) mana pun, sehingga tidak ada indikator yang perlu Anda isi. Minta administrator instansi mencatat unit kerja Anda.",
    noIndicators: "Tidak ada indikator Perjanjian Kinerja tahun ini yang menjadi tanggung jawab unit kerja Anda.",
    frozenNotice: (q: string, year: number) =>
      `Periode ${q} ${year} sudah diarsipkan (siklus pengukurannya selesai): realisasi, verifikasi, dan anggaran periode ini tidak dapat diubah lagi.`,
    targetOf: (q: string) => `Target ${q}`,
    previousValues: "Realisasi triwulan sebelumnya",
    valueLabel: (q: string, unit: string) => `Realisasi ${q} (${unit})`,
    valueHint: "Gunakan koma untuk desimal, misalnya 1.234,5.",
    valueHintPercent: "Gunakan koma untuk desimal, misalnya 1.234,5. Tanda % boleh ditulis atau tidak: 85% dibaca 85.",
    readAs: (v: string) => `Terbaca sebagai ${v}.`,
    liveCapaian: (q: string) => `Capaian s.d. ${q}`,
    realizationToDate: (q: string, how: string) => `Realisasi s.d. ${q} (${how})`,
    cannotCompute: (message: string) => `Capaian tidak dapat dihitung: ${message}`,
    capped: (cap: string) => `dibatasi ${cap}`,
    faktorPendorong: "Faktor pendorong",
    faktorPenghambat: "Faktor penghambat",
    tindakLanjut: "Tindak lanjut",
    saveDraft: "Simpan draf",
    submit: "Kirim",
    saving: "Menyimpan…",
    submitting: "Mengirim…",
    submitHint: "Setelah dikirim, realisasi tidak dapat diubah kecuali dikembalikan oleh Tim SAKIP.",
    returnedBy: (name: string) => `Dikembalikan oleh ${name} untuk perbaikan`,
    returnedGeneric: "Dikembalikan oleh Tim SAKIP untuk perbaikan",
    submittedNotice: "Sudah dikirim ke Tim SAKIP dan menunggu verifikasi: tidak dapat diubah.",
    verifiedNotice: (name: string) => `Sudah diverifikasi oleh ${name}.`,
    filledBy: (name: string) => `Diisi oleh ${name}`,
    empty: "–",
    // Evidence
    evidence: "Data dukung",
    noEvidence: "Belum ada data dukung.",
    chooseFile: "Tambah data dukung",
    browse: "Pilih berkas…",
    noFileChosen: "Belum ada berkas dipilih.",
    fileHint: "PDF, XLSX, DOCX, JPG, atau PNG.",
    upload: "Unggah",
    uploading: (pct: number) => `Mengunggah… ${pct}%`,
    uploaded: (name: string) => `Berkas ${name} diunggah.`,
    uploadFailed: "Unggahan gagal. Periksa koneksi lalu coba lagi.",
    uploadNeedsDraft: "Perbaiki isian di atas terlebih dahulu: data dukung dilampirkan ke draf realisasi.",
    draftCreatedForUpload: "Draf realisasi disimpan agar data dukung dapat dilampirkan.",
    fileSize: (kb: string) => `${kb} KB`,
    // Verification
    verificationTitle: (q: string, year: number) => `Verifikasi realisasi ${q} ${year}`,
    verificationSubtitle: "Periksa realisasi yang dikirim bidang beserta data dukungnya, lalu verifikasi atau kembalikan dengan alasan.",
    nothingToVerify: "Tidak ada realisasi yang menunggu verifikasi pada periode ini.",
    summary: "Ringkasan periode",
    summaryCount: (label: string, n: number) => `${label}: ${n}`,
    verify: "Verifikasi",
    verifying: "Memverifikasi…",
    returnAction: "Kembalikan",
    returnSubmit: "Kembalikan dengan alasan",
    returning: "Mengembalikan…",
    cancel: "Batal",
    reasonLabel: "Alasan pengembalian (dibaca bidang)",
    reasonHint: "Tulis apa yang harus diperbaiki atau dilengkapi.",
    processedTitle: "Sudah diproses pada periode ini",
    submittedAtBy: (name: string) => `Dikirim oleh ${name}`,
    // Recap
    recapTitle: (q: string, year: number) => `Rekapitulasi capaian kinerja ${q} ${year}`,
    recapPrintTitle: "REKAPITULASI CAPAIAN KINERJA",
    recapPeriod: (q: string, year: number) => `${q} Tahun ${year}`,
    filterUnit: "Unit kerja",
    filterGoal: "Sasaran",
    all: "Semua",
    chartTitle: (q: string) => `Capaian indikator s.d. ${q}`,
    chartDesc: "Panjang batang menunjukkan capaian; garis tegak menandai 100%.",
    chartTable: "Data grafik",
    notComputable: "tidak dapat dihitung",
    notYetDue: "belum dapat dinilai",
    notYet: "Belum diisi",
    budgetTitle: (q: string) => `Penyerapan anggaran s.d. ${q}`,
    budgetEntryTitle: "Isi realisasi anggaran",
    budgetEntryHint: "Realisasi anggaran per program dan triwulan, dalam rupiah (misalnya 1.250.000.000).",
    budgetLabel: (q: string) => `Realisasi ${q} (Rp)`,
    budgetSave: "Simpan",
    paguOf: (v: string) => `Pagu ${v}`,
    frozenShort: "Diarsipkan",
    noIndicatorsForFilter: "Tidak ada indikator untuk pilihan ini.",
    valueStatusNote: (status: string) => `(${status})`,
    legendUnverified: "Nilai bertanda keterangan status belum diverifikasi Tim SAKIP.",
    // The archive step of a cycle (components/cycle): what stops the quarter from being archived.
    archiveGate: {
      title: (period: string) => `Realisasi ${period} yang belum diverifikasi`,
      body: "Menyelesaikan langkah ini mengarsipkan periode: angkanya menjadi angka resmi dan tidak dapat diubah lagi. Realisasi berikut belum diverifikasi Tim SAKIP:",
      wait: "Minta Tim SAKIP memverifikasi atau mengembalikan realisasi di atas. Bila periode harus diarsipkan sekarang, Kepala instansi dapat mengarsipkannya dengan catatan.",
      head: "Sebagai Kepala, Anda dapat mengarsipkan sekarang dengan catatan. Catatan dicantumkan pada lini masa, laporan PDF, berkas xlsx, dan paket e-SAKIP, dan setiap nilai yang belum diverifikasi ditandai.",
      noteLabel: "Catatan pengarsipan (wajib)",
      noteHint: "Mengapa periode diarsipkan sebelum seluruh realisasi diverifikasi.",
      submitHead: "Arsipkan dengan catatan",
      archivedWithNote: (note: string) => `Diarsipkan sebelum seluruh realisasi diverifikasi. Catatan Kepala: ${note}`,
    },
    // Export
    exportBadKind: "Jenis ekspor tidak dikenal. Gunakan jenis=rencana-aksi atau jenis=pengukuran.",
  },
} as const;
const M = PERFORMANCE_MESSAGES;

/** A realization of a quarter that is not verified yet (EMPTY: not even filled), as the archive step names it. */
export interface TUnverifiedRealization {
  code: string;
  name: string;
  unit: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "EMPTY";
}

/** "Bidang Bina Marga: A2 (Dikirim); Bidang Cipta Karya: B1 (Dikembalikan), B2 (Belum diisi)": grouped by unit, in the given order. */
export function describeUnverified(items: readonly TUnverifiedRealization[]): string {
  const byUnit = new Map<string, string[]>();
  for (const item of items) {
    const list = byUnit.get(item.unit) ?? [];
    list.push(`${item.code} (${M.ui.status[item.status]})`);
    byUnit.set(item.unit, list);
  }
  return [...byUnit].map(([unit, codes]) => `${unit}: ${codes.join(", ")}`).join("; ");
}

/**
 * A decimal typed by a person: "1.234,5" (Indonesian), "1234.5" or a number.
 * Returns a canonical "1234.5" string for Prisma's Decimal, or null when empty.
 * `percentSign`: a trailing "%" ("85%", "85 %") is read as the number, since a
 * percentage indicator's unit already says it (the realization value).
 */
function decimalSchema(percentSign: boolean) {
  return z
    .union([z.number(), z.string().max(40, M.tooLarge)], { error: M.number })
    .nullish()
    .transform((raw, ctx) => {
      const result = parseDecimal(raw, percentSign);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}

/** The canonical decimal of a typed number ("1.234,5" -> "1234.5"), or the message saying why it is not one. */
function parseDecimal(raw: string | number | null | undefined, percentSign: boolean): { ok: true; value: string | null } | { ok: false; message: string } {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: String(raw) } : { ok: false, message: M.number };
  let text = raw.trim().replace(/\s/g, "");
  if (text === "") return { ok: true, value: null };
  if (percentSign && text.endsWith("%")) text = text.slice(0, -1);
  // Indonesian: dots group thousands, the comma is the decimal mark.
  const normalized = /,/.test(text) ? text.replace(/\./g, "").replace(",", ".") : /^-?\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, "") : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return { ok: false, message: M.number };
  if (normalized.replace(/[-.]/g, "").length > 18) return { ok: false, message: M.tooLarge };
  return { ok: true, value: normalized };
}

export const ZDecimal = decimalSchema(false);
/** A realization value: a decimal, and "85%" read as 85. The form's live capaian and the server parse it with this. */
export const ZRealizationValue = decimalSchema(true);

const ZMoney = ZDecimal.refine((v) => v === null || !v.startsWith("-"), M.negativeBudget);

export const ZQuarter = z.coerce.number({ error: M.quarter }).int(M.quarter).min(1, M.quarter).max(4, M.quarter);
export const ZYear = z.coerce.number({ error: M.year }).int(M.year).min(2000, M.year).max(2100, M.year);

const text = (max: number) => z.string().trim().max(max, `Maksimal ${max} karakter.`);

const ZTargetFields = z.object({ targetValue: ZDecimal, targetMin: ZDecimal, targetMax: ZDecimal });

export const ZIndicatorInput = z
  .object({
    code: text(20).min(1, M.required),
    name: text(500).min(1, M.required),
    unit: text(50).min(1, M.required),
    polarity: z.enum(["HIGHER", "LOWER"]),
    targetType: z.enum(["SINGLE", "RANGE"]),
    aggregation: z.enum(["CUMULATIVE", "LAST", "AVERAGE"]),
    orgUnit: text(200).min(1, M.required),
    definition: text(2000).default(""),
    formula: text(2000).default(""),
    quarters: z.array(ZTargetFields).length(4),
  })
  .merge(ZTargetFields)
  .superRefine((ind, ctx) => {
    const check = (t: z.output<typeof ZTargetFields>, path: (string | number)[]) => {
      if (ind.targetType === "SINGLE" && t.targetValue === null && path.length === 0) {
        ctx.addIssue({ code: "custom", message: M.targetNeeded, path: [...path, "targetValue"] });
      }
      if (ind.targetType === "RANGE" && t.targetMin !== null && t.targetMax !== null && Number(t.targetMin) > Number(t.targetMax)) {
        ctx.addIssue({ code: "custom", message: M.rangeOrder, path: [...path, "targetMin"] });
      }
    };
    check(ind, []);
    ind.quarters.forEach((q, i) => check(q, ["quarters", i]));
  });

export const ZAgreementInput = z
  .object({
    year: ZYear,
    signedAt: z.union([z.literal(""), z.iso.date()]).nullish().transform((v) => v || null),
    firstPartyName: text(200).min(1, M.required),
    firstPartyJabatan: text(200).min(1, M.required),
    firstPartyNip: z.union([z.literal(""), ZNip]).nullish().transform((v) => v || null),
    secondPartyName: text(200).min(1, M.required),
    secondPartyJabatan: text(200).min(1, M.required),
    goals: z
      .array(z.object({ code: text(20).min(1, M.required), name: text(500).min(1, M.required), indicators: z.array(ZIndicatorInput).min(1) }))
      .min(1),
    /**
     * Absent: the programs are not part of this save (a PK annex without
     * Program/Pagu columns) and stay as they are. Present: the full list.
     */
    programs: z
      .array(z.object({ code: text(40).min(1, M.required), name: text(500).min(1, M.required), pagu: z.array(ZMoney).length(4) }))
      .optional(),
  })
  .superRefine((pk, ctx) => {
    const seen = new Set<string>();
    pk.goals.forEach((g, gi) =>
      g.indicators.forEach((ind, ii) => {
        if (seen.has(ind.code)) ctx.addIssue({ code: "custom", message: M.duplicateCode(ind.code), path: ["goals", gi, "indicators", ii, "code"] });
        seen.add(ind.code);
      }),
    );
  });
export type TAgreementInput = z.input<typeof ZAgreementInput>;

/**
 * The realization form. `value` is parsed like ZRealizationValue, and what was
 * typed is kept as `valueText` ("72.000" in a percentage indicator is a
 * warning that the canonical 72000 alone cannot tell). `confirmed`: the
 * plausibility warnings (lib/performance/plausibility.ts) the person has
 * confirmed; the server refuses a value with any other.
 */
export const ZRealizationSave = z
  .object({
    indicatorId: z.string().min(1).max(40),
    year: ZYear,
    quarter: ZQuarter,
    value: z.union([z.number(), z.string().max(40, M.tooLarge)], { error: M.number }).nullish(),
    faktorPendorong: text(5000).default(""),
    faktorPenghambat: text(5000).default(""),
    tindakLanjut: text(5000).default(""),
    submit: z.boolean().default(false),
    confirmed: z.array(ZPlausibilityCode).max(PLAUSIBILITY_CODES.length).default([]),
  })
  .transform((input, ctx) => {
    const parsed = parseDecimal(input.value, true);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message, path: ["value"] });
      return z.NEVER;
    }
    return { ...input, value: parsed.value, valueText: typeof input.value === "string" ? input.value : null };
  });
export type TRealizationSave = z.input<typeof ZRealizationSave>;

export const ZRealizationReview = z.object({
  realizationId: z.string().min(1).max(40),
  decision: z.enum(["VERIFY", "RETURN"]),
  reason: text(2000).optional().transform((v) => v || null),
});

export const ZBudgetSave = z.object({
  programId: z.string().min(1).max(40),
  quarter: ZQuarter,
  realization: ZMoney,
});
