"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  appointAgencyAdminAction,
  reissueAdminCredentialAction,
  removeAgencyLogoAction,
  setAgencyActiveAction,
  setAgencyLogoAction,
  updateAgencyAction,
} from "@/lib/agency/actions";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import type { TAppointedAdmin } from "@/lib/agency/platform-service";
import { LOGO_MAX_BYTES, ZAppointAdmin, ZUpdateAgency } from "@/lib/agency/schemas";
import { t } from "@/lib/i18n";
import { formatNip } from "@/lib/validation/nip";
import { zodResolver } from "@/lib/validation/zod-resolver";

import { AdminPersonFields } from "./admin-person-fields";
import { CredentialNotice } from "./credential-notice";
import { applyErrors } from "@/components/ui/form-errors";

import { AgencyProfileFields } from "./platform-forms";

export interface TAgencyProfile {
  id: string;
  name: string;
  slug: string;
  timeZone: "WIB" | "WITA" | "WIT";
  unitName: string;
  address: string;
  city: string;
}

export function UpdateAgencyForm({ agency, slugLocked }: { agency: TAgencyProfile; slugLocked: boolean }) {
  const router = useRouter();
  type TIn = z.input<typeof ZUpdateAgency>;
  const values: TIn = { agencyId: agency.id, name: agency.name, slug: agency.slug, timeZone: agency.timeZone, unitName: agency.unitName, address: agency.address, city: agency.city };
  const form = useForm<TIn, unknown, z.output<typeof ZUpdateAgency>>({ resolver: zodResolver(ZUpdateAgency), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (input) => {
        const result = await updateAgencyAction(input);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(result.data.changed ? M.saved : M.noChanges);
        form.reset(input);
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <AgencyProfileFields prefix="e" register={form.register as never} errors={errors as never} slugLocked={slugLocked} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.common.saving : M.save}
      </Button>
    </form>
  );
}

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

export function AgencyLogoForm({ agencyId, agencyName, logoUrl }: { agencyId: string; agencyName: string; logoUrl: string | null }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <div className="flex min-h-24 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL of the stored logo; next/image adds nothing here
          <img src={logoUrl} alt={M.logoAlt(agencyName)} className="max-h-24 max-w-full object-contain" />
        ) : (
          <p className="text-sm text-slate-600">{M.logoNone}</p>
        )}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          {M.logo}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          aria-describedby={`${id}-hint`}
          className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {M.logoHint}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={pending || !file}
          onClick={() =>
            startTransition(async () => {
              if (!file) return;
              if (file.size > LOGO_MAX_BYTES) return setError(M.logoTooLarge);
              const result = await setAgencyLogoAction({ agencyId, fileName: file.name, fileBase64: await readBase64(file) });
              if (!result.ok) return setError(result.fieldErrors?.fileBase64?.[0] ?? result.error);
              toast.success(M.logoSaved);
              setFile(null);
              router.refresh();
            })
          }
        >
          {M.logoUpload}
        </Button>
        {logoUrl ? (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await removeAgencyLogoAction({ agencyId });
                if (!result.ok) return setError(result.error);
                toast.success(M.logoRemoved);
                router.refresh();
              })
            }
          >
            {M.logoRemove}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export interface TAdminRow {
  id: string;
  name: string;
  nip: string;
  email: string | null;
  jabatan: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

/** The agency's administrators; a new first credential for those who have not chosen their password. */
export function AdminList({ agencyId, admins }: { agencyId: string; admins: TAdminRow[] }) {
  const router = useRouter();
  const [issued, setIssued] = useState<TAppointedAdmin | null>(null);
  const [pending, startTransition] = useTransition();
  if (issued) return <CredentialNotice admin={issued} onDone={() => setIssued(null)} />;
  if (admins.length === 0) return <p className="text-sm text-slate-600">{M.noAdmins}</p>;
  const reissue = (userId: string, credential: "temporary_password" | "link") =>
    startTransition(async () => {
      const result = await reissueAdminCredentialAction({ agencyId, userId, credential });
      if (!result.ok) return void toast.error(result.error);
      setIssued(result.data);
      router.refresh();
    });
  return (
    <ul className="divide-y divide-slate-200" data-testid="agency-admins">
      {admins.map((a) => (
        <li key={a.id} className="space-y-2 py-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-medium">{a.name}</p>
              <p className="text-sm text-slate-600">
                NIP {formatNip(a.nip)}
                {a.jabatan ? ` · ${a.jabatan}` : ""}
                {a.email ? ` · ${a.email}` : ""}
              </p>
            </div>
            <div className="flex flex-wrap gap-1">
              {!a.active ? <Badge>{t.common.inactive}</Badge> : null}
              {a.mustChangePassword ? <Badge tone="warning">{M.pendingPassword}</Badge> : null}
            </div>
          </div>
          {a.mustChangePassword && a.active ? (
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => reissue(a.id, "temporary_password")}>
                {M.reissue}
              </Button>
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => reissue(a.id, "link")}>
                {M.reissueLink}
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function AppointAdminForm({ agencyId }: { agencyId: string }) {
  const router = useRouter();
  const [issued, setIssued] = useState<TAppointedAdmin | null>(null);
  type TIn = z.input<typeof ZAppointAdmin>;
  const defaults: TIn = { agencyId, replace: false, admin: { nip: "", name: "", jabatan: "", email: "", credential: "temporary_password" } };
  const form = useForm<TIn, unknown, z.output<typeof ZAppointAdmin>>({ resolver: zodResolver(ZAppointAdmin), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  if (issued) return <CredentialNotice admin={issued} onDone={() => setIssued(null)} />;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await appointAgencyAdminAction(values);
        if (!result.ok) return applyErrors<TIn>(form.setError as never, result);
        toast.success(M.adminAppointed(result.data.name));
        if (result.data.existing) toast.info(M.existingAccount(result.data.name));
        form.reset(defaults);
        if (result.data.credential) setIssued(result.data);
        router.refresh();
      })}
    >
      {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
      <AdminPersonFields prefix="p" register={form.register} errors={errors.admin} heading={false} />
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" {...form.register("replace")} />
        {M.replace}
      </label>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.common.saving : M.appoint}
      </Button>
    </form>
  );
}

export function AgencyStatusControl({ agencyId, agencyName, active }: { agencyId: string; agencyName: string; active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant={active ? "danger" : "secondary"}
      disabled={pending}
      onClick={() => {
        if (active && !window.confirm(M.deactivateConfirm(agencyName))) return;
        startTransition(async () => {
          const result = await setAgencyActiveAction({ agencyId, active: !active });
          if (!result.ok) return void toast.error(result.error);
          toast.success(active ? M.deactivated : M.reactivated);
          router.refresh();
        });
      }}
    >
      {active ? M.deactivate : M.reactivate}
    </Button>
  );
}
