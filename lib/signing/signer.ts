import { createHash, webcrypto } from "node:crypto";

import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import signpdfModule from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

import { p12Parts, type TP12Parts } from "./certificate";

/** What a signature says besides the signer's certificate. */
export interface TSignMeta {
  /** "Mengesahkan Laporan Pengukuran Kinerja Triwulan III 2026". */
  reason: string;
  /** The signer as printed ("Plt. Kepala Dinas ..., Nama"). */
  name: string;
  /** The agency's city. */
  location: string;
  signingTime: Date;
}

/**
 * Signs a finished PDF. One implementation today (the agency's own PKCS#12
 * certificate); a national e-signature service (BSrE) is another
 * implementation of the same interface: it receives the PDF and returns it
 * signed, so nothing that builds or records documents changes.
 */
export interface DocumentSigner {
  /** Which signer made the signature, recorded with the document. */
  readonly kind: "p12" | "bsre";
  sign(pdf: Buffer, meta: TSignMeta): Promise<Buffer>;
}

/** Room for the CMS signature: a 2048/4096-bit RSA signature with a short chain fits in 16 KB. */
const SIGNATURE_LENGTH = 16384;

// The package is CommonJS with a default export of an instance.
const signpdf = (signpdfModule as unknown as { default?: typeof signpdfModule }).default ?? signpdfModule;

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

const crypto = new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto });
const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();

/**
 * ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's
 * certificate and its issuer and serial, signed with the document, so the
 * certificate a verifier is shown cannot be swapped for another with the same
 * key. The hash algorithm is omitted: SHA-256 is the default.
 */
function signingCertificateV2(certDer: Buffer, cert: pkijs.Certificate): pkijs.Attribute {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: bufferOf(sha256(certDer)) }), issuerSerial] });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}

/**
 * The CMS of a PAdES baseline B-B signature (ETSI EN 319 142-1), built with
 * PKI.js: detached SignedData over the byte range, SHA-256, the certificates
 * of the .p12 embedded, signed attributes content-type, message-digest and
 * signing-certificate-v2, and no signing-time attribute (the profile forbids
 * it: the claimed time is the signature dictionary's /M).
 */
export class PadesCmsSigner extends Signer {
  constructor(private readonly parts: TP12Parts) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const certs = this.parts.certificates.map((der) => pkijs.Certificate.fromBER(bufferOf(der)));
    const signerCert = pkijs.Certificate.fromBER(bufferOf(this.parts.certificate));
    const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
        new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: bufferOf(sha256(pdfBuffer)) })] }),
        signingCertificateV2(this.parts.certificate, signerCert),
      ],
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
      certificates: certs,
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
          signedAttrs,
        }),
      ],
    });
    const key = await webcrypto.subtle.importKey("pkcs8", this.parts.privateKeyPkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
    await signedData.sign(key as unknown as CryptoKey, 0, "SHA-256", undefined, crypto);
    const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

/**
 * PAdES B-B with a PKCS#12: an incremental update adds the signature field
 * (SubFilter ETSI.CAdES.detached, /M the signing time), then the detached CMS
 * of {@link PadesCmsSigner} over the byte range fills its placeholder. The
 * signature is invisible; the signature block drawn on the page says who signed.
 */
export class P12PadesSigner implements DocumentSigner {
  readonly kind = "p12" as const;

  constructor(
    private readonly p12: Buffer,
    private readonly passphrase: string,
  ) {}

  async sign(pdf: Buffer, meta: TSignMeta): Promise<Buffer> {
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: meta.reason,
      contactInfo: "",
      name: meta.name,
      location: meta.location,
      signingTime: meta.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      // A PDF name token: no spaces ("/Name /Alur Kinerja" is a syntax error readers complain about).
      appName: "AlurKinerja",
    });
    return signpdf.sign(prepared, new PadesCmsSigner(p12Parts(this.p12, this.passphrase)));
  }
}
