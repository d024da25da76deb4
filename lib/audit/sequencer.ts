import type { Db } from "@/lib/db/client";

import { linkHash } from "./chain";

/**
 * The audit sequencer (docs/decisions/038-audit-sequencer.md). Requests write
 * their audit events unchained, with their content hash, and hold no lock on
 * the chain; this numbers each chain's waiting events in write order and links
 * them (seq, prevHash, hash), in batches, and moves the chain head, all in one
 * transaction. A transaction-scoped advisory lock per chain keeps two
 * sequencers (worker, web instances) from forking a chain; a sequencer killed
 * mid-batch leaves its transaction rolled back and the events waiting, so the
 * next run chains them: nothing lost, nothing chained twice.
 */

/** Advisory-lock class of the sequencer (the second key is the chain key's hash). */
const LOCK_CLASS = 38_001;
export const SEQUENCE_BATCH = 500;

/**
 * Chains up to `batch` waiting events of one chain. Returns the ids it chained
 * (empty: nothing waited). Waits for a concurrent sequencer of the same chain.
 */
export async function sequenceChain(db: Db, chainKey: string, options: SequenceOptions = {}): Promise<bigint[]> {
  return sequenceChains(db, [chainKey], options);
}

export interface SequenceOptions {
  /** Per chain. */
  batch?: number;
  /** Runs after the batch is written, before it commits: the fault tests kill or abort the sequencer here. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Chains up to `batch` waiting events of each of several chains in one
 * transaction of four statements, whatever their number: what a web instance's
 * kick does for the chains its requests wrote to in the last moments
 * (lib/audit/sequence-kick.ts). The chains' advisory locks are taken in one
 * order (by lock key), so two sequencers never wait for each other in a cycle.
 * Returns the ids it chained.
 */
export async function sequenceChains(db: Db, chainKeys: string[], { batch = SEQUENCE_BATCH, beforeCommit }: SequenceOptions = {}): Promise<bigint[]> {
  const keys = [...new Set(chainKeys)].sort();
  if (keys.length === 0) return [];
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`
      SELECT count(pg_advisory_xact_lock(${LOCK_CLASS}::int, l."key"))::int AS "locked"
      FROM (SELECT DISTINCT hashtext(k) AS "key" FROM unnest(${keys}::text[]) AS k ORDER BY 1) AS l`;
    // The waiting events with their chain's head (read after the lock, in the same statement: decision 084).
    const waiting = await tx.$queryRaw<{ id: bigint; chainKey: string; contentHash: string; headSeq: number | null; headHash: string | null }[]>`
      SELECT w."id", w."chainKey", w."contentHash", h."seq" AS "headSeq", h."hash" AS "headHash" FROM (
        SELECT "id", "chainKey", "contentHash", row_number() OVER (PARTITION BY "chainKey" ORDER BY "id") AS "n"
        FROM "AuditEvent" WHERE "chainKey" = ANY(${keys}::text[]) AND "hash" IS NULL
      ) AS w
      LEFT JOIN "AuditChainHead" h ON h."chainKey" = w."chainKey"
      WHERE w."n" <= ${batch}
      ORDER BY w."chainKey", w."id"`;
    if (waiting.length === 0) return [];
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const e of waiting) if (e.headSeq !== null && e.headHash !== null) heads.set(e.chainKey, { seq: e.headSeq, hash: e.headHash });
    const ids: bigint[] = [];
    const seqs: number[] = [];
    const prevs: (string | null)[] = [];
    const hashes: string[] = [];
    const moved = new Map<string, { seq: number; hash: string }>();
    for (const event of waiting) {
      const head = moved.get(event.chainKey) ?? heads.get(event.chainKey);
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head && head.seq > 0 ? head.hash : null;
      const hash = linkHash({ chainKey: event.chainKey, seq, prevHash, contentHash: event.contentHash });
      ids.push(event.id);
      seqs.push(seq);
      prevs.push(prevHash);
      hashes.push(hash);
      moved.set(event.chainKey, { seq, hash });
    }
    // The events are sealed first, the heads moved next: the heads' guard (a trigger) sees the events they point at.
    await tx.$executeRaw`
      WITH sealed AS (
        UPDATE "AuditEvent" e SET "seq" = v."seq", "prevHash" = v."prevHash", "hash" = v."hash"
        FROM unnest(${ids}::bigint[], ${seqs}::int[], ${prevs}::text[], ${hashes}::text[]) AS v("id", "seq", "prevHash", "hash")
        WHERE e."id" = v."id" AND e."hash" IS NULL
        RETURNING e."id"
      )
      SELECT count(*) FROM sealed`;
    const headKeys = [...moved.keys()];
    await tx.$executeRaw`
      INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash")
      SELECT * FROM unnest(${headKeys}::text[], ${headKeys.map((k) => moved.get(k)!.seq)}::int[], ${headKeys.map((k) => moved.get(k)!.hash)}::text[])
      ON CONFLICT ("chainKey") DO UPDATE SET "seq" = EXCLUDED."seq", "hash" = EXCLUDED."hash"`;
    await beforeCommit?.();
    return ids;
  });
}

/** Chains every waiting event of one chain, batch after batch. */
export async function drainChain(db: Db, chainKey: string, options?: SequenceOptions): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await sequenceChain(db, chainKey, options);
    total += ids.length;
    if (ids.length < (options?.batch ?? SEQUENCE_BATCH)) return total;
  }
}

/** The chains that have events waiting (from the partial index of waiting events). */
export async function chainsWithWaitingEvents(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ chainKey: string }[]>`SELECT DISTINCT "chainKey" FROM "AuditEvent" WHERE "hash" IS NULL`;
  return rows.map((r) => r.chainKey).sort();
}

/** Chains every waiting event of every chain: the worker's round, and what tests run before verifying. */
export async function sequenceAll(db: Db, options?: SequenceOptions): Promise<number> {
  let total = 0;
  for (const chainKey of await chainsWithWaitingEvents(db)) total += await drainChain(db, chainKey, options);
  return total;
}
