import { cva } from "class-variance-authority";

/**
 * The button's classes, apart from the `Button` component (which brings Radix's Slot for `asChild`):
 * the root error page styles its one button with these without importing the component. Turbopack
 * copies a module that two entries of a page import into each entry's chunk, so the error page's
 * `Button` was a second copy of Button and Slot (~1.9 kB gzip) beside the frame's on every page
 * (docs/decisions/080-first-load-js-margin.md).
 */
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-60 min-h-10 px-4",
  {
    variants: {
      variant: {
        default: "bg-brand-700 text-white hover:bg-brand-800",
        secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
        danger: "bg-red-700 text-white hover:bg-red-800",
        ghost: "text-slate-700 hover:bg-slate-100",
        link: "text-brand-700 underline-offset-4 hover:underline px-0 min-h-0",
      },
      size: { default: "", sm: "min-h-8 px-3 text-xs", lg: "min-h-12 px-6 text-base" },
    },
    defaultVariants: { variant: "default", size: "default" },
  },
);
