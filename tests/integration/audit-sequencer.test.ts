import { spawn } from "node:child_process";

import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { chainKeyFor, hashEvent, verifyAllChains, verifyChain } from "@/lib/audit/chain";
import { recordAudit } from "@/lib/audit/record";
import { drainChain, sequenceAll, sequenceChain, sequenceChains } from "@/lib/audit/sequencer";
import { db } from "@/lib/db/client";

import { actorOf, createAgency, createUser } from "./factories";

// Decision 038: requests write audit events unchained; the sequencer chains them.

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function world(n: number) {
  const agency = await createAgency();
  const user = await createUser();
  const chainKey = chainKeyFor(agency.id);
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { action: "membership.deactivate", entityType: "User", entityId: `u${i}`, data: { nip: "198401012010011001", active: { before: true, after: false } } },
        { agencyId: agency.id, actor: actorOf(user), meta: { ip: "10.1.2.3", userAgent: "vitest", requestId: `r${i}` } },
      ),
    );
  }
  return { agency, user, chainKey };
}

const rowsOf = (chainKey: string) =>
  db.auditEvent.findMany({ where: { chainKey }, orderBy: { id: "asc" }, select: { id: true, seq: true, hash: true, prevHash: true, contentHash: true, entityId: true } });

describe("audit sequencer", () => {
  it("writes events unchained, verifies the chained prefix, counts the waiting ones and chains them in write order", async () => {
    const { chainKey } = await world(5);
    const written = await rowsOf(chainKey);
    expect(written).toHaveLength(5);
    for (const row of written) expect(row).toMatchObject({ seq: null, hash: null, prevHash: null, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 0, legacy: 0, pending: 5 });

    expect(await sequenceChain(db, chainKey, { batch: 2 })).toHaveLength(2);
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 2, legacy: 0, pending: 3 });
    expect(await drainChain(db, chainKey, { batch: 2 })).toBe(3);
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 5, legacy: 0, pending: 0 });

    const chained = await rowsOf(chainKey);
    expect(chained.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chained.map((r) => r.entityId)).toEqual(["u0", "u1", "u2", "u3", "u4"]);
    expect(chained[0]!.prevHash).toBeNull();
    for (let i = 1; i < 5; i++) expect(chained[i]!.prevHash).toBe(chained[i - 1]!.hash);
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { chainKey } })).toEqual({ chainKey, seq: 5, hash: chained[4]!.hash });
    // Nothing left: a second round changes nothing.
    expect(await sequenceChain(db, chainKey)).toEqual([]);
  });

  it("continues a chain sealed the old way (content, number and link in one hash) without touching its events", async () => {
    const agency = await createAgency();
    const chainKey = chainKeyFor(agency.id);
    let prevHash: string | null = null;
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        chainKey, seq, agencyId: agency.id, actorId: null, actorSnapshot: null, action: "membership.deactivate", entityType: "User",
        entityId: `old${seq}`, data: { nip: "198401012010011001" }, ip: null, userAgent: null, requestId: null,
        createdAt: new Date(Date.UTC(2026, 10, seq)), prevHash,
      };
      const hash = hashEvent(fields);
      await db.auditEvent.create({ data: { ...fields, actorSnapshot: undefined, hash } });
      prevHash = hash;
    }
    await db.auditChainHead.create({ data: { chainKey, seq: 3, hash: prevHash! } });
    const before = await rowsOf(chainKey);
    const user = await createUser();
    await db.$transaction((tx) =>
      recordAudit(tx, { action: "membership.deactivate", entityType: "User", entityId: "new", data: { nip: "198401012010011001", active: { before: true, after: false } } }, { agencyId: agency.id, actor: actorOf(user), meta: null }),
    );
    expect(await verifyChain(db, chainKey)).toMatchObject({ ok: true, events: 3, pending: 1 });
    await sequenceAll(db);
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 4, legacy: 0, pending: 0 });
    const after = await rowsOf(chainKey);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]).toMatchObject({ entityId: "new", seq: 4, prevHash: before[2]!.hash });
  });

  it("lets nobody change a waiting event's content, half-chain it, or chain a chained event again", async () => {
    const { chainKey } = await world(2);
    const [first] = await rowsOf(chainKey);
    await withClient(async (client) => {
      await expect(client.query(`UPDATE "AuditEvent" SET "data" = '{"nip":"x"}' WHERE "id" = $1`, [first!.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE "AuditEvent" SET "seq" = 1, "hash" = 'ab', "entityId" = 'lain' WHERE "id" = $1`, [first!.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE "AuditEvent" SET "seq" = 1 WHERE "id" = $1`, [first!.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE "AuditEvent" SET "seq" = 1, "hash" = 'legacy:1' WHERE "id" = $1`, [first!.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [first!.id])).rejects.toThrow(/append-only/);
      // Unchained without its content hash, or half-chained at the door.
      await expect(
        client.query(`INSERT INTO "AuditEvent" ("chainKey", "action", "entityType", "data", "createdAt") VALUES ($1, 'membership.deactivate', 'User', '{}', now())`, [chainKey]),
      ).rejects.toThrow(/content hash/);
      await expect(
        client.query(`INSERT INTO "AuditEvent" ("chainKey", "seq", "action", "entityType", "data", "createdAt", "contentHash") VALUES ($1, 9, 'membership.deactivate', 'User', '{}', now(), 'ab')`, [chainKey]),
      ).rejects.toThrow(/content hash/);
    });
    await sequenceAll(db);
    const [chained] = await rowsOf(chainKey);
    await withClient(async (client) => {
      await expect(client.query(`UPDATE "AuditEvent" SET "seq" = 7, "hash" = 'ab', "prevHash" = NULL WHERE "id" = $1`, [chained!.id])).rejects.toThrow(/append-only/);
    });
    expect(await verifyChain(db, chainKey)).toMatchObject({ ok: true, events: 2, pending: 0 });
  });

  it("names a waiting event a superuser edited before it was chained", async () => {
    const { chainKey } = await world(3);
    const [, second] = await rowsOf(chainKey);
    await withClient(async (client) => {
      await client.query("SET session_replication_role = replica");
      await client.query(`UPDATE "AuditEvent" SET "data" = jsonb_set("data", '{nip}', '"199001012015011001"') WHERE "id" = $1`, [second!.id]);
      await client.query("SET session_replication_role = DEFAULT");
    });
    await sequenceAll(db);
    expect(await verifyChain(db, chainKey)).toMatchObject({ ok: false, brokenAt: { id: second!.id.toString(), seq: 2 }, reason: expect.stringMatching(/diubah/) });
  });

  it("loses nothing when a sequencer aborts mid-batch: the next round chains every event once", async () => {
    const { chainKey } = await world(6);
    await expect(
      sequenceChain(db, chainKey, {
        beforeCommit: async () => {
          throw new Error("mati di tengah batch");
        },
      }),
    ).rejects.toThrow(/mati/);
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 0, legacy: 0, pending: 6 });
    expect(await db.auditChainHead.findUnique({ where: { chainKey } })).toBeNull();
    await sequenceAll(db);
    expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 6, legacy: 0, pending: 0 });
    expect((await rowsOf(chainKey)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.skipIf(inject("embeddedDatabase"))(
    "survives kill -9 of a sequencer process holding a written batch; a concurrent sequencer waits for it, then chains every event once",
    async () => {
      const { chainKey } = await world(4);
      // Two chained, two waiting, then more written while the doomed sequencer holds its batch.
      await sequenceChain(db, chainKey, { batch: 2 });
      const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/sequence-and-hang.ts", chainKey, "100"], {
        env: { ...process.env },
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        await new Promise<void>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes("SEALED")) resolve();
          });
          child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
        });
        const user = await createUser();
        const agencyId = chainKey.slice("agency:".length);
        await db.$transaction((tx) =>
          recordAudit(tx, { action: "membership.deactivate", entityType: "User", entityId: "late", data: { nip: "198401012010011001", active: { before: true, after: false } } }, { agencyId, actor: actorOf(user), meta: null }),
        );
        // This sequencer waits on the child's advisory lock.
        let waited = true;
        const rival = sequenceAll(db).finally(() => (waited = false));
        await new Promise((r) => setTimeout(r, 300));
        expect(waited).toBe(true);
        child.kill("SIGKILL");
        await rival;
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await sequenceAll(db);
      expect(await verifyChain(db, chainKey)).toEqual({ chainKey, ok: true, events: 5, legacy: 0, pending: 0 });
      const rows = await rowsOf(chainKey);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows.map((r) => r.entityId)).toEqual(["u0", "u1", "u2", "u3", "late"]);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    },
    30_000,
  );

  it("chains every agency's events when verifying every chain after a round", async () => {
    const a = await world(2);
    const b = await world(3);
    expect((await verifyAllChains(db)).find((r) => r.chainKey === a.chainKey)).toMatchObject({ ok: true, pending: 2 });
    await sequenceAll(db);
    const reports = await verifyAllChains(db);
    expect(reports.find((r) => r.chainKey === a.chainKey)).toEqual({ chainKey: a.chainKey, ok: true, events: 2, legacy: 0, pending: 0 });
    expect(reports.find((r) => r.chainKey === b.chainKey)).toEqual({ chainKey: b.chainKey, ok: true, events: 3, legacy: 0, pending: 0 });
  });
  it("chains several agencies' waiting events in one round, each chain continuing from its own head", async () => {
    const a = await world(3);
    const b = await world(2);
    expect(await sequenceChain(db, a.chainKey, { batch: 1 })).toHaveLength(1);
    // a: two waiting after seq 1; b: two waiting, no head yet. Batch 1 per chain: one each.
    expect(await sequenceChains(db, [b.chainKey, a.chainKey, a.chainKey], { batch: 1 })).toHaveLength(2);
    expect(await verifyChain(db, a.chainKey)).toEqual({ chainKey: a.chainKey, ok: true, events: 2, legacy: 0, pending: 1 });
    expect(await verifyChain(db, b.chainKey)).toEqual({ chainKey: b.chainKey, ok: true, events: 1, legacy: 0, pending: 1 });
    expect(await sequenceChains(db, [a.chainKey, b.chainKey])).toHaveLength(2);
    expect((await rowsOf(a.chainKey)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await rowsOf(b.chainKey)).map((r) => r.seq)).toEqual([1, 2]);
    expect(await verifyChain(db, a.chainKey)).toEqual({ chainKey: a.chainKey, ok: true, events: 3, legacy: 0, pending: 0 });
    expect(await verifyChain(db, b.chainKey)).toEqual({ chainKey: b.chainKey, ok: true, events: 2, legacy: 0, pending: 0 });
  });

  it("the web instance's kick chains the events its requests wrote, of every agency, within a second of the commit", async () => {
    const a = await world(0);
    const b = await world(0);
    const previous = process.env.ALUR_AUDIT_KICK;
    process.env.ALUR_AUDIT_KICK = "1";
    try {
      // recordAudit kicks with the id it wrote; the kick looks for it once committed.
      for (const [i, w] of [a, b, a].entries()) {
        await db.$transaction((tx) =>
          recordAudit(
            tx,
            { action: "membership.deactivate", entityType: "User", entityId: `k${i}`, data: { nip: "198401012010011001", active: { before: true, after: false } } },
            { agencyId: w.agency.id, actor: actorOf(w.user), meta: { ip: "10.1.2.3", userAgent: "vitest", requestId: `k${i}` } },
          ),
        );
      }
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && ((await verifyChain(db, a.chainKey)).pending > 0 || (await verifyChain(db, b.chainKey)).pending > 0)) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await verifyChain(db, a.chainKey)).toEqual({ chainKey: a.chainKey, ok: true, events: 2, legacy: 0, pending: 0 });
      expect(await verifyChain(db, b.chainKey)).toEqual({ chainKey: b.chainKey, ok: true, events: 1, legacy: 0, pending: 0 });
    } finally {
      if (previous === undefined) delete process.env.ALUR_AUDIT_KICK;
      else process.env.ALUR_AUDIT_KICK = previous;
    }
  });
});
