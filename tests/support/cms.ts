/**
 * Reads the CMS signature out of a signed PDF (the last /Contents <hex> of a
 * signature dictionary) with PKI.js, for tests that check what a signature
 * carries: its signed attributes, and whether it verifies over /ByteRange.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const OID = {
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

export interface TPdfSignature {
  signedData: pkijs.SignedData;
  /** The bytes the signature covers: the file without the /Contents hex. */
  signedBytes: Buffer;
  /** OIDs of the signer's signed attributes, in order. */
  signedAttributeTypes: string[];
  attribute(type: string): pkijs.Attribute | undefined;
}

export function readPdfSignature(pdf: Buffer): TPdfSignature {
  const text = pdf.toString("latin1");
  const br = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (!br) throw new Error("no /ByteRange in the PDF");
  const [a, b, c, d] = br.slice(1, 5).map(Number) as [number, number, number, number];
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = text.slice(a + b + 1, c - 1).replace(/0+$/, "");
  const der = Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex");
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const attrs = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  return {
    signedData,
    signedBytes,
    signedAttributeTypes: attrs.map((x) => x.type),
    attribute: (type) => attrs.find((x) => x.type === type),
  };
}
