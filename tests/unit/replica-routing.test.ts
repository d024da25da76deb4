import { afterEach, describe, expect, it } from "vitest";

import { readerFor, readsFromReplica, stickySeconds } from "@/lib/db/replica";
import { writeStamp } from "@/lib/db/replica-stamp";

const now = Date.UTC(2026, 11, 4, 4, 0, 0);

describe("read-replica routing of the auditor's read-only pages (decision 037)", () => {
  const saved = { replica: process.env.DATABASE_REPLICA_URL, sticky: process.env.ALUR_REPLICA_STICKY_SECONDS };
  afterEach(() => {
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved.replica;
    if (saved.sticky === undefined) delete process.env.ALUR_REPLICA_STICKY_SECONDS;
    else process.env.ALUR_REPLICA_STICKY_SECONDS = saved.sticky;
  });

  it("reads from the primary when no replica is configured, whatever the stamp", () => {
    expect(readsFromReplica({ replica: false, wroteAt: undefined, now, windowSeconds: 10 })).toBe(false);
    expect(readsFromReplica({ replica: false, wroteAt: String(now - 3_600_000), now, windowSeconds: 10 })).toBe(false);
  });

  it("keeps a user who wrote within the window on the primary (they see their own step), and sends them to the replica after it", () => {
    expect(readsFromReplica({ replica: true, wroteAt: String(now), now, windowSeconds: 10 })).toBe(false);
    expect(readsFromReplica({ replica: true, wroteAt: String(now - 9_999), now, windowSeconds: 10 })).toBe(false);
    expect(readsFromReplica({ replica: true, wroteAt: String(now - 10_000), now, windowSeconds: 10 })).toBe(true);
    expect(readsFromReplica({ replica: true, wroteAt: undefined, now, windowSeconds: 10 })).toBe(true);
    expect(readsFromReplica({ replica: true, wroteAt: "", now, windowSeconds: 10 })).toBe(true);
  });

  it("treats a malformed or future stamp as a recent write (the safe side is the primary)", () => {
    for (const wroteAt of ["abc", "1e3", String(now + 60_000), "-1.5"]) {
      expect(readsFromReplica({ replica: true, wroteAt, now, windowSeconds: 10 }), wroteAt).toBe(false);
    }
  });

  it("changes nothing without DATABASE_REPLICA_URL: the reader is the primary client", () => {
    delete process.env.DATABASE_REPLICA_URL;
    process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:1/primary_not_contacted";
    expect(readerFor(undefined, now).replica).toBe(false);
    expect(readerFor(String(now - 3_600_000), now).replica).toBe(false);
  });

  it("with a replica, routes by the stamp and the configured window", () => {
    process.env.DATABASE_REPLICA_URL = "postgresql://postgres@127.0.0.1:1/replica_not_contacted";
    process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:1/primary_not_contacted";
    process.env.ALUR_REPLICA_STICKY_SECONDS = "30";
    expect(stickySeconds()).toBe(30);
    expect(readerFor(String(now - 20_000), now).replica).toBe(false);
    expect(readerFor(String(now - 30_000), now).replica).toBe(true);
    expect(readerFor(undefined, now).replica).toBe(true);
  });

  it("stamps a server action's browser only when a replica is configured, for the window", () => {
    delete process.env.DATABASE_REPLICA_URL;
    expect(writeStamp(now)).toBeNull();
    process.env.DATABASE_REPLICA_URL = "postgresql://postgres@127.0.0.1:1/replica_not_contacted";
    process.env.ALUR_REPLICA_STICKY_SECONDS = "15";
    expect(writeStamp(now)).toBe(`alur_wrote_at=${now}; Path=/; Max-Age=15; HttpOnly; SameSite=Lax`);
  });
});
