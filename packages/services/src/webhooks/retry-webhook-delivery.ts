import { schema } from "@keel/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { toView, type WebhookDeliveryView } from "./delivery-view.ts";

/**
 * Sends a dead or pending delivery again at the next deliverer tick. The attempt count is kept
 * (it is the delivery's history), so a dead delivery gets one more attempt before it is dead
 * again. Retrying a delivered one is a conflict: it arrived.
 */
export async function retryWebhookDelivery(
  ctx: ServiceContext,
  { id }: { id: number },
): Promise<WebhookDeliveryView> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "playbook.manage");
  const table = schema.webhookDeliveries;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
