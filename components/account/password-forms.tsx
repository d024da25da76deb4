"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction, setPasswordWithTokenAction } from "@/lib/auth/actions";
import { ACCOUNT_MESSAGES as M } from "@/lib/auth/messages";
import { ZChangePassword, ZSetPasswordWithToken } from "@/lib/auth/schemas";
import { zodResolver } from "@/lib/validation/zod-resolver";

type TFieldName = "currentPassword" | "newPassword" | "confirmPassword";

function PasswordField({
  name,
  label,
  hint,
  error,
  autoComplete,
  register,
}: {
  name: TFieldName;
  label: string;
  hint?: string;
  error?: string;
  autoComplete: string;
  register: ReturnType<typeof useForm<Record<TFieldName, string>>>["register"];
}) {
  const id = `pw-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input
        id={id}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...register(name)}
      />
    </Field>
  );
}

/** The signed-in user's own password: forced after a temporary one, or by choice. */
export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  type TIn = z.input<typeof ZChangePassword>;
  const form = useForm<TIn, unknown, z.output<typeof ZChangePassword>>({
    resolver: zodResolver(ZChangePassword),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await changePasswordAction(values);
        if (result.ok) {
          toast.success(M.changed);
          router.replace("/");
          router.refresh();
          return;
        }
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as keyof TIn, { message: messages[0] });
        form.setError("root", { message: result.error });
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <PasswordField
        name="currentPassword"
        label={M.currentPassword}
        hint={forced ? M.currentPasswordForcedHint : undefined}
        error={errors.currentPassword?.message}
        autoComplete="current-password"
        register={form.register as never}
      />
      <PasswordField name="newPassword" label={M.newPassword} hint={M.newPasswordHint} error={errors.newPassword?.message} autoComplete="new-password" register={form.register as never} />
      <PasswordField name="confirmPassword" label={M.confirmPassword} error={errors.confirmPassword?.message} autoComplete="new-password" register={form.register as never} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? M.submitting : M.submit}
      </Button>
    </form>
  );
}

/** A set-password link's form: on success, the way to sign in. */
export function SetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  type TIn = z.input<typeof ZSetPasswordWithToken>;
  const form = useForm<TIn, unknown, z.output<typeof ZSetPasswordWithToken>>({
    resolver: zodResolver(ZSetPasswordWithToken),
    defaultValues: { token, newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{M.setDone}</Alert>
        <Button asChild className="w-full">
          <a href="/masuk">{M.toSignIn}</a>
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await setPasswordWithTokenAction(values);
        if (result.ok) {
          setDone(true);
          return;
        }
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (field !== "token") form.setError(field as keyof TIn, { message: messages[0] });
        }
        form.setError("root", { message: result.error });
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <PasswordField name="newPassword" label={M.newPassword} hint={M.newPasswordHint} error={errors.newPassword?.message} autoComplete="new-password" register={form.register as never} />
      <PasswordField name="confirmPassword" label={M.confirmPassword} error={errors.confirmPassword?.message} autoComplete="new-password" register={form.register as never} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? M.submitting : M.submit}
      </Button>
    </form>
  );
}
