import { queryRows } from "@keel/db";
import {
  type ForecastBucket,
  type QuarterForecast,
  quarterOf,
  renewalPolicy,
  rollUpForecastCells,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { quarterRange } from "./list-renewals.ts";

/**
 * R-5 / §11 "quarterly renewal forecast": expected ARR by quarter and outcome, from each
 * renewal's latest forecast (a processed one counts as what happened), with forecast GRR and NRR.
 * Default: this quarter and the next three.
 */
export async function getRenewalForecast(
  ctx: ServiceContext,
  input: { quarters?: readonly string[]; seatHolderId?: string } = {},
): Promise<{ today: string; quarters: QuarterForecast[] }> {
  const today = todayOf(ctx.now);
  const quarters = input.quarters?.length ? [...input.quarters] : nextQuarters(today, 4);
  const ranges = quarters.map(quarterRange);
  const mine = input.seatHolderId
    ? sql`and exists (select 1 from account_team s where s.account_id = r.account_id and s.user_id = ${input.seatHolderId})`
    : sql``;
  // Summed per quarter and bucket in the database (a year of renewals is the whole book);
  // `forecastBucketOf` is the rule, seed.test.ts in @keel/seed holds the SQL to it.
  // The whole span first, so the due-date index narrows the book before quarters are named.
  const from = ranges.map((r) => r[0]).sort()[0]!;
  const to = ranges
    .map((r) => r[1])
    .sort()
    .at(-1)!;
  const quarterRows = sql.join(
    quarters.map((quarter, i) => sql`(${quarter}, ${ranges[i]![0]}::date, ${ranges[i]![1]}::date)`),
    sql`, `,
  );
  const cells = await queryRows<{
    quarter: string;
    bucket: ForecastBucket;
    count: number;
    processed: number;
    at_stake: string;
    expected: string;
    kept: string;
  }>(
    ctx.db,
    sql`with q (quarter, first_day, last_day) as (values ${quarterRows}),
      rows as (
        select q.quarter, r.arr_at_stake_cents as at_stake, p.processed,
          case when p.processed then r.outcome when r.forecast_outcome is not null then r.forecast_outcome
            else 'unforecast' end as bucket,
          case when p.processed then r.arr_after_cents when r.forecast_outcome is not null then r.forecast_arr_cents
            else r.arr_at_stake_cents end as expected
        from renewals r
        join q on r.due_date between q.first_day and q.last_day
        cross join lateral (select r.outcome is not null and r.arr_after_cents is not null as processed) p
        where r.due_date between ${from}::date and ${to}::date ${mine}
      )
      select quarter, bucket, count(*)::int as count, (count(*) filter (where processed))::int as processed,
        sum(at_stake)::text as at_stake, sum(expected)::text as expected, sum(least(expected, at_stake))::text as kept
      from rows group by 1, 2`,
  );
  const rolled = rollUpForecastCells(
    cells.map((cell) => ({
      quarter: cell.quarter,
      bucket: cell.bucket,
      count: cell.count,
      processedCount: cell.processed,
      arrAtStakeCents: Number(cell.at_stake),
      expectedArrCents: Number(cell.expected),
      keptArrCents: Number(cell.kept),
    })),
  );
  return { today, quarters: rolled };
}

/** This quarter and the `count − 1` after it. */
export function nextQuarters(today: string, count: number): string[] {
  const quarters: string[] = [];
  let day = today;
  while (quarters.length < count) {
    const quarter = quarterOf(day, renewalPolicy);
    if (!quarters.includes(quarter)) quarters.push(quarter);
    day = quarterRange(quarter)[1];
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return quarters;
}
