import { type Database, type Executor, schema } from "@keel/db";
import type { Actor } from "@keel/domain";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { ServiceError } from "#errors.ts";

export type WebhookSubscriptionView = {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdBy: string | null;
  createdAt: string;
};

export type WebhookSubscriptionInput = { name: string; url: string; eventTypes: string[]; active?: boolean };
export type WebhookSubscriptionPatch = Partial<WebhookSubscriptionInput>;

type Context = { db: Database; actor: Actor; now: Date; requestId: string };

const toView = (row: typeof schema.webhookSubscriptions.$inferSelect): WebhookSubscriptionView => ({
  id: row.id,
  name: row.name,
  url: row.url,
  eventTypes: row.eventTypes,
  active: row.active,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

// Webhooks fire from playbooks (SPEC §12), so managing them is managing playbooks: admins.
const authorize = (actor: Actor) => authorizeGlobal(actor, "playbook.manage");
const distinct = (eventTypes: string[]) => [...new Set(eventTypes)];

export async function listWebhookSubscriptions({
  db,
  actor,
}: {
  db: Executor;
  actor: Actor;
}): Promise<WebhookSubscriptionView[]> {
  authorize(actor);
  const rows = await db
    .select()
    .from(schema.webhookSubscriptions)
    .orderBy(desc(schema.webhookSubscriptions.createdAt), desc(schema.webhookSubscriptions.id));
  return rows.map(toView);
}

export async function createWebhookSubscription(
  { db, actor, now, requestId }: Context,
  input: WebhookSubscriptionInput,
): Promise<WebhookSubscriptionView> {
  authorize(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.webhookSubscriptions)
      .values({
        name: input.name,
        url: input.url,
        eventTypes: distinct(input.eventTypes),
        active: input.active ?? true,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    const subscription = toView(row!);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.create",
      entity: "webhook_subscription",
      entityId: subscription.id,
      after: subscription,
      requestId,
    });
    return subscription;
  });
}

export async function updateWebhookSubscription(
  { db, actor, requestId }: Context,
  id: string,
  patch: WebhookSubscriptionPatch,
): Promise<WebhookSubscriptionView> {
  authorize(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(schema.webhookSubscriptions)
      .where(eq(schema.webhookSubscriptions.id, id))
      .for("update");
    if (!current) throw new ServiceError("not_found", `Webhook subscription ${id} does not exist`);
    const [row] = await tx
      .update(schema.webhookSubscriptions)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.eventTypes !== undefined && { eventTypes: distinct(patch.eventTypes) }),
        ...(patch.active !== undefined && { active: patch.active }),
      })
      .where(eq(schema.webhookSubscriptions.id, id))
      .returning();
    const updated = toView(row!);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.update",
      entity: "webhook_subscription",
      entityId: id,
      before: toView(current),
      after: updated,
      requestId,
    });
    return updated;
  });
}

/** Deleting a subscription deletes its deliveries (pending ones are never sent). */
export async function deleteWebhookSubscription(
  { db, actor, requestId }: Context,
  id: string,
): Promise<WebhookSubscriptionView> {
  authorize(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(schema.webhookSubscriptions)
      .where(eq(schema.webhookSubscriptions.id, id))
      .returning();
    if (!row) throw new ServiceError("not_found", `Webhook subscription ${id} does not exist`);
    const deleted = toView(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.delete",
      entity: "webhook_subscription",
      entityId: id,
      before: deleted,
      requestId,
    });
    return deleted;
  });
}
