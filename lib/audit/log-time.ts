import { TIME_ZONE_IANA, type TAgencyTimeZone } from "@/lib/format";

/*
 * "6 April 2026 08.30.15 WIB", as formatAuditTime writes it, for every timestamp of the audit log
 * and the cycle timeline (several per row). Indonesia's three zones have had fixed offsets and no
 * daylight saving for decades, so from 1990 on the time is plain arithmetic on the UTC fields
 * (decision 066: Intl's formatToParts was the largest per-row cost of the timeline's own code);
 * earlier dates, which the app never writes, still go through Intl and its history of offsets.
 */
const OFFSET_MS: Record<TAgencyTimeZone, number> = { WIB: 7 * 3_600_000, WITA: 8 * 3_600_000, WIT: 9 * 3_600_000 };
const FIXED_SINCE = Date.UTC(1990, 0, 1);
const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** One Intl.DateTimeFormat per zone for the process, for dates before 1990. */
const timeFormats = new Map<TAgencyTimeZone, Intl.DateTimeFormat>();

export function formatLogTime(date: Date, tz: TAgencyTimeZone): string {
  const t = date.getTime();
  if (t >= FIXED_SINCE) {
    const local = new Date(t + OFFSET_MS[tz]);
    return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}.${two(local.getUTCMinutes())}.${two(local.getUTCSeconds())} ${tz}`;
  }
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
