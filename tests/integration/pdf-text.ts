import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The text of a PDF as a reader copies it out: poppler's pdftotext (poppler-utils, installed by
 * .ci/run), in reading order with -layout off. Independent of how the PDF encodes its text
 * (embedded subset fonts print glyph ids; pdftotext reads them back through the ToUnicode map).
 */
export async function pdfToText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "alur-pdftext-"));
  try {
    const file = path.join(dir, "doc.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The names of the fonts a PDF uses and whether each is embedded (poppler's pdffonts). */
export async function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "alur-pdffonts-"));
  try {
    const file = path.join(dir, "doc.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("/usr/bin/pdffonts", [file]);
    // name type encoding emb sub uni object ID: the name is the first column, "emb" the 4th from the right.
    return stdout
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes" };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
