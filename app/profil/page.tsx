import type { Metadata } from "next";
import Link from "next/link";

import { ChangePasswordForm } from "@/components/account/password-forms";
import { TwoFactorPanel } from "@/components/account/two-factor-panel";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { TWO_FACTOR_MESSAGES } from "@/lib/auth/two-factor-messages";
import { requireUser } from "@/lib/authz/context";
import { t } from "@/lib/i18n";
import { loadProfile } from "@/lib/member/queries";
import { formatNip } from "@/lib/validation/nip";

export const metadata: Metadata = { title: "Profil saya" };

/**
 * The signed-in user's own page: who they are, their roles and unit in each
 * agency, their password and two-factor sign-in. An agency that requires
 * 2FA of its administrators and heads sends them here (`?wajib=<agency>`).
 */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ wajib?: string | string[] }> }) {
  const user = await requireUser();
  const [profile, twoFactor, { wajib }] = await Promise.all([loadProfile(user.id), twoFactorStatus(user.id), searchParams]);
  const fullName = [profile.gelarDepan, profile.name].filter(Boolean).join(" ") + (profile.gelarBelakang ? `, ${profile.gelarBelakang}` : "");
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Profil saya</h1>
        <div className="flex items-center gap-2">
          <Link href="/" className="text-sm font-medium text-brand-700 underline">
            Beranda
          </Link>
          <SignOutButton label={t.auth.signOut} />
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{fullName}</CardTitle>
        </CardHeader>
        <CardBody>
          <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">NIP</dt>
            <dd>{formatNip(profile.nip)}</dd>
            <dt className="text-slate-600">Jabatan</dt>
            <dd>{profile.jabatan ?? "-"}</dd>
            <dt className="text-slate-600">Pangkat/golongan</dt>
            <dd>{profile.pangkat ?? "-"}</dd>
            <dt className="text-slate-600">Email</dt>
            <dd>{profile.email ?? "-"}</dd>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Peran dan unit kerja</CardTitle>
        </CardHeader>
        <CardBody>
          {profile.agencies.length === 0 ? (
            <p className="text-sm text-slate-600">Akun Anda belum terdaftar di instansi mana pun.</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="profile-agencies">
              {profile.agencies.map((a) => (
                <li key={a.slug} className="py-3 text-sm">
                  <Link href={`/a/${a.slug}`} className="font-medium text-brand-700 underline">
                    {a.name}
                  </Link>
                  <p>Peran: {a.roles.join(", ")}</p>
                  <p>Unit kerja: {a.unit ?? "-"}</p>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      {wajib && !twoFactor.enabled ? <Alert tone="info">{TWO_FACTOR_MESSAGES.required}</Alert> : null}
      <Card id="verifikasi-dua-langkah">
        <CardHeader>
          <CardTitle>{TWO_FACTOR_MESSAGES.title}</CardTitle>
        </CardHeader>
        <CardBody>
          <TwoFactorPanel enabled={twoFactor.enabled} remainingRecoveryCodes={twoFactor.remainingRecoveryCodes} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Ganti kata sandi</CardTitle>
        </CardHeader>
        <CardBody>
          <div className="max-w-sm">
            <ChangePasswordForm forced={false} />
          </div>
        </CardBody>
      </Card>
    </main>
  );
}
