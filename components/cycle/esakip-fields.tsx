"use client";

import { Paperclip, Upload } from "lucide-react";
import { useId } from "react";

import { useFileUpload } from "@/components/performance/evidence";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ESAKIP_MESSAGES as E } from "@/lib/cycle/messages";

type TRegistered = React.InputHTMLAttributes<HTMLInputElement> & { name: string };

/**
 * The archive step's record of the upload to the national e-SAKIP
 * application: the day, the reference number, and the receipt, uploaded to
 * the task first (multipart to /a/<slug>/files with the task id); its file id
 * goes with the form (`onReceipt`).
 */
export function EsakipFields({
  agencySlug,
  taskId,
  date,
  reference,
  errors,
  receipt,
  onReceipt,
}: {
  agencySlug: string;
  taskId: string;
  date: TRegistered;
  reference: TRegistered;
  errors: { date?: string; reference?: string; receipt?: string };
  receipt: { id: string; name: string } | null;
  onReceipt: (file: { id: string; name: string }) => void;
}) {
  const inputId = useId();
  const { input, chosen, choose, progress, error, upload: send } = useFileUpload(agencySlug, onReceipt);
  const upload = () => send(() => ({ taskId }));

  const receiptError = error ?? errors.receipt;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="esakip-fields">
      <legend className="px-1 text-sm font-semibold text-slate-900">{E.legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="task-esakipUploadedAt" label={E.dateLabel} error={errors.date}>
          <Input
            id="task-esakipUploadedAt"
            type="date"
            aria-invalid={Boolean(errors.date)}
            aria-describedby={errors.date ? "task-esakipUploadedAt-error" : undefined}
            {...date}
          />
        </Field>
        <Field id="task-esakipReference" label={E.referenceLabel} hint={E.referenceHint} error={errors.reference}>
          <Input
            id="task-esakipReference"
            autoComplete="off"
            aria-invalid={Boolean(errors.reference)}
            aria-describedby={errors.reference ? "task-esakipReference-error" : "task-esakipReference-hint"}
            {...reference}
          />
        </Field>
      </div>
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {E.receiptLabel}
        </label>
        <p className="text-xs text-slate-600">{E.receiptHint}</p>
        {receipt ? (
          <p className="flex items-center gap-2 text-sm text-slate-800" data-testid="esakip-receipt">
            <Paperclip aria-hidden className="size-4 text-slate-500" />
            <a href={`/a/${agencySlug}/files/${receipt.id}`} className="text-brand-700 underline underline-offset-2">
              {E.receiptUploaded(receipt.name)}
            </a>
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            className="max-w-full text-sm file:mr-2 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3"
            aria-invalid={Boolean(receiptError)}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          <Button type="button" variant="secondary" disabled={!chosen || progress !== null} onClick={upload}>
            <Upload aria-hidden className="size-4" />
            {progress !== null ? `${progress}%` : E.receiptUpload}
          </Button>
        </div>
        {receiptError ? (
          <p role="alert" className="text-sm text-red-700">
            {receiptError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
