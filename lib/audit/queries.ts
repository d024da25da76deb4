import "server-only";

import { fileVersions } from "@/lib/cycle/file-versions";
import { CYCLE_HEADER_SELECT, TASK_HISTORY_ORDER, TASK_HISTORY_SELECT } from "@/lib/cycle/selects";
import { readActingRecord, type TActingRecord } from "@/lib/role/acting";
import { db, type DbTx } from "@/lib/db/client";
import { retryWhenBusy } from "@/lib/http/busy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TAgencyTimeZone } from "@/lib/format";
import { WORKING_TIME_ZONES } from "@/lib/cycle/working-time";
import { formatNip } from "@/lib/validation/nip";

import { chainKeyFor, verifyChain } from "./chain";
import { cycleLabelOf, ENTITY_LABELERS, type TEntityLookups, type TAuditEntityType } from "./entity-labels";
import type { TAuditAction } from "./events";
import { AUDIT_MESSAGES, ENTITY_TYPE_LABELS, actionLabel, displayAddress, isAuditAction, summarizeEvent, type TNameOf } from "./labels";

const M = AUDIT_MESSAGES.log;

/**
 * Reads of the audit trail: the filtered log (keyset-paginated, a constant
 * number of indexed queries whatever the log's size), a cycle's timeline and
 * the per-step SLA summary. Every read is scoped by agencyId; ids from the
 * browser only ever narrow a query that already has it.
 */

// ---------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------

export interface TAuditFilters {
  /** Local dates "yyyy-MM-dd" in `timeZone`, both inclusive. */
  from?: string;
  to?: string;
  timeZone?: TAgencyTimeZone;
  actorId?: string;
  action?: TAuditAction;
  cycleId?: string;
  sopId?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const CURSOR = /^\d{1,19}$/;

function validDate(value: string) {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;
const read = (params: TParams, key: string) => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
};

/**
 * The log's filters from a query string (the GET form, the export link).
 * Anything malformed is dropped rather than trusted; `invalidRange` tells the
 * page to say so when from > to.
 */
export function parseAuditParams(params: TParams, timeZone: TAgencyTimeZone) {
  const filters: TAuditFilters = { timeZone };
  const from = read(params, "from");
  const to = read(params, "to");
  if (from && validDate(from)) filters.from = from;
  if (to && validDate(to)) filters.to = to;
  const action = read(params, "action");
  if (action && isAuditAction(action)) filters.action = action;
  for (const key of ["actorId", "cycleId", "sopId"] as const) {
    const v = read(params, key);
    if (v && ID.test(v)) filters[key] = v;
  }
  const rawBefore = read(params, "before");
  const before = rawBefore && CURSOR.test(rawBefore) ? BigInt(rawBefore) : undefined;
  const invalidRange = Boolean(filters.from && filters.to && filters.from > filters.to);
  return { filters, before, invalidRange };
}

/** Local midnight of a "yyyy-MM-dd" date in an Indonesian zone (fixed offsets, no daylight saving). */
export function localMidnightUtc(date: string, timeZone: TAgencyTimeZone): Date {
  const offset = WORKING_TIME_ZONES[timeZone].offsetHours;
  return new Date(`${date}T00:00:00+${String(offset).padStart(2, "0")}:00`);
}

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// The log
// ---------------------------------------------------------------------------

const PAGE_SELECT = {
  id: true,
  seq: true,
  createdAt: true,
  actorId: true,
  actorSnapshot: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  ip: true,
  userAgent: true,
  requestId: true,
} as const satisfies Prisma.AuditEventSelect;

const EXPORT_SELECT = { ...PAGE_SELECT, hash: true } as const satisfies Prisma.AuditEventSelect;

type TPageRow = Prisma.AuditEventGetPayload<{ select: typeof PAGE_SELECT }>;
type TExportRow = Prisma.AuditEventGetPayload<{ select: typeof EXPORT_SELECT }>;

/**
 * The where clause, without the cursor; null when nothing can match. At most
 * one extra query:
 *
 * - Cycle: "the cycle's own events and the events of its tasks" (those whose
 *   data.cycleId is the cycle). Every such task event has the task as its
 *   entityId, so both go through the (agencyId, entityId) index with the
 *   cycle's task ids, read from CycleTask by its cycleId index. A
 *   data->>'cycleId' predicate has no index and, for a cycle with 30 events in
 *   a log of a million, walks the whole log.
 * - Date range: createdAt is not the sort key, so the planner walks the log
 *   newest first and skips every row after the range (450,000 rows, 140-700 ms
 *   for "a month a year ago" in the benchmark). The range's smallest and
 *   largest ids, read first from an (agencyId, createdAt, id) index, bound
 *   the id scan to the range; createdAt is still filtered, so the result is
 *   exact however ids and clocks relate. "+ 0" keeps PostgreSQL from turning
 *   min/max into a walk of the primary key.
 */
async function resolveWhere(agencyId: string, filters: TAuditFilters, client: DbTx = db): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [];
  const where: Prisma.AuditEventWhereInput = { agencyId };
  if (filters.action) where.action = filters.action;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.cycleId) {
    const tasks = await client.cycleTask.findMany({ where: { cycleId: filters.cycleId, agencyId }, select: { id: true } });
    and.push({ entityId: { in: [filters.cycleId, ...tasks.map((t) => t.id)] } });
  }
  if (filters.sopId) and.push({ entityId: filters.sopId });
  if (filters.from || filters.to) {
    const tz = filters.timeZone ?? "WIB";
    const gte = filters.from ? localMidnightUtc(filters.from, tz) : undefined;
    const lt = filters.to ? new Date(localMidnightUtc(filters.to, tz).getTime() + DAY_MS) : undefined;
    if (gte && lt && gte >= lt) return null;
    where.createdAt = { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) };
    // An entity filter is already narrow: no bounds needed.
    if (!filters.cycleId && !filters.sopId) {
      const [bounds] = await db.$queryRaw<{ lo: bigint | null; hi: bigint | null }[]>`
        SELECT min("id" + 0) AS "lo", max("id" + 0) AS "hi" FROM "AuditEvent"
        WHERE "agencyId" = ${agencyId}
          ${gte ? Prisma.sql`AND "createdAt" >= ${gte}` : Prisma.empty}
          ${lt ? Prisma.sql`AND "createdAt" < ${lt}` : Prisma.empty}`;
      if (!bounds || bounds.lo === null || bounds.hi === null) return null;
      and.push({ id: { gte: BigInt(bounds.lo), lte: BigInt(bounds.hi) } });
    }
  }
  if (and.length) where.AND = and;
  return where;
}

