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
  gelarDepan: optionalText(60),
  gelarBelakang: optionalText(60),
  jabatan: optionalText(200),
  pangkat: optionalText(100),
  password: z
    .union([z.literal(""), z.string().min(10, t.errors.tooShort(10)).max(200, t.errors.tooLong(200))])
    .optional()
    .transform((v) => (v ? v : undefined)),
  roleCodes: ZRoleCodes,
  /** The unit the member works in (an active unit of the agency), or none. */
  unitId: z
    .union([z.literal(""), z.null(), z.string().max(40)])
    .optional()
    .transform((v) => (v ? v : null)),
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

const ZId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);
const ZSlug = z
  .string({ error: t.errors.required })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$/, t.errors.slugFormat);
const ZTimeZone = z.enum(["WIB", "WITA", "WIT"], { error: t.errors.required });
const profileText = (max: number) =>
  z
    .string()
    .max(max, t.errors.tooLong(max))
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, " ").trim());

/**
 * The person named administrator: an existing account by NIP, or a new one
 * (name and jabatan then required, checked by the service) whose first
 * credential is a temporary password shown once or a set-password link.
 */
export const ZAdminPerson = z.object({
  nip: ZNip,
  name: optionalText(200),
  jabatan: optionalText(200),
  email: z
    .union([z.literal(""), z.email(t.errors.emailFormat).max(200)])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  credential: z.enum(["temporary_password", "link"], { error: t.errors.required }).default("temporary_password"),
});
export type TAdminPerson = z.input<typeof ZAdminPerson>;

const agencyProfile = {
  // Spaces collapsed: "Dinas  Kesehatan" is the same name as "Dinas Kesehatan" (unique within a government).
  name: z
    .string({ error: t.errors.required })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(5, t.errors.tooShort(5)).max(250, t.errors.tooLong(250))),
  slug: ZSlug,
  timeZone: ZTimeZone,
  unitName: profileText(200),
  address: profileText(300),
  city: profileText(100),
};

export const ZCreateAgency = z.object({
  governmentId: ZId,
  ...agencyProfile,
  admin: ZAdminPerson,
});
export type TCreateAgency = z.input<typeof ZCreateAgency>;

export const ZUpdateAgency = z.object({ agencyId: ZId, ...agencyProfile });
export type TUpdateAgency = z.input<typeof ZUpdateAgency>;

export const ZAppointAdmin = z.object({ agencyId: ZId, admin: ZAdminPerson, replace: z.boolean().default(false) });
export type TAppointAdmin = z.input<typeof ZAppointAdmin>;

/** A new first credential for an administrator who has not chosen their password yet. */
export const ZReissueCredential = z.object({ agencyId: ZId, userId: ZId, credential: z.enum(["temporary_password", "link"]) });

export const ZSetAgencyActive = z.object({ agencyId: ZId, active: z.boolean() });

/** Largest logo accepted, in bytes (it is printed, not archived). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const ZSetAgencyLogo = z.object({
  agencyId: ZId,
  fileName: z.string({ error: t.errors.required }).min(1, t.errors.required).max(300, t.errors.tooLong(300)),
  /** base64 of at most LOGO_MAX_BYTES (+ one byte, so "too large" is the service's clear refusal). */
  fileBase64: z
    .string({ error: t.errors.required })
    .min(1, t.errors.required)
    .max(Math.ceil(((LOGO_MAX_BYTES + 1) * 4) / 3) + 4, "Ukuran logo melebihi 512 KB. Perkecil gambarnya.")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Berkas tidak terbaca."),
});
export const ZAgencyRef = z.object({ agencyId: ZId });

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
