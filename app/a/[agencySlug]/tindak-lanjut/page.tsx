import type { Metadata } from "next";

import { FollowUpForm } from "@/components/followup/followup-form";
import { FollowUpList } from "@/components/followup/followup-list";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { requireAgencyContext } from "@/lib/authz/context";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";
import { listActiveUnits, listFollowUps, type TFollowUpFilter } from "@/lib/followup/queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: M.title };

const FILTERS: { key: TFollowUpFilter; param: string; label: string }[] = [
  { key: "open", param: "terbuka", label: M.filters.open },
  { key: "overdue", param: "lewat", label: M.filters.overdue },
  { key: "done", param: "selesai", label: M.filters.done },
  { key: "all", param: "semua", label: M.filters.all },
];

type TSearch = Promise<Record<string, string | string[] | undefined>>;

export default async function FollowUpsPage({ params, searchParams }: { params: Promise<{ agencySlug: string }>; searchParams: TSearch }) {
  const { agencySlug } = await params;
  const search = await searchParams;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const filter = FILTERS.find((f) => f.param === one(search.status)) ?? FILTERS[0]!;
  const units = await listActiveUnits(ctx.agency.id);
  // Only an id of this agency's units filters; anything else shows every unit.
  const unitId = units.find((u) => u.id === one(search.unit))?.id ?? null;
  const data = await listFollowUps(ctx, { status: filter.key, unitId });
  const base = `/a/${ctx.agency.slug}/tindak-lanjut`;
  const href = (status: string) => `${base}?${new URLSearchParams({ status, ...(unitId ? { unit: unitId } : {}) })}`;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{M.title}</h1>
        <p className="text-slate-600">{M.intro}</p>
        <p className="text-sm text-slate-700" data-testid="followup-counts">
          {M.counts(data.counts.open, data.counts.overdue, data.counts.done)}
        </p>
      </div>

      <nav aria-label="Saring status" className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <a
            key={f.key}
            href={href(f.param)}
            aria-current={f.key === filter.key ? "page" : undefined}
            className={cn(
              "inline-flex min-h-11 items-center rounded-md border px-4 text-sm font-medium",
              f.key === filter.key ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
            )}
          >
            {f.label}
          </a>
        ))}
      </nav>

      <form method="get" action={base} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="status" value={filter.param} />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800 sm:w-72">
          {M.filterUnit}
          <Select name="unit" defaultValue={unitId ?? ""} className="min-h-11">
            <option value="">{M.allUnits}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100">
          {M.filterApply}
        </button>
      </form>

      <Card>
        <CardHeader>
          <CardTitle>{filter.label}</CardTitle>
        </CardHeader>
        <CardBody>
          <FollowUpList ctx={ctx} items={data.items} />
        </CardBody>
      </Card>

      {data.canCreate ? (
        <Card>
          <CardHeader>
            <CardTitle>{M.add}</CardTitle>
          </CardHeader>
          <CardBody>
            <FollowUpForm agencySlug={ctx.agency.slug} units={units} defaultDue={data.today} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
