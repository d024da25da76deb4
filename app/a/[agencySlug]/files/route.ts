import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { t } from "@/lib/i18n";
import { memberUnitIds } from "@/lib/performance/queries";
import { errorResponse, jsonError, NO_STORE_HEADERS, readUploadForm, uploadTargetOf } from "@/lib/storage/http";
import { STORAGE_MESSAGES as M } from "@/lib/storage/messages";
import { storeUpload } from "@/lib/storage/service";
import { maxUploadBytes } from "@/lib/storage/validate";

export const dynamic = "force-dynamic";

/**
 * POST multipart/form-data { file, realizationId | taskId | followUpId | unitRowId + quarter }: attaches evidence
 * (data dukung) to a realization (or a unit PK row's realization of a quarter, decision 044), an output to a cycle task, or evidence to an open follow-up. Answers
 * `{ id, name, size, sha256 }` (201) or `{ error }` in Indonesian: 401
 * anonymous, 404 non-member or unknown target, 403 read-only auditor or not
 * the indicator's unit / the task's role, 409 target no longer open, 400 malformed, 413 too large,
 * 415 type refused. The body is never read past the size limit.
 */
async function handlePost(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  try {
    const { agencySlug } = await params;
    const door = await agencyRoute(request, agencySlug, "agency.view");
    if (door.response) return door.response;
    const { ctx } = door;
    if (ctx.readOnly) return jsonError(M.readOnly, 403);

    const { file, fields } = await readUploadForm(request, maxUploadBytes());
    const target = uploadTargetOf(fields);
    const forRealization = "realizationId" in target || "unitRowId" in target;
    const forFollowUp = "followUpId" in target;
    const forUnitRow = "unitRowId" in target;
    // The services narrow these further: the indicator's unit, the task's role, the follow-up's unit.
    if (!ctx.can(forRealization ? "realization.fill" : "cycle.act")) return jsonError(t.errors.forbidden, 403);
    const stored = await storeUpload({
      agencyId: ctx.agency.id,
      uploadedBy: ctx.actor,
      roleIds: ctx.roles.map((r) => r.id),
      unitIds: forRealization ? await memberUnitIds(ctx.agency.id, ctx.user.id) : [],
      manages: (forFollowUp || forUnitRow) && ctx.can("performance.manage"),
      meta: ctx.meta,
      bytes: Buffer.from(await file.arrayBuffer()),
      originalName: file.name,
      declaredType: file.type || null,
      target,
    });
    return Response.json(
      { id: stored.id, name: stored.name, size: stored.size, sha256: stored.sha256 },
      { status: 201, headers: NO_STORE_HEADERS },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = guardRoute(handlePost);
