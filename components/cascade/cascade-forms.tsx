"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { applyErrors } from "@/components/ui/form-errors";
import { Input, Select, textareaClass } from "@/components/ui/input";
import { createNodeAction, createPeriodAction, deleteIndicatorAction, deleteNodeAction, saveIndicatorAction, updateNodeAction } from "@/lib/cascade/actions";
import { childLevelOf, levelNeedsUnit, ROLL_UP_RULES, type TCascadeLevel } from "@/lib/cascade/levels";
import { CASCADE_MESSAGES as M } from "@/lib/cascade/messages";
import { ZCreateNode, ZCreatePeriod, ZSaveIndicator, ZUpdateNode } from "@/lib/cascade/schemas";
import { zodResolver } from "@/lib/validation/zod-resolver";

export interface TUnitOption {
  id: string;
  name: string;
}

const panelClass = "space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3";

/** A new Renstra period (five years from the start year). */
export function PeriodForm({ agencySlug, defaultStart }: { agencySlug: string; defaultStart: number }) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZCreatePeriod>;
  const form = useForm<TIn, unknown, z.output<typeof ZCreatePeriod>>({ resolver: zodResolver(ZCreatePeriod), defaultValues: { startYear: defaultStart } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      data-testid="period-form"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createPeriodAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.periodAdded(M.periodLabel(result.data.startYear, result.data.endYear)));
        router.push(`/a/${agencySlug}/pohon-kinerja?periode=${result.data.startYear}`);
        router.refresh();
      })}
    >
      <div className="sm:w-48">
        <Field id={`${id}-start`} label={M.periodStart} hint={M.periodHint} error={errors.startYear?.message ?? errors.root?.message}>
          <Input id={`${id}-start`} type="number" inputMode="numeric" className="min-h-11" aria-invalid={Boolean(errors.startYear)} {...form.register("startYear")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting} className="min-h-11">
        {isSubmitting ? M.saving : M.periodAdd}
      </Button>
    </form>
  );
}

