CREATE TABLE "account_health" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"score" double precision,
	"category" text NOT NULL,
	"policy_version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"breakdown" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"revision" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_manual_traits" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"ta_pulse" text,
	"ta_pulse_set_at" timestamp with time zone,
	"ta_pulse_set_by" text,
	"active_champion" boolean,
	"active_champion_set_at" timestamp with time zone,
	"active_champion_set_by" text,
	"buyer_access" boolean,
	"buyer_access_set_at" timestamp with time zone,
	"buyer_access_set_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"contact_id" uuid,
	"external_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "health_category_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_category" text NOT NULL,
	"to_category" text NOT NULL,
	"score" double precision,
	"policy_version" integer NOT NULL,
	"cause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"effective_from" date,
	"body" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	CONSTRAINT "health_policies_published_has_date" CHECK ("health_policies"."status" = 'draft' or "health_policies"."effective_from" is not null)
);
--> statement-breakpoint
CREATE TABLE "health_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"score" double precision,
	"category" text NOT NULL,
	"policy_version" integer NOT NULL,
	"breakdown" jsonb NOT NULL,
	"cause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_records_api_key_id_key_pk" PRIMARY KEY("api_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "instance_releases" (
	"major" smallint NOT NULL,
	"minor" smallint NOT NULL,
	"first_seen" date NOT NULL,
	CONSTRAINT "instance_releases_major_minor_pk" PRIMARY KEY("major","minor")
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text,
	"acquired_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_completed_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"requested_cause" text
);
--> statement-breakpoint
CREATE TABLE "manual_trait_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"trait" text NOT NULL,
	"value" text,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" text
);
--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"type" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_tickets_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dau" integer NOT NULL,
	"mau" integer NOT NULL,
	"seats" integer,
	"instance_version" text,
	"precise_intel_active" boolean,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_daily_account_id_day_pk" PRIMARY KEY("account_id","day"),
	CONSTRAINT "usage_daily_counts" CHECK ("usage_daily"."dau" >= 0 and "usage_daily"."mau" >= "usage_daily"."dau")
);
--> statement-breakpoint
ALTER TABLE "account_health" ADD CONSTRAINT "account_health_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_manual_traits" ADD CONSTRAINT "account_manual_traits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_manual_traits" ADD CONSTRAINT "account_manual_traits_ta_pulse_set_by_user_id_fk" FOREIGN KEY ("ta_pulse_set_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_manual_traits" ADD CONSTRAINT "account_manual_traits_active_champion_set_by_user_id_fk" FOREIGN KEY ("active_champion_set_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_manual_traits" ADD CONSTRAINT "account_manual_traits_buyer_access_set_by_user_id_fk" FOREIGN KEY ("buyer_access_set_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_category_changes" ADD CONSTRAINT "health_category_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_policies" ADD CONSTRAINT "health_policies_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_policies" ADD CONSTRAINT "health_policies_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_trait_changes" ADD CONSTRAINT "manual_trait_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_trait_changes" ADD CONSTRAINT "manual_trait_changes_set_by_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_health_category_idx" ON "account_health" USING btree ("category");--> statement-breakpoint
CREATE INDEX "account_health_score_idx" ON "account_health" USING btree ("score");--> statement-breakpoint
CREATE INDEX "activities_account_at_idx" ON "activities" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "health_category_changes_at_idx" ON "health_category_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "health_category_changes_account_idx" ON "health_category_changes" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "health_policies_in_force_idx" ON "health_policies" USING btree ("status","effective_from");--> statement-breakpoint
CREATE INDEX "health_snapshots_account_at_idx" ON "health_snapshots" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_records" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "manual_trait_changes_lookup_idx" ON "manual_trait_changes" USING btree ("account_id","trait","set_at");--> statement-breakpoint
CREATE INDEX "support_tickets_account_opened_idx" ON "support_tickets" USING btree ("account_id","opened_at");--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("day");