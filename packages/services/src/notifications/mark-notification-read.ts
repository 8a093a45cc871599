import { schema } from "@keel/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type NotificationView, selectNotifications } from "./notification-view.ts";

const { notifications } = schema;

/** Marks one of the actor's notifications read; someone else's is as if it did not exist (404). */
export async function markNotificationRead(
  ctx: ServiceContext,
  { notificationId }: { notificationId: number },
): Promise<NotificationView> {
  const { actor, now, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const own = and(eq(notifications.id, notificationId), eq(notifications.userId, actor.id));
    const [current] = await tx.select().from(notifications).where(own).for("update");
    if (!current) throw new ServiceError("not_found", `Notification ${notificationId} does not exist`);
    if (current.readAt === null) {
      await tx.update(notifications).set({ readAt: now }).where(own);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "notification.read",
        entity: "notification",
        entityId: String(notificationId),
        after: { readAt: now.toISOString() },
        requestId,
      });
    }
    const { items } = await selectNotifications(tx, { where: own, limit: 1, offset: 0 });
    return items[0]!;
  });
}
