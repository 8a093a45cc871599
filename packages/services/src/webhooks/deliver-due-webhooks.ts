import { STATUS_CODES } from "node:http";
import { type Executor, queryRows, schema } from "@keel/db";
import { and, eq, sql } from "drizzle-orm";
import { Agent, type Dispatcher, fetch } from "undici";
import type { ServiceContext } from "#context.ts";
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelayMs } from "./retry-backoff.ts";
import {
  guardedLookup,
  noAllowedHosts,
  refusalOfUrl,
  type WebhookTargetPolicy,
  WebhookTargetRefusedError,
} from "./webhook-target.ts";

export type DeliverWebhooksOptions = {
  /** Read per claim and per result (backoff, delivery times); default: the context's `now`. */
  clock?: () => Date;
  /** Where deliveries may go; checked again as each one connects (DNS rebinding). */
  targets?: WebhookTargetPolicy;
  /** Most deliveries claimed (and sent concurrently) per call. */
  limit?: number;
  /** Per request, from connecting to the answer's status. */
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
 * A request goes only where `targets` allows (webhook-target.ts): the URL is judged before it is
 * sent and the address as its socket connects; a redirect is a failed attempt, never followed;
 * `last_error` holds the status or a short reason of our own, never the receiver's words.
 */
export async function deliverDueWebhooks(
  ctx: ServiceContext,
  { clock, targets = noAllowedHosts, limit = 50, timeoutMs = 10_000 }: DeliverWebhooksOptions = {},
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
  if (!claimed.length) return result;
  // Every socket of this run connects through the policy's lookup; none outlives the run.
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(targets) } });
  try {
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await attempt(dispatcher, targets, delivery, timeoutMs);
        const recorded = await record(db, delivery, outcome, now());
        if (recorded) result[recorded] += 1;
      }),
    );
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
  return result;
}

async function attempt(
  dispatcher: Dispatcher,
  targets: WebhookTargetPolicy,
  delivery: ClaimedDelivery,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { ok: false, statusCode: null, error: "refused: not a URL" };
  }
  // Literal addresses never reach the guarded lookup; judge them (and the scheme) here.
  const refusal = refusalOfUrl(url, targets);
  if (refusal) return { ok: false, statusCode: null, error: `refused: ${refusal}` };
  try {
    const response = await fetch(url, {
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
      // A redirect could point anywhere, the metadata service included: it is a failed attempt.
      redirect: "manual",
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The receiver's body is never read: it is not ours to show admins.
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { ok: true, statusCode: response.status };
    return { ok: false, statusCode: response.status, error: describeStatus(response.status) };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

/** The standard reason phrase, not the receiver's (a status line can carry anything). */
function describeStatus(status: number): string {
  const phrase = STATUS_CODES[status];
  const line = phrase ? `HTTP ${status} ${phrase}` : `HTTP ${status}`;
  return status >= 300 && status < 400 ? `${line} (redirects are not followed)` : line;
}

/** Socket and TLS failures in a few fixed words (plus the error code): nothing the peer wrote. */
const failureReasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  UND_ERR_SOCKET: "connection closed",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
};

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `timed out after ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof WebhookTargetRefusedError) return `refused: ${cause.reason}`;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^[A-Z0-9_]{1,40}$/.test(code)) return "request failed";
  const reason = failureReasons[code];
  if (reason) return reason;
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) return `TLS failed (${code})`;
  return `request failed (${code})`;
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
