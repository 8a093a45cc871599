import { schema } from "@keel/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createBareAccount, ingest, usageDays } from "../testing/health-fixtures.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
let key: string;
/** ta@keel.test's hand-made account: 200 seats, every input below. */
let account: string;

type Trait = {
  id: string;
  value: unknown;
  grade: number | null;
  contribution: number;
  missing: boolean;
  stale: boolean;
};
const traitOf = (health: { breakdown: { traits: Trait[] } }, id: string) =>
  health.breakdown.traits.find((trait) => trait.id === id)!;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  key = await createApiKey(t, ["ingest:usage", "ingest:tickets", "ingest:activities"]);
  account = await createBareAccount(t, { seats: 200 });
  const other = await createBareAccount(t, { seats: 50, ta: "usr_ta2" });
  // Versions 9.x so the seeded releases (5.x, 6.x) are all older.
  const usage = [
    ...usageDays(account, "2026-09-01", "2026-09-30", {
      dau: 10,
      mau: 100,
      instanceVersion: "9.1.0",
      preciseIntelActive: true,
    }),
    ...usageDays(account, "2026-10-01", "2026-10-30", {
      dau: 40,
      mau: 150,
      instanceVersion: "9.2.0",
      preciseIntelActive: true,
    }),
    {
      accountId: account,
      day: "2026-10-31",
      dau: 40,
      mau: 160,
      instanceVersion: "9.3.0",
      preciseIntelActive: true,
    },
    // November: upgraded and the month's MAU restarts; month-end traits ignore it (H-6).
    {
      accountId: account,
      day: "2026-11-01",
      dau: 60,
      mau: 60,
      instanceVersion: "9.5.0",
      preciseIntelActive: false,
    },
    { accountId: other, day: "2026-10-15", dau: 1, mau: 5, instanceVersion: "9.4.2" },
    { accountId: other, day: "2026-11-01", dau: 1, mau: 5, instanceVersion: "9.6.0" },
  ];
  expect((await ingest(t, key, "usage", { records: usage })).status).toBe(200);
  const tickets = [
    { accountId: account, externalId: "T-in", type: "defect", openedAt: "2026-08-04T00:00:00Z" },
    { accountId: account, externalId: "T-out", type: "defect", openedAt: "2026-08-03T23:59:00Z" },
    ...[1, 2, 3].map((i) => ({
      accountId: account,
      externalId: `T-help-${i}`,
      type: "help",
      openedAt: "2026-10-01",
    })),
  ];
  expect((await ingest(t, key, "tickets", { records: tickets })).status).toBe(200);
  const activities = [
    { accountId: account, type: "email", at: "2026-10-10T10:00:00Z" },
    { accountId: account, type: "slack", at: "2026-10-20T23:30:00Z" },
  ];
  expect((await ingest(t, key, "activities", { records: activities })).status).toBe(200);
});
afterAll(() => t.close());

describe("H-2 / H-6 derived traits from stored data", () => {
  it("each formula on hand-made data", async () => {
    const res = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health`);
    expect(res.status).toBe(200);
    const health = res.json;
    // 4-week average DAU (Oct 5 … Nov 1: 27 × 40 + 60) / 28 over October's MAU (its last day: 160).
    expect(traitOf(health, "dauOverMau")).toMatchObject({ value: 0.2545, grade: 50 });
    // H-6: October's MAU / seats purchased; November's restarted MAU does not count.
    expect(traitOf(health, "mauOverSeats")).toMatchObject({ value: 0.8, grade: 100 });
    // H-6: on 9.3 at Oct 31; releases seen by then and newer: 9.4 (9.5 and 9.6 appeared in November).
    expect(traitOf(health, "versionsBehind")).toMatchObject({ value: 1, grade: 100 });
    // The latest report of the last four weeks.
    expect(traitOf(health, "preciseIntelActive")).toMatchObject({ value: false, grade: 0 });
    // 90 days ending today start on Aug 4: one defect in, one a minute before.
    expect(traitOf(health, "defectTickets90d")).toMatchObject({ value: 1, grade: 100 });
    expect(traitOf(health, "helpTickets90d")).toMatchObject({ value: 3, grade: 100 });
    expect(traitOf(health, "daysSinceLastActivity")).toMatchObject({ value: 12, grade: 100 });
    for (const id of ["taPulse", "activeChampion", "buyerAccess"])
      expect(traitOf(health, id).missing).toBe(true);
    // H-3: (15 × 75 + 25 × 100 + 55 × 75) / 95 over the categories with data.
    expect(health).toMatchObject({ score: 81.58, category: "green", policyVersion: 2 });
  });

  it("H-4: the breakdown adds up to the score and says which data produced each trait (X-1)", async () => {
    const { json: health } = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health`);
    const total = health.breakdown.traits.reduce((sum: number, trait: Trait) => sum + trait.contribution, 0);
    expect(Math.round(total * 100) / 100).toBe(health.score);
    expect(traitOf(health, "dauOverMau")).toMatchObject({ label: expect.any(String) });
    expect(health.breakdown.traits.find((x: { id: string }) => x.id === "mauOverSeats").evidence).toContain(
      "2026-10 MAU 160",
    );
  });
});

