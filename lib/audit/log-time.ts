import { TIME_ZONE_IANA, type TAgencyTimeZone } from "@/lib/format";

/** One Intl.DateTimeFormat per zone for the process (instead of a date-fns format with a TZDate per row). */
const timeFormats = new Map<TAgencyTimeZone, Intl.DateTimeFormat>();

/** "6 April 2026 08.30.15 WIB", as formatAuditTime writes it. */
export function formatLogTime(date: Date, tz: TAgencyTimeZone): string {
  let f = timeFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("id-ID", {
      timeZone: TIME_ZONE_IANA[tz],
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    timeFormats.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  return `${p.day} ${p.month} ${p.year} ${p.hour}.${p.minute}.${p.second} ${tz}`;
}
