import "server-only";

import type { RouteContext } from "@/lib/authz/route";
import { t } from "@/lib/i18n";
import { errorResponse, jsonError, NO_STORE_HEADERS, readUploadForm } from "@/lib/storage/http";
import { maxUploadBytes, UploadRejectedError } from "@/lib/storage/validate";

import { SIGNING_MESSAGES as M } from "./messages";
import { signTargetOfFields } from "./schemas";
import { uploadWetSignedScan } from "./service";

export interface TScanUploadAnswer {
  code: string;
  fileId: string;
  name: string;
  size: number;
}

/**
 * POST multipart/form-data { file, kind, year | quarter | cycleId | sopId }: the head's wet-signed
 * scan of a document, or the LKjIP's signed final file (docs/decisions/060-scan-uploads.md). Kept
 * out of the route file so it is tested with plain Requests (tests/integration/scan-upload.test.ts).
 * Answers `{ code, fileId, name, size }` (201) or `{ error }` in Indonesian: 403 not the head
 * (or read-only), 404 a target outside the agency, 400 a target in the wrong state or a malformed
 * form, 413 over the upload limit (named), 415 not a PDF/PNG/JPEG by its content. The body is
 * never read past the limit, and a refusal writes nothing (no blob, no row, no audit event).
 */
export async function wetScanUploadResponse(ctx: RouteContext, request: Request): Promise<Response> {
  try {
    // Checked before the body is read: a member who may not sign never makes us read 20 MB.
    if (ctx.readOnly || !ctx.can("document.sign")) return jsonError(t.errors.forbidden, 403);
    const { file, fields } = await readUploadForm(request, maxUploadBytes());
    const target = signTargetOfFields(fields);
    if (!target) throw new UploadRejectedError(M.scanTargetInvalid, 400);
    const doc = await uploadWetSignedScan(
      { agency: ctx.agency, userId: ctx.user.id, actor: ctx.actor, meta: ctx.meta },
      { ...target, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
    );
    const answer: TScanUploadAnswer = { code: doc.code, fileId: doc.fileId, name: doc.name, size: doc.size };
    return Response.json(answer, { status: 201, headers: NO_STORE_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}
