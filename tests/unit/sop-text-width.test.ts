import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { breakAfterSlash, longestPieceWidth, textWidth, unbreakablePieces } from "@/lib/sop/text-width";

const require = createRequire(import.meta.url);

describe("text width of the printed SOP's font", () => {
  it("matches the advance widths of the Inter font the document prints in", () => {
    type TFont = { unitsPerEm: number; glyphForCodePoint: (c: number) => { advanceWidth: number }; layout: (s: string) => { advanceWidth: number } };
    const fontkit = require("fontkit") as { openSync: (path: string) => TFont };
    const font = fontkit.openSync("public/fonts/inter-latin-wght-normal.woff2");
    for (let code = 32; code <= 126; code++) {
      expect(textWidth(String.fromCharCode(code), font.unitsPerEm) / 1.02, `U+${code.toString(16)}`).toBeCloseTo(font.glyphForCodePoint(code).advanceWidth, 6);
    }
    // A set line (kerning, contextual forms) is never wider than the measure, and not much narrower.
    for (const sample of ["Kabag/Kasubag", "Tidak: kembali ke langkah 3", "Kepala Dinas", "Ya: lanjut ke langkah 6"]) {
      const set = font.layout(sample).advanceWidth;
      expect(textWidth(sample, font.unitsPerEm)).toBeGreaterThanOrEqual(set);
      expect(textWidth(sample, font.unitsPerEm)).toBeLessThan(set * 1.04);
    }
  });

  it("breaks only between words and after a slash", () => {
    expect(unbreakablePieces("Kabag/Kasubag Umum")).toEqual(["Kabag/", "Kasubag", "Umum"]);
    expect(breakAfterSlash("Kabag/Kasubag")).toBe("Kabag/\u200BKasubag");
    expect(breakAfterSlash("a / b")).toBe("a / b");
  });

  it("the narrowest column that breaks no word is the longest word's width", () => {
    const w = longestPieceWidth(["Tidak: kembali ke langkah 3"], 9);
    expect(w).toBeCloseTo(textWidth("langkah", 9), 9);
    expect(textWidth("Kepegawaian", 9, { bold: true })).toBeGreaterThan(textWidth("Kepegawaian", 9));
  });
});
