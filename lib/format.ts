import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { id as localeId } from "date-fns/locale";

export const TIME_ZONE_IANA = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;
export type TAgencyTimeZone = keyof typeof TIME_ZONE_IANA;

/** "15 Januari 2024" in the agency's time zone. */
export function formatDate(date: Date, tz: TAgencyTimeZone = "WIB"): string {
  return format(new TZDate(date, TIME_ZONE_IANA[tz]), "d MMMM yyyy", { locale: localeId });
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
