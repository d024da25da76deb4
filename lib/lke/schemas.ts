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

/** The Inspektorat returns the evaluation to the agency (decision 046): the reason is shown to the agency. */
export const ZLkeReturn = z.object({
  year: ZYear,
  reason: z
    .string({ error: M.returnReasonShort })
    .transform((s) => s.trim())
    .pipe(z.string().min(10, M.returnReasonShort).max(2000, M.returnReasonLong)),
});
export type TLkeReturn = z.output<typeof ZLkeReturn>;

// The edition editor (platform administrator, decision 046).
const E = M.edition;
const ZId = z.string().trim().min(1).max(40);
const ZEditionName = z
  .string({ error: E.nameShort })
  .transform((s) => s.trim())
  .pipe(z.string().min(3, E.nameShort).max(200, E.nameLong));
const ZFromYear = z.coerce.number({ error: E.year }).int(E.year).min(2000, E.year).max(2100, E.year);
const ZText = z
  .string({ error: E.textEmpty })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, E.textEmpty).max(2000, E.textLong));
const ZWeight = z.coerce.number({ error: E.weight }).gt(0, E.weight).max(100, E.weight);

export const ZLkeEditionScaleOption = z.object({
  code: z
    .string({ error: E.scaleCode })
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{1,4}$/, E.scaleCode)),
  label: z
    .string({ error: E.scaleLabel })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, E.scaleLabel).max(200, E.scaleLabel)),
  value: z.coerce.number({ error: E.scaleValue }).min(0, E.scaleValue).max(1, E.scaleValue),
});
export const ZLkeEditionScale = z
  .array(ZLkeEditionScaleOption, { error: E.scaleMin })
  .min(2, E.scaleMin)
  .max(10, E.scaleMax)
  .superRefine((scale, ctx) => {
    const seen = new Set<string>();
    scale.forEach((o, i) => {
      if (seen.has(o.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: E.scaleCodeDuplicate(o.code) });
      seen.add(o.code);
    });
  });

export const ZLkeEditionCopy = z.object({ sourceId: ZId, name: ZEditionName, validFromYear: ZFromYear });
export const ZLkeEditionMeta = z.object({ editionId: ZId, name: ZEditionName, validFromYear: ZFromYear });
/** A component's or a sub-component's name and weight (points of 100). */
export const ZLkeEditionGroup = z.object({ editionId: ZId, kind: z.enum(["component", "subComponent"]), id: ZId, name: ZText, weight: ZWeight });
/** A criterion's text, weight (relative to its siblings) and answer scale; its code stays. */
export const ZLkeEditionCriterion = z.object({ editionId: ZId, criterionId: ZId, text: ZText, weight: ZWeight, scale: ZLkeEditionScale });
export type TLkeEditionCopy = z.output<typeof ZLkeEditionCopy>;
export type TLkeEditionMeta = z.output<typeof ZLkeEditionMeta>;
export type TLkeEditionGroup = z.output<typeof ZLkeEditionGroup>;
export type TLkeEditionCriterion = z.output<typeof ZLkeEditionCriterion>;
export type TLkeEditionCriterionInput = z.input<typeof ZLkeEditionCriterion>;
