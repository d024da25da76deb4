"use client";

import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@/lib/validation/zod-resolver";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import {
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  useFormState,
  useWatch,
  type FieldError,
  type FieldPath,
  type Resolver,
} from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { t } from "@/lib/i18n";
import { createSopAction, updateSopDraftAction } from "@/lib/sop/actions";
import { SOP_EDITOR_MESSAGES as M, SOP_SERVICE_MESSAGES } from "@/lib/sop/messages";
import { defaultMeasuresPerformance } from "@/lib/sop/measures-performance";
import { ZSopInput } from "@/lib/sop/schemas";
import { parseSopInput } from "@/lib/sop/validate";

import { FormField, ListField, Textarea } from "./editor-fields";
import {
  collectErrors,
  emptyStep,
  fieldIdForPath,
  formErrorKey,
  labelForPath,
  renumberSteps,
  type TEditorRole,
  type TSopFormValues,
} from "./editor-model";
import { EditorPreview } from "./editor-preview";
import { StepCard } from "./editor-step-card";

type TIn = z.input<typeof ZSopInput>;
type TOut = z.output<typeof ZSopInput>;

/**
 * The schema first (zodResolver, field by field), then the whole-document rules of
 * parseSopInput (numbering, branch targets, reachability, the agency's roles), so the
 * server sees only what it would accept; it checks everything again anyway.
 */
function sopResolver(roleCodes: readonly string[]): Resolver<TIn, unknown, TOut> {
  const schema = zodResolver(ZSopInput);
  return async (values, context, options) => {
    const result = await schema(values, context, options);
    if (Object.keys(result.errors).length > 0) return result;
    const whole = parseSopInput(values, roleCodes);
    if (whole.ok) return { values: whole.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [key, messages] of Object.entries(whole.fieldErrors)) {
      const path = formErrorKey(key);
      flat[path] ??= { type: "document", message: messages[0] };
    }
    return { values: {}, errors: toNestErrors<TIn>(flat, options) };
  };
}

export interface SopEditorProps {
  agencySlug: string;
  /** The agency's roles that may execute a step, in the agency's order. */
  roles: TEditorRole[];
  initial: TSopFormValues;
  /** Set when editing a saved draft; otherwise the editor creates a new SOP. */
  sopId?: string;
  cancelHref: string;
  /** Shown above the form (e.g. where pasted steps came from). */
  notice?: ReactNode;
  /** Names of the agency's active units, offered to an every-unit step as a chosen list. */
  units?: string[];
}