export interface TListOptions {
  /** Keyset cursor: only events with a smaller id (older). */
  before?: bigint;
  limit?: number;
  /** The client to read with (a read-only page passes its replica-aware reader: lib/db/read-your-writes.ts). */
  client?: DbTx;
}

/**
 * One page of the agency's log, newest first, keyset-paginated by id (never
 * OFFSET: a deep page costs what the first page costs). `nextCursor` is the
 * `before` of the next page, null on the last one. At most two queries.
 */
export async function listAuditEvents(
  agencyId: string,
  filters: TAuditFilters,
  { before, limit = 50, client = db }: TListOptions = {},
): Promise<{ rows: TPageRow[]; nextCursor: bigint | null }> {
  return page(await resolveWhere(agencyId, filters, client), before, limit, PAGE_SELECT, client);
}

async function page<S extends typeof PAGE_SELECT | typeof EXPORT_SELECT>(
  base: Prisma.AuditEventWhereInput | null,
  before: bigint | undefined,
  limit: number,
  select: S,
  client: DbTx = db,
) {
  type Row = Prisma.AuditEventGetPayload<{ select: S }>;
  if (!base) return { rows: [] as Row[], nextCursor: null };
  const take = Math.min(Math.max(1, Math.floor(limit)), 10_000);
  const where = before === undefined ? base : { AND: [base, { id: { lt: before } }] };
  const found = (await client.auditEvent.findMany({ where, select, orderBy: { id: "desc" }, take: take + 1 })) as Row[];
  const more = found.length > take;
  const rows = more ? found.slice(0, take) : found;
  const last = rows[rows.length - 1] as unknown as { id: bigint } | undefined;
  return { rows, nextCursor: more && last ? last.id : null };
}

