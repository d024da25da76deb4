"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { Paperclip, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Textarea } from "@/components/cycle/textarea";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { applyErrors } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/authz/action";
import { t } from "@/lib/i18n";
import {
  completeLkeReviewAction,
  createLkeAction,
  createLkeFollowUpAction,
  lockLkeAction,
  returnLkeAction,
  saveLkeAnswerAction,
  saveLkeReviewAction,
  submitLkeAction,
  verifyLkeAction,
} from "@/lib/lke/actions";
import { LKE_MESSAGES } from "@/lib/lke/messages";
import { ZLkeFollowUp, ZLkeReturn, ZLkeReviewAnswer, ZLkeSelfAnswer } from "@/lib/lke/schemas";
import type { TLkeScaleOption } from "@/lib/lke/structure";

const M = LKE_MESSAGES.ui;

/** The action's outcome as a toast and a refresh; false when refused (the caller shows why). */
function useOutcome() {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  return {
    refreshing,
    async run<T>(call: () => Promise<ActionResult<T>>, success: string, onRefused?: (r: Extract<ActionResult<T>, { ok: false }>) => void) {
      const result = await call().catch(() => null);
      if (!result) {
        toast.error(t.errors.unexpected);
        return false;
      }
      if (!result.ok) {
        onRefused?.(result);
        toast.error(result.error);
        return false;
      }
      toast.success(success);
      startRefresh(() => router.refresh());
      return true;
    },
  };
}

/** "Buat evaluasi LKE tahun N": copies the edition's structure into the year. */
export function LkeCreateButton({ agencySlug, year }: { agencySlug: string; year: number }) {
  const { run, refreshing } = useOutcome();
  const [pending, start] = useTransition();
  return (
    <Button type="button" disabled={pending || refreshing} onClick={() => start(async () => void (await run(() => createLkeAction(agencySlug, { year }), M.created)))}>
      {pending ? M.saving : M.create(year)}
    </Button>
  );
}

type TStep = "submit" | "verify" | "complete" | "lock";
const STEPS: Record<TStep, { label: string; title: string; body: string; done: string }> = {
  submit: { label: M.submit, title: M.submitTitle, body: M.submitBody, done: M.submitted },
  verify: { label: M.verify, title: M.verifyTitle, body: M.verifyBody, done: M.verified },
  complete: { label: M.completeReview, title: M.completeTitle, body: M.completeBody, done: M.completed },
  lock: { label: M.lock, title: M.lockTitle, body: M.lockBody, done: M.locked },
};

/** The next status step the viewer may take (submit, verify, complete the review, lock), asked for first. */
export function LkeStepButton({ agencySlug, year, step }: { agencySlug: string; year: number; step: TStep }) {
  const { run, refreshing } = useOutcome();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const s = STEPS[step];
  const action = { submit: submitLkeAction, verify: verifyLkeAction, complete: completeLkeReviewAction, lock: lockLkeAction }[step];
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" variant={step === "lock" ? "danger" : "default"} disabled={pending || refreshing} onClick={() => setOpen(true)} data-testid={`lke-${step}`}>
        {pending ? M.saving : s.label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={s.title}
        confirmLabel={s.label}
        tone={step === "lock" ? "danger" : "default"}
        onConfirm={() =>
          start(async () => {
            setError(null);
            await run(() => (action as (slug: string, input: { year: number }) => Promise<ActionResult<unknown>>)(agencySlug, { year }), s.done, (r) => setError(r.error));
          })
        }
      >
        <p>{s.body}</p>
      </ConfirmDialog>
    </div>
  );
}

type TReturnIn = z.input<typeof ZLkeReturn>;
type TReturnOut = z.output<typeof ZLkeReturn>;

/**
 * The verifier or the reviewer returns the evaluation to the agency with a reason (decision 046):
 * the notes per criterion stay; the agency revises and submits again.
 */
