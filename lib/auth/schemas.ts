import { z } from "zod";

import { t } from "@/lib/i18n";

import { ACCOUNT_MESSAGES as M } from "./messages";

export const PASSWORD_MIN = 10;

export const ZNewPassword = z
  .string({ error: t.errors.required })
  .min(PASSWORD_MIN, t.errors.tooShort(PASSWORD_MIN))
  .max(200, t.errors.tooLong(200));

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: M.mismatch });
};

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: t.errors.required }).min(1, t.errors.required).max(200, t.errors.tooLong(200)),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: t.errors.required }).max(200, t.errors.tooLong(200)),
  })
  .superRefine(confirmed);
export type TChangePassword = z.input<typeof ZChangePassword>;

/** A set-password link's token: 43 base64url characters (256 random bits). */
export const ZPasswordToken = z.string({ error: t.errors.required }).regex(/^[A-Za-z0-9_-]{43}$/, M.linkInvalid);

export const ZSetPasswordWithToken = z
  .object({
    token: ZPasswordToken,
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: t.errors.required }).max(200, t.errors.tooLong(200)),
  })
  .superRefine(confirmed);
export type TSetPasswordWithToken = z.input<typeof ZSetPasswordWithToken>;