/**
 * One event of the agency, for the log's "Rincian untuk auditor" opened on
 * demand (app/a/[agencySlug]/audit/events/[eventId]/route.ts): null when the id
 * is not one of this agency's events (another agency's id reads as absent).
 */
export async function getAuditEvent(agencyId: string, id: bigint, client: DbTx = db) {
  return client.auditEvent.findFirst({ where: { id, agencyId }, select: { ...PAGE_SELECT, prevHash: true, hash: true } });
}

/** Every matching event, newest first, in keyset batches: for the CSV export. The filters are resolved once. */
export async function* iterateAuditEvents(agencyId: string, filters: TAuditFilters, batchSize = 5_000) {
  const base = await resolveWhere(agencyId, filters);
  let before: bigint | undefined;
  for (;;) {
    // A step of a download already under way: a busy pool is waited out, not a cut file.
    const { rows, nextCursor } = await retryWhenBusy(() => page(base, before, batchSize, EXPORT_SELECT));
    if (rows.length) yield rows as TExportRow[];
    if (nextCursor === null) return;
    before = nextCursor;
  }
}

export interface TActorSnapshot {
  name: string;
  nip: string;
  roles: string[];
}

function readSnapshot(value: unknown): TActorSnapshot | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return {
    name: typeof v.name === "string" ? v.name : "",
    nip: typeof v.nip === "string" ? v.nip : "",
    roles: Array.isArray(v.roles) ? v.roles.map(String) : [],
  };
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export interface TAuditRowView {
  id: string;
  /** Null while the event awaits the sequencer. */
  seq: number | null;
  createdAt: Date;
  actor: (TActorSnapshot & { roleNames: string[] }) | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  entityLabel: string;
  /** What the row is about, for the line under the summary (null when the summary already says it). */
  context: string | null;
  /** The cycle the event belongs to (its own or its task's), for a link to the timeline. */
  cycleId: string | null;
  /** The SOP version an Sop event is about, for a link to it. */
  sopId: string | null;
  summary: string;
  /** The client address as people read it ("127.0.0.1", not "::ffff:127.0.0.1"). */
  ip: string | null;
  /** As recorded, with the user agent and request id: the details an auditor opens on demand. */
  rawIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

interface TEntityLabelRow {
  kind: "cycle" | "user" | "sop" | "unit" | "realization" | "lke" | "followup";
  id: string;
  a: string;
  b: string | null;
  n: number | null;
}

/** The names of the cycles, people, SOPs, units, realizations, LKE evaluations and follow-ups a batch of rows refers to: one statement. */
function entityLabels(
  client: DbTx,
  agencyId: string,
  ids: {
    cycleIds: Set<string>;
    userIds: Set<string>;
    sopIds: Set<string>;
    unitIds: Set<string>;
    realizationIds: Set<string>;
    lkeIds: Set<string>;
    followUpIds: Set<string>;
  },
) {
  return client.$queryRaw<TEntityLabelRow[]>`
    SELECT 'cycle' AS "kind", c."id", c."period"::text AS "a", s."nomor" AS "b", c."year" AS "n"
      FROM "MeasurementCycle" c JOIN "Sop" s ON s."id" = c."sopId"
      WHERE c."agencyId" = ${agencyId} AND c."id" = ANY(${[...ids.cycleIds]}::text[])
    UNION ALL
    SELECT 'user', u."id", u."name", u."nip"::text, NULL FROM "User" u WHERE u."id" = ANY(${[...ids.userIds]}::text[])
    UNION ALL
    SELECT 'sop', s."id", s."nomor", NULL, s."version" FROM "Sop" s WHERE s."agencyId" = ${agencyId} AND s."id" = ANY(${[...ids.sopIds]}::text[])
    UNION ALL
    SELECT 'unit', o."id", o."name", NULL, NULL FROM "OrgUnit" o WHERE o."agencyId" = ${agencyId} AND o."id" = ANY(${[...ids.unitIds]}::text[])
    UNION ALL
    SELECT 'realization', r."id", i."name", ou."name", NULL
      FROM "Realization" r JOIN "Indicator" i ON i."id" = r."indicatorId" JOIN "OrgUnit" ou ON ou."id" = i."orgUnitId"
      WHERE r."agencyId" = ${agencyId} AND r."id" = ANY(${[...ids.realizationIds]}::text[])
    UNION ALL
    SELECT 'lke', e."id", ed."name", NULL, e."year"
      FROM "LkeEvaluation" e JOIN "LkeEdition" ed ON ed."id" = e."editionId"
      WHERE e."agencyId" = ${agencyId} AND e."id" = ANY(${[...ids.lkeIds]}::text[])
    UNION ALL
    SELECT 'followup', f."id", f."recommendation", ou."name", NULL
      FROM "FollowUp" f JOIN "OrgUnit" ou ON ou."id" = f."unitId"
      WHERE f."agencyId" = ${agencyId} AND f."id" = ANY(${[...ids.followUpIds]}::text[])`;
}

/**
 * Labels for a batch of rows: the actor's snapshot (as it was), role names for
 * its role codes, and what each entity is, by name, never by id: people,
 * cycles (period and SOP), SOPs, units, realizations (indicator, unit,
 * quarter), files. A constant number of queries per batch, whatever its size.
 */
export async function describeAuditRows<R extends TPageRow>(
  agencyId: string,
  rows: R[],
  known: { roles?: { code: string; name: string }[]; agencyName?: string; client?: DbTx } = {},
): Promise<(TAuditRowView & { row: R })[]> {
  const client = known.client ?? db;
  const cycleIds = new Set<string>();
  const userIds = new Set<string>();
  const sopIds = new Set<string>();
  const unitIds = new Set<string>();
  const realizationIds = new Set<string>();
  const lkeIds = new Set<string>();
  const followUpIds = new Set<string>();
  for (const r of rows) {
    const data = asRecord(r.data);
    if (r.entityType === "LkeEvaluation" && r.entityId) lkeIds.add(r.entityId);
    if (r.entityType === "FollowUp" && r.entityId) followUpIds.add(r.entityId);
    if (r.entityType === "MeasurementCycle" && r.entityId) cycleIds.add(r.entityId);
    if (r.entityType === "CycleTask" && typeof data.cycleId === "string") cycleIds.add(data.cycleId);
    if (r.entityType === "User" && r.entityId) userIds.add(r.entityId);
    if (r.entityType === "Realization" && r.entityId) realizationIds.add(r.entityId);
    if (r.action === "membership.unit_set") {
      const unit = asRecord(data.unitId);
      for (const v of [unit.before, unit.after]) if (typeof v === "string") unitIds.add(v);
    }
    if (r.action === "report.export") {
      const params = asRecord(data.params);
      if (typeof params.actorId === "string") userIds.add(params.actorId);
      if (typeof params.cycleId === "string") cycleIds.add(params.cycleId);
      if (typeof params.sopId === "string") sopIds.add(params.sopId);
    }
  }
  // Everything the rows name, in one statement (decision 038: the log page's statements): the
  // agency's name and roles come from the caller when it has them (the page has both).
  const needsAgency = !known.agencyName && rows.some((r) => r.entityType === "Agency" && r.entityId === agencyId);
  const [roles, labels, agencyRow] = await Promise.all([
    known.roles ? Promise.resolve(known.roles) : client.role.findMany({ where: { agencyId }, select: { code: true, name: true } }),
    cycleIds.size + userIds.size + sopIds.size + unitIds.size + realizationIds.size + lkeIds.size + followUpIds.size
      ? entityLabels(client, agencyId, { cycleIds, userIds, sopIds, unitIds, realizationIds, lkeIds, followUpIds })
      : Promise.resolve([] as TEntityLabelRow[]),
    needsAgency ? client.agency.findUnique({ where: { id: agencyId }, select: { name: true } }) : Promise.resolve(null),
  ]);
  const agency = known.agencyName ? { name: known.agencyName } : agencyRow;
  const of = (kind: TEntityLabelRow["kind"]) => labels.filter((l) => l.kind === kind);
  const cycles = of("cycle").map((l) => ({ id: l.id, period: l.a, year: l.n!, sop: { nomor: l.b! } }));
  const users = of("user").map((l) => ({ id: l.id, name: l.a, nip: l.b! }));
  const sops = of("sop").map((l) => ({ id: l.id, nomor: l.a, version: l.n! }));
  const units = of("unit").map((l) => ({ id: l.id, name: l.a }));
  const realizations = of("realization").map((l) => ({ id: l.id, indicator: { name: l.a, orgUnit: { name: l.b ?? "" } } }));
  const roleName = new Map(roles.map((r) => [r.code, r.name]));
  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const sopById = new Map(sops.map((x) => [x.id, `SOP ${x.nomor} versi ${x.version}`]));
  const unitById = new Map(units.map((u) => [u.id, u.name]));
  const realizationById = new Map(realizations.map((x) => [x.id, x]));
  const lkeById = new Map(of("lke").map((l) => [l.id, { year: l.n!, edition: l.a }]));
  const followUpById = new Map(of("followup").map((l) => [l.id, { recommendation: l.a, unit: l.b ?? "" }]));
  const userLabel = (id: string) => {
    const u = userById.get(id);
    return u ? `${u.name} (NIP ${formatNip(u.nip)})` : undefined;
  };
  const look: TEntityLookups = {
    agencyId,
    agencyName: agency?.name ?? null,
    cycle: (id) => {
      const c = cycleById.get(id);
      return c ? { period: c.period, year: c.year, sopNomor: c.sop.nomor } : undefined;
    },
    user: userLabel,
    realization: (id) => {
      const x = realizationById.get(id);
      return x ? { indicator: x.indicator.name, unit: x.indicator.orgUnit.name } : undefined;
    },
    lkeEvaluation: (id) => lkeById.get(id),
    followUp: (id) => followUpById.get(id),
  };
  const cycleLabel = (id: string) => cycleLabelOf(look, id);
  const nameOf: TNameOf = (kind, id) =>
    kind === "user" ? userLabel(id) : kind === "cycle" ? (cycleLabel(id) ?? undefined) : kind === "sop" ? sopById.get(id) : unitById.get(id);

  return rows.map((r) => {
    const data = asRecord(r.data);
    const snapshot = readSnapshot(r.actorSnapshot);
    const labeler = ENTITY_LABELERS[r.entityType as TAuditEntityType] as (typeof ENTITY_LABELERS)[TAuditEntityType] | undefined;
    const entityLabel: string = labeler?.(data, r.entityId, look) ?? M.deletedEntity;
    let context: string | null = null;
    let cycleId: string | null = null;
    if (r.entityType === "MeasurementCycle" && r.entityId) {
      cycleId = cycleById.has(r.entityId) ? r.entityId : null;
      context = entityLabel;
    } else if (r.entityType === "CycleTask" && typeof data.cycleId === "string") {
      cycleId = cycleById.has(data.cycleId) ? data.cycleId : null;
      context = cycleLabel(data.cycleId);
    }
    if (r.entityType !== "CycleTask" && r.entityType !== "MeasurementCycle" && r.entityType !== "Sop") {
      context = `${ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType}: ${entityLabel}`;
    }
    return {
      row: r,
      id: r.id.toString(),
      seq: r.seq,
      createdAt: r.createdAt,
      actor: snapshot ? { ...snapshot, roleNames: snapshot.roles.map((code) => roleName.get(code) ?? code) } : null,
      action: r.action,
      actionLabel: actionLabel(r.action),
      entityType: r.entityType,
      entityTypeLabel: ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType,
      entityId: r.entityId,
      entityLabel,
      context,
      cycleId,
      sopId: r.entityType === "Sop" ? r.entityId : null,
      summary: summarizeEvent(r, nameOf),
      ip: displayAddress(r.ip),
      rawIp: r.ip,
      userAgent: r.userAgent,
      requestId: r.requestId,
    };
  });
}

/**
 * What the log's selects offer: members (past ones too), cycles and SOP
 * versions of the agency; and its roles, which describeAuditRows can reuse.
 * One statement (relation joins), whatever the agency's size.
 */
export async function listAuditFilterOptions(agencyId: string, client: DbTx = db) {
  const agency = await client.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: {
      roles: { select: { code: true, name: true } },
      memberships: { select: { user: { select: { id: true, name: true, nip: true } } } },
      cycles: {
        select: { id: true, year: true, period: true, status: true, sop: { select: { nomor: true, version: true } } },
        orderBy: [{ year: "desc" }, { period: "desc" }, { startedAt: "desc" }],
        take: 500,
      },
      sops: {
        select: { id: true, seriesId: true, nomor: true, nama: true, version: true, status: true },
        orderBy: [{ nomor: "asc" }, { version: "desc" }],
        take: 500,
      },
    },
  });
  // A member with several roles has several memberships.
  const members = [...new Map(agency.memberships.map((m) => [m.user.id, m.user])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, "id"),
  );
  return { members, cycles: agency.cycles, sops: agency.sops, roles: agency.roles };
}

