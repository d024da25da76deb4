import "server-only";

import { timingSafeEqual } from "node:crypto";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { periodLabel } from "@/lib/audit/labels";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, invalidError, notFoundError } from "@/lib/authz/errors";
import { signaturePlaceDate } from "@/lib/agency/format";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { buildArchiveRecordFile } from "@/lib/cycle/record-build";
import { loadLkjip } from "@/lib/lkjip/build";
import { lkjipPdf } from "@/lib/lkjip/pdf";
import type { SignatureMethod, SignedDocumentKind } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/member/name";
import { appUrl } from "@/lib/notify/config";
import { buildPeriodReportPdf } from "@/lib/performance/report-build";
import { performanceReportFilename } from "@/lib/performance/report-pdf";
import { roleHoldings } from "@/lib/role/holders";
import { toSopInput } from "@/lib/sop/mapping";
import { buildSopPdf } from "@/lib/sop/pdf";
import { getAgencyHeader, getAgencyRoles, getSop } from "@/lib/sop/queries";
import { signerTitle } from "@/lib/sop/signer-title";
import { rolesUsedBySop, sopExportFilename } from "@/lib/sop/xlsx";
import { getStorage, newStorageKey } from "@/lib/storage";
import { checkUpload, maxUploadBytes, sha256Hex, UploadRejectedError } from "@/lib/storage/validate";

import { CertificateError, readP12, type TCertificateInfo } from "./certificate";
import { formatDocumentCode, newDocumentCode } from "./code";
import { SIGNING_MESSAGES as M } from "./messages";
import { qrPng } from "./qr";
import {
  CERTIFICATE_MAX_BYTES,
  type TRevokeDocument,
  type TSignArchiveRecord,
  type TSignLkjip,
  type TSignReport,
  type TSignSop,
  type TSignTarget,
  type TUploadCertificate,
} from "./schemas";
import { open, seal } from "./secret-box";
import { P12PadesSigner, type DocumentSigner } from "./signer";

