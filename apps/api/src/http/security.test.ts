import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { schema } from "@keel/db";
import { defaultHealthPolicy } from "@keel/domain";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createBareAccount, ingest } from "../testing/health-fixtures.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../testing/test-app.ts";
import { createClientIpResolver } from "./client-ip.ts";
import { defaultRateLimits } from "./rate-limits.ts";

let t: TestApp;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"), {
    security: {
      rateLimits: {
        signIn: { failuresPerClient: 8, failuresPerAccount: 5, windowSeconds: 600 },
        ingest: { recordsPerMinute: 3, requestsPerMinute: 4, concurrentBatches: 1 },
      },
    },
  });
  // A real socket, so the client address comes from the connection as in production.
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const signInOverHttp = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN, ...headers },
    body: JSON.stringify({ email, password }),
  });

describe("CSRF (SPEC §1 every write checked): writes from another origin are refused", () => {
  it("a body-less POST from a foreign origin with an admin's cookie is 403 and publishes nothing", async () => {
    const { version: _v, effectiveFrom: _e, ...body } = defaultHealthPolicy;
    const draft = await t.call("admin@keel.test", "/api/v1/health/policies", { method: "POST", body });
    expect(draft.status).toBe(201);
    const publish = `/api/v1/health/policies/${draft.json.version}/publish`;
    for (const origin of ["http://localhost:3001", "http://evil.example", "null"]) {
      const res = await t.call("admin@keel.test", publish, { method: "POST", headers: { Origin: origin } });
      expect(res.status, origin).toBe(403);
      expect(res.json).toMatchObject({ code: "forbidden", requestId: expect.any(String) });
    }
    const [row] = await t.db
      .select({ status: schema.healthPolicies.status })
      .from(schema.healthPolicies)
      .where(eq(schema.healthPolicies.version, draft.json.version));
    expect(row?.status).toBe("draft");
  });

  it("without Origin, a browser's Sec-Fetch-Site other than same-origin is refused (another port is same-site)", async () => {
    const cookie = await t.signIn("admin@keel.test");
    const res = await t.app.request("/api/v1/notifications/read-all", {
      method: "POST",
      headers: { Cookie: cookie, "Sec-Fetch-Site": "same-site" },
    });
    expect(res.status).toBe(403);
  });

  it("form and text bodies are 415 before any handler runs, even from our own origin", async () => {
    for (const type of [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/plain",
    ]) {
      const res = await t.call("admin@keel.test", "/api/v1/health/policies", {
        method: "POST",
        body: "a=1",
        headers: { "Content-Type": type },
      });
      expect(res.status, type).toBe(415);
      expect(res.json.code).toBe("unsupported_media_type");
    }
  });

  it("machine clients (no Origin, an API key) are unaffected", async () => {
    const key = await createApiKey(t, ["ingest:usage"], "csrf check");
    const accountId = await createBareAccount(t);
    const res = await t.app.request("/api/v1/ingest/usage", {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ accountId, day: "2026-10-20", dau: 1, mau: 2, seats: 100 }),
    });
    expect(res.status).toBe(200);
  });
});

