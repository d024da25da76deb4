"use client";

import { BUTTON_BASE, BUTTON_DEFAULT } from "@/components/ui/button-classes";
import { BUSY_DIGEST, BUSY_MESSAGE } from "@/lib/cli/busy.mjs";
import { ERROR_WORDS } from "@/lib/i18n/error-words";

/**
 * A page that could not be rendered. A busy database (its error carries the busy digest: lib/db/busy.ts,
 * docs/decisions/079-busy-page.md) says so, with the message every busy answer gives, and "Coba lagi"
 * asks the server again (`retry`: Next refreshes the page's data, then shows it); anything else keeps
 * the generic text.
 *
 * This boundary is in every page's first load, in a chunk of its own: it imports its words and the
 * default button's class strings, not the `Button` component (Radix's Slot), `buttonVariants` (cva) nor
 * COMMON, which the bundler would copy into that chunk beside the frame's own
 * (docs/decisions/080-first-load-js-margin.md). The same markup as with `<Button>`.
 */
export default function ErrorPage({ error, reset, retry }: { error: Error & { digest?: string }; reset: () => void; retry?: () => void }) {
  const busy = error.digest === BUSY_DIGEST;
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{busy ? ERROR_WORDS.busyTitle : ERROR_WORDS.errorTitle}</h1>
      <p className="text-slate-600">{busy ? BUSY_MESSAGE : ERROR_WORDS.errorBody}</p>
      <button className={`${BUTTON_BASE} ${BUTTON_DEFAULT}`} onClick={busy ? (retry ?? reset) : reset}>
        {ERROR_WORDS.tryAgain}
      </button>
    </main>
  );
}
