-- Hand-written (the drift test compares tables, columns and indexes, not triggers):
-- the chain head is guarded like the events it points at (docs/decisions/005-audit-chain.md).

-- The head may never be deleted or truncated (a chain without its head would
-- drop out of "verify every chain" and its deleted tail would go unnoticed).
-- It may be created empty (seq 0, hash ''), as lib/audit/chain.ts advanceChain
-- does, or pointing at an existing event of its chain; it may only move
-- forward, onto an event of its chain that exists with exactly that seq and
-- hash. The writers' lock (ON CONFLICT DO UPDATE that changes nothing) passes.
-- Forward by any number, not only by one, so a bulk load (tests/bench/seed.ts)
-- can write its events set-based and then set each head once; skipped numbers
-- are still caught by the verifier, which counts every event up to the head.
CREATE FUNCTION "manual_audit_chain_head_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'AuditChainHead is append-only: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW."chainKey" IS DISTINCT FROM OLD."chainKey" THEN
      RAISE EXCEPTION 'AuditChainHead: the chain key of a head cannot change'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW."seq" = OLD."seq" AND NEW."hash" = OLD."hash" THEN
      RETURN NEW;
    END IF;
    IF NEW."seq" <= OLD."seq" THEN
      RAISE EXCEPTION 'AuditChainHead % may only move forward (from #% to #%)', NEW."chainKey", OLD."seq", NEW."seq"
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW."seq" = 0 AND NEW."hash" = '' THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "AuditEvent" WHERE "chainKey" = NEW."chainKey" AND "seq" = NEW."seq" AND "hash" = NEW."hash"
  ) THEN
    RAISE EXCEPTION 'AuditChainHead % must point at its event #% with that hash', NEW."chainKey", NEW."seq"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "manual_audit_chain_head_guard_rows"
  BEFORE INSERT OR UPDATE OR DELETE ON "AuditChainHead"
  FOR EACH ROW EXECUTE FUNCTION "manual_audit_chain_head_guard"();

CREATE TRIGGER "manual_audit_chain_head_no_truncate"
  BEFORE TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "manual_audit_chain_head_guard"();

-- "legacy:<id>" marks only the events written before the chain existed (the
-- backfill of 20261122021231_audit_chain): nobody may add one now.
CREATE FUNCTION "manual_audit_event_no_new_legacy"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."hash" LIKE 'legacy:%' THEN
    RAISE EXCEPTION 'AuditEvent: new events must be sealed; "legacy:" hashes belong to events older than the chain'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "manual_audit_event_no_new_legacy"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "manual_audit_event_no_new_legacy"();
