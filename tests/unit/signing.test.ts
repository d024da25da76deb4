import { describe, expect, it } from "vitest";

import { CertificateError, makeDemoP12, readP12 } from "@/lib/signing/certificate";
import { formatDocumentCode, newDocumentCode, normalizeDocumentCode } from "@/lib/signing/code";
import { open, seal } from "@/lib/signing/secret-box";

describe("document codes", () => {
  it("are 10 characters a person can read off paper, printed in two halves", () => {
    const code = newDocumentCode();
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(formatDocumentCode(code)).toMatch(/^.{5}-.{5}$/);
  });

  it("read back what was typed: lower case, the dash, spaces, O for 0 and I/L for 1", () => {
    expect(normalizeDocumentCode("ab1cd-ef2gh")).toBe("AB1CDEF2GH");
    expect(normalizeDocumentCode(" OOIL1 23456 ")).toBe("0011123456");
    expect(normalizeDocumentCode("ABCDEFGHJ")).toBeNull();
    expect(normalizeDocumentCode("ABCDEFGHJKU")).toBeNull();
    expect(normalizeDocumentCode("[code]")).toBeNull();
    expect(normalizeDocumentCode("ABCDE/FGHJ")).toBeNull();
  });
});

describe("the certificate's sealed box", () => {
  const env = { SIGNING_KEY_SECRET: "rahasia-uji" } as unknown as NodeJS.ProcessEnv;

  it("opens what it sealed, and nothing of the plaintext shows", () => {
    const plain = Buffer.from("kata sandi sertifikat");
    const box = seal(plain, env);
    expect(box.includes(plain)).toBe(false);
    expect(open(box, env).equals(plain)).toBe(true);
    expect(seal(plain, env).equals(box)).toBe(false); // a fresh iv each time
  });

  it("refuses a changed box or another key", () => {
    const box = seal(Buffer.from("isi"), env);
    const changed = Buffer.from(box);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    expect(() => open(changed, env)).toThrow();
    expect(() => open(box, { SIGNING_KEY_SECRET: "kunci-lain" } as unknown as NodeJS.ProcessEnv)).toThrow();
  });
});

describe("PKCS#12", () => {
  const p12 = makeDemoP12("Dinas Uji", "benar");

  it("reads the demo certificate: DEMO in its names, valid for three years", () => {
    const info = readP12(p12, "benar");
    expect(info.subject).toContain("CN=DEMO - Dinas Uji");
    expect(info.subject).toContain("BUKAN UNTUK PENGGUNAAN NYATA");
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.notAfter.getTime() - info.notBefore.getTime()).toBeGreaterThan(2 * 365 * 86_400_000);
  });

  it("names what is wrong: passphrase, not a .p12, expired", () => {
    const reason = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof CertificateError ? error.reason : "other";
      }
      return "none";
    };
    expect(reason(() => readP12(p12, "salah"))).toBe("passphrase");
    expect(reason(() => readP12(Buffer.from("bukan sertifikat"), "benar"))).toBe("unreadable");
    expect(reason(() => readP12(p12, "benar", new Date(Date.now() + 10 * 365 * 86_400_000)))).toBe("expired");
  });
});
