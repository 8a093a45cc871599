import { schema } from "@keel/db";
import { defaultHealthPolicy } from "@keel/domain";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createBareAccount, ingest } from "../testing/health-fixtures.ts";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";
import type { AppDeps, AppEnv } from "./context.ts";
import { handleError, requestContext } from "./middleware.ts";

/**
 * Numbers and dates past what their columns hold answer 4xx in the one error shape, naming the
 * field, and never reach the database as a 500; the values at the edges are accepted.
 */

let t: TestApp;
let accountId: string;
let usageKey: string;
let templateId: string;
let playbookId: string;

const INT32_MAX = 2 ** 31 - 1;
const HOSTILE_NUMBERS = [String(2 ** 31), String(2 ** 53 - 1), "-1", "1e400", "12abc"];
const HOSTILE_DATES = ["0000-01-01", "1969-12-31", "2201-01-01", "2026-02-30"];

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  accountId = await createBareAccount(t);
  usageKey = await createApiKey(t, ["ingest:usage"]);
  const templates = await t.call("admin@keel.test", "/api/v1/templates");
  templateId = templates.json[0].id;
  const playbooks = await t.call("admin@keel.test", "/api/v1/playbooks");
  playbookId = playbooks.json.items[0].id;
});
afterAll(() => t.close());

/** A 400 in the one error shape whose details name `field`. */
function expectRefusal(res: Awaited<ReturnType<TestApp["call"]>>, field: string, what: string) {
  expect(res.status, `${what}: ${res.text}`).toBe(400);
  expect(res.json, what).toMatchObject({
    code: "validation_failed",
    message: expect.stringContaining(field),
    requestId: expect.any(String),
  });
  expect(
    (res.json.details as { path: string }[]).map((d) => d.path),
    what,
  ).toContain(field);
}

describe("whole numbers in query strings and paths are bounded to their columns", () => {
  it("page, version and id parameters refuse 2^31, 2^53-1, -1, 1e400 and 12abc", async () => {
    const targets: Array<[string, (n: string) => string, string]> = [
      ["admin@keel.test", (n) => `/api/v1/accounts?page=${n}`, "page"],
      ["admin@keel.test", (n) => `/api/v1/tasks?pageSize=${n}`, "pageSize"],
      ["admin@keel.test", (n) => `/api/v1/accounts?renewalWithinDays=${n}`, "renewalWithinDays"],
      ["admin@keel.test", (n) => `/api/v1/health/policies/${n}`, "version"],
      ["admin@keel.test", (n) => `/api/v1/templates/${templateId}/versions/${n}`, "version"],
      ["admin@keel.test", (n) => `/api/v1/playbooks/${playbookId}?version=${n}`, "version"],
      [
        "ta@keel.test",
        (n) => `/api/v1/accounts/${accountId}/health/as-of?date=${TEST_TODAY}&policyVersion=${n}`,
        "policyVersion",
      ],
      ["admin@keel.test", (n) => `/api/v1/webhooks/deliveries?limit=${n}`, "limit"],
    ];
    for (const [email, path, field] of targets) {
      for (const value of HOSTILE_NUMBERS) {
        expectRefusal(await t.call(email, path(value)), field, path(value));
      }
    }
  });

  it("empty text (?page=, ?renewalWithinDays=) is refused, not read as 0; leaving it out takes the default", async () => {
    for (const [path, field] of [
      ["/api/v1/accounts?page=", "page"],
      ["/api/v1/tasks?pageSize=", "pageSize"],
      // 0 is allowed here, so "" used to slip through as "renewing today".
      ["/api/v1/accounts?renewalWithinDays=", "renewalWithinDays"],
      ["/api/v1/accounts?renewalWithinDays=%20", "renewalWithinDays"],
    ] as const) {
      const res = await t.call("admin@keel.test", path);
      expectRefusal(res, field, path);
      expect(res.json.details).toContainEqual({ path: field, message: "expected a whole number" });
    }
    const defaults = await t.call("admin@keel.test", "/api/v1/accounts");
    expect(defaults.json).toMatchObject({ page: 1 });
  });

  it("ids of bigserial rows take up to 2^53-1 (unknown: 404) and refuse 2^53", async () => {
    for (const path of [
      (n: string) => `/api/v1/notifications/${n}/read`,
      (n: string) => `/api/v1/webhooks/deliveries/${n}/retry`,
    ]) {
      const largest = await t.call("admin@keel.test", path(String(2 ** 53 - 1)), { method: "POST" });
      expect(largest.status, path("2^53-1")).toBe(404);
      expect(largest.json).toMatchObject({ code: "not_found", requestId: expect.any(String) });
      for (const value of ["9007199254740993", "-1", "1e400", "12abc"]) {
        expectRefusal(await t.call("admin@keel.test", path(value), { method: "POST" }), "id", path(value));
      }
    }
  });

  it("2^31-1 is accepted: an empty page past the end, a version that does not exist", async () => {
    const page = await t.call("admin@keel.test", `/api/v1/accounts?page=${INT32_MAX}`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ items: [], page: INT32_MAX });
    for (const path of [
      `/api/v1/health/policies/${INT32_MAX}`,
      `/api/v1/templates/${templateId}/versions/${INT32_MAX}`,
      `/api/v1/playbooks/${playbookId}?version=${INT32_MAX}`,
    ]) {
      const res = await t.call("admin@keel.test", path);
      expect(res.status, path).toBe(404);
      expect(res.json).toMatchObject({ code: "not_found", requestId: expect.any(String) });
    }
  });

  it("an If-Match version past 2^31-1 is 400, not a failed query", async () => {
    const res = await t.call("ta@keel.test", `/api/v1/accounts/${accountId}/traits`, {
      method: "PUT",
      body: { taPulse: "healthy" },
      headers: { "If-Match": `"${2 ** 31}"` },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("if-match"),
    });
  });
});

