"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import { TWO_FACTOR_MESSAGES as M } from "@/lib/auth/two-factor-messages";
import { setTwoFactorPolicyAction } from "@/lib/member/actions";

/** "Wajibkan verifikasi dua langkah untuk administrator dan kepala": enforced by the agency's door (lib/authz/context.ts). */
export function TwoFactorPolicyForm({ agencySlug, required }: { agencySlug: string; required: boolean }) {
  const [checked, setChecked] = useState(required);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await setTwoFactorPolicyAction(agencySlug, { required: checked });
          if (result.ok) {
            toast.success(checked ? M.policyOn : M.policyOff);
            router.refresh();
          } else toast.error(result.error);
        });
      }}
    >
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={checked} onChange={(e) => setChecked(e.target.checked)} aria-describedby="two-factor-policy-hint" />
        <span className="font-medium text-slate-800">{M.policyLabel}</span>
      </label>
      <p id="two-factor-policy-hint" className="text-xs text-slate-600">
        {M.policyHint}
      </p>
      <Button type="submit" size="sm" variant="secondary" disabled={pending || checked === required}>
        {pending ? "Menyimpan…" : "Simpan"}
      </Button>
    </form>
  );
}
