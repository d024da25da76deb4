import { formatTarget, formatValue } from "@/components/performance/format";
import { AlertTriangle, Fingerprint } from "@/components/ui/icons";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { SNAPSHOT_MESSAGES as S, shortHash, type TCycleSnapshot, type TSnapshotRealizationStatus } from "@/lib/cycle/decision-snapshot-shared";

const STATUS_TONE: Record<TSnapshotRealizationStatus, string> = {
  EMPTY: "bg-slate-100 text-slate-800",
  DRAFT: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-amber-100 text-amber-900",
  RETURNED: "bg-red-100 text-red-900",
  VERIFIED: "bg-green-100 text-green-900",
};

/**
 * What the open decision decides on, as frozen by the server (lib/cycle/decision-snapshot.ts):
 * the snapshot's short hash, the work under review with its files' hashes and, for an SOP that
 * measures performance, the period's values, statuses and capaian. Rendered from the snapshot
 * itself, not from live data: the decision sends its hash back and the server refuses it when the
 * data changed meanwhile. The warning on unverified values, or the agency's refusal, is the server's.
 */
export function DecisionSnapshotView({ snapshot }: { snapshot: TCycleSnapshot }) {
  const { content, hash, approvalRefusal } = snapshot;
  const perf = content.performance;
  const files = content.work.flatMap((w) => w.files);
  return (
    <section aria-labelledby="decision-snapshot" className="space-y-3 rounded-md border border-slate-300 bg-white p-3" data-testid="decision-snapshot" data-hash={hash}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="decision-snapshot" className="text-sm font-semibold text-slate-900">
          {S.title}
        </h3>
        <p className="inline-flex items-center gap-1 text-xs text-slate-700">
          <Fingerprint aria-hidden className="size-4" />
          {S.hashLabel}:{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-slate-900" title={hash} data-testid="snapshot-hash">
            {shortHash(hash)}
          </code>
        </p>
      </div>
      <p className="text-xs text-slate-600">{S.intro}</p>

      {perf && perf.unverified > 0 ? (
        <div
          role={approvalRefusal ? "alert" : "status"}
          data-testid="snapshot-unverified"
          className={approvalRefusal ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" : "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"}
        >
          <p className="flex items-start gap-2 font-medium">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            {S.unverified(perf.unverified)}
          </p>
          <p className="mt-1">{approvalRefusal ? S.unverifiedBlocked : S.unverifiedWarn}</p>
        </div>
      ) : null}

      {files.length ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-700">{S.files}</p>
          <ul className="space-y-0.5 text-xs">
            {files.map((f) => (
              <li key={f.id} className="break-all text-slate-800">
                {f.name} · <code className="font-mono text-slate-600" title={f.sha256}>sha256 {shortHash(f.sha256)}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {perf ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-700">{S.performance(`${M.periods[content.cycle.period as keyof typeof M.periods] ?? content.cycle.period} ${perf.year}`)}</p>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-xs" data-testid="snapshot-values">
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="sticky left-0 bg-white py-1 pr-2 font-medium">
                    {S.columns.indicator}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">{S.columns.target}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{S.columns.value}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{S.columns.status}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{S.columns.capaian}</th>
                </tr>
              </thead>
              <tbody>
                {perf.indicators.map((i) => (
                  <tr key={i.code + i.orgUnit} className="border-b border-slate-100 align-top">
                    <th scope="row" className="sticky left-0 max-w-[12rem] bg-white py-1 pr-2 font-normal text-slate-900">
                      <span className="font-medium">{i.code}</span> {i.name}
                      <span className="block text-slate-500">{i.orgUnit}</span>
                    </th>
                    <td className="px-2 py-1">
                      {formatTarget(i.target)} {i.unit}
                    </td>
                    <td className="px-2 py-1">{formatValue(i.value)}</td>
                    <td className="px-2 py-1">
                      <span className={`inline-block rounded px-1.5 py-0.5 ${STATUS_TONE[i.status]}`}>{S.statuses[i.status]}</span>
                    </td>
                    <td className="px-2 py-1">
                      {i.capaian}
                      {i.category ? <span className="block text-slate-500">{i.category}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
