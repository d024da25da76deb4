/**
 * What a decision step decides on: the work under review. A reviewer opening a decision
 * first sees it, not merely the step just before (which may itself be a check with no
 * written output: step 5 checks the Draft SK of step 3 after step 4's check).
 *
 * The rule: start at the step the decision's "Tidak" would send the work back to, follow
 * the flow forward (a step's next step; a decision's "Ya") up to the decision; the work
 * under review is the latest output in that chain, i.e. the latest done round of the last
 * step in the chain that produced something (text, a record or files). Without a "Tidak"
 * target (or one ahead of the decision), the chain is the step before the decision.
 *
 * Pure; unit-tested in tests/unit/work-under-review.test.ts.
 */

export interface TReviewStep {
  number: number;
  kind: string;
  yesStepNumber: number | null;
  noStepNumber: number | null;
}

export interface TReviewTask {
  id: string;
  stepNumber: number;
  round: number;
  status: string;
  /** The task produced something to look at: output text, a kind-specific record, or files. */
  hasOutput: boolean;
}

const isDecision = (kind: string) => kind === "REVIEW" || kind === "APPROVAL";

/** The steps from the "Tidak" target forward to (not including) the decision, in flow order. */
export function reviewChain(steps: readonly TReviewStep[], decisionStepNumber: number): number[] {
  const byNumber = new Map(steps.map((s) => [s.number, s]));
  const decision = byNumber.get(decisionStepNumber);
  if (!decision) return [];
  const target = decision.noStepNumber;
  const start = target !== null && target < decisionStepNumber ? target : decisionStepNumber - 1;
  const chain: number[] = [];
  let at: number | undefined = start;
  while (at !== undefined && at !== decisionStepNumber && byNumber.has(at) && !chain.includes(at)) {
    chain.push(at);
    const step: TReviewStep = byNumber.get(at)!;
    const next: number = isDecision(step.kind) ? (step.yesStepNumber ?? step.number + 1) : step.number + 1;
    // A branch that jumps past the decision leaves the chain.
    at = next <= decisionStepNumber ? next : undefined;
  }
  return chain;
}

/** The task whose output the decision decides on, or null when nothing in the chain is done yet. */
export function workUnderReview<T extends TReviewTask>(steps: readonly TReviewStep[], tasks: readonly T[], decisionStepNumber: number): T | null {
  const chain = reviewChain(steps, decisionStepNumber);
  const latestDone = (n: number) =>
    tasks.filter((t) => t.stepNumber === n && t.status === "DONE").reduce<T | null>((a, t) => (a === null || t.round > a.round ? t : a), null);
  const done = chain.map(latestDone).filter((t): t is T => t !== null);
  return done.findLast((t) => t.hasOutput) ?? done.at(-1) ?? null;
}
