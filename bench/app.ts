import { type Database, schema } from "@keel/db";
import { generateApiKey } from "@keel/services";
// The real HTTP app (validation, auth, transaction, recompute), through app.request(); imported by
// path so the bench needs no dependency on @keel/api.
import { createApp } from "../apps/api/src/app.ts";
import { createAuth } from "../apps/api/src/auth/auth.ts";

const ORIGIN = "http://localhost:3000";

const silent = {
  level: "silent",
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  fatal() {},
  child() {
    return silent;
  },
};

export async function benchApp(db: Database) {
  const auth = createAuth({ db, secret: "bench-secret-bench-secret-bench-secret", baseURL: ORIGIN });
  // biome-ignore lint/suspicious/noExplicitAny: a no-op logger stands in for pino.
  const app = createApp({ db, auth, logger: silent as any, now: () => new Date() });

  const { key, prefix, hash } = generateApiKey();
  await db.insert(schema.apiKeys).values({
    name: "bench",
    prefix,
    hash,
    scopes: ["ingest:usage", "ingest:tickets", "ingest:activities"],
    createdAt: new Date(),
  });

  async function signIn(email: string) {
    const res = await app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ email, password: "keel-demo" }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  async function ingestUsage(records: unknown[]) {
    const res = await app.request("/api/v1/ingest/usage", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ records }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as { accepted: number; accountsRecomputed: number };
  }

  async function call(
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await app.request(path, {
      method,
      headers: {
        Origin: ORIGIN,
        Cookie: cookie,
        ...(body !== undefined && { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: bench reads bodies loosely.
    return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as any, text };
  }

  return { app, signIn, ingestUsage, call };
}
