import { z } from "zod";

import { t } from "@/lib/i18n";

const ZId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);
const ZDay = z.iso.date({ error: "Tanggal tidak valid." });

/** Appoint a member as acting holder of a role (Plt./Plh.) from one day to another, inclusive, by decree. */
export const ZAppointActing = z
  .object({
    roleId: ZId,
    userId: ZId,
    kind: z.enum(["PLT", "PLH"], { error: t.errors.required }),
    startDate: ZDay,
    endDate: ZDay,
    decreeNumber: z
      .string({ error: t.errors.required })
      .transform((v) => v.replace(/\s+/g, " ").trim())
      .pipe(z.string().min(3, "Isi nomor surat perintah/keputusan.").max(120, t.errors.tooLong(120))),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Tanggal selesai tidak boleh sebelum tanggal mulai." });
  });
export type TAppointActing = z.input<typeof ZAppointActing>;

export const ZEndActing = z.object({ appointmentId: ZId });
export type TEndActing = z.input<typeof ZEndActing>;
