"use client";

import { Button } from "@/components/ui/button";
import { t } from "@/lib/i18n";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t.common.errorTitle}</h1>
      <p className="text-slate-600">{t.common.errorBody}</p>
      <Button onClick={reset}>{t.common.tryAgain}</Button>
    </main>
  );
}
