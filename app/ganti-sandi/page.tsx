import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AccountFrame } from "@/components/account/account-frame";
import { ChangePasswordForm } from "@/components/account/password-forms";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ACCOUNT_MESSAGES as M } from "@/lib/auth/messages";
import { getPasswordChangeAccount, getSessionUser } from "@/lib/authz/context";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: M.changeTitle };

/**
 * Change your password. An account whose password someone else chose
 * (a temporary one) can reach nothing but this page until it does.
 */
export default async function ChangePasswordPage() {
  const pending = await getPasswordChangeAccount();
  const user = pending ? null : await getSessionUser();
  if (!pending && !user) redirect("/masuk");
  return (
    <AccountFrame title={M.changeTitle} intro={pending ? M.changeForcedIntro(pending.name) : M.changeIntro}>
      <div className="space-y-4">
        <ChangePasswordForm forced={Boolean(pending)} />
        <div className="flex justify-center">
          <SignOutButton label={t.auth.signOut} />
        </div>
      </div>
    </AccountFrame>
  );
}
