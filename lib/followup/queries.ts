import "server-only";

import type { AgencyContext } from "@/lib/authz/context";
import { CYCLE_MESSAGES } from "@/lib/cycle/messages";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDateIn } from "@/lib/format";

import { isFollowUpManager } from "./service";
import { isOverdue } from "./workflow";

export type TFollowUpFilter = "open" | "overdue" | "done" | "all";

const startOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const ITEM_SELECT = {
  id: true,
  source: true,
  recommendation: true,
  status: true,
  dueDate: true,
  createdAt: true,
  closeNote: true,
  noFileReason: true,
  closedAt: true,
  reopenReason: true,
  reopenedAt: true,
  unit: { select: { id: true, name: true } },
  cycle: { select: { id: true, year: true, period: true, sop: { select: { nama: true } } } },
  createdBy: { select: { name: true } },
  closedBy: { select: { name: true } },
  reopenedBy: { select: { name: true } },
  files: { select: { id: true, originalName: true, size: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.FollowUpSelect;

type TRow = Prisma.FollowUpGetPayload<{ select: typeof ITEM_SELECT }>;

export interface TFollowUpView {
  id: string;
  source: TRow["source"];
  recommendation: string;
  status: TRow["status"];
  dueDate: string;
  overdue: boolean;
  unit: { id: string; name: string };
  cycle: { id: string; label: string } | null;
  createdBy: string;
  createdAt: Date;
  closeNote: string | null;
  noFileReason: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  reopenReason: string | null;
  reopenedBy: string | null;
  reopenedAt: Date | null;
  files: { id: string; originalName: string; size: number }[];
  /** What the viewer may do with it (the server checks again). */
  canClose: boolean;
  canManage: boolean;
}

/** Today as a calendar day in the agency's time zone: the day overdue is measured against. */
export const todayIn = (ctx: Pick<AgencyContext, "agency">, now = new Date()) => isoDateIn(now, ctx.agency.timeZone);

function view(row: TRow, today: string, abilities: { manager: boolean; managerOfCycle: Set<string>; units: string[] }): TFollowUpView {
  const dueDate = row.dueDate.toISOString().slice(0, 10);
  const canManage = row.cycle ? abilities.manager || abilities.managerOfCycle.has(row.cycle.id) : abilities.manager;
  return {
    id: row.id,
    source: row.source,
    recommendation: row.recommendation,
    status: row.status,
    dueDate,
    overdue: isOverdue({ status: row.status, dueDate }, today),
    unit: row.unit,
    cycle: row.cycle ? { id: row.cycle.id, label: `${row.cycle.sop.nama} · ${CYCLE_MESSAGES.periods[row.cycle.period]} ${row.cycle.year}` } : null,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt,
    closeNote: row.closeNote,
    noFileReason: row.noFileReason,
    closedBy: row.closedBy?.name ?? null,
    closedAt: row.closedAt,
    reopenReason: row.reopenReason,
    reopenedBy: row.reopenedBy?.name ?? null,
    reopenedAt: row.reopenedAt,
    files: row.files,
    canManage,
    canClose: row.status === "OPEN" && (canManage || abilities.units.includes(row.unit.id)),
  };
}

/** The viewer's units and whether they manage follow-ups (unbound ones; per cycle below). */
async function abilitiesOf(ctx: AgencyContext, cycleIds: string[]) {
  const who = { agencyId: ctx.agency.id, roleIds: ctx.roles.map((r) => r.id), manages: ctx.can("performance.manage") };
  const [manager, units, cycles] = await Promise.all([
    ctx.readOnly ? false : isFollowUpManager(db, who, null),
    db.membership.findMany({
      where: { agencyId: ctx.agency.id, userId: ctx.user.id, active: true, unitId: { not: null }, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
      select: { unitId: true },
    }),
    cycleIds.length && !ctx.readOnly ? db.measurementCycle.findMany({ where: { agencyId: ctx.agency.id, id: { in: cycleIds } }, select: { id: true, sopId: true } }) : [],
  ]);
  const managerOfCycle = new Set<string>();
  // At most one query per distinct SOP version of the shown cycles (a page shows few).
  const sopIds = [...new Set(cycles.map((c) => c.sopId))];
  const managed = new Set<string>();
  for (const sopId of sopIds) if (manager || (await isFollowUpManager(db, who, sopId))) managed.add(sopId);
  for (const c of cycles) if (managed.has(c.sopId)) managerOfCycle.add(c.id);
  return { manager, managerOfCycle, units: ctx.readOnly ? [] : [...new Set(units.map((u) => u.unitId!))] };
}

/** The list page: items by filter and unit, the counts of each status, and the viewer's abilities. */
export async function listFollowUps(ctx: AgencyContext, filter: { status: TFollowUpFilter; unitId: string | null; cycleId?: string | null }, now = new Date()) {
  const today = todayIn(ctx, now);
  const base: Prisma.FollowUpWhereInput = {
    agencyId: ctx.agency.id,
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.cycleId ? { cycleId: filter.cycleId } : {}),
  };
  const overdueWhere: Prisma.FollowUpWhereInput = { ...base, status: "OPEN", dueDate: { lt: startOf(today) } };
  const where: Prisma.FollowUpWhereInput =
    filter.status === "open" ? { ...base, status: "OPEN" } : filter.status === "done" ? { ...base, status: "DONE" } : filter.status === "overdue" ? overdueWhere : base;
  const [rows, open, done, overdue] = await Promise.all([
    // Open ones first (the enum is declared OPEN, DONE), earliest due first.
    db.followUp.findMany({ where, select: ITEM_SELECT, orderBy: [{ status: "asc" }, { dueDate: "asc" }, { createdAt: "asc" }], take: 500 }),
    db.followUp.count({ where: { ...base, status: "OPEN" } }),
    db.followUp.count({ where: { ...base, status: "DONE" } }),
    db.followUp.count({ where: overdueWhere }),
  ]);
  const abilities = await abilitiesOf(ctx, [...new Set(rows.flatMap((r) => (r.cycle ? [r.cycle.id] : [])).concat(filter.cycleId ? [filter.cycleId] : []))]);
  return {
    today,
    items: rows.map((r) => view(r, today, abilities)),
    counts: { open, done, overdue },
    canCreate: abilities.manager,
    canCreateForCycle: filter.cycleId ? abilities.managerOfCycle.has(filter.cycleId) : abilities.manager,
  };
}

/** "Tindak lanjut unit saya": the open items of the viewer's units, overdue first, then by due date. */
export async function listMyFollowUps(ctx: AgencyContext, now = new Date()) {
  if (ctx.readOnly) return [];
  const today = todayIn(ctx, now);
  // The viewer's units come with the agency context (its active memberships' units).
  const unitIds = ctx.unitIds;
  if (unitIds.length === 0) return [];
  const rows = await db.followUp.findMany({
    where: { agencyId: ctx.agency.id, status: "OPEN", unitId: { in: unitIds } },
    select: { id: true, recommendation: true, dueDate: true, unit: { select: { name: true } } },
    // Due date ascending puts the overdue ones (earliest days) first.
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 50,
  });
  return rows.map((r) => {
    const dueDate = r.dueDate.toISOString().slice(0, 10);
    return { id: r.id, recommendation: r.recommendation, dueDate, unitName: r.unit.name, overdue: isOverdue({ status: "OPEN", dueDate }, today) };
  });
}

/** The agency's active units, for the form's select. */
export async function listActiveUnits(agencyId: string) {
  return db.orgUnit.findMany({ where: { agencyId, active: true }, select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}
