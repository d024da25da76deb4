"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What happens and what cannot be undone. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  tone?: "default" | "danger";
  testId?: string;
}

const RadixConfirmDialog = dynamic(() => import("./confirm-dialog-radix").then((m) => m.RadixConfirmDialog), { ssr: false });

/**
 * Asks before a step that cannot be undone (./confirm-dialog-radix: Radix AlertDialog, focus in
 * and back, Escape and "Batal" close it). Radix (~10 kB gzip) is fetched when a dialog first
 * opens, not with the page (docs/decisions/039-lean-first-load.md); closed, nothing is mounted.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return props.open ? <RadixConfirmDialog {...props} /> : null;
}
