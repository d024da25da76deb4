import "server-only";

/**
 * Lucide icons for server components (docs/decisions/068-server-icons.md). lucide-react's icons are
 * client components (its Icon.mjs says "use client"), so each one a server component renders is a
 * client reference: written into the RSC payload, resolved and hydrated in the browser. These render
 * the same <svg> on the server from the icon's own data (`__iconData` of lucide-react/icons/<name>)
 * through lucide's own attribute builder (./icon-svg.ts): the same markup, no client reference.
 *
 * Server components import icons from here, never from "lucide-react" (tests/unit/server-icons.test.ts);
 * client components keep lucide-react. The names are lucide-react's, so an icon moves here with its
 * import line only. This module is server-only: the bundler ships every
 * icon of a module a client module reaches, so a component a client module renders too takes its
 * icons from ./icons-shared.ts.
 */
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
import { __iconData as upload } from "lucide-react/icons/upload";
import { __iconData as x } from "lucide-react/icons/x";

import { serverIcon } from "./icon-svg";

// lucide-react's export names (the aliases the app uses point at the icon's current module).
export { FileText, TriangleAlert, TriangleAlert as AlertTriangle } from "./icons-shared";
export const Archive = serverIcon(archive);
export const ArrowLeft = serverIcon(arrowLeft);
export const ArrowLeftRight = serverIcon(arrowLeftRight);
export const ArrowRight = serverIcon(arrowRight);
export const Building2 = serverIcon(buildingComplex);
export const Check = serverIcon(check);
export const CheckCircle2 = serverIcon(circleCheck);
export const ChevronDown = serverIcon(chevronDown);
export const ChevronRight = serverIcon(chevronRight);
export const Circle = serverIcon(circle);
export const CircleDot = serverIcon(circleDot);
export const Clock = serverIcon(clock);
export const CloudUpload = serverIcon(cloudUpload);
export const Download = serverIcon(download);
export const FileArchive = serverIcon(fileArchive);
export const FileJson = serverIcon(fileBraces);
export const FileSpreadsheet = serverIcon(fileSpreadsheet);
export const FileUp = serverIcon(fileUp);
export const FileX2 = serverIcon(fileXCorner);
export const Fingerprint = serverIcon(fingerprintPattern);
export const GitCompare = serverIcon(gitCompare);
export const Info = serverIcon(info);
export const Lock = serverIcon(lock);
export const MessageCircle = serverIcon(messageCircle);
export const Paperclip = serverIcon(paperclip);
export const Pencil = serverIcon(pencil);
export const Plus = serverIcon(plus);
export const RefreshCw = serverIcon(refreshCw);
export const RotateCcw = serverIcon(rotateCcw);
export const Save = serverIcon(save);
export const Search = serverIcon(search);
export const Send = serverIcon(send);
export const ShieldAlert = serverIcon(shieldExclamationPoint);
export const ShieldCheck = serverIcon(shieldCheck);
export const Upload = serverIcon(upload);
export const X = serverIcon(x);
