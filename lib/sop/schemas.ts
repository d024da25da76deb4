import { z } from "zod";

import { nipProblem, normalizeNip } from "@/lib/validation/nip";

/**
 * Zod schemas of an SOP document in the Permenpan RB 35/2012 format: the identity
 * header, the four paired boxes and the procedure table. These are the structural
 * rules of one form; rules that need the whole table or the agency's roles (numbering,
 * branch targets, reachability, known roles) live in ./validate.ts.
 */

export const STEP_KINDS = ["DISPOSITION", "DRAFT", "INPUT", "REVIEW", "APPROVAL", "MEETING", "UPLOAD", "ARCHIVE"] as const;
export type TStepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABELS: Record<TStepKind, string> = {
  DISPOSITION: "Perintah/Disposisi",
  DRAFT: "Penyusunan Dokumen",
  INPUT: "Pengisian/Penghimpunan Data",
  REVIEW: "Pemeriksaan",
  APPROVAL: "Persetujuan",
  MEETING: "Rapat/Pembahasan",
  UPLOAD: "Penyampaian/Unggah Dokumen",
  ARCHIVE: "Pengarsipan/Dokumentasi",
};

/** Step kinds drawn as a decision (belah ketupat) with a "Ya" and a "Tidak" exit. */
export const DECISION_KINDS = ["REVIEW", "APPROVAL"] as const satisfies readonly TStepKind[];

export function isDecisionKind(kind: TStepKind): kind is (typeof DECISION_KINDS)[number] {
  return kind === "REVIEW" || kind === "APPROVAL";
}

/**
 * Who does a step: one role (SINGLE); every unit ("setiap Bidang", EVERY_UNIT):
 * one sub-task per unit of a kind or of a chosen list, done by the unit's holder
 * of the executor role; the executor with the participants ("bersama", JOINT).
 */
export const STEP_ASSIGNMENTS = ["SINGLE", "EVERY_UNIT", "JOINT"] as const;
export type TStepAssignment = (typeof STEP_ASSIGNMENTS)[number];
export const STEP_ASSIGNMENT_LABELS: Record<TStepAssignment, string> = {
  SINGLE: "Satu pelaksana",
  EVERY_UNIT: "Setiap unit",
  JOINT: "Bersama peserta",
};

/** Unit kinds an every-unit step can name (OrgUnit.kind). */
export const STEP_UNIT_KINDS = ["SEKRETARIAT", "SUBBAGIAN", "BIDANG", "SEKSI", "UPTD", "LAINNYA"] as const;
export type TStepUnitKind = (typeof STEP_UNIT_KINDS)[number];
export const STEP_UNIT_KIND_LABELS: Record<TStepUnitKind, string> = {
  SEKRETARIAT: "Sekretariat",
  SUBBAGIAN: "Subbagian",
  BIDANG: "Bidang",
  SEKSI: "Seksi",
  UPTD: "UPTD",
  LAINNYA: "Unit lain",
};

/** HARI counts working days (hari kerja), as the agencies mean it. */
export const TIME_UNITS = ["MENIT", "JAM", "HARI"] as const;
export type TTimeUnit = (typeof TIME_UNITS)[number];

export const TIME_UNIT_LABELS: Record<TTimeUnit, string> = {
  MENIT: "menit",
  JAM: "jam",
  HARI: "hari kerja",
};

