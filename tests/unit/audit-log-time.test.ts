import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { id as localeId } from "date-fns/locale";
import { describe, expect, it } from "vitest";

import { formatAuditTime } from "@/lib/audit/labels";
import { TIME_ZONE_IANA, formatDate, formatDateTime, isoDateIn } from "@/lib/format";

/** What formatAuditTime wrote before decision 064: date-fns with the IANA zone and the Indonesian locale. */
const reference = (d: Date, tz: keyof typeof TIME_ZONE_IANA) => `${format(new TZDate(d, TIME_ZONE_IANA[tz]), "d MMMM yyyy HH.mm.ss", { locale: localeId })} ${tz}`;

describe("formatAuditTime (fixed offsets, no formatter per call)", () => {
  it("writes what date-fns writes with the IANA zone, in every zone, from 1970 to 2100", () => {
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      for (let i = 0; i < 2_000; i++) {
        // Spread over 130 years, odd hours, minutes and seconds, month and year ends included.
        const d = new Date(Date.UTC(1970, 0, 1) + i * 2_051_327_777 + (i % 7) * 59_999);
        expect(formatAuditTime(d, tz)).toBe(reference(d, tz));
      }
      for (const iso of ["2026-12-31T16:59:59.999Z", "2026-12-31T17:00:00Z", "2028-02-28T16:30:00Z", "2026-01-01T00:00:00Z"]) {
        expect(formatAuditTime(new Date(iso), tz)).toBe(reference(new Date(iso), tz));
      }
    }
    expect(formatAuditTime(new Date("2026-04-06T01:30:15Z"), "WIB")).toBe("6 April 2026 08.30.15 WIB");
    expect(formatAuditTime(new Date("2026-12-31T17:00:00Z"), "WIB")).toBe("1 Januari 2027 00.00.00 WIB");
    expect(formatAuditTime(new Date("2026-12-31T15:00:00Z"), "WIT")).toBe("1 Januari 2027 00.00.00 WIT");
  });
});

describe("formatDate, formatDateTime and isoDateIn (the same fixed offsets: decision 071)", () => {
  /** What they wrote before: date-fns with the IANA zone and the Indonesian locale. */
  const before = {
    date: (d: Date, tz: keyof typeof TIME_ZONE_IANA) => format(new TZDate(d, TIME_ZONE_IANA[tz]), "d MMMM yyyy", { locale: localeId }),
    dateTime: (d: Date, tz: keyof typeof TIME_ZONE_IANA) => `${format(new TZDate(d, TIME_ZONE_IANA[tz]), "d MMMM yyyy HH.mm", { locale: localeId })} ${tz}`,
    iso: (d: Date, tz: keyof typeof TIME_ZONE_IANA) => format(new TZDate(d, TIME_ZONE_IANA[tz]), "yyyy-MM-dd"),
  };

  it("write what date-fns wrote with the IANA zone, in every zone, from 1970 to 2100", () => {
    for (const tz of ["WIB", "WITA", "WIT"] as const) {
      const instants = Array.from({ length: 700 }, (_, i) => new Date(Date.UTC(1970, 0, 1) + i * 5_861_222_221 + (i % 7) * 59_999));
      for (const iso of ["2026-12-31T16:59:59.999Z", "2026-12-31T17:00:00Z", "2028-02-28T16:30:00Z", "2026-01-01T00:00:00Z", "2026-04-10T12:00:00Z"]) instants.push(new Date(iso));
      for (const d of instants) {
        expect(formatDate(d, tz)).toBe(before.date(d, tz));
        expect(formatDateTime(d, tz)).toBe(before.dateTime(d, tz));
        expect(isoDateIn(d, tz)).toBe(before.iso(d, tz));
      }
    }
    expect(formatDateTime(new Date("2026-12-31T16:59:00Z"))).toBe("31 Desember 2026 23.59 WIB");
    expect(formatDate(new Date("2026-12-31T15:00:00Z"), "WIT")).toBe("1 Januari 2027");
    expect(isoDateIn(new Date("2026-12-31T15:59:00Z"), "WITA")).toBe("2026-12-31");
  }, 30_000);

  it("refuse an invalid date as date-fns did", () => {
    expect(() => formatDateTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatDate(new Date("bukan tanggal"))).toThrow(RangeError);
  });
});
