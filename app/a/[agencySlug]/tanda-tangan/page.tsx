import type { Metadata } from "next";
import Link from "next/link";

import { CertificateForm, RevokeButton, SignReportForm, WetScanForm } from "@/components/signing/signing-forms";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAgencyContext } from "@/lib/authz/context";
import { formatDate, formatDateTime, formatFileSize } from "@/lib/format";
import { formatDocumentCode } from "@/lib/signing/code";
import { SIGNING_MESSAGES as M } from "@/lib/signing/messages";
import { certificateSummary, listSignedDocuments } from "@/lib/signing/queries";
import { maxUploadLabel } from "@/lib/storage/validate";

export const metadata: Metadata = { title: "Tanda tangan dokumen" };

/**
 * Signing: the administrator uploads the agency's certificate (.p12); the
 * head (or its Plt./Plh.) signs the Laporan Pengukuran Kinerja electronically
 * or uploads a wet-signed scan, and may revoke a signed document. Every
 * document opens its public verification page by its code.
 */
export default async function SigningPage({ params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const ctx = await requireAgencyContext(agencySlug, "agency.view");
  const canSign = ctx.can("document.sign");
  const canUpload = ctx.can("signing.certificate");
  const [certificate, documents] = await Promise.all([certificateSummary(ctx.agency.id), listSignedDocuments(ctx.agency.id)]);
  const base = `/a/${ctx.agency.slug}`;
  const year = new Date().getFullYear();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Tanda tangan dokumen</h1>
        <p className="text-slate-600">
          Laporan yang ditandatangani memuat kode QR dan kode verifikasi. Siapa pun dapat memeriksa keaslian berkasnya pada halaman verifikasi tanpa masuk.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Sertifikat tanda tangan elektronik</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          {certificate ? (
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="certificate">
              <dt className="text-slate-500">Pemilik</dt>
              <dd className="break-words">
                {certificate.subject}
                {certificate.isDemo ? (
                  <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">DEMO: bukan untuk penggunaan nyata</span>
                ) : null}
              </dd>
              <dt className="text-slate-500">Penerbit</dt>
              <dd className="break-words">{certificate.issuer}</dd>
              <dt className="text-slate-500">Berlaku</dt>
              <dd>
                {formatDate(certificate.notBefore, ctx.agency.timeZone)} s.d. {formatDate(certificate.notAfter, ctx.agency.timeZone)}
              </dd>
              <dt className="text-slate-500">Sidik jari (SHA-256)</dt>
              <dd className="font-mono text-xs break-all">{certificate.fingerprint}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{M.noCertificate}</p>
          )}
          {canUpload ? <CertificateForm agencySlug={ctx.agency.slug} /> : null}
        </CardBody>
      </Card>
      {canSign ? (
        <Card>
          <CardHeader>
            <CardTitle>Tandatangani Laporan Pengukuran Kinerja</CardTitle>
          </CardHeader>
          <CardBody className="space-y-6">
            <SignReportForm agencySlug={ctx.agency.slug} defaultYear={year} disabled={!certificate} />
            <div className="border-t border-slate-200 pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-900">Atau unggah pindaian laporan yang ditandatangani basah</h3>
              <WetScanForm agencySlug={ctx.agency.slug} defaultYear={year} fileHint={M.ui.scanFileHint(maxUploadLabel())} />
            </div>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Dokumen bertanda tangan</CardTitle>
        </CardHeader>
        <CardBody>
          {documents.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada dokumen yang ditandatangani.</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="signed-documents">
              {documents.map((d) => (
                <li key={d.id} className="space-y-1 py-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{d.title}</span>
                    <span className={d.status === "SIGNED" ? "rounded bg-green-100 px-2 py-0.5 text-xs text-green-900" : "rounded bg-red-100 px-2 py-0.5 text-xs text-red-900"}>
                      {M.status[d.status]}
                    </span>
                  </div>
                  <p className="text-slate-600">
                    {M.method[d.method]} · {d.signerJabatan} · {formatDateTime(d.signedAt, ctx.agency.timeZone)}
                  </p>
                  <p className="break-all text-slate-600">
                    {d.file.originalName} · {formatFileSize(d.file.size)}
                  </p>
                  <p className="flex flex-wrap gap-x-4 gap-y-1">
                    <Link className="text-brand-700 hover:underline" href={`/v/${d.code}`}>
                      Kode {formatDocumentCode(d.code)}
                    </Link>
                    <a className="text-brand-700 hover:underline" href={`${base}/files/${d.fileId}`}>
                      Unduh berkas
                    </a>
                    {canSign && d.status === "SIGNED" ? <RevokeButton agencySlug={ctx.agency.slug} documentId={d.id} /> : null}
                  </p>
                  {d.revokeReason ? <p className="text-red-800">Dicabut: {d.revokeReason}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
