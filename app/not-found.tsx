import { buttonVariants } from "@/components/ui/button-variants";
import { t } from "@/lib/i18n";

/**
 * The root "not found" page. Its way home is a plain link, not next/link: this boundary is in every
 * page's first load, and next/link there was a second copy of the link's client code (3.3 kB gzip)
 * beside the frame's own (docs/decisions/080-first-load-js-margin.md). From a 404 the home page
 * opens with a full load; the markup is the same.
 */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">{t.common.notFoundTitle}</h1>
      <p className="text-slate-600">{t.common.notFoundBody}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (above) */}
      <a href="/" className={buttonVariants()}>
        {t.common.toHome}
      </a>
    </main>
  );
}
