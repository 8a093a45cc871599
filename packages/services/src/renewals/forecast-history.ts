import { type Executor, queryRows } from "@keel/db";
import {
  type DataForecastHistory,
  type HealthCategory,
  type RenewalOutcome,
  weeksBefore,
  weeksOutBucketOf,
} from "@keel/domain";
import { sql } from "drizzle-orm";

/**
 * processed renewals with the health category each had at each weeks-out band (read from
 * the category stamped on its weekly forecasts), for the data forecast.
 */
export async function loadDataForecastHistory(
  db: Executor,
): Promise<Array<DataForecastHistory & { renewalId: string }>> {
  const rows = await queryRows<{
    id: string;
    due_date: string;
    arr_before: string;
    arr_after: string;
    entered_on: string | null;
    category: HealthCategory | null;
  }>(
    db,
    sql`select r.id::text, r.due_date::text, r.arr_at_stake_cents::text as arr_before,
        r.arr_after_cents::text as arr_after, f.entered_at::date::text as entered_on, f.health_category as category
      from renewals r left join renewal_forecasts f on f.renewal_id = r.id and f.health_category is not null
      where r.processed_at is not null
      order by r.id, f.entered_at`,
  );
  const byRenewal = new Map<string, DataForecastHistory & { renewalId: string }>();
  for (const row of rows) {
    let history = byRenewal.get(row.id);
    if (!history) {
      history = {
        renewalId: row.id,
        categoryAtWeeksOut: {},
        arrBeforeCents: Number(row.arr_before),
        arrAfterCents: Number(row.arr_after),
      };
      byRenewal.set(row.id, history);
    }
    if (row.entered_on && row.category) {
      // The latest forecast in a band stands for the band (rows are in entry order).
      history.categoryAtWeeksOut[weeksOutBucketOf(Math.max(0, weeksBefore(row.due_date, row.entered_on)))] =
        row.category;
    }
  }
  return [...byRenewal.values()];
}

/** one row per weekly forecast of a processed renewal (the latest entry of each week). */
export async function loadAccuracyRows(db: Executor) {
  return queryRows<{
    renewal_id: string;
    due_date: string;
    ae: string | null;
    ta: string | null;
    week: string;
    entered_on: string;
    outcome: RenewalOutcome;
    expected_arr_cents: string;
    actual_outcome: RenewalOutcome;
    arr_before: string;
    arr_after: string;
    category: HealthCategory | null;
  }>(
    db,
    sql`select distinct on (f.renewal_id, f.week)
        r.id::text as renewal_id, r.due_date::text, aeu.name as ae, tau.name as ta, f.week,
        f.entered_at::date::text as entered_on, f.outcome, f.expected_arr_cents::text,
        r.outcome as actual_outcome, r.arr_at_stake_cents::text as arr_before, r.arr_after_cents::text as arr_after,
        f.health_category as category
      from renewals r
      join renewal_forecasts f on f.renewal_id = r.id
      left join account_team ae on ae.account_id = r.account_id and ae.role = 'ae'
      left join "user" aeu on aeu.id = coalesce(f.author_id, ae.user_id)
      left join account_team ta on ta.account_id = r.account_id and ta.role = 'ta'
      left join "user" tau on tau.id = ta.user_id
      where r.processed_at is not null
      order by f.renewal_id, f.week, f.entered_at desc, f.id desc`,
  );
}