// ---------------------------------------------------------------------------
// A cycle's timeline
// ---------------------------------------------------------------------------

function taskRecord(raw: unknown) {
  const data = asRecord(raw);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : []);
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
  const esakip = asRecord(data.esakip);
  const receipt = asRecord(esakip.receipt);
  return {
    checklist: strings(data.checklist),
    attendees: strings(data.attendees),
    decisions: str(data.decisions),
    reference: str(data.reference),
    /** Done as an acting official: "Plt. Kepala Dinas" (lib/role/acting.ts). */
    acting: readActingRecord(raw),
    esakip:
      str(esakip.uploadedAt) && str(esakip.reference)
        ? {
            uploadedAt: esakip.uploadedAt as string,
            reference: esakip.reference as string,
            receipt: str(receipt.id) && str(receipt.name) ? { id: receipt.id as string, name: receipt.name as string } : null,
          }
        : null,
  };
}

export interface TTimelineEntry {
  taskId: string;
  stepNumber: number;
  round: number;
  kegiatan: string;
  stepKind: string;
  roleName: string;
  status: "ACTIVE" | "RETURNED" | "DONE" | "CANCELLED";
  outcome: "COMPLETED" | "APPROVED" | "RETURNED" | "RESUBMITTED" | "CANCELLED" | null;
  startedAt: Date;
  completedAt: Date | null;
  dueAt: Date;
  actor: { name: string; nip: string } | null;
  acting: TActingRecord | null;
  /** completedAt (or now while open) - startedAt. */
  durationMs: number;
  standard: { amount: number; unit: "MENIT" | "JAM" | "HARI" };
  /** Finished (or, while open, now) after dueAt; cancelled tasks are never late. */
  late: boolean;
  /** How far past dueAt; 0 when on time. */
  lateByMs: number;
  /** A decision that sent the work back: the step it went to, and why. */
  returnedToStep: number | null;
  returnReason: string | null;
  /** A round opened by a return: the reason it carried, and the decision that sent it back. */
  reopenedReason: string | null;
  reopenedBy: { stepNumber: number; round: number; actorName: string | null } | null;
  outputText: string | null;
  comment: string | null;
  checklist: string[];
  attendees: string[];
  decisions: string | null;
  reference: string | null;
  /** The archive step's record of the upload to the national e-SAKIP application ("yyyy-MM-dd"). */
  esakip: { uploadedAt: string; reference: string; receipt: { id: string; name: string } | null } | null;
  /** This round's files as a version of the step's output (lib/cycle/file-versions.ts), or null when it has none. */
  fileVersion: {
    version: number;
    replaces: { version: number; round: number } | null;
    files: { id: string; name: string; size: number; mimeType: string; uploadedBy: string | null; uploadedAt: Date }[];
  } | null;
}

