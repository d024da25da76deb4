/**
 * Upload checks as a user meets them: the five accepted types recognised by
 * their bytes (tiny but valid samples built here), a renamed executable or a
 * macro workbook refused with the type it pretends to be, empty and oversized
 * files refused, and hostile names turned into safe display names.
 */
import { crc32, deflateRawSync } from "node:zlib";

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { detectFileKind } from "@/lib/storage/sniff";
import { SIGNING_MESSAGES } from "@/lib/signing/messages";
import { checkUpload, maxUploadBytes, maxUploadLabel, sanitizeFileName, sha256Hex, UploadRejectedError } from "@/lib/storage/validate";

// --- samples -------------------------------------------------------------------

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
/** A real 1x1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
/** SOI, a JFIF APP0 segment, EOI. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
/** A Windows executable: "MZ" header. */
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120)]);

/** A zip archive (deflated entries, central directory, end record), as Office writes them. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content, "utf8");
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const contentTypes = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="${part}" ContentType="${main}"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The smallest .docx Word opens: content types, package relationships, one paragraph. */
const DOCX = zip({
  "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml"),
  "_rels/.rels": RELS,
  "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Notulen rapat</w:t></w:r></w:p></w:body></w:document>`,
});

/** A macro-enabled workbook (.xlsm) with its VBA project. */
const XLSM = zip({
  "[Content_Types].xml": contentTypes("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "/xl/workbook.xml"),
  "xl/workbook.xml": "<workbook/>",
  "xl/vbaProject.bin": "not really vba",
});

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Realisasi").addRow(["IKU 1", 87.5]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MB = 1024 * 1024;

function rejection(fn: () => unknown): UploadRejectedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UploadRejectedError) return error;
    throw error;
  }
  throw new Error("expected the upload to be refused");
}

// --- detection -----------------------------------------------------------------

