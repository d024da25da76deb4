/**
 * What saving a Perjanjian Kinerja would change, compared field by field with
 * the stored one, and what it must not change. Pure: the service loads the
 * stored PK and which quarters are archived, asks {@link diffAgreement}, and
 * refuses the save when anything would be lost:
 * - an indicator that holds realizations, or a program that holds budget
 *   realization, would be removed;
 * - a target (or pagu) of an archived quarter would change: the archived
 *   quarter's report was built on it;
 * - a target of a quarter that already holds a realization would be emptied.
 * Otherwise `changes` is the audit event's record: every changed field with
 * its old and new value. Names and NIPs of the signatories are personal data
 * (UU 27/2022) and the audit payload is hash-chained forever, so for those
 * only the fact of a change is recorded.
 */
import type { z } from "zod";

import type { ZAgreementInput } from "./schemas";

type TInput = z.output<typeof ZAgreementInput>;

export interface TTargetColumns {
  targetValue: string | null;
  targetMin: string | null;
  targetMax: string | null;
}

export interface TStoredIndicator extends TTargetColumns {
  id: string;
  code: string;
  goalCode: string;
  name: string;
  unit: string;
  polarity: string;
  targetType: string;
  aggregation: string;
  orgUnit: string;
  definition: string;
  formula: string;
  /** TW I-IV. */
  quarters: TTargetColumns[];
  /** Quarters (1-4) that hold a realization row. */
  realizedQuarters: number[];
}

export interface TStoredAgreement {
  id: string;
  header: {
    signedAt: string | null;
    firstPartyName: string;
    firstPartyJabatan: string;
    firstPartyNip: string | null;
    secondPartyName: string;
    secondPartyJabatan: string;
  };
  goals: { id: string; code: string; name: string }[];
  indicators: TStoredIndicator[];
  /** pagu TW I-IV as stored; `realized`: some quarter holds a budget realization. */
  programs: { id: string; code: string; name: string; pagu: (string | null)[]; realized: boolean }[];
}

/** One changed field: `item` names the thing ("indikator IKU-1"), `field` what of it ("target Triwulan II"). */
export interface TAgreementChange {
  item: string;
  field: string;
  before: string | null;
  after: string | null;
}

export interface TAgreementDiff {
  changes: TAgreementChange[];
  /** Codes of indicators that would be removed while holding realizations. */
  indicatorsInUse: string[];
  /** "code name" of programs that would be removed while holding budget realization. */
  programsInUse: string[];
  /** "IKU-1 Triwulan I (80 → 70)", "pagu 1.03.10 Triwulan I (100000000 → 1)". */
  frozenTargets: string[];
  /** "IKU-1 Triwulan II": targets that would be emptied although the quarter holds a realization. */
  targetsInUse: string[];
}

const QUARTERS = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] as const;
const CHANGED = "(diubah)";

/** A canonical decimal: "80.50" and "80.5000" are "80.5", "-0" is "0"; null stays null. */
export function canonicalDecimal(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  let text = value.trim().replace(/^\+/, "");
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (/^-?0*$/.test(text.replace(".", ""))) return "0";
  return text.replace(/^(-?)0+(?=\d)/, "$1");
}

const sameDecimal = (a: string | null | undefined, b: string | null | undefined) => canonicalDecimal(a) === canonicalDecimal(b);
const isEmptyTarget = (t: TTargetColumns) => t.targetValue === null && t.targetMin === null && t.targetMax === null;
const isEmptyPagu = (v: string | null | undefined) => canonicalDecimal(v) === null || canonicalDecimal(v) === "0";

/** A target as people read it: "80", "80 - 90", "–". */
function showTarget(t: TTargetColumns): string {
  if (t.targetValue !== null) return canonicalDecimal(t.targetValue)!;
  if (t.targetMin !== null || t.targetMax !== null) return `${canonicalDecimal(t.targetMin) ?? "…"} - ${canonicalDecimal(t.targetMax) ?? "…"}`;
  return "–";
}
const showPagu = (v: string | null | undefined) => (isEmptyPagu(v) ? "–" : canonicalDecimal(v)!);

const EMPTY_TARGET: TTargetColumns = { targetValue: null, targetMin: null, targetMax: null };
const TARGET_COLUMNS = [
  ["targetValue", ""],
  ["targetMin", " (batas bawah)"],
  ["targetMax", " (batas atas)"],
] as const;

function targetChanges(item: string, label: string, before: TTargetColumns, after: TTargetColumns): TAgreementChange[] {
  return TARGET_COLUMNS.filter(([key]) => !sameDecimal(before[key], after[key])).map(([key, suffix]) => ({
    item,
    field: `${label}${suffix}`,
    before: canonicalDecimal(before[key]),
    after: canonicalDecimal(after[key]),
  }));
}

const targetsDiffer = (a: TTargetColumns, b: TTargetColumns) => TARGET_COLUMNS.some(([key]) => !sameDecimal(a[key], b[key]));

