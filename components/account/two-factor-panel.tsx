"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { beginTwoFactorAction, confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction } from "@/lib/auth/actions";
import { ZTwoFactorCode, ZTwoFactorDisable, type TTwoFactorCode, type TTwoFactorDisable } from "@/lib/auth/schemas";
import { TWO_FACTOR_MESSAGES as M } from "@/lib/auth/two-factor-messages";
import { zodResolver } from "@/lib/validation/zod-resolver";

type TResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** Shows an action's refusal on the form: field messages where they belong, the message above. */
function refuse<T extends Record<string, unknown>>(form: ReturnType<typeof useForm<T>>, result: Extract<TResult, { ok: false }>) {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as never, { message: messages[0] });
  form.setError("root", { message: result.error });
}

function CodeInput({ id, error, register, label = M.code }: { id: string; error?: string; register: object; label?: string }) {
  return (
    <Field id={id} label={label} hint={M.codeHint} error={error}>
      <Input
        id={id}
        inputMode="numeric"
        autoComplete="one-time-code"
        className="max-w-[12rem] font-mono tracking-widest"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        {...register}
      />
    </Field>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <h3 className="font-semibold">{M.recoveryTitle}</h3>
      <Alert tone="info">{M.recoveryOnce}</Alert>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Button type="button" onClick={onDone}>
        {M.recoveryDone}
      </Button>
    </div>
  );
}

/** Enrolment: the QR code and manual key, then a code from the app to confirm. */
function Enrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [shown, setShown] = useState<{ manualKey: string; qrDataUrl: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TTwoFactorCode>({ resolver: zodResolver(ZTwoFactorCode), defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;

  if (!shown) {
    return (
      <div className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <Button
          type="button"
          disabled={starting}
          onClick={async () => {
            setStarting(true);
            setError(null);
            const result = await beginTwoFactorAction({});
            setStarting(false);
            if (result.ok) setShown(result.data);
            else setError(result.error);
          }}
        >
          {starting ? M.starting : M.start}
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await confirmTwoFactorAction(values);
        if (result.ok) onEnabled(result.data.recoveryCodes);
        else refuse(form, result);
      })}
    >
      <p className="text-sm">{M.scan}</p>
      {/* A data: URL made on the server from the otpauth:// address; nothing is fetched from elsewhere. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={shown.qrDataUrl} alt={M.qrAlt} width={220} height={220} className="rounded border border-slate-200" />
      <div>
        <p className="text-sm text-slate-600">{M.manualKey}</p>
        <p className="font-mono text-sm break-all select-all" data-testid="manual-key">
          {shown.manualKey}
        </p>
      </div>
      <p className="text-sm">{M.confirmIntro}</p>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <CodeInput id="tf-confirm-code" error={errors.code?.message} register={form.register("code")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? M.confirming : M.confirm}
      </Button>
    </form>
  );
}

function Regenerate({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const form = useForm<TTwoFactorCode>({ resolver: zodResolver(ZTwoFactorCode), defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await regenerateRecoveryCodesAction(values);
        if (result.ok) onCodes(result.data.recoveryCodes);
        else refuse(form, result);
      })}
    >
      <h3 className="font-semibold">{M.regenerate}</h3>
      <p className="text-sm text-slate-600">{M.regenerateIntro}</p>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <CodeInput id="tf-regenerate-code" error={errors.code?.message} register={form.register("code")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? M.regenerating : M.regenerate}
      </Button>
    </form>
  );
}

function Disable() {
  const router = useRouter();
  const form = useForm<TTwoFactorDisable>({ resolver: zodResolver(ZTwoFactorDisable), defaultValues: { password: "", code: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await disableTwoFactorAction(values);
        if (!result.ok) return refuse(form, result);
        toast.success(M.disabled);
        router.refresh();
      })}
    >
      <h3 className="font-semibold">{M.disable}</h3>
      <p className="text-sm text-slate-600">{M.disableIntro}</p>
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <Field id="tf-disable-password" label={M.password} error={errors.password?.message}>
        <Input
          id="tf-disable-password"
          type="password"
          autoComplete="current-password"
          className="max-w-sm"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "tf-disable-password-error" : undefined}
          {...form.register("password")}
        />
      </Field>
      <CodeInput id="tf-disable-code" label={M.codeOrRecovery} error={errors.code?.message} register={form.register("code")} />
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {isSubmitting ? M.disabling : M.disable}
      </Button>
    </form>
  );
}

/** The profile page's two-factor card: enrol, see the recovery codes once, make new ones, turn it off. */
export function TwoFactorPanel({ enabled, remainingRecoveryCodes }: { enabled: boolean; remainingRecoveryCodes: number }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const done = () => {
    setCodes(null);
    router.refresh();
  };
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">{M.intro}</p>
      <p className="text-sm">
        Status:{" "}
        <Badge tone={enabled || codes ? "success" : "neutral"} data-testid="two-factor-status">
          {enabled || codes ? M.statusOn : M.statusOff}
        </Badge>
      </p>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={done} />
      ) : enabled ? (
        <>
          <p className="text-sm text-slate-600">{M.recoveryRemaining(remainingRecoveryCodes)}</p>
          <Regenerate onCodes={setCodes} />
          <hr className="border-slate-200" />
          <Disable />
        </>
      ) : (
        <Enrol
          onEnabled={(c) => {
            toast.success(M.enabled);
            setCodes(c);
          }}
        />
      )}
    </div>
  );
}
