import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import {
  authorize,
  distinct,
  refuseForbiddenTarget,
  toView,
  type WebhookSubscriptionPatch,
  type WebhookSubscriptionView,
  type WebhookTargets,
} from "./subscription-view.ts";

export async function updateWebhookSubscription(
  ctx: ServiceContext,
  { id, patch, targets }: { id: string; patch: WebhookSubscriptionPatch } & WebhookTargets,
): Promise<WebhookSubscriptionView> {
  const { actor, requestId } = ctx;
  authorize(actor);
  if (patch.url !== undefined) await refuseForbiddenTarget(patch.url, targets);
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
