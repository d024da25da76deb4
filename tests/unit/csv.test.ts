import { describe, expect, it } from "vitest";

import { CSV_BOM, csvCell, csvRow, csvRows, toCsv } from "@/lib/csv";

describe("CSV for Indonesian Excel", () => {
  it("separates fields with ';', quotes per RFC 4180 and writes CRLF rows after a UTF-8 BOM", () => {
    expect(csvCell("biasa")).toBe("biasa");
    expect(csvCell("a;b")).toBe('"a;b"');
    // A comma is the decimal separator in id-ID: left as typed, unquoted.
    expect(csvCell("12,5")).toBe("12,5");
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell("baris\nbaru")).toBe('"baris\nbaru"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvCell("cr\rsaja")).toBe('"cr\rsaja"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(123n)).toBe("123");
    expect(csvCell(new Date("2026-04-06T01:30:00Z"))).toBe("2026-04-06T01:30:00.000Z");
    expect(csvCell("Pengukuran Kinerja — Triwulan Ⅰ, Ṣāliḥ")).toBe("Pengukuran Kinerja — Triwulan Ⅰ, Ṣāliḥ");
    expect(csvRow(["a", "b;c", null])).toBe('a;"b;c";\r\n');
    expect(csvRows([])).toBe("");
    const doc = toCsv(["Kolom 1", "Kolom 2"], [["x", 'y"z']]);
    expect(doc).toBe(`${CSV_BOM}Kolom 1;Kolom 2\r\nx;"y""z"\r\n`);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("=1;2")).toBe("\"'=1;2\"");
    expect(csvCell("a=b")).toBe("a=b");
  });
});
