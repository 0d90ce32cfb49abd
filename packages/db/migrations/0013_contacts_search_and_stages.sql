-- contacts.search_text: the lower-cased, unaccented text trigram search reads (name, company, every email and phone).
-- A trigger rather than a generated column because the additional emails/phones are arrays and
-- array_to_string is not immutable. It reads only the row being written, so row-level security and the
-- caller's scope cannot make it see less (or more) than the row itself.
CREATE FUNCTION contacts_search_text() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
BEGIN
  -- The dictionary is named with its schema: unaccent(text) alone looks it up on the search_path.
  NEW.search_text := lower(public.unaccent('public.unaccent'::regdictionary, concat_ws(' ',
    NEW.display_name, NEW.company_name, NEW.email, NEW.phone,
    nullif(array_to_string(NEW.emails, ' '), ''), nullif(array_to_string(NEW.phones, ' '), ''))));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_search_text BEFORE INSERT OR UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_search_text();
--> statement-breakpoint
-- Existing tenants: fill search_text of their contacts and give them the default pipeline, with the ids
-- provisionDefaultLeadStages derives (packages/db/src/default-lead-stages.ts: UUIDv8 of SHA-256 over the
-- tenant id and 'lead-stage:<key>'), in the tenant's language. Tenant by tenant, inside its context, so this
-- works under FORCE ROW LEVEL SECURITY whoever the migration owner is. Re-running it inserts nothing.
DO $$
DECLARE
  tenant record;
BEGIN
  PERFORM set_config('app.context', 'system:migration', true);
  FOR tenant IN SELECT id, locale FROM tenants LOOP
    PERFORM set_config('app.tenant_id', tenant.id::text, true);
    UPDATE contacts SET search_text = '' WHERE tenant_id = tenant.id;
    INSERT INTO lead_stages (tenant_id, id, key, name, position, kind, is_default)
    SELECT tenant.id,
           encode(set_byte(set_byte(substring(h.digest FROM 1 FOR 16),
             6, (get_byte(h.digest, 6) & 15) | 128),
             8, (get_byte(h.digest, 8) & 63) | 128), 'hex')::uuid,
           s.key,
           CASE WHEN tenant.locale LIKE 'es%' THEN s.name_es ELSE s.name_en END,
           s.position, s.kind::lead_stage_kind, s.position = 1
      FROM (VALUES
        ('new', 1, 'open', 'New', 'Nuevo'),
        ('contacted', 2, 'open', 'Contacted', 'Contactado'),
        ('site_visit_scheduled', 3, 'open', 'Site visit scheduled', 'Visita programada'),
        ('estimate_sent', 4, 'open', 'Estimate sent', 'Presupuesto enviado'),
        ('won', 5, 'won', 'Won', 'Ganado'),
        ('lost', 6, 'lost', 'Lost', 'Perdido')
      ) AS s(key, position, kind, name_en, name_es)
      CROSS JOIN LATERAL (
        SELECT sha256(decode(replace(tenant.id::text, '-', ''), 'hex') || convert_to('lead-stage:' || s.key, 'UTF8')) AS digest
      ) AS h
    ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
  PERFORM set_config('app.context', '', true);
END;
$$;
