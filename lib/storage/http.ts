import { AppError } from "@/lib/authz/errors";
import { FOLLOWUP_MESSAGES } from "@/lib/followup/messages";
import { busyResponse, isDatabaseBusy, logBusy } from "@/lib/http/busy";
import { t } from "@/lib/i18n";
import { hasControlCharacters } from "@/lib/validation/control-characters";

import { StorageConfigError } from "./index";
import { STORAGE_MESSAGES as M } from "./messages";
import type { TUploadTarget } from "./service";
import { UploadRejectedError, tooLargeError } from "./validate";

/**
 * The HTTP side of uploads and downloads, kept out of the route files so it
 * can be tested with plain Request objects: a multipart reader that stops at
 * the size limit, Content-Disposition, and errors as Indonesian JSON.
 */

/** Room for the multipart boundaries, part headers and the small text fields. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

export const NO_STORE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

/** A server-built PDF as a download (not cached, its own name). */
export function pdfAttachment(pdf: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      ...NO_STORE_HEADERS,
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": attachmentDisposition(fileName),
    },
  });
}

export interface TUploadForm {
  file: File;
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data upload without ever holding more than the limit:
 * a declared Content-Length over it is refused before reading anything, and a
 * body that turns out longer (chunked, or a lying header) is cut off as soon
 * as it passes the limit.
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<TUploadForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) throw new UploadRejectedError(M.notMultipart, 400);
  const maxBodyBytes = maxFileBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLargeError(maxFileBytes);
  if (!request.body) throw new UploadRejectedError(M.fileMissing, 400);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel().catch(() => {});
      throw tooLargeError(maxFileBytes);
    }
    chunks.push(value);
  }

  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new UploadRejectedError(M.unreadableForm, 400);
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new UploadRejectedError(M.fileMissing, 400);
  if (file.size > maxFileBytes) throw tooLargeError(maxFileBytes);
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  // The text fields get the same screening as every server action's input (the file's name is sanitized on storing).
  if (Object.entries(fields).some(([key, value]) => hasControlCharacters(key) || hasControlCharacters(value))) {
    throw new UploadRejectedError(t.errors.controlCharacters, 400);
  }
  return { file, fields };
}

/**
 * `{ realizationId }`, `{ taskId }`, `{ followUpId }` or `{ unitRowId, quarter }` (a unit PK row's
 * realization of a quarter, decision 044), exactly one, from the form's text fields.
 */
export function uploadTargetOf(fields: Record<string, string>): TUploadTarget {
  const realizationId = fields.realizationId?.trim() ?? "";
  const taskId = fields.taskId?.trim() ?? "";
  const followUpId = fields.followUpId?.trim() ?? "";
  const unitRowId = fields.unitRowId?.trim() ?? "";
  const given = [realizationId, taskId, followUpId, unitRowId].filter(Boolean).length;
  if (given > 1) throw new UploadRejectedError(M.targetBoth, 400);
  const id = realizationId || taskId || followUpId || unitRowId;
  if (!id) throw new UploadRejectedError(M.targetMissing, 400);
  // Ids are cuids: anything else cannot match a row, so it is "not found".
  const notFound = realizationId ? M.realizationNotFound : taskId ? M.taskNotFound : followUpId ? FOLLOWUP_MESSAGES.notFound : M.unitRealizationNotFound;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new AppError(notFound, "NOT_FOUND");
  if (unitRowId) {
    const quarter = Number(fields.quarter?.trim());
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new AppError(M.unitRealizationNotFound, "NOT_FOUND");
    return { unitRowId, quarter };
  }
  return realizationId ? { realizationId } : taskId ? { taskId } : { followUpId };
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>`: the ASCII form
 * for old clients (accents dropped, anything else replaced), the exact name
 * for the rest (RFC 6266 / RFC 8187).
 */
/**
 * Inline, for the viewer link of a PDF (`?lihat=1`): the browser's own PDF viewer opens it
 * in the tab instead of downloading it. Only PDFs: an image or an office file keeps being
 * an attachment (the types are read from the content on upload, never from the name).
 */
export const INLINE_TYPES = new Set(["application/pdf"]);
export function fileDisposition(name: string, mimeType: string, view: boolean): string {
  const attachment = attachmentDisposition(name);
  return view && INLINE_TYPES.has(mimeType) ? attachment.replace(/^attachment/, "inline") : attachment;
}

export function attachmentDisposition(name: string): string {
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]|["\\%;]/g, "_")
      .trim() || "berkas";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const APP_ERROR_STATUS: Record<AppError["code"], number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export function jsonError(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: NO_STORE_HEADERS });
}

/** Any failure as `{ error }` in Indonesian; the unexpected ones are logged, never shown. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UploadRejectedError) return jsonError(error.message, error.status);
  if (error instanceof AppError) return jsonError(error.message, APP_ERROR_STATUS[error.code]);
  if (error instanceof StorageConfigError) {
    console.error("[storage] not configured:", error.message);
    return jsonError(M.storageUnavailable, 503);
  }
  if (isDatabaseBusy(error)) {
    logBusy("route", error);
    return busyResponse();
  }
  console.error("[storage] unexpected error", error);
  return jsonError(t.errors.unexpected, 500);
}

/** A stored file's content as a web stream for a Response body. */
export function toWebStream(body: Buffer | NodeJS.ReadableStream): ReadableStream<Uint8Array> {
  if (Buffer.isBuffer(body)) {
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(body));
        controller.close();
      },
    });
  }
  const iterator = (body as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? new TextEncoder().encode(next.value) : new Uint8Array(next.value));
    },
    async cancel() {
      // Closes the file handle when the client goes away mid-download.
      await iterator.return?.();
    },
  });
}
