import { SOP_HEADER_FIELDS } from "@/lib/sop/mapping";
import { isDecisionKind, type TSopInputDraft, type TStepKind } from "@/lib/sop/schemas";

import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";

/**
 * Pure helpers of the SOP editor: empty documents, renumbering after a step moves or
 * disappears (so "Ya"/"Tidak" keep pointing at the same steps), and error paths as labels.
 */

export type TSopFormValues = TSopInputDraft;
export type TStepFormValues = TSopInputDraft["steps"][number];
export interface TEditorRole {
  code: string;
  name: string;
}

export function emptyStep(number: number): TStepFormValues {
  return {
    number,
    kegiatan: "",
    executorRoleCode: "",
    participantRoleCodes: [],
    kind: "DRAFT",
    kelengkapan: "",
    // NaN shows as an empty number field; the schema refuses it with "Waktu harus berupa angka".
    waktuJumlah: Number.NaN,
    waktuSatuan: "MENIT",
    output: "",
    keterangan: "",
    yesStepNumber: null,
    noStepNumber: null,
    assignment: "SINGLE",
    unitKind: null,
    unitNames: [],
  };
}

/** Today in Asia/Jakarta as YYYY-MM-DD (the agencies' default time zone). */
export function todayIso(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

export function emptySop(steps: TStepFormValues[] = [emptyStep(1)]): TSopFormValues {
  return {
    nomor: "",
    nama: "",
    unit: "",
    tanggalPembuatan: todayIso(),
    tanggalRevisi: "",
    tanggalEfektif: "",
    disahkanJabatan: "",
    disahkanNama: "",
    disahkanPangkat: "",
    disahkanNip: "",
    dasarHukum: [],
    kualifikasiPelaksana: [],
    keterkaitan: [],
    peralatan: [],
    pencatatan: [],
    peringatan: "",
    steps,
  };
}

/** Form values from a saved SOP: nulls become empty fields, every list and step field defined. */
export function toFormValues(sop: TSopInputDraft): TSopFormValues {
  return {
    ...sop,
    tanggalRevisi: sop.tanggalRevisi ?? "",
    tanggalEfektif: sop.tanggalEfektif ?? "",
    disahkanPangkat: sop.disahkanPangkat ?? "",
    disahkanNip: sop.disahkanNip ?? "",
    dasarHukum: sop.dasarHukum ?? [],
    kualifikasiPelaksana: sop.kualifikasiPelaksana ?? [],
    keterkaitan: sop.keterkaitan ?? [],
    peralatan: sop.peralatan ?? [],
    pencatatan: sop.pencatatan ?? [],
    peringatan: sop.peringatan ?? "",
    steps: sop.steps.map((s) => ({
      ...s,
      participantRoleCodes: s.participantRoleCodes ?? [],
      kelengkapan: s.kelengkapan ?? "",
      keterangan: s.keterangan ?? "",
      yesStepNumber: s.yesStepNumber ?? null,
      noStepNumber: s.noStepNumber ?? null,
      assignment: s.assignment ?? "SINGLE",
      unitKind: s.unitKind ?? null,
      unitNames: s.unitNames ?? [],
    })),
  };
}

export interface TStepFix {
  index: number;
  number: number;
  yesStepNumber: number | null;
  noStepNumber: number | null;
}

/**
 * After steps were moved, removed or inserted, each step still carries its old number
 * (an inserted one carries 0). Numbers become 1..n in the new order, and a branch target
 * follows the step it pointed at; a target whose step is gone becomes empty.
 * Returns only the steps whose number or targets change.
 */
export function renumberSteps(steps: readonly Pick<TStepFormValues, "number" | "yesStepNumber" | "noStepNumber">[]): TStepFix[] {
  const newNumberOf = new Map<number, number>();
  steps.forEach((s, i) => {
    if (Number.isInteger(s.number) && s.number > 0 && !newNumberOf.has(s.number)) newNumberOf.set(s.number, i + 1);
  });
  const follow = (target: number | null | undefined) => (target == null ? null : (newNumberOf.get(target) ?? null));
  const fixes: TStepFix[] = [];
  steps.forEach((s, i) => {
    const fix = { index: i, number: i + 1, yesStepNumber: follow(s.yesStepNumber), noStepNumber: follow(s.noStepNumber) };
    if (fix.number !== s.number || fix.yesStepNumber !== (s.yesStepNumber ?? null) || fix.noStepNumber !== (s.noStepNumber ?? null)) {
      fixes.push(fix);
    }
  });
  return fixes;
}

/** Applies renumberSteps to a plain array (what the form does field by field). */
export function applyRenumber<T extends Pick<TStepFormValues, "number" | "yesStepNumber" | "noStepNumber">>(steps: readonly T[]): T[] {
  const out = steps.map((s) => ({ ...s }));
  for (const fix of renumberSteps(steps)) {
    out[fix.index] = { ...out[fix.index]!, number: fix.number, yesStepNumber: fix.yesStepNumber, noStepNumber: fix.noStepNumber };
  }
  return out;
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** Where a step's branches may go, for the target selects. */
export function decisionTargets(index: number, count: number) {
  const number = index + 1;
  return {
    /** "Ya": a later step other than the next one (the next one is the default). */
    yes: Array.from({ length: Math.max(0, count - number - 1) }, (_, k) => number + 2 + k),
    /** "Tidak": earlier steps only. */
    no: Array.from({ length: number - 1 }, (_, k) => k + 1),
  };
}

export function isDecision(kind: string | undefined): boolean {
  return kind !== undefined && isDecisionKind(kind as TStepKind);
}

const STEP_FIELD_LABELS: Record<string, string> = {
  number: "",
  kegiatan: M.kegiatan,
  executorRoleCode: M.executor,
  participantRoleCodes: M.participants,
  kind: M.kind,
  kelengkapan: M.kelengkapan,
  waktuJumlah: M.waktu,
  waktuSatuan: M.waktuSatuan,
  output: M.output,
  keterangan: M.keterangan,
  yesStepNumber: M.yesTarget,
  noStepNumber: M.noTarget,
  assignment: M.assignment,
  unitKind: M.unitKind,
  unitNames: M.unitKind,
};

const HEADER_LABELS: Record<string, string> = {
  ...Object.fromEntries(SOP_HEADER_FIELDS.map(([field, label]) => [field, label])),
  steps: M.sectionProcedure,
};

/** "steps.3.noStepNumber" -> "Langkah 4 · Jika Tidak kembali ke"; "dasarHukum.1" -> "Dasar Hukum butir 2". */
export function labelForPath(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "steps" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const n = Number(parts[1]) + 1;
    const field = parts[2];
    const label = field ? STEP_FIELD_LABELS[field] : "";
    return label ? M.stepField(n, label) : M.stepGeneral(n);
  }
  const head = HEADER_LABELS[parts[0] ?? ""] ?? parts[0] ?? "";
  if (parts[1] !== undefined && /^\d+$/.test(parts[1])) return M.listItem(head, Number(parts[1]) + 1);
  return head;
}

/** The DOM id of the control for an error path (the step card for step-wide errors). */
export function fieldIdForPath(path: string): string {
  const parts = path.split(".").filter((p) => p !== "root");
  if (parts[0] === "steps" && parts[1] !== undefined) {
    const field = parts[2];
    if (!field || field === "number") return `sop-step-${parts[1]}`;
    return `sop-steps-${parts[1]}-${field}`;
  }
  if (parts.length === 1 && parts[0] === "steps") return "sop-steps";
  return `sop-${parts.join("-")}`;
}

/**
 * Server and whole-document errors keyed like "steps.3" (the step as a whole) are shown
 * on the step card, which reads them from the hidden "number" field.
 */
export function formErrorKey(key: string): string {
  const clean = key.replace(/^sop\./, "");
  if (/^steps\.\d+$/.test(clean)) return `${clean}.number`;
  if (clean === "steps") return "steps.root";
  return clean;
}

/** Every message in a react-hook-form errors object, with its dotted path, in document order. */
export function collectErrors(errors: unknown, prefix = ""): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === "string" && record.message !== "") out.push({ path, message: record.message });
    for (const key of Object.keys(record)) {
      if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
      walk(record[key], path ? `${path}.${key}` : key);
    }
  };
  walk(errors, prefix);
  return out.sort((a, b) => compareOrder(orderOf(a.path), orderOf(b.path)));
}

const HEADER_ORDER = [...SOP_HEADER_FIELDS.map(([field]) => field as string), "steps"];
const STEP_ORDER = Object.keys(STEP_FIELD_LABELS);

/** Document order of an error path: header fields as printed, then steps by number and field. */
function orderOf(path: string): number[] {
  const parts = path.split(".");
  const head = HEADER_ORDER.indexOf(parts[0] ?? "");
  const second = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : -1;
  const third = parts[0] === "steps" ? STEP_ORDER.indexOf(parts[2] ?? "number") : 0;
  return [head === -1 ? HEADER_ORDER.length : head, second, third];
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
