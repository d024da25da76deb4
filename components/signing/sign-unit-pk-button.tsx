"use client";

import { signUnitAgreementAction } from "@/lib/signing/actions";

import { SignDocumentButton } from "./document-signing";

/** The head signs a unit's Perjanjian Kinerja (decision 043): confirm, sign on the server, show the code. */
export function SignUnitPkButton({ agencySlug, unitAgreementId, label, disabled }: { agencySlug: string; unitAgreementId: string; label: string; disabled: boolean }) {
  return (
    <SignDocumentButton
      agencySlug={agencySlug}
      disabled={disabled}
      run={() => signUnitAgreementAction(agencySlug, { unitAgreementId })}
      testId="sign-unit-pk"
      text={{
        done: "Perjanjian Kinerja ditandatangani.",
        button: "Tandatangani PK",
        confirmTitle: `Tandatangani ${label}?`,
        confirmBody:
          "Perjanjian Kinerja ini (para pihak dan lampiran sasaran, indikator, dan target) akan ditandatangani atas nama Anda dengan sertifikat instansi. Dokumen yang ditandatangani tidak dapat diubah; bila keliru, cabut dari halaman Tanda tangan dokumen.",
      }}
    />
  );
}
