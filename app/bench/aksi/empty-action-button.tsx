"use client";

import { useState, useTransition } from "react";

import { benchEmptyAction } from "@/lib/bench/actions";

/** Calls the benchmark's empty action once (the bench calls it over HTTP; this puts it in the build). */
export function EmptyActionButton({ agencySlug }: { agencySlug: string }) {
  const [answer, setAnswer] = useState<string>("");
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        className="rounded border px-3 py-1 text-sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await benchEmptyAction(agencySlug, { cycleId: "bench", taskId: "bench", event: "COMPLETE" });
            setAnswer(r.ok ? "ok" : r.error);
          })
        }
      >
        Aksi kosong
      </button>
      <span role="status">{answer}</span>
    </div>
  );
}
