import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { conflictError, invalidError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { actingSignatureBlock } from "@/lib/role/acting-service";

import { dayFromIso, diffSops, toSopInput } from "./mapping";
import { SOP_SERVICE_MESSAGES as M } from "./messages";
import { SOP_MESSAGES, type TSopInput } from "./schemas";
import { parseSopInput } from "./validate";
import { planSopEvent, type TSopEvent, type TSopStatus } from "./workflow";

export interface SopActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

export const SOP_FULL_INCLUDE = {
  steps: {
    orderBy: { number: "asc" },
    include: {
      executorRole: { select: { id: true, code: true, name: true } },
      participants: { include: { role: { select: { id: true, code: true, name: true } } } },
      units: { include: { unit: { select: { id: true, name: true } } } },
    },
  },
} as const satisfies Prisma.SopInclude;

async function agencyRoles(tx: DbTx, agencyId: string) {
  return tx.role.findMany({ where: { agencyId }, select: { id: true, code: true } });
}

/** Validates raw input against the schema and the agency's roles; throws field errors in Indonesian. */
export async function validateForAgency(tx: DbTx, agencyId: string, raw: unknown) {
  const roles = await agencyRoles(tx, agencyId);
  const result = parseSopInput(raw, roles.map((r) => r.code));
  if (!result.ok) throw invalidError(M.invalid(result.errors[0]?.message ?? ""), result.fieldErrors);
  // Every-unit steps name their units: each must be one of the agency's (names ignore case).
  const units = await tx.orgUnit.findMany({ where: { agencyId }, select: { id: true, name: true } });
  const unitIds = new Map(units.map((u) => [u.name.toLowerCase(), u.id]));
  for (const [index, step] of result.data.steps.entries()) {
    for (const [i, name] of step.unitNames.entries()) {
      if (!unitIds.has(name.toLowerCase())) {
        const message = SOP_MESSAGES.unitUnknown(name);
        throw invalidError(M.invalid(`Langkah ${step.number}: ${message}`), { [`steps.${index}.unitNames.${i}`]: [message] });
      }
    }
  }
  return { input: result.data, roleIds: new Map(roles.map((r) => [r.code, r.id])), unitIds };
}

function contentData(input: TSopInput) {
  return {
    nomor: input.nomor,
    nama: input.nama,
    unit: input.unit,
    tanggalPembuatan: dayFromIso(input.tanggalPembuatan)!,
    tanggalRevisi: dayFromIso(input.tanggalRevisi),
    tanggalEfektif: dayFromIso(input.tanggalEfektif),
    disahkanJabatan: input.disahkanJabatan,
    disahkanNama: input.disahkanNama,
    disahkanPangkat: input.disahkanPangkat,
    disahkanNip: input.disahkanNip,
    dasarHukum: input.dasarHukum,
    kualifikasiPelaksana: input.kualifikasiPelaksana,
    keterkaitan: input.keterkaitan,
    peralatan: input.peralatan,
    pencatatan: input.pencatatan,
    peringatan: input.peringatan,
    measuresPerformance: input.measuresPerformance ?? null,
  };
}

async function writeSteps(tx: DbTx, sopId: string, input: TSopInput, roleIds: Map<string, string>, unitIds: Map<string, string>) {
  await tx.sopStep.deleteMany({ where: { sopId } });
  for (const step of input.steps) {
    await tx.sopStep.create({
      data: {
        sopId,
        number: step.number,
        kegiatan: step.kegiatan,
        executorRoleId: roleIds.get(step.executorRoleCode)!,
        kind: step.kind,
        kelengkapan: step.kelengkapan,
        waktuJumlah: step.waktuJumlah,
        waktuSatuan: step.waktuSatuan,
        output: step.output,
        keterangan: step.keterangan,
        yesStepNumber: step.yesStepNumber,
        noStepNumber: step.noStepNumber,
        participants: { create: step.participantRoleCodes.map((code) => ({ roleId: roleIds.get(code)! })) },
        assignment: step.assignment,
        unitKind: step.unitKind,
        units: { create: step.unitNames.map((name) => ({ unitId: unitIds.get(name.toLowerCase())! })) },
      },
    });
  }
}

async function assertNomorFree(tx: DbTx, agencyId: string, nomor: string, exceptSeriesId?: string) {
  const taken = await tx.sopSeries.findUnique({ where: { agencyId_nomor: { agencyId, nomor } }, select: { id: true } });
  if (taken && taken.id !== exceptSeriesId) throw invalidError(M.nomorTaken(nomor), { nomor: [M.nomorTaken(nomor)] });
}

/** The SOP table's answer for an event on a version, or its refusal as an Indonesian error. */
function sopTransition(status: TSopStatus, event: TSopEvent) {
  const plan = planSopEvent(status, event);
  if (!plan.ok) throw invalidError(plan.message);
  return plan;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The unique index on (agencyId, nomor) as the Indonesian field error; any other error unchanged. */
function nomorTakenOr(error: unknown, nomor: string): unknown {
  return isUniqueViolation(error) ? invalidError(M.nomorTaken(nomor), { nomor: [M.nomorTaken(nomor)] }) : error;
}

/** A new SOP (version 1, DRAFT), from the editor or an import. */
export async function createSop(raw: unknown, { agencyId, actor, meta }: SopActor, via: "editor" | "import" = "editor", tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const { input, roleIds, unitIds } = await validateForAgency(tx, agencyId, raw);
    await assertNomorFree(tx, agencyId, input.nomor);
    // Two saves at the same moment both pass assertNomorFree; the unique index decides.
    const series = await tx.sopSeries.create({ data: { agencyId, nomor: input.nomor } }).catch((error: unknown) => {
      throw nomorTakenOr(error, input.nomor);
    });
    const sop = await tx.sop.create({
      data: { agencyId, seriesId: series.id, version: 1, status: "DRAFT", createdById: actor.id, ...contentData(input) },
      select: { id: true },
    });
    await writeSteps(tx, sop.id, input, roleIds, unitIds);
    await recordAudit(
      tx,
      {
        action: via === "import" ? "sop.import" : "sop.create",
        entityType: "Sop",
        entityId: sop.id,
        data: { nomor: input.nomor, nama: input.nama, version: 1, steps: input.steps.length },
      },
      { agencyId, actor, meta },
    );
    return { id: sop.id };
  });
}

