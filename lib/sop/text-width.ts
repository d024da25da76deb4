/**
 * Width of text as the printed SOP sets it, from the advance widths of the font the
 * document prints in (Inter, public/fonts/inter-latin-wght-normal.woff2, default
 * instance, 2048 units per em; tests/unit/sop-text-width.test.ts checks this table
 * against the font file). Used to size the procedure table's columns so that a word
 * never has to break inside itself ("Tida k", "Kasub ag"): a column is at least as
 * wide as its longest word. Pure and dependency-free, so the document and the cycle
 * flowchart can use it on the server and in the browser alike.
 */

const UNITS_PER_EM = 2048;
/** Advance widths of U+0020..U+007E. */
const ASCII_ADVANCE = [
  576, 589, 954, 1297, 1314, 2011, 1319, 614, 747, 747, 1026, 1355, 590, 942, 590, 738, 1292, 833, 1249, 1265, 1323, 1215, 1270, 1159,
  1267, 1270, 590, 618, 1355, 1355, 1355, 1047, 1978, 1413, 1340, 1496, 1478, 1231, 1209, 1528, 1522, 550, 1169, 1376, 1158, 1850,
  1543, 1566, 1308, 1566, 1318, 1314, 1322, 1524, 1413, 2018, 1397, 1390, 1288, 747, 738, 747, 965, 934, 661, 1150, 1254, 1170, 1254,
  1194, 758, 1256, 1211, 496, 496, 1124, 496, 1794, 1210, 1228, 1254, 1254, 771, 1081, 670, 1211, 1151, 1676, 1118, 1151, 1131, 873,
  681, 873, 1355,
] as const;
/** Anything outside ASCII (é, “, –): as wide as a capital M, which no common glyph exceeds much. */
const OTHER_ADVANCE = 1850;
/**
 * A set line differs slightly from the sum of its glyphs (kerning narrows it, contextual
 * forms such as the slash between capitals widen it, by well under 1 %): err wide.
 */
const SETTING_MARGIN = 1.02;
/** Bold is wider than the default instance; a margin on the safe side. */
const BOLD_FACTOR = 1.08;

/** Width of `text` on one line, in the unit of `fontSize` (pt in, pt out; px in, px out). */
export function textWidth(text: string, fontSize: number, opts: { bold?: boolean } = {}): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII_ADVANCE[code - 32]! : OTHER_ADVANCE;
  }
  return (units / UNITS_PER_EM) * fontSize * SETTING_MARGIN * (opts.bold ? BOLD_FACTOR : 1);
}

/**
 * The pieces a line may break between: words, and the parts of a word joined by "/"
 * ("Kabag/Kasubag" may break after the slash, which stays with the first part).
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => word.split(/(?<=\/)/));
}

/** Width of the widest unbreakable piece of any of the texts: the narrowest column that breaks no word. */
export function longestPieceWidth(texts: readonly string[], fontSize: number, opts: { bold?: boolean } = {}): number {
  let widest = 0;
  for (const text of texts) for (const piece of unbreakablePieces(text)) widest = Math.max(widest, textWidth(piece, fontSize, opts));
  return widest;
}

/** A zero-width space after each "/" so a browser may break "Kabag/Kasubag" there, and only there. */
export function breakAfterSlash(text: string): string {
  return text.replace(/\/(?=\S)/g, "/\u200B");
}
