/**
 * Whether the open task of a cycle, once done, completes the cycle (and so
 * archives its quarter): asked of the planner, as the service does, so the
 * page shows the archive gate exactly where the service applies it. Pure.
 */
import { isDecisionKind, type TStepKind } from "@/lib/sop/schemas";

import { planTransition, type TCycleStatus, type TTaskStatus } from "./workflow";

interface TGateCycle {
  status: TCycleStatus;
  period: string;
  sop: { steps: { number: number; kind: TStepKind; yesStepNumber: number | null; noStepNumber: number | null }[] };
  tasks: { id: string; stepNumber: number; round: number; status: TTaskStatus }[];
}

/** The quarter (1-4) the open task would archive, or null (it does not complete the cycle, or the cycle is yearly). */
export function quarterArchivedByOpenTask(cycle: TGateCycle): number | null {
  const quarter = { TW1: 1, TW2: 2, TW3: 3, TW4: 4 }[cycle.period] ?? null;
  if (quarter === null || cycle.status !== "ACTIVE") return null;
  const open = cycle.tasks.find((t) => t.status === "ACTIVE" || t.status === "RETURNED");
  const step = open && cycle.sop.steps.find((s) => s.number === open.stepNumber);
  if (!open || !step) return null;
  const decision = isDecisionKind(step.kind);
  const event = decision ? "APPROVE" : open.status === "RETURNED" ? "RESUBMIT" : "COMPLETE";
  const plan = planTransition(
    {
      cycleStatus: cycle.status,
      steps: cycle.sop.steps.map((s) => ({
        number: s.number,
        kind: isDecisionKind(s.kind) ? "DECISION" : "PROCESS",
        yesStepNumber: s.yesStepNumber,
        noStepNumber: s.noStepNumber,
      })),
      tasks: cycle.tasks,
    },
    { type: event, taskId: open.id },
  );
  return plan.ok && plan.cycleStatus === "COMPLETED" ? quarter : null;
}
