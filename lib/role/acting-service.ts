import "server-only";

import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import type { z } from "zod";

import type { AuditActor, AuditRequestMeta } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { invalidError, notFoundError } from "@/lib/authz/errors";
import { ADMIN_ROLE, AUDITOR_ROLE } from "@/lib/authz/permissions";
import { db, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { TIME_ZONE_IANA } from "@/lib/format";

import { fullName } from "@/lib/member/name";

import { actingTitle } from "./acting";
import type { ZAppointActing, ZEndActing } from "./acting-schemas";

interface ActingActor {
  agencyId: string;
  actor: AuditActor;
  meta: AuditRequestMeta | null;
  now?: Date;
}

export const ACTING_MESSAGES = {
  roleNotFound: "Peran tidak ditemukan.",
  reserved: "Administrator dan Auditor tidak dapat dijabat oleh Plt./Plh.",
  notMember: "Pegawai ini bukan anggota aktif instansi.",
  holdsAlready: (role: string) => `Pegawai ini sudah memegang peran ${role}.`,
  overlap: (role: string, who: string) => `Pada periode itu ${who} sudah ditunjuk sebagai pelaksana ${role}. Akhiri penunjukan itu dulu atau pilih tanggal lain.`,
  endInPast: "Tanggal selesai sudah lewat.",
  notFound: "Penunjukan tidak ditemukan.",
  alreadyEnded: "Penunjukan ini sudah berakhir.",
  appointed: "Penunjukan disimpan.",
  ended: "Penunjukan diakhiri.",
} as const;
const M = ACTING_MESSAGES;

/** The start of a calendar day in the agency's time zone. */
const dayStart = (day: string, tz: keyof typeof TIME_ZONE_IANA) => new Date(new TZDate(`${day}T00:00:00`, TIME_ZONE_IANA[tz]).getTime());

/**
 * Appoints a member as Plt./Plh. of a role from startDate to endDate
 * (inclusive, agency time zone), by decree. One acting holder per role at a
 * time; never the reserved roles; never someone who holds the role already.
 */
export async function appointActing(input: z.output<typeof ZAppointActing>, ctx: ActingActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  return inTransaction(tx, async (tx) => {
    // Appointments of one agency are serialised: two overlapping ones cannot both pass the check.
    const [agency] = await tx.$queryRaw<{ timeZone: "WIB" | "WITA" | "WIT" }[]>`SELECT "timeZone" FROM "Agency" WHERE "id" = ${ctx.agencyId} FOR NO KEY UPDATE`;
    const role = await tx.role.findFirst({ where: { id: input.roleId, agencyId: ctx.agencyId }, select: { id: true, code: true, name: true } });
    // Another agency's role or person is answered as not found, like every foreign id.
    if (!role) throw notFoundError(M.roleNotFound);
    if (role.code === ADMIN_ROLE || role.code === AUDITOR_ROLE) throw invalidError(M.reserved, { roleId: [M.reserved] });
    const member = await tx.membership.findFirst({
      where: { agencyId: ctx.agencyId, userId: input.userId, active: true, user: { active: true }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      select: { user: { select: { nip: true, name: true } } },
    });
    if (!member) throw notFoundError(M.notMember);
    if ((await tx.membership.count({ where: { userId: input.userId, roleId: role.id, active: true } })) > 0) {
      throw invalidError(M.holdsAlready(role.name), { userId: [M.holdsAlready(role.name)] });
    }
    const startsAt = dayStart(input.startDate, agency!.timeZone);
    const endsAt = dayStart(addDays(new Date(`${input.endDate}T12:00:00Z`), 1).toISOString().slice(0, 10), agency!.timeZone);
    if (endsAt <= now) throw invalidError(M.endInPast, { endDate: [M.endInPast] });
    const overlapping = await tx.actingAppointment.findFirst({
      where: { agencyId: ctx.agencyId, roleId: role.id, endedAt: null, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      select: { user: { select: { name: true } } },
    });
    if (overlapping) throw invalidError(M.overlap(role.name, overlapping.user.name), { startDate: [M.overlap(role.name, overlapping.user.name)] });
    const appointment = await tx.actingAppointment.create({
      data: {
        agencyId: ctx.agencyId,
        roleId: role.id,
        userId: input.userId,
        kind: input.kind,
        startsAt,
        endsAt,
        decreeNumber: input.decreeNumber,
        appointedById: ctx.actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "acting.appoint",
        entityType: "ActingAppointment",
        entityId: appointment.id,
        data: {
          title: actingTitle(input.kind, role.name),
          roleCode: role.code,
          nip: member.user.nip,
          name: member.user.name,
          startDate: input.startDate,
          endDate: input.endDate,
          decreeNumber: input.decreeNumber,
        },
      },
      ctx,
    );
    return appointment;
  });
}

/** Ends an appointment now (before its end date). One that has already ended is refused. */
export async function endActing(input: z.output<typeof ZEndActing>, ctx: ActingActor, tx?: DbTx) {
  const now = ctx.now ?? new Date();
  return inTransaction(tx, async (tx) => {
    const a = await tx.actingAppointment.findFirst({
      where: { id: input.appointmentId, agencyId: ctx.agencyId },
      select: { id: true, kind: true, endedAt: true, endsAt: true, role: { select: { name: true, code: true } }, user: { select: { nip: true } } },
    });
    if (!a) throw notFoundError(M.notFound);
    const ended = await tx.actingAppointment.updateMany({
      where: { id: a.id, endedAt: null, endsAt: { gt: now } },
      data: { endedAt: now, endedById: ctx.actor.id },
    });
    if (ended.count !== 1) throw invalidError(M.alreadyEnded);
    await recordAudit(
      tx,
      { action: "acting.end", entityType: "ActingAppointment", entityId: a.id, data: { title: actingTitle(a.kind, a.role.name), roleCode: a.role.code, nip: a.user.nip } },
      ctx,
    );
  });
}

/** The agency's appointments, newest first, with whether each is in force now. */
export async function listActing(agencyId: string, now = new Date()) {
  const rows = await db.actingAppointment.findMany({
    where: { agencyId },
    select: {
      id: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      endedAt: true,
      decreeNumber: true,
      role: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, nip: true } },
      appointedBy: { select: { name: true } },
    },
    orderBy: { startsAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    ...r,
    // The last day, inclusive: endsAt is the start of the day after.
    lastDay: new Date(r.endsAt.getTime() - 1),
    state: r.endedAt || r.endsAt <= now ? ("ended" as const) : r.startsAt > now ? ("upcoming" as const) : ("active" as const),
  }));
}

/**
 * The signature block of an SOP activated by an acting head (the actor holds
 * the head role only through an appointment): "Plt. Kepala Dinas", the acting
 * person's name with titles, pangkat and NIP. Null when the actor signs as
 * themselves.
 */
export async function actingSignatureBlock(tx: DbTx, agencyId: string, actor: AuditActor) {
  if (!actor.acting?.length) return null;
  const head = await tx.role.findFirst({ where: { agencyId, isHead: true }, select: { code: true, name: true } });
  const capacity = head ? actor.acting.find((a) => a.roleCode === head.code) : undefined;
  if (!head || !capacity) return null;
  const person = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, gelarDepan: true, gelarBelakang: true, pangkat: true, nip: true } });
  return {
    disahkanJabatan: actingTitle(capacity.kind, head.name),
    disahkanNama: fullName(person),
    disahkanPangkat: person.pangkat,
    disahkanNip: person.nip,
  };
}

/** What the appointment form offers: the roles an acting official may hold, and the active members. */
export async function actingChoices(agencyId: string) {
  const now = new Date();
  const [roles, members] = await Promise.all([
    db.role.findMany({ where: { agencyId, code: { notIn: [ADMIN_ROLE, AUDITOR_ROLE] } }, select: { id: true, name: true, isHead: true }, orderBy: { sortOrder: "asc" } }),
    db.user.findMany({
      where: { active: true, memberships: { some: { agencyId, active: true, OR: [{ validUntil: null }, { validUntil: { gt: now } }], role: { code: { not: AUDITOR_ROLE } } } } },
      select: { id: true, name: true, nip: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { roles, members };
}
