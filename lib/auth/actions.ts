"use server";

import { accountAction } from "@/lib/authz/action";
import { AppError } from "@/lib/authz/errors";

import { changeOwnPassword, setPasswordWithToken } from "./account-service";
import { ACCOUNT_MESSAGES as M } from "./messages";
import { ZChangePassword, ZSetPasswordWithToken } from "./schemas";

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
