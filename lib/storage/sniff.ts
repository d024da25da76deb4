import { inflateRawSync } from "node:zlib";

/**
 * What a file IS, read from its bytes, for the five types an agency may
 * upload. No package: four signatures and, for the Office formats, the main
 * content type in the zip's `[Content_Types].xml` (which is also what tells a
 * .docx from an .xlsx, and both from their macro-enabled .docm/.xlsm twins).
 */
export type TFileKind = "pdf" | "png" | "jpeg" | "xlsx" | "docx";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const OFFICE_MAIN_TYPES: Record<string, TFileKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
};

export function detectFileKind(bytes: Buffer): TFileKind | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  // Signature, then the IHDR chunk every PNG starts with.
  if (bytes.length >= 16 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.subarray(12, 16).toString("latin1") === "IHDR") return "png";
  // SOI, then the start of a marker segment.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return detectOfficeKind(bytes);
  return null;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The Office Open XML flavour of a zip, or null for any other zip (or a broken one). */
function detectOfficeKind(bytes: Buffer): TFileKind | null {
  try {
    const entries = readCentralDirectory(bytes);
    if (!entries) return null;
    // Macro projects are refused whatever the declared content type says.
    if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return null;
    const contentTypes = entries.find((e) => e.name === "[Content_Types].xml");
    if (!contentTypes) return null;
    const xml = readEntry(bytes, contentTypes, 1 << 20)?.toString("utf8");
    if (!xml) return null;
    const kinds = new Set<TFileKind>();
    for (const match of xml.matchAll(/ContentType\s*=\s*"([^"]+)"/g)) {
      const kind = OFFICE_MAIN_TYPES[match[1]!.trim().toLowerCase()];
      if (kind) kinds.add(kind);
    }
    // Exactly one main document part; its part must be in the archive.
    if (kinds.size !== 1) return null;
    const [kind] = kinds;
    const prefix = kind === "docx" ? "word/" : "xl/";
    return entries.some((e) => e.name.startsWith(prefix)) ? kind! : null;
  } catch {
    return null;
  }
}

/** The entries listed in the zip's central directory, or null when it cannot be found. */
function readCentralDirectory(bytes: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  // Zip64 (> 4 GB or > 65535 entries) is far beyond the upload limit.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > eocd || count > 10_000) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength > eocd) return null;
    entries.push({
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
      name: bytes.subarray(p + 46, p + 46 + nameLength).toString("utf8"),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's content (stored or deflated), refusing anything larger than `maxBytes`. */
function readEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || bytes.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length || entry.uncompressedSize > maxBytes) return null;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  // maxOutputLength: a zip bomb stops here instead of filling memory.
  if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  return null;
}
