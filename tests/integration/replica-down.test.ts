import { createServer } from "node:net";

import { afterEach, describe, expect, it, vi } from "vitest";

import { cycleTimeline, listAuditEvents, listAuditFilterOptions } from "@/lib/audit/queries";
import { readerFor, replicaDown, resetReplicaHealth } from "@/lib/db/replica";

import { addMembership, createAgency, createUser } from "./factories";

/**
 * Decision 037, "Replica down": with DATABASE_REPLICA_URL set and the replica not answering,
 * the auditor's read-only pages (audit log, cycle timeline) still answer, from the primary,
 * with one logged warning; the replica is left alone for ALUR_REPLICA_RETRY_SECONDS.
 * The "replica" here is the test database's address on a port nobody listens on.
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the auditor's pages when the read replica is down", () => {
  const saved = { replica: process.env.DATABASE_REPLICA_URL, retry: process.env.ALUR_REPLICA_RETRY_SECONDS };
  afterEach(() => {
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved.replica;
    if (saved.retry === undefined) delete process.env.ALUR_REPLICA_RETRY_SECONDS;
    else process.env.ALUR_REPLICA_RETRY_SECONDS = saved.retry;
    resetReplicaHealth();
    vi.restoreAllMocks();
  });

  it("answer from the primary, log a warning once, and skip the replica until the retry time", async () => {
    const agency = await createAgency();
    const head = await createUser();
    await addMembership(head.id, agency, "KADIS");

    const url = new URL(process.env.DATABASE_URL!);
    url.hostname = "127.0.0.1";
    url.port = String(await closedPort());
    process.env.DATABASE_REPLICA_URL = url.toString();
    process.env.ALUR_REPLICA_RETRY_SECONDS = "60";
    resetReplicaHealth();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    // A reader who has not just written is routed to the replica...
    const reader = readerFor(undefined);
    expect(reader.replica).toBe(true);
    // ...which refuses the connection: the page's reads are answered by the primary.
    const options = await listAuditFilterOptions(agency.id, reader.client);
    expect(options.members.map((m) => m.id)).toEqual([head.id]);
    const log = await listAuditEvents(agency.id, {}, { client: reader.client });
    expect(Array.isArray(log.rows)).toBe(true);
    expect(await cycleTimeline(agency.id, "tidak-ada", new Date(), reader.client)).toBeNull();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/read replica unreachable.*primary/);
    // Marked down: the next page reads the primary directly, without trying the replica again.
    expect(replicaDown()).toBe(true);
    expect(readerFor(undefined).replica).toBe(false);
    // After the retry time the replica is tried again.
    expect(readerFor(undefined, Date.now() + 61_000).replica).toBe(true);
  });

  it("still reports a query's own error (not a connection failure) instead of hiding it behind the primary", async () => {
    process.env.DATABASE_REPLICA_URL = process.env.DATABASE_URL;
    resetReplicaHealth();
    const reader = readerFor(undefined);
    expect(reader.replica).toBe(true);
    await expect(reader.client.agency.findUniqueOrThrow({ where: { id: "tidak-ada" } })).rejects.toThrow();
    expect(replicaDown()).toBe(false);
  });
});
