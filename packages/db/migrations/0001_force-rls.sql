-- drizzle-kit can enable row-level security but not force it. FORCE makes the policies apply to the
-- table owner too, so a migration or seed running as the owner cannot slip past them by accident.
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
