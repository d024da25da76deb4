import type { Metadata } from "next";

import { OrgTabs } from "@/components/agency/org-tabs";
import { AddUnitForm, UnitList } from "@/components/unit/unit-screen";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { UNIT_MESSAGES as M } from "@/lib/unit/messages";
import { listActiveMembers, listUnits } from "@/lib/unit/queries";

export const metadata: Metadata = { title: M.title };

/** The agency's organisational units as a tree: create, rename, move, head, deactivate. */
export default async function UnitsPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "member.view", { oversight: "unit" });
  const canManage = ctx.can("unit.manage");
  const [units, people] = await Promise.all([listUnits(ctx.agency.id), canManage ? listActiveMembers(ctx.agency.id) : Promise.resolve([])]);
  return (
    <div className="space-y-6">
      <OrgTabs agencySlug={ctx.agency.slug} current="units" />
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
            <AddUnitForm agencySlug={ctx.agency.slug} units={units} people={people} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">{M.readOnly}</Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>
            {M.title} ({units.filter((u) => u.active).length})
          </CardTitle>
        </CardHeader>
        <CardBody>
          <UnitList agencySlug={ctx.agency.slug} units={units} people={people} canManage={canManage} />
        </CardBody>
      </Card>
    </div>
  );
}
