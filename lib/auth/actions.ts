"use server";

import { accountAction } from "@/lib/authz/action";
import { AppError } from "@/lib/authz/errors";

import { changeOwnPassword, setPasswordWithToken } from "./account-service";
import { ACCOUNT_MESSAGES as M } from "./messages";
import { ZChangePassword, ZSetPasswordWithToken, ZTwoFactorBegin, ZTwoFactorCode, ZTwoFactorDisable } from "./schemas";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "./two-factor";
import { TWO_FACTOR_MESSAGES as TF } from "./two-factor-messages";

/** The signed-in user's own password: the forced change after a temporary password, or any time. */
export const changePasswordAction = accountAction(
  { name: "account.changePassword", schema: ZChangePassword, audit: { events: ["auth.password_change"] } },
  async (ctx, input) => {
    if (!ctx.account) throw new AppError(M.signInFirst, "UNAUTHENTICATED");
    await changeOwnPassword(ctx.account, input, ctx.meta);
  },
);

/** A set-password link: the token is the credential, no session needed. */
export const setPasswordWithTokenAction = accountAction(
  { name: "account.setPasswordWithToken", schema: ZSetPasswordWithToken, audit: { events: ["auth.password_change"] } },
  async (ctx, input) => {
    await setPasswordWithToken(input, ctx.meta);
  },
);

// Two-factor sign-in of one's own account (the profile page): docs/decisions/021-two-factor.md.

/** A new secret, not yet in force: the page shows its QR code and the key to type by hand. */
export const beginTwoFactorAction = accountAction(
  { name: "account.twoFactorBegin", schema: ZTwoFactorBegin, audit: { none: "a secret waiting for confirmation changes nothing: sign-in ignores it until a code confirms it (audited then)" } },
  async (ctx) => {
    if (!ctx.account) throw new AppError(TF.signInFirst, "UNAUTHENTICATED");
    return beginTwoFactorEnrolment(ctx.account);
  },
);

/** A code from the app turns 2FA on; the 10 recovery codes are in the answer, once. */
export const confirmTwoFactorAction = accountAction(
  { name: "account.twoFactorConfirm", schema: ZTwoFactorCode, audit: { events: ["auth.two_factor_enable"] } },
  async (ctx, input) => {
    if (!ctx.account) throw new AppError(TF.signInFirst, "UNAUTHENTICATED");
    return confirmTwoFactorEnrolment(ctx.account, input.code, ctx.meta);
  },
);

export const regenerateRecoveryCodesAction = accountAction(
  { name: "account.twoFactorRegenerate", schema: ZTwoFactorCode, audit: { events: ["auth.two_factor_recovery_regenerate"] } },
  async (ctx, input) => {
    if (!ctx.account) throw new AppError(TF.signInFirst, "UNAUTHENTICATED");
    return regenerateRecoveryCodes(ctx.account, input.code, ctx.meta);
  },
);

export const disableTwoFactorAction = accountAction(
  { name: "account.twoFactorDisable", schema: ZTwoFactorDisable, audit: { events: ["auth.two_factor_disable"] } },
  async (ctx, input) => {
    if (!ctx.account) throw new AppError(TF.signInFirst, "UNAUTHENTICATED");
    await disableTwoFactor(ctx.account, input, ctx.meta);
  },
);
