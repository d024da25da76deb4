import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { cn } from "@/lib/utils";

import { StepStateBadge, type TStepDisplayState } from "./status-badges";

export interface StepListItem {
  number: number;
  kegiatan: string;
  kindLabel: string;
  executor: string;
  participants: string[];
  standard: string;
  state: TStepDisplayState;
  current: boolean;
}

/** The SOP's steps with this cycle's status of each, in words (the flowchart's text twin). */
export function StepList({ steps }: { steps: StepListItem[] }) {
  return (
    <ol className="space-y-2" data-testid="step-list">
      {steps.map((s) => (
        <li
          key={s.number}
          aria-current={s.current ? "step" : undefined}
          data-testid={`step-${s.number}`}
          className={cn(
            "flex gap-3 rounded-md border px-3 py-2",
            s.current ? (s.state === "returned" ? "border-amber-400 bg-amber-50" : "border-brand-600 bg-brand-50") : "border-slate-200",
          )}
        >
          <span
            aria-hidden
            className={cn(
              "mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
              s.state === "done" ? "bg-green-100 text-green-900" : s.current ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700",
            )}
          >
            {s.number}
          </span>
          <div className="min-w-0 flex-1 space-y-1">
            <p className="text-sm text-slate-900">
              <span className="sr-only">Langkah {s.number}: </span>
              {s.kegiatan}
            </p>
            <p className="text-xs text-slate-600">
              <span className="font-medium text-slate-800">{s.executor}</span>
              {s.participants.length ? ` (${M.ui.participants.toLowerCase()} ${s.participants.join(", ")})` : ""} · {s.kindLabel} ·{" "}
              {M.ui.standard.toLowerCase()} {s.standard}
            </p>
            <StepStateBadge state={s.state} />
          </div>
        </li>
      ))}
    </ol>
  );
}
