import "server-only";

import { db } from "@/lib/db/client";
import type { SignedDocumentKind } from "@/lib/generated/prisma/client";

const CERTIFICATE_SELECT = { subject: true, issuer: true, fingerprint: true, notBefore: true, notAfter: true, isDemo: true, createdAt: true } as const;
const LATEST_SIGNED_SELECT = { id: true, code: true, method: true, status: true, signedAt: true, signerJabatan: true, fileId: true, file: { select: { originalName: true, size: true } } } as const;

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
    select: CERTIFICATE_SELECT,
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
    select: LATEST_SIGNED_SELECT,
  });
}

/**
 * What a document's signing panel shows, in one statement (issue 16, decision 076): the
 * certificate in use (certificateSummary) and the latest signed document of that subject
 * (latestSignedDocument), read as two relations of the agency (joined by Prisma's relationJoins).
 */
export async function signingPanel(agencyId: string, kind: SignedDocumentKind, subject: Record<string, string | number>) {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      signingCertificates: { where: { replacedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: CERTIFICATE_SELECT },
      signedDocuments: { where: { kind, subject: { equals: subject } }, orderBy: { signedAt: "desc" }, take: 1, select: LATEST_SIGNED_SELECT },
    },
  });
  return { certificate: agency?.signingCertificates[0] ?? null, latestSigned: agency?.signedDocuments[0] ?? null };
}
