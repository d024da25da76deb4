import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import type { TAuditRowView } from "@/lib/audit/queries";
import { formatLogTime } from "@/lib/audit/log-time";
import type { TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import { AuditDetailsLoader } from "./audit-details-loader";

const C = M.log.col;

/**
 * The log as one table that becomes a stack of cards below md (each cell's
 * label comes from CSS, .audit-row > td:nth-child(n)::before in app/globals.css)
 * and a table again on paper. A row is compact: when, the chain status, who,
 * what, and the summary with its object; the ids, address, user agent and the
 * event's data are fetched only when an auditor opens the row's details
 * (AuditDetailsLoader, one listener for the table; decision 051).
 */
export function AuditLogTable({ rows, agencySlug, timeZone }: { rows: TAuditRowView[]; agencySlug: string; timeZone: TAgencyTimeZone }) {
  if (rows.length === 0) return <p className="px-4 py-6 text-slate-600 sm:px-6">{M.log.empty}</p>;
  const base = `/a/${agencySlug}`;
  return (
    <>
      <table className="audit-table" data-testid="audit-log">
        <thead>
          <tr>
            <th scope="col" className="w-36">{C.time}</th>
            <th scope="col" className="w-44">{C.actor}</th>
            <th scope="col" className="w-40">{C.action}</th>
            <th scope="col">{C.summary}</th>
            <th scope="col" className="w-24">{C.ip}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row" data-action={r.action} className="audit-row">
              <td>
                <time dateTime={r.createdAt.toISOString()}>{formatLogTime(r.createdAt, timeZone)}</time>
                <span className="audit-sub">{r.seq === null ? M.log.details.unchained : M.log.chained(r.seq)}</span>
              </td>
              <td>
                {r.actor ? (
                  <>
                    <b>{r.actor.name}</b>
                    {r.actor.nip ? <span className="audit-sub">{`NIP ${formatNip(r.actor.nip)}`}</span> : null}
                    {r.actor.roleNames.length ? <span className="audit-sub">{r.actor.roleNames.join(", ")}</span> : null}
                  </>
                ) : (
                  M.log.system
                )}
              </td>
              <td>
                <b>{r.actionLabel}</b>
              </td>
              <td>
                <span className={r.action === "task.return" ? "audit-sum audit-ret" : "audit-sum"}>{r.summary}</span>
                {r.context || r.cycleId || r.sopId ? (
                  <span className="audit-sub">
                    {r.context}
                    {r.cycleId || r.sopId ? (
                      <>
                        {r.context ? " · " : null}
                        <a href={r.cycleId ? `${base}/cycles/${r.cycleId}/timeline` : `${base}/sops/${r.sopId}`} className="audit-link">
                          {r.cycleId ? M.log.openTimeline : M.log.openSop}
                        </a>
                      </>
                    ) : null}
                  </span>
                ) : null}
                <details className="audit-details" data-testid="audit-details" data-src={`${base}/audit/events/${r.id}`}>
                  <summary>{M.log.details.summary}</summary>
                  <div data-body />
                </details>
              </td>
              <td className="audit-ip">{r.ip ?? "-"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AuditDetailsLoader loading={M.log.details.loading} failed={M.log.details.failed} />
    </>
  );
}
