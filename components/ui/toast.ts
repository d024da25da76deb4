"use client";

/**
 * `toast.success/error/info(message)`, with sonner (~10 kB gzip) fetched when the first toast is
 * raised instead of with every page that has a form (docs/decisions/039-lean-first-load.md). The
 * root layout's lazily mounted Toaster (components/layout/toaster.tsx) shows it: the same sonner
 * module instance, so its queue is shared.
 */
type TToastOptions = { id?: string | number; description?: string; duration?: number };
type TShow = (message: string, options?: TToastOptions) => void;

const show =
  (kind: "success" | "error" | "info"): TShow =>
  (message, options) => {
    void import("sonner").then(({ toast: sonner }) => sonner[kind](message, options));
  };

export const toast = { success: show("success"), error: show("error"), info: show("info") };
