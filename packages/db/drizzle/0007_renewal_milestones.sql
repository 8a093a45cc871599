ALTER TABLE "renewals" ADD COLUMN "rating" text;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "planned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "forecast_outcome" text;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "forecast_arr_cents" bigint;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "forecasted_at" timestamp with time zone;--> statement-breakpoint
-- Backfill from the records: the assessment's rating, the second approval, the plan.
UPDATE "renewals" r SET "rating" = ra."rating" FROM "renewal_assessments" ra WHERE ra."renewal_id" = r."id";
--> statement-breakpoint
UPDATE "renewals" r SET "approved_at" = a."approved_at"
FROM (
  SELECT "renewal_id", max("approved_at") AS "approved_at" FROM "renewal_assessment_approvals"
  GROUP BY "renewal_id" HAVING count(DISTINCT "side") = 2
) a
WHERE a."renewal_id" = r."id";
--> statement-breakpoint
UPDATE "renewals" r SET "planned_at" = rp."updated_at" FROM "renewal_plans" rp WHERE rp."renewal_id" = r."id";
--> statement-breakpoint
-- Each renewal's latest weekly forecast (the last entered; the higher id on a tie).
UPDATE "renewals" r SET "forecast_outcome" = lf."outcome", "forecast_arr_cents" = lf."expected_arr_cents",
  "forecasted_at" = lf."entered_at"
FROM (
  SELECT DISTINCT ON ("renewal_id") "renewal_id", "outcome", "expected_arr_cents", "entered_at"
  FROM "renewal_forecasts" ORDER BY "renewal_id", "entered_at" DESC, "id" DESC
) lf
WHERE lf."renewal_id" = r."id";
