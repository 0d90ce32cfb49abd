-- The duplicate check on create and import (`match_keys && $keys`) and the tag filter (`tags @> $tags`) under
-- row-level security — the same reason as 0014 (docs/contacts.md § Search): a query condition whose function
-- is not LEAKPROOF is evaluated after the policy, so neither could use its GIN index (contacts_match_keys_idx,
-- contacts_tags_idx) and each filtered all of the tenant's rows: 13 ms per created contact over 10,000
-- contacts, the largest single cost of a create in bench/crm-load.ts.
--
-- arrayoverlap (&&) and arraycontains (@>) return whether two arrays share / contain elements, comparing them
-- with the element type's default equality. The errors they can raise concern the arrays' types (different
-- element types, a type without equality), never a row's value; the arrays this schema queries are text[],
-- whose equality (texteq) is itself LEAKPROOF. As in 0014, only a superuser may declare this, and the app role
-- runs only the API's own statements.
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function arrayoverlap(anyarray, anyarray) leakproof;
    alter function arraycontains(anyarray, anyarray) leakproof;
  else
    raise notice 'not a superuser: duplicate checks and tag filters will not use their GIN indexes under RLS (docs/contacts.md)';
  end if;
end
$$;
