import type { AgencyContext } from "@/lib/authz/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { FOLLOWUP_MESSAGES as M } from "@/lib/followup/messages";
import type { TFollowUpView } from "@/lib/followup/queries";

import { FollowUpItem } from "./lazy";

const dueLabel = (iso: string) => M.dueOn(formatDate(new Date(`${iso}T12:00:00.000Z`), "WIB"));

/** The follow-ups as a list of cards (no table: it reads on a 390 px phone). */
export function FollowUpList({ ctx, items, testId = "followup-list" }: { ctx: AgencyContext; items: TFollowUpView[]; testId?: string }) {
  const tz = ctx.agency.timeZone;
  if (items.length === 0) return <p className="text-slate-600">{M.empty}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid={testId}>
      {items.map((i) => (
        <FollowUpItem
          key={i.id}
          agencySlug={ctx.agency.slug}
          item={{
            id: i.id,
            recommendation: i.recommendation,
            status: i.status,
            source: i.source,
            overdue: i.overdue,
            // The due date is a calendar day: shown as that day, whatever the zone.
            dueLabel: dueLabel(i.dueDate),
            unitName: i.unit.name,
            cycle: i.cycle,
            createdLine: M.createdBy(i.createdBy, formatDateTime(i.createdAt, tz)),
            closedLine: i.closedAt && i.closedBy ? M.closedBy(i.closedBy, formatDateTime(i.closedAt, tz)) : null,
            closeNote: i.closeNote,
            noFileReason: i.noFileReason,
            reopenedLine: i.status === "OPEN" && i.reopenedAt && i.reopenedBy && i.reopenReason ? M.reopenedBy(i.reopenedBy, formatDateTime(i.reopenedAt, tz), i.reopenReason) : null,
            files: i.files,
            canClose: i.canClose,
            canManage: i.canManage,
          }}
        />
      ))}
    </ul>
  );
}
