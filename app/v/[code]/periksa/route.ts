import { normalizeDocumentCode } from "@/lib/signing/code";
import { SIGNING_MESSAGES as M } from "@/lib/signing/messages";
import { VERIFY_MAX_BYTES } from "@/lib/signing/schemas";
import { checkDocumentFile, findPublicDocument } from "@/lib/signing/service";
import { errorResponse, jsonError, NO_STORE_HEADERS, readUploadForm } from "@/lib/storage/http";
import { STORAGE_MESSAGES as STORAGE } from "@/lib/storage/messages";
import { UploadRejectedError } from "@/lib/storage/validate";

export const dynamic = "force-dynamic";

/**
 * POST multipart/form-data { file } (no sign-in): whether the file is the
 * document with this code, byte for byte (SHA-256 on the server; the file is
 * not stored). Answers `{ match, status }` only, or `{ error }` in Indonesian:
 * 404 unknown code, 400 malformed, 413 too large (the body is never read
 * past the limit). Nothing else about the agency or the document.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code: raw } = await params;
    const code = normalizeDocumentCode(raw.slice(0, 40));
    if (!code || !(await findPublicDocument(code))) return jsonError(M.verify.notFound, 404);
    let file: File;
    try {
      ({ file } = await readUploadForm(request, VERIFY_MAX_BYTES));
    } catch (error) {
      if (error instanceof UploadRejectedError) {
        const message = error.status === 413 ? M.verify.tooLarge(VERIFY_MAX_BYTES / 1024 / 1024) : error.message === STORAGE.fileMissing ? M.verify.noFile : M.verify.badRequest;
        return jsonError(message, error.status);
      }
      throw error;
    }
    const result = await checkDocumentFile(code, Buffer.from(await file.arrayBuffer()));
    if (!result) return jsonError(M.verify.notFound, 404);
    return Response.json({ match: result.match, status: result.status }, { status: 200, headers: NO_STORE_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}