export function SopEditor({ agencySlug, roles, initial, sopId, cancelHref, notice, units = [] }: SopEditorProps) {
  const router = useRouter();
  const [redirecting, startRedirect] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const resolver = useMemo(() => sopResolver(roles.map((r) => r.code)), [roles]);

  const methods = useForm<TIn, unknown, TOut>({
    resolver,
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes the focus and links to each field instead.
    shouldFocusError: false,
  });
  const { control, getValues, setValue, setError, trigger, handleSubmit } = methods;
  const { isSubmitting, isSubmitSuccessful, submitCount } = useFormState({ control });
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: "steps" });

  /** After a move, removal or insertion: numbers 1..n, and Ya/Tidak follow their steps. */
  const renumber = () => {
    for (const fix of renumberSteps(getValues("steps"))) {
      setValue(`steps.${fix.index}.number`, fix.number);
      setValue(`steps.${fix.index}.yesStepNumber`, fix.yesStepNumber, { shouldDirty: true });
      setValue(`steps.${fix.index}.noStepNumber`, fix.noStepNumber, { shouldDirty: true });
    }
    if (submitCount > 0) void trigger();
  };

  const onMove = (from: number, to: number) => {
    move(from, to);
    renumber();
    setAnnouncement(M.movedTo(from + 1, to + 1));
    // Keep the focus on the moved step's button, or its twin when it reached an end.
    requestAnimationFrame(() => {
      const id = fieldIdForPath(`steps.${to}`);
      const preferred = document.getElementById(`${id}-${to < from ? "up" : "down"}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${id}-${to < from ? "down" : "up"}`) as HTMLButtonElement | null;
      (preferred && !preferred.disabled ? preferred : other)?.focus();
    });
  };

  const onRemove = (index: number) => {
    remove(index);
    renumber();
    setAnnouncement(M.removed(index + 1));
    requestAnimationFrame(() => document.getElementById(fieldIdForPath(`steps.${Math.max(0, index - 1)}`))?.focus());
  };

  const onInsert = (index: number) => {
    insert(index + 1, emptyStep(0), { focusName: `steps.${index + 1}.kegiatan` });
    renumber();
    setAnnouncement(M.inserted(index + 2));
  };

  const onAppend = () => {
    const count = getValues("steps").length;
    append(emptyStep(0), { focusName: `steps.${count}.kegiatan` });
    renumber();
    setAnnouncement(M.inserted(count + 1));
  };

  async function onValid(values: TOut) {
    let result: Awaited<ReturnType<typeof createSopAction>>;
    try {
      result = sopId ? await updateSopDraftAction(agencySlug, { sopId, sop: values }) : await createSopAction(agencySlug, { sop: values });
    } catch {
      // The request itself failed (offline, server restarted): nothing was saved.
      setError("root.server", { type: "server", message: t.errors.unexpected });
      return;
    }
    if (result.ok) {
      toast.success(sopId ? SOP_SERVICE_MESSAGES.saved : SOP_SERVICE_MESSAGES.created);
      startRedirect(() => router.push(`/a/${agencySlug}/sops/${result.data.id}`));
      return;
    }
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages[0]) setError(formErrorKey(key) as FieldPath<TIn>, { type: "server", message: messages[0] });
    }
    setError("root.server", { type: "server", message: result.error });
  }

  const busy = isSubmitting || redirecting || isSubmitSuccessful;

  return (
    <FormProvider {...methods}>
      <form onSubmit={handleSubmit(onValid)} noValidate className="space-y-6" aria-busy={busy}>
        {notice}
        <ErrorSummary />
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>

        <IdentityCard />
        <ProvisionsCard />

        <section aria-labelledby="sop-procedure-title" className="space-y-3">
          <div>
            <h2 id="sop-procedure-title" className="text-lg font-semibold text-slate-900">
              {M.sectionProcedure}
            </h2>
            <p className="text-sm text-slate-600">{M.procedureHint}</p>
          </div>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
            <div className="min-w-0 space-y-4">
              <StepsRootError />
              <ol id="sop-steps" tabIndex={-1} className="space-y-4" aria-label={M.sectionProcedure}>
                {fields.map((field, index) => (
                  <StepCard
                    key={field.id}
                    index={index}
                    count={fields.length}
                    roles={roles}
                    units={units}
                    onMove={onMove}
                    onRemove={onRemove}
                    onInsert={onInsert}
                  />
                ))}
              </ol>
              <Button type="button" variant="secondary" onClick={onAppend}>
                <Plus aria-hidden className="size-4" />
                {M.addStep}
              </Button>
            </div>
            <aside className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:sticky lg:top-4 lg:max-h-[calc(100dvh-6rem)] lg:self-start lg:overflow-auto">
              <EditorPreview roles={roles} />
            </aside>
          </div>
        </section>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
          <Link href={cancelHref} className={buttonVariants({ variant: "secondary" })}>
            {M.cancel}
          </Link>
          <Button type="submit" disabled={busy}>
            {busy ? t.common.saving : sopId ? M.submitUpdate : M.submitCreate}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

/** Every problem after a submit, linked to its field; takes the focus once per submit. */
function ErrorSummary() {
  const { errors, submitCount } = useFormState<TIn>();
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef(0);
  const rootMessage = errors.root?.server?.message;
  const items = collectErrors(errors).filter((e) => !e.path.startsWith("root"));
  useEffect(() => {
    if (submitCount === focusedFor.current || !ref.current) return;
    focusedFor.current = submitCount;
    ref.current.focus();
    ref.current.scrollIntoView({ block: "start" });
  });
  if (submitCount === 0 || (items.length === 0 && !rootMessage)) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="sop-error-summary-title"
      className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
      data-testid="sop-error-summary"
    >
      <h2 id="sop-error-summary-title" className="font-semibold">
        {items.length > 0 ? M.summaryTitle(items.length) : rootMessage}
      </h2>
      <p className="mt-1">{M.summaryNothingSaved}</p>
      {/* The server's own sentence, unless it only repeats a field's message listed below. */}
      {rootMessage && items.length > 0 && !items.some((e) => rootMessage.includes(e.message)) ? <p className="mt-1">{rootMessage}</p> : null}
      {items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((e) => (
            <li key={e.path}>
              <a
                href={`#${fieldIdForPath(e.path)}`}
                className="underline underline-offset-2 hover:text-red-700"
                onClick={(event) => {
                  const target = document.getElementById(fieldIdForPath(e.path));
                  if (target) {
                    event.preventDefault();
                    target.scrollIntoView({ block: "center" });
                    target.focus();
                  }
                }}
              >
                {labelForPath(e.path)}
              </a>
              : {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StepsRootError() {
  const { errors } = useFormState<TIn>({ name: "steps" });
  const message = errors.steps?.root?.message ?? errors.steps?.message;
  if (!message) return null;
  return (
    <p id="sop-steps-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

function IdentityCard() {
  const { register } = useFormContext<TIn>();
  return (
    <Card aria-labelledby="sop-identity-title">
      <CardHeader>
        <CardTitle id="sop-identity-title">{M.sectionIdentity}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField path="nomor" label={M.nomor}>
            {(a) => <Input autoComplete="off" {...a} {...register("nomor")} />}
          </FormField>
          <FormField path="unit" label={M.unit} hint={M.unitHint}>
            {(a) => <Input autoComplete="off" {...a} {...register("unit")} />}
          </FormField>
          <FormField path="nama" label={M.nama} className="sm:col-span-2">
            {(a) => <Input autoComplete="off" {...a} {...register("nama")} />}
          </FormField>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField path="tanggalPembuatan" label={M.tanggalPembuatan}>
            {(a) => <Input type="date" {...a} {...register("tanggalPembuatan")} />}
          </FormField>
          <FormField path="tanggalRevisi" label={M.tanggalRevisi}>
            {(a) => <Input type="date" {...a} {...register("tanggalRevisi")} />}
          </FormField>
          <FormField path="tanggalEfektif" label={M.tanggalEfektif}>
            {(a) => <Input type="date" {...a} {...register("tanggalEfektif")} />}
          </FormField>
        </div>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{M.disahkanOleh}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField path="disahkanJabatan" label={M.disahkanJabatan} className="sm:col-span-2">
              {(a) => <Input autoComplete="off" {...a} {...register("disahkanJabatan")} />}
            </FormField>
            <FormField path="disahkanNama" label={M.disahkanNama}>
              {(a) => <Input autoComplete="off" {...a} {...register("disahkanNama")} />}
            </FormField>
            <FormField path="disahkanPangkat" label={M.disahkanPangkat}>
              {(a) => <Input autoComplete="off" {...a} {...register("disahkanPangkat")} />}
            </FormField>
            <FormField path="disahkanNip" label={M.disahkanNip} hint={M.disahkanNipHint}>
              {(a) => <Input inputMode="numeric" autoComplete="off" {...a} {...register("disahkanNip")} />}
            </FormField>
          </div>
        </fieldset>
      </CardBody>
    </Card>
  );
}

function ProvisionsCard() {
  const { register, control } = useFormContext<TIn>();
  const kinds = useWatch({ control, name: "steps" })?.map((s) => ({ kind: s.kind })) ?? [];
  return (
    <Card aria-labelledby="sop-provisions-title">
      <CardHeader>
        <CardTitle id="sop-provisions-title">{M.sectionProvisions}</CardTitle>
      </CardHeader>
      <CardBody className="grid gap-6 md:grid-cols-2">
        <ListField name="dasarHukum" label={M.dasarHukum} />
        <ListField name="kualifikasiPelaksana" label={M.kualifikasiPelaksana} />
        <ListField name="keterkaitan" label={M.keterkaitan} />
        <ListField name="peralatan" label={M.peralatan} />
        <FormField path="peringatan" label={M.peringatan} hint={M.peringatanHint}>
          {(a) => <Textarea rows={4} {...a} {...register("peringatan")} />}
        </FormField>
        <ListField name="pencatatan" label={M.pencatatan} />
        <FormField path="measuresPerformance" label={M.measuresPerformance} hint={M.measuresPerformanceHint}>
          {(a) => (
            <Select {...a} {...register("measuresPerformance", { setValueAs: (v: unknown) => (v === "" || v == null ? null : v === true || v === "true") })}>
              <option value="">{M.measuresPerformanceAuto(defaultMeasuresPerformance(kinds))}</option>
              <option value="true">{M.measuresPerformanceYes}</option>
              <option value="false">{M.measuresPerformanceNo}</option>
            </Select>
          )}
        </FormField>
      </CardBody>
    </Card>
  );
}
