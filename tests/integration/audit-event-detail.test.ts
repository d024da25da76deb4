/**
 * The audit log's details opened on demand (decision 051): an event is read
 * only through its own agency, so another agency's event id reads as absent
 * (the route answers 404 for it, as for a member without audit.view: the
 * door is agencyRoute, probed in tests/proof and tests/e2e/audit.spec.ts).
 */
import { describe, expect, it } from "vitest";

import { getAuditEvent } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";

import { actorOf, createAgency, createUser } from "./factories";

async function oneEvent() {
  const agency = await createAgency();
  const user = await createUser({ name: `Admin ${agency.slug}` });
  await db.$transaction((tx) =>
    recordAudit(
      tx,
      { action: "membership.deactivate", entityType: "User", entityId: user.id, data: { nip: "198401012010011001", active: { before: true, after: false } } },
      { agencyId: agency.id, actor: actorOf(user), meta: null },
    ),
  );
  const event = await db.auditEvent.findFirstOrThrow({ where: { agencyId: agency.id }, select: { id: true } });
  return { agency, id: event.id };
}

describe("getAuditEvent", () => {
  it("reads an event of the agency, with its recorded data", async () => {
    const { agency, id } = await oneEvent();
    const event = await getAuditEvent(agency.id, id);
    expect(event?.action).toBe("membership.deactivate");
    expect(event?.data).toEqual({ nip: "198401012010011001", active: { before: true, after: false } });
  });

  it("never reads another agency's event, nor an unknown id", async () => {
    const a = await oneEvent();
    const b = await oneEvent();
    expect(await getAuditEvent(a.agency.id, b.id)).toBeNull();
    expect(await getAuditEvent(b.agency.id, a.id)).toBeNull();
    expect(await getAuditEvent(a.agency.id, 9_000_000_000_000n)).toBeNull();
  });
});
