import { loadHealthFacts, schema } from "@keel/db";
import { defaultHealthPolicy } from "@keel/domain";
import {
  acquireLease,
  HEALTH_SWEEP_JOB,
  leaseState,
  recomputeAllHealth,
  releaseLease,
  scoreFacts,
  systemContext,
  writeHealthScores,
} from "@keel/services";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";
import { startScheduler } from "./scheduler.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
});
afterAll(() => t.close());

const at = (iso: string) => () => new Date(iso);
const silent = pino({ level: "silent" });
/** The whole-book sweep as the scheduler runs it: the system acting, reading the given clock. */
const sweep = ({ now, ...input }: { cause: string; now: () => Date; batchSize?: number }) =>
  recomputeAllHealth(systemContext(t.db, now(), HEALTH_SWEEP_JOB), { ...input, clock: now });

describe("whole-book sweep (H-6, X-7)", () => {
  it("rescores every account in large batches and stamps each with the sweep's time", async () => {
    const accounts = (await t.db.select({ id: schema.accounts.id }).from(schema.accounts)).length;
    const result = await sweep({
      cause: "daily sweep",
      now: at(`${TEST_TODAY}T13:00:00Z`),
      batchSize: 50, // several batches even for the test book
    });
    expect(result).toMatchObject({ status: "done", accounts, written: accounts, policyVersion: 2 });
    const stamped = await t.db
      .select({ id: schema.accountHealth.accountId })
      .from(schema.accountHealth)
      .where(eq(schema.accountHealth.computedAt, new Date(`${TEST_TODAY}T13:00:00Z`)));
    expect(stamped).toHaveLength(accounts);
    // Same inputs, same policy: no new snapshots or category changes (H-5 "per change").
    expect(result).toMatchObject({ snapshots: 0, categoryChanges: 0 });
    const state = await leaseState(t.db, HEALTH_SWEEP_JOB);
    expect(state).toMatchObject({ holder: null, lastCompletedAt: `${TEST_TODAY}T13:00:00.000Z` });
  });

  it("a held lease keeps a second sweep out; an expired one is taken over", async () => {
    const now = at(`${TEST_TODAY}T14:00:00Z`);
    expect(
      await acquireLease(t.db, {
        name: HEALTH_SWEEP_JOB,
        holder: "other-instance",
        ttlMs: 60_000,
        now: now(),
      }),
    ).toBe(true);
    expect(await sweep({ cause: "daily sweep", now })).toEqual({
      status: "already-running",
    });
    // The other instance died; a minute later its lease has expired.
    const later = await sweep({
      cause: "daily sweep",
      now: at(`${TEST_TODAY}T14:01:00Z`),
    });
    expect(later.status).toBe("done");
  });

  it("two sweeps started together: one runs, the other is told it is already running", async () => {
    const now = at(`${TEST_TODAY}T15:00:00Z`);
    // Open pooled connections first: on PostgreSQL the second sweep would otherwise wait for a
    // new connection while the first one, on the warm connection, finishes a test-sized book.
    await Promise.all([1, 2, 3].map(() => t.db.execute(sql`select pg_sleep(0.05)`)));
    const results = await Promise.all([sweep({ cause: "a", now }), sweep({ cause: "b", now })]);
    expect(results.map((r) => r.status).sort()).toEqual(["already-running", "done"]);
  });

  it("never overwrites a score recomputed after the sweep read its inputs (revision guard)", async () => {
    const [row] = await t.db.select().from(schema.accountHealth).limit(1);
    const facts = await loadHealthFacts(t.db, {
      asOf: TEST_TODAY,
      accountIds: [row!.accountId],
      manualTraits: "current",
    });
    // Someone writes the account meanwhile.
    await t.db
      .update(schema.accountHealth)
      .set({ revision: sql`${schema.accountHealth.revision} + 1`, score: 12.34 })
      .where(eq(schema.accountHealth.accountId, row!.accountId));
    const written = await writeHealthScores(t.db, scoreFacts(facts, defaultHealthPolicy), {
      at: new Date(`${TEST_TODAY}T16:00:00Z`),
      cause: "late sweep",
    });
    expect(written.written).toBe(0);
    const [after] = await t.db
      .select()
      .from(schema.accountHealth)
      .where(eq(schema.accountHealth.accountId, row!.accountId));
    expect(after!.score).toBe(12.34);
  });
});

describe("publishing while a sweep runs elsewhere (X-3)", () => {
  it("queues the recompute; the running instance's next tick applies the new policy", async () => {
    const holdAt = new Date(`${TEST_TODAY}T12:00:00Z`);
    await acquireLease(t.db, {
      name: HEALTH_SWEEP_JOB,
      holder: "busy-instance",
      ttlMs: 3_600_000,
      now: holdAt,
    });
    const { version: _v, effectiveFrom: _e, ...draft } = defaultHealthPolicy;
    const created = await t.call("admin@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: { ...draft, name: "Published during a sweep" },
    });
    const version = created.json.version as number;
    const published = await t.call("admin@keel.test", `/api/v1/health/policies/${version}/publish`, {
      method: "POST",
    });
    expect(published.status).toBe(200);
    expect(published.json.recompute).toEqual({ status: "queued" });
    expect(await leaseState(t.db, HEALTH_SWEEP_JOB)).toMatchObject({
      holder: "busy-instance",
      requestedCause: `policy v${version} published`,
    });

    // The busy instance finishes; any instance's scheduler tick then serves the request.
    await releaseLease(t.db, {
      name: HEALTH_SWEEP_JOB,
      holder: "busy-instance",
      now: holdAt,
      completed: true,
    });
    const scheduler = startScheduler({
      db: t.db,
      logger: silent,
      now: at(`${TEST_TODAY}T17:00:00Z`),
      intervalMs: 3_600_000,
      firstTickMs: 3_600_000,
    });
    await scheduler.tick();
    scheduler.stop();
    const versions = await t.db
      .selectDistinct({ v: schema.accountHealth.policyVersion })
      .from(schema.accountHealth);
    expect(versions).toEqual([{ v: version }]);
    const [snapshot] = await t.db
      .select()
      .from(schema.healthSnapshots)
      .where(eq(schema.healthSnapshots.cause, `policy v${version} published`))
      .limit(1);
    expect(snapshot?.policyVersion).toBe(version);
    expect((await leaseState(t.db, HEALTH_SWEEP_JOB))?.requestedAt).toBeNull();
  });
});

describe("daily schedule", () => {
  it("a tick runs the sweep once per day: not again today, again tomorrow", async () => {
    const computedAt = async () =>
      (
        await t.db.select({ at: schema.accountHealth.computedAt }).from(schema.accountHealth).limit(1)
      )[0]!.at.toISOString();
    const today = startScheduler({
      db: t.db,
      logger: silent,
      now: at(`${TEST_TODAY}T18:00:00Z`),
      intervalMs: 3_600_000,
      firstTickMs: 3_600_000,
    });
    await today.tick();
    today.stop();
    expect(await computedAt()).not.toBe(`${TEST_TODAY}T18:00:00.000Z`);

    const tomorrow = startScheduler({
      db: t.db,
      logger: silent,
      now: at("2026-11-02T00:05:00Z"),
      intervalMs: 3_600_000,
      firstTickMs: 3_600_000,
    });
    await tomorrow.tick();
    tomorrow.stop();
    expect(await computedAt()).toBe("2026-11-02T00:05:00.000Z");
    expect((await leaseState(t.db, HEALTH_SWEEP_JOB))?.lastCompletedAt).toBe("2026-11-02T00:05:00.000Z");
  });
});
