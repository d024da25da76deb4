-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "contentHash" TEXT,
ALTER COLUMN "seq" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;


-- Hand-written (docs/decisions/038-audit-sequencer.md): events are written unchained
-- (seq, prevHash and hash null, contentHash set) and chained later by the sequencer
-- (lib/audit/sequencer.ts). The append-only rule gains exactly one exception: the
-- sequencer seals an unchained event once, setting seq, prevHash and hash and
-- nothing else. Sealed events stay immutable; DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION "manual_audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."hash" IS NULL AND OLD."seq" IS NULL AND OLD."prevHash" IS NULL
     AND NEW."hash" IS NOT NULL AND NEW."seq" IS NOT NULL AND NEW."hash" NOT LIKE 'legacy:%'
     AND NEW."contentHash" IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prevHash' - 'hash')
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- New events are either sealed on insert (the bench's bulk load) or unchained with
-- their content hash; never half-chained.
CREATE OR REPLACE FUNCTION "manual_audit_event_no_new_legacy"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."hash" LIKE 'legacy:%' THEN
    RAISE EXCEPTION 'AuditEvent: new events must be sealed; "legacy:" hashes belong to events older than the chain'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."hash" IS NULL AND (NEW."seq" IS NOT NULL OR NEW."prevHash" IS NOT NULL OR NEW."contentHash" IS NULL) THEN
    RAISE EXCEPTION 'AuditEvent: an unchained event carries its content hash and no chain fields'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

-- The events awaiting chaining, per chain in write order: the sequencer's batch and
-- the verifier's "awaiting" count read only this (small) index.
CREATE INDEX "manual_audit_event_unchained" ON "AuditEvent"("chainKey", "id") WHERE "hash" IS NULL;
