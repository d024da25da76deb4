export const TIME_ZONE_IANA = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;
export type TAgencyTimeZone = keyof typeof TIME_ZONE_IANA;

/** The months as Indonesian dates write them, for the formatters that assemble a date by hand. */
export const MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"] as const;

/**
 * The agency's wall clock as the UTC fields of a shifted Date. Indonesia's three zones are fixed
 * offsets without daylight saving since 1964 (WORKING_TIME_ZONES in lib/cycle/working-time.ts), so
 * this is what date-fns with the IANA zone gives, without a TZDate and a format pattern per call
 * (a dozen calls a cycle page; docs/decisions/071-cycle-timeline-cost.md; tests/unit/audit-log-time.test.ts).
 */
const OFFSET_HOURS: Record<TAgencyTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };
function wallClock(date: Date, tz: TAgencyTimeZone): Date {
  const d = new Date(date.getTime() + OFFSET_HOURS[tz] * 3_600_000);
  if (Number.isNaN(d.getTime())) throw new RangeError("Invalid time value");
  return d;
}
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dayText = (d: Date) => `${d.getUTCDate()} ${MONTHS_ID[d.getUTCMonth()]} ${pad(d.getUTCFullYear(), 4)}`;

/** "15 Januari 2024" in the agency's time zone. */
export function formatDate(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  return dayText(wallClock(date, tz));
}

/** "15 Januari 2024 14.30.05 WIB": to the second, as the audit log shows an event's time. */
export function formatDateTimeSeconds(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  const d = wallClock(date, tz);
  return `${dayText(d)} ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}.${pad(d.getUTCSeconds())} ${tz}`;
}

/** "2024-01-15": the calendar day in the agency's time zone (a date input's value). */
export function isoDateIn(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  const d = wallClock(date, tz);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "15 Januari 2024 09.30 WIB" */
export function formatDateTime(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  const d = wallClock(date, tz);
  return `${dayText(d)} ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())} ${tz}`;
}

const numberFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
const moneyFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** 1234.56 -> "1.234,56" */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** 1234567 -> "Rp 1.234.567" */
export function formatRupiah(value: number | string): string {
  return `Rp ${moneyFormat.format(Number(value))}`;
}

/**
 * Text shortened to at most `max` characters at a word boundary, with "…"
 * when anything was cut: never "Menyusun lapo…". A single word longer than
 * `max` is the only thing cut inside a word.
 */
export function clipWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  const cut = space > max / 3 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/** A file's size as Indonesians write it: "840 KB", "5 MB", "12,4 MB" (1 MB = 1024 KB, as the upload limit counts). */
const fileSizeFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
export function formatFileSize(bytes: number): string {
  const nf = fileSizeFormat;
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / (1024 * 1024))} MB`;
  return `${nf.format(Math.max(bytes, 1) / 1024)} KB`;
}