describe("detectFileKind", () => {
  it("recognises each accepted type by its bytes", async () => {
    expect(detectFileKind(PDF)).toBe("pdf");
    expect(detectFileKind(PNG)).toBe("png");
    expect(detectFileKind(JPEG)).toBe("jpeg");
    expect(detectFileKind(DOCX)).toBe("docx");
    expect(detectFileKind(await xlsx())).toBe("xlsx");
  });

  it("knows nothing else: executables, text, HTML, plain zips, macro workbooks, broken zips", () => {
    expect(detectFileKind(EXE)).toBeNull();
    expect(detectFileKind(Buffer.from("Laporan kinerja triwulan I"))).toBeNull();
    expect(detectFileKind(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(detectFileKind(zip({ "laporan.txt": "isi" }))).toBeNull();
    expect(detectFileKind(XLSM)).toBeNull();
    expect(detectFileKind(DOCX.subarray(0, DOCX.length - 30))).toBeNull();
    expect(detectFileKind(Buffer.from("PK\x03\x04", "latin1"))).toBeNull();
    expect(detectFileKind(Buffer.alloc(0))).toBeNull();
  });
});

// --- checkUpload ---------------------------------------------------------------

describe("checkUpload", () => {
  it("accepts each type with its extension and reports the sniffed mime type, size and sha256", async () => {
    const book = await xlsx();
    const cases: [Buffer, string, string][] = [
      [PDF, "Laporan Kinerja TW I.pdf", "application/pdf"],
      [PNG, "foto-kegiatan.PNG", "image/png"],
      [JPEG, "dokumentasi.jpg", "image/jpeg"],
      [JPEG, "dokumentasi.jpeg", "image/jpeg"],
      [DOCX, "notulen.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [book, "realisasi.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ];
    for (const [bytes, name, mimeType] of cases) {
      const checked = checkUpload({ bytes, originalName: name });
      expect(checked).toMatchObject({ name, mimeType, size: bytes.length });
      expect(checked.sha256).toBe(sha256Hex(bytes));
      expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("refuses an .exe renamed .pdf: Isi berkas bukan PDF", () => {
    const error = rejection(() => checkUpload({ bytes: EXE, originalName: "laporan.pdf" }));
    expect(error.status).toBe(415);
    expect(error.message).toContain("Isi berkas bukan PDF");
  });

  it("refuses content that is another accepted type than the extension says", async () => {
    expect(rejection(() => checkUpload({ bytes: PNG, originalName: "scan.jpg" })).message).toContain("Isi berkas bukan JPEG");
    expect(rejection(() => checkUpload({ bytes: DOCX, originalName: "realisasi.xlsx" })).message).toContain("Isi berkas bukan XLSX");
    const book = await xlsx();
    expect(rejection(() => checkUpload({ bytes: book, originalName: "notulen.docx" })).message).toContain("Isi berkas bukan DOCX");
    expect(rejection(() => checkUpload({ bytes: XLSM, originalName: "makro.xlsx" })).status).toBe(415);
  });

  it("refuses extensions outside the five types, even when the content is a PDF", () => {
    for (const name of ["virus.exe", "laporan.pdf.exe", "data.csv", "halaman.html", "tanpa-ekstensi", "gambar.svg"]) {
      const error = rejection(() => checkUpload({ bytes: PDF, originalName: name }));
      expect(error.status).toBe(415);
      expect(error.message).toMatch(/Jenis berkas tidak diizinkan/);
    }
  });

  it("refuses an empty file", () => {
    const error = rejection(() => checkUpload({ bytes: Buffer.alloc(0), originalName: "kosong.pdf" }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/kosong/);
  });

  it("refuses 21 MB under the default 20 MB limit, and accepts exactly 20 MB", () => {
    const big = Buffer.alloc(21 * MB, 0x20);
    PDF.copy(big);
    const error = rejection(() => checkUpload({ bytes: big, originalName: "besar.pdf", maxBytes: maxUploadBytes({}) }));
    expect(error.status).toBe(413);
    expect(error.message).toContain("20 MB");
    expect(checkUpload({ bytes: big.subarray(0, 20 * MB), originalName: "pas.pdf", maxBytes: maxUploadBytes({}) }).size).toBe(20 * MB);
  });

  it("reads ALUR_MAX_UPLOAD_MB, falling back to 20 for unusable values", () => {
    expect(maxUploadBytes({})).toBe(20 * MB);
    expect(maxUploadBytes({ ALUR_MAX_UPLOAD_MB: "5" })).toBe(5 * MB);
    expect(maxUploadBytes({ ALUR_MAX_UPLOAD_MB: "0.5" })).toBe(MB / 2);
    for (const bad of ["", "0", "-3", "banyak"]) expect(maxUploadBytes({ ALUR_MAX_UPLOAD_MB: bad })).toBe(20 * MB);
    const error = rejection(() => checkUpload({ bytes: Buffer.concat([PDF, Buffer.alloc(MB)]), originalName: "a.pdf", maxBytes: maxUploadBytes({ ALUR_MAX_UPLOAD_MB: "1" }) }));
    expect(error.status).toBe(413);
    expect(error.message).toContain("1 MB");
  });

  it("writes the limit the hints beside file inputs show from the same setting", () => {
    expect(maxUploadLabel({})).toBe("20 MB");
    expect(maxUploadLabel({ ALUR_MAX_UPLOAD_MB: "5" })).toBe("5 MB");
    expect(maxUploadLabel({ ALUR_MAX_UPLOAD_MB: "0.5" })).toBe("512 KB");
    expect(SIGNING_MESSAGES.ui.sopScanHint(maxUploadLabel({ ALUR_MAX_UPLOAD_MB: "8" }))).toContain("paling besar 8 MB.");
  });
});

// --- names ---------------------------------------------------------------------

describe("sanitizeFileName", () => {
  it("keeps only the last path segment, whatever the separator", () => {
    expect(sanitizeFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("..\\..\\Windows\\System32\\laporan.pdf")).toBe("laporan.pdf");
    expect(sanitizeFileName("C:\\Users\\budi\\Desktop\\Realisasi TW I.xlsx")).toBe("Realisasi TW I.xlsx");
    expect(sanitizeFileName("/var/www/../../..")).toBe("berkas");
    expect(sanitizeFileName("..")).toBe("berkas");
    expect(sanitizeFileName("")).toBe("berkas");
  });

  it("removes NUL, control and bidi characters, and leading dots", () => {
    expect(sanitizeFileName("lapo\u0000ran.pdf")).toBe("laporan.pdf");
    expect(sanitizeFileName("laporan.pdf\u0000.exe")).toBe("laporan.pdf.exe");
    expect(sanitizeFileName("baris\r\nbaru\t.pdf")).toBe("barisbaru.pdf");
    expect(sanitizeFileName("laporan\u202Efdp.exe")).toBe("laporanfdp.exe");
    expect(sanitizeFileName(".htaccess")).toBe("htaccess");
    expect(sanitizeFileName('a<b>c:"d"|e?f*.pdf')).toBe("a_b_c__d__e_f_.pdf");
  });

  it("keeps Indonesian and other Unicode names as they are", () => {
    expect(sanitizeFileName("Laporan Kinerja — Bidang Jalan (TW I) 2025.pdf")).toBe("Laporan Kinerja — Bidang Jalan (TW I) 2025.pdf");
    expect(sanitizeFileName("Évaluasi  ringkas.docx")).toBe("Évaluasi ringkas.docx");
  });

  it("trims a 300-character name to 200, keeping the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(300)}.xlsx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".xlsx")).toBe(true);
    const emoji = sanitizeFileName(`${"📄".repeat(250)}.pdf`);
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji.endsWith("📄.pdf")).toBe(true);
  });

  it("is what checkUpload stores: a hostile name becomes a plain one and is still checked", () => {
    expect(checkUpload({ bytes: PDF, originalName: "../../../../tmp/x\u0000.pdf" }).name).toBe("x.pdf");
    expect(rejection(() => checkUpload({ bytes: EXE, originalName: "../../evil.pdf" })).message).toContain("Isi berkas bukan PDF");
  });
});
