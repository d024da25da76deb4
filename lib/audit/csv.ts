/** The audit trail's two CSV exports, written by the app's one CSV writer (lib/csv.ts: ";" and a UTF-8 BOM). */
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { formatDuration } from "@/lib/cycle/working-time";
import type { TAgencyTimeZone } from "@/lib/format";
import type { TCsvValue } from "@/lib/csv";
import { formatNip } from "@/lib/validation/nip";

import { AUDIT_MESSAGES, esakipText, formatCsvTime, formatStandard } from "./labels";
import type { TAuditRowView, TCycleTimeline } from "./queries";

export { CSV_BOM, CSV_HEADERS, csvCell, csvContentDisposition, csvRow, csvRows, toCsv, type TCsvValue } from "@/lib/csv";

// ---------------------------------------------------------------------------
// The two audit exports
// ---------------------------------------------------------------------------

/** One audit event as a CSV row, in the order of AUDIT_MESSAGES.csv.log. */
export function auditLogCsvRow(
  view: TAuditRowView & { row: { userAgent?: string | null; requestId?: string | null; hash?: string | null; data: unknown } },
  tz: TAgencyTimeZone,
): TCsvValue[] {
  return [
    view.id,
    view.seq,
    formatCsvTime(view.createdAt, tz),
    view.createdAt.toISOString(),
    view.actor?.name ?? AUDIT_MESSAGES.log.system,
    view.actor?.nip ? formatNip(view.actor.nip) : "",
    view.actor?.roleNames.join("; ") ?? "",
    view.action,
    view.actionLabel,
    view.entityTypeLabel,
    view.entityId,
    view.entityLabel,
    view.summary,
    view.ip,
    view.row.userAgent,
    view.row.requestId,
    JSON.stringify(view.row.data ?? {}),
    view.row.hash,
  ];
}

/** Every task of a cycle's timeline as CSV rows, in the order of AUDIT_MESSAGES.csv.timeline. */
export function timelineCsvRows(timeline: TCycleTimeline, tz: TAgencyTimeZone): TCsvValue[][] {
  const outcomes = CYCLE_MESSAGES.ui.outcomes;
  const T = AUDIT_MESSAGES.timeline;
  return timeline.entries.map((e) => [
    e.stepNumber,
    e.round,
    e.kegiatan,
    e.roleName,
    e.actor?.name,
    e.actor ? formatNip(e.actor.nip) : "",
    formatCsvTime(e.startedAt, tz),
    formatCsvTime(e.completedAt, tz),
    e.completedAt ? formatDuration(e.durationMs) : `${formatDuration(e.durationMs)} (${T.running.toLowerCase()})`,
    formatStandard(e.standard.amount, e.standard.unit),
    formatCsvTime(e.dueAt, tz),
    e.status === "CANCELLED" ? "" : e.late ? (e.completedAt ? T.lateBy(formatDuration(e.lateByMs)) : T.lateRunning(formatDuration(e.lateByMs))) : T.onTime,
    e.outcome ? outcomes[e.outcome] : T.notDone,
    e.returnReason,
    e.reopenedReason,
    e.outputText,
    e.checklist.join("; "),
    e.attendees.join("; "),
    e.decisions,
    [e.reference, e.esakip ? esakipText(e.esakip) : null].filter(Boolean).join("; "),
    e.comment,
  ]);
}
