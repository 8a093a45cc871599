import { renewalPolicy, renewalRatings, routeOfRating } from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

/**
 * `renewalPhase` of @keel/domain as a SQL expression over `r` renewals, `ra` their
 * assessment and `rp` their plan, so the pipeline counts and pages by phase in the database
 * instead of reading a quarter's renewals whole. The rating routes and the T-120 start come from
 * the domain; `phase-sql.test.ts` holds the two to the same answer on every renewal of a book.
 */
export function phaseSql(today: string): SQL {
  const routes = sql.join(
    renewalRatings.map((rating) => sql`when ${rating} then ${routeOfRating(rating).phase}`),
    sql` `,
  );
  const approved = (side: "ts" | "sales") =>
    sql`exists (select 1 from renewal_assessment_approvals p where p.renewal_id = r.id and p.side = ${side})`;
  return sql`(case
    when r.processed_at is not null then 'processed'
    when exists (select 1 from renewal_forecasts f where f.renewal_id = r.id) then 'renewal_forecast'
    when rp.projected_outcome is not null then 'renewal_plan'
    when ra.rating is not null and ${approved("ts")} and ${approved("sales")} then (case ra.rating ${routes} end)
    when ra.rating is not null then 'health_assessment'
    when r.due_date - ${renewalPolicy.assessmentStartDays}::int <= ${today}::date then 'health_assessment'
    else 'not_started'
  end)`;
}
