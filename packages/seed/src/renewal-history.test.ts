import { readFile } from "node:fs/promises";
import type { DbHandle } from "@keel/db";
import { queryRows } from "@keel/db";
import { openTestDatabase } from "@keel/db/testing";
import {
  arrAccuracy,
  categoryAtWeeksOut,
  checkOutcome,
  churnRetroRequired,
  dataForecastFromSums,
  dataForecastModel,
  daysBetween,
  type HealthCategory,
  healthCategories,
  isoWeekOf,
  mondayOfIsoWeek,
  outcomeOfNumbers,
  type RenewalOutcome,
  renewalPolicy,
  weeksBefore,
  weeksOutBucketOf,
} from "@keel/domain";
import { loadDataForecastHistory, loadDataForecastSums } from "@keel/services";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoData } from "./index.ts";

const TODAY = "2026-11-01";

let handle: DbHandle;
let seeded: Awaited<ReturnType<typeof seedDemoData>>;
beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
  // A small company with health (the forecasts read its snapshots), without the playbook replay.
  seeded = await seedDemoData(handle.db, { today: TODAY, accounts: 40, playbookReplayDays: false });
});
afterAll(() => handle.close());

type RenewalRow = {
  id: string;
  account_id: string;
  due_date: string;
  arr_at_stake_cents: number;
  seats_at_stake: number;
  outcome: RenewalOutcome;
  arr_after_cents: number;
  seats_after: number;
  processed_at: string;
  processed_by: string | null;
  next_renewal_date: string | null;
  ae: string | null;
  account_arr: number;
  account_seats: number;
  account_renewal: string | null;
  contract_start: string | null;
};

const renewalRows = () =>
  queryRows<RenewalRow>(
    handle.db,
    sql`select r.id::text, r.account_id::text, r.due_date::text, r.arr_at_stake_cents::float8 as arr_at_stake_cents,
      r.seats_at_stake, r.outcome, r.arr_after_cents::float8 as arr_after_cents, r.seats_after,
      to_char(r.processed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as processed_at, r.processed_by,
      r.next_renewal_date::text, (select t.user_id from account_team t where t.account_id = r.account_id and t.role = 'ae') as ae,
      a.arr_cents::float8 as account_arr, a.seats_purchased as account_seats, a.renewal_date::text as account_renewal,
      a.contract_start::text as contract_start
      from renewals r join accounts a on a.id = r.account_id order by r.account_id, r.due_date`,
  );

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

const numbersOf = (row: RenewalRow) => ({
  outcome: row.outcome,
  arrBeforeCents: row.arr_at_stake_cents,
  arrAfterCents: row.arr_after_cents,
  seatsBefore: row.seats_at_stake,
  seatsAfter: row.seats_after,
});

