import type { Metadata } from "next";
import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { GrantAuditorForm } from "@/components/agency/grant-auditor-form";
import { CreateAgencyForm, CreateGovernmentForm } from "@/components/agency/platform-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import { listGovernmentsWithAgencies } from "@/lib/agency/queries";
import { requirePlatformAdmin } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.platform.title };

export default async function PlatformAdminPage() {
  await requirePlatformAdmin();
  const governments = await listGovernmentsWithAgencies();
  const options = governments.map((g) => ({ id: g.id, label: `${t.platform.levels[g.level]} ${g.name}` }));
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-4 sm:p-8">
      <div className="flex items-center justify-between gap-4">
        <div>
          <Link href="/" className="text-sm text-brand-700 hover:underline">
            ← {t.nav.myAgencies}
          </Link>
          <h1 className="text-2xl font-semibold">{t.platform.title}</h1>
          <Link href="/admin/hari-libur" className="text-sm text-brand-700 hover:underline">
            Hari libur nasional dan cuti bersama
          </Link>{" "}
          ·{" "}
          <Link href="/admin/lke" className="text-sm text-brand-700 hover:underline">
            Edisi LKE
          </Link>
        </div>
        <SignOutButton label={t.auth.signOut} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>{t.platform.addGovernment}</CardTitle>
          </CardHeader>
          <CardBody>
            <CreateGovernmentForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t.platform.addAgency}</CardTitle>
          </CardHeader>
          <CardBody>
            <CreateAgencyForm governments={options} />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.platform.grantAuditor}</CardTitle>
        </CardHeader>
        <CardBody>
          <GrantAuditorForm
            agencies={governments.flatMap((g) => g.agencies.map((a) => ({ id: a.id, label: `${a.name} (${t.platform.levels[g.level]} ${g.name})` })))}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.platform.governments}</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="space-y-4">
            {governments.map((g) => (
              <li key={g.id}>
                <p className="font-medium">
                  {t.platform.levels[g.level]} {g.name}
                </p>
                {g.agencies.length === 0 ? <p className="mt-1 text-sm text-slate-600">{M.noAgencies}</p> : null}
                <ul className="mt-1 divide-y divide-slate-100 text-sm text-slate-700">
                  {g.agencies.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="min-w-0">
                        {a.name} <span className="text-slate-600">(/a/{a.slug}, {a.timeZone})</span>{" "}
                        {a.active ? null : <Badge>{M.statusInactive}</Badge>}
                      </span>
                      <Link
                        href={`/admin/instansi/${a.id}`}
                        className="inline-flex min-h-10 items-center font-medium text-brand-700 hover:underline"
                        aria-label={`${M.openAgency} ${a.name}`}
                      >
                        {M.openAgency} →
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </main>
  );
}
