import type { Metadata } from "next";

import { AddMemberForm } from "@/components/agency/add-member-form";
import { OrgTabs } from "@/components/agency/org-tabs";
import { GrantAuditorForm } from "@/components/agency/grant-auditor-form";
import { TwoFactorPolicyForm } from "@/components/agency/two-factor-policy-form";
import { MemberImportForm } from "@/components/agency/member-import-form";
import { MemberRow } from "@/components/agency/member-row";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { listMembers } from "@/lib/agency/queries";
import { requireAgencyContext } from "@/lib/authz/context";
import { TWO_FACTOR_MESSAGES } from "@/lib/auth/two-factor-messages";
import { t } from "@/lib/i18n";
import { formatDate } from "@/lib/format";
import { listUnits } from "@/lib/unit/queries";
import { formatNip } from "@/lib/validation/nip";

export const metadata: Metadata = { title: t.members.title };

export default async function MembersPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "member.view", { oversight: "anggota" });
  const canManage = ctx.can("member.manage");
  const [{ members, roles }, unitTree] = await Promise.all([listMembers(ctx.agency.id), listUnits(ctx.agency.id)]);
  const units = unitTree.map((u) => ({ id: u.id, name: `${"\u00a0\u00a0".repeat(u.depth)}${u.name}`, active: u.active }));
  return (
    <div className="space-y-6">
      <OrgTabs agencySlug={ctx.agency.slug} current="members" />
      <div>
        <h1 className="text-2xl font-semibold">{t.members.title}</h1>
        <p className="text-slate-600">{t.members.subtitle}</p>
      </div>
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{t.members.addTitle}</CardTitle>
          </CardHeader>
          <CardBody>
            <AddMemberForm agencySlug={ctx.agency.slug} roles={roles} units={units.filter((u) => u.active)} />
          </CardBody>
        </Card>
      ) : null}
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Impor anggota dari Excel</CardTitle>
          </CardHeader>
          <CardBody>
            <MemberImportForm agencySlug={ctx.agency.slug} />
          </CardBody>
        </Card>
      ) : null}
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{TWO_FACTOR_MESSAGES.policyTitle}</CardTitle>
          </CardHeader>
          <CardBody>
            <TwoFactorPolicyForm agencySlug={ctx.agency.slug} required={ctx.agency.settings.requireTwoFactor} />
          </CardBody>
        </Card>
      ) : null}
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{t.platform.grantAuditor}</CardTitle>
          </CardHeader>
          <CardBody>
            <GrantAuditorForm agencySlug={ctx.agency.slug} />
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            {t.members.title} ({members.length})
          </CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="divide-y divide-slate-200">
            {members.map((m) => (
              <MemberRow
                key={m.user.id}
                agencySlug={ctx.agency.slug}
                canManage={canManage}
                isSelf={m.user.id === ctx.user.id}
                roles={roles}
                units={units}
                member={{
                  userId: m.user.id,
                  name: m.user.name,
                  nipDisplay: formatNip(m.user.nip),
                  jabatan: m.user.jabatan,
                  email: m.user.email,
                  gelarDepan: m.user.gelarDepan,
                  gelarBelakang: m.user.gelarBelakang,
                  pangkat: m.user.pangkat,
                  active: m.active,
                  roleCodes: m.roles.map((r) => r.code),
                  accessUntil: m.validUntil ? formatDate(m.validUntil, ctx.agency.timeZone) : null,
                  unitId: m.unitId,
                  twoFactorEnabled: m.user.totpEnabledAt !== null,
                }}
              />
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
