"use client";

import dynamic from "next/dynamic";

/**
 * sonner's Toaster (12.5 kB gzip), fetched after the page is interactive instead of before: a toast
 * only follows an action, and the forms that raise one import sonner's `toast` themselves (the same
 * module instance, so the lazily mounted Toaster shows it). docs/decisions/039-lean-first-load.md
 */
export const Toaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });
