import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback";
import { getPasswordChangeAccount, getSessionUser } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.auth.submit };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths are followed after sign-in.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  // Signed in with a password someone else chose: that is changed first.
  if (await getPasswordChangeAccount()) redirect("/ganti-sandi");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t.app.name}</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t.auth.signInTitle}</h1>
          <p className="mt-1 text-sm text-slate-600">{t.auth.signInSubtitle}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} />
        </div>
        <p className="text-center text-xs text-slate-500">{t.app.tagline}</p>
      </div>
    </main>
  );
}