describe("whole numbers in JSON bodies are bounded to their columns and to date arithmetic", () => {
  it("a playbook's day offset past the date window is refused, naming the trigger", async () => {
    const { json } = await t.call("admin@keel.test", "/api/v1/playbooks/pre-to-post-sales-handoff");
    const { name, ruleId, source, enabled, triggers, conditions, actions } = json.playbook;
    const at = (triggers as { kind: string }[]).findIndex((trigger) => trigger.kind === "date");
    expect(at).toBeGreaterThanOrEqual(0);
    for (const offsetDays of [2 ** 31, 2 ** 53 - 1, 100_000]) {
      const edited = triggers.map((trigger: object, i: number) =>
        i === at ? { ...trigger, offsetDays } : trigger,
      );
      const res = await t.call("admin@keel.test", "/api/v1/playbooks/pre-to-post-sales-handoff", {
        method: "PUT",
        body: { name, ruleId, source, enabled, triggers: edited, conditions, actions },
      });
      expectRefusal(res, `triggers.${at}.offsetDays`, String(offsetDays));
    }
  });

  it("a health policy draft's stale-after days past the window, or 1e400, is refused", async () => {
    const { version: _version, effectiveFrom: _from, ...draft } = defaultHealthPolicy;
    const res = await t.call("admin@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: { ...draft, manualTraitStaleAfterDays: 2 ** 31 },
    });
    expectRefusal(res, "manualTraitStaleAfterDays", "2^31");
    // JSON reads 1e400 as Infinity: not a number any column holds.
    const infinite = await t.call("admin@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: JSON.stringify({ ...draft }).replace(/}$/, ',"manualTraitStaleAfterDays":1e400}'),
    });
    expectRefusal(infinite, "manualTraitStaleAfterDays", "1e400");
  });
});

