"use client";

import { Plus, X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Controller, get, useFormContext, useFormState } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { SOP_EDITOR_MESSAGES as M } from "@/lib/sop/messages";
import { cn } from "@/lib/utils";

import { collectErrors, fieldIdForPath, type TSopFormValues } from "./editor-model";

type ListName = "dasarHukum" | "kualifikasiPelaksana" | "keterkaitan" | "peralatan" | "pencatatan";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 aria-invalid:border-red-600 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}

/** The message of a field's error, with the id its control points to via aria-describedby. */
export function ErrorText({ id, message, className }: { id: string; message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className={cn("text-sm text-red-700", className)}>
      {message}
    </p>
  );
}

/**
 * The error message at a dotted form path ("steps.3.noStepNumber"), or the first one
 * below it (e.g. "steps.3.participantRoleCodes.1" for the participants group).
 */
export function useFieldError(path: string): string | undefined {
  const { errors } = useFormState<TSopFormValues>({ name: path as never });
  const error = get(errors, path) as { message?: unknown } | undefined;
  if (!error) return undefined;
  return typeof error.message === "string" ? error.message : collectErrors(error)[0]?.message;
}

/** Label + control + hint + error for one form path; the control gets id and aria props from `children`. */
export function FormField({
  path,
  label,
  hint,
  className,
  children,
}: {
  path: string;
  label: string;
  hint?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = fieldIdForPath(path);
  const error = useFieldError(path);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} message={error} />
    </div>
  );
}

/** A numbered list of the SOP's boxes (Dasar Hukum, Keterkaitan, ...): add and remove items. */
export function ListField({ name, label, hint }: { name: ListName; label: string; hint?: string }) {
  const { control } = useFormContext<TSopFormValues>();
  const { errors } = useFormState<TSopFormValues>({ control, name });
  const listError = (get(errors, name) as { message?: string; root?: { message?: string } } | undefined) ?? undefined;
  const groupId = fieldIdForPath(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const items = field.value ?? [];
        const update = (next: string[]) => field.onChange(next);
        return (
          <fieldset id={groupId} tabIndex={-1} className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{label}</legend>
            {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
            {items.length === 0 ? <p className="text-sm text-slate-500">{M.emptyList}</p> : null}
            <ol className="space-y-2">
              {items.map((item, i) => {
                const id = fieldIdForPath(`${name}.${i}`);
                const error = (get(errors, `${name}.${i}`) as { message?: string } | undefined)?.message;
                return (
                  <li key={i} className="flex items-start gap-2">
                    <span aria-hidden className="mt-2.5 w-5 shrink-0 text-right text-sm text-slate-500">
                      {i + 1}.
                    </span>
                    <div className="min-w-0 flex-1 space-y-1">
                      <label htmlFor={id} className="sr-only">
                        {M.listItem(label, i + 1)}
                      </label>
                      <Textarea
                        id={id}
                        ref={i === 0 ? field.ref : undefined}
                        rows={2}
                        value={item}
                        aria-invalid={Boolean(error)}
                        aria-describedby={error ? `${id}-error` : undefined}
                        onBlur={field.onBlur}
                        onChange={(e) => update(items.map((v, k) => (k === i ? e.target.value : v)))}
                      />
                      <ErrorText id={id} message={error} />
                    </div>
                    <Button
                      type="button"
                      variant="ghost"
                      className="shrink-0 px-2"
                      aria-label={M.removeItem(label, i + 1)}
                      title={M.removeItem(label, i + 1)}
                      onClick={() => update(items.filter((_, k) => k !== i))}
                    >
                      <X aria-hidden className="size-4" />
                    </Button>
                  </li>
                );
              })}
            </ol>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              aria-label={`${M.addItem}: ${label}`}
              onClick={() => {
                update([...items, ""]);
                requestAnimationFrame(() => document.getElementById(fieldIdForPath(`${name}.${items.length}`))?.focus());
              }}
            >
              <Plus aria-hidden className="size-4" />
              {M.addItem}
            </Button>
            <ErrorText id={groupId} message={listError?.message ?? listError?.root?.message} />
          </fieldset>
        );
      }}
    />
  );
}
