-- Contact search under row-level security (docs/contacts.md § Search).
--
-- PostgreSQL evaluates a query's own conditions after the RLS policy unless their functions are LEAKPROOF
-- (a function that could reveal a hidden row's value, e.g. through an error message, must not see rows the
-- policy would drop). So the trigram match (`<%`) and LIKE could not use contacts_search_idx /
-- properties_search_idx: every search scanned the tenant's rows (about 60 ms over 10,000 contacts, and the
-- think-time load test saturated on it). These three functions only compare their two text arguments and
-- return a boolean; none raises an error that depends on a row's value (LIKE's "invalid escape" error depends
-- on the pattern, which the API builds from the query, escaped). The app role can only run the API's
-- statements, so no user writes SQL that could probe them anyway.
--
-- Declaring a function LEAKPROOF needs a superuser. The embedded default, development, CI and a
-- self-managed server migrate as one; where the migration role is not a superuser (some managed PostgreSQL
-- services) nothing changes here and search keeps working, filtering the tenant's rows without the index —
-- the operator can run the three ALTER FUNCTION statements as the provider's administrator.
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function word_similarity_op(text, text) leakproof;
    alter function word_similarity_commutator_op(text, text) leakproof;
    alter function textlike(text, text) leakproof;
  else
    raise notice 'not a superuser: contact search will not use its trigram indexes under RLS (docs/contacts.md)';
  end if;
end
$$;
