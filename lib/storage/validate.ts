import { createHash } from "node:crypto";

import { formatFileSize } from "@/lib/format";

import type { TEnv } from "./index";
import { STORAGE_MESSAGES as M } from "./messages";
import { detectFileKind, type TFileKind } from "./sniff";

/**
 * What an upload must satisfy before anything is written: a size limit, one
 * of five types recognised BY CONTENT with an extension that agrees, and a
 * display name that is safe to show and to offer as a download name. The
 * display name is never used as a storage key (lib/storage/index.ts).
 */
export const FILE_KINDS = {
  pdf: { label: "PDF", mimeType: "application/pdf", extensions: [".pdf"] },
  xlsx: { label: "XLSX (Excel)", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
  docx: { label: "DOCX (Word)", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"] },
  jpeg: { label: "JPEG", mimeType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  png: { label: "PNG", mimeType: "image/png", extensions: [".png"] },
} as const satisfies Record<TFileKind, { label: string; mimeType: string; extensions: readonly string[] }>;

/** For `<input accept>`. */
export const ACCEPTED_EXTENSIONS = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

export const DEFAULT_MAX_UPLOAD_MB = 20;
export const MAX_NAME_LENGTH = 200;

/** `ALUR_MAX_UPLOAD_MB` (default 20) in bytes; an unusable value falls back to the default. */
export function maxUploadBytes(env: TEnv = process.env): number {
  const mb = Number(env.ALUR_MAX_UPLOAD_MB);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024);
}

/** The limit as the hints beside file inputs write it ("20 MB"), so a hint follows the server's real limit. */
export const maxUploadLabel = (env: TEnv = process.env): string => formatFileSize(maxUploadBytes(env));

const toMb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** A refused upload: an Indonesian message and the HTTP status that goes with it. */
export class UploadRejectedError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
    this.name = "UploadRejectedError";
  }
}

export const tooLargeError = (maxBytes: number) => new UploadRejectedError(M.tooLarge(toMb(maxBytes)), 413);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The lower-case extension with its dot (".pdf"), or "". */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

// C0/C1 controls (NUL included), and the bidi and zero-width characters that
// make "laporan\u202Efdp.exe" display as "laporanexe.pdf".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters Windows refuses in file names (the user saves the download).
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * A display name safe to show and to offer as the download name: no folders
 * (`../`, `C:\`), no control or bidi characters, no leading dots, at most
 * {@link MAX_NAME_LENGTH} characters with the extension kept.
 */
export function sanitizeFileName(raw: string): string {
  let name = String(raw ?? "").normalize("NFC").replace(UNSAFE_CHARACTERS, "");
  // Only the last path segment, whichever separator the browser's OS used.
  name = name.split(/[/\\]/).pop() ?? "";
  name = name
    .replace(RESERVED_CHARACTERS, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const ext = extensionOf(name);
  if (!name || name === ext) name = `${M.fallbackName}${ext}`;
  const chars = Array.from(name); // code points: never split a surrogate pair
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const keep = ext.length > 0 && ext.length <= 16 ? Array.from(ext) : [];
  return chars.slice(0, MAX_NAME_LENGTH - keep.length).join("").trimEnd() + keep.join("");
}

export interface TCheckedUpload {
  /** The safe display name (see {@link sanitizeFileName}). */
  name: string;
  kind: TFileKind;
  /** From the detected kind, never from the browser's claim. */
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Checks one upload, in the order a user can act on: empty, too large, a type
 * we do not take, content that is not what the extension says.
 */
export function checkUpload({ bytes, originalName, maxBytes = maxUploadBytes() }: { bytes: Buffer; originalName: string; maxBytes?: number }): TCheckedUpload {
  if (bytes.length === 0) throw new UploadRejectedError(M.empty, 400);
  if (bytes.length > maxBytes) throw tooLargeError(maxBytes);
  const name = sanitizeFileName(originalName);
  const ext = extensionOf(name);
  const expected = (Object.keys(FILE_KINDS) as TFileKind[]).find((k) => (FILE_KINDS[k].extensions as readonly string[]).includes(ext));
  if (!expected) throw new UploadRejectedError(M.typeNotAllowed, 415);
  const detected = detectFileKind(bytes);
  if (detected !== expected) throw new UploadRejectedError(M.contentMismatch(FILE_KINDS[expected].label), 415);
  return { name, kind: detected, mimeType: FILE_KINDS[detected].mimeType, size: bytes.length, sha256: sha256Hex(bytes) };
}
