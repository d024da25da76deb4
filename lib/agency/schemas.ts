import { z } from "zod";

import { t } from "@/lib/i18n";
import { ZNip } from "@/lib/validation/nip";

const text = (max: number) => z.string({ error: t.errors.required }).trim().max(max, t.errors.tooLong(max));
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const ZRoleCodes = z
  .array(z.string().trim().min(1).max(40), { error: t.members.pickRole })
  .min(1, t.members.pickRole)
  .max(20)
  .transform((codes) => [...new Set(codes)]);

export const ZAddMember = z.object({
  nip: ZNip,
  name: optionalText(200),
  email: z
    .union([z.literal(""), z.email(t.errors.emailFormat).max(200)])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  jabatan: optionalText(200),
  pangkat: optionalText(100),
  password: z
    .union([z.literal(""), z.string().min(10, t.errors.tooShort(10)).max(200, t.errors.tooLong(200))])
    .optional()
    .transform((v) => (v ? v : undefined)),
  roleCodes: ZRoleCodes,
});
export type TAddMember = z.input<typeof ZAddMember>;

export const ZSetMemberRoles = z.object({ userId: z.string().min(1).max(40), roleCodes: ZRoleCodes });
export type TSetMemberRoles = z.input<typeof ZSetMemberRoles>;

export const ZSetMemberActive = z.object({ userId: z.string().min(1).max(40), active: z.boolean() });
export type TSetMemberActive = z.input<typeof ZSetMemberActive>;

export const ZCreateGovernment = z.object({
  level: z.enum(["PROVINSI", "KABUPATEN", "KOTA"], { error: t.errors.required }),
  name: text(120).min(2, t.errors.tooShort(2)),
});
export type TCreateGovernment = z.input<typeof ZCreateGovernment>;

export const ZCreateAgency = z.object({
  governmentId: z.string({ error: t.errors.required }).min(1, t.errors.required).max(40),
  name: text(250).min(5, t.errors.tooShort(5)),
  slug: z
    .string({ error: t.errors.required })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$/, t.errors.slugFormat),
  timeZone: z.enum(["WIB", "WITA", "WIT"], { error: t.errors.required }),
  adminNip: z
    .union([z.literal(""), ZNip])
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type TCreateAgency = z.input<typeof ZCreateAgency>;

/** Read access for an Inspektorat auditor, optionally until a date (inclusive, agency time zone). */
export const ZGrantAuditor = z.object({
  agencyId: z.string({ error: t.errors.required }).min(1, t.errors.required).max(40),
  nip: ZNip,
  validUntil: z
    .union([z.literal(""), z.iso.date({ error: "Tanggal tidak valid." })])
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type TGrantAuditor = z.input<typeof ZGrantAuditor>;
