import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ChevronRight, Download } from "@/components/ui/icons";
import { AUDIT_ACTION_LABELS, AUDIT_MESSAGES as M, formatAuditTime, periodLabel } from "@/lib/audit/labels";
import { auditFiltersQuery } from "@/lib/audit/filters";
import type { TAuditFilters, TAuditRowView } from "@/lib/audit/queries";
import type { TAgencyTimeZone } from "@/lib/format";
import type { THtmlSender } from "@/lib/html-once";
import { formatNip } from "@/lib/validation/nip";

import { AuditFilters, type AuditFilterOptions } from "./audit-filters";
import { AuditLogTable } from "./audit-log-table";
import { AuditTabs } from "./audit-tabs";
import { PrintButton } from "./print-button";

/** The active filters in words: on screen above the table and on the printout, which has no form. */
function describeFilters(filters: TAuditFilters, options: AuditFilterOptions): string[] {
  const parts: string[] = [];
  if (filters.from || filters.to) parts.push(M.log.range(filters.from, filters.to));
  if (filters.action) parts.push(`${M.log.action}: ${AUDIT_ACTION_LABELS[filters.action]}`);
  if (filters.actorId) {
    const m = options.members.find((x) => x.id === filters.actorId);
    parts.push(`${M.log.actor}: ${m ? `${m.name} (NIP ${formatNip(m.nip)})` : filters.actorId}`);
  }
  if (filters.cycleId) {
    const c = options.cycles.find((x) => x.id === filters.cycleId);
    parts.push(`${M.log.cycle}: ${c ? `${periodLabel(c.period, c.year)} · ${c.sop.nomor}` : filters.cycleId}`);
  }
  if (filters.sopId) {
    const s = options.sops.find((x) => x.id === filters.sopId);
    parts.push(`${M.log.sop}: ${s ? `${s.nomor} versi ${s.version}` : filters.sopId}`);
  }
  return parts;
}

export function AuditPage({
  agency,
  filters,
  options,
  rows,
  nextCursor,
  paged,
  invalidRange,
  now,
  once,
}: {
  agency: { slug: string; name: string; timeZone: TAgencyTimeZone };
  filters: TAuditFilters;
  options: AuditFilterOptions;
  rows: TAuditRowView[];
  nextCursor: string | null;
  paged: boolean;
  invalidRange: boolean;
  now: Date;
  /** How the rows' and options' HTML reach the page (lib/html-once.ts, decision 075). */
  once?: THtmlSender;
}) {
  const base = `/a/${agency.slug}/audit`;
  const active = describeFilters(filters, options);
  return (
    <div className="space-y-6 print:space-y-3">
      {/* Five columns read best across the page. */}
      <style>{"@page { size: A4 landscape; margin: 12mm; }"}</style>
      <div className="space-y-1">
        <p className="hidden text-sm font-medium text-slate-700 print:block">{agency.name}</p>
        <h1 className="text-2xl font-semibold">{M.log.title}</h1>
        <p className="text-slate-600">{M.log.subtitle}</p>
      </div>
      <AuditTabs agencySlug={agency.slug} current="log" />

      <Card className="no-print">
        <CardHeader>
          <CardTitle>{M.log.filters}</CardTitle>
        </CardHeader>
        <CardBody>
          <AuditFilters agencySlug={agency.slug} filters={filters} options={options} once={once} />
        </CardBody>
      </Card>

      {invalidRange ? <Alert>{M.log.invalidRange}</Alert> : null}

      <Card>
        <CardHeader className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <CardTitle>{M.log.count(rows.length, nextCursor !== null)}</CardTitle>
            <p className="text-xs text-slate-600">
              {M.log.tz(agency.timeZone)}
              {active.length ? ` ${M.log.filters}: ${active.join("; ")}.` : ""}
              {paged ? ` (${M.log.continued})` : ""}
            </p>
          </div>
          <div className="no-print flex flex-wrap gap-2">
            <a href={`${base}/export${auditFiltersQuery(filters)}`} className={buttonVariants({ variant: "secondary" })} download>
              <Download aria-hidden className="size-4" />
              {M.log.export}
            </a>
            <PrintButton label={M.log.print} />
          </div>
        </CardHeader>
        <AuditLogTable rows={rows} agencySlug={agency.slug} timeZone={agency.timeZone} once={once} />
        {nextCursor || paged ? (
          <div className="no-print flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 sm:px-6">
            {paged ? (
              <Link href={`${base}${auditFiltersQuery(filters)}`} className="text-sm text-brand-800 hover:underline">
                {M.log.first}
              </Link>
            ) : (
              <span />
            )}
            {nextCursor ? (
              <Link href={`${base}${auditFiltersQuery(filters, { before: nextCursor })}`} className={buttonVariants({ variant: "secondary" })} rel="next">
                {M.log.next}
                <ChevronRight aria-hidden className="size-4" />
              </Link>
            ) : null}
          </div>
        ) : null}
      </Card>
      <p className="hidden text-xs text-slate-500 print:block">{M.log.printedAt(formatAuditTime(now, agency.timeZone))}</p>
    </div>
  );
}
