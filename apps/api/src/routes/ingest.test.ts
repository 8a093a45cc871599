import { schema } from "@keel/db";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createBareAccount, ingest, usageDays } from "../testing/health-fixtures.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
let usageKey: string;
let allKey: string;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  usageKey = await createApiKey(t, ["ingest:usage"]);
  allKey = await createApiKey(t, ["ingest:usage", "ingest:tickets", "ingest:activities"], "all feeds");
  accountId = await createBareAccount(t, { seats: 100 });
});
afterAll(() => t.close());

async function usageRowCount() {
  const [row] = await t.db.select({ n: count() }).from(schema.usageDaily);
  return row!.n;
}

const good = () => ({
  accountId,
  day: "2026-10-20",
  dau: 30,
  mau: 90,
  seats: 100,
  instanceVersion: "6.10.1",
});

describe("API keys (SPEC §12): admin only, shown once, stored hashed, revocable", () => {
  it("creates a key as keel_<prefix>_<secret>, lists keys without secrets, and keeps only a hash", async () => {
    const created = await t.call("admin@keel.test", "/api/v1/api-keys", {
      method: "POST",
      body: { name: "Usage exporter", scopes: ["ingest:usage"] },
    });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^keel_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}$/);
    expect(created.json.key.startsWith(`keel_${created.json.apiKey.prefix}_`)).toBe(true);

    const list = await t.call("admin@keel.test", "/api/v1/api-keys");
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(created.json.key);
    expect(list.json.items.map((k: { name: string }) => k.name)).toContain("Usage exporter");
    const [stored] = await t.db
      .select()
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.id, created.json.apiKey.id));
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.json.key.split("_").at(-1));
  });

  it("refuses key management to everyone but admins (403)", async () => {
    for (const email of ["ta@keel.test", "manager@keel.test", "exec@keel.test"]) {
      const res = await t.call(email, "/api/v1/api-keys", {
        method: "POST",
        body: { name: "x", scopes: ["ingest:usage"] },
      });
      expect(res.status).toBe(403);
      expect((await t.call(email, "/api/v1/api-keys")).status).toBe(403);
    }
  });

  it("answers 401 without a key, with a session instead of a key, and with an unknown key", async () => {
    expect((await ingest(t, null, "usage", good())).status).toBe(401);
    const withSession = await t.call("admin@keel.test", "/api/v1/ingest/usage", {
      method: "POST",
      body: good(),
    });
    expect(withSession.status).toBe(401);
    const unknown = await ingest(t, `keel_000000000000_${"x".repeat(32)}`, "usage", good());
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ code: "unauthenticated", requestId: expect.any(String) });
  });

  it("answers 403 when the key lacks the feed's scope", async () => {
    const res = await ingest(t, usageKey, "tickets", {
      accountId,
      externalId: "ZD-scope",
      type: "help",
      openedAt: "2026-10-01",
    });
    expect(res.status).toBe(403);
    expect(res.json.message).toContain("ingest:tickets");
  });

  it("a revoked key gets 401 from then on", async () => {
    const key = await createApiKey(t, ["ingest:usage"], "to revoke");
    expect((await ingest(t, key, "usage", good())).status).toBe(200);
    const list = await t.call("admin@keel.test", "/api/v1/api-keys");
    const { id } = list.json.items.find((k: { name: string }) => k.name === "to revoke");
    const revoked = await t.call("admin@keel.test", `/api/v1/api-keys/${id}`, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    const after = await ingest(t, key, "usage", good());
    expect(after.status).toBe(401);
    expect(after.json.message).toContain("revoked");
  });
});

