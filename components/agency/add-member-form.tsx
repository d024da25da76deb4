"use client";

import { useRouter } from "next/navigation";
import { zodResolver } from "@/lib/validation/zod-resolver";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { addMemberAction } from "@/lib/agency/actions";
import { ZAddMember } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";
import { UNIT_MESSAGES } from "@/lib/unit/messages";

type TIn = z.input<typeof ZAddMember>;
type TOut = z.output<typeof ZAddMember>;

export function AddMemberForm({
  agencySlug,
  roles,
  units,
}: {
  agencySlug: string;
  roles: { code: string; name: string }[];
  units: { id: string; name: string }[];
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(ZAddMember),
    defaultValues: { nip: "", name: "", gelarDepan: "", gelarBelakang: "", email: "", jabatan: "", pangkat: "", password: "", roleCodes: [], unitId: "" },
  });

  async function onSubmit(values: TOut) {
    // The server parses the values again with the same schema: it trusts nothing from here.
    const result = await addMemberAction(agencySlug, values);
    if (result.ok) {
      toast.success(t.members.added);
      reset();
      router.refresh();
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof TIn, { message: messages[0] });
    }
    setError("root", { message: result.error });
  }

  const fields = [
    { name: "nip", label: t.members.nip, hint: t.auth.identifierHint, inputMode: "numeric" as const },
    { name: "name", label: t.members.name },
    { name: "gelarDepan", label: "Gelar depan (opsional)" },
    { name: "gelarBelakang", label: "Gelar belakang (opsional)" },
    { name: "email", label: t.members.email, type: "email" },
    { name: "jabatan", label: t.members.jabatan },
    { name: "pangkat", label: t.members.pangkat },
    { name: "password", label: t.members.initialPassword, hint: "Minimal 10 karakter. Diperlukan bila NIP belum terdaftar; anggota wajib menggantinya saat pertama masuk.", type: "password" },
  ] as const;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          const error = errors[f.name]?.message;
          return (
            <Field key={f.name} id={`m-${f.name}`} label={f.label} hint={"hint" in f ? f.hint : undefined} error={error}>
              <Input
                id={`m-${f.name}`}
                type={"type" in f ? f.type : "text"}
                inputMode={"inputMode" in f ? f.inputMode : undefined}
                autoComplete={f.name === "password" ? "new-password" : "off"}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `m-${f.name}-error` : "hint" in f ? `m-${f.name}-hint` : undefined}
                {...register(f.name)}
              />
            </Field>
          );
        })}
      </div>
      <Field id="m-unit" label={UNIT_MESSAGES.memberUnit} error={errors.unitId?.message}>
        <Select id="m-unit" {...register("unitId")}>
          <option value="">{UNIT_MESSAGES.memberNoUnit}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t.members.roles}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {roles.map((r) => (
            <label key={r.code} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm">
              <input type="checkbox" value={r.code} className="size-4" {...register("roleCodes")} />
              {r.name}
            </label>
          ))}
        </div>
        {errors.roleCodes?.message ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {errors.roleCodes.message}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.common.saving : t.members.add}
      </Button>
    </form>
  );
}
