import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { CycleTimeline } from "@/components/audit/cycle-timeline";
import { CycleEvents, TimelineHeader } from "@/components/audit/timeline-header";
import { LatestSignedDocument } from "@/components/signing/latest-signed";
import { SignArchiveRecordButton, WetScanUpload } from "@/components/signing/lazy-document-signing";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { AUDIT_MESSAGES as M } from "@/lib/audit/labels";
import { cycleTimeline } from "@/lib/audit/queries";
import { requireAgencyContext } from "@/lib/authz/context";
import { pageReader } from "@/lib/db/read-your-writes";
import { htmlSender } from "@/lib/html-once";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { signingPanel } from "@/lib/signing/queries";
import { maxUploadLabel } from "@/lib/storage/validate";

export const metadata: Metadata = { title: M.timeline.title };

/** A4 portrait with room for a binding edge; the shell's header and every button are already no-print. */
const PRINT_CSS = "@page { size: A4 portrait; margin: 14mm 12mm 14mm 16mm; }";

export default async function CycleTimelinePage({ params }: { params: Promise<{ agencySlug: string; cycleId: string }> }) {
  const { agencySlug, cycleId } = await params;
  const ctx = await requireAgencyContext(agencySlug, "cycle.view");
  const now = new Date();
  // The id comes from the address bar: looked up only inside this agency.
  // Read-only: the replica when one is configured and the user has not just written (037).
  const timeline = cycleId.length <= 40 ? await cycleTimeline(ctx.agency.id, cycleId, now, await pageReader()) : null;
  if (!timeline) notFound();
  // The head signs the archive record of a completed cycle (docs/decisions/034-one-pdf-path.md).
  const canSignRecord = timeline.cycle.status === "COMPLETED" && ctx.can("document.sign");
  // The certificate and the latest signed record in one statement (decisions 076, 077).
  const { certificate, latestSigned: latest } = canSignRecord
    ? await signingPanel(ctx.agency.id, "ARCHIVE_RECORD", { cycleId: timeline.cycle.id })
    : { certificate: null, latestSigned: null };
  return (
    <div className="space-y-6 print:space-y-4">
      <style>{PRINT_CSS}</style>
      <TimelineHeader timeline={timeline} agency={ctx.agency} now={now} />
      {canSignRecord ? (
        <Card className="no-print">
          <CardHeader>
            <CardTitle>{M.timeline.signTitle}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-3">
            {latest ? <LatestSignedDocument agencySlug={ctx.agency.slug} timeZone={ctx.agency.timeZone} doc={latest} /> : null}
            <p className="text-sm text-slate-600">{certificate ? M.timeline.signHint : M.timeline.signNoCertificate}</p>
            <SignArchiveRecordButton agencySlug={ctx.agency.slug} cycleId={timeline.cycle.id} disabled={!certificate} />
            <div className="space-y-2 border-t border-slate-200 pt-4">
              <h3 className="text-sm font-semibold text-slate-900">{SIGNING_MESSAGES.ui.archiveScanTitle}</h3>
              <WetScanUpload
                agencySlug={ctx.agency.slug}
                target={{ kind: "ARCHIVE_RECORD", cycleId: timeline.cycle.id }}
                hint={SIGNING_MESSAGES.ui.archiveScanHint(maxUploadLabel())}
                testId="scan-archive-record"
              />
            </div>
          </CardBody>
        </Card>
      ) : null}
      {timeline.events.length ? (
        <Card className="break-inside-avoid print:border-slate-300 print:shadow-none">
          <CardHeader>
            <CardTitle>{M.timeline.cycleEvents}</CardTitle>
          </CardHeader>
          <CardBody>
            <CycleEvents events={timeline.events} timeZone={ctx.agency.timeZone} />
          </CardBody>
        </Card>
      ) : null}
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {M.timeline.title}
        </h2>
        <CycleTimeline timeline={timeline} timeZone={ctx.agency.timeZone} agencySlug={ctx.agency.slug} once={await htmlSender()} />
      </section>
    </div>
  );
}
