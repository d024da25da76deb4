import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { AUDIT_MESSAGES as M, formatStandard } from "@/lib/audit/labels";
import type { TSlaRow } from "@/lib/audit/queries";
import { formatDuration } from "@/lib/cycle/working-time";
import { cn } from "@/lib/utils";

const C = M.sla.col;
const percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 0 });

/** One card per SOP version, one row per step; a table on wide screens and paper, cards on a phone. */
export function SlaTables({ rows }: { rows: TSlaRow[] }) {
  if (rows.length === 0) return <p className="text-slate-600">{M.sla.empty}</p>;
  const bySop = new Map<string, TSlaRow[]>();
  for (const r of rows) bySop.set(r.sopId, [...(bySop.get(r.sopId) ?? []), r]);
  return (
    <div className="space-y-6">
      {[...bySop.values()].map((steps) => {
        const sop = steps[0]!;
        return (
          <Card key={sop.sopId} data-testid={`sla-${sop.sopId}`}>
            <CardHeader>
              <CardTitle>{M.sla.sopHeading(sop.nomor, sop.nama, sop.version)}</CardTitle>
            </CardHeader>
            <table className="w-full border-collapse text-sm print:text-xs">
              <thead className="hidden bg-slate-50 text-left text-xs text-slate-600 uppercase md:table-header-group print:table-header-group">
                <tr>
                  <th scope="col" className="md:w-16 px-3 py-2 font-medium">{C.step}</th>
                  <th scope="col" className="px-3 py-2 font-medium print:w-2/5">{C.kegiatan}</th>
                  <th scope="col" className="md:w-28 px-3 py-2 font-medium">{C.standard}</th>
                  <th scope="col" className="md:w-20 px-3 py-2 text-right font-medium">{C.n}</th>
                  <th scope="col" className="md:w-32 px-3 py-2 font-medium">{C.avg}</th>
                  <th scope="col" className="md:w-32 px-3 py-2 font-medium">{C.worst}</th>
                  <th scope="col" className="md:w-36 px-3 py-2 font-medium">{C.late}</th>
                </tr>
              </thead>
              <tbody className="block md:table-row-group print:table-row-group">
                {steps.map((s) => (
                  <tr
                    key={s.stepId}
                    data-testid={`sla-step-${s.stepNumber}`}
                    className="block border-t border-slate-200 px-4 py-3 break-inside-avoid md:table-row md:px-0 md:py-0 print:table-row"
                  >
                    <Cell label={C.step}>
                      <span className="font-semibold">{s.stepNumber}</span>
                    </Cell>
                    <Cell label={C.kegiatan}>{s.kegiatan}</Cell>
                    <Cell label={C.standard}>{formatStandard(s.waktuJumlah, s.waktuSatuan)}</Cell>
                    <Cell label={C.n} className="md:text-right">
                      {s.n}
                    </Cell>
                    <Cell label={C.avg}>{s.avgMs === null ? M.sla.none : formatDuration(s.avgMs)}</Cell>
                    <Cell label={C.worst}>{s.maxMs === null ? M.sla.none : formatDuration(s.maxMs)}</Cell>
                    <Cell label={C.late}>
                      {s.n === 0 ? (
                        M.sla.none
                      ) : (
                        <Badge tone={s.late === 0 ? "success" : s.late / s.n >= 0.5 ? "danger" : "warning"} className="whitespace-nowrap">
                          {M.sla.lateShare(percent.format(s.late / s.n), s.late, s.n)}
                        </Badge>
                      )}
                    </Cell>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        );
      })}
    </div>
  );
}

function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={cn("flex gap-3 py-1 align-top md:table-cell md:px-3 md:py-2.5 print:table-cell print:px-2 print:py-1.5", className)}>
      <span className="w-28 shrink-0 text-xs font-medium text-slate-500 md:hidden print:hidden" aria-hidden>
        {label}
      </span>
      <span className="block min-w-0 flex-1">{children}</span>
    </td>
  );
}
