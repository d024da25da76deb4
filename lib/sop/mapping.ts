import type { TSopInput } from "./schemas";

/** A saved SOP version as read from the database, with its steps and roles. */
export interface SopRecord {
  nomor: string;
  nama: string;
  unit: string;
  tanggalPembuatan: Date;
  tanggalRevisi: Date | null;
  tanggalEfektif: Date | null;
  disahkanJabatan: string;
  disahkanNama: string;
  disahkanPangkat: string | null;
  disahkanNip: string | null;
  dasarHukum: string[];
  kualifikasiPelaksana: string[];
  keterkaitan: string[];
  peralatan: string[];
  pencatatan: string[];
  peringatan: string;
  measuresPerformance?: boolean | null;
  steps: {
    number: number;
    kegiatan: string;
    kind: TSopInput["steps"][number]["kind"];
    kelengkapan: string;
    waktuJumlah: number;
    waktuSatuan: TSopInput["steps"][number]["waktuSatuan"];
    output: string;
    keterangan: string;
    yesStepNumber: number | null;
    noStepNumber: number | null;
    executorRole: { code: string };
    participants: { role: { code: string } }[];
    assignment?: TSopInput["steps"][number]["assignment"];
    unitKind?: TSopInput["steps"][number]["unitKind"];
    units?: { unit: { name: string } }[];
  }[];
}

export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const dayFromIso = (s: string | null) => (s ? new Date(`${s}T00:00:00.000Z`) : null);

/** The portable form of a saved SOP: roles by code, dates as YYYY-MM-DD. */
export function toSopInput(sop: SopRecord): TSopInput {
  return {
    nomor: sop.nomor,
    nama: sop.nama,
    unit: sop.unit,
    tanggalPembuatan: isoDay(sop.tanggalPembuatan)!,
    tanggalRevisi: isoDay(sop.tanggalRevisi),
    tanggalEfektif: isoDay(sop.tanggalEfektif),
    disahkanJabatan: sop.disahkanJabatan,
    disahkanNama: sop.disahkanNama,
    disahkanPangkat: sop.disahkanPangkat,
    disahkanNip: sop.disahkanNip,
    dasarHukum: sop.dasarHukum,
    kualifikasiPelaksana: sop.kualifikasiPelaksana,
    keterkaitan: sop.keterkaitan,
    peralatan: sop.peralatan,
    pencatatan: sop.pencatatan,
    peringatan: sop.peringatan,
    ...(sop.measuresPerformance != null ? { measuresPerformance: sop.measuresPerformance } : {}),
    steps: [...sop.steps]
      .sort((a, b) => a.number - b.number)
      .map((s) => ({
        number: s.number,
        kegiatan: s.kegiatan,
        executorRoleCode: s.executorRole.code,
        participantRoleCodes: s.participants.map((p) => p.role.code).sort(),
        kind: s.kind,
        kelengkapan: s.kelengkapan,
        waktuJumlah: s.waktuJumlah,
        waktuSatuan: s.waktuSatuan,
        output: s.output,
        keterangan: s.keterangan,
        yesStepNumber: s.yesStepNumber,
        noStepNumber: s.noStepNumber,
        assignment: s.assignment ?? "SINGLE",
        unitKind: s.unitKind ?? null,
        unitNames: (s.units ?? []).map((u) => u.unit.name).sort(),
      })),
  };
}

/** Header fields in document order, with their Indonesian labels (compare view, audit diffs). */
export const SOP_HEADER_FIELDS = [
  ["nomor", "Nomor SOP"],
  ["nama", "Nama SOP"],
  ["unit", "Unit"],
  ["tanggalPembuatan", "Tanggal Pembuatan"],
  ["tanggalRevisi", "Tanggal Revisi"],
  ["tanggalEfektif", "Tanggal Efektif"],
  ["disahkanJabatan", "Disahkan oleh (jabatan)"],
  ["disahkanNama", "Disahkan oleh (nama)"],
  ["disahkanPangkat", "Disahkan oleh (pangkat)"],
  ["disahkanNip", "Disahkan oleh (NIP)"],
  ["dasarHukum", "Dasar Hukum"],
  ["kualifikasiPelaksana", "Kualifikasi Pelaksana"],
  ["keterkaitan", "Keterkaitan"],
  ["peralatan", "Peralatan/Perlengkapan"],
  ["peringatan", "Peringatan"],
  ["pencatatan", "Pencatatan dan Pendataan"],
] as const satisfies readonly (readonly [keyof Omit<TSopInput, "steps">, string])[];

export type TSopChange =
  | { kind: "header"; field: string; label: string; before: unknown; after: unknown }
  | { kind: "step-added" | "step-removed"; number: number; after?: TSopInput["steps"][number]; before?: TSopInput["steps"][number] }
  | { kind: "step-changed"; number: number; fields: { field: string; before: unknown; after: unknown }[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Participants are a set (stored without order; toSopInput sorts them). */
const sameStepField = (field: string, a: unknown, b: unknown) =>
  (field === "participantRoleCodes" || field === "unitNames") && Array.isArray(a) && Array.isArray(b) ? same([...a].sort(), [...b].sort()) : same(a, b);

/** What changed between two versions: header fields, and steps matched by number. */
export function diffSops(before: TSopInput, after: TSopInput): TSopChange[] {
  const changes: TSopChange[] = [];
  for (const [field, label] of SOP_HEADER_FIELDS) {
    if (!same(before[field], after[field])) changes.push({ kind: "header", field, label, before: before[field], after: after[field] });
  }
  const n = Math.max(before.steps.length, after.steps.length);
  for (let i = 0; i < n; i++) {
    const a = before.steps[i];
    const b = after.steps[i];
    if (a && !b) changes.push({ kind: "step-removed", number: a.number, before: a });
    else if (!a && b) changes.push({ kind: "step-added", number: b.number, after: b });
    else if (a && b) {
      const fields = (Object.keys(b) as (keyof typeof b)[])
        .filter((k) => !sameStepField(k, a[k], b[k]))
        .map((k) => ({ field: k, before: a[k], after: b[k] }));
      if (fields.length) changes.push({ kind: "step-changed", number: b.number, fields });
    }
  }
  return changes;
}
