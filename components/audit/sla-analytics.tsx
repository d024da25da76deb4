import { Badge } from "@/components/ui/badge";
import type { TSlaDimension, TSlaGroup } from "@/lib/audit/sla";
import { quarterLabel } from "@/lib/audit/sla-labels";
import { formatDuration } from "@/lib/cycle/working-time";

export const SLA_DIMENSION_LABELS: Record<TSlaDimension, string> = { step: "Langkah SOP", unit: "Unit", person: "Orang" };
const percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 0 });
const dur = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));

/** Median, p90, standard, % late, returns and the quarterly trend per group; scrolls sideways on a phone. */
export function SlaAnalyticsTable({ by, groups, quarters }: { by: TSlaDimension; groups: TSlaGroup[]; quarters: string[] }) {
  if (groups.length === 0) return <p className="text-slate-600">Belum ada langkah selesai yang cocok dengan saringan ini.</p>;
  const shown = quarters.slice(-8);
  return (
    // Focusable so that a keyboard user can scroll the table sideways (WCAG 2.1.1).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tabel SLA per langkah">
      <table className="w-full min-w-[48rem] border-collapse text-sm print:text-xs" data-testid="sla-analytics">
        <thead className="bg-slate-50 text-left text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{SLA_DIMENSION_LABELS[by]}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Selesai</th>
            <th scope="col" className="px-3 py-2 font-medium">Median</th>
            <th scope="col" className="px-3 py-2 font-medium">P90</th>
            <th scope="col" className="px-3 py-2 font-medium">Standar</th>
            <th scope="col" className="px-3 py-2 font-medium">Terlambat</th>
            <th scope="col" className="px-3 py-2 font-medium">Waktu hilang karena pengembalian</th>
            {shown.map((q) => (
              <th key={q} scope="col" className="px-3 py-2 font-medium">
                Median {quarterLabel(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {g.label}
              </th>
              <td className="px-3 py-2 text-right">{g.n}</td>
              <td className="px-3 py-2 whitespace-nowrap">{dur(g.medianMs)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{dur(g.p90Ms)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{dur(g.standardMs)}</td>
              <td className="px-3 py-2">
                {g.lateShare === null ? (
                  "—"
                ) : (
                  <Badge tone={g.lateShare === 0 ? "success" : g.lateShare >= 0.5 ? "danger" : "warning"}>{percent.format(g.lateShare)}</Badge>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{g.returns ? `${dur(g.returnMs)} (${g.returns}×)` : "—"}</td>
              {shown.map((q) => (
                <td key={q} className="px-3 py-2 whitespace-nowrap">
                  {dur(g.trend[q] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">
        Durasi dihitung dalam jam kerja instansi (hari libur dan di luar jam kerja tidak dihitung). Median dan P90 hanya putaran pertama setiap langkah; putaran
        yang dibuka karena pengembalian dihitung terpisah sebagai waktu hilang karena pengembalian.
      </p>
    </div>
  );
}
