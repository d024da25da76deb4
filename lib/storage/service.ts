import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, forbiddenError, notFoundError } from "@/lib/authz/errors";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { PERFORMANCE_MESSAGES } from "@/lib/performance/schemas";
import { isPeriodFrozen, lockPeriodsFrozen } from "@/lib/performance/service";
import { planRealization } from "@/lib/performance/workflow";
import { assertFollowUpAttachable } from "@/lib/followup/service";
import { assertUnitRealizationAttachable } from "@/lib/cascade/unit-realization";

import { getStorage, newStorageKey, StorageNotFoundError } from "./index";
import { STORAGE_MESSAGES as M } from "./messages";
import { checkUpload } from "./validate";

/** A unit PK row's realization of one quarter takes evidence too (decision 044). */
export type TUploadTarget = { realizationId: string } | { taskId: string } | { followUpId: string } | { unitRowId: string; quarter: number };

export interface StoreUploadInput {
  agencyId: string;
  uploadedBy: AuditActor;
  /**
   * The uploader's active role ids in the agency. For a task they must hold
   * the task's assigned role, as for completing it (lib/cycle/service.ts).
   */
  roleIds: readonly string[];
  /**
   * The uploader's organisational units. For a realization the indicator's
   * unit must be among them, as for filling it (lib/performance/service.ts).
   */
  unitIds: readonly string[];
  /**
   * For a follow-up: whether the uploader manages the agency's performance (they may
   * attach to any open item, as they may close it); its unit's members may too.
   */
  manages?: boolean;
  meta?: AuditRequestMeta | null;
  bytes: Buffer;
  originalName: string;
  /** The browser's Content-Type for the part: unverified, so neither trusted nor stored. */
  declaredType?: string | null;
  target: TUploadTarget;
}

export interface StoredFileView {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  realizationId: string | null;
  taskId: string | null;
  followUpId: string | null;
  /** A unit PK row's realization evidence: the row and the quarter. */
  unitRowId?: string | null;
  unitQuarter?: number | null;
}

type TUploader = Pick<StoreUploadInput, "agencyId" | "roleIds" | "unitIds" | "target" | "manages" | "uploadedBy">;

/**
 * The target must be the agency's and still open for evidence, and the
 * uploader one of those who may change it: a realization the realization
 * table lets its unit ATTACH to (DRAFT or RETURNED, of a period not archived),
 * of an indicator of one of the uploader's units; a task ACTIVE or RETURNED in
 * an ACTIVE cycle, assigned to one of the uploader's roles. Checked before
 * writing (a refusal writes nothing) and again inside the transaction with
 * `lock`: the target row is share-locked first (and the period's cycles, for
 * a realization), so a submit, a completion or an archive that commits
 * meanwhile is waited for and seen, and one that starts later waits for the
 * upload, exactly like the guarded transitions.
 */
async function assertTargetOpen(tx: DbTx, { agencyId, target, roleIds, unitIds, manages, uploadedBy }: TUploader, { lock }: { lock: boolean }) {
  if ("followUpId" in target) {
    // An open follow-up, by whoever may close it (lib/followup/service.ts).
    await assertFollowUpAttachable(tx, { agencyId, roleIds, manages: manages ?? false, userId: uploadedBy.id }, target.followUpId, { lock });
    return;
  }
  if ("unitRowId" in target) {
    // A draft or returned value of the uploader's unit (or the planning unit's), quarter not archived.
    await assertUnitRealizationAttachable(tx, { agencyId, unitIds, manages: manages ?? false }, target, { lock });
    return;
  }
  if ("realizationId" in target) {
    if (lock) await tx.$queryRaw`SELECT "id" FROM "Realization" WHERE "id" = ${target.realizationId} AND "agencyId" = ${agencyId} FOR SHARE`;
    const realization = await tx.realization.findFirst({
      where: { id: target.realizationId, agencyId },
      select: { status: true, year: true, quarter: true, indicator: { select: { orgUnitId: true } } },
    });
    if (!realization) throw notFoundError(M.realizationNotFound);
    if (!unitIds.includes(realization.indicator.orgUnitId)) throw forbiddenError(PERFORMANCE_MESSAGES.notYourUnit);
    const frozen = lock
      ? (await lockPeriodsFrozen(tx, agencyId, realization.year, [realization.quarter]))[realization.quarter - 1]!
      : await isPeriodFrozen(tx, agencyId, realization.year, realization.quarter);
    const plan = planRealization({ status: realization.status, frozen }, "ATTACH");
    if (!plan.ok) throw conflictError(plan.code === "FROZEN" ? PERFORMANCE_MESSAGES.frozen : M.realizationLocked);
    return;
  }
  if (lock) await tx.$queryRaw`SELECT "id" FROM "CycleTask" WHERE "id" = ${target.taskId} AND "agencyId" = ${agencyId} FOR SHARE`;
  const task = await tx.cycleTask.findFirst({
    where: { id: target.taskId, agencyId },
    select: { status: true, assignedRoleId: true, assignedRole: { select: { name: true } }, cycle: { select: { status: true } } },
  });
  if (!task) throw notFoundError(M.taskNotFound);
  if (task.cycle.status !== "ACTIVE" || (task.status !== "ACTIVE" && task.status !== "RETURNED")) throw conflictError(M.taskClosed);
  if (!roleIds.includes(task.assignedRoleId)) throw forbiddenError(CYCLE_MESSAGES.notYourTask(task.assignedRole.name));
}

