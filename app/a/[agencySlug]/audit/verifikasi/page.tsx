import type { Metadata } from "next";
import Link from "next/link";

import { AuditTabs } from "@/components/audit/audit-tabs";
import { ChainStatus } from "@/components/audit/chain-status";
import { buttonVariants } from "@/components/ui/button";
import { RefreshCw } from "@/components/ui/icons";
import { AUDIT_MESSAGES as M, formatAuditTime } from "@/lib/audit/labels";
import { verifyAgencyChain } from "@/lib/audit/queries";
import { requireAgencyContext } from "@/lib/authz/context";

export const metadata: Metadata = { title: M.verify.title };
export const dynamic = "force-dynamic";

/** Recomputes every hash of the agency's chain on each visit: the verdict is never a cached one. */
export default async function VerifyChainPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "audit.view");
  const report = await verifyAgencyChain(ctx.agency.id);
  const checkedAt = formatAuditTime(new Date(), ctx.agency.timeZone);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="hidden text-sm font-medium text-slate-700 print:block">{ctx.agency.name}</p>
        <h1 className="text-2xl font-semibold">{M.verify.title}</h1>
        <p className="max-w-3xl text-slate-600">{M.verify.subtitle}</p>
      </div>
      <AuditTabs agencySlug={ctx.agency.slug} current="verify" />
      <ChainStatus report={report} checkedAt={checkedAt} />
      <Link href={`/a/${ctx.agency.slug}/audit/verifikasi`} prefetch={false} className={buttonVariants({ variant: "secondary", className: "no-print" })}>
        <RefreshCw aria-hidden className="size-4" />
        {M.verify.recheck}
      </Link>
    </div>
  );
}