describe("PUT /api/v1/accounts/:id/traits (manual traits, If-Match, X-7)", () => {
  const put = (email: string, body: unknown, version?: string) =>
    t.call(email, `/api/v1/accounts/${account}/traits`, {
      method: "PUT",
      body,
      headers: version === undefined ? {} : { "If-Match": version },
    });

  it("428 without If-Match, 412 with a stale version, 403 for another TA or an AE", async () => {
    expect((await put("ta@keel.test", { taPulse: "healthy" })).status).toBe(428);
    const stale = await put("ta@keel.test", { taPulse: "healthy" }, '"5"');
    expect(stale.status).toBe(412);
    expect(stale.json.details).toEqual({ currentVersion: 0 });
    expect((await put("ta2@keel.test", { taPulse: "healthy" }, '"0"')).status).toBe(403);
    expect((await put("ae@keel.test", { taPulse: "healthy" }, '"0"')).status).toBe(403);
    expect((await put("ta@keel.test", { mood: "great" }, '"0"')).status).toBe(400);
  });

  it("X-7 / H-5: returns the recomputed score; stores a snapshot and a category-change event", async () => {
    const res = await put(
      "ta@keel.test",
      { taPulse: "poor", activeChampion: false, buyerAccess: false },
      '"0"',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBe('"1"');
    // (5 × 0 + 15 × 75 + 25 × 33.33 + 55 × 75) / 100
    expect(res.json).toMatchObject({
      score: 60.83,
      category: "yellow",
      computedAt: "2026-11-01T12:00:00.000Z",
    });
    expect(res.json.manualTraits).toMatchObject({
      version: 1,
      taPulse: { value: "poor", setBy: "usr_ta", stale: false },
      activeChampion: { value: false },
    });
    const again = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health`);
    expect(again.json.score).toBe(60.83);

    const [snapshot] = await t.db
      .select()
      .from(schema.healthSnapshots)
      .where(
        and(eq(schema.healthSnapshots.accountId, account), eq(schema.healthSnapshots.cause, "manual traits")),
      );
    expect(snapshot).toMatchObject({ score: 60.83, category: "yellow", policyVersion: 2 });
    const events = await t.db
      .select()
      .from(schema.healthCategoryChanges)
      .where(
        and(
          eq(schema.healthCategoryChanges.accountId, account),
          eq(schema.healthCategoryChanges.cause, "manual traits"),
        ),
      );
    expect(events).toEqual([
      expect.objectContaining({
        fromCategory: "green",
        toCategory: "yellow",
        score: 60.83,
        cause: "manual traits",
      }),
    ]);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, account));
    expect(audit.map((a) => a.action)).toContain("account.traits.update");
  });

  it("a manager may set traits on any account; an unchanged score adds no snapshot", async () => {
    const snapshots = async () =>
      (await t.db.select().from(schema.healthSnapshots).where(eq(schema.healthSnapshots.accountId, account)))
        .length;
    const before = await snapshots();
    const res = await put("manager@keel.test", { taPulse: "poor" }, '"1"');
    expect(res.status).toBe(200);
    expect(res.json.manualTraits.version).toBe(2);
    expect(await snapshots()).toBe(before);
  });

  it("H-6: a trait not refreshed for more than 60 days is stale, still counted; setting it again refreshes it", async () => {
    const old = new Date("2026-08-15T09:00:00Z");
    await t.db
      .update(schema.accountManualTraits)
      .set({ taPulseSetAt: old })
      .where(eq(schema.accountManualTraits.accountId, account));
    const read = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health`);
    expect(read.json.manualTraits.taPulse).toMatchObject({ value: "poor", stale: true });

    // Any recompute marks it in the breakdown, still graded and counted.
    const recomputed = await put("ta@keel.test", { buyerAccess: true }, '"2"');
    expect(traitOf(recomputed.json, "taPulse")).toMatchObject({ stale: true, missing: false, grade: 0 });
    expect(traitOf(recomputed.json, "buyerAccess")).toMatchObject({ stale: false, grade: 100 });

    const refreshed = await put("ta@keel.test", { taPulse: "poor" }, '"3"');
    expect(refreshed.json.manualTraits.taPulse.stale).toBe(false);
    expect(traitOf(refreshed.json, "taPulse").stale).toBe(false);
  });
});

