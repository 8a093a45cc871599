import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createBareAccount, ingest } from "../testing/health-fixtures.ts";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
let usageKey: string;
let accountId: string;

const TA = "ta@keel.test";
const AE = "ae@keel.test";
const TS_MANAGER = "manager@keel.test";
const SALES_MANAGER = "sales-manager@keel.test";
const EXEC = "exec@keel.test";

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  usageKey = await createApiKey(t, ["ingest:usage"]);
  // Tess's account with 100 seats and no usage yet: MAU per seat is unknown.
  accountId = await createBareAccount(t, { seats: 100 });
});
afterAll(() => t.close());

const withVersion = (version: number) => ({ "If-Match": `"${version}"` });
const enrolment = async (id: string) => {
  const res = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}`);
  expect(res.status).toBe(200);
  return res.json;
};

describe("Lighthouse (SPEC §6) over the API", () => {
  let id: string;

  it("LH-1: the TA enters the account by hand with a reason; entering it again is 409 naming the open stay", async () => {
    const entered = await t.call(TA, "/api/v1/lighthouse/enrolments", {
      method: "POST",
      body: { accountId, reason: "The champion left and usage collapsed" },
    });
    expect(entered.status).toBe(201);
    expect(entered.json).toMatchObject({ source: "ad_hoc", state: "entered", sponsor: null });
    expect(entered.headers.get("etag")).toBe(`"${entered.json.version}"`);
    id = entered.json.id;
    const again = await t.call(TA, "/api/v1/lighthouse/enrolments", {
      method: "POST",
      body: { accountId, reason: "Again" },
    });
    expect(again.status).toBe(409);
    expect(again.json.message).toContain(id);
    const blank = await t.call(TA, "/api/v1/lighthouse/enrolments", {
      method: "POST",
      body: { accountId, reason: " " },
    });
    expect(blank.status).toBe(400);
  });

  it("LH-2: a bound criterion on an unknown measure or an impossible threshold is refused at its path; nothing is stored", async () => {
    const before = await enrolment(id);
    const plan = (criterion: unknown) => ({
      problem: "Usage collapsed.",
      goal: "Usage back.",
      criteria: [{ criterion, steps: [] }],
    });
    // An unknown measure is a malformed request (400); a known one with a threshold it can never
    // reach is well-formed but impossible (422). Both name the path.
    for (const [criterion, status] of [
      [{ kind: "bound", measure: "nps", comparison: "atLeast", threshold: 1 }, 400],
      [{ kind: "bound", measure: "dauOverMau", comparison: "atLeast", threshold: 2 }, 422],
    ] as const) {
      const res = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}/save-plan`, {
        method: "PUT",
        headers: withVersion(before.version),
        body: plan(criterion),
      });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.json)).toMatch(/criteria\.0\.criterion\.(measure|threshold)/);
    }
    expect((await enrolment(id)).plan).toBeNull();
  });

  it("LH-2 / LH-5: usage ingested through the API meets the bound criterion; evidence meets the manual one; both leaderships approve", async () => {
    let current = await enrolment(id);
    const saved = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}/save-plan`, {
      method: "PUT",
      headers: withVersion(current.version),
      body: {
        problem: "The champion left and usage collapsed.",
        goal: "Usage back above 60% of seats and a new champion.",
        criteria: [
          {
            criterion: { kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold: 0.6 },
            steps: [{ title: "Team-by-team enablement", ownerId: "usr_ta", dueOn: "2026-11-20" }],
          },
          { criterion: { kind: "manual", description: "A new champion is named" }, steps: [] },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.criteria.map((c: { status: string }) => c.status)).toEqual(["unknown", "unmet"]);
    // Stale If-Match: 412, nothing changes.
    const stale = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}/save-plan`, {
      method: "PUT",
      headers: withVersion(current.version),
      body: {
        problem: "x",
        goal: "y",
        criteria: [{ criterion: { kind: "manual", description: "z" }, steps: [] }],
      },
    });
    expect(stale.status).toBe(412);

    // Last month's MAU: 70 of 100 seats.
    const usage = await ingest(t, usageKey, "usage", {
      records: [{ accountId, day: "2026-10-31", dau: 30, mau: 70, instanceVersion: "9.3.0" }],
    });
    expect(usage.status).toBe(200);
    current = await enrolment(id);
    expect(current.criteria[0]).toMatchObject({ status: "met", value: "0.7" });
    expect(current.criteria[0].reason).toBe(
      "Monthly active users per seat is 0.7; at least 0.6 is needed: met.",
    );

    const marked = await t.call(
      TA,
      `/api/v1/lighthouse/enrolments/${id}/criteria/${current.criteria[1].id}/evidence`,
      {
        method: "PUT",
        headers: withVersion(current.version),
        body: { evidence: "Dana Lee (VP Eng) named champion", metOn: TEST_TODAY },
      },
    );
    expect(marked.status).toBe(200);
    expect(marked.json).toMatchObject({
      state: "exit_proposed",
      progress: { met: 2, total: 2, allMet: true },
    });
    expect(marked.json.actions.approveExit).toBe(false); // the TA does not approve exits

    // Wrong leadership: the TA is not leadership (403); the same side twice (409).
    const byTa = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}/exit-approvals`, {
      method: "POST",
      headers: withVersion(marked.json.version),
    });
    expect(byTa.status).toBe(403);
    const ts = await t.call(TS_MANAGER, `/api/v1/lighthouse/enrolments/${id}/exit-approvals`, {
      method: "POST",
      headers: withVersion(marked.json.version),
    });
    expect(ts.status).toBe(200);
    expect(ts.json.state).toBe("exit_proposed");
    const twice = await t.call(TS_MANAGER, `/api/v1/lighthouse/enrolments/${id}/exit-approvals`, {
      method: "POST",
      headers: withVersion(ts.json.version),
    });
    expect(twice.status).toBe(409);
    const sales = await t.call(SALES_MANAGER, `/api/v1/lighthouse/enrolments/${id}/exit-approvals`, {
      method: "POST",
      headers: withVersion(ts.json.version),
    });
    expect(sales.status).toBe(200);
    expect(sales.json).toMatchObject({ state: "exited", exit: { outcome: "saved" } });

    // An update on an exited stay: 409.
    const late = await t.call(TA, `/api/v1/lighthouse/enrolments/${id}/updates`, {
      method: "POST",
      body: { progress: "Too late" },
    });
    expect(late.status).toBe(409);
  });

  it("LH-5: the master list and the metrics show the saved account", async () => {
    const list = await t.call(EXEC, "/api/v1/lighthouse/enrolments?status=exited&sort=account&order=asc");
    expect(list.status).toBe(200);
    expect(
      list.json.items.map((e: { accountId: string; exit: { outcome: string } }) => [
        e.accountId,
        e.exit.outcome,
      ]),
    ).toContainEqual([accountId, "saved"]);
    const metrics = await t.call(AE, "/api/v1/lighthouse/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.json.exits.saved).toBeGreaterThanOrEqual(1);
    const bad = await t.call(AE, "/api/v1/lighthouse/enrolments?sort=nope");
    expect(bad.status).toBe(400);
  });

  it("LH-4: the agenda as JSON and as Markdown; recording the sync is leadership's, once a day", async () => {
    const json = await t.call(TA, `/api/v1/lighthouse/agenda?date=${TEST_TODAY}`);
    expect(json.status).toBe(200);
    expect(json.json.exited.map((e: { id: string }) => e.id)).toContain(id);
    const markdown = await t.call(TA, `/api/v1/lighthouse/agenda/markdown?date=${TEST_TODAY}`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get("content-type")).toContain("text/markdown");
    expect(markdown.text).toMatch(/^# Lighthouse program sync — 2026-11-01/);
    expect(
      (await t.call(TA, "/api/v1/lighthouse/syncs", { method: "POST", body: { heldOn: TEST_TODAY } })).status,
    ).toBe(403);
    const held = await t.call(TS_MANAGER, "/api/v1/lighthouse/syncs", {
      method: "POST",
      body: { heldOn: TEST_TODAY, attendeeIds: ["usr_manager", "usr_sales_manager"] },
    });
    expect(held.status).toBe(201);
    const again = await t.call(TS_MANAGER, "/api/v1/lighthouse/syncs", {
      method: "POST",
      body: { heldOn: TEST_TODAY },
    });
    expect(again.status).toBe(409);
    const future = await t.call(TS_MANAGER, "/api/v1/lighthouse/syncs", {
      method: "POST",
      body: { heldOn: "2027-01-01" },
    });
    expect(future.status).toBe(422);
    const syncs = await t.call(AE, "/api/v1/lighthouse/syncs");
    expect(syncs.json.items[0]).toMatchObject({ heldOn: TEST_TODAY });
    expect(syncs.json.items[0].attendees.map((a: { id: string }) => a.id).sort()).toEqual([
      "usr_manager",
      "usr_sales_manager",
    ]);
  });
});