/** Saves a DRAFT. Active, superseded and archived versions are never edited in place. */
export async function updateSopDraft(sopId: string, raw: unknown, { agencyId, actor, meta }: SopActor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const current = await tx.sop.findFirst({ where: { id: sopId, agencyId }, include: SOP_FULL_INCLUDE });
    if (!current) throw notFoundError(M.notFound);
    const edit = sopTransition(current.status, "EDIT");
    const { input, roleIds, unitIds } = await validateForAgency(tx, agencyId, raw);
    await assertNomorFree(tx, agencyId, input.nomor, current.seriesId);
    const changes = diffSops(toSopInput(current), input);
    // Guarded on the state we read: a concurrent activation makes this a no-op.
    const updated = await tx.sop.updateMany({
      where: { id: sopId, agencyId, status: edit.from, updatedAt: current.updatedAt },
      data: contentData(input),
    });
    if (updated.count !== 1) throw conflictError();
    if (input.nomor !== current.nomor) {
      await tx.sopSeries.update({ where: { id: current.seriesId }, data: { nomor: input.nomor } }).catch((error: unknown) => {
        throw nomorTakenOr(error, input.nomor);
      });
    }
    await writeSteps(tx, sopId, input, roleIds, unitIds);
    await recordAudit(
      tx,
      {
        action: "sop.update",
        entityType: "Sop",
        entityId: sopId,
        data: { nomor: input.nomor, version: current.version, changes: JSON.parse(JSON.stringify(changes)) },
      },
      { agencyId, actor, meta },
    );
    return { id: sopId, changes: changes.length };
  });
}

/**
 * "Edit" on an ACTIVE SOP: a new DRAFT version copying it. If a draft of the
 * series already exists it is returned instead, so there is one draft at a time.
 * In a caller's transaction a concurrent click's unique violation aborts that
 * transaction, so it is passed on rather than answered with the winner's draft.
 */
export async function createNewVersion(sopId: string, ctx: SopActor, tx?: DbTx) {
  if (tx) return createNewVersionTx(sopId, ctx, tx);
  try {
    return await createNewVersionTx(sopId, ctx);
  } catch (error) {
    // Two clicks at once: the loser hits the unique (seriesId, version) index; answer with the winner's draft.
    if (!isUniqueViolation(error)) throw error;
    const source = await db.sop.findFirst({ where: { id: sopId, agencyId: ctx.agencyId }, select: { seriesId: true } });
    const draft = source ? await db.sop.findFirst({ where: { seriesId: source.seriesId, status: "DRAFT" }, select: { id: true } }) : null;
    if (!draft) throw error;
    return { id: draft.id, existing: true };
  }
}

