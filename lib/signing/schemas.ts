import { z } from "zod";

/** A .p12 is a few KB; 64 KB leaves room for a long chain. */
export const CERTIFICATE_MAX_BYTES = 64 * 1024;

export const ZUploadCertificate = z.object({
  fileName: z.string().trim().min(1).max(200),
  fileBase64: z.string().min(1).max(Math.ceil((CERTIFICATE_MAX_BYTES * 4) / 3) + 8),
  passphrase: z.string().max(200),
});
export type TUploadCertificate = z.output<typeof ZUploadCertificate>;

const ZPeriod = {
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
};

export const ZSignReport = z.object(ZPeriod);
export type TSignReport = z.output<typeof ZSignReport>;

export const ZSignArchiveRecord = z.object({ cycleId: z.string().min(1).max(40) });
export type TSignArchiveRecord = z.output<typeof ZSignArchiveRecord>;

export const ZSignSop = z.object({ sopId: z.string().min(1).max(40) });
export type TSignSop = z.output<typeof ZSignSop>;

export const ZSignUnitAgreement = z.object({ unitAgreementId: z.string().min(1).max(40) });
export type TSignUnitAgreement = z.output<typeof ZSignUnitAgreement>;

export const ZSignLkjip = z.object({ year: ZPeriod.year });
export type TSignLkjip = z.output<typeof ZSignLkjip>;

/**
 * What a signature is of: the kind and its subject. One shape for every kind, so the wet-signed
 * scan is one service (lib/signing/service.ts, resolveSignTarget checks each kind's rule).
 */
export const ZSignTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PERFORMANCE_REPORT"), ...ZPeriod }),
  z.object({ kind: z.literal("ARCHIVE_RECORD"), cycleId: ZSignArchiveRecord.shape.cycleId }),
  z.object({ kind: z.literal("SOP"), sopId: ZSignSop.shape.sopId }),
  z.object({ kind: z.literal("LKJIP"), year: ZPeriod.year }),
]);
export type TSignTarget = z.output<typeof ZSignTarget>;

/**
 * The target of a wet-signed scan as the upload route's text fields name it (multipart, so every
 * value is text): `kind` and the kind's fields, numbers written as digits. The file itself is the
 * form's `file` part (app/a/[agencySlug]/tanda-tangan/unggah, docs/decisions/060-scan-uploads.md).
 */
export function signTargetOfFields(fields: Record<string, string>): TSignTarget | null {
  const number = (value: string | undefined) => (value && /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : undefined);
  const parsed = ZSignTarget.safeParse({
    kind: fields.kind?.trim(),
    year: number(fields.year),
    quarter: number(fields.quarter),
    cycleId: fields.cycleId?.trim(),
    sopId: fields.sopId?.trim(),
  });
  return parsed.success ? parsed.data : null;
}

export const ZRevokeDocument = z.object({
  documentId: z.string().min(1).max(40),
  reason: z.string().trim().min(5).max(500),
});
export type TRevokeDocument = z.output<typeof ZRevokeDocument>;

/** What the public check takes: a signed report is well under 2 MB; 10 MB also takes a scan, and bounds what a stranger can make us hash. */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
