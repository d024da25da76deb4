import { z } from "zod";

import { t } from "@/lib/i18n";

import { MEMBER_IMPORT_MAX_BYTES } from "./import";
import { MEMBER_MESSAGES as M } from "./messages";

const ZUserId = z.string({ error: t.errors.required }).min(1, t.errors.required).max(40);
const optionalText = (max: number) =>
  z
    .string()
    .max(max, t.errors.tooLong(max))
    .optional()
    .transform((v) => {
      const s = (v ?? "").replace(/\s+/g, " ").trim();
      return s ? s : null;
    });

/** The administrator edits a member's person data (the NIP is the identity and stays). */
export const ZUpdateMember = z.object({
  userId: ZUserId,
  name: z
    .string({ error: M.nameRequired })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, M.nameRequired).max(200, t.errors.tooLong(200))),
  gelarDepan: optionalText(60),
  gelarBelakang: optionalText(60),
  jabatan: optionalText(200),
  pangkat: optionalText(100),
  email: z
    .union([z.literal(""), z.email(t.errors.emailFormat).max(200)])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
});
export type TUpdateMember = z.input<typeof ZUpdateMember>;

/** A password reset: a temporary password shown once, or a set-password link (24 h, single use). */
export const ZResetMemberPassword = z.object({
  userId: ZUserId,
  mode: z.enum(["temporary_password", "link"], { error: t.errors.required }),
});
export type TResetMemberPassword = z.input<typeof ZResetMemberPassword>;

export const ZMemberImport = z.object({
  fileBase64: z
    .string({ error: M.fileMissing })
    .min(1, M.fileMissing)
    .max(Math.ceil(MEMBER_IMPORT_MAX_BYTES / 3) * 4 + 4, M.fileTooLarge)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, M.fileUnreadable),
  /** false: read and list every row's problems; true: read again and, if no row has one, save all. */
  commit: z.boolean().default(false),
});
export type TMemberImport = z.input<typeof ZMemberImport>;

/** An administrator turns a member's two-factor sign-in off (a lost phone). */
export const ZResetMemberTwoFactor = z.object({ userId: ZUserId });
/** The agency's requirement of two-factor sign-in for administrators and heads. */
export const ZSetTwoFactorPolicy = z.object({ required: z.boolean({ error: t.errors.required }) });