describe("POST /api/v1/ingest/* validation: every bad record reported, nothing stored", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      "an unknown account id",
      { accountId: "00000000-0000-4000-8000-000000000000" },
      "accountId",
      /unknown account/,
    ],
    ["a negative count", { dau: -3 }, "dau", /negative/],
    ['NaN (as the string "NaN")', { mau: "NaN" }, "mau", /number/],
    ["DAU above that day's MAU", { dau: 91 }, "dau", /above the month's MAU/],
    ["a day in the future", { day: "2026-11-02" }, "day", /future/],
    ["a day before 2000", { day: "1999-12-31" }, "day", /before 2000/],
    ["an unknown field", { weeklyActive: 12 }, "(record)", /unrecognized key/i],
    ["a malformed version", { instanceVersion: "six" }, "instanceVersion", /version/],
  ];

  for (const [name, change, path, message] of cases) {
    it(`422 for ${name}; the good records of the batch are not stored either`, async () => {
      const before = await usageRowCount();
      const res = await ingest(t, usageKey, "usage", {
        records: [
          { ...good(), day: "2026-10-01" },
          { ...good(), ...change },
          { ...good(), day: "2026-10-02" },
        ],
      });
      expect(res.status).toBe(422);
      expect(res.json.code).toBe("unprocessable");
      expect(res.json.details).toEqual([{ index: 1, path, message: expect.stringMatching(message) }]);
      expect(await usageRowCount()).toBe(before);
    });
  }

  it("lists every bad record of a batch with its index", async () => {
    const res = await ingest(t, usageKey, "usage", {
      records: [{ ...good(), dau: -1 }, good(), { ...good(), day: "2030-01-01" }, { ...good(), mau: 1.5 }],
    });
    expect(res.status).toBe(422);
    expect(res.json.details.map((d: { index: number }) => d.index)).toEqual([0, 2, 3]);
    expect(res.json.message).toMatch(/3 of 4 records are invalid/);
  });

  it("flags the same account and day twice in one batch", async () => {
    const res = await ingest(t, usageKey, "usage", { records: [good(), good()] });
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([
      { index: 1, path: "day", message: "duplicates record 0 of this batch" },
    ]);
  });

  it("a raw NaN is not JSON: 400 for the whole body", async () => {
    const res = await ingest(
      t,
      usageKey,
      "usage",
      `{"accountId":"${accountId}","day":"2026-10-20","dau":NaN,"mau":9}`,
    );
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("bad_request");
  });

  it("413 for more than 5,000 records, with nothing stored", async () => {
    const before = await usageRowCount();
    const records = Array.from({ length: 5_001 }, () => good());
    const res = await ingest(t, usageKey, "usage", { records });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: "payload_too_large", details: { limit: 5_000, received: 5_001 } });
    expect(await usageRowCount()).toBe(before);
  });

  it("413 JSON for a body over the ingestion limit (8 MiB); other routes keep 1 MiB", async () => {
    const huge = JSON.stringify({ records: [{ ...good(), padding: "x".repeat(9 * 1024 * 1024) }] });
    const res = await ingest(t, usageKey, "usage", huge);
    expect(res.status).toBe(413);
    expect(res.json.code).toBe("payload_too_large");
    const twoMiB = await t.call("admin@keel.test", "/api/v1/api-keys", {
      method: "POST",
      body: { name: "x".repeat(2 * 1024 * 1024), scopes: ["ingest:usage"] },
    });
    expect(twoMiB.status).toBe(413);
  });

  it("a 5,000-record batch over 1 MiB is accepted in one transaction", async () => {
    const other = await createBareAccount(t, { seats: 500 });
    const records = Array.from({ length: 5_000 }, (_, i) => ({
      accountId: i % 2 === 0 ? accountId : other,
      day: new Date(Date.parse("2013-01-01T00:00:00Z") + Math.floor(i / 2) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      dau: 10,
      mau: 50,
      seats: 100,
      instanceVersion: "6.1.0",
      preciseIntelActive: true,
    }));
    // Pretty-printed, as some feeds send it: well above the default 1 MiB limit.
    const body = JSON.stringify({ records }, null, 4);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await ingest(t, usageKey, "usage", body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 5_000, accountsRecomputed: 2 });
  });

  it("422 for a ticket or an activity pointing at another account's contact", async () => {
    const [contact] = await t.db
      .select({ id: schema.contacts.id })
      .from(schema.contacts)
      .where(sql`${schema.contacts.accountId} <> ${accountId}`)
      .limit(1);
    const res = await ingest(t, allKey, "activities", {
      accountId,
      type: "call",
      at: "2026-10-30T10:00:00Z",
      contactId: contact!.id,
    });
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([
      { index: 0, path: "contactId", message: "contact belongs to another account" },
    ]);
    const future = await ingest(t, allKey, "tickets", {
      accountId,
      externalId: "ZD-future",
      type: "defect",
      openedAt: "2026-11-03T00:00:00Z",
    });
    expect(future.status).toBe(422);
    expect(future.json.details[0]).toMatchObject({ path: "openedAt", message: "must not be in the future" });
  });
});

