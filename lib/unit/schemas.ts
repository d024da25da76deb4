import { z } from "zod";

import { t } from "@/lib/i18n";

const ZId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);
const ZOptionalId = z
  .union([z.literal(""), z.null(), ZId])
  .optional()
  .transform((v) => (v ? v : null));

export const UNIT_KINDS = ["SEKRETARIAT", "SUBBAGIAN", "BIDANG", "SEKSI", "UPTD", "LAINNYA"] as const;

const unitFields = {
  name: z
    .string({ error: t.errors.required })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(2, t.errors.tooShort(2)).max(120, t.errors.tooLong(120))),
  kind: z.enum(UNIT_KINDS, { error: t.errors.required }),
  parentId: ZOptionalId,
  headTitle: z
    .string()
    .max(200, t.errors.tooLong(200))
    .optional()
    .transform((s) => (s ?? "").replace(/\s+/g, " ").trim()),
  headUserId: ZOptionalId,
};

export const ZCreateUnit = z.object(unitFields);
export type TCreateUnit = z.input<typeof ZCreateUnit>;

/** Rename, change kind or head, move under another parent: the whole unit as edited. */
export const ZUpdateUnit = z.object({ unitId: ZId, ...unitFields });
export type TUpdateUnit = z.input<typeof ZUpdateUnit>;

export const ZSetUnitActive = z.object({ unitId: ZId, active: z.boolean() });

/** A member's unit: every membership of the user in the agency carries it. */
export const ZSetMemberUnit = z.object({ userId: ZId, unitId: ZOptionalId });
export type TSetMemberUnit = z.input<typeof ZSetMemberUnit>;