/** Adds a node of `level` under `parentId`, or edits `node` (statement and unit). */
function NodeForm({
  agencySlug,
  periodId,
  level,
  parentId,
  node,
  units,
  onDone,
}: {
  agencySlug: string;
  periodId: string;
  level: TCascadeLevel;
  parentId: string | null;
  node?: { id: string; statement: string; unitId: string | null };
  units: TUnitOption[];
  onDone: () => void;
}) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZCreateNode>;
  const schema = node ? ZUpdateNode : ZCreateNode;
  const form = useForm<TIn>({
    resolver: zodResolver(schema as typeof ZCreateNode) as never,
    defaultValues: node
      ? ({ nodeId: node.id, statement: node.statement, unitId: node.unitId ?? "" } as never)
      : { periodId, parentId, level, statement: "", unitId: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const needsUnit = levelNeedsUnit(level);
  return (
    <form
      noValidate
      className={panelClass}
      data-testid="node-form"
      onSubmit={form.handleSubmit(async (values) => {
        const result = node
          ? await updateNodeAction(agencySlug, { nodeId: node.id, statement: values.statement, unitId: values.unitId })
          : await createNodeAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(node ? M.saved : M.added(M.level[level]));
        onDone();
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id={`${id}-statement`} label={`${M.statement} ${M.level[level]}`} error={errors.statement?.message}>
        <textarea id={`${id}-statement`} rows={2} className={textareaClass} aria-invalid={Boolean(errors.statement)} {...form.register("statement")} />
      </Field>
      {needsUnit ? (
        <Field id={`${id}-unit`} label={M.unit} error={errors.unitId?.message}>
          <Select id={`${id}-unit`} className="min-h-11" aria-invalid={Boolean(errors.unitId)} {...form.register("unitId")}>
            <option value="">{M.unitChoose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} className="min-h-11">
          {isSubmitting ? M.saving : M.save}
        </Button>
        <Button type="button" variant="ghost" className="min-h-11" onClick={onDone}>
          {M.cancel}
        </Button>
      </div>
    </form>
  );
}

export interface TIndicatorEdit {
  id: string;
  name: string;
  unitOfMeasure: string;
  polarity: "HIGHER" | "LOWER";
  rollUp: "SUM" | "AVERAGE" | "OWN";
  parentIndicatorId: string | null;
  targets: Record<number, string>;
}

/** Adds or edits an indicator of a node with its target for every year of the period. */
function IndicatorForm({
  agencySlug,
  nodeId,
  years,
  parentIndicators,
  indicator,
  onDone,
}: {
  agencySlug: string;
  nodeId: string;
  years: number[];
  parentIndicators: TUnitOption[] | null;
  indicator?: TIndicatorEdit;
  onDone: () => void;
}) {
  const router = useRouter();
  const id = useId();
  type TIn = z.input<typeof ZSaveIndicator>;
  const form = useForm<TIn, unknown, z.output<typeof ZSaveIndicator>>({
    resolver: zodResolver(ZSaveIndicator),
    defaultValues: {
      indicatorId: indicator?.id ?? "",
      nodeId,
      name: indicator?.name ?? "",
      unitOfMeasure: indicator?.unitOfMeasure ?? "",
      polarity: indicator?.polarity ?? "HIGHER",
      rollUp: indicator?.rollUp ?? "OWN",
      parentIndicatorId: indicator?.parentIndicatorId ?? "",
      targets: years.map((year) => ({ year, value: indicator?.targets[year] ?? "" })),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const targetError = (i: number) => errors.targets?.[i]?.value?.message;
  return (
    <form
      noValidate
      className={panelClass}
      data-testid="indicator-form"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await saveIndicatorAction(agencySlug, values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(indicator ? M.saved : M.indicatorAdded);
        onDone();
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id={`${id}-name`} label={M.indicatorName} error={errors.name?.message}>
        <Input id={`${id}-name`} className="min-h-11" aria-invalid={Boolean(errors.name)} {...form.register("name")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${id}-uom`} label={M.unitOfMeasure} error={errors.unitOfMeasure?.message}>
          <Input id={`${id}-uom`} className="min-h-11" aria-invalid={Boolean(errors.unitOfMeasure)} {...form.register("unitOfMeasure")} />
        </Field>
        <Field id={`${id}-polarity`} label={M.polarityLabel}>
          <Select id={`${id}-polarity`} className="min-h-11" {...form.register("polarity")}>
            <option value="HIGHER">{M.polarity.HIGHER}</option>
            <option value="LOWER">{M.polarity.LOWER}</option>
          </Select>
        </Field>
        <Field id={`${id}-rollup`} label={M.rollUpLabel} hint={M.rollUpHint}>
          <Select id={`${id}-rollup`} className="min-h-11" aria-describedby={`${id}-rollup-hint`} {...form.register("rollUp")}>
            {ROLL_UP_RULES.map((r) => (
              <option key={r} value={r}>
                {M.rollUp[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {parentIndicators ? (
        <Field id={`${id}-parent`} label={M.parentIndicator} error={errors.parentIndicatorId?.message}>
          <Select id={`${id}-parent`} className="min-h-11" aria-invalid={Boolean(errors.parentIndicatorId)} {...form.register("parentIndicatorId")}>
            <option value="">{M.parentIndicatorNone}</option>
            {parentIndicators.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{M.targets}</legend>
        {errors.targets?.message ? <p className="text-sm text-red-700">{errors.targets.message}</p> : null}
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {years.map((year, i) => (
            <Field key={year} id={`${id}-t${year}`} label={String(year)} error={targetError(i)}>
              <Input id={`${id}-t${year}`} inputMode="decimal" className="min-h-11" aria-label={M.target(year)} aria-invalid={Boolean(targetError(i))} {...form.register(`targets.${i}.value`)} />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} className="min-h-11">
          {isSubmitting ? M.saving : M.save}
        </Button>
        <Button type="button" variant="ghost" className="min-h-11" onClick={onDone}>
          {M.cancel}
        </Button>
      </div>
    </form>
  );
}

/** Asks, then deletes; a refusal (children, linked indicators) comes back as a toast. */
function DeleteButton({ label, what, onDelete }: { label: string; what: string; onDelete: () => Promise<{ ok: true } | { ok: false; error: string }> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <>
      <Button type="button" variant="ghost" className="min-h-11 text-red-800" disabled={pending} onClick={() => setOpen(true)} aria-label={`${label}: ${what}`}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={label}
        confirmLabel={label}
        tone="danger"
        onConfirm={() =>
          start(async () => {
            const result = await onDelete();
            setOpen(false);
            if (!result.ok) return void toast.error(result.error);
            toast.success(M.removed);
            router.refresh();
          })
        }
      >
        {M.removeConfirm(what)}
      </ConfirmDialog>
    </>
  );
}

type TPanel = "edit" | "child" | "indicator" | null;

/** The planning unit's tools on one node: edit, add a child of the next level, add an indicator, delete. */
export function NodeTools({
  agencySlug,
  periodId,
  years,
  node,
  units,
  parentIndicators,
}: {
  agencySlug: string;
  periodId: string;
  years: number[];
  node: { id: string; level: TCascadeLevel; statement: string; unitId: string | null };
  units: TUnitOption[];
  parentIndicators: TUnitOption[] | null;
}) {
  const [panel, setPanel] = useState<TPanel>(null);
  const child = childLevelOf(node.level);
  const toggle = (p: TPanel) => setPanel((current) => (current === p ? null : p));
  return (
    <div className="no-print space-y-2">
      <div className="flex flex-wrap gap-1">
        <Button type="button" variant="secondary" size="sm" className="min-h-11" aria-expanded={panel === "edit"} onClick={() => toggle("edit")}>
          {M.edit}
        </Button>
        <Button type="button" variant="secondary" size="sm" className="min-h-11" aria-expanded={panel === "indicator"} onClick={() => toggle("indicator")}>
          {M.indicatorAdd}
        </Button>
        {child ? (
          <Button type="button" variant="secondary" size="sm" className="min-h-11" aria-expanded={panel === "child"} onClick={() => toggle("child")}>
            {M.addChild(M.level[child])}
          </Button>
        ) : null}
        <DeleteButton label={M.remove} what={`${M.level[node.level]} "${node.statement}"`} onDelete={() => deleteNodeAction(agencySlug, { nodeId: node.id })} />
      </div>
      {panel === "edit" ? (
        <NodeForm agencySlug={agencySlug} periodId={periodId} level={node.level} parentId={null} node={node} units={units} onDone={() => setPanel(null)} />
      ) : null}
      {panel === "child" && child ? (
        <NodeForm agencySlug={agencySlug} periodId={periodId} level={child} parentId={node.id} units={units} onDone={() => setPanel(null)} />
      ) : null}
      {panel === "indicator" ? (
        <IndicatorForm agencySlug={agencySlug} nodeId={node.id} years={years} parentIndicators={parentIndicators} onDone={() => setPanel(null)} />
      ) : null}
    </div>
  );
}

/** Edit and delete of one indicator. */
export function IndicatorTools({
  agencySlug,
  nodeId,
  years,
  indicator,
  parentIndicators,
}: {
  agencySlug: string;
  nodeId: string;
  years: number[];
  indicator: TIndicatorEdit;
  parentIndicators: TUnitOption[] | null;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="no-print space-y-2">
      <div className="flex flex-wrap gap-1">
        <Button type="button" variant="secondary" size="sm" className="min-h-11" aria-expanded={editing} onClick={() => setEditing((v) => !v)} aria-label={`${M.edit}: ${indicator.name}`}>
          {M.edit}
        </Button>
        <DeleteButton label={M.remove} what={`indikator "${indicator.name}"`} onDelete={() => deleteIndicatorAction(agencySlug, { indicatorId: indicator.id })} />
      </div>
      {editing ? (
        <IndicatorForm agencySlug={agencySlug} nodeId={nodeId} years={years} parentIndicators={parentIndicators} indicator={indicator} onDone={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

/** "Tambah Tujuan" at the top of the tree. */
export function AddTopNode({ agencySlug, periodId, units }: { agencySlug: string; periodId: string; units: TUnitOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="no-print space-y-2">
      <Button type="button" className="min-h-11" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {M.addTop}
      </Button>
      {open ? <NodeForm agencySlug={agencySlug} periodId={periodId} level="TUJUAN" parentId={null} units={units} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}
