import { readReplicas } from "@prisma/extension-read-replicas";

import { createPrismaClient, getDb, type DbTx } from "./client";
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

function createReplicaRouted(url: string) {
  return getDb().$extends(readReplicas({ replicas: [createPrismaClient(url)] }));
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
 * Typed as a plain client (the extension changes only where reads go).
 */
export function readerFor(wroteAt: string | undefined, now = Date.now()): { client: DbTx; replica: boolean } {
  const url = replicaUrl();
  if (!url || !readsFromReplica({ replica: true, wroteAt, now, windowSeconds: stickySeconds() })) return { client: getDb(), replica: false };
  return { client: replicaRouted(url) as unknown as DbTx, replica: true };
}
