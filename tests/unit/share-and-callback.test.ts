import { describe, expect, it } from "vitest";

import { safeCallbackPath, signInUrl } from "@/lib/auth/callback";
import { shareText, whatsappLink } from "@/lib/share/whatsapp";

describe("the sign-in callback keeps the exact page and never leaves the site", () => {
  it("keeps a path with its query", () => {
    expect(safeCallbackPath("/a/dinas/cycles/ck123")).toBe("/a/dinas/cycles/ck123");
    expect(safeCallbackPath("/a/dinas/kinerja/realisasi?tahun=2026&tw=2")).toBe("/a/dinas/kinerja/realisasi?tahun=2026&tw=2");
    expect(signInUrl("/a/dinas/kinerja/rekap?tahun=2026&tw=2")).toBe("/masuk?callbackUrl=%2Fa%2Fdinas%2Fkinerja%2Frekap%3Ftahun%3D2026%26tw%3D2");
    // What the sign-in page reads back from that query is the same path.
    const back = new URL(signInUrl("/a/dinas/cycles/ck1?tab=riwayat"), "http://x").searchParams.get("callbackUrl");
    expect(safeCallbackPath(back)).toBe("/a/dinas/cycles/ck1?tab=riwayat");
  });

  it.each([
    "https://jahat.example/a",
    "//jahat.example/a",
    "/\\jahat.example/a",
    "/a\\..\\..\\jahat",
    "javascript:alert(1)",
    "http:/jahat.example",
    "/a/\u0000x",
    "/masuk?callbackUrl=/a",
    "",
    undefined,
    null,
  ])("refuses %j: back to the start page", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("a refused or empty path signs in without a callback", () => {
    expect(signInUrl("https://jahat.example")).toBe("/masuk");
    expect(signInUrl("/")).toBe("/masuk");
    expect(signInUrl(null)).toBe("/masuk");
  });
});

describe("sharing to WhatsApp", () => {
  const message = { what: "Tugas: Langkah 7 · Memeriksa laporan (Kepala Dinas)", context: "Siklus Triwulan II 2026 · SOP 800/01", path: "/a/dinas/cycles/ck1" };

  it("says what, which cycle or period, and the absolute link on its own line", () => {
    expect(shareText(message, "https://alur.example.go.id/")).toBe(
      "Tugas: Langkah 7 · Memeriksa laporan (Kepala Dinas)\nSiklus Triwulan II 2026 · SOP 800/01\nBuka: https://alur.example.go.id/a/dinas/cycles/ck1",
    );
  });

  it("is a wa.me deep link whose text decodes to exactly that message", () => {
    const link = whatsappLink({ ...message, path: "/a/dinas/kinerja/realisasi?tahun=2026&tw=2" }, "https://alur.example.go.id");
    expect(link.startsWith("https://wa.me/?text=")).toBe(true);
    const text = new URL(link).searchParams.get("text");
    expect(text).toBe(shareText({ ...message, path: "/a/dinas/kinerja/realisasi?tahun=2026&tw=2" }, "https://alur.example.go.id"));
    expect(text).toContain("https://alur.example.go.id/a/dinas/kinerja/realisasi?tahun=2026&tw=2");
  });
});
