/**
 * Types for the three helpers of lucide-react's own renderer that components/ui/icons.ts reuses
 * (the package's exports map opens them as "./dist/*" but ships no declarations for them).
 */
declare module "lucide-react/dist/esm/shared/src/build/buildLucideIconForReact.mjs" {
  import type { LucideIconData, SVGAttributes } from "lucide-react";

  type TBuiltNode = [tag: string, attributes: Record<string, unknown>, children?: TBuiltNode[]];

  export default function buildLucideIconForReact(
    icon: LucideIconData,
    params: {
      color?: string;
      width?: string | number;
      height?: string | number;
      strokeWidth?: string | number;
      absoluteStrokeWidth?: boolean;
      nonScalingStroke?: boolean;
      className?: string;
      hasA11yProp?: boolean;
      attributes?: Record<string, unknown>;
    },
  ): [tag: "svg", attributes: SVGAttributes, children: TBuiltNode[]];
}

declare module "lucide-react/dist/esm/shared/src/utils/mergeClasses.mjs" {
  export function mergeClasses(...classes: (string | undefined)[]): string;
}

declare module "lucide-react/dist/esm/shared/src/utils/hasA11yProp.mjs" {
  export function hasA11yProp(props: Record<string, unknown>): boolean;
}
