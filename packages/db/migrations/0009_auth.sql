CREATE TABLE "invitations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"role_id" uuid NOT NULL,
	"contact_id" uuid,
	"invited_by_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "magic_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"portal_tenant_id" uuid,
	"token_hash" text NOT NULL,
	"browser_hash" text NOT NULL,
	"request_ip" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "magic_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "recovery_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"replaced_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "refresh_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"active_tenant_id" uuid,
	"portal_tenant_id" uuid,
	"auth_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"mfa_verified_at" timestamp (3) with time zone,
	"reauthenticated_at" timestamp (3) with time zone,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"idle_expires_at" timestamp (3) with time zone NOT NULL,
	"absolute_expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "totp_factors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"last_used_step" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "totp_factors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "user_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"email" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	CONSTRAINT "user_identities_provider_subject_key" UNIQUE("provider","subject")
);
--> statement-breakpoint
ALTER TABLE "user_identities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "mfa_required_for_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_role_id_roles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","role_id") REFERENCES "public"."roles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "magic_links" ADD CONSTRAINT "magic_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "magic_links" ADD CONSTRAINT "magic_links_portal_tenant_id_tenants_id_fk" FOREIGN KEY ("portal_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_active_tenant_id_tenants_id_fk" FOREIGN KEY ("active_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_portal_tenant_id_tenants_id_fk" FOREIGN KEY ("portal_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_factors" ADD CONSTRAINT "totp_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_tenant_email_idx" ON "invitations" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "magic_links_hash_key" ON "magic_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "magic_links_email_idx" ON "magic_links" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_idx" ON "refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "user_identities_user_idx" ON "user_identities" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "invitations_tenant_select" ON "invitations" AS PERMISSIVE FOR SELECT TO public USING ("invitations"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "invitations_tenant_insert" ON "invitations" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("invitations"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "invitations_tenant_update" ON "invitations" AS PERMISSIVE FOR UPDATE TO public USING ("invitations"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK ("invitations"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "invitations_tenant_delete" ON "invitations" AS PERMISSIVE FOR DELETE TO public USING ("invitations"."tenant_id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "invitations_system_select" ON "invitations" AS PERMISSIVE FOR SELECT TO public USING ((select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "invitations_system_update" ON "invitations" AS PERMISSIVE FOR UPDATE TO public USING ((select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ((select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "magic_links_system" ON "magic_links" AS PERMISSIVE FOR ALL TO public USING ((select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ((select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "recovery_codes_own_select" ON "recovery_codes" AS PERMISSIVE FOR SELECT TO public USING ("recovery_codes"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "recovery_codes_own_insert" ON "recovery_codes" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("recovery_codes"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "recovery_codes_own_update" ON "recovery_codes" AS PERMISSIVE FOR UPDATE TO public USING ("recovery_codes"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ("recovery_codes"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "recovery_codes_own_delete" ON "recovery_codes" AS PERMISSIVE FOR DELETE TO public USING ("recovery_codes"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "refresh_tokens_own_select" ON "refresh_tokens" AS PERMISSIVE FOR SELECT TO public USING ("refresh_tokens"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "refresh_tokens_own_insert" ON "refresh_tokens" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("refresh_tokens"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "refresh_tokens_own_update" ON "refresh_tokens" AS PERMISSIVE FOR UPDATE TO public USING ("refresh_tokens"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ("refresh_tokens"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "refresh_tokens_own_delete" ON "refresh_tokens" AS PERMISSIVE FOR DELETE TO public USING ("refresh_tokens"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "sessions_own_select" ON "sessions" AS PERMISSIVE FOR SELECT TO public USING ("sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "sessions_own_insert" ON "sessions" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "sessions_own_update" ON "sessions" AS PERMISSIVE FOR UPDATE TO public USING ("sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ("sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "sessions_own_delete" ON "sessions" AS PERMISSIVE FOR DELETE TO public USING ("sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "totp_factors_own_select" ON "totp_factors" AS PERMISSIVE FOR SELECT TO public USING ("totp_factors"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "totp_factors_own_insert" ON "totp_factors" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("totp_factors"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "totp_factors_own_update" ON "totp_factors" AS PERMISSIVE FOR UPDATE TO public USING ("totp_factors"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ("totp_factors"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "totp_factors_own_delete" ON "totp_factors" AS PERMISSIVE FOR DELETE TO public USING ("totp_factors"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "user_identities_own_select" ON "user_identities" AS PERMISSIVE FOR SELECT TO public USING ("user_identities"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "user_identities_own_insert" ON "user_identities" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("user_identities"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "user_identities_own_update" ON "user_identities" AS PERMISSIVE FOR UPDATE TO public USING ("user_identities"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%')) WITH CHECK ("user_identities"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));--> statement-breakpoint
CREATE POLICY "user_identities_own_delete" ON "user_identities" AS PERMISSIVE FOR DELETE TO public USING ("user_identities"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or (select coalesce(current_setting('app.context', true), '') like 'system:%'));