describe("GET /api/v1/accounts/:id/health/history (H-5, X-3)", () => {
  it("lists snapshots oldest first with policy versions and the traits that moved each (X-1)", async () => {
    const res = await t.call("ae@keel.test", `/api/v1/accounts/${account}/health/history`);
    expect(res.status).toBe(200);
    const items = res.json.items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const ats = items.map((i: { at: string }) => i.at);
    expect(ats).toEqual([...ats].sort());
    const traitsChange = items.find((i: { cause: string }) => i.cause === "manual traits");
    expect(traitsChange).toMatchObject({ category: "yellow", policyVersion: 2, policyChanged: false });
    expect(traitsChange.changes.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(["taPulse", "activeChampion", "buyerAccess"]),
    );
  });

  it("filters by date range", async () => {
    const seeded = (await t.db.select().from(schema.accounts).limit(50)).map((a) => a.id);
    let withHistory: string | undefined;
    for (const id of seeded) {
      const all = await t.call("ta@keel.test", `/api/v1/accounts/${id}/health/history`);
      if (all.json.items.length >= 6) {
        withHistory = id;
        break;
      }
    }
    const res = await t.call(
      "ta@keel.test",
      `/api/v1/accounts/${withHistory}/health/history?from=2026-08-01&to=2026-09-30`,
    );
    expect(res.json.items.length).toBeGreaterThan(0);
    for (const item of res.json.items) {
      expect(item.at >= "2026-08-01").toBe(true);
      expect(item.at < "2026-10-01").toBe(true);
    }
  });
});

