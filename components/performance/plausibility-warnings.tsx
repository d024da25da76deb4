import { TriangleAlert } from "@/components/ui/icons-shared";
import { cn } from "@/lib/utils";

/** The plausibility warnings of a value being typed (agency PK and unit PK forms), each to be confirmed on sending. */
export function PlausibilityWarnings({ warnings, className }: { warnings: readonly { code: string; message: string }[]; className?: string }) {
  if (!warnings.length) return null;
  return (
    <ul className={cn("space-y-1 text-sm text-amber-950", className)} data-testid="plausibility-warnings">
      {warnings.map((w) => (
        <li key={w.code} className="flex gap-1.5">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-700" />
          <span>{w.message}</span>
        </li>
      ))}
    </ul>
  );
}
