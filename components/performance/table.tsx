import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

/**
 * Wide tables scroll sideways on a phone, the first column staying in place
 * (separate borders: sticky cells keep theirs). Printed, nothing scrolls.
 */
export function TableScroll({ children, label, className }: { children: ReactNode; label?: string; className?: string }) {
  return (
    // A focusable region so keyboard users can scroll it too.
    <div className={cn("overflow-x-auto print:overflow-visible", className)} tabIndex={0} role={label ? "region" : undefined} aria-label={label}>
      {children}
    </div>
  );
}

export const headCls = "border-b border-slate-300 bg-slate-50 px-3 py-2 text-left align-bottom text-xs font-semibold text-slate-700 print:bg-white";
export const cellCls = "border-b border-slate-200 px-3 py-2 align-top";
export const stickyCls = "sticky left-0 z-10 bg-white print:static";
export const stickyHeadCls = "sticky left-0 z-10 print:static";
/** The sticky first column leaves room for the scrolled columns on a phone. */
export const stickyWidthCls = "min-w-36 max-w-40 text-xs sm:max-w-none sm:min-w-56 sm:text-sm";

/** A column header of the performance tables: optionally the sticky first column, or right-aligned numbers. */
export function HeadCell({ children, sticky, align }: { children: ReactNode; sticky?: boolean; align?: "right" | "center" }) {
  return (
    <th
      scope="col"
      className={cn(headCls, sticky && `${stickyHeadCls} ${stickyWidthCls}`, align === "right" && "text-right", align === "center" && "text-center")}
    >
      {children}
    </th>
  );
}

/** A number cell of the performance tables: right-aligned, tabular figures, never wrapped. */
export function NumberCell({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={cn(cellCls, "text-right whitespace-nowrap tabular-nums", className)}>{children}</td>;
}
