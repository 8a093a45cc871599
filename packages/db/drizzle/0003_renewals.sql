CREATE TABLE "churn_retro_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"retro_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "churn_retros" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"renewal_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"document_id" uuid,
	"review_task_id" uuid,
	"sponsor_id" text,
	"arr_lost_cents" bigint NOT NULL,
	"closed_lost_category" text,
	"churn_reason" text,
	"lessons_learned" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "churn_retros_renewal_id_unique" UNIQUE("renewal_id")
);
--> statement-breakpoint
CREATE TABLE "renewal_assessment_approvals" (
	"renewal_id" uuid NOT NULL,
	"side" text NOT NULL,
	"user_id" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "renewal_assessment_approvals_renewal_id_side_pk" PRIMARY KEY("renewal_id","side")
);
--> statement-breakpoint
CREATE TABLE "renewal_assessments" (
	"renewal_id" uuid PRIMARY KEY NOT NULL,
	"rating" text NOT NULL,
	"summary" text NOT NULL,
	"document_id" uuid,
	"assessed_by" text,
	"assessed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_forecasts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"renewal_id" uuid NOT NULL,
	"week" text NOT NULL,
	"outcome" text NOT NULL,
	"expected_arr_cents" bigint NOT NULL,
	"expected_seats" integer NOT NULL,
	"note" text,
	"health_category" text,
	"author_id" text,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_plans" (
	"renewal_id" uuid PRIMARY KEY NOT NULL,
	"projected_outcome" text NOT NULL,
	"expected_arr_cents" bigint NOT NULL,
	"note" text,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"arr_at_stake_cents" bigint NOT NULL,
	"seats_at_stake" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"arr_after_cents" bigint,
	"seats_after" integer,
	"closed_lost_category" text,
	"churn_reason" text,
	"processed_at" timestamp with time zone,
	"processed_by" text,
	"next_renewal_date" date,
	"overdue_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "renewals_account_due_key" UNIQUE("account_id","due_date"),
	CONSTRAINT "renewals_arr_nonneg" CHECK ("renewals"."arr_at_stake_cents" >= 0 and coalesce("renewals"."arr_after_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "leadership_side" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "churn_retro_actions" ADD CONSTRAINT "churn_retro_actions_retro_id_churn_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."churn_retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retro_actions" ADD CONSTRAINT "churn_retro_actions_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retros" ADD CONSTRAINT "churn_retros_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retros" ADD CONSTRAINT "churn_retros_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retros" ADD CONSTRAINT "churn_retros_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retros" ADD CONSTRAINT "churn_retros_review_task_id_tasks_id_fk" FOREIGN KEY ("review_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_retros" ADD CONSTRAINT "churn_retros_sponsor_id_user_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_assessment_approvals" ADD CONSTRAINT "renewal_assessment_approvals_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_assessment_approvals" ADD CONSTRAINT "renewal_assessment_approvals_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_assessments" ADD CONSTRAINT "renewal_assessments_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_assessments" ADD CONSTRAINT "renewal_assessments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_assessments" ADD CONSTRAINT "renewal_assessments_assessed_by_user_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_forecasts" ADD CONSTRAINT "renewal_forecasts_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_forecasts" ADD CONSTRAINT "renewal_forecasts_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_plans" ADD CONSTRAINT "renewal_plans_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_plans" ADD CONSTRAINT "renewal_plans_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_processed_by_user_id_fk" FOREIGN KEY ("processed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_retro_actions_retro_idx" ON "churn_retro_actions" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "churn_retros_created_idx" ON "churn_retros" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "renewal_forecasts_renewal_idx" ON "renewal_forecasts" USING btree ("renewal_id","week","entered_at");--> statement-breakpoint
CREATE INDEX "renewals_due_idx" ON "renewals" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "renewals_open_due_idx" ON "renewals" USING btree ("due_date") WHERE "renewals"."processed_at" is null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;