import { isValid, parse } from "date-fns";
import { z } from "zod";

import { t } from "@/lib/i18n";

/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date (YYYYMMDD), appointment
 * (YYYYMM), sex (1/2), sequence (3). Accepts the printed form with spaces.
 */
export function normalizeNip(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

export function nipProblem(nip: string): string | null {
  if (!/^\d{18}$/.test(nip)) return t.errors.nipFormat;
  const birth = parse(nip.slice(0, 8), "yyyyMMdd", new Date(2000, 0, 1));
  const year = Number(nip.slice(0, 4));
  const apptMonth = Number(nip.slice(12, 14));
  const apptYear = Number(nip.slice(8, 12));
  if (!isValid(birth) || year < 1900 || apptMonth < 1 || apptMonth > 12 || apptYear < year) return t.errors.nipDate;
  if (nip[14] !== "1" && nip[14] !== "2") return t.errors.nipSex;
  return null;
}

export const ZNip = z
  .string({ error: t.errors.required })
  .max(40, t.errors.nipFormat)
  .transform(normalizeNip)
  .superRefine((nip, ctx) => {
    const problem = nipProblem(nip);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** "198405182011011014" -> "19840518 201101 1 014" */
export function formatNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
