import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LatestSignedDocument } from "@/components/signing/latest-signed";
import { SignSopButton, WetScanUpload } from "@/components/signing/lazy-document-signing";
import { SopActions } from "@/components/sop/sop-actions";
import { SopDocument } from "@/components/sop/sop-document";
import { SopStatusBadge } from "@/components/sop/status-badge";
import { Alert } from "@/components/ui/alert";
import { ArrowLeft } from "@/components/ui/icons";
import { requireAgencyContext } from "@/lib/authz/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { htmlSender } from "@/lib/html-once";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { signingPanel } from "@/lib/signing/queries";
import { SOP_DOCUMENT_MESSAGES as M } from "@/lib/sop/messages";
import { getSopWithHeadRole } from "@/lib/sop/queries";
import { cn } from "@/lib/utils";
import { maxUploadLabel } from "@/lib/storage/validate";

export const metadata: Metadata = { title: M.documentTitle };

export default async function SopDocumentPage({ params }: { params: Promise<{ agencySlug: string; sopId: string }> }) {
  const { agencySlug, sopId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "sop.view");
  // Scoped by agency: another agency's SOP id answers 404 like an unknown one.
  const found = await getSopWithHeadRole(ctx.agency.id, sopId.slice(0, 40));
  if (!found) notFound();
  const { sop, headRoleName } = found;

  // The head signs the SOP in force (docs/decisions/034-one-pdf-path.md).
  const canSign = sop.status === "ACTIVE" && ctx.can("document.sign");
  const { certificate, latestSigned } = canSign
    ? await signingPanel(ctx.agency.id, "SOP", { sopId: sop.id, version: sop.version })
    : { certificate: null, latestSigned: null };
  const base = `/a/${ctx.agency.slug}/sops`;
  const tz = ctx.agency.timeZone;
  const versions = sop.series.versions;
  const others = versions.filter((v) => v.id !== sop.id);
  const activeVersion = others.find((v) => v.status === "ACTIVE") ?? null;
  const draftVersion = others.find((v) => v.status === "DRAFT") ?? null;
  // The version that took over from this one: the first later version that was ever activated.
  const successor =
    others.filter((v) => v.version > sop.version && v.activatedAt !== null).sort((a, b) => a.version - b.version)[0] ?? null;
  // Compare with the version this one revises, else the nearest other version.
  const compareWith =
    others.find((v) => v.id === sop.supersedesId) ??
    [...others].sort((a, b) => Math.abs(a.version - sop.version) - Math.abs(b.version - sop.version))[0] ??
    null;

  return (
    <div className="space-y-6">
      <div className="no-print space-y-4">
        <Link href={base} className="inline-flex min-h-8 items-center gap-1 text-sm text-brand-700 hover:underline">
          <ArrowLeft aria-hidden className="size-4" />
          {M.backToList}
        </Link>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="font-mono text-xs text-slate-600">{sop.nomor}</p>
            <h1 className="text-2xl font-semibold break-words">{sop.nama}</h1>
            <p className="text-sm text-slate-600">{sop.unit}</p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <span className="text-sm text-slate-700">{M.version(sop.version)}</span>
            <SopStatusBadge status={sop.status} />
          </div>
        </div>

        <Alert tone={sop.status === "ACTIVE" ? "success" : "info"} data-testid="sop-status-banner">
          <p className="font-medium">
            {sop.status === "DRAFT" ? M.bannerDraft(sop.version) : null}
            {sop.status === "ACTIVE" && sop.activatedAt ? M.bannerActive(formatDateTime(sop.activatedAt, tz), sop.activatedBy?.name ?? null) : null}
            {sop.status === "SUPERSEDED" ? (successor ? M.bannerSuperseded(successor.version) : M.bannerSupersededUnknown) : null}
            {sop.status === "ARCHIVED" ? M.bannerArchived : null}
          </p>
          {sop.status === "SUPERSEDED" && successor ? (
            <Link href={`${base}/${successor.id}`} className="mt-1 inline-block underline">
              {M.viewVersion(successor.version)}
            </Link>
          ) : null}
          {sop.status === "DRAFT" && activeVersion ? (
            <p className="mt-1">
              {M.activeIs(activeVersion.version)}{" "}
              <Link href={`${base}/${activeVersion.id}`} className="underline">
                {M.viewVersion(activeVersion.version)}
              </Link>
            </p>
          ) : null}
          {sop.status === "ACTIVE" && draftVersion ? (
            <p className="mt-1">
              {M.draftInProgress(draftVersion.version)}{" "}
              <Link href={`${base}/${draftVersion.id}`} className="underline">
                {M.viewVersion(draftVersion.version)}
              </Link>
            </p>
          ) : null}
        </Alert>

        <SopActions
          agencySlug={ctx.agency.slug}
          sopId={sop.id}
          status={sop.status}
          version={sop.version}
          canEdit={ctx.can("sop.edit")}
          canActivate={ctx.can("sop.activate")}
          activeVersion={activeVersion?.version ?? null}
          draftId={draftVersion?.id ?? null}
          compareWith={compareWith ? { id: compareWith.id, version: compareWith.version } : null}
        />

        {canSign ? (
          <section aria-labelledby="sop-sign-title" className="no-print space-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3">
            <h2 id="sop-sign-title" className="text-sm font-semibold">
              {M.signTitle}
            </h2>
            {latestSigned ? <LatestSignedDocument agencySlug={ctx.agency.slug} timeZone={tz} doc={latestSigned} /> : null}
            <p className="text-sm text-slate-600">{certificate ? M.signHint : M.signNoCertificate}</p>
            <SignSopButton agencySlug={ctx.agency.slug} sopId={sop.id} disabled={!certificate} />
            <div className="space-y-2 border-t border-slate-200 pt-3">
              <h3 className="text-sm font-semibold">{SIGNING_MESSAGES.ui.sopScanTitle}</h3>
              <WetScanUpload agencySlug={ctx.agency.slug} target={{ kind: "SOP", sopId: sop.id }} hint={SIGNING_MESSAGES.ui.sopScanHint(maxUploadLabel())} testId="scan-sop" />
            </div>
          </section>
        ) : null}

        {versions.length > 0 ? (
          <nav aria-labelledby="sop-versions-title" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <h2 id="sop-versions-title" className="text-sm font-semibold">
              {M.versionsTitle}
            </h2>
            <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="sop-versions">
              {versions.map((v) => {
                const current = v.id === sop.id;
                return (
                  <li key={v.id} className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`${base}/${v.id}`}
                      aria-current={current ? "page" : undefined}
                      className={cn("min-h-8 py-1 text-brand-700 hover:underline", current && "font-semibold text-slate-900")}
                    >
                      {M.version(v.version)}
                    </Link>
                    <SopStatusBadge status={v.status} />
                    {v.activatedAt ? <span className="text-xs text-slate-600">{M.activatedOn(formatDate(v.activatedAt, tz))}</span> : null}
                    {current ? <span className="text-xs text-slate-500">({M.versionsCurrent})</span> : null}
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
      </div>

      <div className="sop-paper rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-6 print:rounded-none print:border-0 print:p-0 print:shadow-none">
        <SopDocument
          sop={sop}
          agency={{
            name: ctx.agency.name,
            governmentName: ctx.agency.governmentName,
            timeZone: tz,
            logoUrl: ctx.agency.logoFileId ? `/a/${ctx.agency.slug}/logo?v=${ctx.agency.logoFileId}` : null,
            headRoleName,
          }}
          once={await htmlSender()}
        />
      </div>
    </div>
  );
}
