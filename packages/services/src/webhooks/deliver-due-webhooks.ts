import { type Executor, queryRows, schema } from "@keel/db";
import { and, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelayMs } from "./retry-backoff.ts";

/** How much of a receiver's answer is kept in `last_error`. */
const ERROR_EXCERPT_CHARS = 500;

export type DeliverWebhooksOptions = {
  /** Read per claim and per result (backoff, delivery times); default: the context's `now`. */
  clock?: () => Date;
  fetch?: typeof globalThis.fetch;
  /** Most deliveries claimed (and sent concurrently) per call. */
  limit?: number;
  /** Per request, body included. */
  timeoutMs?: number;
};

export type DeliverWebhooksResult = { claimed: number; delivered: number; failed: number; dead: number };

type ClaimedDelivery = { id: string; eventType: string; payload: string; attempts: number; url: string };

type AttemptOutcome =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string };

/**
 * Sends the due pending deliveries of the outbox (SPEC §12, ADR 0006). The claim is one
 * statement: it locks due rows with SKIP LOCKED (another instance claiming at the same moment
 * takes other rows), counts the attempt and pushes `next_attempt_at` past the request timeout —
 * a per-row lease, so no other instance sends the row while this one is on it, and a crash
 * mid-send only delays it. No transaction is held across HTTP (PGlite has one connection).
 * Each result is written only if the row is still as claimed (pending, same attempt count).
 */
export async function deliverDueWebhooks(
  ctx: ServiceContext,
  { clock, fetch: send = globalThis.fetch, limit = 50, timeoutMs = 10_000 }: DeliverWebhooksOptions = {},
): Promise<DeliverWebhooksResult> {
  const { db } = ctx;
  const now = clock ?? (() => ctx.now);
  const claimedAt = now();
  const leaseUntil = new Date(claimedAt.getTime() + timeoutMs + 60_000);
  const claimed = await queryRows<ClaimedDelivery>(
    db,
    sql`with due as (
        select d.id from webhook_deliveries d
        join webhook_subscriptions s on s.id = d.subscription_id
        where d.status = 'pending' and d.next_attempt_at <= ${claimedAt.toISOString()}::timestamptz
          and s.active
        order by d.next_attempt_at, d.id
        limit ${limit}::int
        for update of d skip locked
      )
      update webhook_deliveries d
      set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
      from due, webhook_subscriptions s
      where d.id = due.id and s.id = d.subscription_id
      returning d.id::text as id, d.event_type as "eventType", d.payload::text as payload,
        d.attempts, s.url`,
  );

  const result: DeliverWebhooksResult = { claimed: claimed.length, delivered: 0, failed: 0, dead: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await attempt(send, delivery, timeoutMs);
      const recorded = await record(db, delivery, outcome, now());
      if (recorded) result[recorded] += 1;
    }),
  );
  return result;
}

async function attempt(
  send: typeof globalThis.fetch,
  delivery: ClaimedDelivery,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  try {
    const response = await send(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Keel-Webhooks/1",
        // At-least-once: receivers de-duplicate on this id (and on event.firingKey).
        "X-Keel-Delivery": delivery.id,
        "X-Keel-Event": delivery.eventType,
        "X-Keel-Attempt": String(delivery.attempts),
      },
      body: delivery.payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text().catch(() => "");
    if (response.ok) return { ok: true, statusCode: response.status };
    const excerpt = body.slice(0, ERROR_EXCERPT_CHARS);
    return {
      ok: false,
      statusCode: response.status,
      error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ""}`,
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError")
      return `timed out after ${timeoutMs} ms`;
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail =
      typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
    return (detail ? `${error.message} (${detail})` : error.message).slice(0, ERROR_EXCERPT_CHARS);
  }
  return String(error).slice(0, ERROR_EXCERPT_CHARS);
}

async function record(
  db: Executor,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: Date,
): Promise<"delivered" | "failed" | "dead" | null> {
  const table = schema.webhookDeliveries;
  // Fencing: an admin retry or a takeover after an expired claim has moved the row on.
  const stillOurs = and(
    eq(table.id, Number(delivery.id)),
    eq(table.status, "pending"),
    eq(table.attempts, delivery.attempts),
  );
  if (outcome.ok) {
    const rows = await db
      .update(table)
      .set({ status: "delivered", deliveredAt: at, lastStatusCode: outcome.statusCode })
      .where(stillOurs)
      .returning({ id: table.id });
    return rows.length ? "delivered" : null;
  }
  const dead = delivery.attempts >= MAX_WEBHOOK_ATTEMPTS;
  const rows = await db
    .update(table)
    .set({
      status: dead ? "dead" : "pending",
      nextAttemptAt: dead ? at : new Date(at.getTime() + webhookRetryDelayMs(delivery.attempts)),
      lastError: outcome.error,
      lastStatusCode: outcome.statusCode,
    })
    .where(stillOurs)
    .returning({ id: table.id });
  if (!rows.length) return null;
  return dead ? "dead" : "failed";
}
