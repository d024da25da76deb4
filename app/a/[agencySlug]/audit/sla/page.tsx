import type { Metadata } from "next";

import { AuditTabs } from "@/components/audit/audit-tabs";
import { PrintButton } from "@/components/audit/print-button";
import { SlaTables } from "@/components/audit/sla-table";
import { buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { listSopSeries, slaSummary } from "@/lib/audit/queries";
import { requireAgencyContext } from "@/lib/authz/context";

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
  const series = await listSopSeries(ctx.agency.id);
  const raw = (await searchParams).series;
  const wanted = Array.isArray(raw) ? raw[0] : raw;
  // Only a series of this agency narrows the summary; anything else shows all.
  const seriesId = series.find((s) => s.id === wanted)?.id;
  const rows = await slaSummary(ctx.agency.id, seriesId);
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
        <button type="submit" className={buttonVariants()}>
          {M.sla.apply}
        </button>
        <PrintButton label={M.log.print} />
      </form>
      <SlaTables rows={rows} />
    </div>
  );
}
