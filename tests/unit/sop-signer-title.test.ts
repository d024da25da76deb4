import { describe, expect, it } from "vitest";

import { printedSignerTitle, signerTitle } from "@/lib/sop/signer-title";

describe("the signer's full title", () => {
  it.each([
    ["Kepala Dinas", "Dinas Perikanan Kabupaten Tanah Laut", "Kepala Dinas Perikanan Kabupaten Tanah Laut"],
    ["Kepala Badan", "Badan Kepegawaian dan Pengembangan SDM Kota Bitung", "Kepala Badan Kepegawaian dan Pengembangan SDM Kota Bitung"],
    ["Kepala", "Dinas Perikanan Kabupaten Tanah Laut", "Kepala Dinas Perikanan Kabupaten Tanah Laut"],
    ["Sekretaris DPRD", "Sekretariat DPRD Kabupaten Balangan", "Sekretaris DPRD Kabupaten Balangan"],
    [null, "Dinas Kominfo Kabupaten Lumajang", "Kepala Dinas Kominfo Kabupaten Lumajang"],
  ])("%s of %s", (role, agency, title) => {
    expect(signerTitle(role, agency)).toBe(title);
  });

  it("prints the stored title unless it is bare", () => {
    expect(printedSignerTitle("Kepala", "Kepala Dinas", "Dinas Perikanan Kabupaten Tanah Laut")).toBe("Kepala Dinas Perikanan Kabupaten Tanah Laut");
    expect(printedSignerTitle("Kepala Dinas", "Kepala Dinas", "Dinas Perikanan Kabupaten Tanah Laut")).toBe("Kepala Dinas Perikanan Kabupaten Tanah Laut");
    expect(printedSignerTitle("Plt. Kepala Dinas Perikanan", "Kepala Dinas", "Dinas Perikanan")).toBe("Plt. Kepala Dinas Perikanan");
  });
});
