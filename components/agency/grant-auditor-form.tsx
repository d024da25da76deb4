"use client";

import { useRouter } from "next/navigation";
import { zodResolver } from "@/lib/validation/zod-resolver";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { grantAuditorAction, platformGrantAuditorAction } from "@/lib/agency/actions";
import { ZGrantAuditor } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";

/**
 * Grants an Inspektorat auditor read access, optionally until a date. On an
 * agency's member page (agencySlug given) or, for the platform administrator,
 * for any agency (agencies given).
 */
export function GrantAuditorForm(props: { agencySlug: string } | { agencies: { id: string; label: string }[] }) {
  const platform = "agencies" in props;
  const schema = platform ? ZGrantAuditor : ZGrantAuditor.extend({ agencyId: z.string().optional() });
  type TIn = z.input<typeof ZGrantAuditor>;
  const form = useForm<TIn>({
    resolver: zodResolver(schema) as never,
    defaultValues: { agencyId: platform ? (props.agencies[0]?.id ?? "") : "", nip: "", validUntil: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = platform ? "pg" : "ag";
  const router = useRouter();

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = platform
          ? await platformGrantAuditorAction(values)
          : await grantAuditorAction(props.agencySlug, { nip: values.nip, validUntil: values.validUntil });
        if (result.ok) {
          toast.success(t.platform.auditorGranted);
          form.reset();
          router.refresh();
          return;
        }
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as keyof TIn, { message: messages[0] });
        form.setError("root", { message: result.error });
      })}
    >
      <p className="text-sm text-slate-600">{t.platform.grantAuditorHint}</p>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      {platform ? (
        <Field id={`${prefix}-agency`} label={t.platform.auditorAgency} error={errors.agencyId?.message}>
          <Select id={`${prefix}-agency`} {...form.register("agencyId")}>
            {props.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-nip`} label={t.platform.auditorNip} error={errors.nip?.message}>
          <Input id={`${prefix}-nip`} inputMode="numeric" aria-invalid={Boolean(errors.nip)} {...form.register("nip")} />
        </Field>
        <Field id={`${prefix}-until`} label={t.platform.auditorUntil} error={errors.validUntil?.message}>
          <Input id={`${prefix}-until`} type="date" aria-invalid={Boolean(errors.validUntil)} {...form.register("validUntil")} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? t.common.saving : t.platform.grantAuditor}
      </Button>
    </form>
  );
}
