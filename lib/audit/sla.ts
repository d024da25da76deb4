/**
 * SLA analytics (issue 14 item 4), pure: from done tasks to figures per SOP
 * step, per unit or per person, across cycles and quarters. Durations are in
 * office time (lib/cycle/working-time.ts), like the standard they are held
 * against. Time at the step owner is the first round of a step; rounds
 * opened by a return ("Tidak") are time lost to returns, shown separately so
 * the owner's figures are not inflated by rework they were sent back for.
 */

export type TSlaDimension = "step" | "unit" | "person";

export interface TSlaTask {
  /** The group keys and labels of each dimension. */
  stepKey: string;
  stepLabel: string;
  unitKey: string;
  unitLabel: string;
  personKey: string;
  personLabel: string;
  /** "2026-TW1"; sorts in time order. */
  quarter: string;
  /** Office time from start to completion, and of the standard (start to due). */
  actualMs: number;
  standardMs: number;
  late: boolean;
  /** A round opened by a return: its time is time lost to returns. */
  rework: boolean;
}

export interface TSlaGroup {
  key: string;
  label: string;
  /** First-round tasks done. */
  n: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** Median standard of those tasks (steps differ in a unit or person group). */
  standardMs: number | null;
  /** Share of first-round tasks done after their due time, 0..1. */
  lateShare: number | null;
  /** Rework rounds and their total office time. */
  returns: number;
  returnMs: number;
  /** Median actual time per quarter (quarters without tasks absent). */
  trend: Record<string, number>;
}

/** Nearest-rank percentile of sorted values (p in 0..1); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Median as the mean of the two middle values for an even count. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const asc = (a: number, b: number) => a - b;

export function aggregateSla(tasks: readonly TSlaTask[], by: TSlaDimension): { groups: TSlaGroup[]; quarters: string[] } {
  const keyOf = (t: TSlaTask) => (by === "step" ? [t.stepKey, t.stepLabel] : by === "unit" ? [t.unitKey, t.unitLabel] : [t.personKey, t.personLabel]);
  const buckets = new Map<string, { label: string; tasks: TSlaTask[] }>();
  for (const t of tasks) {
    const [key, label] = keyOf(t) as [string, string];
    const bucket = buckets.get(key) ?? { label, tasks: [] };
    bucket.tasks.push(t);
    buckets.set(key, bucket);
  }
  const quarters = [...new Set(tasks.map((t) => t.quarter))].sort();
  const groups = [...buckets.entries()].map(([key, { label, tasks: all }]): TSlaGroup => {
    const first = all.filter((t) => !t.rework);
    const rework = all.filter((t) => t.rework);
    const actual = first.map((t) => t.actualMs).sort(asc);
    const trend: Record<string, number> = {};
    for (const q of quarters) {
      const m = median(first.filter((t) => t.quarter === q).map((t) => t.actualMs).sort(asc));
      if (m !== null) trend[q] = m;
    }
    return {
      key,
      label,
      n: first.length,
      medianMs: median(actual),
      p90Ms: percentile(actual, 0.9),
      standardMs: median(first.map((t) => t.standardMs).sort(asc)),
      lateShare: first.length ? first.filter((t) => t.late).length / first.length : null,
      returns: rework.length,
      returnMs: rework.reduce((s, t) => s + t.actualMs, 0),
      trend,
    };
  });
  groups.sort((a, b) => a.label.localeCompare(b.label, "id", { numeric: true }));
  return { groups, quarters };
}
