import { describe, expect, it } from "vitest";

import { ZSignIn } from "@/lib/auth/schemas";
import { parseSignInIdentifier } from "@/lib/auth/identifier";
import { t } from "@/lib/i18n";
import { findControlCharacters, hasControlCharacters } from "@/lib/validation/control-characters";

describe("control characters in text input", () => {
  it("refuses C0 controls and DEL but keeps tab and line breaks", () => {
    for (const code of [0, 1, 7, 8, 11, 12, 14, 27, 31, 127]) expect(hasControlCharacters(`a${String.fromCharCode(code)}b`)).toBe(true);
    for (const ok of ["a\tb", "baris 1\nbaris 2\r\n", "مرحبا", "😀", "\u202E", "é"]) expect(hasControlCharacters(ok)).toBe(false);
  });

  it("finds them at their exact path, in keys too, through shared references and cycles", () => {
    const shared = { name: "Rapat\u0000" };
    const cyclic: Record<string, unknown> = { steps: [{ activity: "ok" }, { activity: "x\u0007" }], a: shared, b: shared };
    cyclic.self = cyclic;
    cyclic["kunci\u0001"] = 1;
    expect(findControlCharacters(cyclic).map((p) => p.join("."))).toEqual(["a.name", "kunci\u0001", "steps.1.activity"]);
    expect(findControlCharacters({ text: "biasa\n", n: 5, list: ["a", null] })).toEqual([]);
    expect(findControlCharacters("\u0000")).toEqual([[]]);
  });
});

describe("the sign-in form's checks", () => {
  const message = (identifier: string, password = "rahasia") => ZSignIn.safeParse({ identifier, password }).error?.issues[0]?.message;

  it("gives a NIP of the wrong length the member form's format hint", () => {
    expect(message("19730213200304101")).toBe(t.errors.nipFormat);
    expect(message("19730213 200304 1 014 5")).toBe(t.errors.nipFormat);
    expect(message("19730213 200304 1 014")).toBeUndefined();
    expect(message("1.97302132003041014")).toBeUndefined();
    expect(message("staf@balangan.demo")).toBeUndefined();
  });

  it("refuses control characters in either field with the Indonesian message", () => {
    expect(message("kadis@sumbar.demo\u0000")).toBe(t.errors.controlCharacters);
    expect(message("kadis@sumbar.demo", "a\u0000")).toBe(t.errors.controlCharacters);
  });

  it("resolves every spelling of one NIP or e-mail to one key", () => {
    const keys = ["1.97302132003041014", "19730213-200304-1-014", " 19730213 200304 1 014 ", "197302132003041014\u0000"].map((s) => parseSignInIdentifier(s));
    expect(new Set(keys.map((k) => `${k.kind}:${k.key}`))).toEqual(new Set(["nip:197302132003041014"]));
    expect(parseSignInIdentifier(" STAF@Balangan.demo ")).toEqual({ kind: "email", email: "staf@balangan.demo", key: "staf@balangan.demo" });
    expect(parseSignInIdentifier("1973021320030410").kind).toBe("nipMalformed");
  });
});