async function createNewVersionTx(sopId: string, { agencyId, actor, meta }: SopActor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const source = await tx.sop.findFirst({ where: { id: sopId, agencyId }, include: SOP_FULL_INCLUDE });
    if (!source) throw notFoundError(M.notFound);
    const existingDraft = await tx.sop.findFirst({ where: { seriesId: source.seriesId, status: "DRAFT" }, select: { id: true } });
    if (existingDraft) return { id: existingDraft.id, existing: true };
    sopTransition(source.status, "REVISE");
    const latest = await tx.sop.aggregate({ where: { seriesId: source.seriesId }, _max: { version: true } });
    const version = (latest._max.version ?? source.version) + 1;
    const input = toSopInput(source);
    const roleIds = new Map(
      source.steps.flatMap((s) => [[s.executorRole.code, s.executorRole.id] as const, ...s.participants.map((p) => [p.role.code, p.role.id] as const)]),
    );
    const draft = await tx.sop.create({
      data: {
        agencyId,
        seriesId: source.seriesId,
        version,
        status: "DRAFT",
        supersedesId: source.id,
        createdById: actor.id,
        ...contentData(input),
      },
      select: { id: true },
    });
    const unitIds = new Map(source.steps.flatMap((s) => s.units.map((u) => [u.unit.name.toLowerCase(), u.unit.id] as const)));
    await writeSteps(tx, draft.id, input, roleIds, unitIds);
    await recordAudit(
      tx,
      {
        action: "sop.version_create",
        entityType: "Sop",
        entityId: draft.id,
        data: { nomor: source.nomor, version, fromSopId: source.id, fromVersion: source.version },
      },
      { agencyId, actor, meta },
    );
    return { id: draft.id, existing: false };
  });
}

/**
 * "Mengesahkan": the designated role activates a DRAFT. The previously active
 * version of the series becomes SUPERSEDED in the same transaction; running
 * work keeps the version it started with.
 */
export async function activateSop(sopId: string, { agencyId, actor, meta }: SopActor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const draft = await tx.sop.findFirst({ where: { id: sopId, agencyId }, include: SOP_FULL_INCLUDE });
    if (!draft) throw notFoundError(M.notFound);
    const activate = sopTransition(draft.status, "ACTIVATE");
    // Roles may have changed since the draft was saved: validate again.
    await validateForAgency(tx, agencyId, toSopInput(draft));
    const previous = await tx.sop.findFirst({ where: { seriesId: draft.seriesId, status: "ACTIVE" }, select: { id: true, status: true } });
    if (previous) {
      const supersede = sopTransition(previous.status, "SUPERSEDE");
      const superseded = await tx.sop.updateMany({ where: { id: previous.id, status: supersede.from }, data: { status: supersede.to } });
      if (superseded.count !== 1) throw conflictError();
    }
    // An acting head (Plt./Plh.) signs in that capacity: the printed signature block says so (lib/role/acting-service.ts).
    const actingSignature = await actingSignatureBlock(tx, agencyId, actor);
    const activated = await tx.sop.updateMany({
      where: { id: sopId, agencyId, status: activate.from },
      data: { status: activate.to, activatedById: actor.id, activatedAt: new Date(), ...(actingSignature ?? {}) },
    });
    if (activated.count !== 1) throw invalidError(M.alreadyActivated);
    await recordAudit(
      tx,
      {
        action: "sop.activate",
        entityType: "Sop",
        entityId: sopId,
        data: { nomor: draft.nomor, version: draft.version, status: { before: activate.from, after: activate.to }, supersededSopId: previous?.id ?? null },
      },
      { agencyId, actor, meta },
    );
    return { id: sopId, supersededSopId: previous?.id ?? null };
  });
}

/** Withdraws an ACTIVE SOP from use (no new cycles); it stays readable. */
export async function archiveSop(sopId: string, { agencyId, actor, meta }: SopActor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const sop = await tx.sop.findFirst({ where: { id: sopId, agencyId }, select: { id: true, nomor: true, version: true, status: true } });
    if (!sop) throw notFoundError(M.notFound);
    const archive = sopTransition(sop.status, "ARCHIVE");
    const archived = await tx.sop.updateMany({ where: { id: sopId, agencyId, status: archive.from }, data: { status: archive.to } });
    // Someone archived it meanwhile: the same answer as archiving it again.
    if (archived.count !== 1) throw invalidError(M.onlyActiveArchivable);
    await recordAudit(
      tx,
      {
        action: "sop.archive",
        entityType: "Sop",
        entityId: sopId,
        data: { nomor: sop.nomor, version: sop.version, status: { before: archive.from, after: archive.to } },
      },
      { agencyId, actor, meta },
    );
  });
}

/** Records an export in the audit trail (exports leave the system: auditors ask who took what). */
export async function recordSopExport(sop: { id: string; nomor: string; version: number }, format: "json" | "xlsx" | "pdf", ctx: SopActor, tx?: DbTx) {
  await inTransaction(tx, (tx) =>
    recordAudit(
      tx,
      { action: "sop.export", entityType: "Sop", entityId: sop.id, data: { nomor: sop.nomor, version: sop.version, format } },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    ),
  );
}
