import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import signpdfModule from "@signpdf/signpdf";
import { P12Signer } from "@signpdf/signer-p12";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";

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

/**
 * PAdES with a PKCS#12: an incremental update adds the signature field
 * (SubFilter ETSI.CAdES.detached), then a detached CMS over the byte range
 * (SHA-256, signer certificate embedded) fills its placeholder. The signature
 * is invisible; the signature block drawn on the page says who signed.
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
    return signpdf.sign(prepared, new P12Signer(this.p12, { passphrase: this.passphrase }), meta.signingTime);
  }
}