describe("GET /api/v1/accounts/:id/health/as-of (X-4 time travel)", () => {
  it("uses only the data known by the end of that day, under the policy then in force", async () => {
    const res = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health/as-of?date=2026-10-15`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ asOf: "2026-10-15", policyVersion: 2 });
    // September is the last complete month: MAU 100 / 200 seats; on 9.1 at Sep 30, nothing newer seen yet.
    expect(traitOf(res.json, "mauOverSeats")).toMatchObject({ value: 0.5, grade: 50 });
    expect(traitOf(res.json, "versionsBehind")).toMatchObject({ value: 0 });
    // Sep 18 … Oct 15: 13 days of 10 and 15 of 40, over September's MAU.
    expect(traitOf(res.json, "dauOverMau").value).toBeCloseTo(0.2607, 4);
    expect(traitOf(res.json, "helpTickets90d").value).toBe(3);
    // The manual traits were first set on Nov 1: unknown on Oct 15.
    expect(traitOf(res.json, "taPulse").missing).toBe(true);
    expect(traitOf(res.json, "daysSinceLastActivity").value).toBe(5);
  });

  it("as of today matches the stored score", async () => {
    const current = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health`);
    const asOf = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health/as-of?date=2026-11-01`);
    expect(asOf.json.score).toBe(current.json.score);
    expect(asOf.json.breakdown).toEqual(current.json.breakdown);
  });

  it("under another policy version (seed 000's 5/5/15/75 weights) the same inputs score differently", async () => {
    const v2 = await t.call("ta@keel.test", `/api/v1/accounts/${account}/health/as-of?date=2026-11-01`);
    const v1 = await t.call(
      "ta@keel.test",
      `/api/v1/accounts/${account}/health/as-of?date=2026-11-01&policyVersion=1`,
    );
    expect(v1.json.policyVersion).toBe(1);
    expect(v1.json.score).not.toBe(v2.json.score);
    expect(v1.json.breakdown.categories.find((c: { id: string }) => c.id === "utilization").weight).toBe(75);
  });

  it("400 for a future date, 404 for an unknown policy version", async () => {
    expect(
      (await t.call("ta@keel.test", `/api/v1/accounts/${account}/health/as-of?date=2026-11-02`)).status,
    ).toBe(400);
    expect(
      (
        await t.call(
          "ta@keel.test",
          `/api/v1/accounts/${account}/health/as-of?date=2026-10-01&policyVersion=99`,
        )
      ).status,
    ).toBe(404);
  });
});

describe("GET /api/v1/health/category-changes (H-5, seed 003's dashboard)", () => {
  it("lists the change with account name and TA; filters by TA, dates and categories", async () => {
    const res = await t.call(
      "manager@keel.test",
      "/api/v1/health/category-changes?fromCategory=green&toCategory=yellow&from=2026-11-01&to=2026-11-01",
    );
    expect(res.status).toBe(200);
    const ours = res.json.items.find((i: { accountId: string }) => i.accountId === account);
    expect(ours).toMatchObject({
      accountName: expect.stringContaining("Hand-made"),
      ta: { email: "ta@keel.test" },
      fromCategory: "green",
      toCategory: "yellow",
      at: "2026-11-01T12:00:00.000Z",
    });
    for (const item of res.json.items) {
      expect(item).toMatchObject({ fromCategory: "green", toCategory: "yellow" });
      expect(item.at.slice(0, 10)).toBe("2026-11-01");
    }

    const mine = await t.call("ta2@keel.test", "/api/v1/health/category-changes?ta=mine&pageSize=500");
    expect(mine.json.total).toBeGreaterThan(0);
    for (const item of mine.json.items) expect(item.ta.email).toBe("ta2@keel.test");

    const seeded = await t.call("ta@keel.test", "/api/v1/health/category-changes?to=2026-10-31&pageSize=5");
    expect(seeded.json.total).toBeGreaterThan(5);
    const ats = seeded.json.items.map((i: { at: string }) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
  });
});

describe("GET /api/v1/accounts: health in the book of business", () => {
  it("each row has its score and category; health filters; sort=health orders by score", async () => {
    const red = await t.call("ta@keel.test", "/api/v1/accounts?health=red&pageSize=500");
    expect(red.json.items.length).toBeGreaterThan(0);
    for (const row of red.json.items) {
      expect(row.healthCategory).toBe("red");
      expect(row.healthScore).toBeLessThan(50);
    }
    const unknown = await t.call("ta@keel.test", "/api/v1/accounts?health=unknown&pageSize=500");
    for (const row of unknown.json.items) expect(row.healthScore).toBeNull();
    expect(
      unknown.json.items.some((row: { lifecycleStage: string }) => row.lifecycleStage === "prospect"),
    ).toBe(true);

    const sorted = await t.call("ta@keel.test", "/api/v1/accounts?sort=health&order=desc&pageSize=500");
    const scores = sorted.json.items.map((row: { healthScore: number | null }) => row.healthScore);
    const scored = scores.filter((s: number | null) => s !== null);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(scores.slice(scored.length).every((s: number | null) => s === null)).toBe(true);
    const categories = new Set(
      sorted.json.items.map((row: { healthCategory: string }) => row.healthCategory),
    );
    expect([...categories].sort()).toEqual(["green", "red", "unknown", "yellow"]);
  });
});
