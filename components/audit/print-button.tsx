"use client";

import { Printer } from "lucide-react";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles do the rest. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="no-print">
      <Printer aria-hidden className="size-4" />
      {label}
    </Button>
  );
}
