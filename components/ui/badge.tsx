import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** Status badges always carry a text label: colour is never the only signal. */
const badgeVariants = cva("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-800 ring-slate-300",
      info: "bg-brand-50 text-brand-800 ring-brand-100",
      success: "bg-green-50 text-green-800 ring-green-200",
      warning: "bg-amber-50 text-amber-900 ring-amber-200",
      danger: "bg-red-50 text-red-800 ring-red-200",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
