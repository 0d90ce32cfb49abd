CREATE TYPE "public"."lead_source" AS ENUM('web_form', 'phone', 'email', 'referral', 'walk_in', 'other');--> statement-breakpoint
CREATE TYPE "public"."lead_stage_kind" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."geocode_status" AS ENUM('pending', 'ok', 'failed', 'skipped');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "lead_stage_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reason" text,
	CONSTRAINT "lead_stage_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "lead_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "lead_stage_kind" DEFAULT 'open' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_stages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "lead_stages_tenant_key_key" UNIQUE("tenant_id","key"),
	CONSTRAINT "lead_stages_default_is_open" CHECK (not "lead_stages"."is_default" or "lead_stages"."kind" = 'open')
);
--> statement-breakpoint
ALTER TABLE "lead_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "leads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source" "lead_source" NOT NULL,
	"requested_service" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"property_id" uuid,
	"stage_id" uuid NOT NULL,
	"assignee_user_id" uuid,
	"estimated_value_minor" bigint,
	"currency" char(3),
	"next_follow_up_on" date,
	"lost_reason" text,
	"converted_at" timestamp (3) with time zone,
	"notes" text,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "leads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "leads_value_with_currency" CHECK (("leads"."estimated_value_minor" is null) = ("leads"."currency" is null)),
	CONSTRAINT "leads_value_not_negative" CHECK ("leads"."estimated_value_minor" >= 0),
	CONSTRAINT "leads_currency_iso" CHECK ("leads"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "leads_version_positive" CHECK ("leads"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "leads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "properties" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"label" text,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country" char(2) DEFAULT 'US' NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"geocode_status" "geocode_status" DEFAULT 'pending' NOT NULL,
	"geocoded_at" timestamp (3) with time zone,
	"notes" text,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(label, '') || ' ' || address_line1 || ' ' || coalesce(address_line2, '') || ' ' || city || ' ' || coalesce(region, '') || ' ' || coalesce(postal_code, ''))) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "properties_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "properties_country_alpha2" CHECK ("properties"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "properties_latitude_range" CHECK ("properties"."latitude" between -90 and 90),
	CONSTRAINT "properties_longitude_range" CHECK ("properties"."longitude" between -180 and 180),
	CONSTRAINT "properties_coordinates_pair" CHECK (("properties"."latitude" is null) = ("properties"."longitude" is null)),
	CONSTRAINT "properties_geocoded_ok" CHECK ("properties"."geocode_status" <> 'ok' or "properties"."latitude" is not null),
	CONSTRAINT "properties_version_positive" CHECK ("properties"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "properties" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "property_access" (
	"tenant_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"access_notes" text,
	"gate_code" text,
	"updated_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_access_tenant_id_property_id_pk" PRIMARY KEY("tenant_id","property_id")
);
--> statement-breakpoint
ALTER TABLE "property_access" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "property_managers" (
	"tenant_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_managers_tenant_id_property_id_user_id_pk" PRIMARY KEY("tenant_id","property_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "property_managers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "phones" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "match_keys" text[] GENERATED ALWAYS AS (array_remove(array[lower(email), phone], null) || emails || phones) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ADD CONSTRAINT "lead_stage_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ADD CONSTRAINT "lead_stage_changes_tenant_id_lead_id_leads_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ADD CONSTRAINT "lead_stage_changes_tenant_id_from_stage_id_lead_stages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_stage_id") REFERENCES "public"."lead_stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ADD CONSTRAINT "lead_stage_changes_tenant_id_to_stage_id_lead_stages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_stage_id") REFERENCES "public"."lead_stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_changes" ADD CONSTRAINT "lead_stage_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stages" ADD CONSTRAINT "lead_stages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_property_id_properties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","property_id") REFERENCES "public"."properties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_stage_id_lead_stages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "public"."lead_stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_assignee_user_id_memberships_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","assignee_user_id") REFERENCES "public"."memberships"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_access" ADD CONSTRAINT "property_access_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_access" ADD CONSTRAINT "property_access_tenant_id_property_id_properties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","property_id") REFERENCES "public"."properties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_access" ADD CONSTRAINT "property_access_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_managers" ADD CONSTRAINT "property_managers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_managers" ADD CONSTRAINT "property_managers_tenant_id_property_id_properties_tenant_id_id_fk" FOREIGN KEY ("tenant_id","property_id") REFERENCES "public"."properties"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_managers" ADD CONSTRAINT "property_managers_tenant_id_user_id_memberships_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."memberships"("tenant_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys" USING btree ("tenant_id","expires_at");--> statement-breakpoint
CREATE INDEX "lead_stage_changes_lead_idx" ON "lead_stage_changes" USING btree ("tenant_id","lead_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_stages_one_default_idx" ON "lead_stages" USING btree ("tenant_id") WHERE "lead_stages"."is_default" and "lead_stages"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "lead_stages_position_idx" ON "lead_stages" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE INDEX "leads_board_idx" ON "leads" USING btree ("tenant_id","stage_id","updated_at" DESC NULLS LAST,"id") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "leads_follow_up_idx" ON "leads" USING btree ("tenant_id","next_follow_up_on") WHERE "leads"."deleted_at" is null and "leads"."next_follow_up_on" is not null;--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("tenant_id","created_at","id") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "leads_contact_idx" ON "leads" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "leads_property_idx" ON "leads" USING btree ("tenant_id","property_id");--> statement-breakpoint
CREATE INDEX "leads_assignee_idx" ON "leads" USING btree ("tenant_id","assignee_user_id","next_follow_up_on") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "properties_contact_idx" ON "properties" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "properties_created_idx" ON "properties" USING btree ("tenant_id","created_at","id") WHERE "properties"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "properties_search_idx" ON "properties" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "properties_geocode_pending_idx" ON "properties" USING btree ("tenant_id","geocode_status") WHERE "properties"."geocode_status" in ('pending', 'skipped');--> statement-breakpoint
CREATE INDEX "property_managers_user_idx" ON "property_managers" USING btree ("tenant_id","user_id","property_id");--> statement-breakpoint
CREATE INDEX "contacts_name_idx" ON "contacts" USING btree ("tenant_id","display_name","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_created_idx" ON "contacts" USING btree ("tenant_id","created_at","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_deleted_idx" ON "contacts" USING btree ("tenant_id","deleted_at","id") WHERE "contacts"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_match_keys_idx" ON "contacts" USING gin ("tenant_id","match_keys");--> statement-breakpoint
CREATE INDEX "contacts_tags_idx" ON "contacts" USING gin ("tenant_id","tags");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_emails_lower_case" CHECK (array_to_string("contacts"."emails", ',') = lower(array_to_string("contacts"."emails", ',')));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_phones_e164" CHECK (array_to_string("contacts"."phones", ',') ~ '^(\+[1-9][0-9]{6,14}(,|$))*$');--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tags_lower_case" CHECK (array_to_string("contacts"."tags", ',') = lower(array_to_string("contacts"."tags", ',')));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_version_positive" CHECK ("contacts"."version" >= 1);--> statement-breakpoint
CREATE POLICY "idempotency_keys_tenant_select" ON "idempotency_keys" AS PERMISSIVE FOR SELECT TO public USING ("idempotency_keys"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ("idempotency_keys"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')));--> statement-breakpoint
CREATE POLICY "idempotency_keys_tenant_insert" ON "idempotency_keys" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("idempotency_keys"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "idempotency_keys_tenant_update" ON "idempotency_keys" AS PERMISSIVE FOR UPDATE TO public USING ("idempotency_keys"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ("idempotency_keys"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'))) WITH CHECK ("idempotency_keys"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "idempotency_keys_tenant_delete" ON "idempotency_keys" AS PERMISSIVE FOR DELETE TO public USING ("idempotency_keys"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ("idempotency_keys"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')));--> statement-breakpoint
CREATE POLICY "lead_stage_changes_tenant_select" ON "lead_stage_changes" AS PERMISSIVE FOR SELECT TO public USING ("lead_stage_changes"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("lead_stage_changes"."lead_id" in (select l.id from leads l where l.property_id in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))));--> statement-breakpoint
CREATE POLICY "lead_stage_changes_tenant_insert" ON "lead_stage_changes" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("lead_stage_changes"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "lead_stage_changes_tenant_update" ON "lead_stage_changes" AS PERMISSIVE FOR UPDATE TO public USING ("lead_stage_changes"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("lead_stage_changes"."lead_id" in (select l.id from leads l where l.property_id in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))))) WITH CHECK ("lead_stage_changes"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "lead_stage_changes_tenant_delete" ON "lead_stage_changes" AS PERMISSIVE FOR DELETE TO public USING ("lead_stage_changes"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("lead_stage_changes"."lead_id" in (select l.id from leads l where l.property_id in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))));--> statement-breakpoint
CREATE POLICY "lead_stages_tenant_select" ON "lead_stages" AS PERMISSIVE FOR SELECT TO public USING ("lead_stages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "lead_stages_tenant_insert" ON "lead_stages" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("lead_stages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "lead_stages_tenant_update" ON "lead_stages" AS PERMISSIVE FOR UPDATE TO public USING ("lead_stages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK ("lead_stages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "lead_stages_tenant_delete" ON "lead_stages" AS PERMISSIVE FOR DELETE TO public USING ("lead_stages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "leads_tenant_select" ON "leads" AS PERMISSIVE FOR SELECT TO public USING ("leads"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("leads"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "leads_tenant_insert" ON "leads" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("leads"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "leads_tenant_update" ON "leads" AS PERMISSIVE FOR UPDATE TO public USING ("leads"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("leads"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("leads"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "leads_tenant_delete" ON "leads" AS PERMISSIVE FOR DELETE TO public USING ("leads"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("leads"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "properties_tenant_select" ON "properties" AS PERMISSIVE FOR SELECT TO public USING ("properties"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "properties_tenant_insert" ON "properties" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("properties"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "properties_tenant_update" ON "properties" AS PERMISSIVE FOR UPDATE TO public USING ("properties"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("properties"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "properties_tenant_delete" ON "properties" AS PERMISSIVE FOR DELETE TO public USING ("properties"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("properties"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "property_access_tenant_select" ON "property_access" AS PERMISSIVE FOR SELECT TO public USING ("property_access"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ((select coalesce(current_setting('app.context', true), '') like 'system:%') or ((select exists (select 1 from user_roles ur
    join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
    where ur.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ur.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)
      and rp.permission_key = 'properties:access-notes')) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_access"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))))));--> statement-breakpoint
CREATE POLICY "property_access_tenant_insert" ON "property_access" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("property_access"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "property_access_tenant_update" ON "property_access" AS PERMISSIVE FOR UPDATE TO public USING ("property_access"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ((select coalesce(current_setting('app.context', true), '') like 'system:%') or ((select exists (select 1 from user_roles ur
    join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
    where ur.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ur.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)
      and rp.permission_key = 'properties:access-notes')) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_access"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))))) WITH CHECK ("property_access"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "property_access_tenant_delete" ON "property_access" AS PERMISSIVE FOR DELETE TO public USING ("property_access"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ((select coalesce(current_setting('app.context', true), '') like 'system:%') or ((select exists (select 1 from user_roles ur
    join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
    where ur.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ur.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)
      and rp.permission_key = 'properties:access-notes')) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_access"."property_id" in (select pm.property_id from property_managers pm where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))))));--> statement-breakpoint
CREATE POLICY "property_managers_tenant_select" ON "property_managers" AS PERMISSIVE FOR SELECT TO public USING ("property_managers"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_managers"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid)))));--> statement-breakpoint
CREATE POLICY "property_managers_tenant_insert" ON "property_managers" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("property_managers"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "property_managers_tenant_update" ON "property_managers" AS PERMISSIVE FOR UPDATE TO public USING ("property_managers"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_managers"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid))))) WITH CHECK ("property_managers"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "property_managers_tenant_delete" ON "property_managers" AS PERMISSIVE FOR DELETE TO public USING ("property_managers"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("property_managers"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid)))));--> statement-breakpoint
ALTER POLICY "contacts_tenant_select" ON "contacts" TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" in (select p.contact_id from properties p
          join property_managers pm on pm.tenant_id = p.tenant_id and pm.property_id = p.id
          where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
ALTER POLICY "contacts_tenant_update" ON "contacts" TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" in (select p.contact_id from properties p
          join property_managers pm on pm.tenant_id = p.tenant_id and pm.property_id = p.id
          where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
ALTER POLICY "contacts_tenant_delete" ON "contacts" TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('managed_properties' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" in (select p.contact_id from properties p
          join property_managers pm on pm.tenant_id = p.tenant_id and pm.property_id = p.id
          where pm.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))) or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));