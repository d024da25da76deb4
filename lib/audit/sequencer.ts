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
export async function sequenceChain(
  db: Db,
  chainKey: string,
  {
    batch = SEQUENCE_BATCH,
    beforeCommit,
  }: {
    batch?: number;
    /** Runs after the batch is written, before it commits: the fault tests kill or abort the sequencer here. */
    beforeCommit?: () => Promise<void>;
  } = {},
): Promise<bigint[]> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${chainKey}))::text AS "locked"`;
    const waiting = await tx.$queryRaw<{ id: bigint; contentHash: string }[]>`
      SELECT "id", "contentHash" FROM "AuditEvent"
      WHERE "chainKey" = ${chainKey} AND "hash" IS NULL
      ORDER BY "id" LIMIT ${batch}`;
    if (waiting.length === 0) return [];
    const head = await tx.auditChainHead.findUnique({ where: { chainKey } });
    let seq = head?.seq ?? 0;
    let prevHash: string | null = head && head.seq > 0 ? head.hash : null;
    const ids: bigint[] = [];
    const seqs: number[] = [];
    const prevs: (string | null)[] = [];
    const hashes: string[] = [];
    for (const event of waiting) {
      seq++;
      const hash = linkHash({ chainKey, seq, prevHash, contentHash: event.contentHash });
      ids.push(event.id);
      seqs.push(seq);
      prevs.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    // Events and head in one statement: the head's guard sees the events it points at.
    await tx.$executeRaw`
      WITH sealed AS (
        UPDATE "AuditEvent" e SET "seq" = v."seq", "prevHash" = v."prevHash", "hash" = v."hash"
        FROM unnest(${ids}::bigint[], ${seqs}::int[], ${prevs}::text[], ${hashes}::text[]) AS v("id", "seq", "prevHash", "hash")
        WHERE e."id" = v."id" AND e."hash" IS NULL
        RETURNING e."id"
      )
      SELECT count(*) FROM sealed`;
    await tx.$executeRaw`
      INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash") VALUES (${chainKey}, ${seq}, ${prevHash})
      ON CONFLICT ("chainKey") DO UPDATE SET "seq" = EXCLUDED."seq", "hash" = EXCLUDED."hash"`;
    await beforeCommit?.();
    return ids;
  });
}

/** Chains every waiting event of one chain, batch after batch. */
export async function drainChain(db: Db, chainKey: string, options?: Parameters<typeof sequenceChain>[2]): Promise<number> {
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
export async function sequenceAll(db: Db, options?: Parameters<typeof sequenceChain>[2]): Promise<number> {
  let total = 0;
  for (const chainKey of await chainsWithWaitingEvents(db)) total += await drainChain(db, chainKey, options);
  return total;
}
