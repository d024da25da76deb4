import { z } from "zod";

import { t } from "@/lib/i18n";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { looksLikeNip } from "./identifier";
import { TWO_FACTOR_MESSAGES } from "./two-factor-messages";

/**
 * The sign-in form, checked in the browser before anything is sent. A NIP
 * typed with the wrong number of digits gets the member form's format hint:
 * it is about the format, never about whether the account exists. The server
 * answers the same hint (code NIP_FORMAT) for requests that skip the form.
 */
export const ZSignIn = z.object({
  identifier: z
    .string()
    .trim()
    .min(1, t.auth.required)
    .max(200, t.errors.tooLong(200))
    .refine((v) => !hasControlCharacters(v), t.errors.controlCharacters)
    .refine((v) => !looksLikeNip(v) || v.replace(/\D/g, "").length === 18, t.errors.nipFormat),
  password: z
    .string()
    .min(1, t.auth.required)
    .max(200, t.errors.tooLong(200))
    .refine((v) => !hasControlCharacters(v), t.errors.controlCharacters),
  /** The second step of a user with two-factor sign-in: the app's code or a recovery code. */
  code: z.string().trim().max(40, t.errors.tooLong(40)).optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

/** What next-auth carries back to the form as `error` (the thrown message), and what the form shows. */
export const SIGN_IN_ERRORS = {
  THROTTLED: t.auth.throttled,
  NIP_FORMAT: t.errors.nipFormat,
  UNAVAILABLE: t.auth.unavailable,
  /** Password right, the account has two-factor sign-in: the form asks for the code (no session yet). */
  TWO_FACTOR_REQUIRED: TWO_FACTOR_MESSAGES.signInStepIntro,
  TWO_FACTOR_INVALID: TWO_FACTOR_MESSAGES.wrongCode,
} as const;
export type TSignInErrorCode = keyof typeof SIGN_IN_ERRORS;

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

/** A code typed on the profile page: the app's 6 digits, or (to turn 2FA off) a recovery code. */
const ZCode = z.string({ error: t.errors.required }).trim().min(1, t.errors.required).max(40, t.errors.tooLong(40));

export const ZTwoFactorBegin = z.object({});
export const ZTwoFactorCode = z.object({ code: ZCode });
export type TTwoFactorCode = z.input<typeof ZTwoFactorCode>;
export const ZTwoFactorDisable = z.object({
  password: z.string({ error: t.errors.required }).min(1, t.errors.required).max(200, t.errors.tooLong(200)),
  code: ZCode,
});
export type TTwoFactorDisable = z.input<typeof ZTwoFactorDisable>;
