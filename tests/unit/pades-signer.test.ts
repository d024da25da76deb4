/**
 * The PAdES baseline B-B profile (ETSI EN 319 142-1): a detached CMS whose
 * signed attributes are content-type, message-digest and the ESS
 * signing-certificate-v2 (the SHA-256 of the signer's certificate, so the
 * certificate cannot be swapped), and NO signing-time attribute (the claimed
 * time is the signature dictionary's /M). An independent reader (poppler's
 * pdfsig) verifies it, and PKI.js verifies the CMS over the signed bytes.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import * as asn1js from "asn1js";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";

import { makeDemoP12 } from "@/lib/signing/certificate";
import { P12PadesSigner } from "@/lib/signing/signer";

import { OID, readPdfSignature } from "../support/cms";

const run = promisify(execFile);

async function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", resolve));
  doc.text("Laporan uji tanda tangan");
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe("PAdES B-B signature", () => {
  it("carries content-type, message-digest and signing-certificate-v2, no signing-time, and verifies", async () => {
    const p12 = makeDemoP12("Dinas Uji", "rahasia-uji");
    const signingTime = new Date("2026-12-04T03:00:00Z");
    const signed = await new P12PadesSigner(p12, "rahasia-uji").sign(await samplePdf(), {
      reason: "Uji",
      name: "Kepala Dinas Uji",
      location: "Padang",
      signingTime,
    });

    const sig = readPdfSignature(signed);
    expect(sig.signedAttributeTypes).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
    expect(sig.signedAttributeTypes).not.toContain(OID.signingTime);

    // ESS signing-certificate-v2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { [hashAlgorithm sha256 by default] certHash, issuerSerial } }
    const signerCert = sig.signedData.certificates!.find((c) => "serialNumber" in c)!;
    const certDer = Buffer.from((signerCert as { toSchema(): asn1js.Sequence }).toSchema().toBER(false));
    const ess = sig.attribute(OID.signingCertificateV2)!.values[0] as asn1js.Sequence;
    const essCertId = (ess.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const certHash = essCertId.valueBlock.value[0] as asn1js.OctetString;
    expect(Buffer.from(certHash.valueBlock.valueHexView).toString("hex")).toBe(createHash("sha256").update(certDer).digest("hex"));
    // The serial in issuerSerial is the signer certificate's.
    const issuerSerial = essCertId.valueBlock.value[1] as asn1js.Sequence;
    const serial = issuerSerial.valueBlock.value[1] as asn1js.Integer;
    expect(Buffer.from(serial.valueBlock.valueHexView).toString("hex")).toBe(
      Buffer.from((signerCert as unknown as { serialNumber: asn1js.Integer }).serialNumber.valueBlock.valueHexView).toString("hex"),
    );

    const verified = await sig.signedData.verify({ signer: 0, data: new Uint8Array(sig.signedBytes).buffer, checkChain: false });
    expect(verified).toBe(true);

    // The claimed signing time is the dictionary's /M.
    expect(signed.toString("latin1")).toMatch(/\/M \(D:20261204030000Z\)/);

    const dir = await mkdtemp(path.join(os.tmpdir(), "pades-"));
    try {
      const file = path.join(dir, "signed.pdf");
      await writeFile(file, signed);
      const { stdout } = await run("/usr/bin/pdfsig", [file]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }));
      expect(stdout).toContain("Signature Type: ETSI.CAdES.detached");
      expect(stdout).toContain("Signature Validation: Signature is Valid.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
