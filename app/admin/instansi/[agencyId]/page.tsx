import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AdminList, AgencyLogoForm, AgencyStatusControl, AppointAdminForm, UpdateAgencyForm } from "@/components/agency/agency-admin";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { signaturePlaceDate } from "@/lib/agency/format";
import { AGENCY_MESSAGES as M } from "@/lib/agency/messages";
import { agencyLogoDataUrl, getAgencyForPlatform } from "@/lib/agency/queries";
import { requirePlatformAdmin } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: M.detailTitle };

/** One agency, for the platform administrator: profile, logo, administrators, status, and its administration (audited). */
export default async function PlatformAgencyPage({ params }: { params: Promise<{ agencyId: string }> }) {
  await requirePlatformAdmin();
  const { agencyId } = await params;
  const agency = await getAgencyForPlatform(agencyId.slice(0, 40));
  if (!agency) notFound();
  const logoUrl = await agencyLogoDataUrl(agency.id);
  const base = `/a/${agency.slug}`;
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-4 sm:p-8">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/admin" className="text-sm text-brand-700 hover:underline">
            ← {M.backToPlatform}
          </Link>
          <p className="mt-2 text-xs font-medium tracking-wide text-slate-600 uppercase">
            {t.platform.levels[agency.government.level]} {agency.government.name}
          </p>
          <h1 className="text-2xl font-semibold break-words">{agency.name}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>/a/{agency.slug}</span>
            <Badge tone={agency.active ? "success" : "neutral"}>{agency.active ? M.statusActive : M.statusInactive}</Badge>
          </div>
        </div>
        <SignOutButton label={t.auth.signOut} />
      </div>
      {agency.active ? null : <Alert tone="info">{M.inactiveNotice}</Alert>}

      <Card>
        <CardHeader>
          <CardTitle>{M.adminSection}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-6">
          <AdminList agencyId={agency.id} admins={agency.admins} />
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-3 font-semibold">{M.appointTitle}</h3>
            <AppointAdminForm agencyId={agency.id} />
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{M.oversightTitle}</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="flex flex-wrap gap-2">
            {(
              [
                [`${base}/anggota`, M.oversightMembers],
                [`${base}/peran`, M.oversightRoles],
                [`${base}/unit`, M.oversightUnits],
              ] as const
            ).map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="inline-flex min-h-10 items-center rounded-md border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{M.profileTitle}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3">
          <UpdateAgencyForm
            agency={{ id: agency.id, name: agency.name, slug: agency.slug, timeZone: agency.timeZone, unitName: agency.unitName, address: agency.address, city: agency.city }}
            slugLocked={agency.inUse}
          />
          <p className="text-sm text-slate-600" data-testid="signature-sample">
            {M.signatureSample(signaturePlaceDate(agency, new Date()))}
          </p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{M.logo}</CardTitle>
        </CardHeader>
        <CardBody>
          <AgencyLogoForm agencyId={agency.id} agencyName={agency.name} logoUrl={logoUrl} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t.members.status}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3">
          <p className="text-sm text-slate-700">{agency.active ? M.statusHint : M.inactiveNotice}</p>
          <AgencyStatusControl agencyId={agency.id} agencyName={agency.name} active={agency.active} />
        </CardBody>
      </Card>
    </main>
  );
}
