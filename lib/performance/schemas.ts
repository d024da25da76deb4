import { z } from "zod";

import { ZNip } from "@/lib/validation/nip";

import { PLAUSIBILITY_CODES } from "./plausibility";

import { parseDecimal } from "./decimal";
import { PERFORMANCE_MESSAGES } from "./messages";

export { PERFORMANCE_MESSAGES };

export const ZPlausibilityCode = z.enum(PLAUSIBILITY_CODES);
const M = PERFORMANCE_MESSAGES;

/**
 * A realization of a quarter that is not verified yet (EMPTY: not even filled), as the archive step
 * names it: an agency PK indicator (by code), or a unit PK row (`scope: "UNIT"`, decision 061), which
 * has no code: there `code` repeats its name.
 */
export interface TUnverifiedRealization {
  code: string;
  name: string;
  unit: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "EMPTY";
  scope?: "UNIT";
}

/** Where the archive step lists an unverified value: its unit, or "PK unit <unit>" for a unit PK row. */
export const unverifiedGroupOf = (item: TUnverifiedRealization) => (item.scope === "UNIT" ? `PK unit ${item.unit}` : item.unit);

/**
 * "Bidang Bina Marga: A2 (Dikirim); Bidang Cipta Karya: B1 (Dikembalikan), B2 (Belum diisi); PK unit
 * Bidang Bina Marga: Panjang jalan direhabilitasi (Dikirim)": grouped by unit, in the given order.
 */
export function describeUnverified(items: readonly TUnverifiedRealization[]): string {
  const byUnit = new Map<string, string[]>();
  for (const item of items) {
    const group = unverifiedGroupOf(item);
    const list = byUnit.get(group) ?? [];
    list.push(`${item.code} (${M.ui.status[item.status]})`);
    byUnit.set(group, list);
  }
  return [...byUnit].map(([unit, codes]) => `${unit}: ${codes.join(", ")}`).join("; ");
}

/**
 * A decimal typed by a person: "1.234,5" (Indonesian), "1234.5" or a number.
 * Returns a canonical "1234.5" string for Prisma's Decimal, or null when empty.
 * `percentSign`: a trailing "%" ("85%", "85 %") is read as the number, since a
 * percentage indicator's unit already says it (the realization value).
 */
