import { Badge } from "@/components/ui/badge";
import { AlertTriangle, Check, CircleDot, Clock, RotateCcw, X } from "@/components/ui/icons";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { CYCLE_STATUS_LABELS, type TCycleStatus } from "@/lib/cycle/workflow";

/** Colour plus an icon plus a text label: status is never shown by colour alone. */
export function CycleStatusBadge({ status }: { status: TCycleStatus }) {
  const tone = status === "COMPLETED" ? "success" : status === "CANCELLED" ? "neutral" : "info";
  const Icon = status === "COMPLETED" ? Check : status === "CANCELLED" ? X : CircleDot;
  return (
    <Badge tone={tone} className="gap-1" data-testid="cycle-status">
      <Icon aria-hidden className="size-3.5" />
      {CYCLE_STATUS_LABELS[status]}
    </Badge>
  );
}

export type TStepDisplayState = keyof typeof M.ui.stepStates;

export function StepStateBadge({ state }: { state: TStepDisplayState }) {
  const tone = (
    {
      done: "success",
      active: "info",
      returned: "warning",
      pending: "neutral",
      repeat: "neutral",
      skipped: "neutral",
      cancelled: "neutral",
    } as const
  )[state];
  const Icon = { done: Check, active: CircleDot, returned: RotateCcw, pending: Clock, repeat: Clock, skipped: Clock, cancelled: X }[state];
  return (
    <Badge tone={tone} className="gap-1">
      <Icon aria-hidden className="size-3.5" />
      {M.ui.stepStates[state]}
    </Badge>
  );
}

export function LateBadge() {
  return (
    <Badge tone="danger" className="gap-1">
      <AlertTriangle aria-hidden className="size-3.5" />
      {M.ui.late}
    </Badge>
  );
}
