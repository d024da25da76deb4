"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import type { TAdminPerson } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";

type TWithAdmin = { admin: TAdminPerson };

/** NIP, name, jabatan, e-mail and how a new account gets its first password: the `admin` part of a form. */
export function AdminPersonFields<T extends TWithAdmin>({
  prefix,
  register,
  errors,
  heading = true,
}: {
  prefix: string;
  /** False where the form already has its own heading (naming an administrator of an existing agency). */
  heading?: boolean;
  register: UseFormRegister<T>;
  errors: FieldErrors<TWithAdmin>["admin"];
}) {
  const reg = register as unknown as UseFormRegister<TWithAdmin>;
  const fields = [
    { name: "nip", label: M.adminNip, hint: t.auth.identifierHint, inputMode: "numeric" as const },
    { name: "name", label: M.adminName },
    { name: "jabatan", label: M.adminJabatan },
    { name: "email", label: M.adminEmail, type: "email" },
  ] as const;
  return (
    <fieldset className="space-y-4">
      <legend className={heading ? "text-sm font-semibold text-slate-900" : "sr-only"}>{M.adminSection}</legend>
      <p className="text-sm text-slate-600">{M.adminSectionHint}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          const id = `${prefix}-admin-${f.name}`;
          const error = errors?.[f.name]?.message;
          return (
            <Field key={f.name} id={id} label={f.label} hint={"hint" in f ? f.hint : undefined} error={error}>
              <Input
                id={id}
                type={"type" in f ? f.type : "text"}
                inputMode={"inputMode" in f ? f.inputMode : undefined}
                autoComplete="off"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : "hint" in f ? `${id}-hint` : undefined}
                {...reg(`admin.${f.name}`)}
              />
            </Field>
          );
        })}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{M.credential}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {(
            [
              ["temporary_password", M.credentialTemporary],
              ["link", M.credentialLink],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm">
              <input type="radio" value={value} className="size-4" {...reg("admin.credential")} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
