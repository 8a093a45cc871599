import { randomUUID } from "node:crypto";
import { queryRows, schema } from "@keel/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
/** ta@keel.test's red account renewing in 150 days (SPEC §10: review, health assessment, traits). */
let redRenewal: string;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  redRenewal = randomUUID();
  await t.db.insert(schema.accounts).values({
    id: redRenewal,
    name: "Red Renewal Recs",
    domain: "red-renewal-recs.example",
    arrCents: 30_000_000,
    seatsPurchased: 100,
    contractStart: "2024-06-01",
    closeDate: "2024-06-01",
    renewalDate: "2027-03-31",
    supportLevel: "dedicated",
    segment: "enterprise",
    lifecycleStage: "adopting",
    deployment: "cloud",
  });
  await t.db.insert(schema.accountTeam).values({ accountId: redRenewal, role: "ta", userId: "usr_ta" });
  const inputs = JSON.stringify({
    asOf: "2026-11-01",
    values: { mauOverSeats: 0.4, dauOverMau: 0.1, activeChampion: false },
    facts: {},
  });
  await t.db.execute(
    sql`insert into account_health (account_id, score, category, policy_version, computed_at, breakdown, inputs)
      values (${redRenewal}::uuid, 20, 'red', 1, now(), '{"categories":[],"traits":[]}'::jsonb, ${inputs}::jsonb)`,
  );
});
afterAll(() => t.close());

type Recommendation = {
  ruleId: string;
  relatedRuleIds: string[];
  reason: string;
  action: string;
  link: { accountId: string; section: string };
};
type Group = { accountId: string; accountName: string; recommendations: Recommendation[] };

describe('SPEC §10 "What should I be doing?"', () => {
  it("GET /recommendations?ta=me: ta@'s book grouped by account, each with rule, reason, action and link", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/recommendations?ta=me");
    expect(res.status).toBe(200);
    const [book] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from account_team where user_id = 'usr_ta' and role = 'ta'`,
    );
    expect(res.json.accounts).toBe(book!.n);
    const groups = res.json.groups as Group[];
    expect(groups.length).toBeGreaterThan(0);
    const mine = new Set(
      (
        await queryRows<{ id: string }>(
          t.db,
          sql`select account_id::text as id from account_team where user_id = 'usr_ta' and role = 'ta'`,
        )
      ).map((r) => r.id),
    );
    for (const group of groups) {
      expect(mine.has(group.accountId)).toBe(true);
      expect(group.recommendations.length).toBeGreaterThan(0);
      for (const rec of group.recommendations) {
        expect(rec.ruleId).toMatch(/^W-\d+$/);
        expect(rec.reason.length).toBeGreaterThan(0);
        expect(rec.action.length).toBeGreaterThan(0);
        expect(rec.link.accountId).toBe(group.accountId);
      }
    }
    // Accounts with the most to do come first.
    const sizes = groups.map((g) => g.recommendations.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const red = groups.find((g) => g.accountId === redRenewal);
    expect(red?.recommendations.map((r) => r.ruleId)).toEqual(expect.arrayContaining(["W-2", "W-3", "W-4"]));
    expect(red?.recommendations.find((r) => r.ruleId === "W-3")).toMatchObject({
      relatedRuleIds: ["R-3"],
      reason: "renews on 2027-03-31 (in 150 days) with red health",
      link: { accountId: redRenewal, section: "renewal" },
    });
  });

  it("another TA's list is a team view: 403 for a TA, 200 for a manager", async () => {
    expect((await t.call("ta@keel.test", "/api/v1/recommendations?ta=usr_ta2")).status).toBe(403);
    const res = await t.call("manager@keel.test", "/api/v1/recommendations?ta=usr_ta");
    expect(res.status).toBe(200);
    expect(res.json.groups.some((g: Group) => g.accountId === redRenewal)).toBe(true);
  });

  it("GET /accounts/{id}/recommendations: one account's list", async () => {
    const res = await t.call("ta2@keel.test", `/api/v1/accounts/${redRenewal}/recommendations`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      accountId: redRenewal,
      accountName: "Red Renewal Recs",
      renewalDate: "2027-03-31",
      healthCategory: "red",
    });
    expect((res.json.recommendations as Recommendation[]).map((r) => r.ruleId)).toContain("W-3");
    expect((await t.call("ta@keel.test", `/api/v1/accounts/${randomUUID()}/recommendations`)).status).toBe(
      404,
    );
  });
});

describe("X-6 compliance lists", () => {
  it("a manager sees the six lists of who is late, each with its rule ids (X-6)", async () => {
    const res = await t.call("manager@keel.test", "/api/v1/compliance");
    expect(res.status).toBe(200);
    expect(res.json.today).toBe("2026-11-01");
    expect(res.json.lists.map((l: { id: string }) => l.id)).toEqual([
      "contacts-not-tagged",
      "not-contacted",
      "traits-not-refreshed",
      "missed-handoff-steps",
      "save-plans-not-updated",
      "lighthouse-updates-late",
    ]);
    for (const list of res.json.lists) {
      expect(list.ruleIds.length).toBeGreaterThan(0);
      for (const item of list.items) expect(item.daysLate).toBeGreaterThanOrEqual(0);
    }
    expect(res.json.lists.some((l: { items: unknown[] }) => l.items.length > 0)).toBe(true);
  });

  it("a TA may see their own lists but not the whole book (403)", async () => {
    expect((await t.call("ta@keel.test", "/api/v1/compliance")).status).toBe(403);
    expect((await t.call("ta@keel.test", "/api/v1/compliance?ta=usr_ta2")).status).toBe(403);
    const own = await t.call("ta@keel.test", "/api/v1/compliance?ta=usr_ta");
    expect(own.status).toBe(200);
    for (const list of own.json.lists) for (const item of list.items) expect(item.ta?.id).toBe("usr_ta");
  });
});
