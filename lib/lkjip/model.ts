/**
 * The Laporan Kinerja (LKjIP) of a year, drafted from the measured data:
 * chapter II the Perjanjian Kinerja, chapter III A target against realization
 * and capaian per sasaran and indicator (beside the two previous years, with
 * the faktor pendorong / penghambat and tindak lanjut written in the year's
 * realizations, and capaian against budget absorption), chapter III B the
 * budget per program. Every number comes from buildRecap at triwulan IV (or
 * the last quarter with data while the year runs), the
 * same function as the rekap page, the xlsx forms and the PDF report, so the
 * draft can never disagree with them. Pure: the loader (./build.ts) reads the
 * database, ./docx.ts writes the Word file.
 */
import { formatRupiah } from "@/lib/format";
import { budgetAbsorption, computeCapaian, formatPercent, type TCapaianResult, type TCapaianSettings } from "@/lib/performance/capaian";
import { OFFICIAL_NOTES, officialNotices } from "@/lib/performance/official-notes";
import { buildRecap, type RecapAgreement, type RecapIndicator, type TPeriodArchive } from "@/lib/performance/recap";
import type { TAgencyTimeZone } from "@/lib/format";

const DASH = "–";
// Values are stored with up to 4 decimals: printed as typed, like the rekap page and the PDF report.
const idValue = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 4 });
const formatNumber = (n: number) => idValue.format(n);

export interface TLkjipInput {
  agency: { name: string; governmentName: string };
  year: number;
  /** The year's PK as loadAgreement reads it. */
  agreement: RecapAgreement;
  /** The PK of each earlier year shown beside it (newest first); null where the agency had none. */
  previous: { year: number; agreement: RecapAgreement | null }[];
  settings: TCapaianSettings;
  /** The quarter the year is measured up to: 4 once the year is complete; earlier while it is not (a draft written mid-year). */
  quarter: number;
  /** That quarter's archive note when the head archived it with unverified values. */
  archive: TPeriodArchive | null;
  timeZone: TAgencyTimeZone;
  placeDate: string;
  /**
   * The Renstra end-year target of the PK indicators that map to a pohon kinerja indicator
   * (by the link a generated PK carries, else by the same name: decision 035), keyed by the
   * PK indicator's id. Absent or missing: the indicator has no Renstra target to compare with.
   */
  renstraTargets?: Record<string, { endYear: number; target: string | null }>;
  /** The PK's first party (the head), who signs the report. */
  signer?: TLkjipSigner;
}

export interface TLkjipSigner {
  name: string;
  jabatan: string;
  nip: string | null;
}

export interface TLkjipYearValue {
  year: number;
  realization: string;
  capaian: string;
}

export interface TLkjipIndicator {
  code: string;
  name: string;
  unit: string;
  orgUnit: string;
  target: string;
  realization: string;
  capaian: string;
  category: string;
  /** The same indicator (by code, else by name) in the earlier years. */
  previous: TLkjipYearValue[];
  faktorPendorong: string[];
  faktorPenghambat: string[];
  tindakLanjut: string[];
  /** The year's realization against the Renstra end-year target; null when the indicator maps to none. */
  renstra: { endYear: number; target: string; capaian: string } | null;
}

export interface TLkjipGoal {
  code: string;
  name: string;
  indicators: TLkjipIndicator[];
  /** Mean capaian of the goal's indicators that could be computed ("–" when none). */
  averageCapaian: string;
}

export interface TLkjipProgram {
  code: string;
  name: string;
  pagu: string;
  realization: string;
  absorption: string;
}

export interface TLkjip {
  title: string;
  agencyName: string;
  governmentName: string;
  year: number;
  /** 4, or the last quarter with data when the year is not complete. */
  quarter: number;
  /** "Data s.d. Triwulan III" while the year is not complete; empty for a complete year. */
  coverage: string;
  placeDate: string;
  notices: string[];
  agreementRows: { goalCode: string; goalName: string; code: string; name: string; unit: string; target: string }[];
  goals: TLkjipGoal[];
  programs: TLkjipProgram[];
  /** Totals of chapter III B and the efficiency line (mean capaian against absorption). */
  budget: { pagu: string; realization: string; absorption: string };
  efficiency: { averageCapaian: string; sentence: string };
  /** One sentence on the year's budget absorption, whether or not it can be computed yet. */
  absorptionSentence: string;
  summary: { indicators: number; computed: number; byCategory: { category: string; count: number }[] };
  /** The head as the PK names them (the signature block of the PDF); null when not given. */
  signer: TLkjipSigner | null;
}

function capaianText(result: TCapaianResult): string {
  return result.status === "OK" ? result.display : result.message;
}

function value(v: number | null): string {
  return v === null ? DASH : formatNumber(v);
}

/** "80 - 90" / "85" / "-" as buildRecap prints targets, in Indonesian notation. */
function target(printed: string): string {
  if (printed === "-" || printed === "") return DASH;
  return printed
    .split(" - ")
    .map((p) => (p === "…" ? "…" : formatNumber(Number(p))))
    .join(" – ");
}

