"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { applyErrors } from "@/components/ui/form-errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { createUnitAction, setUnitActiveAction, updateUnitAction } from "@/lib/unit/actions";
import { UNIT_KIND_LABELS, UNIT_MESSAGES as M } from "@/lib/unit/messages";
import { UNIT_KINDS, ZCreateUnit, ZUpdateUnit } from "@/lib/unit/schemas";
import { subtreeIds } from "@/lib/unit/tree";
import { cn } from "@/lib/utils";
import { zodResolver } from "@/lib/validation/zod-resolver";

export interface TUnitRow {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  headTitle: string;
  active: boolean;
  sortOrder: number;
  depth: number;
  headUser: { id: string; name: string } | null;
  members: number;
  indicators: number;
}

export interface TPerson {
  id: string;
  name: string;
  jabatan: string | null;
}

/** "Kepala Bidang Bina Marga", "Sekretaris": what the head position is usually called. */
function suggestedHeadTitle(kind: OrgUnitKind, name: string): string {
  if (!name.trim()) return "";
  if (kind === "SEKRETARIAT") return "Sekretaris";
  return `Kepala ${name.trim()}`;
}

type TFormIn = z.input<typeof ZCreateUnit>;

function UnitFields({
  prefix,
  form,
  parents,
  people,
}: {
  prefix: string;
  form: ReturnType<typeof useForm<TFormIn>>;
  parents: TUnitRow[];
  people: TPerson[];
}) {
  const { errors } = form.formState;
  const err = (name: keyof TFormIn) => errors[name]?.message as string | undefined;
  // The usual title, offered as a placeholder and used when the field is left empty (never typed into the field).
  const [kind, name] = useWatch({ control: form.control, name: ["kind", "name"] });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${prefix}-name`} label={M.name} hint={M.nameHint} error={err("name")}>
        <Input
          id={`${prefix}-name`}
          aria-invalid={Boolean(err("name"))}
          aria-describedby={err("name") ? `${prefix}-name-error` : `${prefix}-name-hint`}
          {...form.register("name")}
        />
      </Field>
      <Field id={`${prefix}-kind`} label={M.kind} error={err("kind")}>
        <Select id={`${prefix}-kind`} {...form.register("kind")}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${prefix}-parent`} label={M.parent} error={err("parentId")}>
        <Select id={`${prefix}-parent`} aria-invalid={Boolean(err("parentId"))} {...form.register("parentId")}>
          <option value="">{M.noParent}</option>
          {parents.map((u) => (
            <option key={u.id} value={u.id}>
              {`${"\u00a0\u00a0".repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${prefix}-head-title`} label={M.headTitle} hint={M.headTitleHint} error={err("headTitle")}>
        <Input
          id={`${prefix}-head-title`}
          placeholder={suggestedHeadTitle(kind ?? "BIDANG", name ?? "")}
          aria-invalid={Boolean(err("headTitle"))}
          aria-describedby={`${prefix}-head-title-hint`}
          {...form.register("headTitle")}
        />
      </Field>
      <Field id={`${prefix}-head-user`} label={M.headUser} hint={M.headUserHint} error={err("headUserId")}>
        <Select id={`${prefix}-head-user`} aria-invalid={Boolean(err("headUserId"))} aria-describedby={`${prefix}-head-user-hint`} {...form.register("headUserId")}>
          <option value="">{M.headVacant}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.jabatan ? `${p.name} (${p.jabatan})` : p.name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

function applyResult(form: ReturnType<typeof useForm<TFormIn>>, result: { error: string; fieldErrors?: Record<string, string[]> }) {
  applyErrors<TFormIn>(form.setError as never, result);
}

export function AddUnitForm({ agencySlug, units, people }: { agencySlug: string; units: TUnitRow[]; people: TPerson[] }) {
  const router = useRouter();
  const defaults: TFormIn = { name: "", kind: "BIDANG", parentId: "", headTitle: "", headUserId: "" };
  const form = useForm<TFormIn, unknown, z.output<typeof ZCreateUnit>>({ resolver: zodResolver(ZCreateUnit), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createUnitAction(agencySlug, { ...values, headTitle: values.headTitle || suggestedHeadTitle(values.kind, values.name) });
        if (!result.ok) return applyResult(form as never, result);
        toast.success(M.added(result.data.name));
        form.reset(defaults);
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <UnitFields prefix="unit-new" form={form as never} parents={units.filter((u) => u.active)} people={people} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "…" : M.add}
      </Button>
    </form>
  );
}

function EditUnitForm({ agencySlug, unit, units, people, onDone }: { agencySlug: string; unit: TUnitRow; units: TUnitRow[]; people: TPerson[]; onDone: () => void }) {
  const router = useRouter();
  type TIn = z.input<typeof ZUpdateUnit>;
  const form = useForm<TIn, unknown, z.output<typeof ZUpdateUnit>>({
    resolver: zodResolver(ZUpdateUnit),
    defaultValues: { unitId: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId ?? "", headTitle: unit.headTitle, headUserId: unit.headUser?.id ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  // Never under itself or its own descendants (the service refuses it too).
  const excluded = subtreeIds(units, unit.id);
  return (
    <form
      noValidate
      className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await updateUnitAction(agencySlug, { ...values, headTitle: values.headTitle || suggestedHeadTitle(values.kind, values.name) });
        if (!result.ok) return applyResult(form as never, result);
        toast.success(M.saved);
        onDone();
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <UnitFields
        prefix={`unit-${unit.id}`}
        form={form as never}
        parents={units.filter((u) => u.active && !excluded.has(u.id))}
        people={people}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {M.save}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {M.cancel}
        </Button>
      </div>
    </form>
  );
}

export function UnitList({ agencySlug, units, people, canManage }: { agencySlug: string; units: TUnitRow[]; people: TPerson[]; canManage: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (units.length === 0) return <p className="text-sm text-slate-600">{M.empty}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="unit-list">
      {units.map((u) => (
        <li key={u.id} className="space-y-2 py-3" data-testid="unit-row" data-unit-id={u.id} style={{ paddingLeft: `${Math.min(u.depth, 4) * 1.25}rem` }}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className={cn("min-w-0", u.active ? "" : "text-slate-500")}>
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {u.depth > 0 ? <span aria-hidden className="text-slate-400">└</span> : null}
                <span className="break-words">{u.name}</span>
                <Badge tone="info">{UNIT_KIND_LABELS[u.kind]}</Badge>
                {u.active ? null : <Badge>{M.inactive}</Badge>}
              </p>
              <p className="text-sm text-slate-600">
                {M.head(u.headTitle, u.headUser?.name ?? null)} · {M.members(u.members)} · {M.indicators(u.indicators)}
              </p>
            </div>
            {canManage && editing !== u.id ? (
              <div className="flex flex-wrap gap-2">
                {u.active ? (
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => setEditing(u.id)} aria-label={`${M.edit} ${u.name}`}>
                    {M.edit}
                  </Button>
                ) : null}
                <Button
                  size="sm"
                  variant={u.active ? "ghost" : "secondary"}
                  disabled={pending}
                  aria-label={`${u.active ? M.deactivate : M.reactivate} ${u.name}`}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await setUnitActiveAction(agencySlug, { unitId: u.id, active: !u.active });
                      if (!result.ok) return void toast.error(result.error, { duration: 12_000 });
                      toast.success(u.active ? M.deactivated(u.name) : M.reactivated(u.name));
                      router.refresh();
                    })
                  }
                >
                  {u.active ? M.deactivate : M.reactivate}
                </Button>
              </div>
            ) : null}
          </div>
          {editing === u.id ? <EditUnitForm agencySlug={agencySlug} unit={u} units={units} people={people} onDone={() => setEditing(null)} /> : null}
        </li>
      ))}
    </ul>
  );
}
