-- The activity log and its signed checkpoints only ever grow. The app role has no UPDATE/DELETE grant on
-- them (packages/db/src/app-role.ts); these triggers refuse the same to every role, the owner included, so
-- that erasing history takes a deliberate `ALTER TABLE ... DISABLE TRIGGER` by a superuser — which the hash
-- chain and the signed checkpoints then expose.
CREATE FUNCTION refuse_history_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_log_append_only BEFORE UPDATE OR DELETE ON activity_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER activity_log_no_truncate BEFORE TRUNCATE ON activity_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER activity_checkpoints_append_only BEFORE UPDATE OR DELETE ON activity_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER activity_checkpoints_no_truncate BEFORE TRUNCATE ON activity_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