export const SOP_MESSAGES = {
  nomorRequired: "Nomor SOP wajib diisi",
  nomorTooLong: "Nomor SOP maksimal 100 karakter",
  namaRequired: "Nama SOP wajib diisi",
  unitRequired: "Unit pemilik SOP wajib diisi (misalnya Sekretariat)",
  dateFormat: "Tanggal harus berupa tanggal yang valid dengan format TTTT-BB-HH",
  revisiBeforePembuatan: "Tanggal revisi tidak boleh sebelum tanggal pembuatan",
  efektifBeforePembuatan: "Tanggal efektif tidak boleh sebelum tanggal pembuatan",
  disahkanJabatanRequired: "Jabatan pejabat yang mengesahkan wajib diisi",
  disahkanNamaRequired: "Nama pejabat yang mengesahkan wajib diisi",
  listItemEmpty: "Butir daftar tidak boleh kosong",
  listInvalid: "Daftar harus berupa kumpulan butir teks",
  textInvalid: "Isian harus berupa teks",
  tooLong: (max: number) => `Maksimal ${max} karakter`,
  stepsRequired: "SOP harus memiliki minimal satu langkah kegiatan",
  stepNumberInvalid: "Nomor langkah harus bilangan bulat mulai dari 1",
  kegiatanRequired: "Uraian kegiatan wajib diisi",
  executorRequired: "Setiap langkah harus memiliki tepat satu pelaksana",
  executorAlsoParticipant: (role: string) =>
    `Setiap langkah harus memiliki tepat satu pelaksana: "${role}" sudah menjadi pelaksana, hapus dari daftar peserta`,
  participantDuplicate: (role: string) => `Peserta "${role}" tercantum lebih dari sekali`,
  participantEmpty: "Kode peran peserta tidak boleh kosong",
  kindInvalid: "Jenis langkah tidak dikenal",
  waktuInvalid: "Waktu harus berupa angka",
  waktuPositive: "Waktu harus lebih dari 0",
  satuanInvalid: "Satuan waktu harus menit, jam, atau hari",
  outputRequired: "Output kegiatan wajib diisi",
  targetInvalid: "Nomor langkah tujuan harus bilangan bulat mulai dari 1",
  noTargetRequired:
    'Langkah pemeriksaan/persetujuan harus menentukan langkah sebelumnya yang dituju jika "Tidak" (dikembalikan untuk perbaikan)',
  noTargetOnlyForDecision: 'Hanya langkah pemeriksaan/persetujuan yang memiliki alur "Tidak"',
  yesTargetOnlyForDecision: 'Hanya langkah pemeriksaan/persetujuan yang memiliki alur "Ya" ke langkah tertentu',
  assignmentInvalid: "Cara penugasan harus satu pelaksana, setiap unit, atau bersama",
  unitKindInvalid: "Jenis unit tidak dikenal",
  everyUnitNeedsUnits: "Langkah setiap unit harus menentukan jenis unit (misalnya Bidang) atau daftar unitnya",
  unitsOnlyForEveryUnit: "Jenis atau daftar unit hanya untuk langkah yang dikerjakan setiap unit",
  everyUnitDecision: "Langkah pemeriksaan/persetujuan diputuskan satu pelaksana, tidak dapat dikerjakan setiap unit",
  jointNeedsParticipants: "Langkah bersama harus memiliki minimal satu peserta",
  unitNameEmpty: "Nama unit tidak boleh kosong",
  unitDuplicate: (unit: string) => `Unit "${unit}" tercantum lebih dari sekali`,
  unitUnknown: (unit: string) => `Unit "${unit}" tidak ada di instansi ini`,
  nipRequiredFormat: "NIP harus 18 digit angka, misalnya 19840518 201101 1 014",
} as const;

const text = (max: number) => z.string({ error: SOP_MESSAGES.textInvalid }).trim().max(max, SOP_MESSAGES.tooLong(max));

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, SOP_MESSAGES.tooLong(max));

/** An ISO date (YYYY-MM-DD); an empty form field means "not set". */
const isoDate = z.iso.date({ error: SOP_MESSAGES.dateFormat });
const optionalIsoDate = z
  .union([z.literal(""), isoDate], { error: SOP_MESSAGES.dateFormat })
  .nullish()
  .transform((value) => value || null);

const listOfItems = z
  .array(z.string({ error: SOP_MESSAGES.listItemEmpty }).trim().min(1, SOP_MESSAGES.listItemEmpty).max(1000, SOP_MESSAGES.tooLong(1000)), {
    error: SOP_MESSAGES.listInvalid,
  })
  .default([]);

