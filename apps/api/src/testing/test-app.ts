import type { DbHandle } from "@keel/db";
import { openTestDatabase, type TestDatabaseTemplate } from "@keel/db/testing";
import type { HostLookup } from "@keel/services";
import pino from "pino";
import { createApp, type SecurityOptions } from "../app.ts";
import { createAuth } from "../auth/auth.ts";
import { TEST_TODAY } from "./test-seed.ts";

export { TEST_TODAY };
export const TEST_ORIGIN = "http://localhost:3000";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * Tests never wait on the network's DNS: a webhook host name resolves nowhere (and is accepted,
 * as an unresolvable name is) unless a test brings its own lookup.
 */
const noDns: HostLookup = async (hostname) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
};

/**
 * The real app on a fresh copy of the seeded demo company (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL; seeded once per run by global-setup.ts): requests go through
 * `app.request()`, sign-in through Better Auth.
 */
export async function createTestApp(
  template: TestDatabaseTemplate,
  options: { security?: Partial<SecurityOptions>; clock?: { now: Date } } = {},
) {
  const handle: DbHandle = await openTestDatabase(template);
  const auth = createAuth({
    db: handle.db,
    secret: "test-secret-test-secret-test-secret",
    baseURL: TEST_ORIGIN,
  });
  const app = createApp(
    {
      db: handle.db,
      auth,
      logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
      // A test may move `clock.now` (a forecast next week); by default the app lives on TEST_TODAY.
      now: () => options.clock?.now ?? new Date(`${TEST_TODAY}T12:00:00Z`),
    },
    { security: { webhookTargets: { allowedHosts: [], lookup: noDns }, ...options.security } },
  );
  const cookies = new Map<string, string>();

  /** Signs in a demo user and returns their session cookie. */
  async function signIn(email: string, password = "keel-demo"): Promise<string> {
    const cached = cookies.get(email);
    if (cached) return cached;
    const res = await app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    cookies.set(email, cookie);
    return cookie;
  }

  /** A request as `email` (or anonymous with null). JSON bodies are serialised. */
  async function call(
    email: string | null,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { Origin: TEST_ORIGIN, ...init.headers };
    if (email) headers.Cookie = await signIn(email);
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["Content-Type"] ??= "application/json";
    }
    const res = await app.request(path, { method: init.method ?? "GET", headers, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely; shapes are asserted.
    return { status: res.status, headers: res.headers, json: json as any, text };
  }

  return { app, db: handle.db, handle, signIn, call, close: () => handle.close() };
}
