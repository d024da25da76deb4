import type { Metadata } from "next";
import Link from "next/link";

import { AccountFrame } from "@/components/account/account-frame";
import { SetPasswordForm } from "@/components/account/password-forms";
import { lookupPasswordLink } from "@/lib/auth/account-service";
import { ACCOUNT_MESSAGES as M } from "@/lib/auth/messages";
import { getRequestMeta } from "@/lib/authz/request-meta";

// The token is in the address: never sent on as a referrer, never indexed.
export const metadata: Metadata = { title: M.setTitle, referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * A set-password link (/atur-sandi/<token>). Unknown, used and expired links
 * all read "tautan tidak berlaku"; failures are counted per IP.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { ip } = await getRequestMeta();
  const link = await lookupPasswordLink(token.slice(0, 100), ip);
  if (!link) {
    return (
      <AccountFrame title={M.linkInvalidTitle}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{M.linkInvalid}</p>
          <Link href="/masuk" className="block text-center text-sm font-medium text-brand-700 hover:underline">
            {M.toSignIn}
          </Link>
        </div>
      </AccountFrame>
    );
  }
  return (
    <AccountFrame title={M.setTitle} intro={M.setIntro(link.name)}>
      <SetPasswordForm token={token} />
    </AccountFrame>
  );
}
