import type { Executor } from "@keel/db";
import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";

export type WebhookEvent = {
  /** What happened, e.g. `account.closed`; subscriptions list the types they want (or `*`). */
  eventType: string;
  /** The line a chat channel shows (Slack / Mattermost incoming webhooks read top-level `text`). */
  text: string;
  /** Machine-readable details; `type` is always `eventType`. */
  event: Record<string, unknown>;
  /** The playbook firing that sent it (must exist in playbook_firings); receivers de-duplicate on it. */
  firingKey?: string;
  at: Date;
};

/** The body every receiver gets: chat-compatible (`text`) with the event beside it. */
export type WebhookPayload = {
  text: string;
  event: { type: string; firingKey?: string } & Record<string, unknown>;
};

export function webhookPayload({ eventType, text, event, firingKey }: WebhookEvent): WebhookPayload {
  const { type: _ignored, ...details } = event;
  return { text, event: { type: eventType, ...details, ...(firingKey !== undefined && { firingKey }) } };
}

/**
 * SPEC §12 transactional outbox: one pending delivery per active subscription to the event's
 * type (or to `*`), written with the caller's executor — inside the write's transaction, the
 * deliveries commit or roll back with it. Nothing is sent here; the deliverer sends them.
 * Returns how many deliveries were enqueued.
 */
export async function enqueueWebhook(db: Executor, input: WebhookEvent): Promise<number> {
  const at = input.at.toISOString();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into webhook_deliveries
        (subscription_id, event_type, payload, firing_key, status, attempts, next_attempt_at, created_at)
      select s.id, ${input.eventType}::text, ${JSON.stringify(webhookPayload(input))}::jsonb,
        ${input.firingKey ?? null}::text,
        'pending', 0, ${at}::timestamptz, ${at}::timestamptz
      from webhook_subscriptions s
      where s.active and (${input.eventType}::text = any(s.event_types) or '*' = any(s.event_types))
      order by s.created_at, s.id
      returning id::text as id`,
  );
  return rows.length;
}
