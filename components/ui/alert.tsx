import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

export function Alert({
  className,
  tone = "danger",
  ...props
}: ComponentProps<"div"> & { tone?: "danger" | "info" | "success" }) {
  const tones = {
    danger: "border-red-200 bg-red-50 text-red-900",
    info: "border-brand-100 bg-brand-50 text-brand-900",
    success: "border-green-200 bg-green-50 text-green-900",
  };
  return <div role={tone === "danger" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)} {...props} />;
}
