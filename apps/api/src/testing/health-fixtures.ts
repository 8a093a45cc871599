import { randomUUID } from "node:crypto";
import { schema } from "@keel/db";
import type { ApiKeyScope } from "@keel/domain";
import { recomputeHealth } from "@keel/services";
import { TEST_TODAY, type TestApp } from "./test-app.ts";

/** An API key with these scopes, created through the API by the demo admin. */
export async function createApiKey(t: TestApp, scopes: ApiKeyScope[], name = "test feed"): Promise<string> {
  const res = await t.call("admin@keel.test", "/api/v1/api-keys", { method: "POST", body: { name, scopes } });
  if (res.status !== 201) throw new Error(`creating an API key failed: ${res.status} ${res.text}`);
  return res.json.key as string;
}

/** A POST to an ingestion route with an API key (or none). */
export async function ingest(
  t: TestApp,
  key: string | null,
  feed: "usage" | "tickets" | "activities",
  body: unknown,
  headers: Record<string, string> = {},
) {
  return t.call(null, `/api/v1/ingest/${feed}`, {
    method: "POST",
    body,
    headers: { ...(key && { Authorization: `Bearer ${key}` }), ...headers },
  });
}

/**
 * A customer with no inputs at all, for hand-made data: `seats` purchased, a contract started
 * `contractStart`, and ta@keel.test as its TA unless told otherwise.
 */
export async function createBareAccount(
  t: TestApp,
  {
    seats = 100,
    contractStart = "2025-01-01",
    ta = "usr_ta",
  }: { seats?: number; contractStart?: string; ta?: string } = {},
) {
  const id = randomUUID();
  await t.db.insert(schema.accounts).values({
    id,
    name: `Hand-made ${id.slice(0, 8)}`,
    domain: `${id.slice(0, 8)}.example`,
    arrCents: 10_000_000,
    seatsPurchased: seats,
    contractStart,
    closeDate: contractStart,
    renewalDate: "2027-06-30",
    supportLevel: "dedicated",
    segment: "enterprise",
    lifecycleStage: "adopting",
    deployment: "self-hosted",
  });
  await t.db.insert(schema.accountTeam).values({ accountId: id, role: "ta", userId: ta });
  await recomputeHealth(t.db, {
    asOf: TEST_TODAY,
    at: new Date(`${TEST_TODAY}T06:00:00Z`),
    cause: "test",
    accountIds: [id],
  });
  return id;
}

/** Daily usage rows from `from` to `to` (inclusive), the same every day. */
export function usageDays(
  accountId: string,
  from: string,
  to: string,
  record: { dau: number; mau: number; instanceVersion?: string; preciseIntelActive?: boolean },
) {
  const rows: Record<string, unknown>[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    rows.push({ accountId, day: new Date(ms).toISOString().slice(0, 10), ...record });
  }
  return rows;
}
