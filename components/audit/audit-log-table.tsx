import { HtmlOnce } from "@/components/ui/html-once";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import type { TAuditRowView } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";

import { AuditDetailsLoader } from "./audit-details-loader";
import { auditRowsHtml } from "./audit-rows-html";

const C = M.log.col;

/**
 * The log as one table that becomes a stack of cards below md (each cell's
 * label comes from CSS, .audit-table > tbody > tr > td:nth-child(n)::before in app/globals.css)
 * and a table again on paper. A row is compact: when, the chain status, who,
 * what, and the summary with its object; the ids, address, user agent and the
 * event's data are fetched only when an auditor opens the row's details
 * (AuditDetailsLoader, one listener for the table; decision 051). The rows are
 * written as one escaped HTML string (auditRowsHtml, decision 064): the same markup at a
 * fraction of React's per-element cost; a document request carries it once, in the markup
 * (HtmlOnce, decision 075).
 */
export function AuditLogTable({
  rows,
  agencySlug,
  timeZone,
  once = inlineHtml,
}: {
  rows: TAuditRowView[];
  agencySlug: string;
  timeZone: TAgencyTimeZone;
  /** How the rows' HTML reaches the page (lib/html-once.ts, decision 075); in the props when not given. */
  once?: THtmlSender;
}) {
  if (rows.length === 0) return <p className="px-4 py-6 text-slate-600 sm:px-6">{M.log.empty}</p>;
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
        {/* One string, not ~16 React elements a row (auditRowsHtml, decision 064), and on a document request not in the RSC payload (HtmlOnce, decision 075). */}
        <HtmlOnce as="tbody" {...once(auditRowsHtml(rows, agencySlug, timeZone))} />
      </table>
      <AuditDetailsLoader events={`/a/${encodeURIComponent(agencySlug)}/audit/events/`} loading={M.log.details.loading} failed={M.log.details.failed} />
    </>
  );
}
