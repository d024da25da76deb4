"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Textarea } from "@/components/cycle/textarea";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { applyErrors } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/authz/action";
import { t } from "@/lib/i18n";
import { copyLkeEditionAction, updateLkeEditionAction, updateLkeEditionCriterionAction, updateLkeEditionGroupAction } from "@/lib/lke/edition-actions";
import { ZLkeEditionCopy, ZLkeEditionCriterion, ZLkeEditionGroup, ZLkeEditionMeta } from "@/lib/lke/schemas";
import type { TLkeScaleOption } from "@/lib/lke/structure";

/** The action's outcome: a toast and a refresh; the refusal's field messages on the form. */
function useSave() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return {
    pending,
    save<T>(call: () => Promise<ActionResult<T>>, success: string, onRefused: (r: Extract<ActionResult<T>, { ok: false }>) => void, then?: (data: T) => void) {
      start(async () => {
        const result = await call().catch(() => null);
        if (!result) return void toast.error(t.errors.unexpected);
        if (!result.ok) {
          onRefused(result);
          return void toast.error(result.error);
        }
        toast.success(success);
        if (then) then(result.data);
        else router.refresh();
      });
    },
  };
}

type TCopyIn = z.input<typeof ZLkeEditionCopy>;
type TCopyOut = z.output<typeof ZLkeEditionCopy>;

