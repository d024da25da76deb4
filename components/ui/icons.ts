/**
 * Lucide icons for server components (docs/decisions/068-server-icons.md). lucide-react's icons are
 * client components (its Icon.mjs says "use client"), so each one a server component renders is a
 * client reference: written into the RSC payload, resolved and hydrated in the browser. These render
 * the same <svg> on the server from the icon's own data (`__iconData` of lucide-react/icons/<name>)
 * through lucide's own attribute builder: the same markup, no client reference.
 *
 * Server components import icons from here, never from "lucide-react" (tests/unit/server-icons.test.ts);
 * client components keep lucide-react. The names are lucide-react's, so an icon moves here with its
 * import line only. Nothing here is server-only: a shared component a client module also renders
 * (the evidence list, the plausibility warnings) gets the same plain function component.
 */
import type { LucideIconData, LucideProps } from "lucide-react";
import buildLucideIconForReact from "lucide-react/dist/esm/shared/src/build/buildLucideIconForReact.mjs";
import { hasA11yProp } from "lucide-react/dist/esm/shared/src/utils/hasA11yProp.mjs";
import { mergeClasses } from "lucide-react/dist/esm/shared/src/utils/mergeClasses.mjs";
import { __iconData as archive } from "lucide-react/icons/archive";
import { __iconData as arrowLeft } from "lucide-react/icons/arrow-left";
import { __iconData as arrowLeftRight } from "lucide-react/icons/arrow-left-right";
import { __iconData as arrowRight } from "lucide-react/icons/arrow-right";
import { __iconData as buildingComplex } from "lucide-react/icons/building-complex";
import { __iconData as check } from "lucide-react/icons/check";
import { __iconData as chevronDown } from "lucide-react/icons/chevron-down";
import { __iconData as chevronRight } from "lucide-react/icons/chevron-right";
import { __iconData as circle } from "lucide-react/icons/circle";
import { __iconData as circleCheck } from "lucide-react/icons/circle-check";
import { __iconData as circleDot } from "lucide-react/icons/circle-dot";
import { __iconData as clock } from "lucide-react/icons/clock";
import { __iconData as cloudUpload } from "lucide-react/icons/cloud-upload";
import { __iconData as download } from "lucide-react/icons/download";
import { __iconData as fileArchive } from "lucide-react/icons/file-archive";
import { __iconData as fileBraces } from "lucide-react/icons/file-braces";
import { __iconData as fileSpreadsheet } from "lucide-react/icons/file-spreadsheet";
import { __iconData as fileText } from "lucide-react/icons/file-text";
import { __iconData as fileUp } from "lucide-react/icons/file-up";
import { __iconData as fileXCorner } from "lucide-react/icons/file-x-corner";
import { __iconData as fingerprintPattern } from "lucide-react/icons/fingerprint-pattern";
import { __iconData as gitCompare } from "lucide-react/icons/git-compare";
import { __iconData as info } from "lucide-react/icons/info";
import { __iconData as lock } from "lucide-react/icons/lock";
import { __iconData as messageCircle } from "lucide-react/icons/message-circle";
import { __iconData as paperclip } from "lucide-react/icons/paperclip";
import { __iconData as pencil } from "lucide-react/icons/pencil";
import { __iconData as plus } from "lucide-react/icons/plus";
import { __iconData as refreshCw } from "lucide-react/icons/refresh-cw";
import { __iconData as rotateCcw } from "lucide-react/icons/rotate-ccw";
import { __iconData as save } from "lucide-react/icons/save";
import { __iconData as search } from "lucide-react/icons/search";
import { __iconData as send } from "lucide-react/icons/send";
import { __iconData as shieldCheck } from "lucide-react/icons/shield-check";
import { __iconData as shieldExclamationPoint } from "lucide-react/icons/shield-exclamation-point";
import { __iconData as triangleExclamationPoint } from "lucide-react/icons/triangle-exclamation-point";
import { __iconData as upload } from "lucide-react/icons/upload";
import { __iconData as x } from "lucide-react/icons/x";
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
function serverIcon(icon: LucideIconData): TServerIcon {
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

// lucide-react's export names (the aliases the app uses point at the icon's current module).
export const AlertTriangle = /* @__PURE__ */ serverIcon(triangleExclamationPoint);
export const Archive = /* @__PURE__ */ serverIcon(archive);
export const ArrowLeft = /* @__PURE__ */ serverIcon(arrowLeft);
export const ArrowLeftRight = /* @__PURE__ */ serverIcon(arrowLeftRight);
export const ArrowRight = /* @__PURE__ */ serverIcon(arrowRight);
export const Building2 = /* @__PURE__ */ serverIcon(buildingComplex);
export const Check = /* @__PURE__ */ serverIcon(check);
export const CheckCircle2 = /* @__PURE__ */ serverIcon(circleCheck);
export const ChevronDown = /* @__PURE__ */ serverIcon(chevronDown);
export const ChevronRight = /* @__PURE__ */ serverIcon(chevronRight);
export const Circle = /* @__PURE__ */ serverIcon(circle);
export const CircleDot = /* @__PURE__ */ serverIcon(circleDot);
export const Clock = /* @__PURE__ */ serverIcon(clock);
export const CloudUpload = /* @__PURE__ */ serverIcon(cloudUpload);
export const Download = /* @__PURE__ */ serverIcon(download);
export const FileArchive = /* @__PURE__ */ serverIcon(fileArchive);
export const FileJson = /* @__PURE__ */ serverIcon(fileBraces);
export const FileSpreadsheet = /* @__PURE__ */ serverIcon(fileSpreadsheet);
export const FileText = /* @__PURE__ */ serverIcon(fileText);
export const FileUp = /* @__PURE__ */ serverIcon(fileUp);
export const FileX2 = /* @__PURE__ */ serverIcon(fileXCorner);
export const Fingerprint = /* @__PURE__ */ serverIcon(fingerprintPattern);
export const GitCompare = /* @__PURE__ */ serverIcon(gitCompare);
export const Info = /* @__PURE__ */ serverIcon(info);
export const Lock = /* @__PURE__ */ serverIcon(lock);
export const MessageCircle = /* @__PURE__ */ serverIcon(messageCircle);
export const Paperclip = /* @__PURE__ */ serverIcon(paperclip);
export const Pencil = /* @__PURE__ */ serverIcon(pencil);
export const Plus = /* @__PURE__ */ serverIcon(plus);
export const RefreshCw = /* @__PURE__ */ serverIcon(refreshCw);
export const RotateCcw = /* @__PURE__ */ serverIcon(rotateCcw);
export const Save = /* @__PURE__ */ serverIcon(save);
export const Search = /* @__PURE__ */ serverIcon(search);
export const Send = /* @__PURE__ */ serverIcon(send);
export const ShieldAlert = /* @__PURE__ */ serverIcon(shieldExclamationPoint);
export const ShieldCheck = /* @__PURE__ */ serverIcon(shieldCheck);
export const TriangleAlert = AlertTriangle;
export const Upload = /* @__PURE__ */ serverIcon(upload);
export const X = /* @__PURE__ */ serverIcon(x);