/**
 * Stores one upload: checks it (size, type by content, safe name), checks the
 * target, writes the bytes under a fresh key, then records the StoredFile row
 * and its `file.upload` audit event in one transaction. When that transaction
 * fails, the written bytes are removed again, so no file exists without its row.
 * With a caller's `tx`, the row and event join it; should the caller's
 * transaction roll back after this returns, the bytes stay behind unreferenced
 * (never the other way round: no row without its bytes).
 */
export async function storeUpload(input: StoreUploadInput, outer?: DbTx): Promise<StoredFileView> {
  const checked = checkUpload({ bytes: input.bytes, originalName: input.originalName });
  const realizationId = "realizationId" in input.target ? input.target.realizationId : null;
  const taskId = "taskId" in input.target ? input.target.taskId : null;
  const followUpId = "followUpId" in input.target ? input.target.followUpId : null;
  const unit = "unitRowId" in input.target ? { unitRowId: input.target.unitRowId, unitQuarter: input.target.quarter } : null;
  await assertTargetOpen(outer ?? db, input, { lock: false });

  const storage = getStorage();
  const storageKey = newStorageKey(input.agencyId);
  await storage.put(storageKey, input.bytes);
  try {
    return await inTransaction(outer, async (tx) => {
      await assertTargetOpen(tx, input, { lock: true });
      const file = await tx.storedFile.create({
        data: {
          agencyId: input.agencyId,
          storageKey,
          originalName: checked.name,
          mimeType: checked.mimeType,
          size: checked.size,
          sha256: checked.sha256,
          realizationId,
          taskId,
          followUpId,
          ...(unit ?? {}),
          uploadedById: input.uploadedBy.id,
        },
        select: { id: true },
      });
      const view: StoredFileView = { id: file.id, name: checked.name, mimeType: checked.mimeType, size: checked.size, sha256: checked.sha256, realizationId, taskId, followUpId, ...(unit ?? {}) };
      await recordAudit(tx, fileEvent("file.upload", view), { agencyId: input.agencyId, actor: input.uploadedBy, meta: input.meta ?? null });
      return view;
    });
  } catch (error) {
    await storage.remove(storageKey).catch((cleanupError: unknown) => {
      console.error(`[storage] could not remove ${storageKey} after a failed upload`, cleanupError);
    });
    throw error;
  }
}

function fileEvent(action: "file.upload" | "file.download", file: StoredFileView) {
  return {
    action,
    entityType: "StoredFile" as const,
    entityId: file.id,
    data: {
      fileId: file.id,
      name: file.name,
      size: file.size,
      sha256: file.sha256,
      realizationId: file.realizationId,
      taskId: file.taskId,
      // Only for a follow-up's evidence: the events of the other targets keep their shape.
      ...(file.followUpId ? { followUpId: file.followUpId } : {}),
      ...(file.unitRowId ? { unitRowId: file.unitRowId, unitQuarter: file.unitQuarter ?? undefined } : {}),
    },
  };
}

/**
 * One of the agency's files and its content. Any other id (another agency's
 * file included) is "not found"; so is a row whose bytes have gone missing.
 */
export async function getDownload(agencyId: string, fileId: string, tx: DbTx = db): Promise<{ file: StoredFileView; body: Buffer | NodeJS.ReadableStream }> {
  const row = await tx.storedFile.findFirst({
    where: { id: fileId, agencyId },
    select: { id: true, storageKey: true, originalName: true, mimeType: true, size: true, sha256: true, realizationId: true, taskId: true, followUpId: true, unitRowId: true, unitQuarter: true },
  });
  if (!row) throw notFoundError(M.fileNotFound);
  let body: Buffer | NodeJS.ReadableStream;
  try {
    body = await getStorage().get(row.storageKey);
  } catch (error) {
    if (!(error instanceof StorageNotFoundError)) throw error;
    console.error(`[storage] StoredFile ${row.id} has no content at ${row.storageKey}`);
    throw notFoundError(M.blobMissing);
  }
  const { storageKey: _key, originalName, ...rest } = row;
  return { file: { ...rest, name: originalName }, body };
}

/** The `file.download` audit event, written once the content is at hand. */
export async function recordDownload(
  file: StoredFileView,
  ctx: { agencyId: string; actor: AuditActor; meta: AuditRequestMeta | null },
  tx?: DbTx,
): Promise<void> {
  await inTransaction(tx, (tx) => recordAudit(tx, fileEvent("file.download", file), { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta }));
}