export function diffAgreement(stored: TStoredAgreement | null, input: TInput, frozen: readonly boolean[]): TAgreementDiff {
  const changes: TAgreementChange[] = [];
  const change = (item: string, field: string, before: string | null, after: string | null) => {
    if (before !== after) changes.push({ item, field, before, after });
  };
  const diff: TAgreementDiff = { changes, indicatorsInUse: [], programsInUse: [], frozenTargets: [], targetsInUse: [] };
  const frozenQuarter = (qi: number) => Boolean(frozen[qi]);

  // The header.
  const pk = "Perjanjian Kinerja";
  if (!stored) change(pk, "dibuat", null, String(input.year));
  const header = stored?.header;
  if (header) {
    change(pk, "tanggal penandatanganan", header.signedAt, input.signedAt);
    change(pk, "jabatan pihak pertama", header.firstPartyJabatan, input.firstPartyJabatan);
    change(pk, "jabatan pihak kedua", header.secondPartyJabatan, input.secondPartyJabatan);
    // Personal data: only that it changed.
    const personal = (field: string, before: string | null, after: string | null) => {
      if (before !== after) changes.push({ item: pk, field, before: CHANGED, after: CHANGED });
    };
    personal("nama pihak pertama", header.firstPartyName, input.firstPartyName);
    personal("NIP pihak pertama", header.firstPartyNip ?? null, input.firstPartyNip ?? null);
    personal("nama pihak kedua", header.secondPartyName, input.secondPartyName);
  }

  // Sasaran.
  const storedGoals = new Map((stored?.goals ?? []).map((g) => [g.code, g]));
  const inputGoalCodes = new Set(input.goals.map((g) => g.code));
  for (const g of input.goals) {
    const before = storedGoals.get(g.code);
    if (!before) change(`sasaran ${g.code}`, "ditambahkan", null, g.name);
    else change(`sasaran ${g.code}`, "nama", before.name, g.name);
  }
  for (const g of stored?.goals ?? []) if (!inputGoalCodes.has(g.code)) change(`sasaran ${g.code}`, "dihapus", g.name, null);

  // Indicators and their targets.
  const storedIndicators = new Map((stored?.indicators ?? []).map((i) => [i.code, i]));
  const inputCodes = new Set<string>();
  for (const g of input.goals) {
    for (const ind of g.indicators) {
      inputCodes.add(ind.code);
      const item = `indikator ${ind.code}`;
      const before = storedIndicators.get(ind.code);
      if (!before) {
        change(item, "ditambahkan", null, ind.name);
        ind.quarters.forEach((q, qi) => {
          if (frozenQuarter(qi) && !isEmptyTarget(q)) diff.frozenTargets.push(`${ind.code} ${QUARTERS[qi]} (– → ${showTarget(q)})`);
        });
        continue;
      }
      change(item, "nama", before.name, ind.name);
      change(item, "satuan", before.unit, ind.unit);
      change(item, "polaritas", before.polarity, ind.polarity);
      change(item, "jenis target", before.targetType, ind.targetType);
      change(item, "agregasi", before.aggregation, ind.aggregation);
      change(item, "unit kerja", before.orgUnit, ind.orgUnit);
      change(item, "sasaran", before.goalCode, g.code);
      change(item, "definisi operasional", before.definition, ind.definition);
      change(item, "formula", before.formula, ind.formula);
      changes.push(...targetChanges(item, "target tahunan", before, ind));
      ind.quarters.forEach((q, qi) => {
        const old = before.quarters[qi] ?? EMPTY_TARGET;
        changes.push(...targetChanges(item, `target ${QUARTERS[qi]}`, old, q));
        if (frozenQuarter(qi) && targetsDiffer(old, q)) diff.frozenTargets.push(`${ind.code} ${QUARTERS[qi]} (${showTarget(old)} → ${showTarget(q)})`);
        else if (before.realizedQuarters.includes(qi + 1) && !isEmptyTarget(old) && isEmptyTarget(q)) diff.targetsInUse.push(`${ind.code} ${QUARTERS[qi]}`);
      });
    }
  }
  for (const before of stored?.indicators ?? []) {
    if (inputCodes.has(before.code)) continue;
    if (before.realizedQuarters.length) diff.indicatorsInUse.push(before.code);
    change(`indikator ${before.code}`, "dihapus", before.name, null);
    before.quarters.forEach((q, qi) => {
      if (frozenQuarter(qi) && !isEmptyTarget(q)) diff.frozenTargets.push(`${before.code} ${QUARTERS[qi]} (${showTarget(q)} → –)`);
    });
  }

  // Programs and pagu: only when the save carries them.
  if (input.programs) {
    const storedPrograms = new Map((stored?.programs ?? []).map((p) => [p.code, p]));
    const inputPrograms = new Set(input.programs.map((p) => p.code));
    for (const p of input.programs) {
      const item = `program ${p.code}`;
      const before = storedPrograms.get(p.code);
      if (!before) change(item, "ditambahkan", null, p.name);
      else change(item, "nama", before.name, p.name);
      p.pagu.forEach((pagu, qi) => {
        const old = before?.pagu[qi] ?? null;
        const after = pagu ?? "0";
        if (before && !sameDecimal(old ?? "0", after)) change(item, `pagu ${QUARTERS[qi]}`, canonicalDecimal(old), canonicalDecimal(after));
        if (frozenQuarter(qi) && (before ? !sameDecimal(old ?? "0", after) : !isEmptyPagu(after))) {
          diff.frozenTargets.push(`pagu ${p.code} ${QUARTERS[qi]} (${before ? showPagu(old) : "–"} → ${showPagu(after)})`);
        }
      });
    }
    for (const before of stored?.programs ?? []) {
      if (inputPrograms.has(before.code)) continue;
      if (before.realized) diff.programsInUse.push(`${before.code} ${before.name}`);
      change(`program ${before.code}`, "dihapus", before.name, null);
      before.pagu.forEach((pagu, qi) => {
        if (frozenQuarter(qi) && !isEmptyPagu(pagu)) diff.frozenTargets.push(`pagu ${before.code} ${QUARTERS[qi]} (${showPagu(pagu)} → –)`);
      });
    }
  }
  return diff;
}
