import { SignUnitPkButton } from "@/components/signing/sign-unit-pk-button";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { formatDate, type TAgencyTimeZone } from "@/lib/format";
import { formatDocumentCode } from "@/lib/signing/code";
import type { TUnitPkSignature } from "@/lib/signing/unit-agreement";
import { cn } from "@/lib/utils";

export const UNIT_PK_SIGNATURE_MESSAGES = {
  download: "Unduh PDF",
  unsigned: "Belum ditandatangani",
  signed: "Ditandatangani",
  revoked: "Tanda tangan dicabut",
  signedBy: (jabatan: string, name: string, date: string) => `oleh ${jabatan}, ${name}, ${date}`,
  code: "Kode verifikasi",
  signedFile: "Unduh berkas bertanda tangan",
  noCertificate: "Instansi belum memiliki sertifikat tanda tangan elektronik: minta administrator mengunggahnya di halaman Tanda tangan dokumen.",
} as const;
const M = UNIT_PK_SIGNATURE_MESSAGES;

/**
 * A unit PK's document and signature (decision 043): the PDF to read or print, whether it is
 * signed (by whom, when, its public code), and, for the head, the button to sign it.
 */
export function UnitPkSignature({
  agencySlug,
  unitAgreementId,
  label,
  signature,
  canSign,
  hasCertificate,
  timeZone,
}: {
  agencySlug: string;
  unitAgreementId: string;
  label: string;
  signature: TUnitPkSignature | undefined;
  canSign: boolean;
  hasCertificate: boolean;
  timeZone: TAgencyTimeZone;
}) {
  const inForce = signature?.status === "SIGNED";
  return (
    <div className="no-print space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="unit-pk-signature">
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={`/a/${agencySlug}/pohon-kinerja/pk/unduh?pk=${encodeURIComponent(unitAgreementId)}`}
          className={cn(buttonVariants({ variant: "secondary" }), "min-h-11")}
          aria-label={`${M.download}: ${label}`}
        >
          {M.download}
        </a>
        <Badge tone={inForce ? "success" : signature ? "danger" : "neutral"} data-testid="unit-pk-signature-status">
          {inForce ? M.signed : signature ? M.revoked : M.unsigned}
        </Badge>
      </div>
      {signature ? (
        <p className="text-slate-700">
          {M.signedBy(signature.signerJabatan, signature.signerName, formatDate(signature.signedAt, timeZone))}
          {" · "}
          {`${M.code} `}
          <a className="font-mono font-semibold text-brand-700 underline" href={`/v/${signature.code}`}>
            {formatDocumentCode(signature.code)}
          </a>
          {inForce ? (
            <>
              {" · "}
              <a className="text-brand-700 underline" href={`/a/${agencySlug}/files/${signature.fileId}`}>
                {M.signedFile}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {canSign && !inForce ? (
        <>
          {!hasCertificate ? <p className="text-slate-600">{M.noCertificate}</p> : null}
          <SignUnitPkButton agencySlug={agencySlug} unitAgreementId={unitAgreementId} label={label} disabled={!hasCertificate} />
        </>
      ) : null}
    </div>
  );
}
