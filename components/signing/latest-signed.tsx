import Link from "next/link";

import { formatDateTime, formatFileSize, type TAgencyTimeZone } from "@/lib/format";
import { formatDocumentCode } from "@/lib/signing/code";
import { SIGNING_MESSAGES as M } from "@/lib/signing/messages";

/**
 * The latest signed document of what a page shows (lib/signing/queries.ts latestSignedDocument):
 * how and when, its code (the public verification page) and the file. Earlier signatures of the
 * same document are listed on the signing page and still verify (decision 042).
 */
export function LatestSignedDocument({
  agencySlug,
  timeZone,
  doc,
}: {
  agencySlug: string;
  timeZone: TAgencyTimeZone;
  doc: { code: string; method: "PADES" | "WET_SCAN"; status: "SIGNED" | "REVOKED"; signedAt: Date; signerJabatan: string; fileId: string; file: { originalName: string; size: number } };
}) {
  return (
    <div className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="latest-signed">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{M.ui.latest}</span>
        <span className={doc.status === "SIGNED" ? "rounded bg-green-100 px-2 py-0.5 text-xs text-green-900" : "rounded bg-red-100 px-2 py-0.5 text-xs text-red-900"}>
          {M.status[doc.status]}
        </span>
      </p>
      <p className="text-slate-700">
        {M.method[doc.method]} · {doc.signerJabatan} · {formatDateTime(doc.signedAt, timeZone)}
      </p>
      <p className="break-all text-slate-700" data-testid="latest-signed-file">
        {doc.file.originalName} · {formatFileSize(doc.file.size)}
      </p>
      <p className="flex flex-wrap gap-x-4">
        <Link className="inline-flex min-h-11 items-center text-brand-700 hover:underline" href={`/v/${doc.code}`}>
          {M.ui.code} {formatDocumentCode(doc.code)}
        </Link>
        <a className="inline-flex min-h-11 items-center text-brand-700 hover:underline" href={`/a/${agencySlug}/files/${doc.fileId}`}>
          {M.ui.download}
        </a>
      </p>
      <p className="text-xs text-slate-600">{M.ui.latestNote}</p>
    </div>
  );
}
