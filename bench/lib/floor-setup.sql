-- Copied from /work/shared/bench/floor/setup.sql (the floor of ARCHITECTURE.md §6); loaded by bench/crm-load.ts.
-- The floor's data: 100 tenants x 10,000 contacts under forced row-level security.
-- psql "$OWNER_URL" -f setup.sql   (on an empty database; creates role floor_app with password 'app')
do $$ begin if not exists (select 1 from pg_roles where rolname = 'floor_app') then
  create role floor_app login password 'app'; end if; end $$;
create table contacts (tenant_id uuid not null, id uuid not null, name text not null, email text, phone text,
  created_at timestamptz not null default now(), primary key (tenant_id, id));
insert into contacts
  select ('00000000-0000-0000-0000-' || lpad(t::text, 12, '0'))::uuid, gen_random_uuid(),
         'Contact ' || t || '-' || i, 'c' || i || '@t' || t || '.test', '555-' || i
  from generate_series(1, 100) t, generate_series(1, 10000) i;
create index on contacts (tenant_id, name);
alter table contacts enable row level security;
alter table contacts force row level security;
create policy iso on contacts using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
grant select on contacts to floor_app;
analyze contacts;
