"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createAgencyAction, createGovernmentAction } from "@/lib/agency/actions";
import { ZCreateAgency, ZCreateGovernment } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";

function applyErrors<T extends Record<string, unknown>>(
  setError: (name: keyof T | "root", error: { message?: string }) => void,
  result: { error: string; fieldErrors?: Record<string, string[]> },
) {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof T, { message: messages[0] });
  setError("root", { message: result.error });
}

export function CreateGovernmentForm() {
  type TIn = z.input<typeof ZCreateGovernment>;
  const form = useForm<TIn, unknown, z.output<typeof ZCreateGovernment>>({
    resolver: zodResolver(ZCreateGovernment),
    defaultValues: { level: "KABUPATEN", name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createGovernmentAction(values);
        if (result.ok) {
          toast.success(t.platform.governmentAdded);
          form.reset();
        } else applyErrors<TIn>(form.setError as never, result);
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id="g-level" label={t.platform.level} error={errors.level?.message}>
        <Select id="g-level" {...form.register("level")}>
          {(["PROVINSI", "KABUPATEN", "KOTA"] as const).map((l) => (
            <option key={l} value={l}>
              {t.platform.levels[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="g-name" label={t.platform.governmentName} error={errors.name?.message}>
        <Input id="g-name" aria-invalid={Boolean(errors.name)} {...form.register("name")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.common.saving : t.platform.addGovernment}
      </Button>
    </form>
  );
}

export function CreateAgencyForm({ governments }: { governments: { id: string; label: string }[] }) {
  type TIn = z.input<typeof ZCreateAgency>;
  const form = useForm<TIn, unknown, z.output<typeof ZCreateAgency>>({
    resolver: zodResolver(ZCreateAgency),
    defaultValues: { governmentId: governments[0]?.id ?? "", name: "", slug: "", timeZone: "WIB", adminNip: "" },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createAgencyAction(values);
        if (result.ok) {
          toast.success(t.platform.agencyAdded);
          form.reset();
        } else applyErrors<TIn>(form.setError as never, result);
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id="a-gov" label={t.platform.government} error={errors.governmentId?.message}>
        <Select id="a-gov" {...form.register("governmentId")}>
          {governments.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="a-name" label={t.platform.agencyName} error={errors.name?.message}>
        <Input id="a-name" aria-invalid={Boolean(errors.name)} {...form.register("name")} />
      </Field>
      <Field id="a-slug" label={t.platform.slug} hint={t.platform.slugHint} error={errors.slug?.message}>
        <Input id="a-slug" autoCapitalize="none" aria-invalid={Boolean(errors.slug)} {...form.register("slug")} />
      </Field>
      <Field id="a-tz" label={t.platform.timeZone} error={errors.timeZone?.message}>
        <Select id="a-tz" {...form.register("timeZone")}>
          {(["WIB", "WITA", "WIT"] as const).map((z) => (
            <option key={z} value={z}>
              {t.timeZones[z]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="a-admin" label={t.platform.adminNip} error={errors.adminNip?.message}>
        <Input id="a-admin" inputMode="numeric" aria-invalid={Boolean(errors.adminNip)} {...form.register("adminNip")} />
      </Field>
      <Button type="submit" disabled={isSubmitting || governments.length === 0}>
        {isSubmitting ? t.common.saving : t.platform.addAgency}
      </Button>
    </form>
  );
}
