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
