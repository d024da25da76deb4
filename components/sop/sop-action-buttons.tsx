"use client";

import { Archive, BadgeCheck, Copy, Loader2, Printer } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { activateSopAction, archiveSopAction, createSopVersionAction } from "@/lib/sop/actions";

/** The words the buttons show, picked by the server from lib/sop/messages (the whole dictionary stays out of the page's JS). */
export interface TSopActionWords {
  actionsLabel: string;
  activate: string;
  activating: string;
  activateTitle: string;
  activateBody: string;
  activateConfirm: string;
  activated: string;
  createVersion: string;
  creatingVersion: string;
  versionCreated: string;
  versionAlreadyDraft: string;
  archive: string;
  archiving: string;
  archiveTitle: string;
  archiveBody: string;
  archiveConfirm: string;
  archived: string;
  cancel: string;
  print: string;
}

type Pending = "version" | "activate" | "archive" | null;

/**
 * The SOP's action bar (components/sop/sop-actions.tsx decides what shows): the buttons that run
 * a server action (activate, archive, new version: each re-checks permission and status) and
 * print; the server-rendered links sit in their slots so the order is the same as before.
 */
export function SopActionButtons({
  agencySlug,
  sopId,
  show,
  words: M,
  edit,
  editDraft,
  links,
}: {
  agencySlug: string;
  sopId: string;
  show: { activate: boolean; createVersion: boolean; archive: boolean };
  words: TSopActionWords;
  /** "Ubah draf" of this draft (a link, rendered by the server), first in the bar. */
  edit: ReactNode;
  /** "Ubah draf" of the series' existing draft, in place of "Buat versi baru". */
  editDraft: ReactNode;
  /** Compare and export links, before "Cetak". */
  links: ReactNode;
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"activate" | "archive" | null>(null);
  const busy = isPending && pending !== null;

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
      toast.success(result.data.existing ? M.versionAlreadyDraft : M.versionCreated);
      router.push(`/a/${agencySlug}/sops/${result.data.id}`);
    });
  }

  function activate() {
    setConfirm(null);
    run("activate", async () => {
      const result = await activateSopAction(agencySlug, { sopId });
      if (!result.ok) return fail(result);
      toast.success(M.activated);
      router.refresh();
    });
  }

  function archive() {
    setConfirm(null);
    run("archive", async () => {
      const result = await archiveSopAction(agencySlug, { sopId });
      if (!result.ok) return fail(result);
      toast.success(M.archived);
      router.refresh();
    });
  }

  const spinner = <Loader2 aria-hidden className="size-4 animate-spin" />;

  return (
    <div className="space-y-3">
      <div role="group" aria-label={M.actionsLabel} className="flex flex-wrap gap-2" data-testid="sop-actions">
        {edit}
        {show.activate ? (
          <Button onClick={() => setConfirm("activate")} disabled={busy} aria-busy={pending === "activate"}>
            {pending === "activate" ? spinner : <BadgeCheck aria-hidden className="size-4" />}
            {pending === "activate" ? M.activating : M.activate}
          </Button>
        ) : null}
        {editDraft}
        {show.createVersion ? (
          <Button onClick={createVersion} disabled={busy} aria-busy={pending === "version"}>
            {pending === "version" ? spinner : <Copy aria-hidden className="size-4" />}
            {pending === "version" ? M.creatingVersion : M.createVersion}
          </Button>
        ) : null}
        {show.archive ? (
          <Button variant="secondary" onClick={() => setConfirm("archive")} disabled={busy} aria-busy={pending === "archive"}>
            {pending === "archive" ? spinner : <Archive aria-hidden className="size-4" />}
            {pending === "archive" ? M.archiving : M.archive}
          </Button>
        ) : null}
        {links}
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
        <p>{confirm === "archive" ? M.archiveBody : M.activateBody}</p>
      </ConfirmDialog>
    </div>
  );
}
