"use client";

import { FileText } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";

import { fileSizeLabel } from "@/components/performance/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { textareaClass } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { closeFollowUpAction, reopenFollowUpAction } from "@/lib/followup/actions";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/messages";
import { postFile } from "@/lib/storage/post-file";

export interface TFollowUpItemProps {
  agencySlug: string;
  item: {
    id: string;
    recommendation: string;
    status: "OPEN" | "DONE";
    source: "CYCLE" | "MANUAL" | "LKE";
    overdue: boolean;
    dueLabel: string;
    unitName: string;
    cycle: { id: string; label: string } | null;
    createdLine: string;
    closedLine: string | null;
    closeNote: string | null;
    noFileReason: string | null;
    reopenedLine: string | null;
    files: { id: string; originalName: string; size: number }[];
    canClose: boolean;
    canManage: boolean;
  };
}

/** A plain submit handler: a form `action` would reset what was typed when the server refuses it. */
const onSubmit = (submit: (form: FormData) => void) => (e: FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  submit(new FormData(e.currentTarget));
};


/** One follow-up: its state, evidence, and (for those allowed) closing or reopening. */
export function FollowUpItem({ agencySlug, item }: TFollowUpItemProps) {
  return (
    <li id={`fu-${item.id}`} className="space-y-2 py-4" data-testid={`followup-${item.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        {item.status === "DONE" ? <Badge tone="success">{M.status.DONE}</Badge> : <Badge tone="info">{M.status.OPEN}</Badge>}
        {item.overdue ? <Badge tone="danger">{M.overdue}</Badge> : null}
        <span className="text-sm text-slate-700">{item.unitName}</span>
        <span className="text-sm text-slate-700">· {item.dueLabel}</span>
      </div>
      <p className="break-words whitespace-pre-wrap text-slate-900">{item.recommendation}</p>
      <p className="text-xs text-slate-600">
        {item.cycle ? (
          <Link href={`/a/${agencySlug}/cycles/${item.cycle.id}`} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
            {M.fromCycle(item.cycle.label)}
          </Link>
        ) : (
          M.source[item.source]
        )}
      </p>
      <p className="text-xs text-slate-600">{item.createdLine}</p>
      {item.reopenedLine ? <p className="text-sm text-amber-900">{item.reopenedLine}</p> : null}
      {item.closedLine ? (
        <div className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm">
          <p className="text-slate-700">{item.closedLine}</p>
          {item.closeNote ? <p className="break-words whitespace-pre-wrap text-slate-900">{item.closeNote}</p> : null}
          {item.noFileReason ? <p className="text-slate-700">{M.noFileGiven(item.noFileReason)}</p> : null}
        </div>
      ) : null}
      {item.files.length ? (
        <ul className="space-y-1" aria-label={M.evidence}>
          {item.files.map((f) => (
            <li key={f.id} className="flex min-w-0 items-center gap-2 text-sm">
              <FileText aria-hidden className="size-4 shrink-0 text-slate-500" />
              <a href={`/a/${agencySlug}/files/${f.id}`} className="inline-flex min-h-11 min-w-0 items-center truncate text-brand-800 underline underline-offset-2">
                {f.originalName}
              </a>
              <span className="shrink-0 text-xs text-slate-600">{fileSizeLabel(f.size)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {item.canClose ? <CloseForm agencySlug={agencySlug} followUpId={item.id} hasFiles={item.files.length > 0} /> : null}
      {item.status === "DONE" && item.canManage ? <ReopenForm agencySlug={agencySlug} followUpId={item.id} /> : null}
    </li>
  );
}

function CloseForm({ agencySlug, followUpId, hasFiles }: { agencySlug: string; followUpId: string; hasFiles: boolean }) {
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [noFile, setNoFile] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});

  if (!open) {
    return (
      <Button type="button" variant="secondary" className="min-h-11" onClick={() => setOpen(true)}>
        {M.close}
      </Button>
    );
  }

  async function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append("file", file);
    form.append("followUpId", followUpId);
    setUploading(true);
    try {
      const { status, body } = await postFile<{ id: string; name: string } | { error: string }>(`/a/${agencySlug}/files`, form, () => {});
      if (status >= 200 && status < 300 && body && "id" in body) {
        toast.success(PERFORMANCE_MESSAGES.ui.uploaded(body.name));
        if (fileInput.current) fileInput.current.value = "";
        router.refresh();
      } else toast.error(body && "error" in body ? body.error : PERFORMANCE_MESSAGES.ui.uploadFailed);
    } catch {
      toast.error(PERFORMANCE_MESSAGES.ui.uploadFailed);
    } finally {
      setUploading(false);
    }
  }

  function submit(form: FormData) {
    start(async () => {
      const result = await closeFollowUpAction(agencySlug, {
        followUpId,
        note: String(form.get("note") ?? ""),
        noFile,
        noFileReason: noFile ? String(form.get("noFileReason") ?? "") : "",
      });
      if (result.ok) {
        toast.success(M.closed);
        setOpen(false);
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
      }
    });
  }
  const err = (k: string) => errors[k]?.[0];
  return (
    <form onSubmit={onSubmit(submit)} className="space-y-3 rounded-md border border-dashed border-slate-300 p-3" noValidate>
      <Field id={`${id}-file`} label={M.evidence} hint={M.uploadHint} error={err("files")}>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".pdf,.xlsx,.docx,.jpg,.jpeg,.png"
            aria-describedby={err("files") ? `${id}-file-error` : `${id}-file-hint`}
            disabled={uploading}
            className="block min-h-11 w-full text-sm"
          />
          <Button type="button" variant="secondary" className="min-h-11" disabled={uploading} onClick={upload}>
            {uploading ? "Mengunggah…" : PERFORMANCE_MESSAGES.ui.upload}
          </Button>
        </div>
      </Field>
      <Field id={`${id}-note`} label={M.note} error={err("note")}>
        <textarea id={`${id}-note`} name="note" rows={3} className={textareaClass} aria-invalid={Boolean(err("note"))} />
      </Field>
      {hasFiles ? null : (
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="size-5" checked={noFile} onChange={(e) => setNoFile(e.target.checked)} />
          {M.noFile}
        </label>
      )}
      {noFile && !hasFiles ? (
        <Field id={`${id}-nofile`} label={M.noFileReason} error={err("noFileReason")}>
          <textarea id={`${id}-nofile`} name="noFileReason" rows={2} className={textareaClass} aria-invalid={Boolean(err("noFileReason"))} />
        </Field>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || uploading} className="min-h-11">
          {pending ? M.closing : M.close}
        </Button>
        <Button type="button" variant="ghost" className="min-h-11" onClick={() => setOpen(false)}>
          Batal
        </Button>
      </div>
    </form>
  );
}

function ReopenForm({ agencySlug, followUpId }: { agencySlug: string; followUpId: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | undefined>();
  if (!open) {
    return (
      <Button type="button" variant="secondary" className="min-h-11" onClick={() => setOpen(true)}>
        {M.reopen}
      </Button>
    );
  }
  function submit(form: FormData) {
    start(async () => {
      const result = await reopenFollowUpAction(agencySlug, { followUpId, reason: String(form.get("reason") ?? "") });
      if (result.ok) {
        toast.success(M.reopened);
        setOpen(false);
        router.refresh();
      } else {
        setError(result.fieldErrors?.reason?.[0] ?? result.error);
        toast.error(result.error);
      }
    });
  }
  return (
    <form onSubmit={onSubmit(submit)} className="space-y-2" noValidate>
      <Field id={`${id}-reason`} label={M.reason} error={error}>
        <textarea id={`${id}-reason`} name="reason" rows={2} className={textareaClass} aria-invalid={Boolean(error)} />
      </Field>
      <Button type="submit" disabled={pending} className="min-h-11">
        {M.reopen}
      </Button>
    </form>
  );
}
