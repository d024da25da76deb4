import pg from "pg";
import { describe, expect, it } from "vitest";

import { verifyAllChains, verifyChain } from "@/lib/audit/chain";
import { ZAuditEventInput } from "@/lib/audit/events";
import { recordAudit } from "@/lib/audit/record";
import { sequenceAll } from "@/lib/audit/sequencer";
import { db } from "@/lib/db/client";

import { actorOf, createAgency, createUser } from "./factories";

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Writes n events, then runs the sequencer (as the worker would within a second) so they are chained. */
async function writeEvents(agencyId: string, actor: ReturnType<typeof actorOf>, n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { action: "membership.deactivate", entityType: "User", entityId: `u${i}`, data: { nip: "198401012010011001", active: { before: true, after: false } } },
        { agencyId, actor, meta: { ip: "10.1.2.3", userAgent: "vitest", requestId: `r${i}` } },
      ),
    );
  }
  await sequenceAll(db);
}

describe("audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE through the app's connection", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "dipalsukan" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await withClient(async (client) => {
      await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = $1`, [event.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [event.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow();
    });
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("membership.deactivate");
  });

  it("keeps one unbroken hash chain per agency, also under concurrent writers", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await Promise.all(Array.from({ length: 20 }, () => writeEvents(agency.id, actorOf(user), 1)));
    const report = await verifyChain(db, `agency:${agency.id}`);
    expect(report).toMatchObject({ ok: true, events: 20, legacy: 0 });
    const seqs = (await db.auditEvent.findMany({ where: { agencyId: agency.id }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("names exactly the row a superuser edited behind the app's back", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 6);
    const target = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id, seq: 4 } });
    await withClient(async (client) => {
      // A superuser can switch triggers off for the session; the chain still tells.
      await client.query("SET session_replication_role = replica");
      await client.query(`UPDATE "AuditEvent" SET "data" = jsonb_set("data", '{nip}', '"199001012015011001"') WHERE "id" = $1`, [target.id]);
      await client.query("SET session_replication_role = DEFAULT");
    });
    const report = await verifyChain(db, `agency:${agency.id}`);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.brokenAt).toEqual({ id: target.id.toString(), seq: 4 });
      expect(report.reason).toMatch(/diubah/);
    }
  });

  it("notices events deleted from the end of a chain", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 3);
    await withClient(async (client) => {
      await client.query("SET session_replication_role = replica");
      await client.query(`DELETE FROM "AuditEvent" WHERE "chainKey" = $1 AND "seq" = 3`, [`agency:${agency.id}`]);
      await client.query("SET session_replication_role = DEFAULT");
    });
    const report = await verifyChain(db, `agency:${agency.id}`);
    expect(report).toMatchObject({ ok: false, reason: expect.stringMatching(/hilang/) });
  });

  it("refuses a forged legacy row appended after sealed events, with the chain head moved onto it", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 3);
    const chainKey = `agency:${agency.id}`;
    // Through the app's connection the forgery is refused at the door: no new unsealed rows.
    await withClient(async (client) => {
      await expect(
        client.query(`INSERT INTO "AuditEvent" ("chainKey", "seq", "agencyId", "action", "entityType", "data", "createdAt", "hash") VALUES ($1, 4, $2, 'membership.deactivate', 'User', '{}', now(), 'legacy:x')`, [chainKey, agency.id]),
      ).rejects.toThrow(/legacy/);
    });
    // A superuser who switches triggers off can write it; the verifier still names it.
    await withClient(async (client) => {
      await client.query("SET session_replication_role = replica");
      await client.query(
        `INSERT INTO "AuditEvent" ("chainKey", "seq", "agencyId", "action", "entityType", "data", "createdAt", "hash") VALUES ($1, 4, $2, 'membership.deactivate', 'User', '{}', now(), 'legacy:x')`,
        [chainKey, agency.id],
      );
      await client.query(`UPDATE "AuditChainHead" SET "seq" = 4, "hash" = 'legacy:x' WHERE "chainKey" = $1`, [chainKey]);
      await client.query("SET session_replication_role = DEFAULT");
    });
    const forged = await db.auditEvent.findFirstOrThrow({ where: { chainKey, seq: 4 } });
    const report = await verifyChain(db, chainKey);
    expect(report).toMatchObject({ ok: false, brokenAt: { id: forged.id.toString(), seq: 4 }, reason: expect.stringMatching(/tanpa segel/) });
  });

  it("guards the chain head like the events: no delete, no truncate, no move back, no move to a row that is not there", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 3);
    const chainKey = `agency:${agency.id}`;
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { chainKey } });
    const third = await db.auditEvent.findFirstOrThrow({ where: { chainKey, seq: 3 } });
    const second = await db.auditEvent.findFirstOrThrow({ where: { chainKey, seq: 2 } });
    expect(head).toEqual({ chainKey, seq: 3, hash: third.hash });
    await withClient(async (client) => {
      await expect(client.query(`DELETE FROM "AuditChainHead" WHERE "chainKey" = $1`, [chainKey])).rejects.toThrow(/AuditChainHead/);
      await expect(client.query(`TRUNCATE "AuditChainHead"`)).rejects.toThrow(/AuditChainHead/);
      // Back to an earlier event that exists, or forward to one that does not.
      await expect(client.query(`UPDATE "AuditChainHead" SET "seq" = 2, "hash" = $2 WHERE "chainKey" = $1`, [chainKey, second.hash])).rejects.toThrow(/AuditChainHead/);
      await expect(client.query(`UPDATE "AuditChainHead" SET "seq" = 4, "hash" = 'ab' WHERE "chainKey" = $1`, [chainKey])).rejects.toThrow(/AuditChainHead/);
      await expect(client.query(`UPDATE "AuditChainHead" SET "hash" = 'ab' WHERE "chainKey" = $1`, [chainKey])).rejects.toThrow(/AuditChainHead/);
      await expect(client.query(`UPDATE "AuditChainHead" SET "chainKey" = 'platform-x' WHERE "chainKey" = $1`, [chainKey])).rejects.toThrow(/AuditChainHead/);
      // A new head starts empty, or at an event of its chain that exists.
      await expect(client.query(`INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash") VALUES ('agency:palsu', 7, 'ab')`)).rejects.toThrow(/AuditChainHead/);
    });
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { chainKey } })).toEqual(head);
    // The app keeps appending through it.
    await writeEvents(agency.id, actorOf(user), 2);
    expect(await verifyChain(db, chainKey)).toMatchObject({ ok: true, events: 5, legacy: 0 });
  });

  it("notices a chain whose head a superuser removed, also when verifying every chain", async () => {
    const agency = await createAgency();
    const user = await createUser();
    await writeEvents(agency.id, actorOf(user), 2);
    const chainKey = `agency:${agency.id}`;
    await withClient(async (client) => {
      await client.query("SET session_replication_role = replica");
      await client.query(`DELETE FROM "AuditChainHead" WHERE "chainKey" = $1`, [chainKey]);
      await client.query("SET session_replication_role = DEFAULT");
    });
    expect(await verifyChain(db, chainKey)).toMatchObject({ ok: false, reason: expect.stringMatching(/kepala rantai/) });
    const all = await verifyAllChains(db);
    expect(all.find((r) => r.chainKey === chainKey)).toMatchObject({ ok: false });
  });

  it("accepts only listed event types", () => {
    expect(ZAuditEventInput.safeParse({ action: "sesuatu.baru", entityType: "User", entityId: "x", data: {} }).success).toBe(false);
  });
});