/**
 * Everything an auditor needs to follow one cycle: every task (every round) in
 * the order it ran, with who did it, when, against which standard, what came
 * out and why anything was sent back; plus the cycle's own events (start,
 * complete, cancel). Two queries. Null when the cycle is not in the agency.
 */
export async function cycleTimeline(agencyId: string, cycleId: string, now = new Date(), client: DbTx = db) {
  const [cycle, events] = await Promise.all([
    client.measurementCycle.findFirst({
      where: { id: cycleId, agencyId },
      select: {
        ...CYCLE_HEADER_SELECT,
        sop: {
          select: {
            id: true,
            nomor: true,
            nama: true,
            version: true,
            unit: true,
            steps: { select: { number: true, kegiatan: true, kind: true, waktuJumlah: true, waktuSatuan: true, noStepNumber: true } },
          },
        },
        tasks: { orderBy: [...TASK_HISTORY_ORDER], select: TASK_HISTORY_SELECT },
      },
    }),
    client.auditEvent.findMany({
      where: { agencyId, entityId: cycleId },
      select: { id: true, seq: true, createdAt: true, action: true, entityType: true, entityId: true, data: true, actorSnapshot: true, ip: true },
      orderBy: { id: "asc" },
    }),
  ]);
  if (!cycle) return null;
  const stepByNumber = new Map(cycle.sop.steps.map((s) => [s.number, s]));
  const taskById = new Map(cycle.tasks.map((t) => [t.id, t]));
  const reopenedBy = new Map<string, number>();
  for (const t of cycle.tasks) if (t.returnedFromTaskId) reopenedBy.set(t.returnedFromTaskId, t.stepNumber);

  const versions = fileVersions(cycle.tasks);
  const entries: TTimelineEntry[] = cycle.tasks.map((t) => {
    const step = stepByNumber.get(t.stepNumber);
    const end = t.completedAt ?? now;
    const cancelled = t.status === "CANCELLED";
    const lateByMs = cancelled ? 0 : Math.max(0, end.getTime() - t.dueAt.getTime());
    const returned = t.outcome === "RETURNED";
    return {
      taskId: t.id,
      stepNumber: t.stepNumber,
      round: t.round,
      kegiatan: step?.kegiatan ?? "",
      stepKind: step?.kind ?? "",
      roleName: t.assignedRoleName,
      status: t.status,
      outcome: t.outcome,
      startedAt: t.startedAt,
      completedAt: t.completedAt,
      dueAt: t.dueAt,
      actor: t.completedBy,
      durationMs: end.getTime() - t.startedAt.getTime(),
      standard: { amount: step?.waktuJumlah ?? 0, unit: step?.waktuSatuan ?? "MENIT" },
      late: lateByMs > 0,
      lateByMs,
      returnedToStep: returned ? (reopenedBy.get(t.id) ?? step?.noStepNumber ?? null) : null,
      returnReason: returned ? t.comment : null,
      reopenedReason: t.returnReason,
      reopenedBy: (() => {
        const from = t.returnedFromTaskId ? taskById.get(t.returnedFromTaskId) : undefined;
        return from ? { stepNumber: from.stepNumber, round: from.round, actorName: from.completedBy?.name ?? null } : null;
      })(),
      outputText: t.outputText,
      comment: returned ? null : t.comment,
      ...taskRecord(t.data),
      fileVersion: (() => {
        const v = versions.get(t.id);
        return v
          ? {
              version: v.version,
              replaces: v.replaces ? { version: v.replaces.version, round: v.replaces.round } : null,
              files: v.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size, mimeType: f.mimeType, uploadedBy: f.uploadedBy?.name ?? null, uploadedAt: f.createdAt })),
            }
          : null;
      })(),
    };
  });

  return {
    cycle: {
      id: cycle.id,
      year: cycle.year,
      period: cycle.period,
      status: cycle.status,
      startedAt: cycle.startedAt,
      completedAt: cycle.completedAt,
      cancelledAt: cycle.cancelledAt,
      cancelReason: cycle.cancelReason,
      archiveNote: cycle.archiveNote,
      startedBy: cycle.startedBy,
    },
    sop: { id: cycle.sop.id, nomor: cycle.sop.nomor, nama: cycle.sop.nama, version: cycle.sop.version, unit: cycle.sop.unit },
    entries,
    events: events.map((e) => ({
      id: e.id.toString(),
      seq: e.seq,
      createdAt: e.createdAt,
      action: e.action,
      actionLabel: actionLabel(e.action),
      actor: readSnapshot(e.actorSnapshot),
      summary: summarizeEvent(e),
    })),
  };
}

