import { z } from "zod";

import { DESIGNATABLE_PERMISSIONS } from "@/lib/authz/permissions";
import { DEFAULT_OFFICE_HOURS, officeHoursProblem, type TOfficeHours } from "@/lib/cycle/working-time";
import { DEFAULT_CAPAIAN_SETTINGS } from "@/lib/performance/capaian";
import { ZCapaianSettings } from "@/lib/performance/capaian-settings";

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const ZOfficeDay = z.object({ open: ZClock, close: ZClock, breakStart: ZClock.nullish(), breakEnd: ZClock.nullish() });
/** Office hours per ISO weekday (Monday first), null = closed: lib/cycle/working-time.ts. */
export const ZOfficeHours = z
  .array(ZOfficeDay.nullable())
  .length(7)
  .refine((hours) => officeHoursProblem(hours) === null, { message: "Jam kerja tidak valid." });

/** Agency.settings, validated on read: unknown or malformed settings fall back to defaults. */
export const ZAgencySettings = z.object({
  /** Extra role codes granted a designatable permission (e.g. who may activate SOPs besides the head). */
  permissions: z.partialRecord(z.enum(DESIGNATABLE_PERMISSIONS), z.array(z.string().max(40)).max(20)).default({}),
  /** Small units may let the maker of a step's work also approve it. */
  allowSelfApproval: z.boolean().default(false),
  /**
   * A decision may not approve a snapshot holding realization values Tim SAKIP has not
   * verified ("Tolak persetujuan bila ada nilai belum terverifikasi"). Off: the approver is
   * warned with the count. docs/decisions/022-decision-snapshot.md.
   */
  blockUnverifiedApproval: z.boolean().default(false),
  /** Administrators and heads must have two-factor sign-in on (docs/decisions/021-two-factor.md). */
  requireTwoFactor: z.boolean().default(false),
  /** Capping and category bands of capaian (they differ between governments). */
  capaian: ZCapaianSettings.default(DEFAULT_CAPAIAN_SETTINGS),
  /** Office hours (jam kerja) for due times: docs/decisions/016-working-calendar.md. */
  officeHours: ZOfficeHours.default(DEFAULT_OFFICE_HOURS as TOfficeHours as z.infer<typeof ZOfficeHours>),
});
export type TAgencySettings = z.infer<typeof ZAgencySettings>;

export function readAgencySettings(raw: unknown): TAgencySettings {
  const parsed = ZAgencySettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ZAgencySettings.parse({});
}
