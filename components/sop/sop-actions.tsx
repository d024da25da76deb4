import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { FileJson, FileSpreadsheet, FileText, GitCompare, Pencil } from "@/components/ui/icons";
import { SOP_DOCUMENT_MESSAGES as M, SOP_SERVICE_MESSAGES } from "@/lib/sop/messages";
import { availableSopEvents } from "@/lib/sop/workflow";
import { staticMarkup } from "@/lib/static-markup";

import { SopActionButtons } from "./sop-action-buttons";
import type { TSopStatus } from "./status-badge";

/**
 * The export links' content (icon and label) is the same on every page: written once as HTML
 * (lib/static-markup.ts) rather than as ~20 elements that Flight and Fizz render on every request
 * (issue 16, docs/decisions/083-realization-form-and-sop-cost.md). The links themselves stay elements.
 */
const EXPORT_LABELS = {
  exportJson: { __html: staticMarkup(<><FileJson aria-hidden className="size-4" />{M.exportJson}</>) },
  exportXlsx: { __html: staticMarkup(<><FileSpreadsheet aria-hidden className="size-4" />{M.exportXlsx}</>) },
  exportPdf: { __html: staticMarkup(<><FileText aria-hidden className="size-4" />{M.exportPdf}</>) },
};

export interface SopActionsProps {
  agencySlug: string;
  sopId: string;
  status: TSopStatus;
  version: number;
  canEdit: boolean;
  canActivate: boolean;
  /** The series' ACTIVE version when this one is another (for the activation warning). */
  activeVersion: number | null;
  /** An existing DRAFT of the series other than this one. */
  draftId: string | null;
  compareWith: { id: string; version: number } | null;
}

/**
 * What a member may do with the SOP on screen. Buttons render only when permitted; the
 * server actions check the permission and the SOP's status again.
 *
 * A server component (docs/decisions/058-sop-and-realization-first-load.md): the links, the
 * lifecycle table and the words are decided here; only the buttons that run an action or print
 * (./sop-action-buttons.tsx) reach the browser, with the words they show.
 */
export function SopActions({ agencySlug, sopId, status, version, canEdit, canActivate, activeVersion, draftId, compareWith }: SopActionsProps) {
  const base = `/a/${agencySlug}/sops/${sopId}`;
  // Which buttons the SOP's status allows comes from the lifecycle table the server applies (lib/sop/workflow.ts).
  const events = availableSopEvents(status);
  const revise = events.includes("REVISE") && canEdit;

  return (
    <SopActionButtons
      agencySlug={agencySlug}
      sopId={sopId}
      show={{ activate: events.includes("ACTIVATE") && canActivate, createVersion: revise && !draftId, archive: events.includes("ARCHIVE") && canActivate }}
      words={{
        actionsLabel: M.actionsLabel,
        activate: M.activate,
        activating: M.activating,
        activateTitle: M.activateTitle,
        activateBody: M.activateBody(version, activeVersion),
        activateConfirm: M.activateConfirm,
        activated: SOP_SERVICE_MESSAGES.activated,
        createVersion: M.createVersion,
        creatingVersion: M.creatingVersion,
        versionCreated: SOP_SERVICE_MESSAGES.versionCreated,
        versionAlreadyDraft: M.versionAlreadyDraft,
        archive: M.archive,
        archiving: M.archiving,
        archiveTitle: M.archiveTitle,
        archiveBody: M.archiveBody,
        archiveConfirm: M.archiveConfirm,
        archived: SOP_SERVICE_MESSAGES.archived,
        cancel: M.cancel,
        print: M.print,
      }}
      edit={
        events.includes("EDIT") && canEdit ? (
          <Link href={`${base}/edit`} className={buttonVariants()}>
            <Pencil aria-hidden className="size-4" />
            {M.editDraft}
          </Link>
        ) : null
      }
      editDraft={
        revise && draftId ? (
          <Link href={`/a/${agencySlug}/sops/${draftId}/edit`} className={buttonVariants()}>
            <Pencil aria-hidden className="size-4" />
            {M.editDraft}
          </Link>
        ) : null
      }
      links={
        <>
          {compareWith ? (
            <Link href={`${base}/compare?with=${encodeURIComponent(compareWith.id)}`} className={buttonVariants({ variant: "secondary" })}>
              <GitCompare aria-hidden className="size-4" />
              {M.compare(compareWith.version)}
            </Link>
          ) : null}
          <a href={`${base}/export?format=json`} className={buttonVariants({ variant: "secondary" })} download dangerouslySetInnerHTML={EXPORT_LABELS.exportJson} />
          <a href={`${base}/export?format=xlsx`} className={buttonVariants({ variant: "secondary" })} download dangerouslySetInnerHTML={EXPORT_LABELS.exportXlsx} />
          <a href={`${base}/export?format=pdf`} className={buttonVariants({ variant: "secondary" })} download dangerouslySetInnerHTML={EXPORT_LABELS.exportPdf} />
        </>
      }
    />
  );
}
