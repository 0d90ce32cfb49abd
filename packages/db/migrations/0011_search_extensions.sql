-- Contact search (issue 7). pg_trgm gives fuzzy and substring matching ("smyth" finds Smith, "0105" finds
-- +15125550105) with GIN indexes; btree_gin lets those GIN indexes lead with tenant_id like every other index
-- (ARCHITECTURE §3), so one index scan is already confined to the tenant. Both ship with PostgreSQL's contrib
-- (the Debian server and the embedded-postgres binaries) and are trusted extensions: the migration owner
-- creates them without being a superuser. unaccent lets "jose" find José (the search text and the query are
-- both unaccented).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
