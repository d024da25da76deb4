import { createHash } from "node:crypto";

import forge from "node-forge";

/** What the app keeps about a certificate besides the encrypted .p12. */
export interface TCertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** SHA-256 of the certificate's DER, hex. */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
}

export class CertificateError extends Error {
  constructor(readonly reason: "unreadable" | "passphrase" | "no-key" | "no-certificate" | "expired") {
    super(reason);
  }
}

function dn(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(", ");
}

/** The signing pair of a PKCS#12, as DER: what a CMS signer needs. */
export interface TP12Parts {
  /** The private key as PKCS#8 DER. */
  privateKeyPkcs8: Buffer;
  /** The signer's certificate (the one whose public key matches the key). */
  certificate: Buffer;
  /** Every certificate in the file, the signer's included (the chain sent with the signature). */
  certificates: Buffer[];
}

const toDer = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");

/**
 * Opens a PKCS#12 with its passphrase and finds the signing pair: a private
 * key and the certificate whose public key matches it (the others are the
 * chain). Throws {@link CertificateError} for anything not usable.
 */
function openP12(p12: Buffer, passphrase: string): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate; certs: forge.pki.Certificate[] } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary")));
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    } catch {
      throw new CertificateError("passphrase");
    }
  } catch (error) {
    if (error instanceof CertificateError) throw error;
    throw new CertificateError("unreadable");
  }
  const oids = forge.pki.oids as Record<string, string>;
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(oids.pkcs8ShroudedKeyBag!), ...bags(oids.keyBag!)];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new CertificateError("no-key");
  const certs = bags(oids.certBag!).flatMap((b) => (b.cert ? [b.cert] : []));
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!cert) throw new CertificateError("no-certificate");
  return { key, cert, certs };
}

/** Opens the PKCS#12 as {@link openP12} does, refuses an expired certificate, and returns what is kept about it. */
export function readP12(p12: Buffer, passphrase: string, now: Date = new Date()): TCertificateInfo {
  const { cert } = openP12(p12, passphrase);
  if (cert.validity.notAfter.getTime() <= now.getTime()) throw new CertificateError("expired");
  return {
    subject: dn(cert.subject.attributes),
    issuer: dn(cert.issuer.attributes),
    serialNumber: cert.serialNumber,
    fingerprint: createHash("sha256").update(toDer(cert)).digest("hex"),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

/** The key and certificates of a PKCS#12 as DER, for signing (see {@link readP12} for the errors). */
export function p12Parts(p12: Buffer, passphrase: string): TP12Parts {
  const { key, cert, certs } = openP12(p12, passphrase);
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  return {
    privateKeyPkcs8: Buffer.from(forge.asn1.toDer(pkcs8).getBytes(), "binary"),
    certificate: toDer(cert),
    certificates: certs.map(toDer),
  };
}

/**
 * A self-signed certificate for demo agencies, as a .p12: its names say
 * DEMO so nobody mistakes it for a real one. A PDF signed with it verifies
 * as intact; its signer is, rightly, not trusted by any reader.
 */
export function makeDemoP12(agencyName: string, passphrase: string, now: Date = new Date()): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + 3 * 365 * 24 * 3600_000);
  const attrs = [
    { name: "commonName", value: `DEMO - ${agencyName}`.slice(0, 64) },
    { name: "organizationName", value: "DEMO Alur Kinerja - BUKAN UNTUK PENGGUNAAN NYATA" },
    { name: "countryName", value: "ID" },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: "aes256" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}
