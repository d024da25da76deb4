import { RESERVED_ROLE_CODES } from "@/lib/authz/permissions";

/** Longest role code (the column and the schemas allow 40). */
export const ROLE_CODE_MAX = 40;

/**
 * The code of a role, from its name: nobody types one. ASCII letters and
 * digits in upper case joined by "_" ("Tim Evaluator Kinerja" ->
 * "TIM_EVALUATOR_KINERJA", "Kasubag Perencanaan & Keuangan" ->
 * "KASUBAG_PERENCANAAN_KEUANGAN", accents dropped), at most 40 characters,
 * never a reserved code (ADMIN, AUDITOR) and never one in `taken`: a suffix
 * "_2", "_3", ... makes it unique. The code is fixed when the role is created;
 * renaming the role keeps it (designations and SOP exports refer to it).
 */
export function roleCodeFromName(name: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((c) => c.toUpperCase()));
  for (const reserved of RESERVED_ROLE_CODES) used.add(reserved);
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toUpperCase()
      .slice(0, ROLE_CODE_MAX)
      .replace(/_+$/, "") || "PERAN";
  let code = base;
  for (let n = 2; used.has(code); n++) {
    const suffix = `_${n}`;
    code = `${base.slice(0, ROLE_CODE_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
  }
  return code;
}
