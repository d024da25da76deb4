import "server-only";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflictError, notFoundError } from "@/lib/authz/errors";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

import { LKE_MESSAGES } from "./messages";
import {
  ZLkeEditionCopy,
  ZLkeEditionCriterion,
  ZLkeEditionGroup,
  ZLkeEditionMeta,
  type TLkeEditionCopy,
  type TLkeEditionCriterion,
  type TLkeEditionGroup,
  type TLkeEditionMeta,
} from "./schemas";
import { editionStructure, writeEdition } from "./service";
import type { TLkeScaleOption } from "./structure";

const M = LKE_MESSAGES.edition;

/**
 * The LKE edition editor of the platform administrator (docs/decisions/046-lke-editions-and-return.md).
 * An edition is changed in place only while no evaluation uses it (an evaluation copies the
 * structure when it is created, so even then a year's score could not change; the rule keeps
 * the edition a year names the same as the copy it holds). Otherwise it is copied to a new
 * edition with a new name and validFromYear, and that one is edited.
 */
export interface EditionActor {
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

const num = (d: Prisma.Decimal | number) => (typeof d === "number" ? d : d.toNumber());

/** Every edition, newest validity first, with how many evaluations use it. */
export async function listEditions() {
  const rows = await db.lkeEdition.findMany({
    orderBy: [{ validFromYear: "desc" }, { createdAt: "asc" }],
    select: { id: true, name: true, validFromYear: true, createdAt: true, _count: { select: { evaluations: true, components: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, validFromYear: r.validFromYear, createdAt: r.createdAt, evaluations: r._count.evaluations }));
}

/** One edition with its parts and their ids (for the editor), or null. */
export async function loadEdition(editionId: string) {
  const edition = await db.lkeEdition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      name: true,
      validFromYear: true,
      _count: { select: { evaluations: true } },
      components: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          code: true,
          name: true,
          weight: true,
          subComponents: {
            orderBy: { sortOrder: "asc" },
            select: {
              id: true,
              code: true,
              name: true,
              weight: true,
              criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, text: true, weight: true, scale: true } },
            },
          },
        },
      },
    },
  });
  if (!edition) return null;
  return {
    id: edition.id,
    name: edition.name,
    validFromYear: edition.validFromYear,
    evaluations: edition._count.evaluations,
    components: edition.components.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      weight: num(c.weight),
      subComponents: c.subComponents.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        weight: num(s.weight),
        criteria: s.criteria.map((k) => ({ id: k.id, code: k.code, text: k.text, weight: num(k.weight), scale: k.scale as TLkeScaleOption[] })),
      })),
    })),
  };
}

/** The edition row-locked; refused when missing or when an evaluation uses it. */
async function lockEditable(t: DbTx, editionId: string) {
  await t.$queryRaw`SELECT "id" FROM "LkeEdition" WHERE "id" = ${editionId} FOR UPDATE`;
  const edition = await t.lkeEdition.findUnique({ where: { id: editionId }, select: { id: true, name: true, validFromYear: true, _count: { select: { evaluations: true } } } });
  if (!edition) throw notFoundError(M.notFound);
  if (edition._count.evaluations > 0) throw conflictError(M.inUse(edition._count.evaluations));
  return edition;
}

