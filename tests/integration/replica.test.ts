import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { listAuditFilterOptions } from "@/lib/audit/queries";
import { readerFor } from "@/lib/db/replica";

import { addMembership, createAgency, createUser } from "./factories";

/**
 * Read-your-writes against a real streaming replica (decision 037). Needs a
 * hot standby of the test's PostgreSQL server: TEST_REPLICA_PORT names its port
 * on the same host (`npm run bench:scale-out -- --replica-test` starts one,
 * runs this file and removes it). Without it the file is skipped: the routing
 * rule itself is covered by tests/unit/replica-routing.test.ts.
 */
const replicaPort = process.env.TEST_REPLICA_PORT;
const onReplica = (database: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.port = replicaPort!;
  url.pathname = `/${database}`;
  return url.toString();
};

async function onReplicaServer<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: onReplica("postgres") });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const memberIds = async (agencyId: string, stamp: string | undefined) =>
  (await listAuditFilterOptions(agencyId, readerFor(stamp).client)).members.map((m) => m.id);

describe.skipIf(!replicaPort)("the auditor's pages on a streaming replica", () => {
  afterAll(async () => {
    await onReplicaServer("SELECT pg_wal_replay_resume()").catch(() => undefined);
  });

  it("show the acting user's own write at once, while a reader without a recent write sees the replica (which lags)", async () => {
    process.env.DATABASE_REPLICA_URL = onReplica(new URL(process.env.DATABASE_URL!).pathname.slice(1));
    const agency = await createAgency();
    const first = await createUser();
    await addMembership(first.id, agency, "KADIS");
    // The replica has caught up with the agency and its first member.
    await until(async () => (await memberIds(agency.id, undefined)).includes(first.id), "the replica to replay the agency");
    expect(readerFor(undefined).replica).toBe(true);

    await onReplicaServer("SELECT pg_wal_replay_pause()");
    try {
      const second = await createUser();
      await addMembership(second.id, agency, "TIM_SAKIP");
      const justWrote = String(Date.now());
      // The writer reads from the primary: their own write is there.
      expect(readerFor(justWrote).replica).toBe(false);
      expect(await memberIds(agency.id, justWrote)).toEqual(expect.arrayContaining([first.id, second.id]));
      // Anyone else (no recent write) reads from the replica, which has not replayed it yet.
      expect(await memberIds(agency.id, undefined)).toEqual([first.id]);
      // Long after the write, the writer too is back on the replica.
      expect(await memberIds(agency.id, String(Date.now() - 60_000))).toEqual([first.id]);
    } finally {
      await onReplicaServer("SELECT pg_wal_replay_resume()");
    }
    await until(async () => (await memberIds(agency.id, undefined)).length === 2, "the replica to replay the second member");
  });
});