describe("dates are bounded to 1970-01-01 … 2200-12-31 and must exist", () => {
  it("renewalFrom and renewalTo (accounts list) refuse year 0000, 1969, 2201 and February 30th", async () => {
    for (const field of ["renewalFrom", "renewalTo"]) {
      for (const day of HOSTILE_DATES) {
        expectRefusal(await t.call("admin@keel.test", `/api/v1/accounts?${field}=${day}`), field, day);
      }
    }
    const edges = await t.call(
      "admin@keel.test",
      "/api/v1/accounts?renewalFrom=1970-01-01&renewalTo=2200-12-31",
    );
    expect(edges.status).toBe(200);
    const all = await t.call("admin@keel.test", "/api/v1/accounts");
    expect(edges.json.total).toBeLessThanOrEqual(all.json.total);
  });

  it("a task's dueDate refuses them on create and on edit; the window's edges are accepted", async () => {
    const tasks = `/api/v1/accounts/${accountId}/tasks`;
    for (const dueDate of HOSTILE_DATES) {
      expectRefusal(
        await t.call("ta@keel.test", tasks, { method: "POST", body: { title: "Bounds", dueDate } }),
        "dueDate",
        dueDate,
      );
    }
    const created = await t.call("ta@keel.test", tasks, {
      method: "POST",
      body: { title: "Far future", dueDate: "2200-12-31" },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.dueDate).toBe("2200-12-31");
    for (const dueDate of HOSTILE_DATES) {
      const res = await t.call("ta@keel.test", `/api/v1/tasks/${created.json.id}`, {
        method: "PATCH",
        body: { dueDate },
        headers: { "If-Match": `"${created.json.version}"` },
      });
      expectRefusal(res, "dueDate", dueDate);
    }
    const edited = await t.call("ta@keel.test", `/api/v1/tasks/${created.json.id}`, {
      method: "PATCH",
      body: { dueDate: "1970-01-01" },
      headers: { "If-Match": `"${created.json.version}"` },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.dueDate).toBe("1970-01-01");
  });

  it("health history and category changes refuse them in from and to", async () => {
    for (const day of HOSTILE_DATES) {
      expectRefusal(
        await t.call("ta@keel.test", `/api/v1/accounts/${accountId}/health/history?from=${day}`),
        "from",
        day,
      );
      expectRefusal(await t.call("admin@keel.test", `/api/v1/health/category-changes?to=${day}`), "to", day);
    }
  });
});

describe("ingestion: a count or a day past its bounds is a 422 naming the record, not a 500", () => {
  const record = (change: Record<string, unknown>) => ({
    accountId,
    day: "2026-10-20",
    dau: 3,
    mau: 9,
    ...change,
  });

  it("counts between 2^31 and 2^53, and negative ones, name their record and field", async () => {
    const res = await ingest(t, usageKey, "usage", {
      records: [
        record({ day: "2026-10-01" }),
        record({ mau: 2 ** 31 }),
        record({ day: "2026-10-03", seats: 2 ** 53 - 1 }),
        record({ day: "2026-10-04", dau: -1 }),
      ],
    });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ code: "unprocessable", requestId: expect.any(String) });
    expect(res.json.details).toEqual([
      { index: 1, path: "mau", message: "must be at most 2147483647" },
      { index: 2, path: "seats", message: "must be at most 2147483647" },
      { index: 3, path: "dau", message: "must not be negative" },
    ]);
    const [stored] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.usageDaily)
      .where(sql`${schema.usageDaily.accountId} = ${accountId}`);
    expect(stored?.n).toBe(0);
  });

  it("1e400 in a record is refused as not a number, naming the record", async () => {
    const body = JSON.stringify({ records: [record({})] }).replace('"mau":9', '"mau":1e400');
    const res = await ingest(t, usageKey, "usage", body);
    expect(res.status, res.text).toBe(422);
    expect(res.json.details).toEqual([{ index: 0, path: "mau", message: "expected a number" }]);
  });

  it("year 0000, 1969, 2201 and February 30th are refused in day, naming the record", async () => {
    const res = await ingest(t, usageKey, "usage", { records: HOSTILE_DATES.map((day) => record({ day })) });
    expect(res.status, res.text).toBe(422);
    expect(res.json.details).toEqual([
      { index: 0, path: "day", message: "must be between 1970-01-01 and 2200-12-31" },
      { index: 1, path: "day", message: "must be between 1970-01-01 and 2200-12-31" },
      { index: 2, path: "day", message: "must be between 1970-01-01 and 2200-12-31" },
      { index: 3, path: "day", message: "expected a date YYYY-MM-DD that exists" },
    ]);
  });

  it("2^31-1 is stored; the feed's own earliest day (2000-01-01) is accepted", async () => {
    const res = await ingest(t, usageKey, "usage", {
      records: [
        record({ day: "2000-01-01", dau: 1, mau: INT32_MAX, seats: INT32_MAX }),
        record({ day: "2026-10-21", dau: INT32_MAX, mau: INT32_MAX }),
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ accepted: 2 });
  });
});

