import type { Metadata } from "next";
import Link from "next/link";

import { MarkReadButton } from "@/components/notification/mark-read-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { listNotifications } from "@/lib/cycle/queries";
import { formatDateTime } from "@/lib/format";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.notifications.title };

export default async function NotificationsPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug);
  const items = await listNotifications(ctx.user.id, ctx.agency.id);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>
          {t.notifications.title} {unread ? `· ${t.notifications.unread(unread)}` : ""}
        </CardTitle>
        {unread ? <MarkReadButton agencySlug={ctx.agency.slug} /> : null}
      </CardHeader>
      <CardBody>
        {items.length === 0 ? (
          <p className="text-slate-600">{t.notifications.empty}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((n) => (
              <li key={n.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={n.kind === "RETURNED" || n.kind.startsWith("DUE_SOON") ? "warning" : n.kind === "LATE" || n.kind.startsWith("ESCALATED") ? "danger" : "info"}>
                    {t.notifications.kinds[n.kind]}
                  </Badge>
                  {n.doneAt ? <span className="text-xs text-green-700">✓ tugas selesai</span> : null}
                  {!n.readAt ? <span className="text-xs font-semibold text-brand-700">● baru</span> : null}
                  <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, ctx.agency.timeZone)}</span>
                </div>
                {n.cycleId ? (
                  <Link href={`/a/${ctx.agency.slug}/cycles/${n.cycleId}`} className="mt-1 block font-medium text-brand-800 hover:underline">
                    {n.title}
                  </Link>
                ) : n.kind === "CROSSCUT_PROPOSED" || n.kind === "CROSSCUT_ANSWERED" ? (
                  <Link href={`/a/${ctx.agency.slug}/pohon-kinerja/lintas`} className="mt-1 block font-medium text-brand-800 hover:underline">
                    {n.title}
                  </Link>
                ) : (
                  <p className="mt-1 font-medium">{n.title}</p>
                )}
                {n.cycle ? (
                  <p className="text-sm text-slate-600" data-testid="notification-cycle">
                    {t.notifications.cycle(CYCLE_MESSAGES.periods[n.cycle.period], n.cycle.year, n.cycle.sop.nomor)}
                  </p>
                ) : null}
                {n.body ? <p className="text-sm break-words text-slate-700">{n.body}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
