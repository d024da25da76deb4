"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createFollowUpAction } from "@/lib/followup/actions";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";

/** Adds a follow-up; bound to `cycleId` when given (the cycle page's panel). */
export function FollowUpForm({ agencySlug, units, cycleId, defaultDue }: { agencySlug: string; units: { id: string; name: string }[]; cycleId?: string; defaultDue: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formKey, setFormKey] = useState(0);

  if (units.length === 0) return <p className="text-sm text-slate-600">{M.noUnits}</p>;

  function submit(form: FormData) {
    start(async () => {
      const result = await createFollowUpAction(agencySlug, {
        recommendation: String(form.get("recommendation") ?? ""),
        unitId: String(form.get("unitId") ?? ""),
        dueDate: String(form.get("dueDate") ?? ""),
        cycleId: cycleId ?? null,
      });
      if (result.ok) {
        toast.success(M.added);
        setErrors({});
        setFormKey((k) => k + 1);
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
      }
    });
  }

  const err = (k: string) => errors[k]?.[0];
  return (
    <form
      key={formKey}
      onSubmit={(e) => {
        // Not a form `action`: that would clear what was typed when the server refuses it.
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
      className="space-y-3"
      data-testid="followup-form"
      noValidate
    >
      <Field id={`${id}-rec`} label={M.recommendation} error={err("recommendation")}>
        <textarea
          id={`${id}-rec`}
          name="recommendation"
          rows={3}
          required
          aria-invalid={Boolean(err("recommendation"))}
          aria-describedby={err("recommendation") ? `${id}-rec-error` : undefined}
          className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-600 sm:text-sm"
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-unit`} label={M.unit} error={err("unitId")}>
          <Select id={`${id}-unit`} name="unitId" required defaultValue="" className="min-h-11" aria-invalid={Boolean(err("unitId"))}>
            <option value="">{M.unitChoose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-due`} label={M.dueDate} error={err("dueDate")}>
          <Input id={`${id}-due`} name="dueDate" type="date" required defaultValue={defaultDue} className="min-h-11" aria-invalid={Boolean(err("dueDate"))} />
        </Field>
      </div>
      <Button type="submit" disabled={pending} className="min-h-11 w-full sm:w-auto">
        {pending ? M.adding : M.add}
      </Button>
    </form>
  );
}
