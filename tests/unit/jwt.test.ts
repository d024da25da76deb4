import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";

import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/jwt";

const secret = "rahasia-uji-yang-cukup-panjang-untuk-hkdf";

describe("session tokens with the key derived once", () => {
  it("are next-auth's own format: each side reads the other's, sessions survive the change", async () => {
    const ours = await encodeSessionToken({ token: { sub: "user-1" }, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject({ sub: "user-1" });
    const theirs = await encode({ token: { sub: "user-2" }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject({ sub: "user-2" });
    const salted = await encode({ token: { sub: "user-3" }, secret, salt: "garam" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "garam" })).toMatchObject({ sub: "user-3" });
  });

  it("refuses a token made with another secret, and reads no token as no session", async () => {
    const other = await encodeSessionToken({ token: { sub: "user-1" }, secret: "rahasia-lain-yang-juga-cukup-panjang" });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