describe("demo renewal history (R-2…R-7, X-5)", () => {
  it("R-6: every processed renewal's outcome agrees with its numbers (checkOutcome), by the AE, in the last two years", async () => {
    const rows = await renewalRows();
    expect(rows.length).toBe(seeded.renewals?.renewals);
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      expect(checkOutcome(numbersOf(row)), `${row.id} ${row.outcome}`).toEqual([]);
      expect(row.due_date < TODAY && row.due_date >= "2024-11-01").toBe(true);
      expect(row.processed_at < `${TODAY}T00:00:00Z`).toBe(true);
      expect(Math.abs(Date.parse(row.processed_at) - Date.parse(row.due_date)) / 86_400_000).toBeLessThan(9);
      expect(row.processed_by).toBe(row.ae);
      if (row.contract_start) expect(row.due_date > row.contract_start).toBe(true);
    }
    const outcomes = new Set(rows.map((row) => row.outcome));
    expect(outcomes).toContain("flat");
    expect(outcomes).toContain("partial_churn");
    const open = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from renewals where processed_at is null`,
    );
    expect(open[0]?.n).toBe(0);
  });

  it("R-6: the numbers chain: each cycle's ARR at stake is the one before's after, the newest's after is the account's today, its next renewal date the account's", async () => {
    const rows = await renewalRows();
    const byAccount = groupBy(rows, (row) => row.account_id);
    for (const cycles of byAccount.values()) {
      for (let i = 1; i < cycles.length; i++) {
        expect(cycles[i]!.arr_at_stake_cents).toBe(cycles[i - 1]!.arr_after_cents);
        expect(cycles[i]!.seats_at_stake).toBe(cycles[i - 1]!.seats_after);
        expect(cycles[i - 1]!.next_renewal_date).toBe(cycles[i]!.due_date);
      }
      const newest = cycles.at(-1)!;
      if (newest.outcome === "full_churn") {
        // A win-back prospect: the former contract ended; nothing to renew.
        expect(newest.contract_start).toBeNull();
        expect(newest.next_renewal_date).toBeNull();
      } else {
        expect(newest.arr_after_cents).toBe(newest.account_arr);
        expect(newest.seats_after).toBe(newest.account_seats);
        expect(newest.next_renewal_date).toBe(newest.account_renewal);
      }
    }
  });

  it("R-2 / R-4: every renewal has an assessment approved by both sides and a plan", async () => {
    const [counts] = await queryRows<{
      renewals: number;
      assessed: number;
      ts: number;
      sales: number;
      plans: number;
    }>(
      handle.db,
      sql`select (select count(*) from renewals)::int as renewals,
        (select count(*) from renewal_assessments where length(summary) > 20)::int as assessed,
        (select count(*) from renewal_assessment_approvals where side = 'ts' and user_id = 'usr_manager')::int as ts,
        (select count(*) from renewal_assessment_approvals where side = 'sales' and user_id = 'usr_sales_manager')::int as sales,
        (select count(*) from renewal_plans p join renewals r on r.id = p.renewal_id
          where p.updated_at < r.processed_at and (p.projected_outcome <> 'full_churn' or p.expected_arr_cents = 0))::int as plans`,
    );
    expect(counts).toEqual({
      renewals: counts!.renewals,
      assessed: counts!.renewals,
      ts: counts!.renewals,
      sales: counts!.renewals,
      plans: counts!.renewals,
    });
    const ratings = await queryRows<{ rating: string }>(
      handle.db,
      sql`select distinct rating from renewal_assessments order by 1`,
    );
    expect(ratings.length).toBeGreaterThanOrEqual(2);
  });

  it("R-5 / X-5: weekly forecasts, unique per (renewal, entered_at), in weeks up to the due week, before processing, by the AE", async () => {
    const forecasts = await queryRows<{
      renewal_id: string;
      week: string;
      entered_at: string;
      outcome: RenewalOutcome;
      expected: number;
      seats: number;
      author_id: string | null;
      health_category: string | null;
      due_date: string;
      before: number;
      after: number;
      processed_at: string;
      processed_by: string | null;
    }>(
      handle.db,
      sql`select f.renewal_id::text, f.week, to_char(f.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as entered_at,
        f.outcome, f.expected_arr_cents::float8 as expected, f.expected_seats as seats, f.author_id, f.health_category,
        r.due_date::text, r.arr_at_stake_cents::float8 as before, r.arr_after_cents::float8 as after,
        to_char(r.processed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as processed_at, r.processed_by
        from renewal_forecasts f join renewals r on r.id = f.renewal_id order by f.id`,
    );
    expect(forecasts.length).toBe(seeded.renewals?.forecasts);
    const keys = new Set(forecasts.map((f) => `${f.renewal_id}|${f.entered_at}`));
    expect(keys.size).toBe(forecasts.length);
    for (const f of forecasts) {
      expect(f.week).toBe(isoWeekOf(f.entered_at.slice(0, 10)));
      expect(f.week <= isoWeekOf(f.due_date)).toBe(true);
      expect(f.entered_at.slice(0, 10) <= f.due_date).toBe(true);
      expect(f.entered_at < f.processed_at).toBe(true);
      expect(weeksBefore(f.due_date, f.entered_at.slice(0, 10))).toBeLessThanOrEqual(17);
      expect(f.author_id).toBe(f.processed_by);
      expect(f.outcome).toBe(outcomeOfNumbers(f.before, f.expected));
      expect(f.health_category).not.toBeNull();
    }
    // Every renewal was forecast; some weeks were skipped, so the series carries forward.
    const byRenewal = groupBy(forecasts, (f) => f.renewal_id);
    expect(byRenewal.size).toBe(seeded.renewals?.renewals);
    const gaps = [...byRenewal.values()].filter((entries) => {
      const weeks = [...new Set(entries.map((f) => f.week))];
      const span = daysBetween(mondayOfIsoWeek(weeks[0]!), mondayOfIsoWeek(weeks.at(-1)!)) / 7 + 1;
      return weeks.length < span;
    });
    expect(gaps.length).toBeGreaterThan(0);
    // The call gets better closer to the date.
    const accuracy = (near: boolean) => {
      const chosen = forecasts.filter((f) => {
        const out = weeksBefore(f.due_date, f.entered_at.slice(0, 10));
        return near ? out <= 1 : out >= 12;
      });
      return chosen.reduce((sum, f) => sum + arrAccuracy(f.expected, f.after), 0) / chosen.length;
    };
    expect(accuracy(true)).toBeGreaterThan(accuracy(false));
  });

  it("R-7: churns above the threshold with fewer seats have a retro with 2–3 calls to action; no other renewal has one", async () => {
    const rows = await renewalRows();
    const retros = await queryRows<{
      renewal_id: string;
      arr_lost: number;
      sponsor_id: string;
      status: string;
      lessons_learned: string;
      closed_lost_category: string | null;
      churn_reason: string | null;
      actions: number;
    }>(
      handle.db,
      sql`select c.renewal_id::text, c.arr_lost_cents::float8 as arr_lost, c.sponsor_id, c.status, c.lessons_learned,
        c.closed_lost_category, c.churn_reason, (select count(*) from churn_retro_actions x where x.retro_id = c.id)::int as actions
        from churn_retros c`,
    );
    const retroOf = new Map(retros.map((retro) => [retro.renewal_id, retro]));
    for (const row of rows) {
      const required = churnRetroRequired(numbersOf(row), renewalPolicy).required;
      expect(retroOf.has(row.id), `${row.outcome} ${row.arr_at_stake_cents} → ${row.arr_after_cents}`).toBe(
        required,
      );
      const retro = retroOf.get(row.id);
      if (!retro) continue;
      expect(retro.arr_lost).toBe(row.arr_at_stake_cents - row.arr_after_cents);
      expect(retro.sponsor_id).toBe("usr_manager");
      expect(retro.closed_lost_category).not.toBeNull();
      expect(retro.churn_reason).not.toBeNull();
      expect(retro.actions).toBeGreaterThanOrEqual(2);
      expect(retro.actions).toBeLessThanOrEqual(3);
      if (retro.status !== "open") expect(retro.lessons_learned.length).toBeGreaterThan(20);
    }
    expect(retros.length).toBeGreaterThanOrEqual(3);
    expect(retros.length).toBe(seeded.renewals?.churnRetros);
  });

  it("X-5: each processed renewal's category per weeks-out band, as the domain reads its forecasts — and the migration's backfill agrees", async () => {
    const bands = () =>
      queryRows<{ renewal_id: string; band: string; category: string }>(
        handle.db,
        sql`select renewal_id::text, band, category from renewal_outcome_bands order by renewal_id, band`,
      );
    const written = await bands();
    expect(written.length).toBeGreaterThan(20);
    const forecasts = await queryRows<{
      renewal_id: string;
      due_date: string;
      entered_on: string;
      category: HealthCategory | null;
    }>(
      handle.db,
      sql`select f.renewal_id::text, r.due_date::text, (f.entered_at at time zone 'UTC')::date::text as entered_on,
          f.health_category as category
        from renewal_forecasts f join renewals r on r.id = f.renewal_id where r.processed_at is not null
        order by f.renewal_id, f.entered_at, f.id`,
    );
    const expected = new Map<string, typeof forecasts>();
    for (const f of forecasts) expected.set(f.renewal_id, [...(expected.get(f.renewal_id) ?? []), f]);
    const fromDomain = [...expected.entries()]
      .flatMap(([renewalId, rows]) =>
        Object.entries(
          categoryAtWeeksOut(
            rows[0]!.due_date,
            rows.map((r) => ({ enteredOn: r.entered_on, category: r.category })),
          ),
        ).map(([band, category]) => ({ renewal_id: renewalId, band, category })),
      )
      .sort((a, b) => (a.renewal_id + a.band < b.renewal_id + b.band ? -1 : 1));
    expect(written).toEqual(fromDomain);

    // Databases migrated before the table existed are filled by 0004's SQL: same bands.
    const migration = await readFile(
      new URL("../../db/drizzle/0004_renewal_outcome_bands.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration
      .split("--> statement-breakpoint")
      .find((part) => part.includes("INSERT INTO"))!;
    await handle.db.execute(sql`delete from renewal_outcome_bands`);
    await handle.db.execute(sql.raw(backfill));
    expect(await bands()).toEqual(written);
  });

  it("X-5: the database's sums give the data forecast the domain's model gives over the same history", async () => {
    // No renewal red 5–8 weeks out and none ever green, so each level of fallback is read too.
    await handle.db.execute(
      sql`delete from renewal_outcome_bands where (category = 'red' and band = '5-8') or category = 'green'`,
    );
    const model = dataForecastModel(await loadDataForecastHistory(handle.db));
    const levels = new Set<string>();
    for (const category of healthCategories) {
      for (const weeksOut of [0, 3, 6, 10, 20]) {
        const renewal = { category, weeksOut, arrAtStakeCents: 12_345_600 };
        const sums = await loadDataForecastSums(handle.db, { category, band: weeksOutBucketOf(weeksOut) });
        expect(dataForecastFromSums(renewal, sums)).toEqual(model.forecast(renewal));
        levels.add(sums.band.count > 0 ? "band" : sums.category.count > 0 ? "category" : "all");
      }
    }
    expect([...levels].sort()).toEqual(["all", "band", "category"]);
  });

  it("R-5 / R-7 / X-5: nothing is dated after today", async () => {
    const [late] = await queryRows<{ n: number }>(
      handle.db,
      sql`select ((select count(*) from renewals where processed_at >= ${TODAY}::date or created_at >= ${TODAY}::date)
        + (select count(*) from renewal_assessments where assessed_at >= ${TODAY}::date)
        + (select count(*) from renewal_assessment_approvals where approved_at >= ${TODAY}::date)
        + (select count(*) from renewal_plans where updated_at >= ${TODAY}::date)
        + (select count(*) from renewal_forecasts where entered_at >= ${TODAY}::date)
        + (select count(*) from churn_retros where created_at >= ${TODAY}::date)
        + (select count(*) from churn_retro_actions where created_at >= ${TODAY}::date))::int as n`,
    );
    expect(late?.n).toBe(0);
  });

  it("R-5 / R-6 / R-7 / X-5: the same seed and day give the same rows; `renewals: false` writes none", async () => {
    const snapshot = async () => ({
      renewals: await queryRows(handle.db, sql`select * from renewals order by id`),
      assessments: await queryRows(handle.db, sql`select * from renewal_assessments order by renewal_id`),
      plans: await queryRows(handle.db, sql`select * from renewal_plans order by renewal_id`),
      forecasts: await queryRows(
        handle.db,
        sql`select * from renewal_forecasts order by renewal_id, entered_at`,
      ),
      retros: await queryRows(handle.db, sql`select * from churn_retros order by id`),
      actions: await queryRows(handle.db, sql`select * from churn_retro_actions order by id`),
    });
    const reseed = async (options: { renewals?: false } = {}) => {
      await handle.db.execute(sql`truncate accounts, "user", instance_releases, job_leases cascade`);
      return seedDemoData(handle.db, { today: TODAY, accounts: 40, health: false, ...options });
    };
    await reseed();
    const first = await snapshot();
    expect(first.renewals.length).toBeGreaterThan(15);
    await reseed();
    const second = await snapshot();
    // Forecast ids are a sequence: compare them without it.
    const withoutId = (rows: unknown[]) =>
      (rows as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
    expect({ ...second, forecasts: withoutId(second.forecasts) }).toEqual({
      ...first,
      forecasts: withoutId(first.forecasts),
    });
    const off = await reseed({ renewals: false });
    expect(off.renewals).toBeNull();
    const [none] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from renewals`);
    expect(none?.n).toBe(0);
  });
});