describe("sign-in limits: per client address and per account, X-Forwarded-For not believed", () => {
  it("ten wrong passwords from rotating X-Forwarded-For get 429 with Retry-After; another user still signs in", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await signInOverHttp("ta2@keel.test", "wrong-password", {
        "X-Forwarded-For": `203.0.113.${i}`,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect(await res.json()).toMatchObject({ code: "rate_limited", requestId: expect.any(String) });
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The same client, another account with the right password: not locked out.
    expect((await signInOverHttp("ce2@keel.test", "keel-demo")).status).toBe(200);
  });

  it("the client-wide limit counts failures across accounts, and a right password then waits too", async () => {
    // 5 failures above + 3 more reach this client's 8.
    for (const email of ["ae2@keel.test", "exec@keel.test", "ta3@keel.test"]) {
      expect((await signInOverHttp(email, "nope")).status).toBe(401);
    }
    expect((await signInOverHttp("ta4@keel.test", "keel-demo")).status).toBe(429);
  });

  it("auth errors use the API's one error shape", async () => {
    const res = await t.call(null, "/api/auth/sign-in/email", {
      method: "POST",
      body: { email: "manager@keel.test", password: "wrong" },
    });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      code: "unauthenticated",
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });
});

describe("trusted proxies decide whose X-Forwarded-For is believed", () => {
  const resolve = async (trusted: string[], socket: string, forwardedFor?: string) => {
    const app = new Hono().get("/", (c) => c.text(createClientIpResolver(trusted)(c) ?? "unknown"));
    const res = await app.request(
      "/",
      { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} },
      { incoming: { socket: { remoteAddress: socket } } },
    );
    return res.text();
  };

  it("ignores X-Forwarded-For by default and from untrusted peers", async () => {
    expect(await resolve([], "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
    expect(await resolve(["10.0.0.0/8"], "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });

  it("takes the right-most untrusted hop behind trusted proxies (a spoofed left part is skipped)", async () => {
    expect(await resolve(["10.0.0.0/8"], "10.1.2.3", "1.1.1.1, 203.0.113.9, 10.9.9.9")).toBe("203.0.113.9");
    expect(await resolve(["::1", "127.0.0.1"], "::ffff:127.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("refuses a setting it cannot read", () => {
    expect(() => createClientIpResolver(["10.0.0.0/33"])).toThrow(/prefix/);
    expect(() => createClientIpResolver(["proxy.internal"])).toThrow(/not an IP/);
  });
});

describe("ingestion limits per API key", () => {
  it("answers 429 with Retry-After past the records per minute, and other keys go on", async () => {
    const key = await createApiKey(t, ["ingest:usage"], "limited");
    const other = await createApiKey(t, ["ingest:usage"], "other");
    const accountId = await createBareAccount(t);
    const day = (d: number) => ({
      accountId,
      day: `2026-10-${String(d).padStart(2, "0")}`,
      dau: 1,
      mau: 2,
      seats: 100,
    });
    expect((await ingest(t, key, "usage", { records: [day(1), day(2), day(3)] })).status).toBe(200);
    const limited = await ingest(t, key, "usage", day(4));
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await ingest(t, other, "usage", day(5))).status).toBe(200);
  });

  it("the defaults leave room for a day's feed of a large book", () => {
    expect(defaultRateLimits.ingest.recordsPerMinute).toBeGreaterThanOrEqual(50_000);
  });
});

describe("security headers and caching", () => {
  it("every answer has the CSP, nosniff, frame and referrer protection", async () => {
    const res = await t.app.request("/api/health");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers with a signed-in user's data are not stored", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/accounts?ta=mine");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("text PostgreSQL cannot store is refused with 400, never a 500", () => {
  it("NUL in a query, a path and a JSON body (raw or escaped); unpaired surrogates too", async () => {
    const cases: Array<[string, Parameters<TestApp["call"]>[2]]> = [
      ["/api/v1/accounts?q=a%00b", {}],
      ["/api/v1/tasks?assignee=%00", {}],
      ["/api/v1/accounts/%00", {}],
      ["/api/v1/health/policies", { method: "POST", body: '{"name":"a\\u0000b"}' }],
      ["/api/v1/health/policies", { method: "POST", body: '{"name":"\\ud800"}' }],
      ["/api/v1/health/policies", { method: "POST", body: '{"\\u0000":1}' }],
    ];
    for (const [path, init] of cases) {
      const res = await t.call("admin@keel.test", path, init);
      expect(res.status, `${path} ${String(init?.body ?? "")}`).toBe(400);
      expect(res.json).toMatchObject({ code: "validation_failed", requestId: expect.any(String) });
    }
  });

  it("an escaped backslash before u0000 is ordinary text, and paired surrogates (emoji) are fine", async () => {
    const res = await t.call("admin@keel.test", "/api/v1/accounts?q=%F0%9F%9A%80");
    expect(res.status).toBe(200);
    const body = await t.call("admin@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: '{"name":"C:\\\\u0000 🚀"}',
    });
    // The draft is incomplete (400 from its schema), but not for its text.
    expect(body.status).toBe(400);
    expect(body.json.message).not.toMatch(/NUL|surrogate|\(body\)/);
  });
});

describe("HTTP details", () => {
  it("after an early 413 the client's next request on its keep-alive agent succeeds", async () => {
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port,
            path,
            method: body === undefined ? "GET" : "POST",
            agent,
            headers:
              body === undefined ? {} : { "Content-Type": "application/json", "Content-Length": body.length },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    try {
      const tooBig = await send("/api/v1/health/policies", "x".repeat(2 * 1024 * 1024));
      expect(tooBig).toEqual({ status: 413, connection: "close" });
      expect((await send("/api/health")).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it("a JSON route answers 415 to another content type", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/tasks", {
      method: "POST",
      body: "title=x",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(415);
  });
});
