import { z } from "zod";

import { DESIGNATABLE_PERMISSIONS } from "@/lib/authz/permissions";
import { DEFAULT_CAPAIAN_SETTINGS, ZCapaianSettings } from "@/lib/performance/capaian";

/** Agency.settings, validated on read: unknown or malformed settings fall back to defaults. */
export const ZAgencySettings = z.object({
  /** Extra role codes granted a designatable permission (e.g. who may activate SOPs besides the head). */
  permissions: z.partialRecord(z.enum(DESIGNATABLE_PERMISSIONS), z.array(z.string().max(40)).max(20)).default({}),
  /** Small units may let the maker of a step's work also approve it. */
  allowSelfApproval: z.boolean().default(false),
  /** Capping and category bands of capaian (they differ between governments). */
  capaian: ZCapaianSettings.default(DEFAULT_CAPAIAN_SETTINGS),
});
export type TAgencySettings = z.infer<typeof ZAgencySettings>;

export function readAgencySettings(raw: unknown): TAgencySettings {
  const parsed = ZAgencySettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ZAgencySettings.parse({});
}
