import { formatDate, type TAgencyTimeZone } from "@/lib/format";

/**
 * How an agency appears on what it prints: the place and date line of a
 * signature block, as Indonesian letters write it. Pure: pages, PDFs and
 * exports call it with the agency's own fields.
 */
export interface TAgencyPlace {
  /** The city of the signature line ("Padang"); empty when the agency has not set it. */
  city: string;
  timeZone: TAgencyTimeZone;
}

/**
 * "Padang, 3 Desember 2026": the city, a comma and the date in the agency's
 * time zone (a signature made at 23.30 WIT on 2 December is dated 2 December
 * in Jayapura, whatever the server's clock says). Without a city, the date alone.
 */
export function signaturePlaceDate(agency: TAgencyPlace, date: Date): string {
  const city = agency.city.replace(/\s+/g, " ").trim();
  const day = formatDate(date, agency.timeZone);
  return city ? `${city}, ${day}` : day;
}
