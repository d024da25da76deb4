/**
 * The one CSV writer of the app, for Indonesian Excel: fields separated by
 * ";" (Excel in the id-ID locale uses the comma as the decimal separator and
 * opens a comma-separated file as one column), CRLF line ends, RFC 4180
 * quoting by csv-stringify, and a UTF-8 byte order mark first so Excel reads
 * names and NIPs as UTF-8. Cells a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR: OWASP "CSV injection") get a leading
 * apostrophe, which Excel shows as text and does not print. Pure.
 */
import { stringify } from "csv-stringify/sync";

import { attachmentDisposition } from "@/lib/storage/http";

export const CSV_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";
const FORMULA_START = /^[=+\-@\t\r]/;

export type TCsvValue = string | number | bigint | boolean | Date | null | undefined;

/** A value as the text of its cell (before quoting). Numbers are written by us and are never formulas. */
function cellText(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV lines (no BOM): for streaming a large export batch by batch. */
export function csvRows(rows: readonly (readonly TCsvValue[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((r) => r.map(cellText)),
    { delimiter: CSV_DELIMITER, record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

export const csvRow = (values: readonly TCsvValue[]): string => csvRows([values]);

/** One cell as it is written (quoted when it must be). */
export const csvCell = (value: TCsvValue): string => csvRow([value]).replace(/\r\n$/, "");

/** A whole document (BOM, header, rows) as one string. */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvValue[])[]): string {
  return CSV_BOM + csvRows([header, ...rows]);
}

export const csvContentDisposition = (filename: string): string => attachmentDisposition(filename);

export const CSV_HEADERS = {
  "Content-Type": "text/csv; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;
