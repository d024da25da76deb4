import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { AuditFilters, type AuditFilterOptions } from "@/components/audit/audit-filters";
import { selectOptionsHtml } from "@/components/ui/select-options-html";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_MESSAGES as M, periodLabel } from "@/lib/audit/labels";
import type { TAuditFilters } from "@/lib/audit/queries";
import { formatNip } from "@/lib/validation/nip";

const INPUT =
  "block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 aria-invalid:border-red-600 disabled:bg-slate-100 sm:text-sm";
const SELECT = "block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-600 sm:text-sm";
const FIELD_LABEL = "block text-sm font-medium text-slate-800";
const BUTTON =
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-60 min-h-10 px-4";

/**
 * The filter form as React rendered it before decision 070 (components/audit/audit-filters.tsx
 * at 3f2124d: Field, Input, Select and one <option> element per choice), as createElement
 * calls; next/link's <a> written as the plain <a> it renders to.
 */
function reactForm(agencySlug: string, filters: TAuditFilters, options: AuditFilterOptions) {
  const field = (id: string, label: string, control: ReturnType<typeof h>) =>
    h("div", { className: "space-y-1" }, h("label", { htmlFor: id, className: FIELD_LABEL }, label), control);
  const select = (id: string, name: string, label: string, value: string | undefined, choices: { value: string; label: string }[]) =>
    field(
      id,
      label,
      h(
        "select",
        { className: SELECT, id, name, defaultValue: value ?? "" },
        h("option", { value: "" }, M.log.all),
        choices.map((c) => h("option", { key: c.value, value: c.value }, c.label)),
      ),
    );
  return renderToStaticMarkup(
    h(
      "form",
      { method: "get", action: `/a/${agencySlug}/audit`, className: "space-y-4", "aria-label": M.log.filters },
      h(
        "div",
        {
          className:
            "grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-3 [&>*:nth-child(n+3)]:col-span-2 sm:[&>*:nth-child(n+3)]:col-span-1",
        },
        field("f-from", M.log.from, h("input", { className: INPUT, id: "f-from", name: "from", type: "date", defaultValue: filters.from ?? "" })),
        field("f-to", M.log.to, h("input", { className: INPUT, id: "f-to", name: "to", type: "date", defaultValue: filters.to ?? "" })),
        select("f-action", "action", M.log.action, filters.action, AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))),
        select("f-actor", "actorId", M.log.actor, filters.actorId, options.members.map((m) => ({ value: m.id, label: `${m.name} · ${formatNip(m.nip)}` }))),
        select(
          "f-cycle",
          "cycleId",
          M.log.cycle,
          filters.cycleId,
          options.cycles.map((c) => ({ value: c.id, label: `${periodLabel(c.period, c.year)} · ${c.sop.nomor} (versi ${c.sop.version})` })),
        ),
        select("f-sop", "sopId", M.log.sop, filters.sopId, options.sops.map((s) => ({ value: s.id, label: `${s.nomor} versi ${s.version} · ${s.nama}` }))),
      ),
      h(
        "div",
        { className: "flex flex-wrap gap-2" },
        h("button", { type: "submit", className: `${BUTTON} bg-brand-700 text-white hover:bg-brand-800` }, M.log.apply),
        h("a", { className: `${BUTTON} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100`, href: `/a/${agencySlug}/audit` }, M.log.reset),
      ),
    ),
  );
}

const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;

const OPTIONS: AuditFilterOptions = {
  members: [
    { id: "u1", name: "Yusuf Hidayat", nip: "197203122002031023" },
    { id: `u"2<`, name: HOSTILE, nip: "198001012005011001" },
  ],
  cycles: [
    { id: "c1", year: 2026, period: "TW1", sop: { nomor: "001/2026", version: 2 } },
    { id: "c2", year: 2025, period: "TW4", sop: { nomor: HOSTILE, version: 1 } },
  ],
  sops: [{ id: "s1", nomor: "001/2026", nama: `Pengukuran "Kinerja" & <Evaluasi>`, version: 2 }],
};

const CASES: TAuditFilters[] = [
  {},
  { from: "2026-01-01", to: "2026-03-31", action: "task.return", actorId: `u"2<`, cycleId: "c2", sopId: "s1" },
  // A value the lists no longer hold (a removed member): no option selected, as React did.
  { action: "task.complete", actorId: "gone", cycleId: "c1" },
];

describe("the audit log's filter form (options as one string, decision 070)", () => {
  it("writes exactly what React wrote, the current values selected, hostile names escaped", () => {
    for (const filters of CASES) {
      const html = renderToStaticMarkup(h(AuditFilters, { agencySlug: "bmcktr-sumbar", filters, options: OPTIONS }));
      expect(html).toBe(reactForm("bmcktr-sumbar", filters, OPTIONS));
    }
  });

  it("marks exactly one option selected when the value is listed, and none of the data opens markup", () => {
    const out = selectOptionsHtml("Semua", [{ value: "a", label: HOSTILE }, { value: `b"`, label: "B" }], `b"`);
    expect(out).toBe(
      `<option value="">Semua</option><option value="a">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27; &lt;img src=x onerror=alert(1)&gt;</option><option value="b&quot;" selected="">B</option>`,
    );
    expect(selectOptionsHtml("Semua", [{ value: "a", label: "A" }], undefined)).toBe(`<option value="" selected="">Semua</option><option value="a">A</option>`);
  });
});
