"use client";

import { ArrowDown, ArrowUp, ListPlus, Trash2 } from "lucide-react";
import { Controller, useFormContext, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import {
  STEP_ASSIGNMENT_LABELS,
  STEP_ASSIGNMENTS,
  STEP_KIND_LABELS,
  STEP_KINDS,
  STEP_UNIT_KIND_LABELS,
  STEP_UNIT_KINDS,
  TIME_UNIT_LABELS,
  TIME_UNITS,
} from "@/lib/sop/schemas";

import { ErrorText, FormField, Textarea, useFieldError } from "./editor-fields";
import { decisionTargets, fieldIdForPath, isDecision, type TEditorRole, type TSopFormValues } from "./editor-model";

/** "" is "not set" (the next step for Ya, nothing for Tidak). */
const targetValue = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

export interface StepCardProps {
  index: number;
  count: number;
  roles: TEditorRole[];
  /** Names of the agency's active units (an every-unit step's chosen list). */
  units?: string[];
  onMove: (index: number, to: number) => void;
  onRemove: (index: number) => void;
  onInsert: (index: number) => void;
}

export function StepCard({ index, count, roles, units = [], onMove, onRemove, onInsert }: StepCardProps) {
  const { register, control, setValue, getValues } = useFormContext<TSopFormValues>();
  const [kind, executor, assignment, unitKind] = useWatch({
    control,
    name: [`steps.${index}.kind`, `steps.${index}.executorRoleCode`, `steps.${index}.assignment`, `steps.${index}.unitKind`],
  });
  const number = index + 1;
  const p = (field: string) => `steps.${index}.${field}`;
  const stepError = useFieldError(p("number"));
  const decision = isDecision(kind);
  const cardId = fieldIdForPath(`steps.${index}`);

  return (
    <li
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-labelledby={`${cardId}-title`}
      data-testid={`step-${number}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 sm:px-4">
        <h3 id={`${cardId}-title`} className="font-semibold text-slate-900">
          <span id={cardId} tabIndex={-1}>
            {M.step(number)}
          </span>
          {decision ? <span className="ml-2 text-xs font-normal text-slate-600">({STEP_KIND_LABELS[kind]})</span> : null}
        </h3>
        <div className="flex items-center gap-1">
          <Button
            type="button"
            variant="ghost"
            className="px-2"
            id={`${cardId}-up`}
            aria-label={M.moveUp(number)}
            title={M.moveUp(number)}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            <ArrowUp aria-hidden className="size-4" />
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-2"
            id={`${cardId}-down`}
            aria-label={M.moveDown(number)}
            title={M.moveDown(number)}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            <ArrowDown aria-hidden className="size-4" />
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-2 text-red-700 hover:bg-red-50"
            aria-label={M.removeStep(number)}
            title={M.removeStep(number)}
            disabled={count === 1}
            onClick={() => onRemove(index)}
          >
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </div>
      </div>

      <div className="space-y-4 px-3 py-3 sm:px-4">
        <ErrorText id={cardId} message={stepError} className="rounded-md bg-red-50 px-3 py-2" />

        <FormField path={p("kegiatan")} label={M.kegiatan}>
          {(a) => <Textarea rows={2} {...a} {...register(`steps.${index}.kegiatan`)} />}
        </FormField>

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField path={p("executorRoleCode")} label={M.executor}>
            {(a) => (
              <Select
                {...a}
                {...register(`steps.${index}.executorRoleCode`, {
                  // One executor: the new executor leaves the participants.
                  onChange: (e: { target: { value: string } }) => {
                    const participants = getValues(`steps.${index}.participantRoleCodes`) ?? [];
                    if (participants.includes(e.target.value)) {
                      setValue(
                        `steps.${index}.participantRoleCodes`,
                        participants.filter((c) => c !== e.target.value),
                        { shouldDirty: true },
                      );
                    }
                  },
                })}
              >
                <option value="">{M.executorPlaceholder}</option>
                {roles.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
                {executor && !roles.some((r) => r.code === executor) ? <option value={executor}>{executor}</option> : null}
              </Select>
            )}
          </FormField>
          <FormField path={p("kind")} label={M.kind}>
            {(a) => (
              <Select
                {...a}
                {...register(`steps.${index}.kind`, {
                  // Only decisions branch: other kinds drop their Ya/Tidak targets.
                  onChange: (e: { target: { value: string } }) => {
                    if (!isDecision(e.target.value)) {
                      setValue(`steps.${index}.yesStepNumber`, null);
                      setValue(`steps.${index}.noStepNumber`, null);
                    }
                  },
                })}
              >
                {STEP_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {STEP_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        </div>

        {decision ? (
          <div className="grid gap-4 rounded-md border border-amber-200 bg-amber-50/60 p-3 sm:grid-cols-2">
            <FormField path={p("yesStepNumber")} label={M.yesTarget}>
              {(a) => <TargetSelect index={index} count={count} branch="yes" {...a} />}
            </FormField>
            <FormField path={p("noStepNumber")} label={M.noTarget}>
              {(a) => <TargetSelect index={index} count={count} branch="no" {...a} />}
            </FormField>
          </div>
        ) : null}

        <ParticipantsField index={index} roles={roles} executor={executor} />

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField path={p("assignment")} label={M.assignment} hint={M.assignmentHint}>
            {(a) => (
              <Select
                {...a}
                {...register(`steps.${index}.assignment`, {
                  // Only an every-unit step names its units.
                  onChange: (e: { target: { value: string } }) => {
                    if (e.target.value !== "EVERY_UNIT") {
                      setValue(`steps.${index}.unitKind`, null);
                      setValue(`steps.${index}.unitNames`, []);
                    } else if (!getValues(`steps.${index}.unitKind`) && !getValues(`steps.${index}.unitNames`)?.length) {
                      setValue(`steps.${index}.unitKind`, "BIDANG");
                    }
                  },
                })}
              >
                {STEP_ASSIGNMENTS.map((mode) => (
                  <option key={mode} value={mode}>
                    {STEP_ASSIGNMENT_LABELS[mode]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          {assignment === "EVERY_UNIT" ? (
            <FormField path={p("unitKind")} label={M.unitKind} hint={M.unitKindHint}>
              {(a) => (
                <Controller
                  control={control}
                  name={`steps.${index}.unitKind`}
                  render={({ field }) => (
                    <Select
                      {...a}
                      ref={field.ref}
                      name={field.name}
                      onBlur={field.onBlur}
                      value={field.value ?? UNIT_LIST}
                      onChange={(e) => {
                        // A unit kind, or the chosen list below (then no kind).
                        const v = e.target.value;
                        field.onChange(v === UNIT_LIST ? null : v);
                        if (v !== UNIT_LIST) setValue(`steps.${index}.unitNames`, []);
                      }}
                    >
                      {STEP_UNIT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {STEP_UNIT_KIND_LABELS[k]}
                        </option>
                      ))}
                      <option value={UNIT_LIST}>{M.unitList}</option>
                    </Select>
                  )}
                />
              )}
            </FormField>
          ) : null}
        </div>
        {assignment === "EVERY_UNIT" && unitKind == null ? <UnitsField index={index} units={units} /> : null}

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField path={p("kelengkapan")} label={M.kelengkapan}>
            {(a) => <Textarea rows={2} {...a} {...register(`steps.${index}.kelengkapan`)} />}
          </FormField>
          <FormField path={p("output")} label={M.output}>
            {(a) => <Textarea rows={2} {...a} {...register(`steps.${index}.output`)} />}
          </FormField>
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <WaktuField index={index} />
          <FormField path={p("keterangan")} label={M.keterangan}>
            {(a) => <Input {...a} {...register(`steps.${index}.keterangan`)} />}
          </FormField>
        </div>

        <div className="flex justify-end">
          <Button type="button" variant="ghost" size="sm" onClick={() => onInsert(index)}>
            <ListPlus aria-hidden className="size-4" />
            {M.insertBelow(number)}
          </Button>
        </div>
      </div>
    </li>
  );
}

function WaktuField({ index }: { index: number }) {
  const { register } = useFormContext<TSopFormValues>();
  const amountPath = `steps.${index}.waktuJumlah`;
  const unitPath = `steps.${index}.waktuSatuan`;
  const amountId = fieldIdForPath(amountPath);
  const unitId = fieldIdForPath(unitPath);
  const amountError = useFieldError(amountPath);
  const unitError = useFieldError(unitPath);
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{M.waktu}</legend>
      <div className="flex gap-2">
        <label htmlFor={amountId} className="sr-only">
          {M.waktuJumlah}
        </label>
        <Input
          id={amountId}
          type="number"
          inputMode="decimal"
          step="any"
          className="w-28"
          aria-invalid={Boolean(amountError)}
          aria-describedby={amountError ? `${amountId}-error` : undefined}
          {...register(`steps.${index}.waktuJumlah`, { valueAsNumber: true })}
        />
        <label htmlFor={unitId} className="sr-only">
          {M.waktuSatuan}
        </label>
        <Select
          id={unitId}
          className="flex-1"
          aria-invalid={Boolean(unitError)}
          aria-describedby={unitError ? `${unitId}-error` : undefined}
          {...register(`steps.${index}.waktuSatuan`)}
        >
          {TIME_UNITS.map((u) => (
            <option key={u} value={u}>
              {TIME_UNIT_LABELS[u]}
            </option>
          ))}
        </Select>
      </div>
      <ErrorText id={amountId} message={amountError} />
      <ErrorText id={unitId} message={unitError} />
    </fieldset>
  );
}

/** The unit-kind select's value for "the units chosen below". */
const UNIT_LIST = "LIST";

/** An every-unit step's chosen units, by name (the agency's active units; names already chosen stay listed). */
function UnitsField({ index, units }: { index: number; units: string[] }) {
  const { control } = useFormContext<TSopFormValues>();
  const path = `steps.${index}.unitNames`;
  const id = fieldIdForPath(path);
  const error = useFieldError(path);
  return (
    <Controller
      control={control}
      name={`steps.${index}.unitNames`}
      render={({ field }) => {
        const value = field.value ?? [];
        const has = (name: string) => value.some((v) => v.toLowerCase() === name.toLowerCase());
        const extra = value.filter((v) => !units.some((u) => u.toLowerCase() === v.toLowerCase()));
        return (
          <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : `${id}-hint`} data-testid={`step-${index + 1}-units`}>
            <legend className="text-sm font-medium text-slate-800">{M.unitNames}</legend>
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {units.length || extra.length ? M.unitNamesHint : M.unitNamesNone}
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {[...units, ...extra].map((name) => (
                <label key={name} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={has(name)}
                    onBlur={field.onBlur}
                    onChange={(e) =>
                      field.onChange(e.target.checked ? [...value, name] : value.filter((v) => v.toLowerCase() !== name.toLowerCase()))
                    }
                  />
                  {name}
                </label>
              ))}
            </div>
            <ErrorText id={id} message={error} className="mt-1" />
          </fieldset>
        );
      }}
    />
  );
}

function ParticipantsField({ index, roles, executor }: { index: number; roles: TEditorRole[]; executor: string }) {
  const { control } = useFormContext<TSopFormValues>();
  const path = `steps.${index}.participantRoleCodes`;
  const id = fieldIdForPath(path);
  const error = useFieldError(path);
  const others = roles.filter((r) => r.code !== executor);
  return (
    <Controller
      control={control}
      name={`steps.${index}.participantRoleCodes`}
      render={({ field }) => {
        const value = field.value ?? [];
        // Codes not offered as a checkbox (the executor, an unknown role) stay visible so nobody is dropped silently.
        const extra = value.filter((c) => !others.some((r) => r.code === c));
        return (
          <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : `${id}-hint`}>
            <legend className="text-sm font-medium text-slate-800">{M.participants}</legend>
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {M.participantsHint}
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {[...others, ...extra.map((code) => ({ code, name: roles.find((r) => r.code === code)?.name ?? code }))].map((r) => (
                <label key={r.code} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={value.includes(r.code)}
                    onBlur={field.onBlur}
                    onChange={(e) =>
                      field.onChange(e.target.checked ? [...value, r.code] : value.filter((c) => c !== r.code))
                    }
                  />
                  {r.name}
                </label>
              ))}
            </div>
            <ErrorText id={id} message={error} className="mt-1" />
          </fieldset>
        );
      }}
    />
  );
}

interface TargetSelectProps {
  index: number;
  count: number;
  branch: "yes" | "no";
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

/**
 * The Ya/Tidak target of a decision: later steps for Ya (default: the next one), earlier
 * ones for Tidak. Controlled, so a target renumbered after a move shows at once.
 */
function TargetSelect({ index, count, branch, ...aria }: TargetSelectProps) {
  const { control } = useFormContext<TSopFormValues>();
  const steps = useWatch({ control, name: "steps" });
  const titles = (steps ?? []).map((s) => excerpt(s?.kegiatan ?? ""));
  const number = index + 1;
  const next = number + 1 <= count ? number + 1 : null;
  return (
    <Controller
      control={control}
      name={`steps.${index}.${branch === "yes" ? "yesStepNumber" : "noStepNumber"}`}
      render={({ field }) => {
        const current = typeof field.value === "number" && Number.isFinite(field.value) ? field.value : null;
        const targets = decisionTargets(index, count)[branch];
        if (branch === "yes" && current !== null && current === next) targets.unshift(current);
        return (
          <Select
            {...aria}
            ref={field.ref}
            name={field.name}
            value={current === null ? "" : String(current)}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(targetValue(e.target.value))}
          >
            <option value="">{branch === "yes" ? M.yesNext(next) : M.noPlaceholder}</option>
            {targets.map((n) => (
              <option key={n} value={n}>
                {M.targetOption(n, titles[n - 1] ?? "")}
              </option>
            ))}
            {/* A target the list does not offer (e.g. after steps moved) stays visible, to be fixed. */}
            {current !== null && !targets.includes(current) ? <option value={current}>{M.targetInvalidOption(current)}</option> : null}
          </Select>
        );
      }}
    />
  );
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 48 ? `${t.slice(0, 47)}…` : t;
}
