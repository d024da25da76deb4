import type { TStepKind } from "./schemas";

/**
 * Whether an SOP measures performance against the Perjanjian Kinerja: its cycles show the
 * PK measurement panel (recap, e-SAKIP package, unverified count), its data input step
 * waits for the quarter's realizations and its last step archives the quarter. The SOP
 * says so (`measuresPerformance`); unset, its steps decide: a data input (INPUT) step is
 * the realization entry of a Pengukuran Kinerja. An Evaluasi Kinerja Internal (invite,
 * meet, plan follow-ups, review, archive) has none, so it does not.
 */
export function measuresPerformance(sop: { measuresPerformance?: boolean | null; steps: readonly { kind: TStepKind }[] }): boolean {
  return sop.measuresPerformance ?? defaultMeasuresPerformance(sop.steps);
}

export function defaultMeasuresPerformance(steps: readonly { kind: TStepKind }[]): boolean {
  return steps.some((s) => s.kind === "INPUT");
}
