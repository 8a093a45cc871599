import { readFile } from "node:fs/promises";
import { type DbHandle, queryRows } from "@keel/db";
import { accounts, accountTeam, contacts, user } from "@keel/db/schema";
import { openTestDatabase } from "@keel/db/testing";
import { type RenewalOutcome, renewalPolicy, rollUpForecast } from "@keel/domain";
import {
  getRenewalForecast,
  type ListRenewalsInput,
  listEnrolments,
  listRenewals,
  systemContext,
} from "@keel/services";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoData, seedIfEmpty } from "./index.ts";
import { DEMO_OVERDUE_RENEWALS } from "./renewal-pipeline.ts";

let handle: DbHandle;
let result: Awaited<ReturnType<typeof seedDemoData>>;
beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
  // The demo company, seeded once for the tests that read it (the last ones reseed).
  result = await seedDemoData(handle.db, { today: "2026-11-01" });
}, 180_000);
afterAll(() => handle.close());

describe("demo seed", () => {
  it("creates the demo company: every SPEC §1 role, ≥ 200 accounts, a full book for ta@keel.test", async () => {
    expect(result.accounts).toBeGreaterThanOrEqual(200);

    const users = await handle.db.select().from(user);
    const roles = new Set(users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(["admin", "ae", "ce", "exec", "manager", "ta"]);

    const taBook = await handle.db
      .select({ accountId: accountTeam.accountId })
      .from(accountTeam)
      .where(sql`${accountTeam.role} = 'ta' and ${accountTeam.userId} = 'usr_ta'`);
    expect(taBook.length).toBeGreaterThanOrEqual(40);

    const spread = await handle.db
      .select({
        segments: sql<number>`count(distinct ${accounts.segment})::int`,
        stages: sql<number>`count(distinct ${accounts.lifecycleStage})::int`,
        minArr: sql<number>`min(${accounts.arrCents})::bigint`,
        maxArr: sql<number>`max(${accounts.arrCents})::bigint`,
        pastRenewals: sql<number>`count(*) filter (where ${accounts.renewalDate} < '2026-11-01')::int`,
        lateRenewals: sql<number>`count(*) filter (where ${accounts.renewalDate} > '2027-11-01')::int`,
      })
      .from(accounts);
    expect(spread[0]!.segments).toBe(4);
    expect(spread[0]!.stages).toBe(5);
    expect(Number(spread[0]!.minArr)).toBeGreaterThanOrEqual(1_000_000);
    expect(Number(spread[0]!.maxArr)).toBeLessThanOrEqual(200_000_000);
    expect(spread[0]!.pastRenewals).toBeGreaterThan(0);
    expect(spread[0]!.lateRenewals).toBeGreaterThan(0);

    const untagged = await handle.db.select().from(contacts).where(sql`cardinality(${contacts.roles}) = 0`);
    expect(untagged.length).toBeGreaterThan(0);

    // R-1…R-6: an open renewal per renewal date; nothing stuck past its date but the two kept
    // overdue on purpose; the pipeline has renewals at every step of the process.
    const pipeline = await queryRows<{
      open: number;
      overdue: number;
      missing: number;
      waiting: number;
      approved: number;
      planned: number;
      forecast: number;
    }>(
      handle.db,
      sql`select
        count(*) filter (where r.processed_at is null)::int as open,
        count(*) filter (where r.processed_at is null and r.due_date < '2026-11-01')::int as overdue,
        (select count(*)::int from accounts a where a.renewal_date is not null and not exists
          (select 1 from renewals o where o.account_id = a.id and o.due_date = a.renewal_date)) as missing,
        count(*) filter (where r.processed_at is null and ra.renewal_id is not null
          and (select count(*) from renewal_assessment_approvals p where p.renewal_id = r.id) < 2)::int as waiting,
        count(*) filter (where r.processed_at is null
          and (select count(*) from renewal_assessment_approvals p where p.renewal_id = r.id) = 2)::int as approved,
        count(*) filter (where r.processed_at is null and rp.renewal_id is not null)::int as planned,
        count(*) filter (where r.processed_at is null and exists (select 1 from renewal_forecasts f where f.renewal_id = r.id))::int as forecast
      from renewals r left join renewal_assessments ra on ra.renewal_id = r.id left join renewal_plans rp on rp.renewal_id = r.id`,
    );
    expect(pipeline[0]).toMatchObject({ overdue: DEMO_OVERDUE_RENEWALS, missing: 0 });
    for (const step of ["waiting", "approved", "planned", "forecast"] as const) {
      expect(pipeline[0]![step], step).toBeGreaterThan(0);
    }
  });

  it("R-1: the pipeline's phases, counted and paged by the database, are the domain's phase of every renewal", async () => {
    const ctx = systemContext(handle.db, new Date("2026-11-01T12:00:00Z"), "test");
    const list = (input: Partial<ListRenewalsInput>) =>
      listRenewals(ctx, { status: "all", sort: "dueDate", order: "asc", page: 1, pageSize: 500, ...input });
    const everything = await list({});
    const [renewals] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from renewals`,
    );
    expect(everything.total).toBe(renewals!.n);
    expect(everything.phases.length).toBeGreaterThanOrEqual(6);
    for (const { phase, count } of everything.phases) {
      let seen = 0;
      for (let page = 1; seen < count; page++) {
        const { items } = await list({ phase, page });
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.phase, item.id).toBe(phase);
        seen += items.length;
      }
      expect(seen).toBe(count);
    }
    // Sorted in the database as the pipeline asks: ARR at stake, largest first.
    const byArr = (await list({ sort: "arr", order: "desc", status: "open", pageSize: 50 })).items;
    expect(byArr.map((r) => r.arrAtStakeCents)).toEqual(
      [...byArr.map((r) => r.arrAtStakeCents)].sort((a, b) => b - a),
    );
  });

  it("R-5: the quarterly roll-up the database sums is the domain's roll-up of the same renewals", async () => {
    const ctx = systemContext(handle.db, new Date("2026-11-01T12:00:00Z"), "test");
    // Last year's quarters (processed renewals) through next year's (forecast and unforecast).
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"];
    const fromDatabase = await getRenewalForecast(ctx, { quarters });
    const rows = await queryRows<{
      due_date: string;
      at_stake: number;
      latest_outcome: RenewalOutcome | null;
      latest_arr: number | null;
      outcome: RenewalOutcome | null;
      arr_after: number | null;
    }>(
      handle.db,
      sql`select r.due_date::text, r.arr_at_stake_cents::float8 as at_stake, r.outcome, r.arr_after_cents::float8 as arr_after,
          (select f.outcome from renewal_forecasts f where f.renewal_id = r.id order by f.entered_at desc, f.id desc limit 1) as latest_outcome,
          (select f.expected_arr_cents::float8 from renewal_forecasts f where f.renewal_id = r.id order by f.entered_at desc, f.id desc limit 1) as latest_arr
        from renewals r where r.due_date between '2026-01-01' and '2027-09-30'`,
    );
    const fromDomain = rollUpForecast(
      rows.map((row) => ({
        dueDate: row.due_date,
        arrAtStakeCents: row.at_stake,
        latest: row.latest_outcome
          ? { outcome: row.latest_outcome, expectedArrCents: row.latest_arr! }
          : null,
        processed:
          row.outcome && row.arr_after !== null
            ? { outcome: row.outcome, arrAfterCents: row.arr_after }
            : null,
      })),
      renewalPolicy,
    );
    expect(fromDatabase.quarters).toEqual(fromDomain);
    const buckets = new Set(
      fromDomain.flatMap((q) =>
        Object.entries(q.byOutcome).flatMap(([bucket, cell]) => (cell.count > 0 ? [bucket] : [])),
      ),
    );
    expect(buckets.size).toBeGreaterThanOrEqual(4);
    expect(fromDomain.some((q) => q.processedCount > 0)).toBe(true);
  });

  it("R-1 / R-5: every renewal keeps its milestones as its records have them (the seed's history and the services alike)", async () => {
    const drift = await queryRows<{ id: string }>(
      handle.db,
      sql`select r.id::text from renewals r
        left join renewal_assessments ra on ra.renewal_id = r.id
        left join renewal_plans rp on rp.renewal_id = r.id
        left join lateral (select max(p.approved_at) as at from renewal_assessment_approvals p
          where p.renewal_id = r.id having count(distinct p.side) = 2) ap on true
        left join lateral (select f.outcome, f.expected_arr_cents, f.entered_at from renewal_forecasts f
          where f.renewal_id = r.id order by f.entered_at desc, f.id desc limit 1) lf on true
        where r.rating is distinct from ra.rating or r.approved_at is distinct from ap.at
          or r.planned_at is distinct from rp.updated_at
          or r.forecast_outcome is distinct from lf.outcome
          or r.forecast_arr_cents is distinct from lf.expected_arr_cents
          or r.forecasted_at is distinct from lf.entered_at`,
    );
    expect(drift).toEqual([]);
    // Databases migrated before the columns existed are filled by 0007's SQL: the same values.
    const migration = await readFile(
      new URL("../../db/drizzle/0007_renewal_milestones.sql", import.meta.url),
      "utf8",
    );
    const backfills = migration.split("--> statement-breakpoint").filter((part) => part.includes("UPDATE"));
    expect(backfills.length).toBe(4);
    const kept = () =>
      queryRows(
        handle.db,
        sql`select id, rating, approved_at, planned_at, forecast_outcome, forecast_arr_cents, forecasted_at
          from renewals order by id`,
      );
    const before = await kept();
    await handle.db.execute(
      sql`update renewals set rating = null, approved_at = null, planned_at = null, forecast_outcome = null,
        forecast_arr_cents = null, forecasted_at = null`,
    );
    for (const backfill of backfills) await handle.db.execute(sql.raw(backfill));
    expect(await kept()).toEqual(before);
    const [counts] = await queryRows<Record<"approved" | "planned" | "forecast", number>>(
      handle.db,
      sql`select count(*) filter (where approved_at is not null)::int as approved,
          count(*) filter (where planned_at is not null)::int as planned,
          count(*) filter (where forecasted_at is not null)::int as forecast
        from renewals where processed_at is null`,
    );
    for (const [milestone, count] of Object.entries(counts!)) expect(count, milestone).toBeGreaterThan(0);
  });

  it("LH-1…LH-5: the demo's Lighthouse program has a stay in every state, criteria of both kinds and two past syncs", async () => {
    const ctx = systemContext(handle.db, new Date("2026-11-01T18:00:00Z"), "test");
    const { items } = await listEnrolments(ctx, {
      status: "all",
      sort: "enteredAt",
      order: "asc",
      page: 1,
      pageSize: 200,
    });
    const states = new Set(items.map((e) => (e.exit ? `exited ${e.exit.outcome}` : e.state)));
    for (const state of ["entered", "in_progress", "exit_proposed", "exited saved", "exited churned"])
      expect(states, state).toContain(state);
    // The pipeline's approved red ratings entered their accounts on their own (LH-1).
    expect(items.some((e) => e.source === "red_assessment")).toBe(true);
    const [kinds] = await queryRows<{ bound: number; manual: number; syncs: number }>(
      handle.db,
      sql`select count(*) filter (where definition->>'kind' = 'bound')::int as bound,
          count(*) filter (where definition->>'kind' = 'manual')::int as manual,
          (select count(*)::int from lighthouse_syncs) as syncs
        from lighthouse_criteria`,
    );
    expect(kinds).toMatchObject({ syncs: 2 });
    expect(kinds!.bound).toBeGreaterThan(0);
    expect(kinds!.manual).toBeGreaterThan(0);
  });

  it("is deterministic: the same seed and day give the same accounts", async () => {
    // A small company is enough to show it (the full one takes seconds to seed again).
    const seedSmall = async () => {
      await handle.db.execute(sql`truncate accounts, "user" cascade`);
      await seedDemoData(handle.db, { today: "2026-11-01", accounts: 30, health: false });
      return handle.db
        .select({ id: accounts.id, name: accounts.name, arr: accounts.arrCents })
        .from(accounts)
        .orderBy(asc(accounts.id));
    };
    const first = await seedSmall();
    expect(first.length).toBe(30);
    expect(await seedSmall()).toEqual(first);
  });

  it("seeds only an empty database", async () => {
    expect(await seedIfEmpty(handle.db)).toBeNull();
    const [admin] = await handle.db.select().from(user).where(eq(user.email, "admin@keel.test"));
    expect(admin?.roles).toEqual(["admin"]);
  });
});
