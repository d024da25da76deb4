import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { toFormValues } from "@/components/sop/editor-model";
import { SopEditor } from "@/components/sop/sop-editor";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { requireAgencyContext } from "@/lib/authz/context";
import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";
import { toSopInput } from "@/lib/sop/mapping";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { getAgencyRoles, getSop } from "@/lib/sop/queries";
import { listUnits } from "@/lib/unit/queries";

export const metadata: Metadata = { title: M.editMetaTitle };

export default async function EditSopPage({ params }: { params: Promise<{ agencySlug: string; sopId: string }> }) {
  const { agencySlug, sopId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.edit");
  // Scoped to this agency: another agency's SOP id is simply not found.
  const sop = await getSop(ctx.agency.id, sopId);
  if (!sop) notFound();
  const sopHref = `/a/${ctx.agency.slug}/sops/${sop.id}`;

  if (sop.status !== "DRAFT") {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{M.onlyDraftTitle}</h1>
        <Alert tone="info">
          <p className="font-medium">
            {sop.nomor} · {sop.nama}
          </p>
          <p className="mt-1">{M.onlyDraftBody}</p>
        </Alert>
        <Link href={sopHref} className={buttonVariants({ variant: "secondary" })}>
          {M.backToSop}
        </Link>
      </div>
    );
  }

  const input = toSopInput(sop);
  const used = new Set(input.steps.flatMap((s) => [s.executorRoleCode, ...s.participantRoleCodes]));
  // Reserved roles are not SOP executors, unless this draft already names one.
  const units = (await listUnits(ctx.agency.id)).filter((u) => u.active).map((u) => u.name);
  const roles = (await getAgencyRoles(ctx.agency.id))
    .filter((r) => !(RESERVED_ROLE_CODES as readonly string[]).includes(r.code) || used.has(r.code))
    .map(({ code, name }) => ({ code, name }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{M.editTitle(sop.nomor)}</h1>
        <p className="text-slate-600">{M.editSubtitle}</p>
      </div>
      <SopEditor agencySlug={ctx.agency.slug} roles={roles} units={units} initial={toFormValues(input)} sopId={sop.id} cancelHref={sopHref} />
    </div>
  );
}
