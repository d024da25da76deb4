import "server-only";

import type { DbTx } from "@/lib/db/client";

import { chainKeyFor, contentHash } from "./chain";
import { ZAuditEventInput, type TAuditEventInput } from "./events";
import { kickSequencer } from "./sequence-kick";

export interface AuditActor {
  id: string;
  name: string;
  nip: string;
  roles: string[];
  /** Roles held as an acting official (Plt./Plh.) at that moment, with the appointment. */
  acting?: { appointmentId: string; roleCode: string; kind: "PLT" | "PLH" }[];
}

export interface AuditRequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change,
 * so the change and its record commit or fail together. The event is written
 * unchained, with its content hash, and takes no lock: the sequencer numbers
 * and links it after the commit (lib/audit/sequencer.ts, decision 038).
 */
export async function recordAudit(
  tx: DbTx,
  event: TAuditEventInput,
  {
    agencyId,
    actor,
    meta,
    at,
  }: {
    agencyId: string | null;
    actor: AuditActor | null;
    meta: AuditRequestMeta | null;
    /** When it happened; only demo data and tests with their own clock pass it. */
    at?: Date;
  },
): Promise<void> {
  const parsed = ZAuditEventInput.parse(event);
  const chainKey = chainKeyFor(agencyId);
  const fields = {
    chainKey,
    agencyId,
    actorId: actor?.id ?? null,
    actorSnapshot: actor
      ? { name: actor.name, nip: actor.nip, roles: actor.roles, ...(actor.acting?.length ? { acting: actor.acting } : {}) }
      : null,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId: parsed.entityId ?? null,
    // Normalised through JSON so the hash covers exactly what the database stores.
    data: JSON.parse(JSON.stringify(parsed.data)) as object,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent?.slice(0, 500) ?? null,
    requestId: meta?.requestId ?? null,
    createdAt: at ?? new Date(),
  };
  const { id } = await tx.auditEvent.create({
    data: { ...fields, actorSnapshot: fields.actorSnapshot ?? undefined, contentHash: contentHash(fields) },
    select: { id: true },
  });
  kickSequencer(chainKey, id);
}
