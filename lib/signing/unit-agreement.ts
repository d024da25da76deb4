import "server-only";

import { conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { buildUnitPkPdf, loadUnitPkDocument, unitPkFilename } from "@/lib/cascade/level-pk-pdf";
import { CASCADE_MESSAGES } from "@/lib/cascade/messages";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

import { formatDocumentCode, newDocumentCode } from "./code";
import { SIGNING_MESSAGES as M } from "./messages";
import { qrPng } from "./qr";
import type { TSignUnitAgreement } from "./schemas";
import { agencySigner, headSignerBlock, recordSignedDocument, verificationUrl, type TSigningCtx } from "./service";
import type { DocumentSigner } from "./signer";

/**
 * A unit's Perjanjian Kinerja signed with the agency's certificate (decision 043). Who signs:
 * the agency head (or its Plt./Plh.), the holder of the certificate, as for every document of
 * lib/signing. The document prints both parties' blocks as the agreement's format asks; the QR
 * code's line says the signature is the head's, made with the agency's certificate, so the paper
 * never claims the unit's official signed electronically. Refused, with nothing stored: another
 * agency's PK (not found), anyone but the head, a party whose post has no official (the PK would
 * bind nobody), and a PK already signed and not revoked (one valid signed copy per PK).
 */
export async function signUnitAgreement(ctx: TSigningCtx, input: TSignUnitAgreement, opts: { signer?: DocumentSigner; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  const pk = await loadUnitPkDocument(ctx.agency, input.unitAgreementId, { at, head: signerBlock });
  if (!pk) throw notFoundError(M.unitAgreementNotFound);
  if (!pk.firstParty.person) throw invalidError(M.unitAgreementVacant("Pihak pertama", pk.firstParty.jabatan));
  if (!pk.secondParty.person) throw invalidError(M.unitAgreementVacant("Pihak kedua", pk.secondParty.jabatan));
  const existing = await signedCopy(db, ctx.agency.id, pk.id);
  if (existing) throw conflictError(M.unitAgreementSigned(formatDocumentCode(existing.code)));
  const { signer, certificate } = await agencySigner(ctx, at, opts.signer);

  const code = newDocumentCode();
  const url = verificationUrl(code);
  const pdf = await buildUnitPkPdf(pk, ctx.agency, { at, signature: { signedBy: signerBlock, verification: { code: formatDocumentCode(code), url, qrPng: await qrPng(url) } } });
  const title = M.unitAgreementTitle(pk.year, CASCADE_MESSAGES.level[pk.level], pk.unitName);
  const signed = await signer.sign(pdf, { reason: M.reason(title), name: `${signerBlock.jabatan}, ${signerBlock.name}`, location: ctx.agency.city, signingTime: at });
  return inTransaction(undefined, async (tx) => {
    // Two clicks at once: the second waits here, then finds the first's copy.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`unit-agreement-sign:${pk.id}`}))::text`;
    const raced = await signedCopy(tx, ctx.agency.id, pk.id);
    if (raced) throw conflictError(M.unitAgreementSigned(formatDocumentCode(raced.code)));
    return recordSignedDocument(
      ctx,
      {
        code,
        kind: "UNIT_AGREEMENT",
        title,
        subject: { unitAgreementId: pk.id, year: pk.year },
        method: "PADES",
        bytes: signed,
        fileName: unitPkFilename(pk).replace(/\.pdf$/, "-ditandatangani.pdf"),
        mimeType: "application/pdf",
        certificate,
        signer: signerBlock,
        at,
      },
      tx,
    );
  });
}

/** The PK's signed copy in force (not revoked), if any. */
async function signedCopy(tx: DbTx, agencyId: string, unitAgreementId: string) {
  return tx.signedDocument.findFirst({
    where: { agencyId, kind: "UNIT_AGREEMENT", status: "SIGNED", subject: { path: ["unitAgreementId"], equals: unitAgreementId } },
    orderBy: { signedAt: "desc" },
    select: { code: true },
  });
}

export interface TUnitPkSignature {
  code: string;
  status: "SIGNED" | "REVOKED";
  signedAt: Date;
  signerName: string;
  signerJabatan: string;
  fileId: string;
}

/**
 * The signature of each unit PK of a year, for the PK page: the copy in force, else the last
 * revoked one (the page says it was revoked). One query whatever the number of PKs.
 */
export async function unitPkSignatures(agencyId: string, year: number): Promise<Map<string, TUnitPkSignature>> {
  const docs = await db.signedDocument.findMany({
    where: { agencyId, kind: "UNIT_AGREEMENT", subject: { path: ["year"], equals: year } },
    orderBy: { signedAt: "asc" },
    select: { code: true, status: true, signedAt: true, signerName: true, signerJabatan: true, fileId: true, subject: true },
  });
  const out = new Map<string, TUnitPkSignature>();
  for (const { subject, ...doc } of docs) {
    const id = (subject as { unitAgreementId?: unknown } | null)?.unitAgreementId;
    if (typeof id !== "string") continue;
    const before = out.get(id);
    // Newest last: a later copy replaces an earlier one, but a revoked copy never hides one in force.
    if (before?.status === "SIGNED" && doc.status === "REVOKED") continue;
    out.set(id, doc);
  }
  return out;
}
