"use client";

import { FileText, History, Paperclip, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId } from "react";

import { useFileUpload } from "@/components/performance/evidence";
import { Button } from "@/components/ui/button";
import { FILE_VERSION_MESSAGES as V } from "@/lib/cycle/file-version-messages";
import type { TReviewVersions, TVersionView } from "@/lib/cycle/file-versions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import { REALIZATION_FORM_WORDS } from "@/lib/performance/form-words";
import { cn } from "@/lib/utils";

type TFileLink = TVersionView["files"][number];

/** One file: "Baca <nama>.pdf" opens a PDF in the browser (decision 023); every file also downloads. */
function VersionFile({ file }: { file: TFileLink }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3">
      {file.viewHref ? (
        <a href={file.viewHref} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center gap-1 font-medium break-all text-brand-800 underline" data-testid="file-view">
          <FileText aria-hidden className="size-4 shrink-0" />
          {M.ui.viewFile(file.name)}
        </a>
      ) : null}
      <a href={file.href} className="inline-flex min-h-11 items-center gap-1 break-all text-brand-800 underline-offset-2 hover:underline">
        {file.viewHref ? null : <FileText aria-hidden className="size-4 shrink-0" />}
        {file.viewHref ? M.ui.downloadFile : file.name}
      </a>
    </li>
  );
}

function VersionBox({ title, version, testId, muted = false }: { title: string; version: TVersionView; testId: string; muted?: boolean }) {
  return (
    <section aria-label={title} className={cn("min-w-0 rounded-md border px-3 py-2 text-sm", muted ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50")} data-testid={testId}>
      <p className="flex items-center gap-1 font-semibold text-slate-900">
        {muted ? <History aria-hidden className="size-4 shrink-0" /> : null}
        {title}
      </p>
      <p className="text-xs text-slate-700">
        {muted ? `${V.version(version.version)} · ` : null}
        {version.uploadedBy ? V.uploaded(version.uploadedBy, version.uploadedAt) : V.uploadedAt(version.uploadedAt)}
      </p>
      <ul className="mt-1 space-y-0.5">
        {version.files.map((f) => (
          <VersionFile key={f.id} file={f} />
        ))}
      </ul>
    </section>
  );
}

/**
 * The work under review's files beside the version they replace: the reviewer sees what
 * changed since the round they (or a colleague) returned. Shown only when an earlier round
 * of the same step carries files; otherwise the panel's reading list is unchanged.
 */
export function UnderReviewVersions({ versions }: { versions: TReviewVersions }) {
  const { current, previous } = versions;
  if (!previous) return null;
  return (
    <div className="grid gap-2 sm:grid-cols-2" data-testid="file-versions" role="group" aria-label={V.versionsTitle}>
      {current ? (
        <VersionBox title={V.current(current.version, current.round)} version={current} testId="version-current" />
      ) : (
        <p className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-700" data-testid="version-current">
          {V.noNewFile(previous.round + 1)}
        </p>
      )}
      <VersionBox title={V.previous(previous.round)} version={previous} testId="version-previous" muted />
    </div>
  );
}

/**
 * A draft/upload step's files: what this round already carries (its version of the
 * step's output) and an upload control (multipart to /a/<slug>/files with the task id;
 * the server checks the type by content and the task's role, decision 004).
 */
export function TaskFilesUpload({
  agencySlug,
  taskId,
  files,
  version,
  previous,
}: {
  agencySlug: string;
  taskId: string;
  files: TFileLink[];
  version: number;
  /** The version a revision replaces: its files, to open and edit. */
  previous: { version: number; round: number; files: TFileLink[] } | null;
}) {
  const router = useRouter();
  const inputId = useId();
  const { input, chosen, choose, progress, error, upload: send } = useFileUpload(agencySlug, () => router.refresh());
  const UI = REALIZATION_FORM_WORDS.ui;
  const upload = () => send(() => ({ taskId }));

  const busy = progress !== null;
  return (
    <fieldset className="space-y-2 rounded-md border border-dashed border-slate-300 p-3" data-testid="task-files">
      <legend className="px-1 text-sm font-semibold text-slate-900">{V.uploadTitle}</legend>
      {previous ? (
        <div data-testid="task-files-previous">
          <p className="text-sm font-medium text-slate-800">{V.replacing(previous.version, previous.round)}</p>
          <ul className="text-sm">
            {previous.files.map((f) => (
              <VersionFile key={f.id} file={f} />
            ))}
          </ul>
        </div>
      ) : null}
      {files.length ? (
        <div data-testid="task-files-current">
          <p className="text-sm font-medium text-slate-800">{V.thisRound(version)}</p>
          <ul className="text-sm">
            {files.map((f) => (
              <VersionFile key={f.id} file={f} />
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{V.noneYet}</p>
      )}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".docx,.pdf,.xlsx,.jpg,.jpeg,.png,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,image/jpeg,image/png"
          aria-describedby={`${inputId}-hint`}
          disabled={busy}
          onChange={(e) => {
            choose(e.target.files?.[0] ?? null);
          }}
          className="peer sr-only"
          data-testid="task-file-input"
        />
        <label
          htmlFor={inputId}
          className="inline-flex min-h-11 shrink-0 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 hover:bg-slate-100"
        >
          <Paperclip aria-hidden className="size-4" />
          {V.choose}
        </label>
        <span className="min-w-0 flex-1 truncate text-sm text-slate-700">{chosen ? chosen.name : UI.noFileChosen}</span>
        <Button type="button" variant="secondary" onClick={upload} disabled={!chosen || busy} className="min-h-11" data-testid="task-file-upload">
          <Upload aria-hidden className="size-4" />
          {busy ? UI.uploading(progress) : V.upload}
        </Button>
      </div>
      <p id={`${inputId}-hint`} className="text-xs text-slate-600">
        {V.uploadHint(version)}
      </p>
      {busy ? (
        <div role="progressbar" aria-label={UI.uploading(progress)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${progress}%` }} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