async function refuseTaken(t: DbTx, name: string, validFromYear: number, exceptId?: string) {
  const others = await t.lkeEdition.findMany({ where: { OR: [{ name }, { validFromYear }], ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (others.some((o) => o.name === name)) throw new AppError(M.nameTaken, "CONFLICT", { name: [M.nameTaken] });
  if (others.length) throw new AppError(M.yearTaken(validFromYear), "CONFLICT", { validFromYear: [M.yearTaken(validFromYear)] });
}

const uniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A new edition with the source's whole structure, under a new name and validFromYear (codes kept). */
export async function copyEdition(raw: TLkeEditionCopy, who: EditionActor, tx?: DbTx) {
  const input = ZLkeEditionCopy.parse(raw);
  try {
    return await inTransaction(tx, async (t) => {
      const source = await editionStructure(t, input.sourceId);
      if (!source) throw notFoundError(M.notFound);
      await refuseTaken(t, input.name, input.validFromYear);
      const edition = await writeEdition(t, { name: input.name, validFromYear: input.validFromYear }, source.components);
      await recordAudit(
        t,
        { action: "lke.edition_copy", entityType: "LkeEdition", entityId: edition.id, data: { name: input.name, from: source.editionName, validFromYear: input.validFromYear } },
        { agencyId: null, actor: who.actor, meta: who.meta },
      );
      return edition;
    });
  } catch (error) {
    // Two copies under one name at once: the unique index answers for the second.
    if (uniqueViolation(error)) throw new AppError(M.nameTaken, "CONFLICT", { name: [M.nameTaken] });
    throw error;
  }
}

/** The edition's name and first year (only while no evaluation uses it). */
export async function updateEditionMeta(raw: TLkeEditionMeta, who: EditionActor, tx?: DbTx) {
  const input = ZLkeEditionMeta.parse(raw);
  try {
    return await inTransaction(tx, async (t) => {
      const edition = await lockEditable(t, input.editionId);
      await refuseTaken(t, input.name, input.validFromYear, edition.id);
      await t.lkeEdition.update({ where: { id: edition.id }, data: { name: input.name, validFromYear: input.validFromYear } });
      await recordAudit(
        t,
        {
          action: "lke.edition_update",
          entityType: "LkeEdition",
          entityId: edition.id,
          data: {
            name: input.name,
            part: "edisi",
            changes: { nama: { before: edition.name, after: input.name }, "berlaku mulai": { before: edition.validFromYear, after: input.validFromYear } },
          },
        },
        { agencyId: null, actor: who.actor, meta: who.meta },
      );
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(M.nameTaken, "CONFLICT", { name: [M.nameTaken] });
    throw error;
  }
}

/** A component's or sub-component's name and weight (points of 100). */
export async function updateEditionGroup(raw: TLkeEditionGroup, who: EditionActor, tx?: DbTx) {
  const input = ZLkeEditionGroup.parse(raw);
  return inTransaction(tx, async (t) => {
    const edition = await lockEditable(t, input.editionId);
    const before =
      input.kind === "component"
        ? await t.lkeComponent.findFirst({ where: { id: input.id, editionId: edition.id }, select: { id: true, code: true, name: true, weight: true } })
        : await t.lkeSubComponent.findFirst({ where: { id: input.id, component: { editionId: edition.id } }, select: { id: true, code: true, name: true, weight: true } });
    if (!before) throw notFoundError(M.partNotFound);
    const data = { name: input.name, weight: input.weight };
    if (input.kind === "component") await t.lkeComponent.update({ where: { id: before.id }, data });
    else await t.lkeSubComponent.update({ where: { id: before.id }, data });
    await recordAudit(
      t,
      {
        action: "lke.edition_update",
        entityType: "LkeEdition",
        entityId: edition.id,
        data: {
          name: edition.name,
          part: `${input.kind === "component" ? "komponen" : "subkomponen"} ${before.code}`,
          changes: { nama: { before: before.name, after: input.name }, bobot: { before: num(before.weight), after: input.weight } },
        },
      },
      { agencyId: null, actor: who.actor, meta: who.meta },
    );
  });
}

/** A criterion's text, weight and answer scale (its code stays: answers and evidence refer to it). */
export async function updateEditionCriterion(raw: TLkeEditionCriterion, who: EditionActor, tx?: DbTx) {
  const input = ZLkeEditionCriterion.parse(raw);
  return inTransaction(tx, async (t) => {
    const edition = await lockEditable(t, input.editionId);
    const before = await t.lkeCriterion.findFirst({
      where: { id: input.criterionId, subComponent: { component: { editionId: edition.id } } },
      select: { id: true, code: true, text: true, weight: true, scale: true },
    });
    if (!before) throw notFoundError(M.partNotFound);
    await t.lkeCriterion.update({ where: { id: before.id }, data: { text: input.text, weight: input.weight, scale: input.scale } });
    await recordAudit(
      t,
      {
        action: "lke.edition_update",
        entityType: "LkeEdition",
        entityId: edition.id,
        data: {
          name: edition.name,
          part: `kriteria ${before.code}`,
          changes: {
            teks: { before: before.text, after: input.text },
            bobot: { before: num(before.weight), after: input.weight },
            skala: { before: before.scale, after: input.scale },
          },
        },
      },
      { agencyId: null, actor: who.actor, meta: who.meta },
    );
  });
}
