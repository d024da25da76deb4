import { z } from "zod";

import { PLAUSIBILITY_CODES } from "@/lib/performance/plausibility";
import { ZPlausibilityCode } from "@/lib/performance/schemas";
import { ZDecimal, ZRealizationValue } from "@/lib/performance/schemas";

import { CASCADE_LEVELS, ROLL_UP_RULES } from "./levels";
import { CASCADE_MESSAGES as M, CROSSCUT_MESSAGES as X } from "./messages";
import { UNIT_REALIZATION_MESSAGES as UR } from "./unit-realization-messages";

const ZId = (message: string) => z.string({ error: message }).trim().min(1, message).max(40, message);
const ZOptionalId = (message: string) =>
  z
    .union([z.literal(""), z.null(), ZId(message)])
    .optional()
    .transform((v) => (v ? v : null));
const text = (min: number, max: number, short: string, long: string) =>
  z
    .string({ error: short })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(min, short).max(max, long));
const ZYear = z.coerce.number({ error: M.yearInvalid }).int(M.yearInvalid).min(2000, M.yearInvalid).max(2100, M.yearInvalid);

/** A Renstra period: five years from the start year. */
export const ZCreatePeriod = z.object({ startYear: ZYear });
export type TCreatePeriod = z.input<typeof ZCreatePeriod>;

const nodeFields = {
  statement: text(5, 1000, M.statementTooShort, M.statementTooLong),
  unitId: ZOptionalId(M.unitNotFound),
};

/** A new node: its level, and its parent (none for a Tujuan). */
export const ZCreateNode = z.object({
  periodId: ZId(M.periodNotFound),
  parentId: ZOptionalId(M.parentNotFound),
  level: z.enum(CASCADE_LEVELS, { error: M.nodeNotFound }),
  ...nodeFields,
});
export type TCreateNode = z.input<typeof ZCreateNode>;

/** A node's statement and unit; its level and place in the tree stay. */
export const ZUpdateNode = z.object({ nodeId: ZId(M.nodeNotFound), ...nodeFields });
export type TUpdateNode = z.input<typeof ZUpdateNode>;

export const ZDeleteNode = z.object({ nodeId: ZId(M.nodeNotFound) });

/** An indicator (new when `indicatorId` is empty) with its target per year of the period. */
export const ZSaveIndicator = z.object({
  indicatorId: ZOptionalId(M.indicatorNotFound),
  nodeId: ZId(M.nodeNotFound),
  name: text(3, 500, M.indicatorNameTooShort, M.indicatorNameTooLong),
  unitOfMeasure: text(1, 40, M.unitOfMeasureRequired, M.unitOfMeasureTooLong),
  polarity: z.enum(["HIGHER", "LOWER"]),
  rollUp: z.enum(ROLL_UP_RULES),
  parentIndicatorId: ZOptionalId(M.parentIndicatorNotFound),
  targets: z.array(z.object({ year: ZYear, value: ZDecimal })).max(10),
});
export type TSaveIndicator = z.input<typeof ZSaveIndicator>;

export const ZDeleteIndicator = z.object({ indicatorId: ZId(M.indicatorNotFound) });

const party = (message: string) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(200, message));

/**
 * Generate the PK per level of a year from a period's tree. The head's parties are used only
 * when the agency has no PK for the year yet (decision 035).
 */
export const ZGenerateLevelPk = z.object({
  periodId: ZId(M.periodNotFound),
  year: ZYear,
  firstPartyName: party(M.statementTooLong).default(""),
  firstPartyJabatan: party(M.statementTooLong).default(""),
  secondPartyName: party(M.statementTooLong).default(""),
  secondPartyJabatan: party(M.statementTooLong).default(""),
});
export type TGenerateLevelPk = z.input<typeof ZGenerateLevelPk>;

/** A unit PK row's Rencana Aksi: the target of each quarter (empty = none), and how quarters add up. */
export const ZSaveActionPlan = z.object({
  rowId: ZId(M.indicatorNotFound),
  aggregation: z.enum(["CUMULATIVE", "LAST", "AVERAGE"]),
  quarters: z.array(ZDecimal).length(4),
});
export type TSaveActionPlan = z.input<typeof ZSaveActionPlan>;

/**
 * The realization of a unit PK row for one quarter (empty = not filled), parsed like the agency
 * PK's (ZRealizationValue: "85%" is 85), with what was typed kept for the plausibility warnings;
 * `submit` sends it to Tim SAKIP, `confirmed` the warnings the person confirmed (decision 044).
 */
export const ZSaveUnitRealization = z
  .object({
    rowId: ZId(M.indicatorNotFound),
    quarter: z.coerce.number().int().min(1).max(4),
    value: z.union([z.number(), z.string().max(40)]).nullish(),
    submit: z.boolean().default(false),
    confirmed: z.array(ZPlausibilityCode).max(PLAUSIBILITY_CODES.length).default([]),
  })
  .transform((input, ctx) => {
    const parsed = ZRealizationValue.safeParse(input.value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message, path: ["value"] });
      return z.NEVER;
    }
    return { ...input, value: parsed.data, valueText: typeof input.value === "string" ? input.value : null };
  });
export type TSaveUnitRealization = z.input<typeof ZSaveUnitRealization>;

/** Tim SAKIP / the planning unit verifies a unit's sent realization, or returns it with a reason. */
export const ZReviewUnitRealization = z.object({
  rowId: ZId(M.indicatorNotFound),
  quarter: z.coerce.number().int().min(1).max(4),
  decision: z.enum(["VERIFY", "RETURN"]),
  reason: text(0, 2000, UR.reasonRequired, UR.reasonTooLong)
    .optional()
    .transform((v) => v || null),
});
export type TReviewUnitRealization = z.input<typeof ZReviewUnitRealization>;

/** Crosscutting links (decision 045): an own tree indicator proposed to support another agency's Tujuan/Sasaran. */
export const ZProposeCrosscut = z.object({
  indicatorId: ZId(X.pickIndicator),
  targetNodeId: ZId(X.pickTarget),
});
export type TProposeCrosscut = z.input<typeof ZProposeCrosscut>;

/** The target agency's answer to a proposal. */
export const ZDecideCrosscut = z
  .object({
    linkId: ZId(X.notFound),
    decision: z.enum(["ACCEPT", "DECLINE"]),
    /** Required with a decline: the proposer reads why. */
    reason: z.string({ error: X.declineReasonRequired }).trim().max(1000, X.declineReasonTooLong).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "DECLINE" && (input.reason ?? "").length < 10) ctx.addIssue({ code: "custom", message: X.declineReasonRequired, path: ["reason"] });
  })
  .transform((input) => ({ ...input, reason: input.decision === "DECLINE" ? input.reason : undefined }));
export type TDecideCrosscut = z.input<typeof ZDecideCrosscut>;

/** Withdraw a proposal (its source) or end an accepted link (either side). */
export const ZEndCrosscut = z.object({ linkId: ZId(X.notFound) });
export type TEndCrosscut = z.input<typeof ZEndCrosscut>;
