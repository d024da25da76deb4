import Link from "next/link";
import type { ReactNode } from "react";

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
            className="block border-t border-slate-200 px-4 py-3 break-inside-avoid md:table-row md:px-0 md:py-0 print:table-row"
          >
            <Cell label={C.time}>
              <time dateTime={r.createdAt.toISOString()}>{formatAuditTime(r.createdAt, timeZone)}</time>
            </Cell>
            <Cell label={C.actor}>
              {r.actor ? (
                <>
                  <span className="font-medium text-slate-900">{r.actor.name}</span>
                  {r.actor.nip ? <span className="block text-xs text-slate-600">NIP {formatNip(r.actor.nip)}</span> : null}
                  {r.actor.roleNames.length ? <span className="block text-xs text-slate-600">{r.actor.roleNames.join(", ")}</span> : null}
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
              <span className="mt-0.5 block text-xs text-slate-600">
                {r.context}
                {r.cycleId ? (
                  <span className="no-print">
                    {r.context ? " · " : null}
                    <Link href={`/a/${agencySlug}/cycles/${r.cycleId}/timeline`} className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
                      {M.log.openTimeline}
                    </Link>
                  </span>
                ) : r.sopId ? (
                  <span className="no-print">
                    {r.context ? " · " : null}
                    <Link href={`/a/${agencySlug}/sops/${r.sopId}`} className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
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
    <details className="no-print mt-1 text-xs text-slate-600" data-testid="audit-details">
      <summary className="inline-flex min-h-6 cursor-pointer items-center text-brand-800 underline underline-offset-2">{D.summary}</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono break-all">{value ?? "-"}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={cn("flex gap-3 py-1 align-top md:table-cell md:px-3 md:py-2.5 print:table-cell print:px-2 print:py-1.5", className)}>
      <span className="w-20 shrink-0 text-xs font-medium text-slate-500 md:hidden print:hidden" aria-hidden>
        {label}
      </span>
      <span className="block min-w-0 flex-1">{children}</span>
    </td>
  );
}
