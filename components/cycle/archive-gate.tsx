import { ShieldAlert } from "@/components/ui/icons";
import type { TArchiveGate } from "@/lib/cycle/task-rules";
import { PERFORMANCE_MESSAGES, unverifiedGroupOf, type TUnverifiedRealization } from "@/lib/performance/schemas";

const G = PERFORMANCE_MESSAGES.ui.archiveGate;
const STATUS = PERFORMANCE_MESSAGES.ui.status;

/**
 * The quarter's unverified realizations by unit and indicator (the unit PK rows' under
 * "PK unit <unit>", decision 061), above the
 * archive step's form: the task rules' gate (lib/cycle/task-rules.ts), as the
 * refusal the step's executor gets (`canOverride` false: wait for Tim SAKIP) or
 * as what the head archives over with a note (`canOverride` true).
 */
export function ArchiveGateNotice({ gate, canOverride }: { gate: TArchiveGate; canOverride: boolean }) {
  const byUnit = new Map<string, TUnverifiedRealization[]>();
  for (const item of gate.unverified) byUnit.set(unverifiedGroupOf(item), [...(byUnit.get(unverifiedGroupOf(item)) ?? []), item]);
  return (
    <div role="alert" className="space-y-2 rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950" data-testid="archive-gate">
      <p className="flex items-center gap-2 font-semibold">
        <ShieldAlert aria-hidden className="size-4 shrink-0" />
        {G.title(gate.period)}
      </p>
      <p className="text-sm">{G.body}</p>
      <ul className="space-y-1 text-sm">
        {[...byUnit].map(([unit, items]) => (
          <li key={unit}>
            <span className="font-medium">{unit}:</span>{" "}
            {items.map((i, n) => (
              <span key={n}>
                {n > 0 ? ", " : ""}
                {i.scope === "UNIT" ? null : <span className="font-medium">{i.code} </span>}
                {i.name} ({STATUS[i.status]})
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className="text-sm">{canOverride ? G.head : G.wait}</p>
    </div>
  );
}
