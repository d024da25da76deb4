"use client";

import { Button } from "@/components/ui/button";
import { COMMON } from "@/lib/i18n/common";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{COMMON.errorTitle}</h1>
      <p className="text-slate-600">{COMMON.errorBody}</p>
      <Button onClick={reset}>{COMMON.tryAgain}</Button>
    </main>
  );
}
