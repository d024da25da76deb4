import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ChevronRight } from "@/components/ui/icons";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { listCycles } from "@/lib/cycle/queries";
import { isLate } from "@/lib/cycle/working-time";
import { formatDate, formatDateTime, type TAgencyTimeZone } from "@/lib/format";

import { CycleStatusBadge, LateBadge } from "./status-badges";

type TCycleRow = Awaited<ReturnType<typeof listCycles>>[number];

/**
 * The agency's cycles as rows that stack into cards on a phone: no table to scroll
 * sideways, and each row is one link (the whole card is the tap target).
 */
export function CycleList({
  agencySlug,
  cycles,
  timeZone,
  now,
}: {
  agencySlug: string;
  cycles: TCycleRow[];
  timeZone: TAgencyTimeZone;
  now: Date;
}) {
  if (cycles.length === 0) return <p className="text-slate-600">{M.ui.listEmpty}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="cycle-list">
      {cycles.map((cycle) => {
        const open = cycle.tasks[0];
        const late = open ? isLate(open.dueAt, now) : false;
        const period = M.ui.periodLabel(M.periods[cycle.period], cycle.year);
        return (
          <li key={cycle.id}>
            <Link
              href={`/a/${agencySlug}/cycles/${cycle.id}`}
              className="group flex items-center gap-3 px-1 py-3 hover:bg-slate-50 sm:px-2"
              data-testid={`cycle-${cycle.id}`}
            >
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-semibold text-slate-900">{period}</span>
                  <CycleStatusBadge status={cycle.status} />
                  {open?.status === "RETURNED" ? <Badge tone="warning">{M.ui.stepStates.returned}</Badge> : null}
                  {late ? <LateBadge /> : null}
                </div>
                <p className="text-sm text-slate-800">
                  <span className="font-medium">{cycle.sop.nomor}</span> · {cycle.sop.nama}{" "}
                  <span className="text-slate-600">({M.ui.version(cycle.sop.version)})</span>
                </p>
                <p className="text-sm text-slate-600">
                  {open ? (
                    <>
                      <span className="sr-only">{M.ui.currentStep}: </span>
                      {M.ui.stepOf(open.stepNumber, open.assignedRoleName)} · {M.ui.dueAtLabel.toLowerCase()}{" "}
                      {formatDateTime(open.dueAt, timeZone)}
                    </>
                  ) : cycle.status === "COMPLETED" && cycle.completedAt ? (
                    M.ui.completedAt(formatDate(cycle.completedAt, timeZone))
                  ) : (
                    M.ui.noOpenStep
                  )}
                </p>
              </div>
              <ChevronRight aria-hidden className="size-5 shrink-0 text-slate-400 group-hover:text-slate-700" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
