import type { DbHandle } from "@keel/db";
import { queryRows } from "@keel/db";
import { openTestDatabase } from "@keel/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { healthSeedPlan } from "./health-inputs.ts";
import { seedDemoData } from "./index.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
  await seedDemoData(handle.db, { today: "2026-11-01", accounts: 160 });
});
afterAll(() => handle.close());

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(handle.db, query))[0]!;

describe("demo health inputs (H-2)", () => {
  it("H-3: demo accounts span green, yellow and red; prospects have no score", async () => {
    const counts = await queryRows<{ category: string; n: number }>(
      handle.db,
      sql`select category, count(*)::int as n from account_health group by category`,
    );
    const by = Object.fromEntries(counts.map((c) => [c.category, c.n]));
    const scored = (by.green ?? 0) + (by.yellow ?? 0) + (by.red ?? 0);
    for (const category of ["green", "yellow", "red"])
      expect(by[category] ?? 0).toBeGreaterThan(scored * 0.12);
    const prospects = await one<{ unknown: number; prospects: number }>(
      sql`select count(*) filter (where h.category = 'unknown')::int as unknown,
        count(*) filter (where a.lifecycle_stage = 'prospect')::int as prospects
        from accounts a join account_health h on h.account_id = a.id`,
    );
    expect(prospects.unknown).toBe(prospects.prospects);
  });

  it("over a year of daily usage with DAU ≤ MAU, lagging versions, precise intel on for most", async () => {
    const usage = await one<{ days: number; over: number; versions: number; precise: number }>(
      sql`select (max(day) - min(day))::int as days, count(*) filter (where dau > mau)::int as over,
        count(distinct instance_version)::int as versions,
        avg(case when precise_intel_active then 1 else 0 end)::float8 as precise
        from usage_daily`,
    );
    expect(usage.days).toBe(399);
    expect(usage.over).toBe(0);
    expect(usage.versions).toBeGreaterThan(10);
    expect(usage.precise).toBeGreaterThan(0.5);
    const behind = await one<{ n: number }>(
      sql`select count(*)::int as n from account_health where (inputs->'values'->>'versionsBehind')::int >= 4`,
    );
    expect(behind.n).toBeGreaterThan(0);
  });

  it("some accounts were not contacted for 30+ days; some manual traits are stale (H-6)", async () => {
    const quiet = await one<{ n: number }>(
      sql`select count(*)::int as n from account_health where (inputs->'values'->>'daysSinceLastActivity')::int >= 30`,
    );
    expect(quiet.n).toBeGreaterThan(0);
    const stale = await one<{ n: number }>(
      sql`select count(*)::int as n from account_health, jsonb_array_elements(breakdown->'traits') t
        where (t->>5)::boolean`,
    );
    expect(stale.n).toBeGreaterThan(0);
  });

  it("H-5: month-end snapshots for the trend (computed as of each month end), with believable trends", async () => {
    const monthEnds = await queryRows<{ day: string }>(
      handle.db,
      sql`select distinct (at at time zone 'UTC')::date::text as day from health_snapshots
        where cause like 'backfill%' order by 1`,
    );
    expect(monthEnds.map((m) => m.day)).toEqual([
      "2025-11-30",
      "2025-12-31",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
    ]);
    const trends = await one<{ up: number; down: number }>(
      sql`with ends as (
          select account_id,
            (array_agg(score order by at) filter (where score is not null and at >= '2026-04-01'))[1] as first,
            (select score from account_health h where h.account_id = s.account_id) as now
          from health_snapshots s group by account_id)
        select count(*) filter (where now - first >= 20)::int as up, count(*) filter (where first - now >= 20)::int as down
        from ends`,
    );
    expect(trends.up).toBeGreaterThan(3);
    expect(trends.down).toBeGreaterThan(3);
    const changes = await one<{ n: number }>(sql`select count(*)::int as n from health_category_changes`);
    expect(changes.n).toBeGreaterThan(0);
  });

  it("is deterministic: the same seed and day give the same scores", async () => {
    const scores = () =>
      queryRows<{ id: string; score: number | null }>(
        handle.db,
        sql`select account_id::text as id, score from account_health order by account_id`,
      );
    // A small company is enough to show it (the 160 accounts above take seconds to seed again).
    const seedSmall = async () => {
      await handle.db.execute(sql`truncate accounts, "user", instance_releases, job_leases cascade`);
      await seedDemoData(handle.db, { today: "2026-11-01", accounts: 30 });
      return scores();
    };
    const first = await seedSmall();
    expect(first.filter((row) => row.score !== null).length).toBeGreaterThan(10);
    expect(await seedSmall()).toEqual(first);
  });

  it("sizes itself for big books (benchmarks) and can be turned off", async () => {
    expect(healthSeedPlan(240)).toEqual({ usageDays: 400, usageEveryDays: 1, backfillMonths: 12 });
    expect(healthSeedPlan(10_000)).toEqual({ usageDays: 120, usageEveryDays: 1, backfillMonths: 3 });
    expect(healthSeedPlan(100_000)).toEqual({ usageDays: 62, usageEveryDays: 3, backfillMonths: 0 });
    await handle.db.execute(sql`truncate accounts, "user", instance_releases, job_leases cascade`);
    const result = await seedDemoData(handle.db, { today: "2026-11-01", accounts: 20, health: false });
    expect(result.health).toBeNull();
    const usage = await one<{ n: number }>(sql`select count(*)::int as n from usage_daily`);
    expect(usage.n).toBe(0);
  });
});
