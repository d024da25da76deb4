import "server-only";

import { AUDIT_MESSAGES as M, formatAuditTime } from "@/lib/audit/labels";
import type { TAuditRowView } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";
import { escapeHtml } from "@/lib/static-markup";
import { formatNip } from "@/lib/validation/nip";


/**
 * The log's rows as one HTML string, for `<tbody dangerouslySetInnerHTML>` (decision 064).
 * React would render the same ~16 elements per row twice per request (Flight serialises each
 * element into the RSC payload, then the SSR pass parses it back and writes it as HTML): that
 * per-element work, not our code, was most of the page's CPU. As one string the rows cost
 * React one element, and the markup is byte for byte what React wrote for the same rows
 * (tests/unit/audit-rows-html.test.ts renders both). Every value from the data goes through
 * escapeHtml; the rest is constant markup. Decision 075 made the markup leaner, the same
 * look: no class or attribute that only CSS or nothing used (the styles select on the table's
 * structure in app/globals.css: `small` for the grey lines, the fifth cell for the address),
 * and the details' route is built in the browser from the event's id (AuditDetailsLoader).
 */
export function auditRowsHtml(rows: TAuditRowView[], agencySlug: string, timeZone: TAgencyTimeZone): string {
  const e = escapeHtml;
  const base = `/a/${encodeURIComponent(agencySlug)}`;
  let out = "";
  for (const r of rows) {
    let actor: string;
    if (r.actor) {
      actor = `<b>${e(r.actor.name)}</b>`;
      if (r.actor.nip) actor += `<small>${e(`NIP ${formatNip(r.actor.nip)}`)}</small>`;
      if (r.actor.roleNames.length) actor += `<small>${e(r.actor.roleNames.join(", "))}</small>`;
    } else {
      actor = e(M.log.system);
    }
    let about = "";
    if (r.context || r.cycleId || r.sopId) {
      about = `<small>${r.context ? e(r.context) : ""}`;
      if (r.cycleId || r.sopId) {
        const href = r.cycleId ? `${base}/cycles/${encodeURIComponent(r.cycleId)}/timeline` : `${base}/sops/${encodeURIComponent(r.sopId!)}`;
        about += `${r.context ? " · " : ""}<a href="${e(href)}">${e(r.cycleId ? M.log.openTimeline : M.log.openSop)}</a>`;
      }
      about += "</small>";
    }
    out +=
      `<tr data-testid="audit-row">` +
      `<td><time dateTime="${r.createdAt.toISOString()}">${e(formatAuditTime(r.createdAt, timeZone))}</time>` +
      `<small>${e(r.seq === null ? M.log.details.unchained : M.log.chained(r.seq))}</small></td>` +
      `<td>${actor}</td>` +
      `<td><b>${e(r.actionLabel)}</b></td>` +
      `<td><span class="${r.action === "task.return" ? "audit-sum audit-ret" : "audit-sum"}">${e(r.summary)}</span>${about}` +
      `<details data-testid="audit-details" data-id="${e(r.id)}">` +
      `<summary>${e(M.log.details.summary)}</summary><div></div></details></td>` +
      `<td>${e(r.ip ?? "-")}</td></tr>`;
  }
  return out;
}
