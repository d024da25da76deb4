import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { HtmlOnce } from "@/components/ui/html-once";
import { selectClass } from "@/components/ui/input";
import { selectOptionsHtml, type TSelectChoice } from "@/components/ui/select-options-html";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_MESSAGES as M, periodLabel } from "@/lib/audit/labels";
import type { TAuditFilters } from "@/lib/audit/queries";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { escapeHtml } from "@/lib/static-markup";
import { formatNip } from "@/lib/validation/nip";

export interface AuditFilterOptions {
  members: { id: string; name: string; nip: string }[];
  cycles: { id: string; year: number; period: string; sop: { nomor: string; version: number } }[];
  sops: { id: string; nomor: string; nama: string; version: number }[];
}

/** The event types, the same on every request. */
const ACTION_CHOICES: TSelectChoice[] = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }));

/** Input's classes (components/ui/input.tsx), for the date fields written as a string. */
const INPUT_CLASS =
  "block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 aria-invalid:border-red-600 disabled:bg-slate-100 sm:text-sm";
/** Field's label (components/ui/field.tsx). */
const LABEL_CLASS = "block text-sm font-medium text-slate-800";

/** One labelled control as Field wrote it: `<div class="space-y-1"><label for>…</label>control</div>`. */
function fieldHtml(id: string, label: string, control: string): string {
  return `<div class="space-y-1"><label for="${escapeHtml(id)}" class="${LABEL_CLASS}">${escapeHtml(label)}</label>${control}</div>`;
}

function dateHtml(id: string, name: string, label: string, value: string | undefined): string {
  return fieldHtml(id, label, `<input class="${INPUT_CLASS}" id="${id}" type="date" name="${name}" value="${escapeHtml(value ?? "")}"/>`);
}

/**
 * One of the log's select filters: "all" first, then the choices, the current one selected
 * (selectOptionsHtml, decision 070: ~130 options on the page, 97 of them event types).
 */
function selectHtml(id: string, name: string, label: string, value: string | undefined, choices: readonly TSelectChoice[]): string {
  return fieldHtml(id, label, `<select class="${selectClass}" id="${id}" name="${name}">${selectOptionsHtml(M.log.all, choices, value)}</select>`);
}

/**
 * The six fields of the filter form as one HTML string (decision 087): two date inputs and
 * four selects with their labels, byte for byte what Field, Input and Select wrote
 * (tests/unit/audit-filters-html.test.ts). Nothing in them is interactive beyond the
 * browser's own controls, so React has one element to serialise instead of 18, and on a
 * document request the string is in the markup only (HtmlOnce, decision 075). A changed
 * filter rewrites the fields, so a client navigation shows the new values.
 */
export function auditFilterFieldsHtml(filters: TAuditFilters, options: AuditFilterOptions): string {
  return (
    dateHtml("f-from", "from", M.log.from, filters.from) +
    dateHtml("f-to", "to", M.log.to, filters.to) +
    selectHtml("f-action", "action", M.log.action, filters.action, ACTION_CHOICES) +
    selectHtml(
      "f-actor",
      "actorId",
      M.log.actor,
      filters.actorId,
      options.members.map((m) => ({ value: m.id, label: `${m.name} · ${formatNip(m.nip)}` })),
    ) +
    selectHtml(
      "f-cycle",
      "cycleId",
      M.log.cycle,
      filters.cycleId,
      options.cycles.map((c) => ({ value: c.id, label: `${periodLabel(c.period, c.year)} · ${c.sop.nomor} (versi ${c.sop.version})` })),
    ) +
    selectHtml("f-sop", "sopId", M.log.sop, filters.sopId, options.sops.map((s) => ({ value: s.id, label: `${s.nomor} versi ${s.version} · ${s.nama}` })))
  );
}

/**
 * The log's filters as a plain GET form: the result is a link that can be
 * bookmarked, shared with a colleague or exported, and it works without JavaScript.
 */
export function AuditFilters({
  agencySlug,
  filters,
  options,
  once = inlineHtml,
}: {
  agencySlug: string;
  filters: TAuditFilters;
  options: AuditFilterOptions;
  /** How the fields' HTML reaches the page (lib/html-once.ts, decision 075); in the props when not given. */
  once?: THtmlSender;
}) {
  return (
    <form method="get" action={`/a/${agencySlug}/audit`} className="space-y-4" aria-label={M.log.filters}>
      <HtmlOnce
        as="div"
        className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-3 [&>*:nth-child(n+3)]:col-span-2 sm:[&>*:nth-child(n+3)]:col-span-1"
        {...once(auditFilterFieldsHtml(filters, options))}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonVariants()}>
          {M.log.apply}
        </button>
        <Link href={`/a/${agencySlug}/audit`} className={buttonVariants({ variant: "secondary" })}>
          {M.log.reset}
        </Link>
      </div>
    </form>
  );
}
