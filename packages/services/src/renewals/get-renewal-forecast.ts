import { queryRows } from "@keel/db";
import {
  type QuarterForecast,
  quarterOf,
  type RenewalOutcome,
  renewalPolicy,
  rollUpForecast,
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
  const from = ranges.map((r) => r[0]).sort()[0]!;
  const to = ranges
    .map((r) => r[1])
    .sort()
    .at(-1)!;
  const mine = input.seatHolderId
    ? sql`and exists (select 1 from account_team s where s.account_id = r.account_id and s.user_id = ${input.seatHolderId})`
    : sql``;
  const rows = await queryRows<{
    due_date: string;
    arr_at_stake_cents: string;
    latest_outcome: RenewalOutcome | null;
    latest_arr: string | null;
    outcome: RenewalOutcome | null;
    arr_after_cents: string | null;
  }>(
    ctx.db,
    sql`select r.due_date::text, r.arr_at_stake_cents::text, lf.outcome as latest_outcome,
        lf.expected_arr_cents::text as latest_arr, r.outcome, r.arr_after_cents::text
      from renewals r
      left join lateral (select f.outcome, f.expected_arr_cents from renewal_forecasts f
        where f.renewal_id = r.id order by f.entered_at desc, f.id desc limit 1) lf on true
      where r.due_date between ${from}::date and ${to}::date ${mine}`,
  );
  const wanted = new Set(quarters);
  const rolled = rollUpForecast(
    rows.map((row) => ({
      dueDate: row.due_date,
      arrAtStakeCents: Number(row.arr_at_stake_cents),
      latest:
        row.latest_outcome && row.latest_arr !== null
          ? { outcome: row.latest_outcome, expectedArrCents: Number(row.latest_arr) }
          : null,
      processed:
        row.outcome && row.arr_after_cents !== null
          ? { outcome: row.outcome, arrAfterCents: Number(row.arr_after_cents) }
          : null,
    })),
    renewalPolicy,
  ).filter((q) => wanted.has(q.quarter));
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
