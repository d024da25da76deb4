import { readFileSync } from "node:fs";
import path from "node:path";

import type PDFDocument from "pdfkit";

/**
 * The fonts every PDF the server makes prints in: Inter (Regular, Bold, Italic; SIL Open Font
 * License 1.1, lib/pdf/fonts/OFL.txt), embedded and subset by pdfkit, so a name such as
 * "Ṣāliḥ Nuñez Đặng" prints as typed and copies out as typed (pdfkit writes a ToUnicode map).
 * pdfkit's built-in Helvetica speaks WinAnsi only and lost such characters
 * (docs/decisions/030-pdf-unicode-font.md).
 *
 * The files are read from lib/pdf/fonts under the working directory (the server and the tests
 * run from the project root, as lib/storage does for public/), once per process.
 */

type TDoc = InstanceType<typeof PDFDocument>;
export type TPdfFont = "regular" | "bold" | "italic";

export const PDF_FONTS: Record<TPdfFont, string> = { regular: "Inter-Regular", bold: "Inter-Bold", italic: "Inter-Italic" };
const FILES: Record<TPdfFont, string> = { regular: "Inter-Regular.ttf", bold: "Inter-Bold.ttf", italic: "Inter-Italic.ttf" };

export const PDF_FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");

let loaded: Record<TPdfFont, Buffer> | null = null;
function fontFiles(): Record<TPdfFont, Buffer> {
  loaded ??= {
    regular: readFileSync(path.join(PDF_FONT_DIR, FILES.regular)),
    bold: readFileSync(path.join(PDF_FONT_DIR, FILES.bold)),
    italic: readFileSync(path.join(PDF_FONT_DIR, FILES.italic)),
  };
  return loaded;
}

/** The few characters a name or a note may carry that are not letters to print. */
const LOOK_ALIKES: Record<string, string> = { "\u00a0": " ", "\t": " ", "\u2011": "-" };

/**
 * Registers the fonts on `doc` (under the names in PDF_FONTS) and returns the function that
 * makes a text printable with them: normalised to NFC (so "a" + combining macron prints as
 * the one glyph "ā"), control and zero-width characters dropped, and a character the font has
 * no glyph for (a script Inter does not cover) printed as its base letter when it has one,
 * else "?", never as an empty box.
 */
export function embedUnicodeFonts(doc: TDoc): (text: string) => string {
  const files = fontFiles();
  for (const font of Object.keys(files) as TPdfFont[]) doc.registerFont(PDF_FONTS[font], files[font]);
  doc.font(PDF_FONTS.regular);
  // pdfkit's embedded font keeps its fontkit font; the regular face's coverage stands for all three.
  const face = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font.font;
  const has = (text: string) => [...text].every((ch) => face.hasGlyphForCodePoint(ch.codePointAt(0)!));
  return (text: string) => {
    let out = "";
    for (const ch of text.normalize("NFC")) {
      const code = ch.codePointAt(0)!;
      if (ch === "\n") out += ch;
      else if (LOOK_ALIKES[ch] !== undefined) out += LOOK_ALIKES[ch];
      else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x200b && code <= 0x200f) || code === 0xfeff) continue;
      else if (has(ch)) out += ch;
      else {
        const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
        out += base && has(base) ? base : "?";
      }
    }
    return out;
  };
}
