import { readReplicas } from "@prisma/extension-read-replicas";

import { isConnectionFailure } from "./busy";
import { createPrismaClient, getDb, type Db, type DbTx } from "./client";
import { stickySeconds } from "./replica-stamp";

export { stickySeconds, WROTE_AT_COOKIE } from "./replica-stamp";

/**
 * Optional streaming read replica for the auditor's read-only pages (audit log,
 * cycle timeline): docs/decisions/037-scale-out.md.
 *
 * With `DATABASE_REPLICA_URL` unset nothing changes: `readerFor` answers the
 * primary client. With it set, `readerFor` answers the primary client extended
 * with Prisma's read-replica extension, whose non-transactional reads go to the
 * replica (writes and `$queryRaw` still go to the primary), unless the acting
 * user wrote within the last `ALUR_REPLICA_STICKY_SECONDS` (default 10): then the
 * primary, so the user's own step is on the page they open next
 * (read-your-writes). "Wrote" is a cookie proxy.ts sets on every server action
 * request (lib/db/replica-stamp.ts), so it holds on every instance.
 */

export function replicaUrl(): string | null {
  return process.env.DATABASE_REPLICA_URL || null;
}

/**
 * The routing rule, pure: the primary when there is no replica, or when the
 * user wrote less than `windowSeconds` ago (a malformed or future stamp counts
 * as recent: the safe side is the primary).
 */
export function readsFromReplica(options: { replica: boolean; wroteAt: string | undefined; now: number; windowSeconds: number }): boolean {
  if (!options.replica) return false;
  if (options.wroteAt === undefined || options.wroteAt === "") return true;
  if (!/^\d{1,15}$/.test(options.wroteAt)) return false;
  const wroteAt = Number(options.wroteAt);
  if (wroteAt > options.now) return false;
  return options.now - wroteAt >= options.windowSeconds * 1000;
}

/**
 * Is this error the replica being unreachable (down, refusing, restarting, the pool's connect
 * timeout, a dropped connection) rather than a fault of the query? Then the read is answered by
 * the primary instead (docs/decisions/037-scale-out.md, "Replica down"). The rule is lib/db/busy.ts's,
 * the same that tells a page, route or action that the database is busy.
 */
export { isConnectionFailure };

/** After a connection failure the replica is left alone for this long (ALUR_REPLICA_RETRY_SECONDS, default 30). */
export function retrySeconds(): number {
  const n = Number(process.env.ALUR_REPLICA_RETRY_SECONDS ?? 30);
  return Number.isFinite(n) && n >= 0 ? n : 30;
}

const replicaHealth = globalThis as unknown as { alurReplicaDownUntil?: number };

/** The replica failed to answer: read the primary until the retry time, and say so once. */
function markReplicaDown(error: unknown, now = Date.now()) {
  const wasDown = (replicaHealth.alurReplicaDownUntil ?? 0) > now;
  replicaHealth.alurReplicaDownUntil = now + retrySeconds() * 1000;
  if (!wasDown) {
    const reason = error instanceof Error ? error.message.split("\n").at(-1) : String(error);
    console.warn(`[db] read replica unreachable (${reason}): reading from the primary for ${retrySeconds()} s`);
  }
}

/** Whether the replica is being skipped after a recent connection failure. */
export function replicaDown(now = Date.now()): boolean {
  return (replicaHealth.alurReplicaDownUntil ?? 0) > now;
}

/** Forget a recorded failure (tests). */
export function resetReplicaHealth() {
  delete replicaHealth.alurReplicaDownUntil;
  delete globalForReplica.alurReplicaRouted;
}

type TModelDelegate = Record<string, (args: unknown) => Promise<unknown>>;

function createReplicaRouted(url: string) {
  const primary = getDb();
  // The replica's reads, each answered by the primary when the replica cannot be reached
  // (and while it is marked down): the page answers, a little slower, never fails for it.
  const replica = createPrismaClient(url).$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        const onPrimary = () => {
          const target = model ? ((primary as unknown as Record<string, TModelDelegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!) : (primary as unknown as TModelDelegate);
          return target[operation]!(args);
        };
        if (replicaDown()) return onPrimary();
        return query(args).catch((error: unknown) => {
          if (!isConnectionFailure(error)) throw error;
          markReplicaDown(error);
          return onPrimary();
        });
      },
    },
  });
  return primary.$extends(readReplicas({ replicas: [replica as unknown as Db] }));
}
type ReplicaRouted = ReturnType<typeof createReplicaRouted>;

const globalForReplica = globalThis as unknown as { alurReplicaRouted?: ReplicaRouted };

/** The primary client with the read-replica extension: reads outside transactions go to the replica. */
function replicaRouted(url: string): ReplicaRouted {
  globalForReplica.alurReplicaRouted ??= createReplicaRouted(url);
  return globalForReplica.alurReplicaRouted;
}

/**
 * The client a read-only page reads with, given the user's last-write stamp.
 * Typed as a plain client (the extension changes only where reads go). While the
 * replica is marked down after a connection failure, the primary.
 */
export function readerFor(wroteAt: string | undefined, now = Date.now()): { client: DbTx; replica: boolean } {
  const url = replicaUrl();
  if (!url || replicaDown(now) || !readsFromReplica({ replica: true, wroteAt, now, windowSeconds: stickySeconds() })) return { client: getDb(), replica: false };
  return { client: replicaRouted(url) as unknown as DbTx, replica: true };
}
