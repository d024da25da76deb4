"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import { REALIZATION_FORM_WORDS } from "@/lib/performance/form-words";

import { fileSizeLabel } from "./format-form";

export type { TEvidenceFile } from "./evidence-files";

const UI = REALIZATION_FORM_WORDS.ui;

/**
 * The upload itself and its outcome's toast (./evidence-send.ts, with lib/storage/post-file.ts),
 * fetched when a file is first sent, not with the page (decisions 058 and 066).
 */
const sendEvidence = (...args: Parameters<typeof import("./evidence-send").sendEvidence>) => import("./evidence-send").then((m) => m.sendEvidence(...args));

/**
 * The state of one upload control (the chosen file, progress, the refusal to
 * show) and `upload(fields)`: the file plus the fields that say what it belongs
 * to (taskId, realizationId…) posted to /a/<slug>/files. `fields` may return
 * null to cancel (e.g. the draft it needs could not be saved). Every upload
 * control of the app uses it, so they answer alike.
 */
export function useFileUpload(agencySlug: string, onUploaded: (file: { id: string; name: string }) => void) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(fields: () => Promise<Record<string, string> | null> | Record<string, string> | null) {
    if (!chosen) return;
    setError(null);
    const extra = await fields();
    if (!extra) return;
    const form = new FormData();
    form.append("file", chosen);
    for (const [key, value] of Object.entries(extra)) form.append(key, value);
    setProgress(0);
    try {
      const sent = await sendEvidence(agencySlug, form, setProgress);
      if ("id" in sent) {
        onUploaded(sent);
        setChosen(null);
        if (input.current) input.current.value = "";
      } else {
        setError(sent.error);
      }
    } catch {
      setError(UI.uploadFailed);
      toast.error(UI.uploadFailed);
    } finally {
      setProgress(null);
    }
  }

  /** A new file chosen: any earlier refusal no longer applies. */
  const choose = (file: File | null) => {
    setChosen(file);
    setError(null);
  };
  return { input, chosen, choose, progress, error, upload };
}

/**
 * The evidence list plus an upload control: multipart `file` + `realizationId`
 * to /a/<slug>/files with a progress bar. Without a realization yet, the
 * draft is saved first (`ensureRealization`). Another target (a unit PK row's
 * quarter, decision 044) is named by its form fields (`target`).
 */
export function EvidenceUpload({
  agencySlug,
  list,
  icons,
  ensureRealization,
  target,
  disabled,
}: {
  agencySlug: string;
  /** The evidence list (./evidence-files.tsx), rendered by the caller: the server, on the realization card. */
  list: ReactNode;
  /** The two buttons' icons (Paperclip, Upload), from the caller: lucide icons out of this module's chunk. */
  icons: { browse: ReactNode; upload: ReactNode };
  ensureRealization?: () => Promise<string | null>;
  target?: Record<string, string>;
  disabled?: boolean;
}) {
  const router = useRouter();
  const inputId = useId();
  const { input, chosen, choose, progress, error, upload: send } = useFileUpload(agencySlug, () => router.refresh());
  const busy = progress !== null;
  const upload = () =>
    send(async () => {
      if (target) return target;
      const realizationId = ensureRealization ? await ensureRealization() : null;
      return realizationId ? { realizationId } : null;
    });
  return (
    <div className="space-y-3 rounded-md border border-dashed border-slate-300 p-3">
      {list}
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-800" id={`${inputId}-label`}>
          {UI.chooseFile}
        </p>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".pdf,.xlsx,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-labelledby={`${inputId}-label`}
            aria-describedby={`${inputId}-hint`}
            disabled={busy || disabled}
            onChange={(e) => {
              choose(e.target.files?.[0] ?? null);
            }}
            className="peer sr-only"
          />
          {/* The browser's own file button speaks the browser's language; this one speaks Indonesian (its look: .ev-browse in app/globals.css). */}
          <label
            htmlFor={inputId}
            className="ev-browse"
          >
            {icons.browse}
            {UI.browse}
          </label>
          <span className="min-w-0 flex-1 truncate text-sm text-slate-700" data-testid="chosen-file">
            {chosen ? `${chosen.name} (${fileSizeLabel(chosen.size)})` : UI.noFileChosen}
          </span>
          <Button type="button" variant="secondary" onClick={upload} disabled={!chosen || busy || disabled}>
            {icons.upload}
            {busy ? UI.uploading(progress) : UI.upload}
          </Button>
        </div>
        <p id={`${inputId}-hint`} className="text-xs text-slate-600">
          {UI.fileHint}
        </p>
        {busy ? (
          <div
            role="progressbar"
            aria-label={UI.uploading(progress)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
