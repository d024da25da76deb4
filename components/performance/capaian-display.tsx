import { Badge } from "@/components/ui/badge";
import type { TCapaianResult } from "@/lib/performance/capaian";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/messages";
import { cn } from "@/lib/utils";

import { capaianCause, capaianProblem, capaianShort, formatValue } from "./format";

const UI = PERFORMANCE_MESSAGES.ui;

/** Tone of a capaian percent: 100% and more is met, below the "Cukup" band is a warning. */
export function capaianTone(result: TCapaianResult): "success" | "info" | "warning" | "danger" | "neutral" {
  if (result.status !== "OK") return "neutral";
  if (result.percent >= 100) return "success";
  if (result.percent > 75) return "info";
  if (result.percent > 50) return "warning";
  return "danger";
}

/** "100,37% Sangat Baik", or why it cannot be computed; never NaN. */
export function CapaianValue({
  result,
  compact = false,
  cause = false,
  className,
}: {
  result: TCapaianResult;
  /** Only "tidak dapat dihitung". */
  compact?: boolean;
  /** Only the cause ("Realisasi belum diisi"), where the column already says it is the capaian. */
  cause?: boolean;
  className?: string;
}) {
  if (result.status !== "OK") {
    const text = compact ? capaianShort(result) : cause ? capaianCause(result.message) : capaianProblem(result.message);
    return (
      <span className={cn("text-sm text-slate-600 italic", className)} title={result.message}>
        {text}
      </span>
    );
  }
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-2 gap-y-1", className)}>
      <span className="font-semibold text-slate-900 tabular-nums">{result.display}</span>
      <Badge tone={capaianTone(result)}>{result.category}</Badge>
      {result.capped ? <span className="text-xs text-slate-600">({UI.capped(`${formatValue(result.percent)}%`)})</span> : null}
    </span>
  );
}
