CREATE TABLE "renewal_outcome_bands" (
	"renewal_id" uuid NOT NULL,
	"band" text NOT NULL,
	"category" text NOT NULL,
	CONSTRAINT "renewal_outcome_bands_renewal_id_band_pk" PRIMARY KEY("renewal_id","band")
);
--> statement-breakpoint
ALTER TABLE "renewal_outcome_bands" ADD CONSTRAINT "renewal_outcome_bands_renewal_id_renewals_id_fk" FOREIGN KEY ("renewal_id") REFERENCES "public"."renewals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "renewal_outcome_bands_category_idx" ON "renewal_outcome_bands" USING btree ("category","band");--> statement-breakpoint
-- Renewals processed before this table existed: each forecast's band as `weeksOutBucketOf` in
-- @keel/domain reads it (whole weeks before the due date, UTC days), the latest entry per band.
INSERT INTO "renewal_outcome_bands" ("renewal_id", "band", "category")
SELECT DISTINCT ON (f.renewal_id, b.band) f.renewal_id, b.band, f.health_category
FROM "renewals" r
JOIN "renewal_forecasts" f ON f.renewal_id = r.id AND f.health_category IS NOT NULL
CROSS JOIN LATERAL (SELECT floor((r.due_date - (f.entered_at AT TIME ZONE 'UTC')::date) / 7.0) AS weeks) w
CROSS JOIN LATERAL (SELECT CASE WHEN w.weeks <= 1 THEN '0-1' WHEN w.weeks <= 4 THEN '2-4' WHEN w.weeks <= 8 THEN '5-8'
  WHEN w.weeks <= 13 THEN '9-13' ELSE '14+' END AS band) b
WHERE r.processed_at IS NOT NULL
ORDER BY f.renewal_id, b.band, f.entered_at DESC, f.id DESC;
