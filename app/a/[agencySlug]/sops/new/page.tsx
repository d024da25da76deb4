import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { emptySop } from "@/components/sop/editor-model";
import { SopEditor } from "@/components/sop/sop-editor";
import { requireAgencyContext } from "@/lib/authz/context";
import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { getAgencyRoles } from "@/lib/sop/queries";
import { signerTitle } from "@/lib/sop/signer-title";
import { listUnits } from "@/lib/unit/queries";

export const metadata: Metadata = { title: M.newTitle };

export default async function NewSopPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.edit");
  const base = `/a/${ctx.agency.slug}/sops`;
  // Pasted tables are reviewed on the import page, which then opens this editor inline.
  if ((await searchParams).from === "paste") redirect(`${base}/import?tab=paste`);
  const [agencyRoles, unitTree] = await Promise.all([getAgencyRoles(ctx.agency.id), listUnits(ctx.agency.id)]);
  const units = unitTree.filter((u) => u.active).map((u) => u.name);
  const headRoleName = agencyRoles.find((r) => r.isHead)?.name ?? null;
  const roles = agencyRoles
    .filter((r) => !(RESERVED_ROLE_CODES as readonly string[]).includes(r.code))
    .map(({ code, name }) => ({ code, name }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{M.newTitle}</h1>
          <p className="text-slate-600">{M.newSubtitle}</p>
        </div>
        <Link href={`${base}/import`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          {M.importLink}
        </Link>
      </div>
      <SopEditor agencySlug={ctx.agency.slug} roles={roles} units={units} initial={{ ...emptySop(), unit: ctx.agency.unitName, disahkanJabatan: signerTitle(headRoleName, ctx.agency.name) }} cancelHref={base} />
    </div>
  );
}
