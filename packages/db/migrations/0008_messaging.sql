CREATE TYPE "public"."contact_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('person', 'company');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced');--> statement-breakpoint
CREATE TYPE "public"."sms_consent_method" AS ENUM('web_form', 'portal', 'verbal', 'written', 'sms_keyword', 'import');--> statement-breakpoint
CREATE TYPE "public"."sms_consent_status" AS ENUM('opted_in', 'opted_out');--> statement-breakpoint
CREATE TABLE "contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "contact_kind" DEFAULT 'person' NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"phone" text,
	"preferred_channel" "contact_channel" DEFAULT 'email' NOT NULL,
	"locale" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "message_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"status" "message_status" NOT NULL,
	"provider_status" text,
	"error_code" text,
	"detail" text,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "message_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid,
	"channel" "contact_channel" NOT NULL,
	"template" text NOT NULL,
	"recipient" text NOT NULL,
	"payload" jsonb NOT NULL,
	"summary" text NOT NULL,
	"status" "message_status" DEFAULT 'queued' NOT NULL,
	"dedupe_key" text NOT NULL,
	"fallback_for_id" uuid,
	"provider" text,
	"provider_message_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"error_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "messages_tenant_dedupe_key" UNIQUE("tenant_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sms_consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"status" "sms_consent_status" NOT NULL,
	"method" "sms_consent_method" NOT NULL,
	"text_shown" text NOT NULL,
	"recorded_by_user_id" uuid,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "sms_consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_tenant_id_message_id_messages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","message_id") REFERENCES "public"."messages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_fallback_for_id_messages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","fallback_for_id") REFERENCES "public"."messages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_consents" ADD CONSTRAINT "sms_consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_consents" ADD CONSTRAINT "sms_consents_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_consents" ADD CONSTRAINT "sms_consents_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_tenant_phone_idx" ON "contacts" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "contacts_tenant_email_idx" ON "contacts" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "message_events_message_idx" ON "message_events" USING btree ("tenant_id","message_id","occurred_at");--> statement-breakpoint
CREATE INDEX "messages_contact_idx" ON "messages" USING btree ("tenant_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_provider_id_idx" ON "messages" USING btree ("tenant_id","provider_message_id");--> statement-breakpoint
CREATE INDEX "sms_consents_contact_idx" ON "sms_consents" USING btree ("tenant_id","contact_id","recorded_at");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "outbox_system_insert" ON "outbox" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "contacts_tenant_select" ON "contacts" AS PERMISSIVE FOR SELECT TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "contacts_tenant_insert" ON "contacts" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "contacts_tenant_update" ON "contacts" AS PERMISSIVE FOR UPDATE TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "contacts_tenant_delete" ON "contacts" AS PERMISSIVE FOR DELETE TO public USING ("contacts"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("contacts"."id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "contacts_system_select" ON "contacts" AS PERMISSIVE FOR SELECT TO public USING ((select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "message_events_tenant_select" ON "message_events" AS PERMISSIVE FOR SELECT TO public USING ("message_events"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "message_events_tenant_insert" ON "message_events" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("message_events"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "message_events_tenant_update" ON "message_events" AS PERMISSIVE FOR UPDATE TO public USING ("message_events"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK ("message_events"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "message_events_tenant_delete" ON "message_events" AS PERMISSIVE FOR DELETE TO public USING ("message_events"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "messages_tenant_select" ON "messages" AS PERMISSIVE FOR SELECT TO public USING ("messages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("messages"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "messages_tenant_insert" ON "messages" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("messages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "messages_tenant_update" ON "messages" AS PERMISSIVE FOR UPDATE TO public USING ("messages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("messages"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("messages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "messages_tenant_delete" ON "messages" AS PERMISSIVE FOR DELETE TO public USING ("messages"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("messages"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "sms_consents_tenant_select" ON "sms_consents" AS PERMISSIVE FOR SELECT TO public USING ("sms_consents"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("sms_consents"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));--> statement-breakpoint
CREATE POLICY "sms_consents_tenant_insert" ON "sms_consents" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("sms_consents"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "sms_consents_tenant_update" ON "sms_consents" AS PERMISSIVE FOR UPDATE TO public USING ("sms_consents"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("sms_consents"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))))) WITH CHECK ("sms_consents"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "sms_consents_tenant_delete" ON "sms_consents" AS PERMISSIVE FOR DELETE TO public USING ("sms_consents"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and ('tenant' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) or (select coalesce(current_setting('app.context', true), '') like 'system:%') or ('own_contact' = any(coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')) and ("sms_consents"."contact_id" = (select m.contact_id from memberships m
  where m.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid) and m.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid))))));