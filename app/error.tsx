"use client";

import { Button } from "@/components/ui/button";
import { BUSY_DIGEST, BUSY_MESSAGE } from "@/lib/cli/busy.mjs";
import { COMMON } from "@/lib/i18n/common";

/**
 * A page that could not be rendered. A busy database (its error carries the busy digest: lib/db/busy.ts,
 * docs/decisions/079-busy-page.md) says so, with the message every busy answer gives, and "Coba lagi"
 * asks the server again (`retry`: Next refreshes the page's data, then shows it); anything else keeps
 * the generic text.
 */
export default function ErrorPage({ error, reset, retry }: { error: Error & { digest?: string }; reset: () => void; retry?: () => void }) {
  const busy = error.digest === BUSY_DIGEST;
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{busy ? COMMON.busyTitle : COMMON.errorTitle}</h1>
      <p className="text-slate-600">{busy ? BUSY_MESSAGE : COMMON.errorBody}</p>
      <Button onClick={busy ? (retry ?? reset) : reset}>{COMMON.tryAgain}</Button>
    </main>
  );
}
