import { z } from "zod";

import { invalidError } from "@/lib/authz/errors";

import type { TSopInput } from "./schemas";

/**
 * The SOP exchange format (docs/sop-json-format.md): a versioned envelope
 * around the portable SOP (roles by code, dates as YYYY-MM-DD). The SOP body
 * is validated by the service against the importing agency's roles.
 */
export const SOP_JSON_FORMAT = "alur-kinerja/sop";
export const SOP_JSON_VERSION = 1;

export interface TSopJson {
  format: typeof SOP_JSON_FORMAT;
  formatVersion: typeof SOP_JSON_VERSION;
  exportedAt: string;
  source: { agency: string; version: number; status: string };
  roles: { code: string; name: string }[];
  sop: TSopInput;
}

export function toSopJson(sop: TSopInput, source: TSopJson["source"], roles: TSopJson["roles"]): TSopJson {
  return {
    format: SOP_JSON_FORMAT,
    formatVersion: SOP_JSON_VERSION,
    exportedAt: new Date().toISOString(),
    source,
    roles,
    sop,
  };
}

const ZEnvelope = z.object({
  format: z.literal(SOP_JSON_FORMAT),
  formatVersion: z.literal(SOP_JSON_VERSION),
  sop: z.record(z.string(), z.unknown()),
});

export const EXCHANGE_MESSAGES = {
  notJson: "Berkas bukan JSON yang valid.",
  wrongFormat: `Berkas bukan ekspor SOP Alur Kinerja (format "${SOP_JSON_FORMAT}" versi ${SOP_JSON_VERSION}).`,
} as const;

/** Parses an exported file's text; the SOP inside is validated later, against the agency. */
export function parseSopJson(text: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalidError(EXCHANGE_MESSAGES.notJson, { json: [EXCHANGE_MESSAGES.notJson] });
  }
  const envelope = ZEnvelope.safeParse(raw);
  if (!envelope.success) throw invalidError(EXCHANGE_MESSAGES.wrongFormat, { json: [EXCHANGE_MESSAGES.wrongFormat] });
  return envelope.data.sop;
}

/** An exported file's executors that the importing agency has no role for, with the file parsed once. */
export interface TJsonMissingRoles {
  envelope: { sop: { steps: Record<string, unknown>[] } } & Record<string, unknown>;
  /** Code in the file, and the name the file's role list gives it (else the code in words). */
  missing: { code: string; name: string }[];
}

/**
 * The executor and participant codes of an exported SOP that are not in
 * `known`, or null when there are none or the text is not an export (the
 * server then refuses it with its own message). Pure: the import screen asks
 * for each missing code to be created or mapped before sending the file.
 */
export function missingRolesInJson(text: string, known: ReadonlySet<string>): TJsonMissingRoles | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const e = raw as { sop?: { steps?: unknown }; roles?: unknown };
  if (!e.sop || typeof e.sop !== "object" || !Array.isArray(e.sop.steps)) return null;
  const names = new Map<string, string>();
  if (Array.isArray(e.roles)) {
    for (const r of e.roles as { code?: unknown; name?: unknown }[]) if (typeof r?.code === "string" && typeof r?.name === "string") names.set(r.code, r.name);
  }
  const missing = new Map<string, string>();
  for (const step of e.sop.steps as { executorRoleCode?: unknown; participantRoleCodes?: unknown }[]) {
    const codes = [step?.executorRoleCode, ...(Array.isArray(step?.participantRoleCodes) ? step.participantRoleCodes : [])];
    for (const code of codes) {
      if (typeof code === "string" && code && !known.has(code) && !missing.has(code)) missing.set(code, names.get(code) ?? code.replace(/_/g, " "));
    }
  }
  if (missing.size === 0) return null;
  return { envelope: raw as TJsonMissingRoles["envelope"], missing: [...missing].map(([code, name]) => ({ code, name })) };
}

/** The file again, each missing code replaced by the role chosen for it (a participant that became the executor dropped). */
export function remapSopJsonRoles(found: TJsonMissingRoles, roleMap: Readonly<Record<string, string>>): string {
  const map = (code: unknown) => (typeof code === "string" && roleMap[code] ? roleMap[code] : code);
  const steps = found.envelope.sop.steps.map((step) => {
    const executor = map(step.executorRoleCode);
    const participants = Array.isArray(step.participantRoleCodes)
      ? [...new Set(step.participantRoleCodes.map(map))].filter((c) => c !== executor)
      : step.participantRoleCodes;
    return { ...step, executorRoleCode: executor, participantRoleCodes: participants };
  });
  return JSON.stringify({ ...found.envelope, sop: { ...found.envelope.sop, steps } });
}
