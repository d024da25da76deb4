"use client";

import { Check, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { taskAction } from "@/lib/cycle/actions";
import { CYCLE_MESSAGES as M } from "@/lib/cycle/messages";
import type { TTaskOffer } from "@/lib/cycle/task-rules";
import type { TTaskEventType } from "@/lib/cycle/workflow";
import { UNEXPECTED_ERROR, unansweredMessage } from "@/lib/i18n/unexpected";

import { placeFieldErrors, SUCCESS, type TErrors, type TGateWords } from "./task-form-shared";
import { Textarea } from "./textarea";

export interface DecisionTaskFormProps {
  agencySlug: string;
  cycleId: string;
  taskId: string;
  stepNumber: number;
  offers: TTaskOffer[];
  returnUnits: { id: string; name: string }[] | null;
  /** The snapshot decided on: its hash goes back with the decision. */
  snapshotHash: string | null;
  /** The snapshot's unverified values, said in the confirmation (null: none). */
  unverifiedNote: string | null;
  gate: TGateWords;
}

/** Decision steps (REVIEW, APPROVAL): the reason and "Ya" / "Tidak". */
export function DecisionTaskForm({ agencySlug, cycleId, taskId, stepNumber, offers, returnUnits, snapshotHash, unverifiedNote, gate }: DecisionTaskFormProps) {
  const router = useRouter();
  const [sending, setSending] = useState<TTaskEventType | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const [errors, setErrors] = useState<TErrors>({});
  const [rootError, setRootError] = useState<string | null>(null);
  const [confirmApprove, setConfirmApprove] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const offered = (event: "APPROVE" | "RETURN") => offers.find((o) => o.event === event);
  // "Ya" on the step that archives the quarter closes the cycle too.
  const closesCycle = Boolean(offered("APPROVE")?.requires.archiveGate);
  // The head deciding "Ya" on the step that archives a quarter over unverified values writes a note.
  const noteOffered = offers.some((o) => o.requires.archiveNote);

  /** The decision, checked by the server (a reason to return, the head's archive note): its field errors land on the fields. */
  async function decide(offer: TTaskOffer) {
    if (sending || refreshing || !form.current) return;
    const data = new FormData(form.current);
    const text = (name: string) => String(data.get(name) ?? "");
    const event = offer.event;
    setSending(event);
    let unanswered = UNEXPECTED_ERROR;
    const result = await taskAction(agencySlug, {
      cycleId,
      taskId,
      event,
      comment: text("comment") || undefined,
      archiveNote: offer.requires.archiveNote ? text("archiveNote") : undefined,
      returnUnitId: event === "RETURN" && text("returnUnitId") ? text("returnUnitId") : undefined,
      snapshotHash: snapshotHash ?? undefined,
    }).catch((error: unknown) => {
      unanswered = unansweredMessage(error);
      return null;
    });
    if (result?.ok) {
      setErrors({});
      setRootError(null);
      toast.success(SUCCESS[event]);
      // The buttons stay disabled ("Mengirim…") until the refreshed page replaces this form.
      startRefresh(() => router.refresh());
      return;
    }
    setSending(null);
    if (!result) {
      setRootError(unanswered);
      toast.error(unanswered);
      return;
    }
    const placed = placeFieldErrors(result.fieldErrors, ["comment", "archiveNote"]);
    setErrors(placed);
    setRootError(Object.keys(placed).length ? null : result.error);
    // The field says it already (the server's first field error is its message): no second copy in a toast.
    if (!Object.values(placed).includes(result.error)) toast.error(result.error);
    // The data changed since the page opened: the refreshed page shows the new snapshot to decide on.
    if (result.fieldErrors?.snapshotHash) startRefresh(() => router.refresh());
  }

  const busy = sending !== null || refreshing;
  return (
    <form ref={form} onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4" aria-label={M.ui.actionTitle}>
      {rootError ? <Alert>{rootError}</Alert> : null}
      <Field id="task-comment" label={M.ui.fieldDecisionComment} hint={M.ui.fieldDecisionCommentHint} error={errors.comment}>
        <Textarea
          id="task-comment"
          name="comment"
          rows={2}
          maxLength={5_000}
          className="min-h-16"
          aria-invalid={Boolean(errors.comment)}
          aria-describedby={errors.comment ? "task-comment-error" : "task-comment-hint"}
        />
      </Field>
      {returnUnits && offered("RETURN") ? (
        <Field id="task-returnUnitId" label={M.ui.returnUnit} hint={M.ui.returnUnitHint}>
          <select id="task-returnUnitId" name="returnUnitId" aria-describedby="task-returnUnitId-hint" className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base">
            <option value="">{M.ui.returnUnitAll}</option>
            {returnUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {noteOffered ? (
        <Field id="task-archiveNote" label={gate.noteLabel} hint={gate.noteHint} error={errors.archiveNote}>
          <Textarea
            id="task-archiveNote"
            name="archiveNote"
            rows={3}
            maxLength={2_000}
            aria-invalid={Boolean(errors.archiveNote)}
            aria-describedby={errors.archiveNote ? "task-archiveNote-error" : "task-archiveNote-hint"}
          />
        </Field>
      ) : null}
      <div className="grid gap-3 sm:flex sm:flex-wrap">
        {offered("APPROVE") ? (
          <Button type="button" size="lg" disabled={busy} onClick={() => setConfirmApprove(true)} className="bg-green-700 hover:bg-green-800">
            <Check aria-hidden className="size-5" />
            {sending === "APPROVE" ? M.ui.sending : M.ui.approve}
          </Button>
        ) : null}
        {offered("RETURN") ? (
          <Button
            type="button"
            size="lg"
            variant="secondary"
            disabled={busy}
            onClick={() => void decide(offered("RETURN")!)}
            className="border-amber-500 text-amber-900 hover:bg-amber-50"
          >
            <Undo2 aria-hidden className="size-5" />
            {sending === "RETURN" ? M.ui.sending : M.ui.returnBack}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmApprove}
        onOpenChange={setConfirmApprove}
        title={M.ui.confirmApprove.title(stepNumber)}
        confirmLabel={M.ui.confirmApprove.confirm}
        cancelLabel={M.ui.confirmCancel}
        onConfirm={() => {
          setConfirmApprove(false);
          const offer = offered("APPROVE");
          if (offer) void decide(offer);
        }}
        testId="confirm-approve"
      >
        <p>{M.ui.confirmApprove.body}</p>
        {closesCycle ? <p className="font-medium">{M.ui.confirmApprove.bodyArchives}</p> : null}
        {unverifiedNote ? (
          <p className="font-medium text-amber-900" data-testid="confirm-unverified">
            {unverifiedNote}
          </p>
        ) : null}
      </ConfirmDialog>
    </form>
  );
}
