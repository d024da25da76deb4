import "server-only";

import { db } from "@/lib/db/client";
import type { SignedDocumentKind } from "@/lib/generated/prisma/client";

/** The agency's signed documents, newest first, as the signing page lists them. */
export async function listSignedDocuments(agencyId: string, take = 100) {
  return db.signedDocument.findMany({
    where: { agencyId },
    orderBy: { signedAt: "desc" },
    take,
    select: { id: true, code: true, title: true, method: true, status: true, signedAt: true, signerName: true, signerJabatan: true, sha256: true, fileId: true, file: { select: { originalName: true, size: true } }, revokeReason: true },
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

/**
 * The latest signed document (electronic or scan, revoked or not) of one kind and subject, as the
 * page of that document shows it: a second signature of the same subject supersedes the first on
 * the page, while the first still verifies at its own code (decision 042).
 */
export async function latestSignedDocument(agencyId: string, kind: SignedDocumentKind, subject: Record<string, string | number>) {
  return db.signedDocument.findFirst({
    where: { agencyId, kind, subject: { equals: subject } },
    orderBy: { signedAt: "desc" },
    select: { id: true, code: true, method: true, status: true, signedAt: true, signerJabatan: true, fileId: true, file: { select: { originalName: true, size: true } } },
  });
}

/**
 * What a document page's signing card reads, in one statement (relation joins; decision 077): the
 * certificate in use (as certificateSummary) and the latest signed document of one kind and subject
 * (as latestSignedDocument). Two statements before, on every view of the head.
 */
export async function signingCard(agencyId: string, kind: SignedDocumentKind, subject: Record<string, string | number>) {
  const row = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      signingCertificates: {
        where: { replacedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { subject: true, issuer: true, fingerprint: true, notBefore: true, notAfter: true, isDemo: true, createdAt: true },
      },
      signedDocuments: {
        where: { kind, subject: { equals: subject } },
        orderBy: { signedAt: "desc" },
        take: 1,
        select: { id: true, code: true, method: true, status: true, signedAt: true, signerJabatan: true, fileId: true, file: { select: { originalName: true, size: true } } },
      },
    },
  });
  return { certificate: row?.signingCertificates[0] ?? null, latest: row?.signedDocuments[0] ?? null };
}
