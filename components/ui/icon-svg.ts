/**
 * The <svg> of a lucide icon as a plain element (docs/decisions/068-server-icons.md): what lucide-react's
 * Icon renders, from the icon's own data (`__iconData` of lucide-react/icons/<name>) through lucide's own
 * attribute builder, without being a client component. The icons themselves are in ./icons.ts (server
 * components) and ./icons-shared.ts (components a client module renders too).
 */
import type { LucideIconData, LucideProps } from "lucide-react";
import buildLucideIconForReact from "lucide-react/dist/esm/shared/src/build/buildLucideIconForReact.mjs";
import { hasA11yProp } from "lucide-react/dist/esm/shared/src/utils/hasA11yProp.mjs";
import { mergeClasses } from "lucide-react/dist/esm/shared/src/utils/mergeClasses.mjs";
import { createElement, type ReactElement } from "react";

declare module "lucide-react/icons/check" {
  // Every icon module exports its data next to the component; lucide-react declares only the component.
  // All `lucide-react/icons/*` paths share one declaration file (dist/lucide-icon.d.mts), so this adds
  // the export to each of them.
  export const __iconData: LucideIconData;
}

export type TServerIconProps = Omit<LucideProps, "ref">;
export type TServerIcon = (props: TServerIconProps) => ReactElement;

/**
 * What lucide-react's Icon renders, without its context (a server component has none, and the app
 * sets no LucideProvider): size 24, stroke width 2, currentColor, aria-hidden unless labelled.
 */
export function serverIcon(icon: LucideIconData): TServerIcon {
  return function ServerIcon({ color, size, width, height, strokeWidth, absoluteStrokeWidth, nonScalingStroke, className = "", children, ...rest }) {
    const [tag, attributes, nodes] = buildLucideIconForReact(icon, {
      color: color ?? "currentColor",
      width: width ?? size ?? 24,
      height: height ?? size ?? 24,
      strokeWidth: strokeWidth ?? 2,
      absoluteStrokeWidth: absoluteStrokeWidth ?? false,
      nonScalingStroke: nonScalingStroke ?? false,
      className: mergeClasses("", className),
      hasA11yProp: Boolean(children) || hasA11yProp(rest),
      attributes: rest,
    });
    return createElement(tag, attributes, [...nodes.map(([name, attrs]) => createElement(name, attrs)), ...(Array.isArray(children) ? children : [children])]);
  };
}