export type TCycleTimeline = NonNullable<Awaited<ReturnType<typeof cycleTimeline>>>;

// ---------------------------------------------------------------------------
// SLA summary
// ---------------------------------------------------------------------------

export interface TSlaRow {
  stepId: string;
  sopId: string;
  seriesId: string;
  nomor: string;
  nama: string;
  version: number;
  stepNumber: number;
  kegiatan: string;
  waktuJumlah: number;
  waktuSatuan: "MENIT" | "JAM" | "HARI";
  /** DONE tasks of this step (every round counts). */
  n: number;
  avgMs: number | null;
  maxMs: number | null;
  /** Completed after their due time (dueAt is computeDueAt of the start and the step's standard). */
  late: number;
}

/**
 * Per step of every SOP version the agency has run (optionally one series):
 * how many times it was done, its average and worst actual duration
 * (completedAt - startedAt of DONE tasks) and how many finished after their
 * due time. One grouped query.
 */
export async function slaSummary(agencyId: string, sopSeriesId?: string): Promise<TSlaRow[]> {
  const series = sopSeriesId ? Prisma.sql`AND p."seriesId" = ${sopSeriesId}` : Prisma.empty;
  const rows = await db.$queryRaw<
    (Omit<TSlaRow, "n" | "late" | "avgMs" | "maxMs"> & { n: number; late: number; avgMs: number | null; maxMs: number | null })[]
  >`
    SELECT s."id" AS "stepId", p."id" AS "sopId", p."seriesId", p."nomor", p."nama", p."version",
           s."number" AS "stepNumber", s."kegiatan", s."waktuJumlah", s."waktuSatuan"::text AS "waktuSatuan",
           count(t."id")::int AS "n",
           (avg(extract(epoch FROM (t."completedAt" - t."startedAt"))) * 1000)::float8 AS "avgMs",
           (max(extract(epoch FROM (t."completedAt" - t."startedAt"))) * 1000)::float8 AS "maxMs",
           (count(t."id") FILTER (WHERE t."completedAt" > t."dueAt"))::int AS "late"
    FROM "SopStep" s
    JOIN "Sop" p ON p."id" = s."sopId"
    LEFT JOIN "CycleTask" t
      ON t."stepId" = s."id" AND t."agencyId" = ${agencyId} AND t."status" = 'DONE' AND t."completedAt" IS NOT NULL
    WHERE p."agencyId" = ${agencyId} ${series}
      AND EXISTS (SELECT 1 FROM "MeasurementCycle" c WHERE c."agencyId" = ${agencyId} AND c."sopId" = p."id")
    GROUP BY s."id", p."id"
    ORDER BY p."nomor", p."version" DESC, s."number"`;
  return rows.map((r) => ({ ...r, n: Number(r.n), late: Number(r.late), avgMs: r.avgMs === null ? null : Number(r.avgMs), maxMs: r.maxMs === null ? null : Number(r.maxMs) }));
}

/** The agency's SOP series for the SLA page's select (the newest version's name). */
export async function listSopSeries(agencyId: string) {
  const sops = await db.sop.findMany({
    where: { agencyId },
    select: { seriesId: true, nomor: true, nama: true, version: true },
    orderBy: [{ nomor: "asc" }, { version: "desc" }],
  });
  const seen = new Map<string, { id: string; nomor: string; nama: string }>();
  for (const s of sops) if (!seen.has(s.seriesId)) seen.set(s.seriesId, { id: s.seriesId, nomor: s.nomor, nama: s.nama });
  return [...seen.values()];
}

/** The agency's hash chain, recomputed now (the verification page never shows a cached verdict). */
export async function verifyAgencyChain(agencyId: string) {
  return verifyChain(db, chainKeyFor(agencyId));
}
