import type { Metadata } from "next";

import { ActingForm, EndActingButton } from "@/components/agency/acting-form";
import { OrgTabs } from "@/components/agency/org-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { formatDate } from "@/lib/format";
import { actingTitle } from "@/lib/role/acting";
import { actingChoices, listActing } from "@/lib/role/acting-service";
import { formatNip } from "@/lib/validation/nip";

export const metadata: Metadata = { title: "Pelaksana Tugas dan Pelaksana Harian" };

const STATE = { active: { label: "Berlaku", tone: "success" }, upcoming: { label: "Akan berlaku", tone: "info" }, ended: { label: "Berakhir", tone: "neutral" } } as const;

/** Acting officials (Plt./Plh.): who holds which role for which period, by which decree; the administrator appoints and ends. */
export default async function ActingPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "member.view", { oversight: "plt" });
  const canManage = ctx.can("member.manage");
  const tz = ctx.agency.timeZone;
  const [appointments, choices] = await Promise.all([listActing(ctx.agency.id), canManage ? actingChoices(ctx.agency.id) : Promise.resolve(null)]);
  return (
    <div className="space-y-6">
      <OrgTabs agencySlug={ctx.agency.slug} current="acting" />
      <div>
        <h1 className="text-2xl font-semibold">Plt. dan Plh.</h1>
        <p className="text-slate-600">
          Selama periode penunjukan, pelaksana menerima tugas dan notifikasi peran itu dan bertindak atas namanya; setiap tindakan, linimasa, dan tanda
          tangan mencantumkan &quot;Plt.&quot; atau &quot;Plh.&quot;. Penunjukan berakhir sendiri pada tanggal selesai.
        </p>
      </div>
      {choices ? (
        <Card>
          <CardHeader>
            <CardTitle>Tunjuk pelaksana</CardTitle>
          </CardHeader>
          <CardBody>
            <ActingForm agencySlug={ctx.agency.slug} roles={choices.roles} members={choices.members.map((m) => ({ id: m.id, label: `${m.name} (${formatNip(m.nip)})` }))} />
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Penunjukan ({appointments.length})</CardTitle>
        </CardHeader>
        <CardBody>
          {appointments.length === 0 ? <p className="text-sm text-slate-600">Belum ada penunjukan.</p> : null}
          <ul className="divide-y divide-slate-200">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-3 text-sm" data-testid={`acting-${a.id}`}>
                <div>
                  <p className="font-medium">
                    {actingTitle(a.kind, a.role.name)}: {a.user.name}
                  </p>
                  <p className="text-slate-600">
                    NIP {formatNip(a.user.nip)} · {formatDate(a.startsAt, tz)} s.d. {formatDate(a.lastDay, tz)} · {a.decreeNumber}
                  </p>
                  {a.endedAt ? <p className="text-slate-600">Diakhiri {formatDate(a.endedAt, tz)}</p> : null}
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={STATE[a.state].tone}>{STATE[a.state].label}</Badge>
                  {canManage && a.state !== "ended" ? <EndActingButton agencySlug={ctx.agency.slug} appointmentId={a.id} /> : null}
                </div>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
