"use client";

import { useEffect, useState, type ComponentProps } from "react";
import type { Toaster as SonnerToaster } from "sonner";

/**
 * sonner's Toaster (12.5 kB gzip), fetched after the page is interactive instead of before: a toast
 * only follows an action, and the forms that raise one import sonner's `toast` themselves (the same
 * module instance, so the lazily mounted Toaster shows it). docs/decisions/039-lean-first-load.md
 *
 * Mounted from an effect rather than `next/dynamic(…, { ssr: false })`: that one throws and catches
 * a bail-out error on the server in every page render (the root layout holds it), ~0.15 ms a
 * request for nothing; here the server renders nothing and the browser imports the same chunk.
 */
export function Toaster(props: ComponentProps<typeof SonnerToaster>) {
  const [Loaded, setLoaded] = useState<typeof SonnerToaster | null>(null);
  useEffect(() => {
    let mounted = true;
    void import("sonner").then((sonner) => {
      if (mounted) setLoaded(() => sonner.Toaster);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}