export function LkeReturnForm({ agencySlug, year }: { agencySlug: string; year: number }) {
  const { run, refreshing } = useOutcome();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<TReturnIn, unknown, TReturnOut>({ resolver: zodResolver(ZLkeReturn), defaultValues: { year, reason: "" } });
  if (!open)
    return (
      <Button type="button" variant="secondary" className="min-h-11" onClick={() => setOpen(true)} data-testid="lke-return-open">
        {M.returnOpen}
      </Button>
    );
  return (
    <form
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
      data-testid="lke-return-form"
      onSubmit={handleSubmit((values) =>
        start(async () => {
          const ok = await run(() => returnLkeAction(agencySlug, values), M.returned, (r) => applyErrors<TReturnIn>(setError, r));
          if (ok) {
            reset({ year, reason: "" });
            setOpen(false);
          }
        }),
      )}
    >
      <Field id={`${id}-reason`} label={M.returnReason} error={errors.reason?.message} hint={M.returnHint}>
        <Textarea id={`${id}-reason`} rows={3} aria-invalid={Boolean(errors.reason)} {...register("reason")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="min-h-11" disabled={pending || refreshing}>
          {pending ? M.saving : M.returnSubmit}
        </Button>
        <Button type="button" variant="secondary" className="min-h-11" onClick={() => setOpen(false)}>
          {M.cancel}
        </Button>
      </div>
    </form>
  );
}

export interface TSuggestion {
  title: string;
  detail: string;
  href: string;
  met: boolean;
}

type TSelfIn = z.input<typeof ZLkeSelfAnswer>;
type TSelfOut = z.output<typeof ZLkeSelfAnswer>;

/**
 * The agency's answer to one criterion: the answer on its scale, the justification and
 * the evidence links, with the evidence the system suggests beside it (one tap attaches).
 */
export function LkeSelfForm({
  agencySlug,
  year,
  code,
  scale,
  answer,
  justification,
  links,
  suggestions,
}: {
  agencySlug: string;
  year: number;
  code: string;
  scale: TLkeScaleOption[];
  answer: string | null;
  justification: string;
  links: string[];
  suggestions: TSuggestion[];
}) {
  const id = useId();
  const { run, refreshing } = useOutcome();
  const [newLink, setNewLink] = useState("");
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TSelfIn, unknown, TSelfOut>({
    resolver: zodResolver(ZLkeSelfAnswer),
    defaultValues: { year, criterionCode: code, answer, justification, evidenceLinks: links },
  });
  const current = useWatch({ control, name: "evidenceLinks" }) ?? [];
  const attach = (href: string) => {
    const h = href.trim();
    if (h && !current.includes(h)) setValue("evidenceLinks", [...current, h], { shouldDirty: true });
  };
  const linkError = errors.evidenceLinks?.message ?? (Array.isArray(errors.evidenceLinks) ? errors.evidenceLinks.find(Boolean)?.message : undefined);

  async function onSubmit(values: TSelfOut) {
    await run(() => saveLkeAnswerAction(agencySlug, values), M.saved, (r) => applyErrors<TSelfIn>(setError, r));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]" aria-label={`${M.answer} ${code}`} data-testid={`lke-self-${code}`}>
      <div className="space-y-3">
        {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{M.answer}</legend>
          <div className="flex flex-wrap gap-2">
            {scale.map((o) => (
              <label key={o.code} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                <input type="radio" value={o.code} {...register("answer")} />
                {o.label}
              </label>
            ))}
          </div>
          {errors.answer?.message ? (
            <p role="alert" className="text-sm text-red-700">
              {errors.answer.message}
            </p>
          ) : null}
        </fieldset>
        <Field id={`${id}-just`} label={M.justification} error={errors.justification?.message}>
          <Textarea id={`${id}-just`} rows={3} aria-invalid={Boolean(errors.justification)} {...register("justification")} />
        </Field>
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">{M.links}</p>
          {current.length > 0 ? (
            <ul className="space-y-1 text-sm" data-testid={`lke-links-${code}`}>
              {current.map((l) => (
                <li key={l} className="flex items-center gap-2">
                  <a href={l} className="min-w-0 truncate text-brand-800 underline underline-offset-2">
                    {l}
                  </a>
                  <Button type="button" variant="ghost" size="sm" aria-label={`${M.linkRemove} ${l}`} onClick={() => setValue("evidenceLinks", current.filter((x) => x !== l), { shouldDirty: true })}>
                    <X aria-hidden className="size-4" />
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="flex gap-2">
            <Input aria-label={M.linkAdd} placeholder={M.linkPlaceholder} value={newLink} onChange={(e) => setNewLink(e.target.value)} className="min-h-11" />
            <Button
              type="button"
              variant="secondary"
              className="min-h-11"
              onClick={() => {
                attach(newLink);
                setNewLink("");
              }}
            >
              {M.linkAdd}
            </Button>
          </div>
          {linkError ? (
            <p role="alert" className="text-sm text-red-700">
              {linkError}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={isSubmitting || refreshing} className="min-h-11 w-full sm:w-auto">
          {isSubmitting ? M.saving : M.save}
        </Button>
      </div>
      <Suggestions suggestions={suggestions} attached={current} onAttach={attach} />
    </form>
  );
}

function Suggestions({ suggestions, attached, onAttach }: { suggestions: TSuggestion[]; attached?: string[]; onAttach?: (href: string) => void }) {
  if (suggestions.length === 0) return <div />;
  return (
    <aside className="space-y-2 rounded-md bg-slate-50 p-3 text-sm" aria-label={M.suggested}>
      <p className="font-medium text-slate-800">{M.suggested}</p>
      <ul className="space-y-2">
        {suggestions.map((e, i) => (
          <li key={i} className="space-y-1">
            <a href={e.href} className="font-medium text-brand-800 underline underline-offset-2">
              {e.title}
            </a>
            <p className="text-slate-700">
              {e.met ? "✓ " : ""}
              {e.detail}
            </p>
            {onAttach ? (
              attached?.includes(e.href) ? (
                <p className="text-xs text-green-800">{M.attached}</p>
              ) : (
                <Button type="button" variant="secondary" size="sm" className="min-h-11" onClick={() => onAttach(e.href)}>
                  <Paperclip aria-hidden className="size-4" />
                  {M.attach}
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}

export { Suggestions as LkeSuggestions };

type TReviewIn = z.input<typeof ZLkeReviewAnswer>;
type TReviewOut = z.output<typeof ZLkeReviewAnswer>;

/** The Inspektorat's answer (empty: agrees with the agency's) and note on one criterion. */
export function LkeReviewForm({ agencySlug, year, code, scale, answer, note }: { agencySlug: string; year: number; code: string; scale: TLkeScaleOption[]; answer: string | null; note: string }) {
  const id = useId();
  const { run, refreshing } = useOutcome();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TReviewIn, unknown, TReviewOut>({ resolver: zodResolver(ZLkeReviewAnswer), defaultValues: { year, criterionCode: code, answer: answer ?? "", note } });

  async function onSubmit(values: TReviewOut) {
    const input = { ...values, answer: values.answer ? values.answer : null };
    await run(() => saveLkeReviewAction(agencySlug, input), M.reviewSaved, (r) => applyErrors<TReviewIn>(setError, r));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3 border-t border-slate-200 pt-3" aria-label={`${M.reviewerAnswer} ${code}`} data-testid={`lke-review-${code}`}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id={`${id}-ans`} label={M.reviewerAnswer} error={errors.answer?.message}>
        <Select id={`${id}-ans`} className="min-h-11" {...register("answer")}>
          <option value="">{M.reviewerSame}</option>
          {scale.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-note`} label={M.reviewerNote} error={errors.note?.message}>
        <Textarea id={`${id}-note`} rows={2} aria-invalid={Boolean(errors.note)} {...register("note")} />
      </Field>
      <Button type="submit" disabled={isSubmitting || refreshing} className="min-h-11 w-full sm:w-auto">
        {isSubmitting ? M.saving : M.save}
      </Button>
    </form>
  );
}

type TFollowIn = z.input<typeof ZLkeFollowUp>;
type TFollowOut = z.output<typeof ZLkeFollowUp>;

/** A reviewer's note made a tracked follow-up: owner unit and due date (decision 036). */
export function LkeFollowUpForm({ agencySlug, year, code, note, units, defaultDue }: { agencySlug: string; year: number; code: string; note: string; units: { id: string; name: string }[]; defaultDue: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const { run, refreshing } = useOutcome();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TFollowIn, unknown, TFollowOut>({
    resolver: zodResolver(ZLkeFollowUp),
    defaultValues: { year, criterionCode: code, recommendation: note.slice(0, 2000), unitId: "", dueDate: defaultDue },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" className="min-h-11" onClick={() => setOpen(true)}>
        {M.followUp}
      </Button>
    );
  async function onSubmit(values: TFollowOut) {
    await run(() => createLkeFollowUpAction(agencySlug, values), M.followUpCreated, (r) => applyErrors<TFollowIn>(setError, r));
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={`${M.followUp} ${code}`} data-testid={`lke-followup-${code}`}>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id={`${id}-rec`} label="Rekomendasi" error={errors.recommendation?.message}>
        <Textarea id={`${id}-rec`} rows={2} aria-invalid={Boolean(errors.recommendation)} {...register("recommendation")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-unit`} label="Unit penanggung jawab" error={errors.unitId?.message}>
          <Select id={`${id}-unit`} className="min-h-11" aria-invalid={Boolean(errors.unitId)} {...register("unitId")}>
            <option value="">— Pilih unit —</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-due`} label="Tenggat" error={errors.dueDate?.message}>
          <Input id={`${id}-due`} type="date" className="min-h-11" aria-invalid={Boolean(errors.dueDate)} {...register("dueDate")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting || refreshing} className="min-h-11 w-full sm:w-auto">
        {isSubmitting ? M.saving : M.followUp}
      </Button>
    </form>
  );
}

/** Prints the page (the print CSS hides the forms and controls). */
export function LkePrintButton() {
  return (
    <Button type="button" variant="secondary" className="min-h-11" onClick={() => window.print()}>
      {M.print}
    </Button>
  );
}
