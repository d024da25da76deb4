"use client";

import { Archive, BadgeCheck, Copy, FileJson, FileSpreadsheet, FileText, GitCompare, Loader2, Pencil, Printer } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { activateSopAction, archiveSopAction, createSopVersionAction } from "@/lib/sop/actions";
import { SOP_DOCUMENT_MESSAGES as M, SOP_SERVICE_MESSAGES } from "@/lib/sop/messages";
import { availableSopEvents } from "@/lib/sop/workflow";

import type { TSopStatus } from "./status-badge";

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

type Pending = "version" | "activate" | "archive" | null;

/**
 * What a member may do with the SOP on screen. Buttons render only when permitted; the
 * server actions check the permission and the SOP's status again.
 */
export function SopActions({ agencySlug, sopId, status, version, canEdit, canActivate, activeVersion, draftId, compareWith }: SopActionsProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"activate" | "archive" | null>(null);
  const base = `/a/${agencySlug}/sops/${sopId}`;
  const busy = isPending && pending !== null;
  // Which buttons the SOP's status allows comes from the lifecycle table the server applies (lib/sop/workflow.ts).
  const events = availableSopEvents(status);

  function run(kind: Exclude<Pending, null>, task: () => Promise<void>) {
    setError(null);
    setPending(kind);
    startTransition(async () => {
      try {
        await task();
      } finally {
        setPending(null);
      }
    });
  }

  function fail(result: { error: string; fieldErrors?: Record<string, string[]> }) {
    // The first field error says what to fix (e.g. a role that no longer exists).
    const message = Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error;
    const text = message === result.error ? message : `${result.error} ${message}`;
    setError(text);
    toast.error(text);
  }

  function createVersion() {
    run("version", async () => {
      const result = await createSopVersionAction(agencySlug, { sopId });
      if (!result.ok) return fail(result);
      toast.success(result.data.existing ? M.versionAlreadyDraft : SOP_SERVICE_MESSAGES.versionCreated);
      router.push(`/a/${agencySlug}/sops/${result.data.id}`);
    });
  }

  function activate() {
    setConfirm(null);
    run("activate", async () => {
      const result = await activateSopAction(agencySlug, { sopId });
      if (!result.ok) return fail(result);
      toast.success(SOP_SERVICE_MESSAGES.activated);
      router.refresh();
    });
  }

  function archive() {
    setConfirm(null);
    run("archive", async () => {
      const result = await archiveSopAction(agencySlug, { sopId });
      if (!result.ok) return fail(result);
      toast.success(SOP_SERVICE_MESSAGES.archived);
      router.refresh();
    });
  }

  const spinner = <Loader2 aria-hidden className="size-4 animate-spin" />;

  return (
    <div className="space-y-3">
      <div role="group" aria-label={M.actionsLabel} className="flex flex-wrap gap-2" data-testid="sop-actions">
        {events.includes("EDIT") && canEdit ? (
          <Link href={`${base}/edit`} className={buttonVariants()}>
            <Pencil aria-hidden className="size-4" />
            {M.editDraft}
          </Link>
        ) : null}
        {events.includes("ACTIVATE") && canActivate ? (
          <Button onClick={() => setConfirm("activate")} disabled={busy} aria-busy={pending === "activate"}>
            {pending === "activate" ? spinner : <BadgeCheck aria-hidden className="size-4" />}
            {pending === "activate" ? M.activating : M.activate}
          </Button>
        ) : null}
        {events.includes("REVISE") && canEdit ? (
          draftId ? (
            <Link href={`/a/${agencySlug}/sops/${draftId}/edit`} className={buttonVariants()}>
              <Pencil aria-hidden className="size-4" />
              {M.editDraft}
            </Link>
          ) : (
            <Button onClick={createVersion} disabled={busy} aria-busy={pending === "version"}>
              {pending === "version" ? spinner : <Copy aria-hidden className="size-4" />}
              {pending === "version" ? M.creatingVersion : M.createVersion}
            </Button>
          )
        ) : null}
        {events.includes("ARCHIVE") && canActivate ? (
          <Button variant="secondary" onClick={() => setConfirm("archive")} disabled={busy} aria-busy={pending === "archive"}>
            {pending === "archive" ? spinner : <Archive aria-hidden className="size-4" />}
            {pending === "archive" ? M.archiving : M.archive}
          </Button>
        ) : null}
        {compareWith ? (
          <Link href={`${base}/compare?with=${encodeURIComponent(compareWith.id)}`} className={buttonVariants({ variant: "secondary" })}>
            <GitCompare aria-hidden className="size-4" />
            {M.compare(compareWith.version)}
          </Link>
        ) : null}
        <a href={`${base}/export?format=json`} className={buttonVariants({ variant: "secondary" })} download>
          <FileJson aria-hidden className="size-4" />
          {M.exportJson}
        </a>
        <a href={`${base}/export?format=xlsx`} className={buttonVariants({ variant: "secondary" })} download>
          <FileSpreadsheet aria-hidden className="size-4" />
          {M.exportXlsx}
        </a>
        <a href={`${base}/export?format=pdf`} className={buttonVariants({ variant: "secondary" })} download>
          <FileText aria-hidden className="size-4" />
          {M.exportPdf}
        </a>
        <Button variant="secondary" onClick={() => window.print()}>
          <Printer aria-hidden className="size-4" />
          {M.print}
        </Button>
      </div>

      {error ? <Alert>{error}</Alert> : null}

      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => (open ? null : setConfirm(null))}
        title={confirm === "archive" ? M.archiveTitle : M.activateTitle}
        confirmLabel={confirm === "archive" ? M.archiveConfirm : M.activateConfirm}
        cancelLabel={M.cancel}
        tone={confirm === "archive" ? "danger" : "default"}
        onConfirm={confirm === "archive" ? archive : activate}
      >
        <p>{confirm === "archive" ? M.archiveBody : M.activateBody(version, activeVersion)}</p>
      </ConfirmDialog>
    </div>
  );
}
