/**
 * The default button's classes as two plain strings, without class-variance-authority: the root error
 * page (app/error.tsx, in every page's first load in a chunk of its own) styles its one button with
 * these. Turbopack copies a module two entries of a page import into each entry's chunk, so importing
 * `Button` there was a second copy of Button and Radix's Slot (1.9 kB gzip), and `buttonVariants` a
 * second copy of the variants table and cva (1 kB), beside the frame's on every page
 * (docs/decisions/080-first-load-js-margin.md). `buttonVariants` is built from the same strings.
 */
export const BUTTON_BASE =
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-60 min-h-10 px-4";
export const BUTTON_DEFAULT = "bg-brand-700 text-white hover:bg-brand-800";
