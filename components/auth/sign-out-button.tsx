"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

/**
 * next-auth's sign-out, as next-auth/react's `signOut` does it (CSRF token, then a POST to
 * /api/auth/signout) without that module: it and its session provider weighed ~10 kB gzip on
 * every agency page (docs/decisions/039-lean-first-load.md). The label comes from the server
 * (`t.auth.signOut`), so the message dictionary stays out of the browser bundle.
 */
export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      className="min-h-11"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
          await fetch("/api/auth/signout", {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ csrfToken, callbackUrl: "/masuk", json: "true" }),
          });
        } finally {
          // A full load, as next-auth/react does: nothing of the signed-in session stays in memory.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.href = "/masuk";
        }
      }}
    >
      <LogOut aria-hidden className="size-4" />
      {label}
    </Button>
  );
}
