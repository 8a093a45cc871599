import { type Executor, queryRows } from "@keel/db";
import {
  categoryAtWeeksOut,
  type DataForecastHistory,
  type DataForecastSums,
  type HealthCategory,
  isoDay,
  type RenewalOutcome,
  type WeeksOutBucket,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { fromReportSnapshot } from "#reports/report-snapshot.ts";

/**
 * when a renewal is processed its forecasts are final: the category it had at each
 * weeks-out band is written once, for the data forecast to sum.
 */
export async function recordOutcomeBands(db: Executor, renewalId: string): Promise<void> {
  const [renewal] = await queryRows<{ due_date: string }>(
    db,
    sql`select due_date::text from renewals where id = ${renewalId}::uuid`,
  );
  if (!renewal) return;
  const entries = await queryRows<{ entered_at: string; category: HealthCategory | null }>(
    db,
    sql`select entered_at::text, health_category as category from renewal_forecasts
      where renewal_id = ${renewalId}::uuid order by entered_at, id`,
  );
  const bands = categoryAtWeeksOut(
    renewal.due_date,
    entries.map((e) => ({ enteredOn: isoDay(new Date(e.entered_at)), category: e.category })),
  );
  for (const [band, category] of Object.entries(bands)) {
    await db.execute(sql`insert into renewal_outcome_bands (renewal_id, band, category)
      values (${renewalId}::uuid, ${band}, ${category}) on conflict (renewal_id, band) do update set category = excluded.category`);
  }
}

/**
 * what the data forecast of one open renewal rests on, summed by the database: past
 * renewals in its category in its band, in its category in any band, and all of them.
 */
export async function loadDataForecastSums(
  db: Executor,
  { category, band }: { category: HealthCategory; band: WeeksOutBucket },
): Promise<DataForecastSums> {
  const [row] = await queryRows<
    Record<`${"band" | "category" | "all"}_${"before" | "after" | "count"}`, string>
  >(
    db,
    sql`with in_category as (
        select renewal_id, bool_or(band = ${band}) as in_band from renewal_outcome_bands
        where category = ${category} group by renewal_id
      )
      select coalesce(sum(r.arr_at_stake_cents) filter (where c.in_band), 0)::text as band_before,
        coalesce(sum(r.arr_after_cents) filter (where c.in_band), 0)::text as band_after,
        count(*) filter (where c.in_band)::text as band_count,
        coalesce(sum(r.arr_at_stake_cents) filter (where c.renewal_id is not null), 0)::text as category_before,
        coalesce(sum(r.arr_after_cents) filter (where c.renewal_id is not null), 0)::text as category_after,
        count(c.renewal_id)::text as category_count,
        coalesce(sum(r.arr_at_stake_cents), 0)::text as all_before,
        coalesce(sum(r.arr_after_cents), 0)::text as all_after,
        count(*)::text as all_count
      from renewals r left join in_category c on c.renewal_id = r.id
      where r.processed_at is not null`,
  );
  const sums = (level: "band" | "category" | "all") => ({
    before: Number(row![`${level}_before`]),
    after: Number(row![`${level}_after`]),
    count: Number(row![`${level}_count`]),
  });
  return { band: sums("band"), category: sums("category"), all: sums("all") };
}

/**
 * `loadDataForecastSums`, kept as a report snapshot: the sums read every processed renewal and
 * change only when another is processed, while a renewal's page asks for them on every view.
 */
export async function keptDataForecastSums(
  db: Executor,
  now: Date,
  cell: { category: HealthCategory; band: WeeksOutBucket },
): Promise<DataForecastSums> {
  const [processed] = await queryRows<{ version: string }>(
    db,
    sql`select concat_ws('|', count(*), max(processed_at)) as version from renewals where processed_at is not null`,
  );
  return fromReportSnapshot(db, {
    report: "data-forecast-sums",
    params: `${cell.category}|${cell.band}`,
    dataVersion: processed!.version,
    now,
    compute: () => loadDataForecastSums(db, cell),
  });
}

/** every processed renewal with the category it had at each band, for accuracy's leave-one-out. */
export async function loadDataForecastHistory(
  db: Executor,
): Promise<Array<DataForecastHistory & { renewalId: string }>> {
  const rows = await queryRows<{
    id: string;
    arr_before: string;
    arr_after: string;
    band: WeeksOutBucket | null;
    category: HealthCategory | null;
  }>(
    db,
    sql`select r.id::text, r.arr_at_stake_cents::text as arr_before, r.arr_after_cents::text as arr_after,
        b.band, b.category
      from renewals r left join renewal_outcome_bands b on b.renewal_id = r.id
      where r.processed_at is not null`,
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
    if (row.band && row.category) history.categoryAtWeeksOut[row.band] = row.category;
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
