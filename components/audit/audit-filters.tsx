import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, AUDIT_MESSAGES as M, periodLabel } from "@/lib/audit/labels";
import type { TAuditFilters } from "@/lib/audit/queries";
import { formatNip } from "@/lib/validation/nip";

export interface AuditFilterOptions {
  members: { id: string; name: string; nip: string }[];
  cycles: { id: string; year: number; period: string; sop: { nomor: string; version: number } }[];
  sops: { id: string; nomor: string; nama: string; version: number }[];
}

/**
 * The log's filters as a plain GET form: the result is a link that can be
 * bookmarked, shared with a colleague or exported, and it works without JavaScript.
 */
export function AuditFilters({ agencySlug, filters, options }: { agencySlug: string; filters: TAuditFilters; options: AuditFilterOptions }) {
  return (
    <form method="get" action={`/a/${agencySlug}/audit`} className="space-y-4" aria-label={M.log.filters}>
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-3 [&>*:nth-child(n+3)]:col-span-2 sm:[&>*:nth-child(n+3)]:col-span-1">
        <Field id="f-from" label={M.log.from}>
          <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Field>
        <Field id="f-to" label={M.log.to}>
          <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </Field>
        <Field id="f-action" label={M.log.action}>
          <Select id="f-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{M.log.all}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-actor" label={M.log.actor}>
          <Select id="f-actor" name="actorId" defaultValue={filters.actorId ?? ""}>
            <option value="">{M.log.all}</option>
            {options.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {formatNip(m.nip)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-cycle" label={M.log.cycle}>
          <Select id="f-cycle" name="cycleId" defaultValue={filters.cycleId ?? ""}>
            <option value="">{M.log.all}</option>
            {options.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {periodLabel(c.period, c.year)} · {c.sop.nomor} (versi {c.sop.version})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-sop" label={M.log.sop}>
          <Select id="f-sop" name="sopId" defaultValue={filters.sopId ?? ""}>
            <option value="">{M.log.all}</option>
            {options.sops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.nomor} versi {s.version} · {s.nama}
              </option>
            ))}
          </Select>
        </Field>
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
