import { z } from "zod";

import { t } from "@/lib/i18n";

import { FOLLOWUP_MESSAGES as M } from "./messages";

const ZId = (message: string) => z.string({ error: message }).trim().min(1, message).max(40, message);
const text = (min: number, max: number, short: string, long: string) =>
  z
    .string({ error: short })
    .transform((s) => s.trim())
    .pipe(z.string().min(min, short).max(max, long));

const fields = {
  recommendation: text(5, 2000, M.recommendationTooShort, M.recommendationTooLong),
  unitId: ZId(M.unitRequired),
  /** A calendar day in the agency's time zone. */
  dueDate: z.iso.date({ error: M.dueDateInvalid }),
};

/** A new follow-up; bound to an evaluation cycle when `cycleId` is given (source CYCLE), else typed in (MANUAL). */
export const ZCreateFollowUp = z.object({
  ...fields,
  cycleId: z
    .union([z.literal(""), z.null(), ZId(t.errors.notFound)])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type TCreateFollowUp = z.input<typeof ZCreateFollowUp>;

export const ZUpdateFollowUp = z.object({ followUpId: ZId(M.notFound), ...fields });
export type TUpdateFollowUp = z.input<typeof ZUpdateFollowUp>;

/**
 * Closing: a note, and either files already attached to the item or an explicit
 * reason for none (`noFile`). Whether files are attached is the server's to check.
 */
export const ZCloseFollowUp = z
  .object({
    followUpId: ZId(M.notFound),
    note: text(5, 2000, M.noteRequired, M.noteTooLong),
    noFile: z.boolean().optional().default(false),
    noFileReason: z
      .string()
      .max(1000, M.reasonTooLong)
      .optional()
      .transform((s) => (s ?? "").trim()),
  })
  .superRefine((v, ctx) => {
    if (v.noFile && v.noFileReason.length < 5) ctx.addIssue({ code: "custom", path: ["noFileReason"], message: M.noFileReasonRequired });
  });
export type TCloseFollowUp = z.input<typeof ZCloseFollowUp>;

export const ZReopenFollowUp = z.object({ followUpId: ZId(M.notFound), reason: text(5, 1000, M.reasonRequired, M.reasonTooLong) });
export type TReopenFollowUp = z.input<typeof ZReopenFollowUp>;
