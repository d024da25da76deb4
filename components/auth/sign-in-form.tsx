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
import { TWO_FACTOR_MESSAGES as TF } from "@/lib/auth/two-factor-messages";
import { t } from "@/lib/i18n";

/**
 * NIP/e-mail and password; for an account with two-factor sign-in the server
 * answers TWO_FACTOR_REQUIRED (no session) and the form asks for the code,
 * sending the password again with it: the server checks both together.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState(false);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn), defaultValues: { identifier: "", password: "", code: "" } });

  async function onSubmit(values: TSignIn) {
    setError(null);
    const result = await signIn("credentials", { ...values, code: secondStep ? (values.code ?? "") : "", redirect: false });
    if (!result || result.error) {
      const code = result?.error;
      // The format hint belongs to the field; anything else is one generic message.
      if (code === "NIP_FORMAT") setFieldError("identifier", { message: SIGN_IN_ERRORS.NIP_FORMAT }, { shouldFocus: true });
      else if (code === "TWO_FACTOR_REQUIRED") {
        setSecondStep(true);
        setValue("code", "");
        setTimeout(() => setFocus("code"), 0);
      } else if (code === "TWO_FACTOR_INVALID") setFieldError("code", { message: SIGN_IN_ERRORS.TWO_FACTOR_INVALID }, { shouldFocus: true });
      else setError(code === "THROTTLED" || code === "UNAVAILABLE" ? SIGN_IN_ERRORS[code] : t.auth.failed);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  if (secondStep) {
    return (
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-labelledby="second-step-title">
        <h2 id="second-step-title" className="font-semibold text-slate-900">
          {TF.signInStepTitle}
        </h2>
        <p className="text-sm text-slate-600">{TF.signInStepIntro}</p>
        {error ? <Alert>{error}</Alert> : null}
        <Field id="code" label={TF.signInCode} error={errors.code?.message}>
          <Input
            id="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            className="font-mono tracking-widest"
            aria-invalid={Boolean(errors.code)}
            aria-describedby={errors.code ? "code-error" : undefined}
            {...register("code")}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? t.auth.submitting : t.auth.submit}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => {
            setSecondStep(false);
            setError(null);
            setValue("password", "");
          }}
        >
          {TF.signInBack}
        </Button>
      </form>
    );
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
