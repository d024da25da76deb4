import type { Metadata } from "next";

import { SopImport } from "@/components/sop/sop-import";
import { requireAgencyContext } from "@/lib/authz/context";
import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";
import { listAgencyAdministrators } from "@/lib/role/queries";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { getAgencyRoles } from "@/lib/sop/queries";
import { signerTitle } from "@/lib/sop/signer-title";

export const metadata: Metadata = { title: M.importTitle };

export default async function ImportSopPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencySlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.edit");
  const agencyRoles = await getAgencyRoles(ctx.agency.id);
  const headRoleName = agencyRoles.find((r) => r.isHead)?.name ?? null;
  const roles = agencyRoles
    .filter((r) => !(RESERVED_ROLE_CODES as readonly string[]).includes(r.code))
    .map(({ code, name }) => ({ code, name }));
  const tab = (await searchParams).tab === "paste" ? "paste" : "json";
  // Executors the agency lacks: an administrator creates them on the spot; anyone else learns whom to ask.
  const canCreate = ctx.can("role.manage");
  const administrators = canCreate ? [] : await listAgencyAdministrators(ctx.agency.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{M.importTitle}</h1>
        <p className="text-slate-600">{M.importSubtitle}</p>
      </div>
      <SopImport agencySlug={ctx.agency.slug} roles={roles} initialTab={tab} help={{ canCreate, administrators }} defaultUnit={ctx.agency.unitName} defaultSigner={signerTitle(headRoleName, ctx.agency.name)} />
    </div>
  );
}
