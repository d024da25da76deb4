/**
 * CSV as RFC 4180 writes it, for Excel: comma-separated, CRLF line ends, a
 * field quoted when it holds a comma, a quote, CR or LF (quotes doubled), and
 * a UTF-8 byte order mark first so Excel reads "Pengembalian" and NIPs in
 * UTF-8. Cells that a spreadsheet would run as a formula (starting with = + -
 * @, tab or CR: OWASP "CSV injection") get a leading apostrophe, which Excel
 * shows as text and does not print.
 */
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { formatDuration } from "@/lib/cycle/working-time";
import type { TAgencyTimeZone } from "@/lib/format";
import { formatNip } from "@/lib/validation/nip";

import { AUDIT_MESSAGES, formatCsvTime, formatStandard } from "./labels";
import type { TAuditRowView, TCycleTimeline } from "./queries";

export const CSV_BOM = "\uFEFF";
const LINE_END = "\r\n";
const FORMULA_START = /^[=+\-@\t\r]/;

export type TCsvValue = string | number | bigint | boolean | Date | null | undefined;

export function csvCell(value: TCsvValue, separator = ","): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are written by us and are never formulas; a negative one keeps its sign.
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row; `separator` ";" for the exports Excel opens directly in an Indonesian locale (decimal comma). */
export function csvRow(values: readonly TCsvValue[], separator = ","): string {
  return values.map((v) => csvCell(v, separator)).join(separator) + LINE_END;
}

/** A whole document (BOM, header, rows) as one string: for small exports and tests. */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvValue[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map((r) => csvRow(r)).join("");
}

/** `attachment; filename=...` with an ASCII fallback and the RFC 5987 UTF-8 form. */
export function csvContentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const CSV_HEADERS = {
  "Content-Type": "text/csv; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

// ---------------------------------------------------------------------------
// The two audit exports
// ---------------------------------------------------------------------------

/** One audit event as a CSV row, in the order of AUDIT_MESSAGES.csv.log. */
export function auditLogCsvRow(
  view: TAuditRowView & { row: { userAgent?: string | null; requestId?: string | null; hash?: string; data: unknown } },
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
    e.reference,
    e.comment,
  ]);
}