/** A new edition from an existing one: its whole structure, a new name and first year; then it opens for editing. */
export function EditionCopyForm({ editions, sourceId }: { editions: { id: string; name: string }[]; sourceId?: string }) {
  const router = useRouter();
  const id = useId();
  const { pending, save } = useSave();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TCopyIn, unknown, TCopyOut>({ resolver: zodResolver(ZLkeEditionCopy), defaultValues: { sourceId: sourceId ?? editions[0]?.id ?? "", name: "", validFromYear: "" as unknown as number } });
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-end"
      data-testid="lke-edition-copy"
      onSubmit={handleSubmit((values) =>
        save(
          () => copyLkeEditionAction(values),
          "Edisi baru disalin.",
          (r) => applyErrors<TCopyIn>(setError, r),
          (data) => router.push(`/admin/lke?edisi=${data.id}`),
        ),
      )}
    >
      <Field id={`${id}-src`} label="Salin dari" error={errors.sourceId?.message}>
        <Select id={`${id}-src`} className="min-h-11" {...register("sourceId")}>
          {editions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-name`} label="Nama edisi baru" error={errors.name?.message}>
        <Input id={`${id}-name`} className="min-h-11" aria-invalid={Boolean(errors.name)} {...register("name")} />
      </Field>
      <Field id={`${id}-year`} label="Berlaku mulai tahun" error={errors.validFromYear?.message}>
        <Input id={`${id}-year`} type="number" inputMode="numeric" className="min-h-11" aria-invalid={Boolean(errors.validFromYear)} {...register("validFromYear")} />
      </Field>
      <Button type="submit" className="min-h-11" disabled={pending}>
        {pending ? "Menyalin…" : "Salin menjadi edisi baru"}
      </Button>
    </form>
  );
}

type TMetaIn = z.input<typeof ZLkeEditionMeta>;
type TMetaOut = z.output<typeof ZLkeEditionMeta>;

export function EditionMetaForm({ editionId, name, validFromYear }: { editionId: string; name: string; validFromYear: number }) {
  const id = useId();
  const { pending, save } = useSave();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TMetaIn, unknown, TMetaOut>({ resolver: zodResolver(ZLkeEditionMeta), defaultValues: { editionId, name, validFromYear } });
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
      data-testid="lke-edition-meta"
      onSubmit={handleSubmit((values) => save(() => updateLkeEditionAction(values), "Edisi disimpan.", (r) => applyErrors<TMetaIn>(setError, r)))}
    >
      <Field id={`${id}-name`} label="Nama edisi" error={errors.name?.message}>
        <Input id={`${id}-name`} className="min-h-11" aria-invalid={Boolean(errors.name)} {...register("name")} />
      </Field>
      <Field id={`${id}-year`} label="Berlaku mulai tahun" error={errors.validFromYear?.message}>
        <Input id={`${id}-year`} type="number" inputMode="numeric" className="min-h-11" aria-invalid={Boolean(errors.validFromYear)} {...register("validFromYear")} />
      </Field>
      <Button type="submit" className="min-h-11" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan"}
      </Button>
    </form>
  );
}

type TGroupIn = z.input<typeof ZLkeEditionGroup>;
type TGroupOut = z.output<typeof ZLkeEditionGroup>;

/** A component's or a sub-component's name and weight (points of 100). */
export function EditionGroupForm({ editionId, kind, partId, code, name, weight }: { editionId: string; kind: "component" | "subComponent"; partId: string; code: string; name: string; weight: number }) {
  const id = useId();
  const { pending, save } = useSave();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TGroupIn, unknown, TGroupOut>({ resolver: zodResolver(ZLkeEditionGroup), defaultValues: { editionId, kind, id: partId, name, weight } });
  return (
    <form
      noValidate
      className="grid gap-2 sm:grid-cols-[1fr_7rem_auto] sm:items-end"
      data-testid={`lke-edition-group-${code}`}
      onSubmit={handleSubmit((values) => save(() => updateLkeEditionGroupAction(values), `${code} disimpan.`, (r) => applyErrors<TGroupIn>(setError, r)))}
    >
      <Field id={`${id}-name`} label={`${kind === "component" ? "Komponen" : "Subkomponen"} ${code}`} error={errors.name?.message}>
        <Input id={`${id}-name`} className="min-h-11" aria-invalid={Boolean(errors.name)} {...register("name")} />
      </Field>
      <Field id={`${id}-w`} label="Bobot" error={errors.weight?.message}>
        <Input id={`${id}-w`} type="number" step="any" inputMode="decimal" className="min-h-11" aria-invalid={Boolean(errors.weight)} {...register("weight")} />
      </Field>
      <Button type="submit" variant="secondary" className="min-h-11" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan"}
      </Button>
    </form>
  );
}

type TCriterionIn = z.input<typeof ZLkeEditionCriterion>;
type TCriterionOut = z.output<typeof ZLkeEditionCriterion>;

/** A criterion's text, weight (relative to its siblings) and answer scale; its code stays. */
export function EditionCriterionForm({ editionId, criterion }: { editionId: string; criterion: { id: string; code: string; text: string; weight: number; scale: TLkeScaleOption[] } }) {
  const id = useId();
  const { pending, save } = useSave();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TCriterionIn, unknown, TCriterionOut>({
    resolver: zodResolver(ZLkeEditionCriterion),
    defaultValues: { editionId, criterionId: criterion.id, text: criterion.text, weight: criterion.weight, scale: criterion.scale },
  });
  const scale = useFieldArray({ control, name: "scale" });
  const scaleError = (errors.scale as { message?: string; root?: { message?: string } } | undefined)?.message ?? (errors.scale as { root?: { message?: string } } | undefined)?.root?.message;
  return (
    <form
      noValidate
      className="space-y-3 rounded-md border border-slate-200 p-3"
      data-testid={`lke-edition-criterion-${criterion.code}`}
      onSubmit={handleSubmit((values) => save(() => updateLkeEditionCriterionAction(values), `Kriteria ${criterion.code} disimpan.`, (r) => applyErrors<TCriterionIn>(setError, r)))}
    >
      <Field id={`${id}-text`} label={`Kriteria ${criterion.code}`} error={errors.text?.message}>
        <Textarea id={`${id}-text`} rows={2} aria-invalid={Boolean(errors.text)} {...register("text")} />
      </Field>
      <Field id={`${id}-w`} label="Bobot (relatif terhadap kriteria lain di subkomponen)" error={errors.weight?.message}>
        <Input id={`${id}-w`} type="number" step="any" inputMode="decimal" className="min-h-11 w-32" aria-invalid={Boolean(errors.weight)} {...register("weight")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Skala jawaban (kode, keterangan, nilai 0–1)</legend>
        {scale.fields.map((f, i) => {
          const e = errors.scale?.[i];
          return (
            <div key={f.id} className="grid grid-cols-[4.5rem_1fr_5.5rem_auto] items-start gap-2">
              <div>
                <Input aria-label={`Kode jawaban ${i + 1}`} className="min-h-11" aria-invalid={Boolean(e?.code)} {...register(`scale.${i}.code`)} />
                {e?.code?.message ? <p className="text-xs text-red-700">{e.code.message}</p> : null}
              </div>
              <div>
                <Input aria-label={`Keterangan jawaban ${i + 1}`} className="min-h-11" aria-invalid={Boolean(e?.label)} {...register(`scale.${i}.label`)} />
                {e?.label?.message ? <p className="text-xs text-red-700">{e.label.message}</p> : null}
              </div>
              <div>
                <Input aria-label={`Nilai jawaban ${i + 1}`} type="number" step="any" inputMode="decimal" className="min-h-11" aria-invalid={Boolean(e?.value)} {...register(`scale.${i}.value`)} />
                {e?.value?.message ? <p className="text-xs text-red-700">{e.value.message}</p> : null}
              </div>
              <Button type="button" variant="ghost" className="min-h-11" onClick={() => scale.remove(i)} aria-label={`Hapus jawaban ${i + 1}`}>
                Hapus
              </Button>
            </div>
          );
        })}
        {scaleError ? <p className="text-sm text-red-700">{scaleError}</p> : null}
        <Button type="button" variant="secondary" className="min-h-11" onClick={() => scale.append({ code: "", label: "", value: 0 })}>
          Tambah jawaban
        </Button>
      </fieldset>
      <Button type="submit" className="min-h-11" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan kriteria"}
      </Button>
    </form>
  );
}
