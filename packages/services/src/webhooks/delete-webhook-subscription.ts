import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { authorize, toView, type WebhookSubscriptionView } from "./subscription-view.ts";

/** Deleting a subscription deletes its deliveries (pending ones are never sent). */
export async function deleteWebhookSubscription(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<WebhookSubscriptionView> {
  const { actor, requestId } = ctx;
  authorize(actor);
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
