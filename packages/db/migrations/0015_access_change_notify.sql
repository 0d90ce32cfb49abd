-- Tells the API's access cache (apps/api/src/platform/tenancy/access-cache.ts) that what it keeps about a user
-- or a tenant changed: who may act where (memberships), with which roles (user_roles, roles), holding which
-- permissions (role_permissions), as whom (users.email), and whether a session is still live (sessions).
--
-- Two ways, because two kinds of reader must learn it:
--   * pg_notify('ontrack_access', 'user:<id>' | 'tenant:<id>'), delivered on COMMIT only, to every API process
--     (identical payloads fold into one per transaction);
--   * the transaction-local setting app.access_changed, a comma-separated list of the same keys, which the API
--     reads in the flight of its own COMMIT so the process that made the change forgets the old access before
--     it answers, without waiting for its own notification.
-- Row-level, for the key; the arguments name the key's kind and the column holding its id.
CREATE FUNCTION access_change_notify() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  key text := TG_ARGV[0] || ':' || (changed ->> TG_ARGV[1]);
  known text := coalesce(current_setting('app.access_changed', true), '');
BEGIN
  PERFORM pg_notify('ontrack_access', key);
  IF position(key IN known) = 0 THEN
    PERFORM set_config('app.access_changed', CASE WHEN known = '' THEN key ELSE known || ',' || key END, true);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A session stops being live when it is revoked or its expiries move; sign-in bookkeeping (last_seen_at,
-- reauthenticated_at, the MFA timestamps) is not cached and does not notify.
CREATE TRIGGER sessions_access_change AFTER UPDATE OF user_id, portal_tenant_id, idle_expires_at, absolute_expires_at, revoked_at OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER users_access_change AFTER UPDATE OF email OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('user', 'id');
--> statement-breakpoint
CREATE TRIGGER memberships_access_change AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('tenant', 'tenant_id');
--> statement-breakpoint
CREATE TRIGGER user_roles_access_change AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('tenant', 'tenant_id');
--> statement-breakpoint
CREATE TRIGGER roles_access_change AFTER UPDATE OR DELETE ON roles
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('tenant', 'tenant_id');
--> statement-breakpoint
CREATE TRIGGER role_permissions_access_change AFTER INSERT OR UPDATE OR DELETE ON role_permissions
  FOR EACH ROW EXECUTE FUNCTION access_change_notify('tenant', 'tenant_id');