/** Who acts and in which agency: an action's or a route's context, or the seed's. */
export interface TSigningCtx {
  agency: { id: string; name: string; slug: string; governmentName: string; timeZone: "WIB" | "WITA" | "WIT"; city: string; settings: Parameters<typeof buildPeriodReportPdf>[0]["settings"] };
  userId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

const CERT_ERRORS: Record<CertificateError["reason"], string> = {
  unreadable: M.certificateUnreadable,
  passphrase: M.certificatePassphrase,
  "no-key": M.certificateNoKey,
  "no-certificate": M.certificateNoMatch,
  expired: M.certificateExpired,
};

/** The agency's certificate in use (the latest upload), or null. */
export async function currentCertificate(agencyId: string, tx: DbTx = db) {
  return tx.signingCertificate.findFirst({
    where: { agencyId, replacedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, subject: true, issuer: true, serialNumber: true, fingerprint: true, notBefore: true, notAfter: true, isDemo: true, createdAt: true, p12Encrypted: true, passphraseEncrypted: true },
  });
}

/**
 * Stores the agency's .p12 and its passphrase, both sealed (secret-box.ts),
 * after opening it once: a wrong passphrase, a file without a private key
 * or an expired certificate is refused here, not at the first signature.
 * The previous certificate is marked replaced (documents keep pointing at it).
 */
export async function uploadCertificate(
  ctx: Pick<TSigningCtx, "actor" | "meta"> & { agencyId: string },
  input: TUploadCertificate,
  opts: { isDemo?: boolean; at?: Date } = {},
  outer?: DbTx,
): Promise<{ id: string; info: TCertificateInfo }> {
  const bytes = Buffer.from(input.fileBase64, "base64");
  if (bytes.length === 0) throw invalidError(M.certificateUnreadable, { fileBase64: [M.certificateUnreadable] });
  if (bytes.length > CERTIFICATE_MAX_BYTES) {
    const message = M.certificateTooLarge(CERTIFICATE_MAX_BYTES / 1024);
    throw invalidError(message, { fileBase64: [message] });
  }
  let info: TCertificateInfo;
  try {
    info = readP12(bytes, input.passphrase, opts.at);
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    const field = error.reason === "passphrase" ? "passphrase" : "fileBase64";
    throw invalidError(CERT_ERRORS[error.reason], { [field]: [CERT_ERRORS[error.reason]] });
  }
  const at = opts.at ?? new Date();
  return inTransaction(outer, async (tx) => {
    const previous = await tx.signingCertificate.findMany({ where: { agencyId: ctx.agencyId, replacedAt: null }, select: { id: true } });
    await tx.signingCertificate.updateMany({ where: { agencyId: ctx.agencyId, replacedAt: null }, data: { replacedAt: at } });
    const created = await tx.signingCertificate.create({
      data: {
        agencyId: ctx.agencyId,
        p12Encrypted: new Uint8Array(seal(bytes)),
        passphraseEncrypted: new Uint8Array(seal(Buffer.from(input.passphrase, "utf8"))),
        ...info,
        isDemo: opts.isDemo ?? false,
        uploadedById: ctx.actor.id,
        createdAt: at,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "signing.certificate_upload",
        entityType: "SigningCertificate",
        entityId: created.id,
        data: { subject: info.subject, issuer: info.issuer, fingerprint: info.fingerprint, notAfter: info.notAfter.toISOString(), isDemo: opts.isDemo ?? false, replacedId: previous[0]?.id ?? null },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta, at: opts.at },
    );
    return { id: created.id, info };
  });
}

/** The signature block of the head as printed: jabatan (with Plt./Plh.), name with titles, NIP, pangkat. */
export interface TSignerBlock {
  name: string;
  jabatan: string;
  nip: string;
  pangkat: string | null;
}

/**
 * The caller as the agency's head, through lib/role/holders.ts (the one
 * source of who holds a role): a member of the head role signs as
 * "Kepala ...", an acting official as "Plt. Kepala ..." / "Plh. Kepala ...".
 * Anyone else: forbidden. ("a.n." is for an official signing for the head
 * under delegation; only the head and its Plt./Plh. sign here.)
 */
export async function headSignerBlock(agency: { id: string; name: string }, userId: string, at: Date, tx: DbTx = db): Promise<TSignerBlock> {
  const [holdings, user] = await Promise.all([
    roleHoldings(tx, { agencyId: agency.id, userId, at }),
    tx.user.findUnique({ where: { id: userId }, select: { name: true, gelarDepan: true, gelarBelakang: true, nip: true, pangkat: true } }),
  ]);
  const head = holdings.find((h) => h.role.isHead && !h.acting) ?? holdings.find((h) => h.role.isHead);
  if (!head || !user) throw forbiddenError(M.notHead);
  const title = signerTitle(head.role.name, agency.name);
  const prefix = head.acting ? (head.acting.kind === "PLT" ? "Plt. " : "Plh. ") : "";
  return { name: fullName(user), jabatan: `${prefix}${title}`, nip: user.nip, pangkat: user.pangkat?.trim() || null };
}

export function verificationUrl(code: string): string {
  return `${appUrl()}/v/${code}`;
}

/** Stores the signed bytes and records the document, in one transaction with its audit row. */
export async function recordSignedDocument(
  ctx: TSigningCtx,
  doc: {
    code: string;
    kind: SignedDocumentKind;
    title: string;
    subject: TSignSubject;
    method: SignatureMethod;
    bytes: Buffer;
    fileName: string;
    mimeType: string;
    certificate: { id: string; fingerprint: string } | null;
    signer: TSignerBlock;
    at: Date;
  },
  outer?: DbTx,
) {
  const sha256 = sha256Hex(doc.bytes);
  const storage = getStorage();
  const storageKey = newStorageKey(ctx.agency.id);
  await storage.put(storageKey, doc.bytes);
  try {
    return await inTransaction(outer, async (tx) => {
      const file = await tx.storedFile.create({
        data: { agencyId: ctx.agency.id, storageKey, originalName: doc.fileName, mimeType: doc.mimeType, size: doc.bytes.length, sha256, uploadedById: ctx.userId, createdAt: doc.at },
        select: { id: true },
      });
      const created = await tx.signedDocument.create({
        data: {
          agencyId: ctx.agency.id,
          code: doc.code,
          kind: doc.kind,
          title: doc.title,
          subject: doc.subject,
          method: doc.method,
          sha256,
          fileId: file.id,
          certificateId: doc.certificate?.id ?? null,
          signerId: ctx.userId,
          signerName: doc.signer.name,
          signerJabatan: doc.signer.jabatan,
          signerNip: doc.signer.nip,
          signerPangkat: doc.signer.pangkat ?? "",
          signedAt: doc.at,
        },
        select: { id: true, code: true },
      });
      await recordAudit(
        tx,
        {
          action: "document.sign",
          entityType: "SignedDocument",
          entityId: created.id,
          data: {
            code: created.code,
            kind: doc.kind,
            title: doc.title,
            method: doc.method,
            sha256,
            fileId: file.id,
            certificateFingerprint: doc.certificate?.fingerprint ?? null,
            signerJabatan: doc.signer.jabatan,
          },
        },
        { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta, at: doc.at },
      );
      return { id: created.id, code: created.code, fileId: file.id, sha256, name: doc.fileName, size: doc.bytes.length };
    });
  } catch (error) {
    await storage.remove(storageKey).catch((cleanup: unknown) => console.error(`[storage] could not remove ${storageKey} after a failed signing`, cleanup));
    throw error;
  }
}

/** What a SignedDocument records it was made from (SignedDocument.subject). */
export type TSignSubject = { year: number; quarter: number } | { cycleId: string } | { sopId: string; version: number } | { year: number } | { unitAgreementId: string; year: number };

/** A target checked against its kind's rule: its title and the subject to record. */
export interface TResolvedTarget {
  kind: SignedDocumentKind;
  title: string;
  subject: TSignSubject;
}

/**
 * Each kind's rule for what may be signed, in one place, for the electronic signature and the
 * wet-signed scan alike. Ids are looked up inside the caller's agency only (another agency's
 * cycle or SOP is "not found"); an archive record only once the cycle is archived (COMPLETED);
 * an SOP only in the version in force (ACTIVE); an LKjIP only for a year with a PK.
 */
export async function resolveSignTarget(agencyId: string, target: TSignTarget, tx: DbTx = db): Promise<TResolvedTarget> {
  switch (target.kind) {
    case "PERFORMANCE_REPORT":
      return { kind: target.kind, title: M.reportTitle(target.quarter, target.year), subject: { year: target.year, quarter: target.quarter } };
    case "ARCHIVE_RECORD": {
      const cycle = await tx.measurementCycle.findFirst({
        where: { id: target.cycleId, agencyId },
        select: { id: true, status: true, year: true, period: true, sop: { select: { nomor: true } } },
      });
      if (!cycle) throw notFoundError(M.cycleNotFound);
      if (cycle.status !== "COMPLETED") throw invalidError(M.cycleNotArchived);
      return { kind: target.kind, title: M.archiveTitle(cycle.sop.nomor, periodLabel(cycle.period, cycle.year)), subject: { cycleId: cycle.id } };
    }
    case "SOP": {
      const sop = await tx.sop.findFirst({ where: { id: target.sopId, agencyId }, select: { id: true, status: true, nomor: true, nama: true, version: true } });
      if (!sop) throw notFoundError(M.sopNotFound);
      if (sop.status !== "ACTIVE") throw invalidError(M.sopNotActive);
      return { kind: target.kind, title: M.sopTitle(sop.nomor, sop.nama, sop.version), subject: { sopId: sop.id, version: sop.version } };
    }
    case "LKJIP": {
      const agreement = await tx.performanceAgreement.findUnique({ where: { agencyId_year: { agencyId, year: target.year } }, select: { id: true } });
      if (!agreement) throw notFoundError(M.noLkjip(target.year));
      return { kind: target.kind, title: M.lkjipTitle(target.year), subject: { year: target.year } };
    }
  }
}

/** The signer to use: the given one (tests, a national service), else PAdES with the agency's certificate in use. */
export async function agencySigner(ctx: TSigningCtx, at: Date, given?: DocumentSigner): Promise<{ signer: DocumentSigner; certificate: { id: string; fingerprint: string } | null }> {
  if (given) return { signer: given, certificate: null };
  const cert = await currentCertificate(ctx.agency.id);
  if (!cert) throw invalidError(M.noCertificate);
  let p12: Buffer;
  let passphrase: string;
  try {
    p12 = open(cert.p12Encrypted);
    passphrase = open(cert.passphraseEncrypted).toString("utf8");
  } catch {
    throw invalidError(M.certificateSealed);
  }
  if (cert.notAfter.getTime() <= at.getTime()) throw invalidError(M.certificateExpired);
  return { signer: new P12PadesSigner(p12, passphrase), certificate: { id: cert.id, fingerprint: cert.fingerprint } };
}

/**
 * The head signs the period's Laporan Pengukuran Kinerja: the report is
 * built with the head's signature block and a QR code of its public code,
 * then signed (PAdES with the agency's certificate, or another
 * {@link DocumentSigner}), stored, recorded and audited. The hash the
 * verification page compares is the hash of these final bytes.
 */
export async function signPerformanceReport(ctx: TSigningCtx, input: TSignReport, opts: { signer?: DocumentSigner; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  const { signer, certificate } = await agencySigner(ctx, at, opts.signer);

  const code = newDocumentCode();
  const url = verificationUrl(code);
  const title = M.reportTitle(input.quarter, input.year);
  const pdf = await buildPeriodReportPdf(ctx.agency, input.year, input.quarter, {
    at,
    signer: signerBlock,
    verification: { code: formatDocumentCode(code), url, qrPng: await qrPng(url) },
  });
  if (!pdf) throw notFoundError(M.noAgreement(input.year));
  const signed = await signer.sign(pdf, { reason: M.reason(title), name: `${signerBlock.jabatan}, ${signerBlock.name}`, location: ctx.agency.city, signingTime: at });
  return recordSignedDocument(ctx, {
    code,
    kind: "PERFORMANCE_REPORT",
    title,
    subject: { year: input.year, quarter: input.quarter },
    method: "PADES",
    bytes: signed,
    fileName: performanceReportFilename(ctx.agency.slug, input.year, input.quarter).replace(/\.pdf$/, "-ditandatangani.pdf"),
    mimeType: "application/pdf",
    certificate,
    signer: signerBlock,
    at,
  });
}

/**
 * The head signs a cycle's archive record (lib/cycle/record-pdf.ts) once the cycle is
 * completed: built with the head's block and the QR code of its public code, signed like the
 * report, stored and recorded as ARCHIVE_RECORD (verifiable at /v/<code>).
 */
export async function signArchiveRecord(ctx: TSigningCtx, input: TSignArchiveRecord, opts: { signer?: DocumentSigner; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  const target = await resolveSignTarget(ctx.agency.id, { kind: "ARCHIVE_RECORD", cycleId: input.cycleId });
  const { signer, certificate } = await agencySigner(ctx, at, opts.signer);
  const code = newDocumentCode();
  const url = verificationUrl(code);
  const built = await buildArchiveRecordFile(ctx.agency, input.cycleId, {
    at,
    signer: signerBlock,
    verification: { code: formatDocumentCode(code), url, qrPng: await qrPng(url) },
  });
  if (!built) throw notFoundError(M.cycleNotFound);
  const { title } = target;
  const signed = await signer.sign(built.pdf, { reason: M.reason(title), name: `${signerBlock.jabatan}, ${signerBlock.name}`, location: ctx.agency.city, signingTime: at });
  return recordSignedDocument(ctx, {
    code,
    kind: "ARCHIVE_RECORD",
    title,
    subject: target.subject,
    method: "PADES",
    bytes: signed,
    fileName: built.fileName.replace(/\.pdf$/, "-ditandatangani.pdf"),
    mimeType: "application/pdf",
    certificate,
    signer: signerBlock,
    at,
  });
}

/**
 * The head signs the SOP in force (the version enacted, "disahkan"): its document (identity
 * and procedure table, lib/sop/pdf.ts) with the head's block and the QR code, PAdES like the
 * report; a draft or a retired version is refused, so a signed SOP is always one that applied.
 */
export async function signSop(ctx: TSigningCtx, input: TSignSop, opts: { signer?: DocumentSigner; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  await resolveSignTarget(ctx.agency.id, { kind: "SOP", sopId: input.sopId });
  const sop = await getSop(ctx.agency.id, input.sopId);
  if (!sop) throw notFoundError(M.sopNotFound);
  const { signer, certificate } = await agencySigner(ctx, at, opts.signer);
  const [agencyRoles, header] = await Promise.all([getAgencyRoles(ctx.agency.id), getAgencyHeader(ctx.agency.id)]);
  const sopInput = toSopInput(sop);
  const code = newDocumentCode();
  const url = verificationUrl(code);
  const pdf = await buildSopPdf({ sop: sopInput, version: sop.version, status: sop.status, roles: rolesUsedBySop(sopInput, agencyRoles) }, header, {
    at,
    timeZone: ctx.agency.timeZone,
    signature: { signer: signerBlock, placeDate: signaturePlaceDate(ctx.agency, at), verification: { code: formatDocumentCode(code), url, qrPng: await qrPng(url) } },
  });
  const title = M.sopTitle(sop.nomor, sop.nama, sop.version);
  const signed = await signer.sign(pdf, { reason: M.reason(title), name: `${signerBlock.jabatan}, ${signerBlock.name}`, location: ctx.agency.city, signingTime: at });
  return recordSignedDocument(ctx, {
    code,
    kind: "SOP",
    title,
    subject: { sopId: sop.id, version: sop.version },
    method: "PADES",
    bytes: signed,
    fileName: sopExportFilename(sop.nomor, sop.version, "pdf").unicode.replace(/\.pdf$/, "-ditandatangani.pdf"),
    mimeType: "application/pdf",
    certificate,
    signer: signerBlock,
    at,
  });
}

/**
 * The head signs the year's LKjIP as the app generates it (lib/lkjip/pdf.ts): the head's block
 * and the QR code of its public code, PAdES like the report, kind LKJIP, subject { year }. A
 * second signature of the same year is allowed (a corrected LKjIP); the older one still verifies
 * at its /v/<code>, the LKjIP page shows the latest (decision 042).
 */
export async function signLkjip(ctx: TSigningCtx, input: TSignLkjip, opts: { signer?: DocumentSigner; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  const target = await resolveSignTarget(ctx.agency.id, { kind: "LKJIP", year: input.year });
  const { signer, certificate } = await agencySigner(ctx, at, opts.signer);
  const model = await loadLkjip(ctx.agency, input.year, at);
  if (!model) throw notFoundError(M.noLkjip(input.year));
  const code = newDocumentCode();
  const url = verificationUrl(code);
  const pdf = await lkjipPdf(model, {
    at,
    timeZone: ctx.agency.timeZone,
    signature: { signer: signerBlock, verification: { code: formatDocumentCode(code), url, qrPng: await qrPng(url) } },
  });
  const signed = await signer.sign(pdf, { reason: M.reason(target.title), name: `${signerBlock.jabatan}, ${signerBlock.name}`, location: ctx.agency.city, signingTime: at });
  return recordSignedDocument(ctx, {
    code,
    kind: "LKJIP",
    title: target.title,
    subject: target.subject,
    method: "PADES",
    bytes: signed,
    fileName: `lkjip-${ctx.agency.slug}-${input.year}-ditandatangani.pdf`,
    mimeType: "application/pdf",
    certificate,
    signer: signerBlock,
    at,
  });
}

/**
 * Alternatively, the head signs the printed document by hand and uploads the scan (PDF, PNG or
 * JPEG, content-checked by the storage layer; for the LKjIP also the agency's final signed PDF,
 * since it is finished in Word): stored, hashed, given a public code like an electronic
 * signature. One service for every kind: the target is checked by {@link resolveSignTarget}
 * (the cycle archived, the SOP in force, ...) before the file, and nothing is stored on refusal.
 * The bytes come from the multipart route (a scan is 3–15 MB, over a server action's 2 MB body),
 * limited like every upload ({@link maxUploadBytes}, 20 MB); a refused file is an
 * {@link UploadRejectedError} (413 too large, 415 not a PDF/PNG/JPEG, 400 empty).
 */
export async function uploadWetSignedScan(ctx: TSigningCtx, input: TSignTarget & { fileName: string; bytes: Buffer }, opts: { at?: Date; maxBytes?: number } = {}) {
  const at = opts.at ?? new Date();
  const signerBlock = await headSignerBlock(ctx.agency, ctx.userId, at);
  const { fileName, bytes, ...target } = input;
  const resolved = await resolveSignTarget(ctx.agency.id, target as TSignTarget);
  const checked = checkUpload({ bytes, originalName: fileName, maxBytes: opts.maxBytes ?? maxUploadBytes() });
  if (!["pdf", "png", "jpeg"].includes(checked.kind)) throw new UploadRejectedError(M.scanRejected, 415);
  return recordSignedDocument(ctx, {
    code: newDocumentCode(),
    kind: resolved.kind,
    title: resolved.title,
    subject: resolved.subject,
    method: "WET_SCAN",
    bytes,
    fileName: checked.name,
    mimeType: checked.mimeType,
    certificate: null,
    signer: signerBlock,
    at,
  });
}

/** The head withdraws a signed document: the public page then says "Dicabut". */
export async function revokeDocument(ctx: TSigningCtx, input: TRevokeDocument, opts: { at?: Date } = {}) {
  const at = opts.at ?? new Date();
  await headSignerBlock(ctx.agency, ctx.userId, at);
  return inTransaction(undefined, async (tx) => {
    const doc = await tx.signedDocument.findFirst({ where: { id: input.documentId, agencyId: ctx.agency.id }, select: { id: true, code: true, title: true, status: true } });
    if (!doc) throw notFoundError(M.documentNotFound);
    if (doc.status === "REVOKED") throw conflictError(M.alreadyRevoked);
    const updated = await tx.signedDocument.updateMany({
      where: { id: doc.id, agencyId: ctx.agency.id, status: "SIGNED" },
      data: { status: "REVOKED", revokedAt: at, revokedById: ctx.userId, revokeReason: input.reason },
    });
    if (updated.count !== 1) throw conflictError(M.alreadyRevoked);
    await recordAudit(
      tx,
      { action: "document.revoke", entityType: "SignedDocument", entityId: doc.id, data: { code: doc.code, title: doc.title, reason: input.reason, status: { before: "SIGNED", after: "REVOKED" } } },
      { agencyId: ctx.agency.id, actor: ctx.actor, meta: ctx.meta, at },
    );
    return { id: doc.id };
  });
}

// ---------------------------------------------------------------------------
// Public verification: no sign-in, so it answers only what the page shows.
// ---------------------------------------------------------------------------

/** Exactly what the public page shows of a document: nothing else about the agency. */
export interface TPublicDocument {
  code: string;
  kind: SignedDocumentKind;
  title: string;
  agencyName: string;
  signedAt: Date;
  sha256: string;
  method: "PADES" | "WET_SCAN";
  status: "SIGNED" | "REVOKED";
}

export async function findPublicDocument(code: string): Promise<TPublicDocument | null> {
  const doc = await db.signedDocument.findUnique({
    where: { code },
    select: { code: true, kind: true, title: true, signedAt: true, sha256: true, method: true, status: true, agency: { select: { name: true } } },
  });
  if (!doc) return null;
  const { agency, ...rest } = doc;
  return { ...rest, agencyName: agency.name };
}

/** Whether an uploaded file is the signed document, byte for byte (SHA-256), and the document's status. */
export async function checkDocumentFile(code: string, bytes: Buffer): Promise<{ match: boolean; status: "SIGNED" | "REVOKED" } | null> {
  const doc = await db.signedDocument.findUnique({ where: { code }, select: { sha256: true, status: true } });
  if (!doc) return null;
  const match = timingSafeEqual(Buffer.from(sha256Hex(bytes), "hex"), Buffer.from(doc.sha256, "hex"));
  return { match, status: doc.status };
}
