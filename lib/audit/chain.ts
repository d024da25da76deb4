import { createHash } from "node:crypto";

import type { DbTx } from "@/lib/db/client";

/**
 * The audit hash chain. Each chain (one per agency, "platform" for events
 * outside any agency) numbers its events 1, 2, 3… and each event stores a hash
 * over its content and the previous event's hash. Editing, deleting or
 * reordering any event breaks the chain at that event, which `verifyChain` names.
 *
 * Events are written unchained, with the hash of their content only
 * (`contentHash`); the sequencer (lib/audit/sequencer.ts) later numbers them and
 * links each to the previous one (`linkHash`), off the writer's transaction,
 * the way transparency logs sequence their leaves (decision 038). Events chained
 * before that (contentHash null) hash their content and link in one go (`hashEvent`).
 */
export const chainKeyFor = (agencyId: string | null) => (agencyId ? `agency:${agencyId}` : "platform");

/** What an event says: everything but its place in the chain. */
export interface EventContent {
  chainKey: string;
  agencyId: string | null;
  actorId: string | null;
  actorSnapshot: unknown;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: Date;
}

export interface ChainedFields extends EventContent {
  seq: number;
  prevHash: string | null;
}

/** JSON with object keys sorted at every level: the same bytes however the database returns it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The hash of an event chained before the sequencer: content, number and link together. */
export function hashEvent(fields: ChainedFields): string {
  return sha256(canonicalJson(fields));
}

/** The hash of an event's content, written with the event. */
export function contentHash(content: EventContent): string {
  const { chainKey, agencyId, actorId, actorSnapshot, action, entityType, entityId, data, ip, userAgent, requestId, createdAt } = content;
  return sha256(canonicalJson({ chainKey, agencyId, actorId, actorSnapshot, action, entityType, entityId, data, ip, userAgent, requestId, createdAt }));
}

/** The chain hash the sequencer gives an event: its number, its content hash and the previous event's hash. */
export function linkHash(link: { chainKey: string; seq: number; prevHash: string | null; contentHash: string }): string {
  return sha256(canonicalJson({ chainKey: link.chainKey, seq: link.seq, prevHash: link.prevHash, contentHash: link.contentHash }));
}

/** `events`: the chained prefix that was checked; `pending`: events written but not yet chained. */
export type ChainReport =
  | { chainKey: string; ok: true; events: number; legacy: number; pending: number }
  | { chainKey: string; ok: false; events: number; pending: number; brokenAt: { id: string; seq: number } | null; reason: string };

const BATCH = 5_000;

/** Events of the chain written but not yet chained by the sequencer (read from its small partial index). */
export async function countUnchained(db: DbTx, chainKey: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "AuditEvent" WHERE "chainKey" = ${chainKey} AND "hash" IS NULL`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Walks one chain's chained prefix (up to its head) in order and names the
 * first event whose content, link or number does not hold; events still
 * awaiting the sequencer are counted (`pending`), not judged. Unsealed
 * "legacy:<id>" events (written before the chain existed) are accepted only as
 * the chain's prefix, each marked with its own id: one after a sealed event is
 * a forgery, whatever the head says. A chain with events and no head has lost
 * its head (deleted tail undetectable). The sequencer may chain more while the
 * walk runs: it moves events and head together, so the walk stops at the head
 * it read first and afterwards checks that no numbered event lies past the head.
 */
export async function verifyChain(db: DbTx, chainKey: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let prev: string | null = null;
  let legacy = 0;
  let events = 0;
  let sealed = false;
  const head = await db.auditChainHead.findUnique({ where: { chainKey } });
  const pending = await countUnchained(db, chainKey);
  const broken = (at: { id: string; seq: number } | null, reason: string): ChainReport => ({ chainKey, ok: false, events, pending, brokenAt: at, reason });
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { chainKey, seq: { gte: expectedSeq, ...(head ? { lte: head.seq } : {}) } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const seq = row.seq!;
      const at = { id: row.id.toString(), seq };
      if (seq !== expectedSeq) return broken(at, `urutan terputus: diharapkan #${expectedSeq}, ditemukan #${seq}`);
      const hash = row.hash!;
      if (hash.startsWith("legacy:")) {
        if (sealed) return broken(at, "peristiwa tanpa segel muncul setelah peristiwa bersegel");
        if (hash !== `legacy:${row.id}` || row.prevHash !== null) return broken(at, "penanda peristiwa lama tanpa segel tidak sah");
        legacy++;
      } else {
        sealed = true;
        if (row.prevHash !== prev) return broken(at, "tautan ke peristiwa sebelumnya tidak cocok");
        const content: EventContent = {
          chainKey: row.chainKey,
          agencyId: row.agencyId,
          actorId: row.actorId,
          actorSnapshot: row.actorSnapshot,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          data: row.data,
          ip: row.ip,
          userAgent: row.userAgent,
          requestId: row.requestId,
          createdAt: row.createdAt,
        };
        const expected: string | null =
          row.contentHash === null
            ? hashEvent({ ...content, seq, prevHash: row.prevHash })
            : contentHash(content) === row.contentHash
              ? linkHash({ chainKey: row.chainKey, seq, prevHash: row.prevHash, contentHash: row.contentHash })
              : null;
        if (expected !== hash) return broken(at, "isi peristiwa telah diubah (hash tidak cocok)");
      }
      prev = hash;
      expectedSeq++;
      events++;
    }
    if (rows.length < BATCH) break;
  }
  if (!head && events > 0) {
    return broken(null, `kepala rantai hilang: peristiwa yang dihapus dari akhir rantai tidak dapat diketahui`);
  }
  if (head && (head.seq !== events || (events > 0 && head.hash !== prev))) {
    return broken(null, `peristiwa setelah #${events} hilang (kepala rantai #${head.seq})`);
  }
  // Read the highest number before the head again: the sequencer moves both in one commit.
  const last = await db.auditEvent.findFirst({ where: { chainKey, seq: { not: null } }, orderBy: { seq: "desc" }, select: { id: true, seq: true } });
  const headNow = await db.auditChainHead.findUnique({ where: { chainKey }, select: { seq: true } });
  if (last && last.seq! > (headNow?.seq ?? 0)) {
    return broken({ id: last.id.toString(), seq: last.seq! }, `peristiwa bernomor di luar kepala rantai (#${headNow?.seq ?? 0})`);
  }
  return { chainKey, ok: true, events, legacy, pending };
}

/**
 * Every chain: those with a head and those with events (a chain whose head
 * was removed is still walked, and reported broken). The event keys come from
 * a loose scan of the (chainKey, seq) index: one probe per chain, not per event.
 */
export async function verifyAllChains(db: DbTx): Promise<ChainReport[]> {
  const heads = await db.auditChainHead.findMany({ select: { chainKey: true } });
  const withEvents = await db.$queryRaw<{ chainKey: string }[]>`
    WITH RECURSIVE k AS (
      (SELECT "chainKey" FROM "AuditEvent" ORDER BY "chainKey" LIMIT 1)
      UNION ALL
      SELECT (SELECT e."chainKey" FROM "AuditEvent" e WHERE e."chainKey" > k."chainKey" ORDER BY e."chainKey" LIMIT 1)
      FROM k WHERE k."chainKey" IS NOT NULL
    )
    SELECT "chainKey" FROM k WHERE "chainKey" IS NOT NULL`;
  const keys = [...new Set([...heads, ...withEvents].map((h) => h.chainKey))].sort();
  const reports: ChainReport[] = [];
  for (const chainKey of keys) reports.push(await verifyChain(db, chainKey));
  return reports;
}
