-- Every new activity row must extend its tenant's chain: seq = head.seq + 1 and prev_hash = head.hash.
-- appendActivity (packages/db/src/activity-chain.ts) already writes rows this way under a per-tenant lock;
-- this refuses, at write time, any other INSERT that would fork or break the chain (a bug, or a direct
-- INSERT through the app role), instead of leaving it for audit:verify to find later. The head is read as
-- the inserting role, inside its tenant context; rows earlier in the same INSERT are visible to it.
CREATE FUNCTION activity_log_extend_chain() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash
    FROM public.activity_log
   WHERE tenant_id = NEW.tenant_id
   ORDER BY seq DESC
   LIMIT 1;
  IF NEW.seq <> coalesce(head_seq, 0) + 1 OR NEW.prev_hash <> coalesce(head_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'activity_log: entry % does not extend the chain of tenant % (head %)',
      NEW.seq, NEW.tenant_id, coalesce(head_seq, 0)
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_log_extend_chain BEFORE INSERT ON activity_log
  FOR EACH ROW EXECUTE FUNCTION activity_log_extend_chain();
