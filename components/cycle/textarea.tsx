import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** A multi-line input styled like components/ui/input (16 px text on phones: no zoom on focus). */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "block min-h-24 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 aria-invalid:border-red-600 disabled:bg-slate-100 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}
