import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";

/** "Tindak lanjut unit saya" on the dashboard, beside "Tugas saya": the open items of the viewer's units, overdue first. */
export function MyFollowUps({ agencySlug, items }: { agencySlug: string; items: { id: string; recommendation: string; dueDate: string; unitName: string; overdue: boolean }[] }) {
  if (items.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {M.mine} ({items.length})
        </CardTitle>
      </CardHeader>
      <CardBody>
        <ul className="divide-y divide-slate-200" data-testid="my-followups">
          {items.map((i) => (
            <li key={i.id}>
              <Link href={`/a/${agencySlug}/tindak-lanjut?status=terbuka#fu-${i.id}`} className="block min-h-11 space-y-1 py-3 hover:bg-slate-50">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-words text-brand-800">{i.recommendation}</span>
                  {i.overdue ? <Badge tone="danger">{M.overdue}</Badge> : null}
                </div>
                <p className="text-sm text-slate-700">
                  {i.unitName} · {M.dueOn(formatDate(new Date(`${i.dueDate}T12:00:00.000Z`), "WIB"))}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