/** The distinct, non-empty notes of the year's quarters, in quarter order. */
function notesOf(ind: RecapAgreement["goals"][number]["indicators"][number] | undefined, key: "faktorPendorong" | "faktorPenghambat" | "tindakLanjut"): string[] {
  if (!ind) return [];
  const seen = new Set<string>();
  for (const r of [...ind.realizations].sort((a, b) => a.quarter - b.quarter)) {
    const text = r[key].trim();
    if (text) seen.add(text);
  }
  return [...seen];
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function findIn(recap: ReturnType<typeof buildRecap> | null, ind: RecapIndicator): RecapIndicator | undefined {
  if (!recap) return undefined;
  const all = recap.goals.flatMap((g) => g.indicators);
  return all.find((i) => i.code === ind.code && i.name === ind.name) ?? all.find((i) => i.name.trim().toLowerCase() === ind.name.trim().toLowerCase());
}

/** "Realisasi anggaran belum diisi: penyerapan anggaran tidak dapat dihitung" → "realisasi anggaran belum diisi". */
const absorptionReason = (message: string) => {
  const reason = message.split(":")[0]!.trim();
  return `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
};

export function buildLkjip(input: TLkjipInput): TLkjip {
  const recap = buildRecap(input.agreement, input.quarter, input.settings, input.archive);
  // Earlier years are complete: their whole year.
  const earlier = input.previous.map((p) => ({ year: p.year, recap: p.agreement ? buildRecap(p.agreement, 4, input.settings) : null }));
  const sourceIndicator = new Map(input.agreement.goals.flatMap((g) => g.indicators).map((i) => [i.id, i]));

  const goals: TLkjipGoal[] = recap.goals.map((goal) => {
    const indicators = goal.indicators.map((ind): TLkjipIndicator => {
      const source = sourceIndicator.get(ind.id);
      const end = input.renstraTargets?.[ind.id];
      const renstra = end
        ? {
            endYear: end.endYear,
            target: end.target === null ? DASH : formatNumber(Number(end.target)),
            capaian: capaianText(computeCapaian({ polarity: ind.polarity, target: { type: "SINGLE", value: end.target }, realization: ind.realizationToDate, settings: input.settings })),
          }
        : null;
      return {
        renstra,
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        orgUnit: ind.orgUnit,
        target: target(ind.annualTarget),
        realization: value(ind.realizationToDate) + (ind.unverifiedToDate && ind.realizationToDate !== null ? ` (${OFFICIAL_NOTES.unverified})` : ""),
        capaian: capaianText(ind.capaian),
        category: ind.capaian.status === "OK" ? ind.capaian.category : DASH,
        previous: earlier.map(({ year, recap: r }) => {
          const match = findIn(r, ind);
          return { year, realization: match ? value(match.realizationToDate) : DASH, capaian: match ? capaianText(match.capaian) : DASH };
        }),
        faktorPendorong: notesOf(source, "faktorPendorong"),
        faktorPenghambat: notesOf(source, "faktorPenghambat"),
        tindakLanjut: notesOf(source, "tindakLanjut"),
      };
    });
    const computed = goal.indicators.flatMap((i) => (i.capaian.status === "OK" ? [i.capaian.percent] : []));
    const avg = mean(computed);
    return { code: goal.code, name: goal.name, indicators, averageCapaian: avg === null ? DASH : formatPercent(avg) };
  });

  const programs: TLkjipProgram[] = recap.programs.map((p) => ({
    code: p.code,
    name: p.name,
    pagu: formatRupiah(p.paguToDate),
    realization: p.realizationToDate === null ? DASH : formatRupiah(p.realizationToDate),
    absorption: capaianText(p.absorption),
  }));
  const paguTotal = recap.programs.reduce((s, p) => s + p.paguToDate, 0);
  const spent = recap.programs.some((p) => p.realizationToDate !== null) ? recap.programs.reduce((s, p) => s + (p.realizationToDate ?? 0), 0) : null;
  const totalAbsorption = budgetAbsorption(spent, paguTotal, input.settings);

  const all = recap.goals.flatMap((g) => g.indicators);
  const computed = all.flatMap((i) => (i.capaian.status === "OK" ? [i.capaian] : []));
  const averagePercent = mean(computed.map((c) => c.percent));
  const byCategory = [...computed.reduce((m, c) => m.set(c.category, (m.get(c.category) ?? 0) + 1), new Map<string, number>())].map(([category, count]) => ({ category, count }));
  const averageCapaian = averagePercent === null ? DASH : formatPercent(averagePercent);
  const absorption = capaianText(totalAbsorption);
  const sentence =
    averagePercent !== null && totalAbsorption.status === "OK"
      ? `Rata-rata capaian kinerja ${averageCapaian} dicapai dengan penyerapan anggaran ${absorption}: ${
          averagePercent >= totalAbsorption.percent ? "capaian kinerja melampaui penyerapan anggaran (efisien)" : "capaian kinerja di bawah penyerapan anggaran (perlu dicermati)"
        }.`
      : "Efisiensi belum dapat dihitung: capaian atau penyerapan anggaran tahun ini belum lengkap.";

  return {
    title: `Laporan Kinerja Instansi Pemerintah Tahun ${input.year}`,
    agencyName: input.agency.name,
    governmentName: input.agency.governmentName,
    year: input.year,
    quarter: input.quarter,
    coverage: input.quarter < 4 ? `Data s.d. Triwulan ${["I", "II", "III"][input.quarter - 1]}: tahun ${input.year} belum lengkap.` : "",
    placeDate: input.placeDate,
    notices: officialNotices(recap, input.timeZone),
    agreementRows: recap.goals.flatMap((g) =>
      g.indicators.map((i) => ({ goalCode: g.code, goalName: g.name, code: i.code, name: i.name, unit: i.unit, target: target(i.annualTarget) })),
    ),
    goals,
    programs,
    budget: { pagu: formatRupiah(paguTotal), realization: spent === null ? DASH : formatRupiah(spent), absorption },
    efficiency: { averageCapaian, sentence },
    absorptionSentence:
      totalAbsorption.status === "OK" ? `Penyerapan anggaran program ${absorption}.` : `Penyerapan anggaran program belum dapat dihitung: ${absorptionReason(absorption)}.`,
    summary: { indicators: all.length, computed: computed.length, byCategory },
    signer: input.signer ?? null,
  };
}
