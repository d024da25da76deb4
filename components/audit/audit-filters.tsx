import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { HtmlOnce } from "@/components/ui/html-once";
import { Input, selectClass } from "@/components/ui/input";
import { selectOptionsHtml, type TSelectChoice } from "@/components/ui/select-options-html";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_MESSAGES as M, periodLabel } from "@/lib/audit/labels";
import type { TAuditFilters } from "@/lib/audit/queries";
import { inlineHtml, type THtmlSender } from "@/lib/html-once";
import { formatNip } from "@/lib/validation/nip";

export interface AuditFilterOptions {
  members: { id: string; name: string; nip: string }[];
  cycles: { id: string; year: number; period: string; sop: { nomor: string; version: number } }[];
  sops: { id: string; nomor: string; nama: string; version: number }[];
}

/** The event types, the same on every request. */
const ACTION_CHOICES: TSelectChoice[] = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }));

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
  /** How the options' HTML reaches the page (lib/html-once.ts, decision 075); in the props when not given. */
  once?: THtmlSender;
}) {
  return (
    <form method="get" action={`/a/${agencySlug}/audit`} className="space-y-4" aria-label={M.log.filters}>
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-3 [&>*:nth-child(n+3)]:col-span-2 sm:[&>*:nth-child(n+3)]:col-span-1">
        <Field id="f-from" label={M.log.from}>
          <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Field>
        <Field id="f-to" label={M.log.to}>
          <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </Field>
        <FilterSelect
          id="f-action"
          name="action"
          label={M.log.action}
          value={filters.action}
          choices={ACTION_CHOICES}
          once={once}
        />
        <FilterSelect
          id="f-actor"
          name="actorId"
          label={M.log.actor}
          value={filters.actorId}
          choices={options.members.map((m) => ({ value: m.id, label: `${m.name} · ${formatNip(m.nip)}` }))}
          once={once}
        />
        <FilterSelect
          id="f-cycle"
          name="cycleId"
          label={M.log.cycle}
          value={filters.cycleId}
          choices={options.cycles.map((c) => ({ value: c.id, label: `${periodLabel(c.period, c.year)} · ${c.sop.nomor} (versi ${c.sop.version})` }))}
          once={once}
        />
        <FilterSelect
          id="f-sop"
          name="sopId"
          label={M.log.sop}
          value={filters.sopId}
          choices={options.sops.map((s) => ({ value: s.id, label: `${s.nomor} versi ${s.version} · ${s.nama}` }))}
          once={once}
        />
      </div>
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

/**
 * One of the log's select filters: "all" first, then the choices, the current one selected.
 * The options are one HTML string (selectOptionsHtml, decision 070): ~130 of them on the
 * page (97 event types), the same markup React wrote at the cost of one element per select;
 * on a document request the string is in the markup only, not in the RSC payload (HtmlOnce,
 * decision 075).
 */
function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  choices: readonly TSelectChoice[];
  once: THtmlSender;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <HtmlOnce as="select" className={selectClass} id={props.id} name={props.name} {...props.once(selectOptionsHtml(M.log.all, props.choices, props.value))} />
    </Field>
  );
}
