import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { t } from "@/lib/i18n";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">{t.common.notFoundTitle}</h1>
      <p className="text-slate-600">{t.common.notFoundBody}</p>
      <Link href="/" className={buttonVariants()}>
        {t.common.toHome}
      </Link>
    </main>
  );
}
