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
 * escapeHtml; the rest is constant markup.
 */
export function auditRowsHtml(rows: TAuditRowView[], agencySlug: string, timeZone: TAgencyTimeZone): string {
  const e = escapeHtml;
  const base = `/a/${encodeURIComponent(agencySlug)}`;
  let out = "";
  for (const r of rows) {
    let actor: string;
    if (r.actor) {
      actor = `<b>${e(r.actor.name)}</b>`;
      if (r.actor.nip) actor += `<span class="audit-sub">${e(`NIP ${formatNip(r.actor.nip)}`)}</span>`;
      if (r.actor.roleNames.length) actor += `<span class="audit-sub">${e(r.actor.roleNames.join(", "))}</span>`;
    } else {
      actor = e(M.log.system);
    }
    let about = "";
    if (r.context || r.cycleId || r.sopId) {
      about = `<span class="audit-sub">${r.context ? e(r.context) : ""}`;
      if (r.cycleId || r.sopId) {
        const href = r.cycleId ? `${base}/cycles/${encodeURIComponent(r.cycleId)}/timeline` : `${base}/sops/${encodeURIComponent(r.sopId!)}`;
        about += `${r.context ? " · " : ""}<a href="${e(href)}" class="audit-link">${e(r.cycleId ? M.log.openTimeline : M.log.openSop)}</a>`;
      }
      about += "</span>";
    }
    out +=
      `<tr data-testid="audit-row" data-action="${e(r.action)}" class="audit-row">` +
      `<td><time dateTime="${r.createdAt.toISOString()}">${e(formatAuditTime(r.createdAt, timeZone))}</time>` +
      `<span class="audit-sub">${e(r.seq === null ? M.log.details.unchained : M.log.chained(r.seq))}</span></td>` +
      `<td>${actor}</td>` +
      `<td><b>${e(r.actionLabel)}</b></td>` +
      `<td><span class="${r.action === "task.return" ? "audit-sum audit-ret" : "audit-sum"}">${e(r.summary)}</span>${about}` +
      `<details class="audit-details" data-testid="audit-details" data-src="${e(`${base}/audit/events/${encodeURIComponent(r.id)}`)}">` +
      `<summary>${e(M.log.details.summary)}</summary><div data-body="true"></div></details></td>` +
      `<td class="audit-ip">${e(r.ip ?? "-")}</td></tr>`;
  }
  return out;
}
