import type { Metadata } from "next";

import { AuditTabs } from "@/components/audit/audit-tabs";
import { PrintButton } from "@/components/audit/print-button";
import { SLA_DIMENSION_LABELS, SlaAnalyticsTable } from "@/components/audit/sla-analytics";
import { SlaTables } from "@/components/audit/sla-table";
import { buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { listSopSeries, slaSummary } from "@/lib/audit/queries";
import { parseSlaParams, SLA_PERIODS, slaAnalytics, slaUnits } from "@/lib/audit/sla-queries";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";

export const metadata: Metadata = { title: M.sla.title };

export default async function SlaPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "audit.view");
  const [series, units] = await Promise.all([listSopSeries(ctx.agency.id), slaUnits(ctx.agency.id)]);
  const query = await searchParams;
  const parsed = parseSlaParams(query);
  // Only a series or unit of this agency narrows the figures; anything else shows all.
  const seriesId = series.find((s) => s.id === parsed.seriesId)?.id;
  const unitId = units.find((u) => u.id === parsed.unitId)?.id;
  const filters = { ...parsed, seriesId, unitId };
  const [rows, analytics] = await Promise.all([slaSummary(ctx.agency.id, seriesId), slaAnalytics(ctx.agency.id, filters)]);
  const exportQuery = new URLSearchParams(
    Object.entries({ by: filters.by, series: seriesId, unit: unitId, year: filters.year?.toString(), period: filters.period }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const thisYear = new Date().getFullYear();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="hidden text-sm font-medium text-slate-700 print:block">{ctx.agency.name}</p>
        <h1 className="text-2xl font-semibold">{M.sla.title}</h1>
        <p className="max-w-3xl text-slate-600">{M.sla.subtitle}</p>
      </div>
      <AuditTabs agencySlug={ctx.agency.slug} current="sla" />
      <form method="get" className="no-print flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <Field id="sla-series" label={M.sla.sop}>
            <Select id="sla-series" name="series" defaultValue={seriesId ?? ""}>
              <option value="">{M.sla.allSops}</option>
              {series.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nomor} · {s.nama}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field id="sla-by" label="Kelompokkan per">
          <Select id="sla-by" name="by" defaultValue={filters.by}>
            {(["step", "unit", "person"] as const).map((k) => (
              <option key={k} value={k}>
                {SLA_DIMENSION_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sla-unit" label="Unit">
          <Select id="sla-unit" name="unit" defaultValue={unitId ?? ""}>
            <option value="">Semua unit</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sla-year" label="Tahun">
          <Select id="sla-year" name="year" defaultValue={filters.year?.toString() ?? ""}>
            <option value="">Semua tahun</option>
            {Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sla-period" label="Periode">
          <Select id="sla-period" name="period" defaultValue={filters.period ?? ""}>
            <option value="">Semua periode</option>
            {SLA_PERIODS.map((p) => (
              <option key={p} value={p}>
                {CYCLE_MESSAGES.periods[p]}
              </option>
            ))}
          </Select>
        </Field>
        <button type="submit" className={buttonVariants()}>
          {M.sla.apply}
        </button>
        <a href={`/a/${ctx.agency.slug}/audit/sla/export?${exportQuery.toString()}`} className={buttonVariants({ variant: "secondary" })}>
          Ekspor CSV
        </a>
        <PrintButton label={M.log.print} />
      </form>
      <section className="space-y-2" aria-labelledby="sla-analytics-title">
        <h2 id="sla-analytics-title" className="text-lg font-semibold">
          Analitik per {SLA_DIMENSION_LABELS[filters.by].toLowerCase()}
        </h2>
        <SlaAnalyticsTable by={filters.by} groups={analytics.groups} quarters={analytics.quarters} />
      </section>
      <h2 className="text-lg font-semibold">Ringkasan per versi SOP</h2>
      <SlaTables rows={rows} />
    </div>
  );
}
