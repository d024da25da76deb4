"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setApprovalPolicyAction } from "@/lib/cycle/actions";
import { SNAPSHOT_MESSAGES as S } from "@/lib/cycle/decision-snapshot-shared";
import { t } from "@/lib/i18n";

/**
 * The agency's policy on approving a decision snapshot with values Tim SAKIP has not
 * verified: warn (default) or refuse. Shown as text to whoever may not change it; the
 * server (cycle.setApprovalPolicy, permission performance.manage) decides who may.
 */
export function ApprovalPolicyForm({ agencySlug, blockUnverifiedApproval, canManage }: { agencySlug: string; blockUnverifiedApproval: boolean; canManage: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [checked, setChecked] = useState(blockUnverifiedApproval);
  const [error, setError] = useState<string | null>(null);
  if (!canManage) return <p className="text-sm text-slate-700">{blockUnverifiedApproval ? S.settingOn : S.settingOff}</p>;
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="approval-policy"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await setApprovalPolicyAction(agencySlug, { blockUnverifiedApproval: checked }).catch(() => null);
          if (result?.ok) {
            setError(null);
            toast.success(S.settingSaved);
            router.refresh();
            return;
          }
          const message = result?.error ?? t.errors.unexpected;
          setError(message);
          toast.error(message);
        });
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <label className="flex min-h-11 items-start gap-3 text-sm text-slate-900">
        <input
          type="checkbox"
          className="mt-0.5 size-5 shrink-0"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
          aria-describedby="approval-policy-hint"
        />
        <span>{S.settingLabel}</span>
      </label>
      <p id="approval-policy-hint" className="text-xs text-slate-600">
        {S.settingHint}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? t.common.saving : S.settingSave}
      </Button>
    </form>
  );
}
