import { type Database, type Executor, schema } from "@keel/db";
import type { Actor } from "@keel/domain";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { ServiceError } from "#errors.ts";

export type WebhookDeliveryStatus = (typeof schema.webhookDeliveryStatuses)[number];

export type WebhookDeliveryView = {
  id: number;
  subscriptionId: string;
  eventType: string;
  payload: Record<string, unknown>;
  firingKey: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
};

const toView = (row: typeof schema.webhookDeliveries.$inferSelect): WebhookDeliveryView => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  eventType: row.eventType,
  payload: row.payload,
  firingKey: row.firingKey,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  lastError: row.lastError,
  lastStatusCode: row.lastStatusCode,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

export type WebhookDeliveryFilter = {
  status?: WebhookDeliveryStatus;
  subscriptionId?: string;
  limit: number;
};

/** The outbox as an admin sees it, newest first: what was sent, what waits, what gave up. */
export async function listWebhookDeliveries(
  { db, actor }: { db: Executor; actor: Actor },
  filter: WebhookDeliveryFilter,
): Promise<WebhookDeliveryView[]> {
  authorizeGlobal(actor, "playbook.manage");
  const table = schema.webhookDeliveries;
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(table.status, filter.status));
  if (filter.subscriptionId) conditions.push(eq(table.subscriptionId, filter.subscriptionId));
  const rows = await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(filter.limit);
  return rows.map(toView);
}

/**
 * Sends a dead or pending delivery again at the next deliverer tick. The attempt count is kept
 * (it is the delivery's history), so a dead delivery gets one more attempt before it is dead
 * again. Retrying a delivered one is a conflict: it arrived.
 */
export async function retryWebhookDelivery(
  { db, actor, now, requestId }: { db: Database; actor: Actor; now: Date; requestId: string },
  id: number,
): Promise<WebhookDeliveryView> {
  authorizeGlobal(actor, "playbook.manage");
  const table = schema.webhookDeliveries;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(table).where(eq(table.id, id)).for("update");
    if (!current) throw new ServiceError("not_found", `Webhook delivery ${id} does not exist`);
    if (current.status === "delivered") {
      throw new ServiceError("conflict", `Webhook delivery ${id} was delivered already`);
    }
    const [row] = await tx
      .update(table)
      .set({ status: "pending", nextAttemptAt: now })
      .where(and(eq(table.id, id), inArray(table.status, ["pending", "dead"])))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.retryDelivery",
      entity: "webhook_delivery",
      entityId: String(id),
      before: { status: current.status, nextAttemptAt: current.nextAttemptAt.toISOString() },
      after: { status: "pending", nextAttemptAt: now.toISOString() },
      requestId,
    });
    return toView(row!);
  });
}
