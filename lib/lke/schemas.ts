import { z } from "zod";

import { LKE_MESSAGES as M } from "./messages";

const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZLink = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^\/(?!\/)/.test(s) || /^https?:\/\/[^\s]+$/i.test(s), M.linkInvalid);

export const ZLkeCreate = z.object({ year: ZYear, editionId: z.string().min(1).max(40).optional() });
export const ZLkeYear = z.object({ year: ZYear });
export const ZLkeSelfAnswer = z.object({
  year: ZYear,
  criterionCode: z.string().trim().min(1).max(20),
  answer: z.string().trim().max(4).nullable(),
  justification: z.string().trim().max(4000, M.justificationTooLong).default(""),
  evidenceLinks: z.array(ZLink).max(20).default([]),
});
export const ZLkeReviewAnswer = z.object({
  year: ZYear,
  criterionCode: z.string().trim().min(1).max(20),
  answer: z.string().trim().max(4).nullable(),
  note: z.string().trim().max(4000, M.justificationTooLong).default(""),
});
export type TLkeCreate = z.output<typeof ZLkeCreate>;
export type TLkeYear = z.output<typeof ZLkeYear>;
export type TLkeSelfAnswer = z.output<typeof ZLkeSelfAnswer>;
export type TLkeReviewAnswer = z.output<typeof ZLkeReviewAnswer>;

/** A reviewer's note made a tracked follow-up (decision 036): the owner unit and due date, the text editable. */
export const ZLkeFollowUp = z.object({
  year: ZYear,
  criterionCode: z.string().trim().min(1).max(20),
  recommendation: z
    .string({ error: M.followUpTextShort })
    .transform((s) => s.trim())
    .pipe(z.string().min(5, M.followUpTextShort).max(2000, M.followUpTextLong)),
  unitId: z.string({ error: M.followUpUnit }).trim().min(1, M.followUpUnit).max(40, M.followUpUnit),
  dueDate: z.iso.date({ error: M.followUpDue }),
});
export type TLkeFollowUp = z.output<typeof ZLkeFollowUp>;
