-- Audit hash chain (lib/audit/chain.ts) and append-only enforcement.

-- Columns arrive nullable, are backfilled for events written before the chain
-- existed ("legacy:<id>" hashes, reported as unsealed by the verifier), then
-- made NOT NULL.
ALTER TABLE "AuditEvent" ADD COLUMN "chainKey" TEXT,
ADD COLUMN "hash" TEXT,
ADD COLUMN "prevHash" TEXT,
ADD COLUMN "seq" INTEGER,
ALTER COLUMN "createdAt" DROP DEFAULT;

UPDATE "AuditEvent" e SET "chainKey" = b."chainKey", "seq" = b."seq", "hash" = 'legacy:' || e."id"
FROM (
  SELECT "id", coalesce('agency:' || "agencyId", 'platform') AS "chainKey",
         row_number() OVER (PARTITION BY coalesce('agency:' || "agencyId", 'platform') ORDER BY "id")::int AS "seq"
  FROM "AuditEvent"
) b
WHERE b."id" = e."id";

ALTER TABLE "AuditEvent" ALTER COLUMN "chainKey" SET NOT NULL,
ALTER COLUMN "hash" SET NOT NULL,
ALTER COLUMN "seq" SET NOT NULL;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainKey")
);

INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash")
SELECT DISTINCT ON ("chainKey") "chainKey", "seq", "hash" FROM "AuditEvent" ORDER BY "chainKey", "seq" DESC;

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_action_id_idx" ON "AuditEvent"("agencyId", "action", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_actorId_id_idx" ON "AuditEvent"("agencyId", "actorId", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_entityId_idx" ON "AuditEvent"("agencyId", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainKey_seq_key" ON "AuditEvent"("chainKey", "seq");

-- Hand-written: audit rows are append-only for everyone using the app's
-- connection (and anyone else who does not disable triggers as a superuser).
CREATE FUNCTION "manual_audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "manual_audit_event_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "manual_audit_event_append_only"();

CREATE TRIGGER "manual_audit_event_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "manual_audit_event_append_only"();
