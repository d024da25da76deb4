"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { TWO_FACTOR_MESSAGES as TF } from "@/lib/auth/two-factor-messages";
import { resetMemberPasswordAction, resetMemberTwoFactorAction, updateMemberAction } from "@/lib/member/actions";
import { MEMBER_MESSAGES as M } from "@/lib/member/messages";

export interface MemberPerson {
  userId: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jabatan: string | null;
  pangkat: string | null;
  email: string | null;
}

const FIELDS = [
  ["name", "Nama"],
  ["gelarDepan", "Gelar depan"],
  ["gelarBelakang", "Gelar belakang"],
  ["jabatan", "Jabatan"],
  ["pangkat", "Pangkat/golongan"],
  ["email", "Email"],
] as const;

/** Edit a member's person data, and reset their password (a temporary one, or a set-password link), shown once. */
export function MemberAdminPanel({
  agencySlug,
  member,
  canReset,
  twoFactorEnabled = false,
}: {
  agencySlug: string;
  member: MemberPerson;
  canReset: boolean;
  twoFactorEnabled?: boolean;
}) {
  const [confirmTwoFactor, setConfirmTwoFactor] = useState(false);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map(([k]) => [k, member[k] ?? ""])) as Record<(typeof FIELDS)[number][0], string>);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [secret, setSecret] = useState<string | null>(null);
  // The form is rendered only while open: a closed panel adds no fields to the page.
  const [open, setOpen] = useState(false);

  function save() {
    startTransition(async () => {
      const result = await updateMemberAction(agencySlug, { userId: member.userId, ...values });
      if (result.ok) {
        setErrors({});
        toast.success(M.updated);
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
      }
    });
  }
  function reset(mode: "temporary_password" | "link") {
    startTransition(async () => {
      const result = await resetMemberPasswordAction(agencySlug, { userId: member.userId, mode });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      const r = result.data;
      setSecret(r.mode === "temporary_password" ? `Kata sandi sementara: ${r.password}` : `Tautan: ${window.location.origin}${r.path}`);
      toast.success(r.mode === "temporary_password" ? M.resetDone : M.linkDone);
      router.refresh();
    });
  }

  function resetTwoFactor() {
    startTransition(async () => {
      const result = await resetMemberTwoFactorAction(agencySlug, { userId: member.userId });
      if (result.ok) {
        toast.success(TF.resetDone);
        router.refresh();
      } else toast.error(result.error);
    });
  }

  return (
    <details className="rounded-md border border-slate-200 px-3 py-2" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium">Ubah data dan kata sandi</summary>
      {open ? (
      <fieldset disabled={pending} className="mt-3 space-y-3">
        <legend className="sr-only">Data {member.name}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {FIELDS.map(([key, label]) => (
            <label key={key} className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-slate-800">{label}</span>
              <Input value={values[key]} aria-invalid={Boolean(errors[key])} onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))} />
              {errors[key] ? (
                <span role="alert" className="text-red-700">
                  {errors[key][0]}
                </span>
              ) : null}
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={save}>
            Simpan data
          </Button>
          {canReset ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => reset("temporary_password")}>
                Reset: kata sandi sementara
              </Button>
              <Button size="sm" variant="secondary" onClick={() => reset("link")}>
                Reset: tautan atur sandi
              </Button>
              {twoFactorEnabled ? (
                <Button size="sm" variant="secondary" onClick={() => setConfirmTwoFactor(true)}>
                  {TF.reset}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
        {secret ? (
          <p role="status" className="rounded bg-amber-50 p-2 text-sm break-all" data-testid="member-secret">
            {secret} <span className="text-slate-600">(ditampilkan sekali; anggota wajib mengganti kata sandi saat masuk)</span>
          </p>
        ) : null}
      </fieldset>
      ) : null}
      <ConfirmDialog open={confirmTwoFactor} onOpenChange={setConfirmTwoFactor} title={TF.reset} confirmLabel={TF.reset} tone="danger" onConfirm={resetTwoFactor}>
        <p>{TF.resetConfirm(member.name)}</p>
      </ConfirmDialog>
    </details>
  );
}
