-- Wakes the outbox relays as soon as an event commits, instead of at their next poll (OUTBOX_POLL_MS): the
-- notification is delivered on COMMIT only (and never for a rolled-back change), once per transaction and
-- channel whatever the number of rows (PostgreSQL folds identical notifications). Statement-level, so a
-- bulk insert (the scheduler) notifies once. The relays still poll: a missed notification (a relay
-- reconnecting) only costs the poll interval.
CREATE FUNCTION outbox_notify_committed() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
BEGIN
  PERFORM pg_notify('ontrack_outbox', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_notify_committed AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify_committed();
--> statement-breakpoint
-- Retrying a dead letter (dead → pending) makes work due again, too. Row-level for the WHEN clause: marking
-- events done (every handled event) must not wake every relay.
CREATE TRIGGER outbox_notify_requeued AFTER UPDATE OF status ON outbox
  FOR EACH ROW WHEN (NEW.status = 'pending' AND OLD.status <> 'pending')
  EXECUTE FUNCTION outbox_notify_committed();
