"use client";

import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * A folded section of the cycle page (a native `<details>`: keyboard and screen
 * readers for free, a 44 px header) whose content the server renders only when it
 * is looked at (docs/decisions/027-lazy-cycle-page.md). `loaded`: the server sent
 * the content (the fold is open by default, or the address names it in `?buka=`).
 * Otherwise opening it asks the server for the same page with the fold named in
 * the address (`href`, a soft navigation that keeps the rest of the page and its
 * typed values); without JavaScript the link inside does the same.
 * Its words come from the server (`words`): importing the cycle messages here put
 * all of them in the page's first-load JS (docs/decisions/053-near-miss-pages.md).
 */
export function LazyFold({
  title,
  open,
  loaded,
  href,
  testId,
  id,
  words,
  children,
}: {
  title: string;
  open: boolean;
  loaded: boolean;
  href: string;
  testId: string;
  id: string;
  /** "Memuat…" and "Tampilkan <title>" (CYCLE_MESSAGES.ui.foldLoading, foldShow). */
  words: { loading: string; show: string };
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const [loading, startLoading] = useTransition();
  return (
    <details
      id={id}
      open={open || undefined}
      className="group scroll-mt-4 rounded-lg border border-slate-200 bg-white"
      data-testid={testId}
      onToggle={(e) => {
        if (!loaded && !loading && e.currentTarget.open) startLoading(() => router.replace(href, { scroll: false }));
      }}
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 py-2 font-semibold text-slate-900">
        <span className="text-base font-semibold">{title}</span>
        <ChevronDown aria-hidden className="size-5 shrink-0 transition-transform group-open:rotate-180" />
      </summary>
      <div className="border-t border-slate-200 p-4" aria-busy={loading || undefined}>
        {loaded ? (
          children
        ) : (
          <p aria-live="polite" className="text-sm text-slate-600" data-testid={`${testId}-pending`}>
            {loading ? (
              words.loading
            ) : (
              <Link href={`${href}#${id}`} scroll={false} className="inline-flex min-h-11 items-center text-brand-800 hover:underline">
                {words.show}
              </Link>
            )}
          </p>
        )}
      </div>
    </details>
  );
}
