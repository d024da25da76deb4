import type { Metadata } from "next";

import { VerifyCheckForm } from "@/components/signing/verify-check-form";
import { Alert } from "@/components/ui/alert";
import { t } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";
import { formatDocumentCode, normalizeDocumentCode } from "@/lib/signing/code";
import { SIGNING_MESSAGES as M } from "@/lib/signing/messages";
import { findPublicDocument } from "@/lib/signing/service";

export const metadata: Metadata = { title: M.verify.title, referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * The public verification page a document's QR code opens (no sign-in):
 * the document's type, agency, date, hash and status, and a form to check a
 * file against it. Nothing else about the agency or the signer.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = normalizeDocumentCode(raw.slice(0, 40));
  const doc = code ? await findPublicDocument(code) : null;
  return (
    <main className="flex min-h-dvh items-start justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-4 sm:items-center">
      <div className="w-full max-w-lg space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t.app.name}</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{M.verify.title}</h1>
          {code ? <p className="mt-1 font-mono text-sm text-slate-600">{formatDocumentCode(code)}</p> : null}
        </div>
        <div className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {!doc || !code ? (
            <Alert>{M.verify.notFound}</Alert>
          ) : (
            <>
              <p
                data-testid="verify-status"
                className={
                  doc.status === "SIGNED"
                    ? "rounded-md border border-green-200 bg-green-50 px-4 py-3 text-base font-semibold text-green-900"
                    : "rounded-md border border-red-200 bg-red-50 px-4 py-3 text-base font-semibold text-red-900"
                }
              >
                {M.verify.status}: {M.status[doc.status]}
              </p>
              {doc.status === "REVOKED" ? <p className="text-sm text-red-800">{M.verify.revokedNote}</p> : null}
              <dl className="grid gap-3 text-sm sm:grid-cols-[11rem_1fr]">
                <dt className="text-slate-500">{M.verify.type}</dt>
                <dd className="font-medium text-slate-900">{doc.title}</dd>
                <dt className="text-slate-500">{M.verify.agency}</dt>
                <dd className="text-slate-900">{doc.agencyName}</dd>
                <dt className="text-slate-500">{M.verify.date}</dt>
                <dd className="text-slate-900">{formatDateTime(doc.signedAt)}</dd>
                <dt className="text-slate-500">{M.verify.method}</dt>
                <dd className="text-slate-900">{M.method[doc.method]}</dd>
                <dt className="text-slate-500">{M.verify.hash}</dt>
                <dd className="font-mono text-xs break-all text-slate-900">{doc.sha256}</dd>
              </dl>
              <VerifyCheckForm code={code} />
            </>
          )}
        </div>
      </div>
    </main>
  );
}
