import { z } from "zod";

/** A .p12 is a few KB; 64 KB leaves room for a long chain. */
export const CERTIFICATE_MAX_BYTES = 64 * 1024;

/** A scan of a signed page or two, sent through a server action (2 MB bodies). */
export const WET_SCAN_MAX_BYTES = 1400 * 1024;

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

const ZScanFile = {
  fileName: z.string().trim().min(1).max(200),
  // Server actions take 2 MB bodies (next.config.js): a scan of up to 1.4 MB, as base64.
  fileBase64: z.string().min(1).max(Math.ceil((WET_SCAN_MAX_BYTES * 4) / 3) + 8),
};

/** A wet-signed scan (or, for the LKjIP, the agency's signed final file) of one target. */
export const ZUploadWetScan = z.discriminatedUnion("kind", [
  ZSignTarget.options[0].extend(ZScanFile),
  ZSignTarget.options[1].extend(ZScanFile),
  ZSignTarget.options[2].extend(ZScanFile),
  ZSignTarget.options[3].extend(ZScanFile),
]);
export type TUploadWetScan = z.output<typeof ZUploadWetScan>;

export const ZRevokeDocument = z.object({
  documentId: z.string().min(1).max(40),
  reason: z.string().trim().min(5).max(500),
});
export type TRevokeDocument = z.output<typeof ZRevokeDocument>;

/** What the public check takes: a signed report is well under 2 MB; 10 MB also takes a scan, and bounds what a stranger can make us hash. */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
