import { Fragment, createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { auditRowsHtml } from "@/components/audit/audit-rows-html";
import { escapeHtml } from "@/lib/static-markup";
import { AUDIT_MESSAGES as M, formatAuditTime } from "@/lib/audit/labels";
import type { TAuditRowView } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

/**
 * The rows as React rendered them before decision 064 (components/audit/audit-log-table.tsx at a1a2ecd), as createElement
 * calls, with decision 075's leaner markup: no class on the row, its grey lines as <small>, the link and the address cell
 * without a class, the details with the event's id instead of its route and a plain <div> for the body.
 */
function reactRows(rows: TAuditRowView[], agencySlug: string, timeZone: TAgencyTimeZone) {
  const base = `/a/${agencySlug}`;
  return renderToStaticMarkup(
    h(
      "tbody",
      null,
      rows.map((r) =>
        h(
          "tr",
          { key: r.id, "data-testid": "audit-row" },
          h(
            "td",
            null,
            h("time", { dateTime: r.createdAt.toISOString() }, formatAuditTime(r.createdAt, timeZone)),
            h("small", null, r.seq === null ? M.log.details.unchained : M.log.chained(r.seq)),
          ),
          h(
            "td",
            null,
            r.actor
              ? h(
                  Fragment,
                  null,
                  h("b", null, r.actor.name),
                  r.actor.nip ? h("small", null, `NIP ${formatNip(r.actor.nip)}`) : null,
                  r.actor.roleNames.length ? h("small", null, r.actor.roleNames.join(", ")) : null,
                )
              : M.log.system,
          ),
          h("td", null, h("b", null, r.actionLabel)),
          h(
            "td",
            null,
            h("span", { className: r.action === "task.return" ? "audit-sum audit-ret" : "audit-sum" }, r.summary),
            r.context || r.cycleId || r.sopId
              ? h(
                  "small",
                  null,
                  r.context,
                  r.cycleId || r.sopId
                    ? h(
                        Fragment,
                        null,
                        r.context ? " · " : null,
                        h(
                          "a",
                          { href: r.cycleId ? `${base}/cycles/${r.cycleId}/timeline` : `${base}/sops/${r.sopId}` },
                          r.cycleId ? M.log.openTimeline : M.log.openSop,
                        ),
                      )
                    : null,
                )
              : null,
            h(
              "details",
              { "data-testid": "audit-details", "data-id": r.id },
              h("summary", null, M.log.details.summary),
              h("div", null),
            ),
          ),
          h("td", null, r.ip ?? "-"),
        ),
      ),
    ),
  );
}

const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;

function row(over: Partial<TAuditRowView>): TAuditRowView {
  return {
    id: "1000167",
    seq: 200109,
    createdAt: new Date("2026-12-02T19:58:56.153Z"),
    actor: { name: "Yusuf Hidayat", nip: "197203122002031023", roles: ["BIDANG"], roleNames: ["Bidang"] },
    action: "task.complete",
    actionLabel: "Menyelesaikan langkah",
    entityType: "CycleTask",
    entityTypeLabel: "Tugas",
    entityId: "cm0task",
    entityLabel: "Langkah 3",
    context: "Triwulan I 2026 · SOP 001/2026",
    cycleId: "cm0cycle",
    sopId: null,
    summary: "Menyelesaikan langkah",
    ip: "10.245.156.7",
    rawIp: "10.245.156.7",
    userAgent: null,
    requestId: null,
    ...over,
  };
}

const ROWS: TAuditRowView[] = [
  row({}),
  row({ id: "2", seq: null, actor: null, action: "task.return", summary: `Dikembalikan: ${HOSTILE}`, context: null }),
  row({ id: "3", actor: { name: HOSTILE, nip: "", roles: [], roleNames: [] }, context: HOSTILE, cycleId: null, sopId: "cm0sop", ip: null }),
  row({ id: "4", context: "Pengguna: Ana", cycleId: null, sopId: null, actionLabel: `"${HOSTILE}"` }),
  row({ id: "5", context: null, cycleId: null, sopId: "cm0sop", createdAt: new Date("2026-12-31T17:00:00Z") }),
];

describe("auditRowsHtml (the log's rows as one string, decision 064)", () => {
  it("writes exactly what React wrote for the same rows, hostile text included", () => {
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      expect(`<tbody>${auditRowsHtml(ROWS, "bmcktr-sumbar", tz)}</tbody>`).toBe(reactRows(ROWS, "bmcktr-sumbar", tz));
    }
  });

  it("never lets data open markup or leave an attribute", () => {
    const out = auditRowsHtml(ROWS, "bmcktr-sumbar", "WIB");
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;");
    expect((out.match(/<tr /g) ?? []).length).toBe(ROWS.length);
    expect(out).not.toContain("class=\"audit-row");
    expect((out.match(/<td[ >]/g) ?? []).length).toBe(ROWS.length * 5);
    expect(escapeHtml(`a"b'c<d>e&f`)).toBe("a&quot;b&#x27;c&lt;d&gt;e&amp;f");
  });
});
