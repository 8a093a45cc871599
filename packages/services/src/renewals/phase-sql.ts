import { renewalPolicy, renewalRatings, routeOfRating } from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

/**
 * `renewalPhase` of @keel/domain as a SQL expression over `r` renewals alone (the
 * milestones each service keeps on the renewal: rating, approvedAt, plannedAt, forecastedAt), so
 * the pipeline counts and pages by phase in the database instead of reading a quarter's renewals
 * whole. The rating routes and the T-120 start come from the domain; seed.test.ts holds the two
 * to the same answer on every renewal of the demo book.
 */
export function phaseSql(today: string): SQL {
  const routes = sql.join(
    renewalRatings.map((rating) => sql`when ${rating} then ${routeOfRating(rating).phase}`),
    sql` `,
  );
  return sql`(case
    when r.processed_at is not null then 'processed'
    when r.forecasted_at is not null then 'renewal_forecast'
    when r.planned_at is not null then 'renewal_plan'
    when r.approved_at is not null then (case r.rating ${routes} end)
    when r.rating is not null then 'health_assessment'
    when r.due_date - ${renewalPolicy.assessmentStartDays}::int <= ${today}::date then 'health_assessment'
    else 'not_started'
  end)`;
}
