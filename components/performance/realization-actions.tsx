"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { saveRealizationAction } from "@/lib/performance/actions";
import { REALIZATION_CONFIRM_WORDS, REALIZATION_TAP_WORDS } from "@/lib/performance/confirm-words";
import type { TPlausibilityCode, TPlausibilityWarning } from "@/lib/performance/plausibility";
import { UNEXPECTED_ERROR } from "@/lib/i18n/unexpected";

/**
 * What the realization form does after a tap, fetched with the live capaian (the first focus,
 * keystroke or button: components/performance/realization-form.tsx) instead of with the page
 * (docs/decisions/058-sop-and-realization-first-load.md): the server action's call and the
 * placing of its field errors, and the confirmation before Kirim or a doubtful value.
 */

/** The words the form shows after a tap (saved, sent, the value missing, the draft made for an upload). */
export const WORDS = REALIZATION_TAP_WORDS;

export const REALIZATION_FIELDS = ["value", "faktorPendorong", "faktorPenghambat", "tindakLanjut"] as const;
export type TRealizationErrors = Partial<Record<(typeof REALIZATION_FIELDS)[number] | "root", string>>;

/**
 * Saves through the server action (which parses the raw text again) and says so in a toast
 * (none when `quiet`). The realization's id, or the errors to show: on their fields when the
 * server names them, else as the form's error (the toast repeats the server's message).
 */
export async function sendRealization(
  agencySlug: string,
  input: Parameters<typeof saveRealizationAction>[1],
  quiet = false,
): Promise<{ id: string } | { errors: TRealizationErrors }> {
  const result = await saveRealizationAction(agencySlug, input).catch(() => null);
  if (result?.ok) {
    if (!quiet) toast.success(input.submit ? WORDS.submitted : WORDS.saved);
    return { id: result.data.id };
  }
  toast.error(result ? result.error : UNEXPECTED_ERROR);
  if (!result) return { errors: { root: UNEXPECTED_ERROR } };
  const placed: TRealizationErrors = {};
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const field = REALIZATION_FIELDS.find((f) => f === key);
    if (field && messages[0] && !placed[field]) placed[field] = messages[0];
  }
  return { errors: Object.keys(placed).length ? placed : { root: result.error } };
}

export interface TConfirming {
  submit: boolean;
  warnings: TPlausibilityWarning[];
  body: string;
  words: { confirmTitle: string; confirmAction: string; fixAction: string; confirmIntro: string };
}

/** Asks before Kirim (it cannot be taken back) and before saving a value with warnings. */
export function RealizationConfirm({
  confirming,
  indicatorCode,
  quarterShort,
  hasEvidence,
  onClose,
  onConfirm,
}: {
  confirming: TConfirming | null;
  indicatorCode: string;
  quarterShort: string;
  hasEvidence: boolean;
  onClose: () => void;
  onConfirm: (submit: boolean, confirmed: TPlausibilityCode[]) => void;
}) {
  const UI = REALIZATION_CONFIRM_WORDS;
  return (
    <ConfirmDialog
      open={confirming !== null}
      onOpenChange={(open) => (open ? null : onClose())}
      title={confirming?.submit ? UI.confirmSubmit.title(indicatorCode, quarterShort) : confirming?.words.confirmTitle ?? ""}
      confirmLabel={confirming?.submit ? UI.confirmSubmit.confirm : confirming?.words.confirmAction ?? ""}
      cancelLabel={confirming?.warnings.length ? confirming.words.fixAction : UI.confirmSubmit.cancel}
      onConfirm={() => {
        const c = confirming;
        onClose();
        if (c) onConfirm(c.submit, c.warnings.map((w) => w.code));
      }}
      testId="confirm-realization"
    >
      {confirming?.warnings.length ? (
        <>
          <p className="font-medium text-amber-950">{confirming.words.confirmIntro}</p>
          <ul className="list-disc space-y-1 pl-5" data-testid="confirm-warnings">
            {confirming.warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {confirming?.submit && !hasEvidence ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="confirm-no-evidence">
          {UI.confirmSubmit.noEvidence}
        </p>
      ) : null}
      {confirming?.submit ? <p>{confirming.body}</p> : null}
    </ConfirmDialog>
  );
}