function decimalSchema(percentSign: boolean) {
  return z
    .union([z.number(), z.string().max(40, M.tooLarge)], { error: M.number })
    .nullish()
    .transform((raw, ctx) => {
      const result = parseDecimal(raw, percentSign);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}

export const ZDecimal = decimalSchema(false);
/** A realization value: a decimal, and "85%" read as 85. The form's live capaian and the server parse it with this. */
export const ZRealizationValue = decimalSchema(true);

const ZMoney = ZDecimal.refine((v) => v === null || !v.startsWith("-"), M.negativeBudget);

export const ZQuarter = z.coerce.number({ error: M.quarter }).int(M.quarter).min(1, M.quarter).max(4, M.quarter);
export const ZYear = z.coerce.number({ error: M.year }).int(M.year).min(2000, M.year).max(2100, M.year);

const text = (max: number) => z.string().trim().max(max, `Maksimal ${max} karakter.`);

const ZTargetFields = z.object({ targetValue: ZDecimal, targetMin: ZDecimal, targetMax: ZDecimal });

export const ZIndicatorInput = z
  .object({
    code: text(20).min(1, M.required),
    name: text(500).min(1, M.required),
    unit: text(50).min(1, M.required),
    polarity: z.enum(["HIGHER", "LOWER"]),
    targetType: z.enum(["SINGLE", "RANGE"]),
    aggregation: z.enum(["CUMULATIVE", "LAST", "AVERAGE"]),
    orgUnit: text(200).min(1, M.required),
    definition: text(2000).default(""),
    formula: text(2000).default(""),
    quarters: z.array(ZTargetFields).length(4),
  })
  .merge(ZTargetFields)
  .superRefine((ind, ctx) => {
    const check = (t: z.output<typeof ZTargetFields>, path: (string | number)[]) => {
      if (ind.targetType === "SINGLE" && t.targetValue === null && path.length === 0) {
        ctx.addIssue({ code: "custom", message: M.targetNeeded, path: [...path, "targetValue"] });
      }
      if (ind.targetType === "RANGE" && t.targetMin !== null && t.targetMax !== null && Number(t.targetMin) > Number(t.targetMax)) {
        ctx.addIssue({ code: "custom", message: M.rangeOrder, path: [...path, "targetMin"] });
      }
    };
    check(ind, []);
    ind.quarters.forEach((q, i) => check(q, ["quarters", i]));
  });

export const ZAgreementInput = z
  .object({
    year: ZYear,
    signedAt: z.union([z.literal(""), z.iso.date()]).nullish().transform((v) => v || null),
    firstPartyName: text(200).min(1, M.required),
    firstPartyJabatan: text(200).min(1, M.required),
    firstPartyNip: z.union([z.literal(""), ZNip]).nullish().transform((v) => v || null),
    secondPartyName: text(200).min(1, M.required),
    secondPartyJabatan: text(200).min(1, M.required),
    goals: z
      .array(z.object({ code: text(20).min(1, M.required), name: text(500).min(1, M.required), indicators: z.array(ZIndicatorInput).min(1) }))
      .min(1),
    /**
     * Absent: the programs are not part of this save (a PK annex without
     * Program/Pagu columns) and stay as they are. Present: the full list.
     */
    programs: z
      .array(z.object({ code: text(40).min(1, M.required), name: text(500).min(1, M.required), pagu: z.array(ZMoney).length(4) }))
      .optional(),
  })
  .superRefine((pk, ctx) => {
    const seen = new Set<string>();
    pk.goals.forEach((g, gi) =>
      g.indicators.forEach((ind, ii) => {
        if (seen.has(ind.code)) ctx.addIssue({ code: "custom", message: M.duplicateCode(ind.code), path: ["goals", gi, "indicators", ii, "code"] });
        seen.add(ind.code);
      }),
    );
  });
export type TAgreementInput = z.input<typeof ZAgreementInput>;

/**
 * The realization form. `value` is parsed like ZRealizationValue, and what was
 * typed is kept as `valueText` ("72.000" in a percentage indicator is a
 * warning that the canonical 72000 alone cannot tell). `confirmed`: the
 * plausibility warnings (lib/performance/plausibility.ts) the person has
 * confirmed; the server refuses a value with any other.
 */
export const ZRealizationSave = z
  .object({
    indicatorId: z.string().min(1).max(40),
    year: ZYear,
    quarter: ZQuarter,
    value: z.union([z.number(), z.string().max(40, M.tooLarge)], { error: M.number }).nullish(),
    faktorPendorong: text(5000).default(""),
    faktorPenghambat: text(5000).default(""),
    tindakLanjut: text(5000).default(""),
    submit: z.boolean().default(false),
    confirmed: z.array(ZPlausibilityCode).max(PLAUSIBILITY_CODES.length).default([]),
  })
  .transform((input, ctx) => {
    const parsed = parseDecimal(input.value, true);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message, path: ["value"] });
      return z.NEVER;
    }
    return { ...input, value: parsed.value, valueText: typeof input.value === "string" ? input.value : null };
  });
export type TRealizationSave = z.input<typeof ZRealizationSave>;

export const ZRealizationReview = z.object({
  realizationId: z.string().min(1).max(40),
  decision: z.enum(["VERIFY", "RETURN"]),
  reason: text(2000).optional().transform((v) => v || null),
});

export const ZBudgetSave = z.object({
  programId: z.string().min(1).max(40),
  quarter: ZQuarter,
  realization: ZMoney,
});
