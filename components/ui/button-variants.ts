import { cva } from "class-variance-authority";

import { BUTTON_BASE, BUTTON_DEFAULT } from "./button-classes";

/** The button's classes per variant and size (components/ui/button.tsx re-exports it). */
export const buttonVariants = cva(BUTTON_BASE, {
  variants: {
    variant: {
      default: BUTTON_DEFAULT,
      secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
      danger: "bg-red-700 text-white hover:bg-red-800",
      ghost: "text-slate-700 hover:bg-slate-100",
      link: "text-brand-700 underline-offset-4 hover:underline px-0 min-h-0",
    },
    size: { default: "", sm: "min-h-8 px-3 text-xs", lg: "min-h-12 px-6 text-base" },
  },
  defaultVariants: { variant: "default", size: "default" },
});
