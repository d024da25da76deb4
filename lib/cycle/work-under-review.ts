/**
 * What a decision step decides on: the work under review. A reviewer opening a decision
 * first sees it, not merely the step just before (which may itself be a check with no
 * written output: step 5 checks the Draft SK of step 3 after step 4's check).
 *
 * The rule: start at the step the decision's "Tidak" would send the work back to, follow
 * the flow forward (a step's next step; a decision's "Ya") up to the decision; the work
 * under review is the latest output in that chain, i.e. the latest done round of the last
 * step in the chain that produced something (text, a record or files). Without a "Tidak"
 * target (or one ahead of the decision), the chain is the step before the decision. When
 * nothing in the chain produced anything and it holds a check (a decision that only passed
 * the work on, e.g. "Tidak" goes back to the Sekretaris's check), the work under review is
 * that check's own work under review (docs/decisions/030-pdf-unicode-font.md).
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

/**
 * The task whose output the decision decides on, or null when nothing in the chain is done yet.
 *
 * A check that only passed the work on (a decision that wrote nothing) is not the work: when
 * nothing in the chain wrote anything and the chain holds such a check, the work under review
 * is the check's own work under review. So the head who signs after the Sekretaris's check,
 * and whose "Tidak" goes back to that check, decides on the draft the check checked.
 */
export function workUnderReview<T extends TReviewTask>(steps: readonly TReviewStep[], tasks: readonly T[], decisionStepNumber: number): T | null {
  const byNumber = new Map(steps.map((s) => [s.number, s]));
  const latestDone = (n: number) =>
    tasks.filter((t) => t.stepNumber === n && t.status === "DONE").reduce<T | null>((a, t) => (a === null || t.round > a.round ? t : a), null);
  const seen = new Set<number>();
  const find = (decision: number): T | null => {
    seen.add(decision);
    const done = reviewChain(steps, decision)
      .map(latestDone)
      .filter((t): t is T => t !== null);
    const written = done.findLast((t) => t.hasOutput);
    if (written) return written;
    for (const t of [...done].reverse()) {
      const step = byNumber.get(t.stepNumber);
      if (!step || !isDecision(step.kind) || seen.has(step.number)) continue;
      const passedOn = find(step.number);
      if (passedOn) return passedOn;
    }
    return done.at(-1) ?? null;
  };
  return find(decisionStepNumber);
}
