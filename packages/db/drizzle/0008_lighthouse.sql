CREATE TABLE "lighthouse_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"value" text,
	"checked_at" timestamp with time zone NOT NULL,
	"evidence" text,
	"met_on" date,
	"evidence_by" text,
	CONSTRAINT "lighthouse_criteria_position_key" UNIQUE("enrolment_id","position")
);
--> statement-breakpoint
CREATE TABLE "lighthouse_criterion_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"criterion_id" uuid NOT NULL,
	"status" text NOT NULL,
	"value" text,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lighthouse_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"renewal_id" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" text,
	"sponsor_id" text,
	"shared_with" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"save_plan_document_id" uuid,
	"plan_presented_on" date,
	"exit_outcome" text,
	"exited_at" timestamp with time zone,
	"exit_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lighthouse_exit_approvals" (
	"enrolment_id" uuid NOT NULL,
	"side" text NOT NULL,
	"user_id" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lighthouse_exit_approvals_enrolment_id_side_pk" PRIMARY KEY("enrolment_id","side"),
	CONSTRAINT "lighthouse_exit_approvals_person_key" UNIQUE("enrolment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "lighthouse_save_plans" (
	"enrolment_id" uuid PRIMARY KEY NOT NULL,
	"problem" text NOT NULL,
	"goal" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lighthouse_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criterion_id" uuid NOT NULL,
	"task_id" uuid,
	"title" text NOT NULL,
	"owner_id" text,
	"due_on" date NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lighthouse_syncs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda_markdown" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lighthouse_syncs_held_on_unique" UNIQUE("held_on")
);
--> statement-breakpoint
CREATE TABLE "lighthouse_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"author_id" text,
	"progress" text NOT NULL,
	"blockers" text DEFAULT '' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"asks" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lighthouse_criteria" ADD CONSTRAINT "lighthouse_criteria_enrolment_id_lighthouse_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."lighthouse_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_criteria" ADD CONSTRAINT "lighthouse_criteria_evidence_by_user_id_fk" FOREIGN KEY ("evidence_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_criterion_changes" ADD CONSTRAINT "lighthouse_criterion_changes_criterion_id_lighthouse_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."lighthouse_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_enrolments" ADD CONSTRAINT "lighthouse_enrolments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_enrolments" ADD CONSTRAINT "lighthouse_enrolments_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_enrolments" ADD CONSTRAINT "lighthouse_enrolments_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_enrolments" ADD CONSTRAINT "lighthouse_enrolments_sponsor_id_user_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_enrolments" ADD CONSTRAINT "lighthouse_enrolments_save_plan_document_id_documents_id_fk" FOREIGN KEY ("save_plan_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_exit_approvals" ADD CONSTRAINT "lighthouse_exit_approvals_enrolment_id_lighthouse_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."lighthouse_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_exit_approvals" ADD CONSTRAINT "lighthouse_exit_approvals_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_save_plans" ADD CONSTRAINT "lighthouse_save_plans_enrolment_id_lighthouse_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."lighthouse_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_save_plans" ADD CONSTRAINT "lighthouse_save_plans_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_steps" ADD CONSTRAINT "lighthouse_steps_criterion_id_lighthouse_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."lighthouse_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_steps" ADD CONSTRAINT "lighthouse_steps_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_steps" ADD CONSTRAINT "lighthouse_steps_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_syncs" ADD CONSTRAINT "lighthouse_syncs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_updates" ADD CONSTRAINT "lighthouse_updates_enrolment_id_lighthouse_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."lighthouse_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lighthouse_updates" ADD CONSTRAINT "lighthouse_updates_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lighthouse_criterion_changes_idx" ON "lighthouse_criterion_changes" USING btree ("criterion_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lighthouse_enrolments_open_key" ON "lighthouse_enrolments" USING btree ("account_id") WHERE "lighthouse_enrolments"."exited_at" is null;--> statement-breakpoint
CREATE INDEX "lighthouse_enrolments_entered_idx" ON "lighthouse_enrolments" USING btree ("entered_at");--> statement-breakpoint
CREATE INDEX "lighthouse_steps_criterion_idx" ON "lighthouse_steps" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "lighthouse_updates_enrolment_idx" ON "lighthouse_updates" USING btree ("enrolment_id","created_at");