describe("Idempotency-Key (STYLE.md API)", () => {
  it("a replay with the same body returns the first answer; nothing is applied twice", async () => {
    const body = { records: [{ ...good(), day: "2026-10-10" }] };
    const first = await ingest(t, usageKey, "usage", body, { "Idempotency-Key": "batch-0001" });
    expect(first.status).toBe(200);
    const audits = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(schema.auditLog)
          .where(eq(schema.auditLog.entityId, "batch-0001"))
      )[0]!.n;
    expect(await audits()).toBe(1);
    const replay = await ingest(t, usageKey, "usage", body, { "Idempotency-Key": "batch-0001" });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await audits()).toBe(1);
  });

  it("the same key with a different body is 409", async () => {
    await ingest(t, usageKey, "usage", { ...good(), day: "2026-10-11" }, { "Idempotency-Key": "batch-0002" });
    const other = await ingest(
      t,
      usageKey,
      "usage",
      { ...good(), day: "2026-10-12" },
      { "Idempotency-Key": "batch-0002" },
    );
    expect(other.status).toBe(409);
    expect(other.json.code).toBe("conflict");
  });

  it("a rejected batch replays its 422 (same status, same body)", async () => {
    const body = { ...good(), dau: -5 };
    const first = await ingest(t, usageKey, "usage", body, { "Idempotency-Key": "batch-0003" });
    const replay = await ingest(t, usageKey, "usage", body, { "Idempotency-Key": "batch-0003" });
    expect(first.status).toBe(422);
    expect(replay.status).toBe(422);
    expect(replay.json).toEqual(first.json);
  });

  it("two requests racing with one key: one applies, the other gets its answer", async () => {
    const body = { ...good(), day: "2026-10-15" };
    const [a, b] = await Promise.all([
      ingest(t, usageKey, "usage", body, { "Idempotency-Key": "race-1" }),
      ingest(t, usageKey, "usage", body, { "Idempotency-Key": "race-1" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json).toEqual(b.json);
    const [audits] = await t.db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, "race-1"));
    expect(audits!.n).toBe(1);
  });

  it("keys are per API key: another key may use the same Idempotency-Key", async () => {
    const body = { ...good(), day: "2026-10-13" };
    expect((await ingest(t, usageKey, "usage", body, { "Idempotency-Key": "shared" })).status).toBe(200);
    const other = await ingest(
      t,
      allKey,
      "usage",
      { ...body, day: "2026-10-14" },
      { "Idempotency-Key": "shared" },
    );
    expect(other.status).toBe(200);
    expect(other.headers.get("Idempotent-Replayed")).toBeNull();
  });
});

describe("X-7: ingestion recomputes health in the same request", () => {
  it("ingesting usage changes the score GET health reads right after", async () => {
    const fresh = await createBareAccount(t, { seats: 100 });
    const before = await t.call("ta@keel.test", `/api/v1/accounts/${fresh}/health`);
    // Only tickets (0 of each: healthy) and no activity since the contract start (poor): (15 × 100 + 25 × 0) / 40.
    expect(before.json).toMatchObject({ score: 37.5, category: "red" });
    const res = await ingest(t, usageKey, "usage", {
      records: usageDays(fresh, "2026-10-01", "2026-11-01", { dau: 5, mau: 30 }),
    });
    expect(res.json).toEqual({ accepted: 32, accountsRecomputed: 1 });
    const after = await t.call("ta@keel.test", `/api/v1/accounts/${fresh}/health`);
    const trait = (id: string) => after.json.breakdown.traits.find((x: { id: string }) => x.id === id);
    expect(trait("mauOverSeats")).toMatchObject({ value: 0.3, grade: 0 });
    expect(trait("dauOverMau").grade).toBe(0);
    expect(after.json.score).toBeLessThan(before.json.score);
    expect(after.json.computedAt).toBe("2026-11-01T12:00:00.000Z");
  });

  it("concurrent writes to one account: the last recompute sees both (X-7)", async () => {
    const fresh = await createBareAccount(t, { seats: 100 });
    const [usage, tickets] = await Promise.all([
      ingest(t, allKey, "usage", {
        records: usageDays(fresh, "2026-10-01", "2026-11-01", { dau: 30, mau: 90 }),
      }),
      ingest(t, allKey, "tickets", {
        records: Array.from({ length: 6 }, (_, i) => ({
          accountId: fresh,
          externalId: `ZD-race-${i}`,
          type: "defect",
          openedAt: "2026-10-20",
        })),
      }),
    ]);
    expect([usage.status, tickets.status]).toEqual([200, 200]);
    const health = await t.call("ta@keel.test", `/api/v1/accounts/${fresh}/health`);
    const trait = (id: string) => health.json.breakdown.traits.find((x: { id: string }) => x.id === id);
    expect(trait("mauOverSeats").value).toBe(0.9);
    expect(trait("defectTickets90d").value).toBe(6);
  });

  it("tickets and activities recompute their accounts too", async () => {
    const fresh = await createBareAccount(t);
    const tickets = Array.from({ length: 5 }, (_, i) => ({
      accountId: fresh,
      externalId: `ZD-x7-${i}`,
      type: "defect",
      openedAt: "2026-10-15T08:00:00Z",
    }));
    expect((await ingest(t, allKey, "tickets", { records: tickets })).json).toEqual({
      accepted: 5,
      accountsRecomputed: 1,
    });
    const activity = await ingest(t, allKey, "activities", {
      accountId: fresh,
      type: "meeting",
      at: "2026-10-25T15:00:00Z",
      externalId: "cal-1",
    });
    expect(activity.status).toBe(200);
    const health = await t.call("ta@keel.test", `/api/v1/accounts/${fresh}/health`);
    const trait = (id: string) => health.json.breakdown.traits.find((x: { id: string }) => x.id === id);
    expect(trait("defectTickets90d")).toMatchObject({ value: 5, grade: 0 });
    expect(trait("daysSinceLastActivity")).toMatchObject({ value: 7, grade: 100 });
  });
});
