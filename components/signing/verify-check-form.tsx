"use client";

import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SIGNING_MESSAGES as M } from "@/lib/signing/messages";
import { VERIFY_MAX_BYTES } from "@/lib/signing/schemas";

type TOutcome = { kind: "match" } | { kind: "mismatch" } | { kind: "error"; message: string } | null;

/** Uploads a file to /v/<code>/periksa: the server compares its SHA-256 with the signed document's. */
export function VerifyCheckForm({ code }: { code: string }) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<TOutcome>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setOutcome({ kind: "error", message: M.verify.noFile });
    if (file.size > VERIFY_MAX_BYTES) return setOutcome({ kind: "error", message: M.verify.tooLarge(VERIFY_MAX_BYTES / 1024 / 1024) });
    setPending(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch(`/v/${encodeURIComponent(code)}/periksa`, { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { match?: boolean; error?: string };
      if (!response.ok || typeof json.match !== "boolean") setOutcome({ kind: "error", message: json.error ?? M.verify.badRequest });
      else setOutcome({ kind: json.match ? "match" : "mismatch" });
    } catch {
      setOutcome({ kind: "error", message: M.verify.badRequest });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-slate-200 pt-4">
      <h2 className="text-base font-semibold text-slate-900">{M.verify.checkTitle}</h2>
      <p className="text-sm text-slate-600">{M.verify.checkHint}</p>
      <input
        type="file"
        name="file"
        aria-label={M.verify.checkTitle}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
      />
      <Button type="submit" disabled={pending}>
        {pending ? M.verify.checking : M.verify.checkButton}
      </Button>
      {outcome?.kind === "match" ? <Alert tone="success">{M.verify.match}</Alert> : null}
      {outcome?.kind === "mismatch" ? <Alert>{M.verify.mismatch}</Alert> : null}
      {outcome?.kind === "error" ? <Alert>{outcome.message}</Alert> : null}
    </form>
  );
}
