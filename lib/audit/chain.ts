import { createHash } from "node:crypto";

import type { DbTx } from "@/lib/db/client";

/**
 * The audit hash chain. Each chain (one per agency, "platform" for events
 * outside any agency) numbers its events 1, 2, 3… and each event stores
 * sha256(canonical content + previous hash). Editing, deleting or reordering
 * any event breaks the chain at that event, which `verifyChain` names.
 */
export const chainKeyFor = (agencyId: string | null) => (agencyId ? `agency:${agencyId}` : "platform");

export interface ChainedFields {
  chainKey: string;
  seq: number;
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

export function hashEvent(fields: ChainedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/**
 * Takes the chain head for update (waiting for any concurrent writer of the
 * same chain to commit) and returns the next sequence number and the previous hash.
 */
export async function advanceChain(tx: DbTx, chainKey: string): Promise<{ seq: number; prevHash: string | null }> {
  const rows = await tx.$queryRaw<{ seq: number; hash: string }[]>`
    INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash") VALUES (${chainKey}, 0, '')
    ON CONFLICT ("chainKey") DO UPDATE SET "chainKey" = EXCLUDED."chainKey"
    RETURNING "seq", "hash"`;
  const head = rows[0]!;
  return { seq: head.seq + 1, prevHash: head.seq === 0 ? null : head.hash };
}

export async function setChainHead(tx: DbTx, chainKey: string, seq: number, hash: string) {
  await tx.auditChainHead.update({ where: { chainKey }, data: { seq, hash } });
}

export type ChainReport =
  | { chainKey: string; ok: true; events: number; legacy: number }
  | { chainKey: string; ok: false; events: number; brokenAt: { id: string; seq: number } | null; reason: string };

const BATCH = 5_000;

/**
 * Walks one chain in order and names the first event whose content, link or
 * number does not hold. Unsealed "legacy:<id>" events (written before the
 * chain existed) are accepted only as the chain's prefix, each marked with its
 * own id: one after a sealed event is a forgery, whatever the head says. A
 * chain with events and no head has lost its head (deleted tail undetectable).
 */
export async function verifyChain(db: DbTx, chainKey: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let prev: string | null = null;
  let legacy = 0;
  let events = 0;
  let sealed = false;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { chainKey, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const at = { id: row.id.toString(), seq: row.seq };
      if (row.seq !== expectedSeq) {
        return { chainKey, ok: false, events, brokenAt: at, reason: `urutan terputus: diharapkan #${expectedSeq}, ditemukan #${row.seq}` };
      }
      if (row.hash.startsWith("legacy:")) {
        if (sealed) return { chainKey, ok: false, events, brokenAt: at, reason: "peristiwa tanpa segel muncul setelah peristiwa bersegel" };
        if (row.hash !== `legacy:${row.id}` || row.prevHash !== null) {
          return { chainKey, ok: false, events, brokenAt: at, reason: "penanda peristiwa lama tanpa segel tidak sah" };
        }
        legacy++;
      } else {
        sealed = true;
        if (row.prevHash !== prev) return { chainKey, ok: false, events, brokenAt: at, reason: "tautan ke peristiwa sebelumnya tidak cocok" };
        const expected = hashEvent({
          chainKey: row.chainKey,
          seq: row.seq,
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
          prevHash: row.prevHash,
        });
        if (expected !== row.hash) return { chainKey, ok: false, events, brokenAt: at, reason: "isi peristiwa telah diubah (hash tidak cocok)" };
      }
      prev = row.hash;
      expectedSeq++;
      events++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { chainKey } });
  if (!head && events > 0) {
    return { chainKey, ok: false, events, brokenAt: null, reason: `kepala rantai hilang: peristiwa yang dihapus dari akhir rantai tidak dapat diketahui` };
  }
  if (head && (head.seq !== events || (events > 0 && head.hash !== prev))) {
    return { chainKey, ok: false, events, brokenAt: null, reason: `peristiwa setelah #${events} hilang (kepala rantai #${head.seq})` };
  }
  return { chainKey, ok: true, events, legacy };
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