/** NIP printed as "19840518 201101 1 014" is stored as 18 digits; empty means not printed. */
const optionalNip = z
  .string({ error: SOP_MESSAGES.nipRequiredFormat })
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    const nip = normalizeNip(value.trim());
    if (nip === "") return null;
    const problem = nipProblem(nip);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return nip;
  });

const headerShape = {
  nomor: z
    .string({ error: SOP_MESSAGES.nomorRequired })
    .trim()
    .min(1, SOP_MESSAGES.nomorRequired)
    .max(100, SOP_MESSAGES.nomorTooLong),
  nama: requiredText(SOP_MESSAGES.namaRequired, 300),
  unit: requiredText(SOP_MESSAGES.unitRequired, 300),
  tanggalPembuatan: isoDate,
  tanggalRevisi: optionalIsoDate,
  tanggalEfektif: optionalIsoDate,
  disahkanJabatan: requiredText(SOP_MESSAGES.disahkanJabatanRequired, 300),
  disahkanNama: requiredText(SOP_MESSAGES.disahkanNamaRequired, 200),
  disahkanPangkat: text(200)
    .nullish()
    .transform((value) => value || null),
  disahkanNip: optionalNip,
  dasarHukum: listOfItems,
  kualifikasiPelaksana: listOfItems,
  keterkaitan: listOfItems,
  peralatan: listOfItems,
  pencatatan: listOfItems,
  peringatan: text(2000).default(""),
  /** Measures performance against the PK (lib/sop/measures-performance.ts); null/absent: from the steps. */
  measuresPerformance: z.boolean().nullish(),
};

interface HeaderDates {
  tanggalPembuatan: string;
  tanggalRevisi: string | null;
  tanggalEfektif: string | null;
}

// ISO dates compare correctly as strings.
function checkHeaderDates(header: HeaderDates, ctx: z.RefinementCtx) {
  if (header.tanggalRevisi !== null && header.tanggalRevisi < header.tanggalPembuatan) {
    ctx.addIssue({ code: "custom", message: SOP_MESSAGES.revisiBeforePembuatan, path: ["tanggalRevisi"] });
  }
  if (header.tanggalEfektif !== null && header.tanggalEfektif < header.tanggalPembuatan) {
    ctx.addIssue({ code: "custom", message: SOP_MESSAGES.efektifBeforePembuatan, path: ["tanggalEfektif"] });
  }
}

export const ZSopHeader = z.object(headerShape).superRefine(checkHeaderDates);
export type TSopHeader = z.infer<typeof ZSopHeader>;

const stepTarget = z.int({ error: SOP_MESSAGES.targetInvalid }).min(1, SOP_MESSAGES.targetInvalid).nullable().default(null);

