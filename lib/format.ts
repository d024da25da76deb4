import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { id as localeId } from "date-fns/locale";

export const TIME_ZONE_IANA = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;
export type TAgencyTimeZone = keyof typeof TIME_ZONE_IANA;

/** The months as Indonesian dates write them, for the formatters that assemble a date by hand. */
export const MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"] as const;

/** "15 Januari 2024" in the agency's time zone. */
export function formatDate(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  return format(new TZDate(date, TIME_ZONE_IANA[tz]), "d MMMM yyyy", { locale: localeId });
}

/** "2024-01-15": the calendar day in the agency's time zone (a date input's value). */
export function isoDateIn(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  return format(new TZDate(date, TIME_ZONE_IANA[tz]), "yyyy-MM-dd");
}

/** "15 Januari 2024 09.30 WIB" */
export function formatDateTime(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  return `${format(new TZDate(date, TIME_ZONE_IANA[tz]), "d MMMM yyyy HH.mm", { locale: localeId })} ${tz}`;
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
export function formatFileSize(bytes: number): string {
  const nf = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / (1024 * 1024))} MB`;
  return `${nf.format(Math.max(bytes, 1) / 1024)} KB`;
}
