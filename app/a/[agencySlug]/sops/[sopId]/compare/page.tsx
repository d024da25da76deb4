import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { SopCompare, type TCompareVersion } from "@/components/sop/sop-compare";
import { Card, CardBody } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { toSopInput } from "@/lib/sop/mapping";
import { getSop } from "@/lib/sop/queries";

export const metadata: Metadata = { title: "Bandingkan versi SOP" };

type TLoadedSop = NonNullable<Awaited<ReturnType<typeof getSop>>>;

function toVersion(sop: TLoadedSop): TCompareVersion {
  return {
    id: sop.id,
    version: sop.version,
    status: sop.status,
    activatedAt: sop.activatedAt,
    activatedByName: sop.activatedBy?.name ?? null,
    sop: toSopInput(sop),
  };
}

/** ?with=<otherSopId>: two versions of one series, both loaded within the agency; anything else is 404. */
export default async function CompareSopPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string; sopId: string }>;
  searchParams: Promise<{ with?: string | string[] }>;
}) {
  const { agencySlug, sopId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.view");
  const withParam = (await searchParams).with;
  const withId = typeof withParam === "string" && withParam.length <= 40 ? withParam : undefined;
  if (withParam !== undefined && withParam !== "" && !withId) notFound();

  const [base, other] = await Promise.all([getSop(ctx.agency.id, sopId), withId ? getSop(ctx.agency.id, withId) : null]);
  if (!base) notFound();
  const versions = base.series.versions;

  if (!withId) {
    // No pick yet: the version just before this one, else the one just after.
    const fallback = versions.find((v) => v.version < base.version) ?? [...versions].reverse().find((v) => v.version > base.version);
    if (fallback) redirect(`/a/${ctx.agency.slug}/sops/${base.id}/compare?with=${encodeURIComponent(fallback.id)}`);
    return (
      <Card>
        <CardBody className="space-y-2">
          <h1 className="text-xl font-semibold">Bandingkan versi SOP</h1>
          <p className="text-slate-700">
            SOP {base.nomor} baru memiliki satu versi, sehingga belum ada yang dapat dibandingkan.
          </p>
          <Link href={`/a/${ctx.agency.slug}/sops/${base.id}`} className="text-brand-700 underline-offset-4 hover:underline">
            Kembali ke SOP
          </Link>
        </CardBody>
      </Card>
    );
  }

  if (!other || other.seriesId !== base.seriesId || other.id === base.id) notFound();

  const [older, newer] = base.version < other.version ? [base, other] : [other, base];
  const roleNames: Record<string, string> = {};
  for (const sop of [older, newer]) {
    for (const step of sop.steps) {
      roleNames[step.executorRole.code] = step.executorRole.name;
      for (const p of step.participants) roleNames[p.role.code] = p.role.name;
    }
  }

  return (
    <SopCompare
      agencySlug={ctx.agency.slug}
      timeZone={ctx.agency.timeZone}
      baseId={base.id}
      older={toVersion(older)}
      newer={toVersion(newer)}
      versions={versions.map(({ id, version, status }) => ({ id, version, status }))}
      roleNames={roleNames}
    />
  );
}
