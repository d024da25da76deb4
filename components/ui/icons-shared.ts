/**
 * The server icons (./icons.ts) of components that a client module renders too (the evidence list,
 * the plausibility warnings): ./icons.ts is server-only, since the bundler would ship every icon's data
 * with whichever one a client module uses. Only these few come to the browser, where lucide-react's
 * own modules carry the same data already.
 */
import { __iconData as fileText } from "lucide-react/icons/file-text";
import { __iconData as triangleExclamationPoint } from "lucide-react/icons/triangle-exclamation-point";

import { serverIcon } from "./icon-svg";

export const FileText = serverIcon(fileText);
export const TriangleAlert = serverIcon(triangleExclamationPoint);
