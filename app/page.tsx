import Link from "next/link";
import { redirect } from "next/navigation";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

/** Home: straight to the user's agency, or a picker when there are several. */
export default async function HomePage() {
  const user = await requireUser();
  const { agencies } = user;
  if (agencies.length === 1 && !user.isPlatformAdmin) redirect(`/a/${agencies[0]!.slug}`);
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-4 sm:p-8">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">{t.dashboard.welcome(user.name)}</h1>
        <SignOutButton label={t.auth.signOut} />
      </div>
      {user.isPlatformAdmin ? (
        <Link href="/admin" className="block rounded-lg border border-brand-100 bg-brand-50 p-4 font-medium text-brand-800 hover:bg-brand-100">
          {t.nav.platformAdmin} →
        </Link>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t.dashboard.chooseAgency}</CardTitle>
        </CardHeader>
        <CardBody>
          {agencies.length === 0 ? (
            <p className="text-slate-600">{t.dashboard.noAgency}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {agencies.map((a) => (
                <li key={a.slug}>
                  <Link href={`/a/${a.slug}`} className="block py-3 font-medium text-brand-700 hover:underline">
                    {a.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </main>
  );
}
