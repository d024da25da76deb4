import "server-only";

import { db } from "@/lib/db/client";

/** The agency's signed documents, newest first, as the signing page lists them. */
export async function listSignedDocuments(agencyId: string, take = 100) {
  return db.signedDocument.findMany({
    where: { agencyId },
    orderBy: { signedAt: "desc" },
    take,
    select: { id: true, code: true, title: true, method: true, status: true, signedAt: true, signerName: true, signerJabatan: true, sha256: true, fileId: true, revokeReason: true },
  });
}

/** The certificate in use, without its sealed bytes. */
export async function certificateSummary(agencyId: string) {
  return db.signingCertificate.findFirst({
    where: { agencyId, replacedAt: null },
    orderBy: { createdAt: "desc" },
    select: { subject: true, issuer: true, fingerprint: true, notBefore: true, notAfter: true, isDemo: true, createdAt: true },
  });
}
