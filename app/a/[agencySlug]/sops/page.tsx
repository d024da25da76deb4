import type { Metadata } from "next";
import Link from "next/link";

import { SopList, type SopListVersion } from "@/components/sop/sop-list";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FileUp, Plus, Search } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { requireAgencyContext } from "@/lib/authz/context";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";
import { listSops } from "@/lib/sop/queries";

export const metadata: Metadata = { title: M.listTitle };

type ListedSop = Awaited<ReturnType<typeof listSops>>[number]["latest"];

function toListVersion(sop: ListedSop): SopListVersion {
  return {
    id: sop.id,
    nomor: sop.nomor,
    nama: sop.nama,
    unit: sop.unit,
    version: sop.version,
    status: sop.status,
    tanggalEfektif: sop.tanggalEfektif,
    stepCount: sop._count.steps,
  };
}

export default async function SopListPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.view");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const series = await listSops(ctx.agency.id, q || undefined);
  const base = `/a/${ctx.agency.slug}/sops`;
  const canEdit = ctx.can("sop.edit");

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold">{M.listTitle}</h1>
          <p className="text-slate-600">{M.listSubtitle}</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/new`} className={buttonVariants()}>
              <Plus aria-hidden className="size-4" />
              {M.newSop}
            </Link>
            <Link href={`${base}/import`} className={buttonVariants({ variant: "secondary" })}>
              <FileUp aria-hidden className="size-4" />
              {M.importSop}
            </Link>
          </div>
        ) : null}
      </div>

      <form method="get" action={base} role="search" className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor="sop-search" className="sr-only">
          {M.searchLabel}
        </label>
        <Input id="sop-search" name="q" type="search" defaultValue={q} placeholder={M.searchPlaceholder} maxLength={100} className="sm:max-w-md" />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            <Search aria-hidden className="size-4" />
            {M.searchSubmit}
          </Button>
          {q ? (
            <Link href={base} className={buttonVariants({ variant: "ghost" })}>
              {M.searchReset}
            </Link>
          ) : null}
        </div>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {q ? M.listResults(series.length, q) : M.listCount(series.length)}
      </p>

      {series.length === 0 ? (
        <Card>
          <CardBody>
            <p className="text-slate-600">{q ? M.listEmptySearch(q) : M.listEmpty}</p>
          </CardBody>
        </Card>
      ) : (
        <SopList
          agencySlug={ctx.agency.slug}
          timeZone={ctx.agency.timeZone}
          entries={series.map(({ latest, active }) => ({
            seriesId: latest.seriesId,
            latest: toListVersion(latest),
            active: active ? toListVersion(active) : null,
          }))}
        />
      )}
    </div>
  );
}