export const ZSopStep = z
  .object({
    number: z.int({ error: SOP_MESSAGES.stepNumberInvalid }).min(1, SOP_MESSAGES.stepNumberInvalid),
    kegiatan: requiredText(SOP_MESSAGES.kegiatanRequired, 2000),
    /** Exactly one executor (pelaksana) per step: the column that holds the symbol. */
    executorRoleCode: requiredText(SOP_MESSAGES.executorRequired, 60),
    /** Other roles that take part, e.g. "Sekretaris dan Bidang mengisi ...". */
    participantRoleCodes: z
      .array(z.string({ error: SOP_MESSAGES.participantEmpty }).trim().min(1, SOP_MESSAGES.participantEmpty), {
        error: SOP_MESSAGES.participantEmpty,
      })
      .default([]),
    kind: z.enum(STEP_KINDS, { error: SOP_MESSAGES.kindInvalid }),
    kelengkapan: text(2000).default(""),
    waktuJumlah: z.number({ error: SOP_MESSAGES.waktuInvalid }).gt(0, SOP_MESSAGES.waktuPositive),
    waktuSatuan: z.enum(TIME_UNITS, { error: SOP_MESSAGES.satuanInvalid }),
    output: requiredText(SOP_MESSAGES.outputRequired, 2000),
    keterangan: text(2000).default(""),
    /** Decision steps only: where "Ya" goes; null = the next step. */
    yesStepNumber: stepTarget,
    /** Decision steps only (required there): the earlier step "Tidak" returns to for revision. */
    noStepNumber: stepTarget,
    assignment: z.enum(STEP_ASSIGNMENTS, { error: SOP_MESSAGES.assignmentInvalid }).default("SINGLE"),
    /** EVERY_UNIT without a list: the agency's active units of this kind. */
    unitKind: z.enum(STEP_UNIT_KINDS, { error: SOP_MESSAGES.unitKindInvalid }).nullable().default(null),
    /** EVERY_UNIT: the chosen units, by name (portable across agencies like role codes). */
    unitNames: z
      .array(z.string({ error: SOP_MESSAGES.unitNameEmpty }).trim().min(1, SOP_MESSAGES.unitNameEmpty).max(120, SOP_MESSAGES.tooLong(120)))
      .default([]),
  })
  .superRefine((step, ctx) => {
    const seen = new Set<string>();
    step.participantRoleCodes.forEach((code, index) => {
      if (code === step.executorRoleCode) {
        ctx.addIssue({ code: "custom", message: SOP_MESSAGES.executorAlsoParticipant(code), path: ["participantRoleCodes", index] });
      } else if (seen.has(code)) {
        ctx.addIssue({ code: "custom", message: SOP_MESSAGES.participantDuplicate(code), path: ["participantRoleCodes", index] });
      }
      seen.add(code);
    });
    if (step.assignment === "EVERY_UNIT") {
      if (step.unitKind === null && step.unitNames.length === 0) ctx.addIssue({ code: "custom", message: SOP_MESSAGES.everyUnitNeedsUnits, path: ["unitKind"] });
      if (isDecisionKind(step.kind)) ctx.addIssue({ code: "custom", message: SOP_MESSAGES.everyUnitDecision, path: ["assignment"] });
      const names = new Set<string>();
      step.unitNames.forEach((name, index) => {
        if (names.has(name.toLowerCase())) ctx.addIssue({ code: "custom", message: SOP_MESSAGES.unitDuplicate(name), path: ["unitNames", index] });
        names.add(name.toLowerCase());
      });
    } else if (step.unitKind !== null || step.unitNames.length > 0) {
      ctx.addIssue({ code: "custom", message: SOP_MESSAGES.unitsOnlyForEveryUnit, path: ["unitKind"] });
    }
    if (step.assignment === "JOINT" && step.participantRoleCodes.length === 0) {
      ctx.addIssue({ code: "custom", message: SOP_MESSAGES.jointNeedsParticipants, path: ["participantRoleCodes"] });
    }
    if (isDecisionKind(step.kind)) {
      if (step.noStepNumber === null) {
        ctx.addIssue({ code: "custom", message: SOP_MESSAGES.noTargetRequired, path: ["noStepNumber"] });
      }
    } else {
      if (step.noStepNumber !== null) {
        ctx.addIssue({ code: "custom", message: SOP_MESSAGES.noTargetOnlyForDecision, path: ["noStepNumber"] });
      }
      if (step.yesStepNumber !== null) {
        ctx.addIssue({ code: "custom", message: SOP_MESSAGES.yesTargetOnlyForDecision, path: ["yesStepNumber"] });
      }
    }
  });
export type TSopStep = z.infer<typeof ZSopStep>;
/** What a form holds before parsing (defaults not yet applied). */
export type TSopStepDraft = z.input<typeof ZSopStep>;

export const ZSopInput = z
  .object({
    ...headerShape,
    steps: z.array(ZSopStep, { error: SOP_MESSAGES.stepsRequired }).min(1, SOP_MESSAGES.stepsRequired),
  })
  .superRefine(checkHeaderDates);
export type TSopInput = z.infer<typeof ZSopInput>;
export type TSopInputDraft = z.input<typeof ZSopInput>;
