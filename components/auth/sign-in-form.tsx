"use client";

import { zodResolver } from "@/lib/validation/zod-resolver";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SIGN_IN_ERRORS, ZSignIn, type TSignIn } from "@/lib/auth/schemas";
import { t } from "@/lib/i18n";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn), defaultValues: { identifier: "", password: "" } });

  async function onSubmit(values: TSignIn) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const code = result?.error;
      // The format hint belongs to the field; anything else is one generic message.
      if (code === "NIP_FORMAT") setFieldError("identifier", { message: SIGN_IN_ERRORS.NIP_FORMAT }, { shouldFocus: true });
      else setError(code === "THROTTLED" || code === "UNAVAILABLE" ? SIGN_IN_ERRORS[code] : t.auth.failed);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Field id="identifier" label={t.auth.identifier} hint={t.auth.identifierHint} error={errors.identifier?.message}>
        <Input
          id="identifier"
          autoComplete="username"
          autoCapitalize="none"
          inputMode="email"
          aria-invalid={Boolean(errors.identifier)}
          aria-describedby={errors.identifier ? "identifier-error" : "identifier-hint"}
          {...register("identifier")}
        />
      </Field>
      <Field id="password" label={t.auth.password} error={errors.password?.message}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t.auth.submitting : t.auth.submit}
      </Button>
    </form>
  );
}
