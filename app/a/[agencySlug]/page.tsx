import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.nav.dashboard };

export default async function AgencyDashboard({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t.dashboard.welcome(ctx.user.name)}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2" aria-label={t.dashboard.yourRoles}>
          {ctx.roles.map((r) => (
            <Badge key={r.code} tone="info">
              {r.name}
            </Badge>
          ))}
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.dashboard.myTasks}</CardTitle>
        </CardHeader>
        <CardBody>
          <p className="text-slate-600">{t.dashboard.noTasks}</p>
        </CardBody>
      </Card>
    </div>
  );
}
