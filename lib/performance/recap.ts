import { aggregateRealization, budgetAbsorption, capaianToDate, targetToDate, type TCapaianResult, type TCapaianSettings, type TTarget, type TTargetPlan } from "./capaian";

/** What the recap needs of a PK, as loaded by lib/performance/queries.ts (Decimals as strings). */
export interface RecapAgreement {
  year: number;
  goals: {
    id: string;
    code: string;
    name: string;
    indicators: {
      id: string;
      code: string;
      name: string;
      unit: string;
      polarity: "HIGHER" | "LOWER";
      targetType: "SINGLE" | "RANGE";
      aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
      orgUnit: { id: string; name: string };
      targetValue: string | null;
      targetMin: string | null;
      targetMax: string | null;
      quarters: { quarter: number; targetValue: string | null; targetMin: string | null; targetMax: string | null }[];
      realizations: {
        id: string;
        quarter: number;
        value: string | null;
        status: "DRAFT" | "SUBMITTED" | "VERIFIED" | "RETURNED";
        faktorPendorong: string;
        faktorPenghambat: string;
        tindakLanjut: string;
        returnReason: string | null;
      }[];
    }[];
  }[];
  programs: { id: string; code: string; name: string; quarters: { quarter: number; pagu: string; realization: string | null }[] }[];
}

/** A quarter archived by the head with realizations not yet verified (lib/performance/queries.ts loadPeriodArchive). */
export interface TPeriodArchive {
  note: string;
  at: Date | null;
  by: { name: string; nip: string } | null;
}

export interface RecapIndicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  orgUnit: string;
  polarity: "HIGHER" | "LOWER";
  aggregation: "CUMULATIVE" | "LAST" | "AVERAGE";
  annualTarget: string;
  /** Target of each quarter TW I-IV as printed ("12", "10 - 15", "-"). */
  quarterTargets: string[];
  /** The target the capaian to date of the selected quarter is measured against, printed like the others ("-" when none). */
  targetToDate: string;
  /** Realization of each quarter (null = not filled). */
  quarterValues: (number | null)[];
  quarterStatus: (RecapAgreement["goals"][number]["indicators"][number]["realizations"][number]["status"] | null)[];
  /** Per quarter: a value is there and Tim SAKIP has not verified it (the official outputs mark it). */
  quarterUnverified: boolean[];
  /** The realization and capaian to date rest on at least one unverified value. */
  unverifiedToDate: boolean;
  /** Capaian of each quarter to date (target and realization aggregated up to that quarter). */
  quarterCapaian: TCapaianResult[];
  /** Realization to date for the selected quarter, and its capaian. */
  realizationToDate: number | null;
  capaian: TCapaianResult;
  notes: { faktorPendorong: string; faktorPenghambat: string; tindakLanjut: string };
}

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

function printTarget(type: "SINGLE" | "RANGE", t: { targetValue: string | null; targetMin: string | null; targetMax: string | null }) {
  if (type === "RANGE") return t.targetMin === null && t.targetMax === null ? "-" : `${t.targetMin ?? "…"} - ${t.targetMax ?? "…"}`;
  return t.targetValue ?? "-";
}

function printTargetToDate(t: TTarget): string {
  if (t.type === "SINGLE") return t.value === null || t.value === undefined || t.value === "" ? "-" : String(t.value);
  const set = (v: unknown) => v !== null && v !== undefined && v !== "";
  return !set(t.min) && !set(t.max) ? "-" : `${set(t.min) ? String(t.min) : "…"} - ${set(t.max) ? String(t.max) : "…"}`;
}

/** The indicator's targets as lib/performance/capaian.ts reads them (targetToDate, capaianToDate). */
function targetPlan(ind: RecapAgreement["goals"][number]["indicators"][number]): TTargetPlan {
  const quarters = [1, 2, 3, 4].map((n) => ind.quarters.find((x) => x.quarter === n) ?? null);
  return { targetType: ind.targetType, aggregation: ind.aggregation, annual: ind, quarters };
}

/**
 * The period's recap: capaian of every indicator to date, budget absorption,
 * which values are not verified yet, and the head's archive note when the
 * quarter was archived with some (`archive`).
 */
export function buildRecap(agreement: RecapAgreement, quarter: number, settings: TCapaianSettings, archive: TPeriodArchive | null = null) {
  const goals = agreement.goals.map((goal) => ({
    id: goal.id,
    code: goal.code,
    name: goal.name,
    indicators: goal.indicators.map((ind): RecapIndicator => {
      const byQuarter = [1, 2, 3, 4].map((n) => ind.realizations.find((r) => r.quarter === n) ?? null);
      const values = byQuarter.map((r) => num(r?.value));
      const plan = targetPlan(ind);
      const capaianAt = (q: number) => {
        const filled = values.slice(0, q);
        // Until the quarter's own value is in, capaian to date is not computed from the earlier ones.
        const realization = filled[q - 1] === null ? null : aggregateRealization(filled, ind.aggregation);
        return capaianToDate({ plan, quarter: q, polarity: ind.polarity, realization, settings });
      };
      const current = byQuarter[quarter - 1];
      const quarterUnverified = byQuarter.map((r) => r !== null && r.value !== null && r.status !== "VERIFIED");
      return {
        id: ind.id,
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        orgUnit: ind.orgUnit.name,
        polarity: ind.polarity,
        aggregation: ind.aggregation,
        annualTarget: printTarget(ind.targetType, ind),
        quarterTargets: [1, 2, 3, 4].map((n) => {
          const t = ind.quarters.find((x) => x.quarter === n);
          return t ? printTarget(ind.targetType, t) : "-";
        }),
        targetToDate: printTargetToDate(targetToDate(plan, quarter)),
        quarterValues: values,
        quarterStatus: byQuarter.map((r) => r?.status ?? null),
        quarterUnverified,
        unverifiedToDate: quarterUnverified.slice(0, quarter).some(Boolean),
        quarterCapaian: [1, 2, 3, 4].map(capaianAt),
        realizationToDate: values[quarter - 1] === null ? null : aggregateRealization(values.slice(0, quarter), ind.aggregation),
        capaian: capaianAt(quarter),
        notes: {
          faktorPendorong: current?.faktorPendorong ?? "",
          faktorPenghambat: current?.faktorPenghambat ?? "",
          tindakLanjut: current?.tindakLanjut ?? "",
        },
      };
    }),
  }));
  const programs = agreement.programs.map((p) => {
    const quarters = [1, 2, 3, 4].map((n) => p.quarters.find((q) => q.quarter === n) ?? { quarter: n, pagu: "0", realization: null });
    const upTo = quarters.slice(0, quarter);
    const pagu = upTo.reduce((sum, q) => sum + Number(q.pagu), 0);
    // Until the selected quarter's spending is entered, absorption to date is
    // "cannot compute", not a collapse to a fraction of the pagu.
    const realized =
      quarters[quarter - 1]!.realization === null ? null : upTo.reduce((sum, q) => sum + Number(q.realization ?? 0), 0);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      quarters,
      paguToDate: pagu,
      realizationToDate: realized,
      absorption: budgetAbsorption(realized, pagu, settings),
    };
  });
  // Values of the quarters the report covers (up to the selected one) that Tim SAKIP has not verified.
  const unverifiedValues = goals.flatMap((g) => g.indicators).reduce((n, i) => n + i.quarterUnverified.slice(0, quarter).filter(Boolean).length, 0);
  return { year: agreement.year, quarter, goals, programs, unverifiedValues, archive };
}

export type TRecap = ReturnType<typeof buildRecap>;
