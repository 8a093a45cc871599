import { schema } from "@keel/db";
import { recordAudit } from "#audit/record-audit.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import {
  authorize,
  distinct,
  refuseForbiddenTarget,
  toView,
  type WebhookSubscriptionInput,
  type WebhookSubscriptionView,
  type WebhookTargets,
} from "./subscription-view.ts";

export async function createWebhookSubscription(
  ctx: ServiceContext,
  input: WebhookSubscriptionInput & WebhookTargets,
): Promise<WebhookSubscriptionView> {
  const { actor, now, requestId } = ctx;
  authorize(actor);
  await refuseForbiddenTarget(input.url, input.targets);
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
