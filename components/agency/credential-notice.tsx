"use client";

import { Copy, KeyRound } from "lucide-react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import type { TAppointedAdmin } from "@/lib/agency/platform-service";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import { formatNip } from "@/lib/validation/nip";

/**
 * The temporary password or set-password link of a new account, shown once
 * right after it was issued: the server keeps only a hash, so this is the
 * only time anyone sees it.
 */
export function CredentialNotice({ admin, onDone }: { admin: TAppointedAdmin; onDone: () => void }) {
  const credential = admin.credential;
  if (!credential) return null;
  const secret = credential.mode === "temporary_password" ? credential.password : `${window.location.origin}${credential.path}`;
  const until =
    credential.mode === "link"
      ? new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short" }).format(new Date(credential.expiresAt))
      : "";
  return (
    <section aria-labelledby="credential-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="credential-notice">
      <h3 id="credential-title" className="flex items-center gap-2 font-semibold text-amber-950">
        <KeyRound aria-hidden className="size-5" />
        {M.secretTitle}
      </h3>
      <p className="text-sm text-amber-950">{M.secretOnce}</p>
      <p className="text-sm text-slate-800">
        {admin.name} · NIP {formatNip(admin.nip)}
      </p>
      <p className="text-sm font-medium text-slate-900">{credential.mode === "temporary_password" ? M.secretPassword(formatNip(admin.nip)) : M.secretLink(until)}</p>
      <p className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-base break-all text-slate-950" data-testid="credential-secret">
        {secret}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            toast.success(M.copied);
          }}
        >
          <Copy aria-hidden className="size-4" />
          {M.copy}
        </Button>
        <Button type="button" onClick={onDone}>
          {M.done}
        </Button>
      </div>
    </section>
  );
}
