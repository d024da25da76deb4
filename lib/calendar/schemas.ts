import { z } from "zod";

import { officeHoursProblem, WEEKDAY_NAMES } from "@/lib/cycle/working-time";
import { t } from "@/lib/i18n";

const ZId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);
const ZClockInput = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim());

const ZOfficeDayInput = z.object({
  open: z.boolean(),
  start: ZClockInput,
  end: ZClockInput,
  breakStart: ZClockInput,
  breakEnd: ZClockInput,
});

/** The jam-kerja form: seven days, Monday first. Refused with the Indonesian reason of officeHoursProblem. */
export const ZSetOfficeHours = z
  .object({ days: z.array(ZOfficeDayInput).length(7, "Jam kerja harus diisi untuk tujuh hari.") })
  .transform((v) =>
    v.days.map((d) => (d.open ? { open: d.start, close: d.end, breakStart: d.breakStart || null, breakEnd: d.breakEnd || null } : null)),
  )
  .superRefine((hours, ctx) => {
    const problem = officeHoursProblem(hours);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["days"] });
  });
export type TSetOfficeHours = z.input<typeof ZSetOfficeHours>;

export const HOLIDAY_KINDS = ["LIBUR_NASIONAL", "CUTI_BERSAMA", "LIBUR_DAERAH"] as const;

const holidayFields = {
  date: z.string({ error: t.errors.required }).regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal harus berformat TTTT-BB-HH."),
  name: z
    .string({ error: t.errors.required })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(3, t.errors.tooShort(3)).max(160, t.errors.tooLong(160))),
  source: z
    .string()
    .max(300, t.errors.tooLong(300))
    .optional()
    .transform((s) => (s ?? "").replace(/\s+/g, " ").trim()),
};

/** The platform administrator: a national holiday or cuti bersama, or a government's local holiday. */
export const ZPlatformHoliday = z
  .object({ ...holidayFields, kind: z.enum(HOLIDAY_KINDS), governmentId: z.union([z.literal(""), ZId]).optional().transform((v) => v || null) })
  .refine((v) => (v.kind === "LIBUR_DAERAH") === (v.governmentId !== null), {
    message: "Libur daerah memerlukan pemerintah daerah; libur nasional dan cuti bersama tidak.",
    path: ["governmentId"],
  });

/** The agency administrator: a local holiday of the agency. */
export const ZAgencyHoliday = z.object(holidayFields);

export const ZHolidayRef = z.object({ holidayId: ZId });

export { WEEKDAY_NAMES };
