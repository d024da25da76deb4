"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applyErrors } from "@/components/ui/form-errors";
import { Input, Select } from "@/components/ui/input";
import { createAgencyAction, createGovernmentAction } from "@/lib/agency/actions";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import type { TAppointedAdmin } from "@/lib/agency/platform-service";
import { ZCreateAgency, ZCreateGovernment } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";

import { AdminPersonFields } from "./admin-person-fields";
import { CredentialNotice } from "./credential-notice";

export function CreateGovernmentForm() {
  const router = useRouter();
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
          router.refresh();
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

/** The agency's profile fields, shared by creation and editing. */
export function AgencyProfileFields({
  prefix,
  register,
  errors,
  slugLocked,
}: {
  prefix: string;
  register: ReturnType<typeof useForm<z.input<typeof ZCreateAgency>>>["register"];
  errors: ReturnType<typeof useForm<z.input<typeof ZCreateAgency>>>["formState"]["errors"];
  slugLocked?: boolean;
}) {
  return (
    <>
      <Field id={`${prefix}-name`} label={t.platform.agencyName} error={errors.name?.message}>
        <Input id={`${prefix}-name`} aria-invalid={Boolean(errors.name)} {...register("name")} />
      </Field>
      <Field
        id={`${prefix}-slug`}
        label={t.platform.slug}
        hint={slugLocked === undefined ? t.platform.slugHint : slugLocked ? M.slugLocked : M.slugEditable}
        error={errors.slug?.message}
      >
        <Input
          id={`${prefix}-slug`}
          autoCapitalize="none"
          readOnly={slugLocked}
          aria-invalid={Boolean(errors.slug)}
          aria-describedby={errors.slug ? `${prefix}-slug-error` : `${prefix}-slug-hint`}
          {...register("slug")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-tz`} label={t.platform.timeZone} error={errors.timeZone?.message}>
          <Select id={`${prefix}-tz`} {...register("timeZone")}>
            {(["WIB", "WITA", "WIT"] as const).map((z) => (
              <option key={z} value={z}>
                {t.timeZones[z]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${prefix}-city`} label={M.city} hint={M.cityHint} error={errors.city?.message}>
          <Input id={`${prefix}-city`} aria-invalid={Boolean(errors.city)} aria-describedby={`${prefix}-city-hint`} {...register("city")} />
        </Field>
      </div>
      <Field id={`${prefix}-unit`} label={M.unitName} hint={M.unitNameHint} error={errors.unitName?.message}>
        <Input id={`${prefix}-unit`} aria-invalid={Boolean(errors.unitName)} aria-describedby={`${prefix}-unit-hint`} {...register("unitName")} />
      </Field>
      <Field id={`${prefix}-address`} label={M.address} error={errors.address?.message}>
        <Input id={`${prefix}-address`} aria-invalid={Boolean(errors.address)} {...register("address")} />
      </Field>
    </>
  );
}

/** A new agency together with its first administrator; a new account's temporary password or link is shown once. */
export function CreateAgencyForm({ governments }: { governments: { id: string; label: string }[] }) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ agencyId: string; admin: TAppointedAdmin } | null>(null);
  type TIn = z.input<typeof ZCreateAgency>;
  const defaults: TIn = {
    governmentId: governments[0]?.id ?? "",
    name: "",
    slug: "",
    timeZone: "WIB",
    unitName: "",
    address: "",
    city: "",
    admin: { nip: "", name: "", jabatan: "", email: "", credential: "temporary_password" },
  };
  const form = useForm<TIn, unknown, z.output<typeof ZCreateAgency>>({ resolver: zodResolver(ZCreateAgency), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  if (issued?.admin.credential) {
    return (
      <CredentialNotice
        admin={issued.admin}
        onDone={() => {
          setIssued(null);
          router.push(`/admin/instansi/${issued.agencyId}`);
        }}
      />
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await createAgencyAction(values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.agencyCreated(result.data.name));
        if (result.data.admin.existing) toast.info(M.existingAccount(result.data.admin.name));
        form.reset(defaults);
        if (result.data.admin.credential) setIssued({ agencyId: result.data.id, admin: result.data.admin });
        else router.push(`/admin/instansi/${result.data.id}`);
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
      <AgencyProfileFields prefix="a" register={form.register} errors={errors} />
      <AdminPersonFields prefix="a" register={form.register} errors={errors.admin} />
      <Button type="submit" disabled={isSubmitting || governments.length === 0}>
        {isSubmitting ? t.common.saving : t.platform.addAgency}
      </Button>
    </form>
  );
}
