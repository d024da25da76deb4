import Link from "next/link";
import { Fragment, type ReactNode } from "react";

import { AUDIT_MESSAGES as M, formatAuditTime } from "@/lib/audit/labels";
import type { TAuditRowView } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { formatNip } from "@/lib/validation/nip";

const C = M.log.col;

/**
 * The log as one table that becomes a stack of cards below md (each cell then
 * carries its own label) and a table again on paper, so phones, laptops and
 * printers read the same rows without a second copy of the data.
 */
export function AuditLogTable({ rows, agencySlug, timeZone }: { rows: TAuditRowView[]; agencySlug: string; timeZone: TAgencyTimeZone }) {
  if (rows.length === 0) return <p className="px-4 py-6 text-slate-600 sm:px-6">{M.log.empty}</p>;
  return (
    <table className="w-full border-collapse text-sm print:text-xs" data-testid="audit-log">
      <thead className="hidden bg-slate-50 text-left text-xs text-slate-600 uppercase md:table-header-group print:table-header-group">
        <tr>
          <th scope="col" className="w-36 px-3 py-2 font-medium">{C.time}</th>
          <th scope="col" className="w-44 px-3 py-2 font-medium">{C.actor}</th>
          <th scope="col" className="w-40 px-3 py-2 font-medium">{C.action}</th>
          <th scope="col" className="px-3 py-2 font-medium">{C.summary}</th>
          <th scope="col" className="w-24 px-3 py-2 font-medium">{C.ip}</th>
        </tr>
      </thead>
      <tbody className="block md:table-row-group print:table-row-group">
        {rows.map((r) => (
          <tr
            key={r.id}
            data-testid="audit-row"
            data-action={r.action}
            className="audit-row"
          >
            <Cell label={C.time}>
              <time dateTime={r.createdAt.toISOString()}>{formatAuditTime(r.createdAt, timeZone)}</time>
            </Cell>
            <Cell label={C.actor}>
              {r.actor ? (
                <>
                  <span className="font-medium text-slate-900">{r.actor.name}</span>
                  {r.actor.nip ? <span className="audit-sub">{`NIP ${formatNip(r.actor.nip)}`}</span> : null}
                  {r.actor.roleNames.length ? <span className="audit-sub">{r.actor.roleNames.join(", ")}</span> : null}
                </>
              ) : (
                <span className="text-slate-600">{M.log.system}</span>
              )}
            </Cell>
            <Cell label={C.action}>
              <span className="font-medium text-slate-900">{r.actionLabel}</span>
            </Cell>
            <Cell label={C.summary}>
              <span className={cn("block break-words text-slate-900", r.action === "task.return" && "font-medium text-amber-950")}>{r.summary}</span>
              <span className="audit-sub mt-0.5">
                {r.context}
                {r.cycleId ? (
                  <span className="no-print">
                    {r.context ? " · " : null}
                    <Link href={`/a/${agencySlug}/cycles/${r.cycleId}/timeline`} className="audit-link">
                      {M.log.openTimeline}
                    </Link>
                  </span>
                ) : r.sopId ? (
                  <span className="no-print">
                    {r.context ? " · " : null}
                    <Link href={`/a/${agencySlug}/sops/${r.sopId}`} className="audit-link">
                      {M.log.openSop}
                    </Link>
                  </span>
                ) : null}
              </span>
              <Details row={r} />
            </Cell>
            <Cell label={C.ip}>
              <span className="font-mono text-xs">{r.ip ?? "-"}</span>
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Ids, the recorded address and the user agent: closed by default, opened by an auditor who needs them (not printed). */
function Details({ row }: { row: TAuditRowView }) {
  const D = M.log.details;
  const items: [string, string | null][] = [
    [D.eventId, row.seq === null ? `${row.id} (${D.unchained})` : `${row.id} (#${row.seq})`],
    [D.actionCode, row.action],
    [D.entity, row.entityId ? `${row.entityTypeLabel} · ${row.entityId}` : row.entityTypeLabel],
    [D.ip, row.rawIp],
    [D.userAgent, row.userAgent],
    [D.requestId, row.requestId],
  ];
  return (
    <details className="no-print audit-details" data-testid="audit-details">
      <summary>{D.summary}</summary>
      <dl>
        {items.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value ?? "-"}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

/** Styled by .audit-cell in app/globals.css: 50 rows a page, sent as HTML and as the RSC payload. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="audit-cell">
      <span className="audit-label" aria-hidden>
        {label}
      </span>
      <span className="audit-body">{children}</span>
    </td>
  );
}
