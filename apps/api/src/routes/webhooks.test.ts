import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, isIPv6 } from "node:net";
import { schema } from "@keel/db";
import type { PlaybookAction } from "@keel/domain";
import {
  type DeliverWebhooksOptions,
  deliverDueWebhooks,
  enqueueWebhook,
  type HostLookup,
  MAX_WEBHOOK_ATTEMPTS,
  systemContext,
  type WebhookTargetPolicy,
  webhookRetryDelayMs,
} from "@keel/services";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startScheduler } from "../jobs/scheduler.ts";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

const ADMIN = "admin@keel.test";
/** The app's clock in createTestApp: admin retries are stamped with it. */
const APP_NOW = new Date(`${TEST_TODAY}T12:00:00Z`);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
/** A status, or a whole answer: its own reason phrase, headers and body. */
type Reply = number | { status: number; reason?: string; headers?: Record<string, string>; body?: string };

/** A real HTTP receiver: each path answers a script of replies (the last one repeats; 0 hangs). */
class Receiver {
  readonly received: Received[] = [];
  /** TCP connections opened to it, requests or not (a refused delivery opens none). */
  connections = 0;
  private readonly scripts = new Map<string, Reply[]>();
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  port = 0;
  url = "";

  async start() {
    this.server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => {
        const path = req.url ?? "/";
        this.received.push({ path, headers: req.headers, body });
        const script = this.scripts.get(path) ?? [200];
        const next = script.length > 1 ? script.shift()! : script[0]!;
        const reply = typeof next === "number" ? { status: next } : next;
        if (reply.status === 0) {
          this.hanging.push(res);
          return;
        }
        const headers = { "Content-Type": "text/plain", ...reply.headers };
        const text = reply.body ?? (reply.status < 300 ? "ok" : "receiver says no");
        if (reply.reason) res.writeHead(reply.status, reply.reason, headers).end(text);
        else res.writeHead(reply.status, headers).end(text);
      });
    });
    this.server.on("connection", () => {
      this.connections += 1;
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  answer(path: string, ...replies: Reply[]) {
    this.scripts.set(path, replies);
  }

  on(path: string) {
    return this.received.filter((r) => r.path === path);
  }

  reset() {
    this.received.length = 0;
    this.connections = 0;
    this.scripts.clear();
    for (const res of this.hanging.splice(0)) res.destroy();
  }

  async stop() {
    this.reset();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * The names these tests resolve and what each answers now; a test changes an answer to play DNS
 * rebinding. Any other name does not resolve. (93.184.215.14 is a public address no test sends to.)
 */
const PUBLIC_ADDRESS = "93.184.215.14";
const names = new Map<string, string>();
const lookup: HostLookup = async (hostname) => {
  const address = names.get(hostname);
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return [{ address, family: isIPv6(address) ? 6 : 4 }];
};
/** The receiver listens on 127.0.0.1, allowed for local testing like a developer's machine would. */
const LOCAL_TESTING: WebhookTargetPolicy = {
  allowedHosts: ["127.0.0.1", "receiver.example.com"],
  lookup,
};

let t: TestApp;
const receiver = new Receiver();

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"), { security: { webhookTargets: LOCAL_TESTING } });
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await t?.close();
});
beforeEach(async () => {
  receiver.reset();
  names.clear();
  // Deleting the subscriptions deletes their deliveries (FK cascade): each test starts empty.
  await t.db.delete(schema.webhookSubscriptions);
});

/** A fixed clock the test moves by hand. */
function clockAt(start: Date) {
  let current = start;
  return {
    now: () => current,
    set: (at: Date) => {
      current = at;
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** A deliverer run under this file's policy. */
const deliver = (options: DeliverWebhooksOptions = {}) =>
  deliverDueWebhooks(systemContext(t.db, APP_NOW, "webhooks"), { targets: LOCAL_TESTING, ...options });

async function subscribe(body: { name?: string; path: string; eventTypes: string[]; active?: boolean }) {
  const res = await t.call(ADMIN, "/api/v1/webhooks", {
    method: "POST",
    body: {
      name: body.name ?? body.path,
      url: `${receiver.url}${body.path}`,
      eventTypes: body.eventTypes,
      ...(body.active !== undefined && { active: body.active }),
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; url: string; eventTypes: string[]; active: boolean };
}

const accountClosed = (at: Date, text = "Acme Corp was closed") => ({
  eventType: "account.closed",
  text,
  event: { accountId: "11111111-1111-4111-8111-111111111111", accountName: "Acme Corp" },
  at,
});

async function deliveriesOf(subscriptionId: string) {
  return t.db
    .select()
    .from(schema.webhookDeliveries)
    .where(eq(schema.webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(asc(schema.webhookDeliveries.id));
}

async function onlyDelivery(subscriptionId: string) {
  const rows = await deliveriesOf(subscriptionId);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("webhook delivery (SPEC §12, ADR 0006): outbox, chat-compatible body, at least once", () => {
  it("delivers an enqueued event as { text, event: { type, … } } with the delivery id in X-Keel-Delivery", async () => {
    const sub = await subscribe({ path: "/chat", eventTypes: ["account.closed"] });
    expect(await enqueueWebhook(t.db, accountClosed(APP_NOW))).toBe(1);
    expect(receiver.received).toHaveLength(0); // enqueueing sends nothing

    const result = await deliver({
      clock: () => APP_NOW,
    });
    expect(result).toEqual({ claimed: 1, delivered: 1, failed: 0, dead: 0 });
    const [request] = receiver.on("/chat");
    expect(request).toBeDefined();
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-keel-event"]).toBe("account.closed");
    expect(JSON.parse(request!.body)).toEqual({
      text: "Acme Corp was closed",
      event: {
        type: "account.closed",
        accountId: "11111111-1111-4111-8111-111111111111",
        accountName: "Acme Corp",
      },
    });

    const list = await t.call(ADMIN, `/api/v1/webhooks/deliveries?subscriptionId=${sub.id}`);
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({
      subscriptionId: sub.id,
      eventType: "account.closed",
      status: "delivered",
      attempts: 1,
      lastStatusCode: 200,
      deliveredAt: APP_NOW.toISOString(),
    });
    expect(request!.headers["x-keel-delivery"]).toBe(String(list.json.items[0].id));

    // Delivered means done: a later run sends nothing again.
    expect(
      (
        await deliver({
          clock: () => plus(APP_NOW, HOUR),
        })
      ).claimed,
    ).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a failing receiver on the backoff schedule: 500, 500, then 200 is delivered on attempt 3", async () => {
    const sub = await subscribe({ path: "/flaky", eventTypes: ["account.closed"] });
    receiver.answer("/flaky", 500, 500, 200);
    const clock = clockAt(APP_NOW);
    await enqueueWebhook(t.db, accountClosed(APP_NOW));

    expect(await deliver({ clock: clock.now })).toMatchObject({ claimed: 1, failed: 1 });
    let row = await onlyDelivery(sub.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(row.lastError).toBe("HTTP 500 Internal Server Error");
    expect(row.nextAttemptAt.toISOString()).toBe(plus(APP_NOW, 30 * SECOND).toISOString());

    // Not due a millisecond early.
    clock.set(plus(APP_NOW, 30 * SECOND - 1));
    expect((await deliver({ clock: clock.now })).claimed).toBe(0);
    clock.set(plus(APP_NOW, 30 * SECOND));
    expect(await deliver({ clock: clock.now })).toMatchObject({ claimed: 1, failed: 1 });
    row = await onlyDelivery(sub.id);
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 500 });
    const third = plus(APP_NOW, 30 * SECOND + 2 * MINUTE);
    expect(row.nextAttemptAt.toISOString()).toBe(third.toISOString());

    clock.set(plus(third, -1));
    expect((await deliver({ clock: clock.now })).claimed).toBe(0);
    clock.set(third);
    expect(await deliver({ clock: clock.now })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    row = await onlyDelivery(sub.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(row.deliveredAt?.toISOString()).toBe(third.toISOString());

    const attempts = receiver.on("/flaky");
    expect(attempts.map((r) => r.headers["x-keel-attempt"])).toEqual(["1", "2", "3"]);
    // The same delivery each time: the receiver can de-duplicate on it.
    expect(new Set(attempts.map((r) => r.headers["x-keel-delivery"])).size).toBe(1);
  });

  it(`gives up after ${MAX_WEBHOOK_ATTEMPTS} failures (dead); an admin retry sends it once more`, async () => {
    const sub = await subscribe({ path: "/down", eventTypes: ["account.closed"] });
    receiver.answer("/down", 503);
    const clock = clockAt(APP_NOW);
    await enqueueWebhook(t.db, accountClosed(APP_NOW));

    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt++) {
      const result = await deliver({ clock: clock.now });
      expect(result).toMatchObject({ claimed: 1, delivered: 0 });
      const row = await onlyDelivery(sub.id);
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_WEBHOOK_ATTEMPTS) {
        expect(row.status).toBe("pending");
        waits.push(row.nextAttemptAt.getTime() - clock.now().getTime());
        clock.set(row.nextAttemptAt);
      } else {
        expect(result.dead).toBe(1);
        expect(row).toMatchObject({ status: "dead", lastStatusCode: 503 });
      }
    }
    // ADR 0006: 30 s × 4^(n-1), capped at 6 h.
    expect(waits).toEqual([
      30 * SECOND,
      2 * MINUTE,
      8 * MINUTE,
      32 * MINUTE,
      128 * MINUTE,
      6 * HOUR,
      6 * HOUR,
    ]);
    expect(waits).toEqual(waits.map((_, i) => webhookRetryDelayMs(i + 1)));
    expect(receiver.on("/down")).toHaveLength(MAX_WEBHOOK_ATTEMPTS);

    // Dead stays dead however long we wait.
    expect(
      (
        await deliver({
          clock: () => plus(clock.now(), 30 * 86_400_000),
        })
      ).claimed,
    ).toBe(0);
    const dead = await t.call(ADMIN, `/api/v1/webhooks/deliveries?status=dead&subscriptionId=${sub.id}`);
    expect(dead.json.items).toHaveLength(1);
    const id = dead.json.items[0].id as number;

    const retried = await t.call(ADMIN, `/api/v1/webhooks/deliveries/${id}/retry`, { method: "POST" });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json).toMatchObject({
      id,
      status: "pending",
      attempts: MAX_WEBHOOK_ATTEMPTS,
      nextAttemptAt: APP_NOW.toISOString(),
    });
    receiver.answer("/down", 204);
    expect(await deliver({ clock: clock.now })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(await onlyDelivery(sub.id)).toMatchObject({
      status: "delivered",
      attempts: MAX_WEBHOOK_ATTEMPTS + 1,
      lastStatusCode: 204,
    });

    // Delivered is final: retrying it is a conflict.
    const again = await t.call(ADMIN, `/api/v1/webhooks/deliveries/${id}/retry`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("conflict");
  });

  it("a pending delivery can be retried now, ahead of its backoff", async () => {
    const sub = await subscribe({ path: "/later", eventTypes: ["account.closed"] });
    receiver.answer("/later", 500, 200);
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    await deliver({ clock: () => APP_NOW });
    const row = await onlyDelivery(sub.id);
    expect(row.nextAttemptAt.toISOString()).toBe(plus(APP_NOW, 30 * SECOND).toISOString());

    const retried = await t.call(ADMIN, `/api/v1/webhooks/deliveries/${row.id}/retry`, { method: "POST" });
    expect(retried.json).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: APP_NOW.toISOString(),
    });
    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({ delivered: 1 });
  });

  it("records network failures and timeouts without a status code", async () => {
    const refused = await subscribe({ path: "/refused", eventTypes: ["account.closed"] });
    // A port that was free a moment ago: nothing listens, the connection is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await t.call(ADMIN, `/api/v1/webhooks/${refused.id}`, {
      method: "PATCH",
      body: { url: `http://127.0.0.1:${freePort}/refused` },
    });
    const slow = await subscribe({ path: "/slow", eventTypes: ["account.closed"] });
    receiver.answer("/slow", 0);
    await enqueueWebhook(t.db, accountClosed(APP_NOW));

    const result = await deliver({
      clock: () => APP_NOW,
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ claimed: 2, failed: 2 });
    const refusedRow = await onlyDelivery(refused.id);
    expect(refusedRow).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(refusedRow.lastError).toBe("connection refused");
    const slowRow = await onlyDelivery(slow.id);
    expect(slowRow).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(slowRow.lastError).toBe("timed out after 300 ms");
    expect(slowRow.nextAttemptAt.toISOString()).toBe(plus(APP_NOW, 30 * SECOND).toISOString());
  });

  it("sends only to active subscriptions of the event's type (or *); a paused one keeps its deliveries", async () => {
    const closed = await subscribe({ path: "/closed", eventTypes: ["account.closed"] });
    const everything = await subscribe({ path: "/all", eventTypes: ["*"] });
    const other = await subscribe({ path: "/renewals", eventTypes: ["renewal.won"] });
    const inactive = await subscribe({ path: "/inactive", eventTypes: ["account.closed"], active: false });

    expect(await enqueueWebhook(t.db, accountClosed(APP_NOW))).toBe(2);
    expect(await deliveriesOf(other.id)).toHaveLength(0);
    expect(await deliveriesOf(inactive.id)).toHaveLength(0);

    // Pausing after enqueueing holds the delivery back until the subscription is active again.
    const paused = await t.call(ADMIN, `/api/v1/webhooks/${everything.id}`, {
      method: "PATCH",
      body: { active: false },
    });
    expect(paused.json.active).toBe(false);
    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(receiver.on("/closed")).toHaveLength(1);
    expect(receiver.on("/all")).toHaveLength(0);
    expect(await onlyDelivery(everything.id)).toMatchObject({ status: "pending", attempts: 0 });

    await t.call(ADMIN, `/api/v1/webhooks/${everything.id}`, { method: "PATCH", body: { active: true } });
    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
    expect(receiver.on("/all")).toHaveLength(1);
    expect(receiver.on("/renewals")).toHaveLength(0);
    expect(receiver.on("/inactive")).toHaveLength(0);
    expect((await onlyDelivery(closed.id)).status).toBe("delivered");
  });

  it("commits and rolls back with the caller's transaction (the playbook firing's write)", async () => {
    const sub = await subscribe({ path: "/tx", eventTypes: ["account.closed"] });
    const [account] = await t.db.select({ id: schema.accounts.id }).from(schema.accounts).limit(1);
    const firingKey = `test-playbook:${account!.id}:2026-11-01:0`;
    const fire = (tx: Parameters<Parameters<typeof t.db.transaction>[0]>[0]) =>
      tx.insert(schema.playbookFirings).values({
        occurrenceKey: firingKey,
        playbookId: "test-playbook",
        playbookVersion: 1,
        ruleId: "X-1",
        accountId: account!.id,
        occurrence: "2026-11-01",
        actionIndex: 0,
        action: { type: "webhook", eventType: "account.closed" } as PlaybookAction,
        reason: "test",
        outcome: {},
        firedAt: APP_NOW,
      });

    await expect(
      t.db.transaction(async (tx) => {
        await fire(tx);
        expect(await enqueueWebhook(tx, { ...accountClosed(APP_NOW), firingKey })).toBe(1);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await deliveriesOf(sub.id)).toHaveLength(0);

    await t.db.transaction(async (tx) => {
      await fire(tx);
      await enqueueWebhook(tx, { ...accountClosed(APP_NOW), firingKey });
    });
    const row = await onlyDelivery(sub.id);
    expect(row.firingKey).toBe(firingKey);
    await deliver({ clock: () => APP_NOW });
    expect(JSON.parse(receiver.on("/tx")[0]!.body).event.firingKey).toBe(firingKey);
    await t.db.delete(schema.playbookFirings).where(eq(schema.playbookFirings.occurrenceKey, firingKey));
  });

  it("two deliverers running at once send each delivery once (SKIP LOCKED claims)", async () => {
    await subscribe({ path: "/busy", eventTypes: ["account.closed"] });
    for (let i = 0; i < 12; i++) await enqueueWebhook(t.db, accountClosed(APP_NOW, `event ${i}`));
    const [a, b] = await Promise.all([
      deliver({ clock: () => APP_NOW, limit: 8 }),
      deliver({ clock: () => APP_NOW, limit: 8 }),
    ]);
    expect(a!.claimed + b!.claimed).toBe(12);
    const ids = receiver.on("/busy").map((r) => r.headers["x-keel-delivery"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("the scheduler's webhook tick drains the outbox on its own timer", async () => {
    await subscribe({ path: "/tick", eventTypes: ["account.closed"] });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    const scheduler = startScheduler({
      db: t.db,
      logger: pino({ level: "silent" }),
      now: () => APP_NOW,
      intervalMs: 3_600_000,
      firstTickMs: 3_600_000,
      webhookIntervalMs: 3_600_000,
      webhookTargets: LOCAL_TESTING,
    });
    await scheduler.webhookTick();
    scheduler.stop();
    expect(receiver.on("/tick")).toHaveLength(1);
  });
});

describe("webhook admin API", () => {
  it("creates, lists, edits and deletes subscriptions, each write audited", async () => {
    const created = await subscribe({
      name: "Churn channel",
      path: "/c",
      eventTypes: ["account.closed", "account.closed"],
    });
    expect(created).toMatchObject({ eventTypes: ["account.closed"], active: true });

    const list = await t.call(ADMIN, "/api/v1/webhooks");
    expect(list.status).toBe(200);
    expect(list.json.items.map((s: { id: string }) => s.id)).toEqual([created.id]);

    const patched = await t.call(ADMIN, `/api/v1/webhooks/${created.id}`, {
      method: "PATCH",
      body: {
        name: "Renewals channel",
        eventTypes: ["renewal.won", "renewal.lost"],
        url: "https://chat.example.com/hooks/x",
      },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({
      name: "Renewals channel",
      eventTypes: ["renewal.won", "renewal.lost"],
      url: "https://chat.example.com/hooks/x",
      active: true,
    });

    await enqueueWebhook(t.db, { eventType: "renewal.won", text: "won", event: {}, at: APP_NOW });
    const deleted = await t.call(ADMIN, `/api/v1/webhooks/${created.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await t.call(ADMIN, "/api/v1/webhooks")).json.items).toEqual([]);
    expect(await deliveriesOf(created.id)).toHaveLength(0);

    const audit = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.entity, "webhook_subscription"), eq(schema.auditLog.entityId, created.id)),
      )
      .orderBy(asc(schema.auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.update", "webhook.delete"]);
  });

  it("audits delivery retries", async () => {
    const sub = await subscribe({ path: "/audit", eventTypes: ["*"] });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    const row = await onlyDelivery(sub.id);
    await t.call(ADMIN, `/api/v1/webhooks/deliveries/${row.id}/retry`, { method: "POST" });
    const [entry] = await t.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.entity, "webhook_delivery"), eq(schema.auditLog.entityId, String(row.id))),
      );
    expect(entry).toMatchObject({ action: "webhook.retryDelivery", after: { status: "pending" } });
  });

  it("lists deliveries newest first, filtered by status and subscription, with a limit", async () => {
    const a = await subscribe({ path: "/a", eventTypes: ["*"] });
    const b = await subscribe({ path: "/b", eventTypes: ["*"] });
    for (let minute = 0; minute < 3; minute++) {
      await enqueueWebhook(t.db, accountClosed(plus(APP_NOW, minute * MINUTE), `event ${minute}`));
    }
    const all = await t.call(ADMIN, "/api/v1/webhooks/deliveries");
    expect(all.json.items).toHaveLength(6);
    const times = all.json.items.map((d: { createdAt: string }) => d.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const ofA = await t.call(ADMIN, `/api/v1/webhooks/deliveries?subscriptionId=${a.id}&limit=2`);
    expect(ofA.json.items.map((d: { payload: { text: string } }) => d.payload.text)).toEqual([
      "event 2",
      "event 1",
    ]);
    expect(ofA.json.items.every((d: { subscriptionId: string }) => d.subscriptionId === a.id)).toBe(true);

    await t.db
      .update(schema.webhookDeliveries)
      .set({ status: "dead" })
      .where(eq(schema.webhookDeliveries.subscriptionId, b.id));
    const dead = await t.call(ADMIN, "/api/v1/webhooks/deliveries?status=dead");
    expect(dead.json.items).toHaveLength(3);
    expect(dead.json.items.every((d: { subscriptionId: string }) => d.subscriptionId === b.id)).toBe(true);
    const pending = await t.call(ADMIN, `/api/v1/webhooks/deliveries?status=pending&subscriptionId=${b.id}`);
    expect(pending.json.items).toEqual([]);
  });

  it("refuses everyone but admins (403) on every route, and anonymous callers (401)", async () => {
    const sub = await subscribe({ path: "/secure", eventTypes: ["*"] });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    const delivery = await onlyDelivery(sub.id);
    const routes: [string, string, unknown?][] = [
      ["GET", "/api/v1/webhooks"],
      ["POST", "/api/v1/webhooks", { name: "x", url: "https://example.com/h", eventTypes: ["*"] }],
      ["PATCH", `/api/v1/webhooks/${sub.id}`, { active: false }],
      ["DELETE", `/api/v1/webhooks/${sub.id}`],
      ["GET", "/api/v1/webhooks/deliveries"],
      ["POST", `/api/v1/webhooks/deliveries/${delivery.id}/retry`],
    ];
    for (const email of ["ta@keel.test", "manager@keel.test"]) {
      for (const [method, path, body] of routes) {
        const res = await t.call(email, path, { method, body });
        expect(res.status, `${email} ${method} ${path}`).toBe(403);
        expect(res.json.code).toBe("forbidden");
      }
    }
    for (const [method, path, body] of routes) {
      expect((await t.call(null, path, { method, body })).status, `${method} ${path}`).toBe(401);
    }
    // Nothing changed.
    expect(await onlyDelivery(sub.id)).toMatchObject({ status: "pending", attempts: 0 });
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(schema.webhookSubscriptions)
      .where(inArray(schema.webhookSubscriptions.id, [sub.id]))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("answers 400 with field paths for bad input", async () => {
    const bad = async (method: string, path: string, body: unknown) => {
      const res = await t.call(ADMIN, path, { method, body });
      expect(res.status, res.text).toBe(400);
      return res.json as { code: string; details?: { path: string; message: string }[] };
    };
    const paths = (json: { details?: { path: string }[] }) => json.details?.map((d) => d.path);
    const base = { name: "x", url: "https://example.com/hook", eventTypes: ["account.closed"] };

    expect(paths(await bad("POST", "/api/v1/webhooks", { ...base, url: "ftp://example.com/hook" }))).toEqual([
      "url",
    ]);
    expect(paths(await bad("POST", "/api/v1/webhooks", { ...base, url: "not a url" }))).toEqual(["url"]);
    expect(paths(await bad("POST", "/api/v1/webhooks", { ...base, eventTypes: [] }))).toEqual(["eventTypes"]);
    expect(paths(await bad("POST", "/api/v1/webhooks", { ...base, eventTypes: ["ok", " "] }))).toEqual([
      "eventTypes.1",
    ]);
    expect(paths(await bad("POST", "/api/v1/webhooks", { ...base, name: "" }))).toEqual(["name"]);
    expect(paths(await bad("POST", "/api/v1/webhooks", { url: base.url }))).toEqual(
      expect.arrayContaining(["name", "eventTypes"]),
    );
    expect((await bad("POST", "/api/v1/webhooks", { ...base, secret: "x" })).code).toBe("validation_failed");
    const malformed = await bad("POST", "/api/v1/webhooks", '{"name": "x",');
    expect(malformed.code).toBe("bad_request");

    const sub = await subscribe({ path: "/v", eventTypes: ["*"] });
    expect(paths(await bad("PATCH", `/api/v1/webhooks/${sub.id}`, { url: "ftp://example.com" }))).toEqual([
      "url",
    ]);
    expect(paths(await bad("PATCH", `/api/v1/webhooks/${sub.id}`, { eventTypes: [] }))).toEqual([
      "eventTypes",
    ]);
    expect(paths(await bad("PATCH", `/api/v1/webhooks/${sub.id}`, { active: "yes" }))).toEqual(["active"]);
    expect(paths(await bad("PATCH", "/api/v1/webhooks/not-a-uuid", { active: true }))).toEqual(["id"]);
    expect(paths(await bad("GET", "/api/v1/webhooks/deliveries?status=lost", undefined))).toEqual(["status"]);
    expect(paths(await bad("GET", "/api/v1/webhooks/deliveries?limit=0", undefined))).toEqual(["limit"]);
    expect(paths(await bad("POST", "/api/v1/webhooks/deliveries/abc/retry", undefined))).toEqual(["id"]);
  });

  it("answers 404 for unknown subscriptions and deliveries", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const patch = await t.call(ADMIN, `/api/v1/webhooks/${unknown}`, {
      method: "PATCH",
      body: { active: false },
    });
    expect(patch.status).toBe(404);
    expect(patch.json.code).toBe("not_found");
    expect((await t.call(ADMIN, `/api/v1/webhooks/${unknown}`, { method: "DELETE" })).status).toBe(404);
    expect(
      (await t.call(ADMIN, "/api/v1/webhooks/deliveries/987654321/retry", { method: "POST" })).status,
    ).toBe(404);
  });
});

describe("webhook targets: no requests into Keel's own network (SSRF)", () => {
  const create = (url: string) =>
    t.call(ADMIN, "/api/v1/webhooks", { method: "POST", body: { name: "t", url, eventTypes: ["*"] } });

  it("refuses at create time (422 on url) targets inside the network, by address or by name", async () => {
    names.set("intranet.example.com", "10.1.2.3");
    names.set("metadata.example.com", "169.254.169.254");
    const refused: [string, string][] = [
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"],
      ["http://10.0.0.1/", "10.0.0.1 is a private address"],
      ["https://[::1]/", "::1 is a loopback address"],
      ["http://localhost:22/", "localhost is a loopback name"],
      ["https://api.localhost/hook", "api.localhost is a loopback name"],
      // Only the host allowed for local testing is, not its neighbours.
      ["https://127.0.0.2/", "127.0.0.2 is a loopback address"],
      ["https://[::ffff:127.0.0.2]/", "::ffff:7f00:2 is a loopback address"],
      ["https://192.168.1.20/", "192.168.1.20 is a private address"],
      ["https://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address"],
      ["https://0.0.0.0/", "0.0.0.0 is an unspecified address"],
      ["https://224.0.0.251/", "224.0.0.251 is a multicast address"],
      ["https://[fe80::1]/", "fe80::1 is a link-local address"],
      ["https://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"],
      ["https://intranet.example.com/hook", "intranet.example.com resolves to 10.1.2.3, a private address"],
      [
        "https://metadata.example.com/",
        "metadata.example.com resolves to 169.254.169.254, a cloud metadata address",
      ],
      [`http://${PUBLIC_ADDRESS}/`, "http:// is only for hosts allowed for local testing; use https://"],
    ];
    for (const [url, reason] of refused) {
      const res = await create(url);
      expect(res.status, `${url}: ${res.text}`).toBe(422);
      expect(res.json).toMatchObject({ code: "unprocessable", details: [{ path: "url", message: reason }] });
    }
    expect((await create("ftp://example.com/hook")).status).toBe(400);
    expect((await t.call(ADMIN, "/api/v1/webhooks")).json.items).toEqual([]);
  });

  it("refuses moving a subscription inside the network (422), and keeps its URL", async () => {
    const sub = await subscribe({ path: "/stays", eventTypes: ["*"] });
    const res = await t.call(ADMIN, `/api/v1/webhooks/${sub.id}`, {
      method: "PATCH",
      body: { url: "http://169.254.169.254/latest/meta-data/iam/" },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.json.details).toEqual([
      { path: "url", message: "169.254.169.254 is a cloud metadata address" },
    ]);
    expect((await t.call(ADMIN, "/api/v1/webhooks")).json.items[0].url).toBe(`${receiver.url}/stays`);
  });

  it("accepts https to public addresses and to names that do not resolve yet (delivery checks them)", async () => {
    names.set("chat.example.com", PUBLIC_ADDRESS);
    for (const url of [
      `https://${PUBLIC_ADDRESS}/hook`,
      "https://chat.example.com/hook",
      "https://not-yet.example.org/hook",
    ]) {
      const res = await create(url);
      expect(res.status, `${url}: ${res.text}`).toBe(201);
    }
  });

  it("refuses at delivery a name that resolves inside the network since it was saved (DNS rebinding)", async () => {
    names.set("rebind.example.com", PUBLIC_ADDRESS);
    const res = await create(`https://rebind.example.com:${receiver.port}/rebind`);
    expect(res.status, res.text).toBe(201);
    // The name now answers the address the receiver listens on: a connection would reach it.
    names.set("rebind.example.com", "127.0.0.1");
    await enqueueWebhook(t.db, accountClosed(APP_NOW));

    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await onlyDelivery(res.json.id)).toMatchObject({
      status: "pending",
      lastStatusCode: null,
      lastError: "refused: 127.0.0.1 is a loopback address",
    });
    expect(receiver.connections).toBe(0);
  });

  it("refuses at delivery a private address a name resolves to, with that reason", async () => {
    names.set("moved.example.com", PUBLIC_ADDRESS);
    const res = await create("https://moved.example.com/hook");
    names.set("moved.example.com", "10.0.0.5");
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    await deliver({ clock: () => APP_NOW });
    expect((await onlyDelivery(res.json.id)).lastError).toBe("refused: 10.0.0.5 is a private address");
  });

  it("delivers through the checked lookup to a name allowed for local testing", async () => {
    names.set("receiver.example.com", "127.0.0.1");
    const res = await create(`http://receiver.example.com:${receiver.port}/named`);
    expect(res.status, res.text).toBe(201);
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({ delivered: 1 });
    expect(receiver.on("/named")).toHaveLength(1);
  });

  it("refuses at delivery a host that is no longer allowed, and nothing reaches the receiver", async () => {
    const sub = await subscribe({ path: "/was-allowed", eventTypes: ["*"] });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    expect(await deliver({ clock: () => APP_NOW, targets: { allowedHosts: [], lookup } })).toMatchObject({
      failed: 1,
    });
    expect((await onlyDelivery(sub.id)).lastError).toBe("refused: 127.0.0.1 is a loopback address");
    expect(receiver.connections).toBe(0);
  });

  it("a redirect is a failed attempt: never followed, its target gets nothing", async () => {
    const sub = await subscribe({ path: "/moved", eventTypes: ["*"] });
    receiver.answer("/moved", { status: 302, headers: { Location: `${receiver.url}/elsewhere` } });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));

    expect(await deliver({ clock: () => APP_NOW })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await onlyDelivery(sub.id)).toMatchObject({
      status: "pending",
      lastStatusCode: 302,
      lastError: "HTTP 302 Found (redirects are not followed)",
    });
    expect(receiver.on("/moved")).toHaveLength(1);
    expect(receiver.on("/elsewhere")).toHaveLength(0);
  });

  it("the delivery log shows the status, never the receiver's words", async () => {
    const sub = await subscribe({ path: "/leaky", eventTypes: ["*"] });
    const secret = "aws_secret_access_key=wJalrXUtnFEMI";
    receiver.answer("/leaky", { status: 500, reason: `Oops ${secret}`, body: `${secret}\n`.repeat(200) });
    await enqueueWebhook(t.db, accountClosed(APP_NOW));
    await deliver({ clock: () => APP_NOW });

    const list = await t.call(ADMIN, `/api/v1/webhooks/deliveries?subscriptionId=${sub.id}`);
    expect(list.json.items[0]).toMatchObject({
      lastStatusCode: 500,
      lastError: "HTTP 500 Internal Server Error",
    });
    expect(list.text).not.toContain("wJalrXUtnFEMI");
  });
});