describe("a database error that still slips through", () => {
  const lines: string[] = [];
  let app: Hono<AppEnv>;

  beforeAll(() => {
    const deps: AppDeps = {
      db: t.db,
      // The probe routes sign nobody in.
      auth: undefined as unknown as AppDeps["auth"],
      logger: pino({ level: "info" }, { write: (line: string) => lines.push(line) }),
      now: () => new Date(`${TEST_TODAY}T12:00:00Z`),
    };
    app = new Hono<AppEnv>();
    app.use("*", requestContext(deps));
    // Values the schemas would refuse, sent straight to the database.
    app.get("/int-out-of-range", async (c) => c.json(await t.db.execute(sql`select ${2 ** 31}::int4 as n`)));
    app.get("/not-a-number", async (c) => c.json(await t.db.execute(sql`select ${"12abc"}::int4 as n`)));
    app.get("/year-zero", async (c) => c.json(await t.db.execute(sql`select ${"0000-01-01"}::date as d`)));
    app.get("/no-such-table", async (c) =>
      c.json(await t.db.execute(sql`select * from secret_payroll_table`)),
    );
    // Writes the database refuses for its constraints (a unique value taken by a racing request,
    // a row deleted meanwhile) and transactions that lost a race.
    const probe = (path: string, statement: ReturnType<typeof sql>) =>
      app.get(path, async (c) => c.json(await t.db.execute(statement)));
    probe("/unique-taken", sql`insert into secret_ledger (id, label) values (1, 'secret-label')`);
    probe("/missing-reference", sql`insert into secret_ledger (id, parent, label) values (2, 999, 'x')`);
    probe("/still-referenced", sql`delete from secret_ledger where id = 1`);
    probe("/missing-value", sql`insert into secret_ledger (id, label) values (3, null)`);
    probe("/check-failed", sql`insert into secret_ledger (id, label, size) values (4, 'x', -1)`);
    // No two transactions here can be made to collide on cue (PGlite has one connection): the
    // errors are raised with their SQLSTATEs, as PostgreSQL would on a real collision.
    probe(
      "/serialization-failure",
      sql.raw(`do $$ begin raise exception 'could not serialize access to secret_ledger'
        using errcode = 'serialization_failure'; end $$`),
    );
    probe(
      "/deadlock",
      sql.raw(`do $$ begin raise exception 'deadlock detected on secret_ledger'
        using errcode = 'deadlock_detected'; end $$`),
    );
    app.onError(handleError);
  });

  beforeAll(async () => {
    await t.db.execute(sql`create table secret_ledger (
      id int primary key,
      parent int references secret_ledger (id),
      label text not null,
      size int check (size >= 0)
    )`);
    await t.db.execute(sql`insert into secret_ledger (id, label) values (1, 'secret-label')`);
    await t.db.execute(sql`insert into secret_ledger (id, parent, label) values (5, 1, 'secret-child')`);
  });

  const logged = (requestId: string) =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.requestId === requestId);

  it("a value PostgreSQL refuses (22xxx) answers 400 in the one shape, and is logged with the request id", async () => {
    for (const path of ["/int-out-of-range", "/not-a-number", "/year-zero"]) {
      const requestId = `bounds${path.replaceAll("/", "-")}`;
      const res = await app.request(path, { headers: { "X-Request-Id": requestId } });
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({ code: "validation_failed", message: expect.any(String), requestId });
      expect(String(body.message)).not.toMatch(/int4|select|12abc|0000/);
      const entries = logged(requestId);
      expect(entries.some((e) => typeof e.sqlState === "string" && String(e.sqlState).startsWith("22"))).toBe(
        true,
      );
    }
  });

  it("a broken constraint or a lost race answers 4xx naming nothing stored, and is logged with its SQLSTATE", async () => {
    const cases = [
      ["/unique-taken", 409, "conflict", "23505", /already exists/],
      ["/missing-reference", 422, "unprocessable", "23503", /refers to something that does not exist/],
      ["/still-referenced", 409, "conflict", "23503", /still referred to/],
      ["/missing-value", 400, "validation_failed", "23502", /missing/],
      ["/check-failed", 400, "validation_failed", "23514", /cannot be stored|not one/],
      ["/serialization-failure", 409, "conflict", "40001", /send the request again/],
      ["/deadlock", 409, "conflict", "40P01", /send the request again/],
    ] as const;
    for (const [i, [path, status, code, sqlState, message]] of cases.entries()) {
      // Not derived from the path: the answer is checked for names like "check" below.
      const requestId = `constraint-${i}`;
      const res = await app.request(path, { headers: { "X-Request-Id": requestId } });
      const text = await res.text();
      expect(res.status, `${path}: ${text}`).toBe(status);
      expect(JSON.parse(text)).toEqual({ code, message: expect.stringMatching(message), requestId });
      expect(text, path).not.toMatch(/secret|ledger|label|parent|size|pkey|fkey|check|999/);
      const entries = logged(requestId);
      expect(
        entries.map((e) => e.sqlState),
        path,
      ).toContain(sqlState);
      expect(JSON.stringify(entries), path).toContain("secret_ledger");
    }
  });

  it("any other database error is a 500 that leaks nothing, logged with the request id", async () => {
    const res = await app.request("/no-such-table", { headers: { "X-Request-Id": "bounds-unexpected" } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      code: "internal",
      message: expect.any(String),
      requestId: "bounds-unexpected",
    });
    expect(text).not.toMatch(/secret_payroll_table|select|relation/);
    const entries = logged("bounds-unexpected");
    expect(entries.map((e) => e.msg)).toEqual(expect.arrayContaining(["unhandled error", "request failed"]));
    expect(JSON.stringify(entries)).toContain("secret_payroll_table");
  });
});

describe("the OpenAPI document carries the bounds", () => {
  it("query and path numbers, ingestion counts and dates show their ranges and formats", async () => {
    const doc = await t.call(null, "/api/openapi.json");
    expect(doc.status).toBe(200);
    type Parameter = { name: string; schema: Record<string, unknown> };
    const parameter = (path: string, name: string) =>
      (doc.json.paths[path].get.parameters as Parameter[]).find((p) => p.name === name)?.schema;
    expect(parameter("/api/v1/accounts", "page")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: INT32_MAX,
    });
    expect(parameter("/api/v1/accounts", "renewalFrom")).toMatchObject({ type: "string", format: "date" });
    expect(parameter("/api/v1/health/policies/{version}", "version")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: INT32_MAX,
    });
    expect(doc.json.components.schemas.UsageRecord.properties.mau).toMatchObject({
      type: "integer",
      minimum: 0,
      maximum: INT32_MAX,
    });
  });
});
