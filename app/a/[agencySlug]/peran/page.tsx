import type { Metadata } from "next";

import { OrgTabs } from "@/components/agency/org-tabs";
import { AddRoleForm, RoleList } from "@/components/role/role-screen";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { designatedCapabilities, impliedCapabilities, isReservedRole } from "@/lib/role/capabilities";
import { ROLE_MESSAGES as M } from "@/lib/role/messages";
import { listRolesWithUsage } from "@/lib/role/queries";

export const metadata: Metadata = { title: M.title };

/** The agency's roles: create, rename, order, the head, what each may do, delete when unused. */
export default async function RolesPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "member.view", { oversight: "peran" });
  const canManage = ctx.can("role.manage");
  const designations = ctx.agency.settings.permissions;
  const roles = (await listRolesWithUsage(ctx.agency.id)).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    isHead: r.isHead,
    reserved: isReservedRole(r.code),
    usage: r.usage,
    implied: impliedCapabilities(r),
    designated: designatedCapabilities(r.code, designations),
  }));
  return (
    <div className="space-y-6">
      <OrgTabs agencySlug={ctx.agency.slug} current="roles" />
      <div>
        <h1 className="text-2xl font-semibold">{M.title}</h1>
        <p className="text-slate-600">{M.subtitle}</p>
      </div>
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{M.addTitle}</CardTitle>
          </CardHeader>
          <CardBody>
            <AddRoleForm agencySlug={ctx.agency.slug} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">{M.readOnly}</Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>
            {M.title} ({roles.filter((r) => !r.reserved).length})
          </CardTitle>
        </CardHeader>
        <CardBody>
          <RoleList agencySlug={ctx.agency.slug} roles={roles} canManage={canManage} />
        </CardBody>
      </Card>
    </div>
  );
}
