import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { verifyChain } from "@/lib/audit/chain";
import { ZAuditEventInput } from "@/lib/audit/events";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";

import { actorOf, createAgency, createUser } from "./factories";

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

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

  it("accepts only listed event types", () => {
    expect(ZAuditEventInput.safeParse({ action: "sesuatu.baru", entityType: "User", entityId: "x", data: {} }).success).toBe(false);
  });
});
