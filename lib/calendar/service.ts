import "server-only";

import type { z } from "zod";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { readAgencySettings } from "@/lib/agency/settings";
import { invalidError, notFoundError } from "@/lib/authz/errors";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

import { holidayKey } from "./holidays";
import type { ZAgencyHoliday, ZHolidayRef, ZPlatformHoliday, ZSetOfficeHours } from "./schemas";

interface Actor {
  actor: AuditActor;
  meta: AuditRequestMeta | null;
}

const dateOf = (key: string) => new Date(`${key}T00:00:00Z`);

/** The agency's office hours (Agency.settings.officeHours); due times of tasks opened from now on use them. */
export async function setOfficeHours(input: z.output<typeof ZSetOfficeHours>, ctx: Actor & { agencyId: string }, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: ctx.agencyId }, select: { settings: true } });
    const raw = (agency.settings && typeof agency.settings === "object" ? agency.settings : {}) as Record<string, unknown>;
    const before = readAgencySettings(raw).officeHours;
    await tx.agency.update({ where: { id: ctx.agencyId }, data: { settings: { ...raw, officeHours: input } as Prisma.InputJsonValue } });
    await recordAudit(
      tx,
      {
        action: "agency.office_hours_set",
        entityType: "Agency",
        entityId: ctx.agencyId,
        data: { officeHours: { before: JSON.parse(JSON.stringify(before)), after: JSON.parse(JSON.stringify(input)) } },
      },
      { agencyId: ctx.agencyId, actor: ctx.actor, meta: ctx.meta },
    );
  });
}

async function createHoliday(
  tx: DbTx,
  data: { date: string; name: string; kind: "LIBUR_NASIONAL" | "CUTI_BERSAMA" | "LIBUR_DAERAH"; source: string; governmentId: string | null; agencyId: string | null },
  ctx: Actor,
) {
  const duplicate = await tx.holiday.count({
    where: { date: dateOf(data.date), governmentId: data.governmentId, agencyId: data.agencyId, name: data.name },
  });
  if (duplicate > 0) throw invalidError("Hari libur ini sudah tercatat.", { date: ["Hari libur ini sudah tercatat."] });
  const holiday = await tx.holiday.create({ data: { ...data, date: dateOf(data.date) }, select: { id: true } });
  await recordAudit(
    tx,
    { action: "holiday.create", entityType: "Holiday", entityId: holiday.id, data: { date: data.date, name: data.name, kind: data.kind, governmentId: data.governmentId } },
    { agencyId: data.agencyId, actor: ctx.actor, meta: ctx.meta },
  );
  return holiday;
}

/** Platform administrator: a national holiday, cuti bersama or a government's local holiday. */
export async function addPlatformHoliday(input: z.output<typeof ZPlatformHoliday>, ctx: Actor, tx?: DbTx) {
  return inTransaction(tx, async (tx) => {
    if (input.governmentId && (await tx.government.count({ where: { id: input.governmentId } })) === 0) {
      throw invalidError("Pemerintah daerah tidak ditemukan.", { governmentId: ["Pemerintah daerah tidak ditemukan."] });
    }
    return createHoliday(tx, { ...input, agencyId: null }, ctx);
  });
}

/** Agency administrator: a local holiday of the agency only. */
export async function addAgencyHoliday(input: z.output<typeof ZAgencyHoliday>, ctx: Actor & { agencyId: string }, tx?: DbTx) {
  return inTransaction(tx, (tx) => createHoliday(tx, { ...input, kind: "LIBUR_DAERAH", governmentId: null, agencyId: ctx.agencyId }, ctx));
}

async function removeHoliday(tx: DbTx, where: Prisma.HolidayWhereInput, ctx: Actor) {
  const holiday = await tx.holiday.findFirst({ where, select: { id: true, date: true, name: true, kind: true, governmentId: true, agencyId: true } });
  if (!holiday) throw notFoundError("Hari libur tidak ditemukan.");
  await tx.holiday.delete({ where: { id: holiday.id } });
  await recordAudit(
    tx,
    {
      action: "holiday.delete",
      entityType: "Holiday",
      entityId: holiday.id,
      data: { date: holidayKey(holiday.date), name: holiday.name, kind: holiday.kind, governmentId: holiday.governmentId },
    },
    { agencyId: holiday.agencyId, actor: ctx.actor, meta: ctx.meta },
  );
}

/** Platform administrator: any national or government holiday (an agency's own stay with the agency). */
export async function deletePlatformHoliday(input: z.output<typeof ZHolidayRef>, ctx: Actor, tx?: DbTx) {
  return inTransaction(tx, (tx) => removeHoliday(tx, { id: input.holidayId, agencyId: null }, ctx));
}

/** Agency administrator: only the agency's own local holidays. */
export async function deleteAgencyHoliday(input: z.output<typeof ZHolidayRef>, ctx: Actor & { agencyId: string }, tx?: DbTx) {
  return inTransaction(tx, (tx) => removeHoliday(tx, { id: input.holidayId, agencyId: ctx.agencyId }, ctx));
}
